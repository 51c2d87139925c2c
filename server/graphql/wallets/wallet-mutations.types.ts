import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { TransactionObject, WalletObject } from './wallet.type.js';

@InputType('ChargeInput')
export class ChargeInput {
  @Field(() => ID)
  walletId!: string;

  @Field(() => MoneyScalar, { description: 'Positive amount to debit, in the wallet currency.' })
  amount!: bigint;

  @Field(() => String, { nullable: true, description: 'What it is for (1–500 characters). Default "Charge".' })
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Retry-safe key, scoped to the account: the same key and parameters return the first result.',
  })
  idempotencyKey?: string | null;

  @Field(() => ID, { nullable: true })
  campaignId?: string | null;
}

@InputType('AdjustWalletInput')
export class AdjustWalletInput {
  @Field(() => ID)
  walletId!: string;

  @Field(() => MoneyScalar, { description: 'Signed: positive credits, negative debits.' })
  amount!: bigint;

  @Field(() => String, { description: 'Why (1–500 characters); recorded as the description.' })
  reason!: string;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@ObjectType('ChargePayload')
export class ChargePayload {
  @Field(() => TransactionObject)
  transaction!: TransactionObject;

  @Field(() => WalletObject, { description: 'The wallet right after this charge (on a replay: as it is now).' })
  wallet!: WalletObject;

  @Field(() => Boolean, { description: 'True when this answers a repeated idempotency key: nothing new was charged.' })
  replayed!: boolean;
}

@ObjectType('AdjustWalletPayload')
export class AdjustWalletPayload {
  @Field(() => TransactionObject)
  transaction!: TransactionObject;

  @Field(() => WalletObject)
  wallet!: WalletObject;

  @Field(() => Boolean)
  replayed!: boolean;
}
