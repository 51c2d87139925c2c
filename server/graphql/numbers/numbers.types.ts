import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { NumberReleaseReason, PhoneNumberStatus } from '../../domain/numbers/phone-number-record.js';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { PageInfo } from '../wallets/wallet.type.js';

registerEnumType(PhoneNumberStatus, {
  name: 'PhoneNumberStatus',
  description:
    'ACTIVE, GRACE and RENEWAL_OWED numbers are held by their account; RELEASED and REFUNDED ones may be bought again by anyone.',
  valuesConfig: {
    ACTIVE: { description: 'Paid up to renewsAt.' },
    GRACE: { description: 'Its renewal could not be paid: retried until graceUntil, then released.' },
    RENEWAL_OWED: {
      description:
        'Its renewal fell while the wallet was suspended: kept, owedAmount owed since owedSince, paid first when the wallet is funded; released if the account is closed.',
    },
    RELEASED: { description: 'Given up: see releaseReason.' },
    REFUNDED: { description: 'Given back within the refund window; its purchase and first month were credited back.' },
  },
});
registerEnumType(NumberReleaseReason, {
  name: 'NumberReleaseReason',
  description: 'Why a number stopped being held.',
  valuesConfig: {
    RELEASED_BY_CUSTOMER: { description: 'Given up with releaseNumber.' },
    RENEWAL_FAILED: { description: 'Its renewal could not be paid before graceUntil.' },
    ACCOUNT_CLOSED: { description: 'Its account was closed.' },
    REFUNDED: { description: 'Given back with refundNumber.' },
  },
});

export { NumberReleaseReason, PhoneNumberStatus };

@ObjectType('PhoneNumber', {
  description:
    "A number rented from a wallet: bought for a one-time price plus its first month, renewed monthly on the purchase's day of the month (the month's last day when shorter).",
})
export class PhoneNumberObject {
  @Field(() => ID, { description: 'Unique id of the phone number.' })
  id!: string;

  @Field(() => ID, { description: 'The account that holds (or held) it.' })
  accountId!: string;

  @Field(() => ID, { description: 'The wallet that pays it.' })
  walletId!: string;

  @Field(() => ID, { description: 'The rate plan it was priced from.' })
  ratePlanId!: string;

  @Field(() => String, { description: 'E.164.' })
  number!: string;

  @Field(() => PhoneNumberStatus, { description: 'Where the rental stands.' })
  status!: PhoneNumberStatus;

  @Field(() => MoneyScalar, { description: 'One-time price paid at purchase.' })
  purchasePrice!: bigint;

  @Field(() => MoneyScalar, { description: 'Monthly rental (the first month was paid with the purchase).' })
  monthlyPrice!: bigint;

  @Field(() => DateTimeResolver, { description: 'When it was bought.' })
  purchasedAt!: Date;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description:
      'When the next month is due (in GRACE: the renewal that could not be paid; RENEWAL_OWED: the first month owed); null once released or refunded.',
  })
  renewsAt!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'In GRACE: when it is released unless the wallet can pay before.' })
  graceUntil!: Date | null;

  @Field(() => DateTimeResolver, { description: 'When it was released or refunded; null while held.', nullable: true })
  releasedAt!: Date | null;

  @Field(() => NumberReleaseReason, { description: 'Why it was given up; null while held.', nullable: true })
  releaseReason!: NumberReleaseReason | null;

  @Field(() => Int, { description: 'Months paid, the first with the purchase.' })
  periodsPaid!: number;

  @Field(() => ID, { nullable: true, description: 'The NUMBER transaction of the purchase and first month; null for a free number.' })
  transactionId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The REFUND transaction, once refunded.' })
  refundTransactionId!: string | null;
}

@ObjectType('PhoneNumberEdge', { description: 'One phone number of a page and its cursor.' })
export class PhoneNumberEdge {
  @Field(() => String, { description: 'Opaque position of this item: pass it as `after` to get the items after it.' })
  cursor!: string;

  @Field(() => PhoneNumberObject, { description: 'The phone number.' })
  node!: PhoneNumberObject;
}

