import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { encodeCreatedCursor } from '../../domain/campaigns/created-cursor.js';
import { estimateMessage } from '../../domain/messaging/estimate-message.service.js';
import { findMessage, listMessages } from '../../domain/messaging/list-messages.service.js';
import { receiveMessage } from '../../domain/messaging/receive-message.service.js';
import { reportMessageDelivery } from '../../domain/messaging/report-message-delivery.service.js';
import { sendMessage } from '../../domain/messaging/send-message.service.js';
import { toMessageObject } from './messaging.mappers.js';
import {
  EstimateMessageInput,
  MessageConnection,
  MessageEstimate,
  MessageObject,
  MessageRecipientPrice,
  MessagesArgs,
  ReceiveMessageInput,
  ReceiveMessagePayload,
  ReportMessageDeliveryInput,
  ReportMessageDeliveryPayload,
  SendMessageInput,
  SendMessagePayload,
} from './messaging.types.js';

/** SMS: sending on holds, delivery reports, inbound messages, and reading them back. */
@Resolver()
export class MessagingResolver {
  @Query(() => MessageConnection, { description: "A wallet's messages, newest first (optionally of one campaign, status or direction)." })
  async messages(@Args(() => MessagesArgs) args: MessagesArgs, @Ctx() { em, principal, config }: Context): Promise<MessageConnection> {
    const page = await listMessages(em, { principal, ...args, limits: config });
    const edges = page.messages.map((message) => ({
      cursor: encodeCreatedCursor(message.createdAtUs, message.id),
      node: toMessageObject(message),
    }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Query(() => MessageObject, {
    nullable: true,
    description: 'A message of the caller (any for SUPPORT and PLATFORM_ADMIN); NOT_FOUND otherwise.',
  })
  async message(
    @Arg('id', () => ID, { description: 'Id of the message.' }) id: string,
    @Ctx() { em, principal }: Context,
  ): Promise<MessageObject> {
    return toMessageObject(await findMessage(em, principal, id));
  }

  @Query(() => MessageEstimate, { description: 'Encoding, parts and price of a message under a rate plan, without sending it.' })
  async estimateMessage(
    @Arg('input', () => EstimateMessageInput, { description: 'The rate plan, recipients and body to price.' }) input: EstimateMessageInput,
    @Ctx() { em, config }: Context,
  ): Promise<MessageEstimate> {
    const estimate = await estimateMessage(em, { ratePlanId: input.ratePlanId, to: input.to, body: input.body, limits: config });
    return Object.assign(new MessageEstimate(), {
      currency: estimate.currency,
      encoding: estimate.encoding,
      characters: estimate.characters,
      units: estimate.units,
      segments: estimate.segments,
      recipients: estimate.recipients.map((recipient) =>
        Object.assign(new MessageRecipientPrice(), {
          to: recipient.to,
          prefix: recipient.ratePrefix,
          perSegment: recipient.perSegmentMicros,
          price: recipient.priceMicros,
        }),
      ),
      total: estimate.totalMicros,
    });
  }

  @Mutation(() => SendMessagePayload, {
    description:
      'OWNER, INTEGRATOR, PLATFORM_ADMIN: sends one message per recipient, all or nothing: holds the total on the wallet (and campaign); each message ' +
      'is charged when delivered, released when it fails or expires. INSUFFICIENT_FUNDS (reason BUDGET_REACHED for the campaign budget) and ' +
      'WALLET_SUSPENDED write nothing; also BAD_USER_INPUT, CAMPAIGN_NOT_RUNNING, IDEMPOTENCY_KEY_REUSED, NOT_FOUND.',
  })
  async sendMessage(
    @Arg('input', () => SendMessageInput, { description: 'The wallet, sender, recipients and body.' }) input: SendMessageInput,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<SendMessagePayload> {
    const sent = await sendMessage(em, spend.deps, {
      principal,
      walletId: input.walletId,
      campaignId: input.campaignId,
      ratePlanId: input.ratePlanId,
      from: input.from,
      to: input.to,
      body: input.body,
      idempotencyKey: input.idempotencyKey,
    });
    return Object.assign(new SendMessagePayload(), {
      messages: sent.messages.map(toMessageObject),
      held: sent.heldMicros,
      replayed: sent.replayed,
    });
  }

  @Mutation(() => ReportMessageDeliveryPayload, {
    description:
      "OWNER, INTEGRATOR, PLATFORM_ADMIN: a carrier's delivery report: DELIVERED charges the held price, FAILED and EXPIRED release it. A message " +
      'already final is returned unchanged. NOT_FOUND for a message the caller may not see.',
  })
  async reportMessageDelivery(
    @Arg('input', () => ReportMessageDeliveryInput, { description: 'The message and what its delivery report says.' })
    input: ReportMessageDeliveryInput,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<ReportMessageDeliveryPayload> {
    const message = await reportMessageDelivery(em, spend.deps, { principal, messageId: input.messageId, status: input.status });
    return Object.assign(new ReportMessageDeliveryPayload(), { message: toMessageObject(message) });
  }

  @Mutation(() => ReceiveMessagePayload, {
    description:
      "OWNER, INTEGRATOR, PLATFORM_ADMIN: an inbound SMS to one of the platform's numbers, charged to the number's wallet on arrival; refused (nothing " +
      'written) with INSUFFICIENT_FUNDS or WALLET_SUSPENDED when the wallet cannot pay. NOT_FOUND when no held number matches `to`.',
  })
  async receiveMessage(
    @Arg('input', () => ReceiveMessageInput, { description: 'The inbound message as the carrier handed it over.' })
    input: ReceiveMessageInput,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<ReceiveMessagePayload> {
    const received = await receiveMessage(em, spend.deps, {
      principal,
      from: input.from,
      to: input.to,
      body: input.body,
      idempotencyKey: input.idempotencyKey,
    });
    return Object.assign(new ReceiveMessagePayload(), { message: toMessageObject(received.message), replayed: received.replayed });
  }
}
