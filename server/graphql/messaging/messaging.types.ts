import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { PageInfo } from '../wallets/wallet.type.js';
import { MessageDeliveryStatus, MessageDirection, MessageEncoding, MessageStatus } from './messaging.enums.js';

@ObjectType('Message', { description: 'One SMS to or from one number. An outbound message holds its price until its delivery report.' })
export class MessageObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  walletId!: string;

  @Field(() => ID, { nullable: true })
  campaignId!: string | null;

  @Field(() => MessageDirection)
  direction!: MessageDirection;

  @Field(() => String, { description: 'E.164 number or alphanumeric sender id.' })
  from!: string;

  @Field(() => String, { description: 'E.164 number.' })
  to!: string;

  @Field(() => String)
  body!: string;

  @Field(() => MessageEncoding)
  encoding!: MessageEncoding;

  @Field(() => Int, { description: 'Parts it is sent in; each is billed as one SMS.' })
  segments!: number;

  @Field(() => MoneyScalar, { description: 'Segments × the per-segment price of its destination (inbound: of its sender). Charged only when DELIVERED or RECEIVED.' })
  price!: bigint;

  @Field(() => MoneyScalar, { description: 'Held on the wallet now: the price while PENDING, else 0.' })
  hold!: bigint;

  @Field(() => MessageStatus)
  status!: MessageStatus;

  @Field(() => DateTimeResolver)
  createdAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it became final (delivered, failed, expired or received).' })
  finalizedAt!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Outbound: when its hold lapses if no delivery report came (it then EXPIRES, free).' })
  expiresAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The SMS transaction of its price, once charged.' })
  transactionId!: string | null;

  @Field(() => String, { description: 'Grows with every change.' })
  version!: string;
}

@ObjectType('MessageEdge')
export class MessageEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => MessageObject)
  node!: MessageObject;
}

@ObjectType('MessageConnection', { description: 'Messages newest first, Relay style.' })
export class MessageConnection {
  @Field(() => [MessageEdge])
  edges!: MessageEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ArgsType()
export class MessagesArgs {
  @Field(() => ID)
  walletId!: string;

  @Field(() => ID, { nullable: true, description: "Only this campaign's messages." })
  campaignId?: string | null;

  @Field(() => MessageStatus, { nullable: true })
  status?: MessageStatus | null;

  @Field(() => MessageDirection, { nullable: true })
  direction?: MessageDirection | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 1..100. Default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@InputType('SendMessageInput')
export class SendMessageInput {
  @Field(() => ID, { description: 'The wallet that pays.' })
  walletId!: string;

  @Field(() => ID, { nullable: true, description: 'A RUNNING campaign on the wallet: its rate plan prices the messages and its budget caps them.' })
  campaignId?: string | null;

  @Field(() => ID, { nullable: true, description: "The rate plan that prices the messages; required without campaignId, and with it only the campaign's own." })
  ratePlanId?: string | null;

  @Field(() => String, { description: 'E.164 number, or a sender id of 1 to 11 letters, digits and spaces with at least one letter.' })
  from!: string;

  @Field(() => [String], { description: "Distinct E.164 numbers, 1 to the server's messageRecipientsMax (default 1000): one message each." })
  to!: string[];

  @Field(() => String, { description: '1 to 1600 characters.' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'Retry-safe key (per account): the same key and request return the same messages.' })
  idempotencyKey?: string | null;
}

@ObjectType('SendMessagePayload')
export class SendMessagePayload {
  @Field(() => [MessageObject], { description: 'One per recipient, in the order of `to`.' })
  messages!: MessageObject[];

  @Field(() => MoneyScalar, { description: 'Held on the wallet at send: the sum of the prices. Charged per message on delivery.' })
  held!: bigint;

  @Field(() => Boolean, { description: 'True when the idempotency key already sent this request; nothing new happened.' })
  replayed!: boolean;
}

@InputType('ReportMessageDeliveryInput')
export class ReportMessageDeliveryInput {
  @Field(() => ID)
  messageId!: string;

  @Field(() => MessageDeliveryStatus)
  status!: MessageDeliveryStatus;
}

@ObjectType('ReportMessageDeliveryPayload')
export class ReportMessageDeliveryPayload {
  @Field(() => MessageObject, { description: 'As it is now: a message already final is returned unchanged.' })
  message!: MessageObject;
}

@InputType('ReceiveMessageInput')
export class ReceiveMessageInput {
  @Field(() => String, { description: 'The sender: E.164 number or alphanumeric sender id.' })
  from!: string;

  @Field(() => String, { description: "One of the platform's numbers (E.164); its account pays." })
  to!: string;

  @Field(() => String, { description: '1 to 1600 characters.' })
  body!: string;

  @Field(() => String, { nullable: true, description: "Retry-safe key, e.g. the carrier's message id: the same key returns the same message." })
  idempotencyKey?: string | null;
}

@ObjectType('ReceiveMessagePayload')
export class ReceiveMessagePayload {
  @Field(() => MessageObject)
  message!: MessageObject;

  @Field(() => Boolean)
  replayed!: boolean;
}

@InputType('EstimateMessageInput')
export class EstimateMessageInput {
  @Field(() => ID)
  ratePlanId!: string;

  @Field(() => [String])
  to!: string[];

  @Field(() => String)
  body!: string;
}

@ObjectType('MessageRecipientPrice')
export class MessageRecipientPrice {
  @Field(() => String)
  to!: string;

  @Field(() => String, { description: 'The rate prefix that prices it.' })
  prefix!: string;

  @Field(() => MoneyScalar)
  perSegment!: bigint;

  @Field(() => MoneyScalar)
  price!: bigint;
}

@ObjectType('MessageEstimate', { description: 'What sendMessage would hold for a message, without sending it.' })
export class MessageEstimate {
  @Field(() => String)
  currency!: string;

  @Field(() => MessageEncoding)
  encoding!: MessageEncoding;

  @Field(() => Int, { description: 'Characters of the body (UTF-16 code units, as the 1600 limit counts).' })
  characters!: number;

  @Field(() => Int, { description: 'Size as sent: GSM7 septets (extension characters such as € count 2) or UCS2 code units.' })
  units!: number;

  @Field(() => Int, { description: 'Parts per recipient.' })
  segments!: number;

  @Field(() => [MessageRecipientPrice])
  recipients!: MessageRecipientPrice[];

  @Field(() => MoneyScalar)
  total!: bigint;
}
