import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { actorAsSeenBy } from '../../domain/accounts/actors.js';
import { approveRefundRequest } from '../../domain/refund-requests/approve-refund-request.service.js';
import { cancelRefundRequest } from '../../domain/refund-requests/cancel-refund-request.service.js';
import { declineRefundRequest } from '../../domain/refund-requests/decline-refund-request.service.js';
import { listRefundRequests } from '../../domain/refund-requests/list-refund-requests.service.js';
import type { RefundRequest } from '../../domain/refund-requests/refund-request-record.js';
import { RefundRequestStatus } from '../../domain/refund-requests/refund-request-record.js';
import { requestRefund } from '../../domain/refund-requests/request-refund.service.js';
import { retryRefundRequest } from '../../domain/refund-requests/retry-refund-request.service.js';
import { findWallet } from '../../domain/wallets/find-wallet.service.js';
import { ActorObject, toActorObject } from '../accounts/actor.type.js';
import { toWalletObject } from '../wallets/wallet.type.js';
import {
  DeclineRefundRequestInput,
  RefundRequestObject,
  RefundRequestPayload,
  RequestRefundInput,
  toRefundRequestObject,
} from './refund-requests.types.js';

/** The payload of a request with its wallet as the caller sees it now. */
async function payloadOf(context: Context, request: RefundRequest): Promise<RefundRequestPayload> {
  const wallet = await findWallet(context.em.fork(), { principal: context.principal, walletId: request.walletId });
  return Object.assign(new RefundRequestPayload(), { refundRequest: toRefundRequestObject(request), wallet: toWalletObject(wallet) });
}

@Resolver(() => RefundRequestObject)
export class RefundRequestsResolver {
  @Query(() => [RefundRequestObject], {
    description:
      "Refund requests newest first: platform staff's queue (statuses PENDING and FAILED, any account) or an owner's history (their account). " +
      'OWNER, SUPPORT, PLATFORM_ADMIN; others FORBIDDEN.',
  })
  async refundRequests(
    @Arg('accountId', () => ID, { nullable: true, description: "Only this account's (an OWNER always sees only their own)." })
    accountId: string | null,
    @Arg('walletId', () => ID, { nullable: true, description: "Only this wallet's." }) walletId: string | null,
    @Arg('status', () => RefundRequestStatus, { nullable: true, description: 'Only requests in this status.' })
    status: RefundRequestStatus | null,
    @Arg('statuses', () => [RefundRequestStatus], {
      nullable: true,
      description: 'Only requests in one of these statuses (at least one; with status, both apply).',
    })
    statuses: RefundRequestStatus[] | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many, 1..100.' }) first: number,
    @Ctx() { em, principal, config }: Context,
  ): Promise<RefundRequestObject[]> {
    const requests = await listRefundRequests(em, { principal, accountId, walletId, status, statuses, first, limits: config });
    return requests.map(toRefundRequestObject);
  }

  @FieldResolver(() => ActorObject, { description: 'Who asked (a user or API key of the account).' })
  async requestedBy(@Root() request: RefundRequestObject, @Ctx() { loaders, principal }: Context): Promise<ActorObject> {
    return toActorObject(actorAsSeenBy(principal, await loaders.actors.load(request.requestedByText)));
  }

  @FieldResolver(() => ActorObject, {
    nullable: true,
    description: 'Who approved, declined or cancelled it; null while PENDING (a tenant sees that platform staff decided, never who).',
  })
  async decidedBy(@Root() request: RefundRequestObject, @Ctx() { loaders, principal }: Context): Promise<ActorObject | null> {
    if (request.decidedByText === null) return null;
    return toActorObject(actorAsSeenBy(principal, await loaders.actors.load(request.decidedByText)));
  }

  @Mutation(() => RefundRequestPayload, {
    description:
      'OWNER (PLATFORM_ADMIN on their behalf): asks for a refund of unused paid credit (at most wallet.refundable; one open request per wallet). ' +
      'Platform staff see it in their queue and alert feed; nothing leaves the wallet until they approve.',
  })
  async requestRefund(
    @Arg('input', () => RequestRefundInput, { description: 'The wallet, the amount and why.' }) input: RequestRefundInput,
    @Ctx() context: Context,
  ): Promise<RefundRequestPayload> {
    const request = await requestRefund(context.em, {
      principal: context.principal,
      walletId: input.walletId,
      amountMicros: input.amount,
      reason: input.reason ?? null,
      nowMs: context.spend.clock.now(),
      limits: context.config,
    });
    return payloadOf(context, request);
  }

  @Mutation(() => RefundRequestPayload, { description: 'OWNER: withdraws their PENDING refund request.' })
  async cancelRefundRequest(
    @Arg('id', () => ID, { description: 'The request.' }) id: string,
    @Ctx() context: Context,
  ): Promise<RefundRequestPayload> {
    const request = await cancelRefundRequest(context.em, { principal: context.principal, id, nowMs: context.spend.clock.now() });
    return payloadOf(context, request);
  }

  @Mutation(() => RefundRequestPayload, {
    description:
      'SUPPORT, PLATFORM_ADMIN: approves a PENDING refund request: its amount is refunded to the cards that paid (as refundUnusedCredit) and the owners ' +
      'are e-mailed. When the card refund fails it is FAILED (failureReason; the credit is back in the wallet, the owners are e-mailed; retryRefundRequest). ' +
      'REFUND_EXCEEDS_REFUNDABLE when the credit was spent meanwhile (nothing changes; decline it instead).',
  })
  async approveRefundRequest(
    @Arg('id', () => ID, { description: 'The request.' }) id: string,
    @Ctx() context: Context,
  ): Promise<RefundRequestPayload> {
    const request = await approveRefundRequest(context.em, context.payments.deps, { principal: context.principal, id });
    return payloadOf(context, request);
  }

  @Mutation(() => RefundRequestPayload, {
    description:
      'SUPPORT, PLATFORM_ADMIN: retries a FAILED refund request: the credit that did not reach the card (failedAmount, back in the wallet) is refunded ' +
      'again, at most once per attempt (two retries at once: one refunds, the other is INVALID_STATE). It is APPROVED again, or FAILED again when the ' +
      'card refund fails again. INVALID_STATE unless FAILED or while a card refund is still pending; REFUND_EXCEEDS_REFUNDABLE when the credit was spent meanwhile.',
  })
  async retryRefundRequest(
    @Arg('id', () => ID, { description: 'The request.' }) id: string,
    @Ctx() context: Context,
  ): Promise<RefundRequestPayload> {
    const request = await retryRefundRequest(context.em, context.payments.deps, { principal: context.principal, id });
    return payloadOf(context, request);
  }

  @Mutation(() => RefundRequestPayload, {
    description: 'SUPPORT, PLATFORM_ADMIN: declines a PENDING refund request with a reason; the owners are e-mailed it.',
  })
  async declineRefundRequest(
    @Arg('input', () => DeclineRefundRequestInput, { description: 'The request and why.' }) input: DeclineRefundRequestInput,
    @Ctx() context: Context,
  ): Promise<RefundRequestPayload> {
    const request = await declineRefundRequest(context.em, context.config, {
      principal: context.principal,
      id: input.id,
      reason: input.reason,
      nowMs: context.spend.clock.now(),
    });
    return payloadOf(context, request);
  }
}
