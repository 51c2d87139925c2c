import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { NumberReleaseReason, PhoneNumberStatus } from '../../domain/numbers/phone-number-record.js';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { PageInfo } from '../wallets/wallet.type.js';

registerEnumType(PhoneNumberStatus, {
  name: 'PhoneNumberStatus',
  description: 'ACTIVE and GRACE numbers are held by their account; RELEASED and REFUNDED ones may be bought again by anyone.',
  valuesConfig: {
    ACTIVE: { description: 'Paid up to renewsAt.' },
    GRACE: { description: 'Its renewal could not be paid: retried until graceUntil, then released.' },
    RELEASED: { description: 'Given up: see releaseReason.' },
    REFUNDED: { description: 'Given back within the refund window; its purchase and first month were credited back.' },
  },
});
registerEnumType(NumberReleaseReason, { name: 'NumberReleaseReason', description: 'Why a number stopped being held.' });

export { NumberReleaseReason, PhoneNumberStatus };

@ObjectType('PhoneNumber', {
  description:
    "A number rented from a wallet: bought for a one-time price plus its first month, renewed monthly on the purchase's day of the month (the month's last day when shorter).",
})
export class PhoneNumberObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  accountId!: string;

  @Field(() => ID, { description: 'The wallet that pays it.' })
  walletId!: string;

  @Field(() => ID, { description: 'The rate plan it was priced from.' })
  ratePlanId!: string;

  @Field(() => String, { description: 'E.164.' })
  number!: string;

  @Field(() => PhoneNumberStatus)
  status!: PhoneNumberStatus;

  @Field(() => MoneyScalar, { description: 'One-time price paid at purchase.' })
  purchasePrice!: bigint;

  @Field(() => MoneyScalar, { description: 'Monthly rental (the first month was paid with the purchase).' })
  monthlyPrice!: bigint;

  @Field(() => DateTimeResolver)
  purchasedAt!: Date;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When the next month is due (in GRACE: the renewal that could not be paid); null once released or refunded.',
  })
  renewsAt!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'In GRACE: when it is released unless the wallet can pay before.' })
  graceUntil!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  releasedAt!: Date | null;

  @Field(() => NumberReleaseReason, { nullable: true })
  releaseReason!: NumberReleaseReason | null;

  @Field(() => Int, { description: 'Months paid, the first with the purchase.' })
  periodsPaid!: number;

  @Field(() => ID, { nullable: true, description: 'The NUMBER transaction of the purchase and first month; null for a free number.' })
  transactionId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The REFUND transaction, once refunded.' })
  refundTransactionId!: string | null;
}

@ObjectType('PhoneNumberEdge')
export class PhoneNumberEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => PhoneNumberObject)
  node!: PhoneNumberObject;
}

@ObjectType('PhoneNumberConnection', { description: 'Phone numbers newest first, Relay style.' })
export class PhoneNumberConnection {
  @Field(() => [PhoneNumberEdge])
  edges!: PhoneNumberEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ArgsType()
export class PhoneNumbersArgs {
  @Field(() => ID, { nullable: true, description: "Only this wallet's numbers." })
  walletId?: string | null;

  @Field(() => PhoneNumberStatus, { nullable: true })
  status?: PhoneNumberStatus | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 1..100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}

@InputType('PurchaseNumberInput')
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

@ObjectType('PurchaseNumberPayload')
export class PurchaseNumberPayload {
  @Field(() => PhoneNumberObject)
  phoneNumber!: PhoneNumberObject;
}

@ObjectType('ReleaseNumberPayload')
export class ReleaseNumberPayload {
  @Field(() => PhoneNumberObject)
  phoneNumber!: PhoneNumberObject;
}

@ObjectType('RefundNumberPayload')
export class RefundNumberPayload {
  @Field(() => PhoneNumberObject)
  phoneNumber!: PhoneNumberObject;
}
