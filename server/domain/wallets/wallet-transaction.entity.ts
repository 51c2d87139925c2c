import { BigIntType, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { TransactionKind, TransactionStatus, TransactionType } from './transaction-enums.js';

/**
 * The customer's record of one ledger transaction on their wallet: append-only (a database
 * trigger refuses UPDATE and DELETE), numbered 1, 2, 3, … per wallet in commit order.
 */
@Entity({ tableName: 'wallet_transaction' })
export class WalletTransaction {
  /** Same id as the ledger transaction it belongs to. */
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  walletId!: string;

  @Property({ type: 'uuid' })
  accountId!: string;

  /** Gap-free per-wallet position, starting at 1. */
  @Property({ type: new BigIntType('bigint') })
  sequence!: bigint;

  @Enum({ items: () => TransactionType, type: 'text' })
  type!: TransactionType;

  @Enum({ items: () => TransactionKind, type: 'text' })
  kind!: TransactionKind;

  @Enum({ items: () => TransactionStatus, type: 'text' })
  status!: TransactionStatus;

  /** Always positive, in micros; `type` gives the direction. */
  @Property({ type: new BigIntType('bigint') })
  amountMicros!: bigint;

  @Property({ type: new BigIntType('bigint') })
  balanceBeforeMicros!: bigint;

  @Property({ type: new BigIntType('bigint') })
  balanceAfterMicros!: bigint;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'text', nullable: true })
  paymentIntentId!: string | null;

  @Property({ type: 'text', nullable: true })
  idempotencyKey!: string | null;

  @Property({ type: 'uuid', nullable: true })
  campaignId!: string | null;

  /** Who caused it: `api_key:<id>` or `platform_admin_token`. */
  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt!: Date;
}
