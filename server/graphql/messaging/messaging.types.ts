import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { PageInfo } from '../wallets/wallet.type.js';
import { MessageDeliveryStatus, MessageDirection, MessageEncoding, MessageStatus } from './messaging.enums.js';

@ObjectType('Message', { description: 'One SMS to or from one number. An outbound message holds its price until its delivery report.' })
export class MessageObject {
  @Field(() => ID, { description: 'Unique id of the message.' })
  id!: string;

  @Field(() => ID, { description: 'The wallet that pays it.' })
  walletId!: string;

  @Field(() => ID, { description: 'The campaign it was sent for; null otherwise.', nullable: true })
  campaignId!: string | null;

  @Field(() => MessageDirection, { description: 'OUTBOUND (sent by the account) or INBOUND (received on one of its numbers).' })
  direction!: MessageDirection;

  @Field(() => String, { description: 'E.164 number or alphanumeric sender id.' })
  from!: string;

  @Field(() => String, { description: 'E.164 number.' })
  to!: string;

  @Field(() => String, { description: 'The text, 1 to 1600 characters.' })
  body!: string;

  @Field(() => MessageEncoding, { description: 'How the body is encoded, which decides how many characters fit in a part.' })
  encoding!: MessageEncoding;

  @Field(() => Int, { description: 'Parts it is sent in; each is billed as one SMS.' })
  segments!: number;

  @Field(() => MoneyScalar, {
    description: 'Segments × the per-segment price of its destination (inbound: of its sender). Charged only when DELIVERED or RECEIVED.',
  })
  price!: bigint;

  @Field(() => MoneyScalar, { description: 'Held on the wallet now: the price while PENDING, else 0.' })
  hold!: bigint;

  @Field(() => MessageStatus, { description: 'Where the message stands; see MessageStatus.' })
  status!: MessageStatus;

  @Field(() => DateTimeResolver, { description: 'When it was sent or received.' })
  createdAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it became final (delivered, failed, expired or received).' })
  finalizedAt!: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'Outbound: when its hold lapses if no delivery report came (it then EXPIRES, free).',
  })
  expiresAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The SMS transaction of its price, once charged.' })
  transactionId!: string | null;

  @Field(() => String, { description: 'Grows with every change.' })
  version!: string;
}

@ObjectType('MessageEdge', { description: 'One message of a page and its cursor.' })
export class MessageEdge {
  @Field(() => String, { description: 'Opaque position of this item: pass it as `after` to get the items after it.' })
  cursor!: string;

  @Field(() => MessageObject, { description: 'The message.' })
  node!: MessageObject;
}

@ObjectType('MessageConnection', { description: 'Messages newest first, Relay style.' })
export class MessageConnection {
  @Field(() => [MessageEdge], { description: 'This page of messages, in order.' })
  edges!: MessageEdge[];

  @Field(() => PageInfo, { description: 'Whether another page follows, and the cursor to fetch it.' })
  pageInfo!: PageInfo;
}

@ArgsType()
export class MessagesArgs {
  @Field(() => ID, { description: "The wallet (one of the caller's; NOT_FOUND otherwise)." })
  walletId!: string;

  @Field(() => ID, { nullable: true, description: "Only this campaign's messages." })
  campaignId?: string | null;

  @Field(() => MessageStatus, { description: 'Only messages in this status.', nullable: true })
  status?: MessageStatus | null;

  @Field(() => MessageDirection, { description: 'Only messages that went this way.', nullable: true })
  direction?: MessageDirection | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 1..100. Default 20.' })
  first?: number | null;

  @Field(() => String, { description: 'endCursor of the previous page.', nullable: true })
  after?: string | null;
}

@InputType('SendMessageInput', { description: 'An SMS to one or more recipients, paid from a wallet.' })
export class SendMessageInput {
  @Field(() => ID, { description: 'The wallet that pays.' })
  walletId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'A RUNNING campaign on the wallet: its rate plan prices the messages and its budget caps them.',
  })
  campaignId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The rate plan that prices the messages; required without campaignId, and with it only the campaign's own.",
  })
  ratePlanId?: string | null;

  @Field(() => String, { description: 'E.164 number, or a sender id of 1 to 11 letters, digits and spaces with at least one letter.' })
  from!: string;

  @Field(() => [String], {
    description: "Distinct E.164 numbers, 1 to the server's messageRecipientsMax (default 1000): one message each.",
  })
  to!: string[];

  @Field(() => String, { description: '1 to 1600 characters.' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'Retry-safe key (per account): the same key and request return the same messages.' })
  idempotencyKey?: string | null;
}

