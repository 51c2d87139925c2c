import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { availableMicros } from '../../domain/wallets/credit.js';
import type { WalletRecord } from '../../domain/wallets/wallet-record.js';
import type { WalletTransactionRecord } from '../../domain/wallets/wallet-transaction-record.js';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { TransactionKind, TransactionStatus, TransactionType } from '../enums.js';

// simpleResolvers: graphql reads these plain fields itself. Without it type-graphql wraps every field in
// a resolver that builds a middleware context per value, though the schema has no global middleware and
// no auth checker (the wrapper only returns root[field]); a 500-event recordUsage answer completes
// ~3,000 such fields. A @FieldResolver of these types keeps its own resolver; a global middleware added
// later would skip these fields (see schema.ts).
@ObjectType('Wallet', { description: "A tenant's prepaid balance in one currency.", simpleResolvers: true })
export class WalletObject {
  @Field(() => ID, { description: 'Unique id of the wallet.' })
  id!: string;

  @Field(() => ID, { description: 'The account that owns it.' })
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

  @Field(() => DateTimeResolver, { description: 'When the wallet was created.' })
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

@ObjectType('Transaction', { description: 'One immutable movement on a wallet.', simpleResolvers: true })
export class TransactionObject {
  @Field(() => ID, { description: 'Unique id of the transaction.' })
  id!: string;

  @Field(() => ID, { description: 'The wallet it moved.' })
  walletId!: string;

  @Field(() => String, { description: 'Gap-free per-wallet position, "1", "2", … in commit order.' })
  sequence!: string;

  @Field(() => TransactionType, { description: 'CREDIT adds to the balance, DEBIT takes from it.' })
  type!: TransactionType;

  @Field(() => TransactionKind, { description: 'What it was for.' })
  kind!: TransactionKind;

  @Field(() => MoneyScalar, { description: 'Always positive; type gives the direction.' })
  amount!: bigint;

  @Field(() => MoneyScalar, { description: 'The posted balance just before it.' })
  balanceBefore!: bigint;

  @Field(() => MoneyScalar, { description: 'The posted balance just after it.' })
  balanceAfter!: bigint;

  @Field(() => String, { description: "What it was for, in words (a charge's description, an adjustment's reason, …)." })
  description!: string;

  @Field(() => TransactionStatus, {
    description: 'COMPLETED once posted; PENDING and FAILED are for recorded operations that settle later.',
  })
  status!: TransactionStatus;

  @Field(() => String, { nullable: true, description: 'Stripe PaymentIntent id, for top-ups.' })
  paymentIntentId!: string | null;

  @Field(() => String, { description: 'The key the operation was sent with; null when none.', nullable: true })
  idempotencyKey!: string | null;

  @Field(() => ID, { description: 'The campaign it belongs to (its calls, messages and charges); null otherwise.', nullable: true })
  campaignId!: string | null;

  @Field(() => DateTimeResolver, { description: 'When the transaction was created.' })
  createdAt!: Date;

  /** Who caused it, as stored (`user:<id>`, `api_key:<id>`, …): not a field; `actor` names it (accounts/actor.resolver.ts). */
  actorText!: string;
}

/** The GraphQL view of a wallet transaction record. */
export function toTransactionObject(row: WalletTransactionRecord): TransactionObject {
  // Assigned field by field rather than through Object.assign of a literal: a 500-event recordUsage
  // answer makes 500 of these, and the literal was one more object of 15 fields each.
  const transaction = new TransactionObject();
  transaction.id = row.id;
  transaction.walletId = row.walletId;
  transaction.sequence = row.sequence.toString();
  transaction.type = row.type;
  transaction.kind = row.kind;
  transaction.amount = row.amountMicros;
  transaction.balanceBefore = row.balanceBeforeMicros;
  transaction.balanceAfter = row.balanceAfterMicros;
  transaction.description = row.description;
  transaction.status = row.status;
  transaction.paymentIntentId = row.paymentIntentId;
  transaction.idempotencyKey = row.idempotencyKey;
  transaction.campaignId = row.campaignId;
  transaction.createdAt = row.createdAt;
  transaction.actorText = row.actor;
  return transaction;
}

@ObjectType('TransactionEdge', { description: 'One transaction of a page and its cursor.' })
export class TransactionEdge {
  @Field(() => String, { description: 'Opaque position of this item: pass it as `after` to get the items after it.' })
  cursor!: string;

  @Field(() => TransactionObject, { description: 'The transaction.' })
  node!: TransactionObject;
}

@ObjectType('PageInfo', { description: 'Where a page ends and whether another follows (Relay).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, {
    description: 'Cursor of the last item of this page: pass it as `after` for the next page; null when the page is empty.',
    nullable: true,
  })
  endCursor!: string | null;
}

@ObjectType('TransactionConnection', { description: 'Transactions newest first, Relay style.' })
export class TransactionConnection {
  @Field(() => [TransactionEdge], { description: 'This page of transactions, in order.' })
  edges!: TransactionEdge[];

  @Field(() => PageInfo, { description: 'Whether another page follows, and the cursor to fetch it.' })
  pageInfo!: PageInfo;
}
