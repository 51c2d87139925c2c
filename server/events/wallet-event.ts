import type { WalletTransaction } from '../domain/wallets/wallet-transaction.entity.js';
import { toWalletTransaction, WALLET_TRANSACTION_CREATED_AT_MS, type WalletTransactionRow } from '../domain/wallets/wallet-transaction-row.js';

/** One committed change of a wallet, as subscribers receive it. */
export interface WalletEvent {
  walletId: string;
  accountId: string;
  /** The wallet's sequence after the change: its transaction's sequence. */
  sequence: bigint;
  /** Wallet state right after the change, in micros. */
  balanceMicros: bigint;
  reservedMicros: bigint;
  transaction: WalletTransaction;
}

/** An outbox row joined with its wallet transaction, as the ORM's pool returns it. */
export interface WalletEventRow extends WalletTransactionRow {
  event_id: string;
  /** The writer's transaction id (xid8) as text. */
  event_tx_id: string;
  event_wallet_sequence: string;
  event_balance_micros: string;
  event_reserved_micros: string;
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
    reservedMicros: BigInt(row.event_reserved_micros),
    transaction: toWalletTransaction(row),
  };
}
