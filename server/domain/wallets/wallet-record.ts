import type { WalletRow } from './wallets.queries.js';

/**
 * A tenant's prepaid balance in one currency, as read. Its money columns change only through the
 * ledger statement (post-wallet-transaction.ts) and the credit rules (credit.ts); what may be spent
 * now is `availableMicros(wallet)` from credit.ts.
 */
export interface WalletRecord {
  id: string;
  accountId: string;
  /** ISO 4217 code. */
  currency: string;
  /** Posted balance in micros; never below zero. */
  balanceMicros: bigint;
  /** Held for in-flight work (calls, SMS) in micros; never above the balance. */
  reservedMicros: bigint;
  /** Sequence of the wallet's last transaction; 0 when it has none. */
  lastSequence: bigint;
  createdAt: Date;
  updatedAt: Date;
}

/** The record of a {@link WalletRow}. */
export function toWalletRecord(row: WalletRow): WalletRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    currency: row.currency,
    balanceMicros: BigInt(row.balance_micros),
    reservedMicros: BigInt(row.reserved_micros),
    lastSequence: BigInt(row.last_sequence),
    createdAt: new Date(row.created_at_ms),
    updatedAt: new Date(row.updated_at_ms),
  };
}
