import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { availableMicros } from '../../domain/wallets/credit.js';
import type { WalletRecord } from '../../domain/wallets/wallet-record.js';
import type { WalletTransactionRecord } from '../../domain/wallets/wallet-transaction-record.js';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { TransactionKind, TransactionStatus, TransactionType } from '../enums.js';

@ObjectType('Wallet', { description: "A tenant's prepaid balance in one currency." })
export class WalletObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  accountId!: string;

  @Field(() => String, { description: 'ISO 4217 code, e.g. "USD".' })
  currency!: string;

  @Field(() => MoneyScalar, { description: 'Posted balance.' })
  balance!: bigint;

  @Field(() => MoneyScalar, { description: 'Held for in-flight calls and messages.' })
  reserved!: bigint;

  @Field(() => MoneyScalar, { description: 'What may be spent now: balance − reserved.' })
  available!: bigint;

  @Field(() => String, { description: 'Sequence of the last transaction, "0" when none.' })
  sequence!: string;

  @Field(() => DateTimeResolver)
  createdAt!: Date;
}

/** The GraphQL view of a wallet record. */
export function toWalletObject(wallet: WalletRecord): WalletObject {
  return Object.assign(new WalletObject(), {
    id: wallet.id,
    accountId: wallet.accountId,
    currency: wallet.currency.trim(),
    balance: wallet.balanceMicros,
    reserved: wallet.reservedMicros,
    available: availableMicros(wallet),
    sequence: wallet.lastSequence.toString(),
    createdAt: wallet.createdAt,
  });
}

@ObjectType('Transaction', { description: 'One immutable movement on a wallet.' })
export class TransactionObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  walletId!: string;

  @Field(() => String, { description: 'Gap-free per-wallet position, "1", "2", … in commit order.' })
  sequence!: string;

  @Field(() => TransactionType)
  type!: TransactionType;

  @Field(() => TransactionKind)
  kind!: TransactionKind;

  @Field(() => MoneyScalar, { description: 'Always positive; type gives the direction.' })
  amount!: bigint;

  @Field(() => MoneyScalar)
  balanceBefore!: bigint;

  @Field(() => MoneyScalar)
  balanceAfter!: bigint;

  @Field(() => String)
  description!: string;

  @Field(() => TransactionStatus)
  status!: TransactionStatus;

  @Field(() => String, { nullable: true, description: 'Stripe PaymentIntent id, for top-ups.' })
  paymentIntentId!: string | null;

  @Field(() => String, { nullable: true })
  idempotencyKey!: string | null;

  @Field(() => ID, { nullable: true })
  campaignId!: string | null;

  @Field(() => DateTimeResolver)
  createdAt!: Date;
}

/** The GraphQL view of a wallet transaction record. */
export function toTransactionObject(row: WalletTransactionRecord): TransactionObject {
  return Object.assign(new TransactionObject(), {
    id: row.id,
    walletId: row.walletId,
    sequence: row.sequence.toString(),
    type: row.type,
    kind: row.kind,
    amount: row.amountMicros,
    balanceBefore: row.balanceBeforeMicros,
    balanceAfter: row.balanceAfterMicros,
    description: row.description,
    status: row.status,
    paymentIntentId: row.paymentIntentId,
    idempotencyKey: row.idempotencyKey,
    campaignId: row.campaignId,
    createdAt: row.createdAt,
  });
}

@ObjectType('TransactionEdge')
export class TransactionEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => TransactionObject)
  node!: TransactionObject;
}

@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType('TransactionConnection', { description: 'Transactions newest first, Relay style.' })
export class TransactionConnection {
  @Field(() => [TransactionEdge])
  edges!: TransactionEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
