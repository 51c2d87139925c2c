import { toWalletTransactionRecord, type WalletTransactionRecord } from '../domain/wallets/wallet-transaction-record.js';
import { WALLET_TRANSACTION_CREATED_AT_MS, type WalletTransactionRow } from '../domain/wallets/wallets.queries.js';

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

/** An outbox row joined with its wallet transaction, as the ORM's pool returns it. */
export interface WalletEventRow extends WalletTransactionRow {
  /** Null when the outbox row is gone (retention) and the event is read from wallet_transaction alone. */
  event_id: string | null;
  /** The writer's transaction id (xid8) as text. */
  event_tx_id: string | null;
  event_wallet_sequence: string;
  event_balance_micros: string;
  event_reserved_micros: string | null;
}

/** Columns of a {@link WalletEventRow} from outbox_event `e` joined to wallet_transaction `t`. */
export const WALLET_EVENT_COLUMNS = `e.id::text as event_id, e.tx_id::text as event_tx_id,
  e.wallet_sequence::text as event_wallet_sequence, e.balance_micros::text as event_balance_micros,
  e.reserved_micros::text as event_reserved_micros, t.*, ${WALLET_TRANSACTION_CREATED_AT_MS}`;

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
