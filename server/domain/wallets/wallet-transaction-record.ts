import type { TransactionKind, TransactionStatus, TransactionType } from './transaction-enums.js';
import type { WalletTransactionRow } from './wallets.queries.js';

/**
 * The customer's record of one ledger transaction on their wallet: append-only (a database
 * trigger refuses UPDATE and DELETE), numbered 1, 2, 3, … per wallet in commit order.
 */
export interface WalletTransactionRecord {
  /** Same id as the ledger transaction it belongs to. */
  id: string;
  walletId: string;
  accountId: string;
  /** Gap-free per-wallet position, starting at 1. */
  sequence: bigint;
  type: TransactionType;
  kind: TransactionKind;
  status: TransactionStatus;
  /** Always positive, in micros; `type` gives the direction. */
  amountMicros: bigint;
  balanceBeforeMicros: bigint;
  balanceAfterMicros: bigint;
  description: string;
  paymentIntentId: string | null;
  idempotencyKey: string | null;
  campaignId: string | null;
  /** Who caused it: `api_key:<id>`, `user:<id>` or `platform_admin_token`. */
  actor: string;
  createdAt: Date;
}

/** The record of a {@link WalletTransactionRow} (a plain object: this is on the posting's hot path). */
export function toWalletTransactionRecord(row: WalletTransactionRow): WalletTransactionRecord {
  return {
    id: row.id,
    walletId: row.wallet_id,
    accountId: row.account_id,
    sequence: BigInt(row.sequence),
    type: row.type,
    kind: row.kind,
    status: row.status,
    amountMicros: BigInt(row.amount_micros),
    balanceBeforeMicros: BigInt(row.balance_before_micros),
    balanceAfterMicros: BigInt(row.balance_after_micros),
    description: row.description,
    paymentIntentId: row.payment_intent_id,
    idempotencyKey: row.idempotency_key,
    campaignId: row.campaign_id,
    actor: row.actor,
    createdAt: new Date(row.created_at_ms),
  };
}
