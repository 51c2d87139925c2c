import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { SenderIdCancelReason, SenderIdStatus } from '../../domain/sender-ids/sender-id-record.js';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { PageInfo } from '../wallets/wallet.type.js';

registerEnumType(SenderIdStatus, {
  name: 'SenderIdStatus',
  description: 'Where a sender ID stands. APPROVED, GRACE and RENEWAL_OWED ones may send messages and renew monthly.',
  valuesConfig: {
    PENDING: { description: 'Registered, waiting for support to approve or reject it; nothing charged.' },
    APPROVED: { description: 'Approved and paid up to renewsAt.' },
    REJECTED: { description: 'Support rejected it (see decisionReason); nothing was charged.' },
    GRACE: { description: 'Its renewal could not be paid: retried until graceUntil, then cancelled.' },
    RENEWAL_OWED: {
      description: 'Its renewal fell while the wallet was suspended: kept, owed since renewsAt, paid first when the wallet is funded.',
    },
    CANCELLED: { description: 'Given up (see cancelReason): messages can no longer use it.' },
  },
});
registerEnumType(SenderIdCancelReason, {
  name: 'SenderIdCancelReason',
  description: 'Why a sender ID was cancelled.',
  valuesConfig: {
    CANCELLED_BY_CUSTOMER: { description: 'Cancelled with cancelSenderId once approved (no refund of the month running).' },
    CANCELLED_WHILE_PENDING: { description: 'Withdrawn with cancelSenderId before support decided.' },
    RENEWAL_FAILED: { description: 'Its renewal was not paid before graceUntil.' },
    ACCOUNT_CLOSED: { description: 'Its account was closed.' },
  },
});

export { SenderIdCancelReason, SenderIdStatus };

@ObjectType('SenderId', {
  description:
    'An alphanumeric sender ID (1 to 11 letters, digits and spaces, at least one letter) that messages may be sent from once support approved it: a monthly subscription paid from a wallet.',
})
export class SenderIdObject {
  @Field(() => ID, { description: 'Unique id of the sender ID.' })
  id!: string;

  @Field(() => ID, { description: 'The account that registered it.' })
  accountId!: string;

  @Field(() => ID, { description: 'The wallet that pays its monthly fee.' })
  walletId!: string;

  @Field(() => String, { description: 'The text recipients see as the sender, e.g. "ACME 24".' })
  sender!: string;

  @Field(() => SenderIdStatus, { description: 'Where it stands.' })
  status!: SenderIdStatus;

  @Field(() => MoneyScalar, { nullable: true, description: 'The monthly fee fixed at approval; null before approval or when rejected.' })
  monthlyFee!: bigint | null;

  @Field(() => String, { nullable: true, description: "Support's reason for approving or rejecting it; null while PENDING." })
  decisionReason!: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When support decided; renewals fall on its day of the month.' })
  decidedAt!: Date | null;

  @Field(() => Int, { description: 'Months paid, the first at approval.' })
  periodsPaid!: number;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'While approved (or in GRACE, or RENEWAL_OWED): when the next month is due, or since when it is unpaid; null otherwise.',
  })
  renewsAt!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'In GRACE: when it is cancelled unless the wallet can pay before.' })
  graceUntil!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was cancelled; null otherwise.' })
  cancelledAt!: Date | null;

  @Field(() => SenderIdCancelReason, { nullable: true, description: 'Why it was cancelled; null otherwise.' })
  cancelReason!: SenderIdCancelReason | null;

  @Field(() => DateTimeResolver, { description: 'When it was registered.' })
  createdAt!: Date;
}

@ObjectType('SenderIdEdge', { description: 'One sender ID of a page and its cursor.' })
export class SenderIdEdge {
  @Field(() => String, { description: 'Opaque position of this item: pass it as `after` to get the items after it.' })
  cursor!: string;

  @Field(() => SenderIdObject, { description: 'The sender ID.' })
  node!: SenderIdObject;
}

@ObjectType('SenderIdConnection', { description: 'Sender IDs newest first, Relay style.' })
export class SenderIdConnection {
  @Field(() => [SenderIdEdge], { description: 'This page of sender IDs, in order.' })
  edges!: SenderIdEdge[];

  @Field(() => PageInfo, { description: 'Whether another page follows, and the cursor to fetch it.' })
  pageInfo!: PageInfo;
}

@ObjectType('PendingSenderId', { description: "A sender ID waiting for support's decision, with its account's name." })
export class PendingSenderIdObject {
  @Field(() => SenderIdObject, { description: 'The sender ID (PENDING).' })
  senderId!: SenderIdObject;

  @Field(() => String, { description: 'The name of the account that registered it.' })
  accountName!: string;
}

@ArgsType()
export class SenderIdsArgs {
  @Field(() => ID, {
    nullable: true,
    description: "Only this account's (SUPPORT and PLATFORM_ADMIN: any account; a tenant: its own, another is NOT_FOUND).",
  })
  accountId?: string | null;

  @Field(() => SenderIdStatus, { nullable: true, description: 'Only sender IDs in this status.' })
  status?: SenderIdStatus | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 1..100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}

@InputType('RegisterSenderIdInput', { description: 'A sender ID to apply for.' })
export class RegisterSenderIdInput {
  @Field(() => ID, { description: 'The wallet that will pay its monthly fee once approved.' })
  walletId!: string;

  @Field(() => String, { description: '1 to 11 letters, digits and spaces, at least one letter, e.g. "ACME 24".' })
  sender!: string;
}

@InputType('DecideSenderIdInput', { description: "Support's decision on a pending sender ID." })
export class DecideSenderIdInput {
  @Field(() => ID, { description: 'The PENDING sender ID.' })
  id!: string;

  @Field(() => String, { description: 'Why, in words the customer reads (it is e-mailed to them); 1..senderIdReasonLengthMax characters.' })
  reason!: string;
}

@ObjectType('SenderIdPayload', { description: 'The result of registerSenderId, approveSenderId, rejectSenderId and cancelSenderId.' })
export class SenderIdPayload {
  @Field(() => SenderIdObject, { description: 'The sender ID after the change.' })
  senderId!: SenderIdObject;
}