@ObjectType('SendMessagePayload', { description: 'The result of sendMessage: one message per recipient and the total held.' })
export class SendMessagePayload {
  @Field(() => [MessageObject], { description: 'One per recipient, in the order of `to`.' })
  messages!: MessageObject[];

  @Field(() => MoneyScalar, { description: 'Held on the wallet at send: the sum of the prices. Charged per message on delivery.' })
  held!: bigint;

  @Field(() => Boolean, { description: 'True when the idempotency key already sent this request; nothing new happened.' })
  replayed!: boolean;
}

@InputType('ReportMessageDeliveryInput', { description: "A carrier's delivery report for one outbound message." })
export class ReportMessageDeliveryInput {
  @Field(() => ID, { description: 'The outbound message it reports on.' })
  messageId!: string;

  @Field(() => MessageDeliveryStatus, { description: 'What the report says.' })
  status!: MessageDeliveryStatus;
}

@ObjectType('ReportMessageDeliveryPayload', { description: 'The result of reportMessageDelivery.' })
export class ReportMessageDeliveryPayload {
  @Field(() => MessageObject, { description: 'As it is now: a message already final is returned unchanged.' })
  message!: MessageObject;
}

@InputType('ReceiveMessageInput', { description: 'An inbound SMS handed over by the carrier.' })
export class ReceiveMessageInput {
  @Field(() => String, { description: 'The sender: E.164 number or alphanumeric sender id.' })
  from!: string;

  @Field(() => String, { description: "One of the platform's numbers (E.164); its account pays." })
  to!: string;

  @Field(() => String, { description: '1 to 1600 characters.' })
  body!: string;

  @Field(() => String, {
    nullable: true,
    description: "Retry-safe key, e.g. the carrier's message id: the same key returns the same message.",
  })
  idempotencyKey?: string | null;
}

@ObjectType('ReceiveMessagePayload', { description: 'The result of receiveMessage.' })
export class ReceiveMessagePayload {
  @Field(() => MessageObject, { description: 'The inbound message, RECEIVED and charged.' })
  message!: MessageObject;

  @Field(() => Boolean, { description: 'True when the idempotency key already recorded this message; nothing new happened.' })
  replayed!: boolean;
}

@InputType('EstimateMessageInput', { description: 'A message to price without sending it.' })
export class EstimateMessageInput {
  @Field(() => ID, { description: 'The rate plan that would price it.' })
  ratePlanId!: string;

  @Field(() => [String], { description: 'Recipients, E.164, 1 to messageRecipientsMax (default 1000).' })
  to!: string[];

  @Field(() => String, { description: 'The text, 1 to 1600 characters.' })
  body!: string;
}

@ObjectType('MessageRecipientPrice', { description: 'What one recipient of an estimated message would cost.' })
export class MessageRecipientPrice {
  @Field(() => String, { description: 'The recipient, E.164.' })
  to!: string;

  @Field(() => String, { description: 'The rate prefix that prices it.' })
  prefix!: string;

  @Field(() => MoneyScalar, { description: 'Price of one part to this recipient.' })
  perSegment!: bigint;

  @Field(() => MoneyScalar, { description: 'Parts × per-segment price: what would be held for this recipient.' })
  price!: bigint;
}

@ObjectType('MessageEstimate', { description: 'What sendMessage would hold for a message, without sending it.' })
export class MessageEstimate {
  @Field(() => String, { description: "ISO 4217 code of the amounts (the rate plan's)." })
  currency!: string;

  @Field(() => MessageEncoding, { description: 'The encoding the body needs.' })
  encoding!: MessageEncoding;

  @Field(() => Int, { description: 'Characters of the body (UTF-16 code units, as the 1600 limit counts).' })
  characters!: number;

  @Field(() => Int, { description: 'Size as sent: GSM7 septets (extension characters such as € count 2) or UCS2 code units.' })
  units!: number;

  @Field(() => Int, { description: 'Parts per recipient.' })
  segments!: number;

  @Field(() => [MessageRecipientPrice], { description: 'The price per recipient, in the order given.' })
  recipients!: MessageRecipientPrice[];

  @Field(() => MoneyScalar, { description: "Sum of the recipients' prices: what sendMessage would hold." })
  total!: bigint;
}
