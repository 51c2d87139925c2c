import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { encodeCreatedCursor, validatePageSize } from '../../domain/campaigns/created-cursor.js';
import { cancelSenderId } from '../../domain/sender-ids/cancel-sender-id.service.js';
import { decideSenderId } from '../../domain/sender-ids/decide-sender-id.service.js';
import { findSenderId, listPendingSenderIds, listSenderIds } from '../../domain/sender-ids/find-sender-ids.service.js';
import { registerSenderId } from '../../domain/sender-ids/register-sender-id.service.js';
import { isLive, type SenderIdRecord } from '../../domain/sender-ids/sender-id-record.js';
import {
  DecideSenderIdInput,
  PendingSenderIdObject,
  RegisterSenderIdInput,
  SenderIdConnection,
  SenderIdObject,
  SenderIdPayload,
  SenderIdsArgs,
} from './sender-ids.types.js';

const dateOrNull = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

/** The GraphQL view of a sender ID. */
export function toSenderIdObject(sender: SenderIdRecord): SenderIdObject {
  return Object.assign(new SenderIdObject(), {
    id: sender.id,
    accountId: sender.accountId,
    walletId: sender.walletId,
    sender: sender.sender,
    status: sender.status,
    monthlyFee: sender.monthlyMicros,
    decisionReason: sender.decisionReason,
    decidedAt: dateOrNull(sender.decidedAtMs),
    periodsPaid: sender.periodsPaid,
    renewsAt: isLive(sender.status) ? dateOrNull(sender.renewsAtMs) : null,
    graceUntil: dateOrNull(sender.graceUntilMs),
    cancelledAt: dateOrNull(sender.cancelledAtMs),
    cancelReason: sender.cancelReason,
    createdAt: new Date(sender.createdAtMs),
  });
}

/** Sender IDs: register, list, cancel; support's queue, approve, reject. Renewals run as a job (renewSenderIds). */
@Resolver(() => SenderIdObject)
export class SenderIdsResolver {
  @Query(() => SenderIdConnection, {
    description: "The caller's sender IDs (every tenant's for SUPPORT and PLATFORM_ADMIN, or one account's with accountId), newest first.",
  })
  async senderIds(@Args(() => SenderIdsArgs) args: SenderIdsArgs, @Ctx() { em, principal, config }: Context): Promise<SenderIdConnection> {
    const page = await listSenderIds(em, {
      principal,
      accountId: args.accountId,
      status: args.status,
      first: args.first,
      after: args.after,
      limits: config,
    });
    const edges = page.senderIds.map((sender) => ({
      cursor: encodeCreatedCursor(sender.createdAtUs, sender.id),
      node: toSenderIdObject(sender),
    }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Query(() => SenderIdObject, { nullable: true, description: 'A sender ID of the caller; NOT_FOUND otherwise.' })
  async senderId(
    @Arg('id', () => ID, { description: 'Id of the sender ID.' }) id: string,
    @Ctx() { em, principal }: Context,
  ): Promise<SenderIdObject> {
    return toSenderIdObject(await findSenderId(em, principal, id));
  }

  @Query(() => [PendingSenderIdObject], {
    description: "SUPPORT, PLATFORM_ADMIN: sender IDs waiting for a decision, every tenant's, oldest first.",
  })
  async pendingSenderIds(
    @Arg('first', () => Int, { nullable: true, description: 'How many, 1..100 (default 20).' }) first: number | null,
    @Ctx() { em, principal, config }: Context,
  ): Promise<PendingSenderIdObject[]> {
    const limit = validatePageSize(first, config);
    const pending = await listPendingSenderIds(em, { principal, limit });
    return pending.map((row) =>
      Object.assign(new PendingSenderIdObject(), { senderId: toSenderIdObject(row.senderId), accountName: row.accountName }),
    );
  }

  @Mutation(() => SenderIdPayload, {
    description:
      'OWNER, INTEGRATOR, PLATFORM_ADMIN: applies for a sender ID (PENDING, nothing charged); at most senderIdsPerAccountMax pending or live per account (LIMIT_EXCEEDED).',
  })
  async registerSenderId(
    @Arg('input', () => RegisterSenderIdInput, { description: 'The sender ID and the wallet that will pay it.' })
    input: RegisterSenderIdInput,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<SenderIdPayload> {
    return {
      senderId: toSenderIdObject(await registerSenderId(em, spend.deps, { principal, walletId: input.walletId, sender: input.sender })),
    };
  }

  @Mutation(() => SenderIdPayload, {
    description:
      "SUPPORT, PLATFORM_ADMIN: approves a PENDING sender ID with a reason: its first month's fee is debited (INSUFFICIENT_FUNDS: it stays PENDING), then it renews monthly.",
  })
  async approveSenderId(
    @Arg('input', () => DecideSenderIdInput, { description: 'The sender ID and the reason.' }) input: DecideSenderIdInput,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<SenderIdPayload> {
    return {
      senderId: toSenderIdObject(
        await decideSenderId(em, spend.deps, { principal, senderIdId: input.id, approve: true, reason: input.reason }),
      ),
    };
  }

  @Mutation(() => SenderIdPayload, {
    description: 'SUPPORT, PLATFORM_ADMIN: rejects a PENDING sender ID with a reason; nothing is charged.',
  })
  async rejectSenderId(
    @Arg('input', () => DecideSenderIdInput, { description: 'The sender ID and the reason.' }) input: DecideSenderIdInput,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<SenderIdPayload> {
    return {
      senderId: toSenderIdObject(
        await decideSenderId(em, spend.deps, { principal, senderIdId: input.id, approve: false, reason: input.reason }),
      ),
    };
  }

  @Mutation(() => SenderIdPayload, {
    description:
      'OWNER, INTEGRATOR, PLATFORM_ADMIN: withdraws a pending sender ID or cancels an approved one at once (no refund of the month running).',
  })
  async cancelSenderId(
    @Arg('id', () => ID, { description: 'Id of the sender ID.' }) id: string,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<SenderIdPayload> {
    return { senderId: toSenderIdObject(await cancelSenderId(em, spend.deps, { principal, senderIdId: id })) };
  }
}
