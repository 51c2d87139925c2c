import { toWalletTransactionRecord, type WalletTransactionRecord } from '../domain/wallets/wallet-transaction-record.js';
import type { WalletEventRow } from '../domain/outbox/outbox.queries.js';

/** One committed change of a wallet, as subscribers receive it. */
export interface WalletEvent {
  walletId: string;
  accountId: string;
  /** The wallet's sequence after the change: its transaction's sequence. */
  sequence: bigint;
  /** Wallet balance right after the change, in micros. */
  balanceMicros: bigint;
  /**
   * Reserved credit right after the change, in micros: recorded only in the outbox, so null for a
   * transaction replayed from beyond the outbox's retention (its wallet_transaction row stays).
   */
  reservedMicros: bigint | null;
  transaction: WalletTransactionRecord;
}

/** The event of an outbox row. */
export function toWalletEvent(row: WalletEventRow): WalletEvent {
  return {
    walletId: row.wallet_id,
    accountId: row.account_id,
    sequence: BigInt(row.event_wallet_sequence),
    balanceMicros: BigInt(row.event_balance_micros),
    reservedMicros: row.event_reserved_micros === null ? null : BigInt(row.event_reserved_micros),
    transaction: toWalletTransactionRecord(row),
  };
}
