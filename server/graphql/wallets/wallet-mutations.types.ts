import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { TransactionObject, WalletObject } from './wallet.type.js';

@InputType('ChargeInput', { description: 'A debit of a wallet for something the platform sold.' })
export class ChargeInput {
  @Field(() => ID, { description: "The wallet to debit (one of the caller's)." })
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

  @Field(() => ID, { description: 'The campaign the charge belongs to (it then counts against its budget).', nullable: true })
  campaignId?: string | null;
}

@InputType('AdjustWalletInput', { description: 'A manual correction of a wallet by support.' })
export class AdjustWalletInput {
  @Field(() => ID, { description: 'The wallet to correct.' })
  walletId!: string;

  @Field(() => MoneyScalar, { description: 'Signed: positive credits, negative debits.' })
  amount!: bigint;

  @Field(() => String, { description: 'Why (1–500 characters); recorded as the description.' })
  reason!: string;

  @Field(() => String, { description: 'Retry-safe key: the same key and request return the first result.', nullable: true })
  idempotencyKey?: string | null;
}

// simpleResolvers: graphql reads these plain fields itself. Without it type-graphql wraps every field in
// a resolver that builds a middleware context per value, though the schema has no global middleware and
// no auth checker (the wrapper only returns root[field]); a 500-event recordUsage answer completes
// ~3,000 such fields. A @FieldResolver of these types keeps its own resolver; a global middleware added
// later would skip these fields (see schema.ts).
@ObjectType('ChargePayload', { description: 'The result of charge.', simpleResolvers: true })
export class ChargePayload {
  @Field(() => TransactionObject, { description: 'The CHARGE debit (on a replay: the one the key first made).' })
  transaction!: TransactionObject;

  @Field(() => WalletObject, { description: 'The wallet right after this charge (on a replay: as it is now).' })
  wallet!: WalletObject;

  @Field(() => Boolean, { description: 'True when this answers a repeated idempotency key: nothing new was charged.' })
  replayed!: boolean;
}

@ObjectType('AdjustWalletPayload', { description: 'The result of adjustWallet.', simpleResolvers: true })
export class AdjustWalletPayload {
  @Field(() => TransactionObject, { description: 'The ADJUSTMENT transaction.' })
  transaction!: TransactionObject;

  @Field(() => WalletObject, { description: 'The wallet right after it (on a replay: as it is now).' })
  wallet!: WalletObject;

  @Field(() => Boolean, { description: 'True when this answers a repeated idempotency key: nothing new was written.' })
  replayed!: boolean;
}
