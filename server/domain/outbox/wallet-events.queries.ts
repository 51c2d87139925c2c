/** A wallet's committed events, read back for subscribers that resume or fill a gap (the wallet hub): hot, so prepared by name. */
import { sql } from '../../database/sql.js';
import { WALLET_TRANSACTION_COLUMNS } from '../wallets/wallets.queries.js';
import type { WalletEventRow } from './outbox.queries.js';

/**
 * A wallet's events after one sequence, up to another (or without end), oldest first. Read from
 * wallet_transaction, which is never deleted, so a transaction replays from any sequence; the
 * outbox row whose run covers it (the first WALLET_TRANSACTION row of the wallet ending at or after
 * it, if that row's run starts at or before it) adds the reserved credit after it, and is null once
 * retention has deleted it (balance and sequence are the transaction's own).
 */
export const selectWalletEventRange = sql<WalletEventRow, { walletId: string; after: bigint; upTo: bigint | null; limit: number }>(
  `select e.id::text as event_id, e.tx_id::text as event_tx_id,
         t.sequence::text as event_wallet_sequence, t.balance_after_micros::text as event_balance_micros,
         e.reserved_micros::text as event_reserved_micros, ${WALLET_TRANSACTION_COLUMNS}
    from wallet_transaction t
    left join lateral (
      select e.id, e.tx_id, e.reserved_micros, e.wallet_sequence - e.transaction_count + 1 as first_sequence from outbox_event e
       where e.wallet_id = t.wallet_id and e.wallet_sequence >= t.sequence and e.type = 'WALLET_TRANSACTION'
       order by e.wallet_sequence limit 1) e on e.first_sequence <= t.sequence
   where t.wallet_id = :walletId and t.sequence > :after::bigint and (:upTo::bigint is null or t.sequence <= :upTo::bigint)
   order by t.sequence
   limit :limit`,
  { prepareAs: 'spendwire_wallet_events_range' },
);

/** The wallet's last sequence now. */
export const selectWalletSequence = sql<{ last_sequence: string }, { walletId: string }>(
  'select last_sequence::text as last_sequence from wallet where id = :walletId',
  { prepareAs: 'spendwire_wallet_sequence' },
);