@ObjectType('PhoneNumberConnection', { description: 'Phone numbers newest first, Relay style.' })
export class PhoneNumberConnection {
  @Field(() => [PhoneNumberEdge], { description: 'This page of phone numbers, in order.' })
  edges!: PhoneNumberEdge[];

  @Field(() => PageInfo, { description: 'Whether another page follows, and the cursor to fetch it.' })
  pageInfo!: PageInfo;
}

@ArgsType()
export class PhoneNumbersArgs {
  @Field(() => ID, { nullable: true, description: "Only this wallet's numbers." })
  walletId?: string | null;

  @Field(() => PhoneNumberStatus, { description: 'Only numbers in this status.', nullable: true })
  status?: PhoneNumberStatus | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 1..100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}

@InputType('PurchaseNumberInput', { description: 'A number to buy from a wallet.' })
export class PurchaseNumberInput {
  @Field(() => ID, { description: 'The wallet that pays the purchase and every month.' })
  walletId!: string;

  @Field(() => ID, { description: "Prices the number (longest prefix that sells numbers); in the wallet's currency." })
  ratePlanId!: string;

  @Field(() => String, { description: 'E.164, e.g. "+447700900123".' })
  number!: string;

  @Field(() => String, { nullable: true, description: 'Retrying with the same key returns the same number and charges nothing more.' })
  idempotencyKey?: string | null;
}

@ObjectType('PurchaseNumberPayload', { description: 'The result of purchaseNumber.' })
export class PurchaseNumberPayload {
  @Field(() => PhoneNumberObject, { description: 'The number, ACTIVE and paid for its first month.' })
  phoneNumber!: PhoneNumberObject;
}

@ObjectType('ReleaseNumberPayload', { description: 'The result of releaseNumber.' })
export class ReleaseNumberPayload {
  @Field(() => PhoneNumberObject, { description: 'The number, now RELEASED.' })
  phoneNumber!: PhoneNumberObject;
}

@ObjectType('RefundNumberPayload', { description: 'The result of refundNumber.' })
export class RefundNumberPayload {
  @Field(() => PhoneNumberObject, { description: 'The number, now REFUNDED, with its refund transaction.' })
  phoneNumber!: PhoneNumberObject;
}

@ObjectType('AvailablePhoneNumber', {
  description: 'A number that may be bought now, priced by a rate plan: what purchaseNumber would debit and what follows.',
})
export class AvailablePhoneNumberObject {
  @Field(() => String, { description: 'E.164.' })
  number!: string;

  @Field(() => String, { description: 'The rate prefix that prices it (digits without "+"; "" for every number).' })
  ratePrefix!: string;

  @Field(() => String, { description: "ISO 4217 code of its prices (the rate plan's and the wallet's)." })
  currency!: string;

  @Field(() => MoneyScalar, { description: 'One-time price.' })
  purchasePrice!: bigint;

  @Field(() => MoneyScalar, { description: 'Monthly rental, paid from the wallet on each renewal.' })
  monthlyPrice!: bigint;

  @Field(() => MoneyScalar, { description: 'What buying it now debits at once: the one-time price plus the first month.' })
  firstCharge!: bigint;

  @Field(() => DateTimeResolver, { description: 'When the second month would be due, were it bought now.' })
  firstRenewalAt!: Date;

  @Field(() => DateTimeResolver, { description: 'Until when it could be refunded (purchase and first month), were it bought now.' })
  refundableUntil!: Date;
}

@ArgsType()
export class AvailablePhoneNumbersArgs {
  @Field(() => ID, { description: "The wallet that would pay (one of the caller's; NOT_FOUND otherwise)." })
  walletId!: string;

  @Field(() => ID, { description: "The rate plan that would price the numbers; in the wallet's currency." })
  ratePlanId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Digits the numbers start with, country code first ("+44 7700"); spaces and dashes are ignored. Omitted: any prefix the plan sells.',
  })
  startsWith?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'How many numbers, 1..availableNumbersMax (default 20); 5 when omitted. Fewer come back when the search is narrow.',
  })
  first?: number | null;
}
