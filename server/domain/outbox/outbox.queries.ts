/**
 * The outbox's statements: the durable consumers' positions and reads, and the live tail's reads.
 * The tail's statements run on every commit anywhere, so they are prepared by name.
 */
import { sql } from '../../database/sql.js';
import { WALLET_TRANSACTION_COLUMNS, type WalletTransactionRow } from '../wallets/wallets.queries.js';

/**
 * The outbox's read horizon: the oldest transaction of THIS database still running (or the
 * snapshot's xmax when none is). Rows below it can no longer be preceded by a row committed later,
 * so readers read only below it.
 *
 * `pg_snapshot_xmin` alone is the oldest running transaction of the whole PostgreSQL server: a
 * migration, a bulk load or any long writer in another database of the same server (tests' sibling
 * databases, another application on a shared server) held back every reader of this outbox for as
 * long as it ran, though it can write no row here. So the in-progress transactions of the snapshot
 * that PostgreSQL reports as another database's (`pg_stat_get_activity`: a backend's database never
 * changes, a transaction id is never reused, and a running id is within 2^31 of the counter, so its
 * low 32 bits name it) are left out. Everything else that is running (this database's, background
 * workers', prepared transactions') still holds the horizon back, as before. The activity is read
 * after the statement's snapshot is taken, so a backend reported with another database there was
 * that backend when its transaction id was running.
 */
export const OUTBOX_HORIZON = `coalesce(
    (select min(running.xid) from pg_snapshot_xip(pg_current_snapshot()) as running(xid)
      where not exists (
        select 1 from pg_stat_get_activity(null) activity
         where activity.backend_xid is not null
           and activity.datid <> (select oid from pg_database where datname = current_database())
           and activity.backend_xid::text::bigint = running.xid::text::bigint % 4294967296)),
    pg_snapshot_xmax(pg_current_snapshot()))`;

/** An outbox row as durable consumers read it (int8 and xid8 as strings). */
export interface OutboxRecord {
  id: string;
  tx_id: string;
  type: 'WALLET_TRANSACTION' | 'CAMPAIGN_UPDATED' | 'CALL_UPDATED' | 'WALLET_UPDATED' | 'PAYMENT_EVENT' | 'ALERT_CAUSE' | 'DOCUMENT_ISSUED';
  account_id: string;
  wallet_id: string | null;
  /** WALLET_TRANSACTION: the last sequence of the row's run of transactions (see `transaction_count`). */
  wallet_sequence: string | null;
  /**
   * WALLET_TRANSACTION: how many consecutive transactions of the wallet the row stands for, ending
   * at `wallet_sequence` (one posting statement writes one row per wallet and run of equal reserved
   * credit); 1 for every other type.
   */
  transaction_count: number;
  /** WALLET_TRANSACTION: the last transaction of the run. */
  transaction_id: string | null;
  campaign_id: string | null;
  call_id: string | null;
  payment_event: string | null;
  top_up_id: string | null;
  alert_cause: Record<string, unknown> | null;
  /** The invoice or credit note of a DOCUMENT_ISSUED row (int8 as text). */
  invoice_id: string | null;
  /** timestamptz as the pool returns it (text). */
  created_at: string;
}

/** A position in the outbox that a resuming reader can trust: (writer's transaction id, row id). */
export interface OutboxPosition {
  txId: string;
  id: string;
}

/** A consumer's durable position: (writer's transaction id, row id), both as text. */
export interface ConsumerPositionRow {
  tx_id: string;
  event_id: string;
}

/**
 * Takes, until the transaction ends, the lock that serializes every process running one consumer:
 * an advisory lock, so holding it takes no transaction id.
 */
export const lockConsumer = sql<Record<string, never>, { name: string }>(
  `select pg_advisory_xact_lock(hashtextextended('spendwire_outbox_consumer:' || :name, 0))`,
  // Each pass of every consumer runs the consumers' statements: parsed and planned once per connection.
  { prepareAs: 'outbox_consumer_lock' },
);

export const selectConsumerPosition = sql<ConsumerPositionRow, { name: string }>(
  `select tx_id::text, event_id::text from outbox_consumer where name = :name`,
  { prepareAs: 'outbox_consumer_position' },
);

/** Creates a consumer at the outbox's current head. */
export const insertConsumerAtHead = sql<ConsumerPositionRow, { name: string }>(
  `insert into outbox_consumer (name, tx_id, event_id)
   select :name, coalesce(max(tx_id), '0'::xid8), coalesce(max(id), 0) from outbox_event
   returning tx_id::text, event_id::text`,
);

/**
 * The outbox rows after `position` (a row-value expression) and below the {@link OUTBOX_HORIZON},
 * in position order, as a subquery aliased `e` with every column of outbox_event: at most `:limit`
 * rows, and none once the rows before stand for `:limit` wallet transactions (the first row always
 * comes, so a reader advances). A row is never split: readers move their position row by row, and a
 * row's transactions all lie at its position.
 */
function outboxRowsAfter(position: string): string {
  // Ordered by the columns (e.…): a bare `tx_id` here would be the text output of the same
  // name, and as text '10' < '9', so a batch across a power of ten would skip rows. The limit is
  // taken first, so the running sum reads at most :limit rows.
  return `(select e.* from (
      select e.*, sum(e.transaction_count) over (order by e.tx_id, e.id) as transactions_through
        from (select e.* from outbox_event e
               where (e.tx_id, e.id) > ${position}
                 and e.tx_id < ${OUTBOX_HORIZON}
               order by e.tx_id, e.id
               limit :limit) e) e
     where e.transactions_through - e.transaction_count < :limit) e`;
}

/**
 * A consumer's next batch: rows after its position and below the {@link OUTBOX_HORIZON}, in position
 * order; at most `limit` rows, standing for at most `limit` wallet transactions but for the first row
 * (see `transaction_count`: a consumer that needs each transaction reads it from wallet_transaction).
 */
export const selectConsumerBatch = sql<OutboxRecord, { txId: string; eventId: string; limit: number }>(
  `select e.id::text, e.tx_id::text, e.type, e.account_id, e.wallet_id, e.wallet_sequence::text, e.transaction_count, e.transaction_id,
          e.campaign_id, e.call_id, e.payment_event, e.top_up_id, e.alert_cause, e.invoice_id::text, e.created_at
     from ${outboxRowsAfter('(:txId::xid8, :eventId::bigint)')}
    order by e.tx_id, e.id`,
  { prepareAs: 'outbox_consumer_batch' },
);

export const updateConsumerPosition = sql<Record<string, never>, { name: string; txId: string; eventId: string }>(
  `update outbox_consumer set tx_id = :txId::xid8, event_id = :eventId where name = :name`,
  { prepareAs: 'outbox_consumer_move' },
);

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

/**
 * Columns of a {@link WalletEventRow} from outbox_event `e` joined to each wallet_transaction `t` of
 * its run: sequence and balance are the transaction's own, the reserved credit the run's (equal
 * after every transaction of it). Rows of other types, without `t`, keep the outbox row's.
 */
const WALLET_EVENT_COLUMNS = `e.id::text as event_id, e.tx_id::text as event_tx_id,
  coalesce(t.sequence, e.wallet_sequence)::text as event_wallet_sequence,
  coalesce(t.balance_after_micros, e.balance_micros)::text as event_balance_micros,
  e.reserved_micros::text as event_reserved_micros, ${WALLET_TRANSACTION_COLUMNS}`;

/** A row of the live tail: the outbox row, and its wallet transaction when it has one. */
export interface TailRow extends WalletEventRow {
  // Read from the outbox itself: never null here.
  event_id: string;
  event_tx_id: string;
  event_reserved_micros: string;
  event_type: 'WALLET_TRANSACTION' | 'WALLET_UPDATED' | 'CAMPAIGN_UPDATED' | 'CALL_UPDATED';
  event_wallet_id: string | null;
  event_account_id: string;
  event_campaign_id: string | null;
  event_call_id: string | null;
  event_version: string | null;
  /**
   * CALL_UPDATED for several calls of one campaign (or inbound calls of one account) written by one
   * call batch: the calls, with `event_call_versions` their versions (int8 as text), element by
   * element; null otherwise (`event_call_id` names the one call).
   */
  event_call_ids: string[] | null;
  event_call_versions: string[] | null;
  /** The outbox row's `transaction_count`: the transactions it stands for (1 for other types). */
  event_transaction_count: number;
}

/**
 * The tail's read: rows below the {@link OUTBOX_HORIZON}, after a position, in position order, each
 * WALLET_TRANSACTION row of a wallet in `walletIds` (of every wallet with `expandAll`) expanded into
 * its run's transactions in sequence order (one result row per transaction, all at the outbox row's
 * position); a row of another wallet comes alone, without its transactions (the `t` columns null):
 * a process reads back only the transactions someone there listens to, where it read every one (a
 * 500-event usage statement's rows came back as 500 result rows of 20 columns, parsed by the server
 * for nobody). At most `limit` outbox rows, standing for at most `limit` transactions but for the
 * first row, whose run is never split: so when the rows read stand for fewer than `limit`
 * transactions (`event_transaction_count` of each row alone, 1 per expanded row) the reader has
 * caught up.
 *
 * Each row's run is read by a probe of wallet_transaction's (wallet_id, sequence) key: a lateral
 * subquery behind `offset 0`, which PostgreSQL neither flattens into a join nor plans as one. As a
 * plain left join, the prepared statement's generic plan hashed the outbox rows and scanned the
 * whole of wallet_transaction on every read, matching every transaction of a wallet against every
 * row of it: measured under call set-up on one wallet (bench/call-setup.ts, 36,000 transactions),
 * 5.4 s per read of 1,000 rows, 29 million rows compared, the largest cost of PostgreSQL per call,
 * and growing with the journal.
 */
export const selectTailRowsAfter = sql<
  TailRow,
  { txId: string; id: string; limit: number; expandAll: boolean; walletIds: readonly string[] }
>(
  `select ${WALLET_EVENT_COLUMNS}, e.type as event_type, e.account_id as event_account_id,
         e.campaign_id as event_campaign_id, e.call_id as event_call_id, e.version::text as event_version,
         e.call_ids::text[] as event_call_ids, e.call_versions::text[] as event_call_versions,
         e.wallet_id as event_wallet_id, e.transaction_count as event_transaction_count
    from ${outboxRowsAfter('(:txId::xid8, :id::bigint)')}
    left join lateral (
      select t.* from wallet_transaction t
       where e.type = 'WALLET_TRANSACTION' and t.wallet_id = e.wallet_id
         and (:expandAll::boolean or e.wallet_id = any(:walletIds::uuid[]))
         and t.sequence between e.wallet_sequence - e.transaction_count + 1 and e.wallet_sequence
      offset 0) t on true
   order by e.tx_id, e.id, t.sequence`,
  { prepareAs: 'spendwire_outbox_read_after' },
);

/**
 * Whether a committed row lies beyond a position that a read would now return (below the
 * {@link OUTBOX_HORIZON}): one that a read left behind because a transaction that started earlier
 * (any writer, not only the outbox's) was still running; and whether a transaction of this database
 * (or a background worker's) holds a transaction id now: rows may still be held back behind it (the
 * snapshot cannot say: a running id at its xmax is in no list). Written as the first row in
 * position order, not `exists`: PostgreSQL drops an EXISTS subquery's ORDER BY, and the prepared
 * statement's generic plan then scanned the whole table (the rows beyond a position are the newest,
 * at its end): 37-48 ms of PostgreSQL per check under call batches of 1,000 calls; in position order
 * it reads a few index pages. The horizon bounds the scan: rows of transactions still running lie
 * at or above it, and are not visited.
 */
export const selectHeldBack = sql<{ held: boolean; running: boolean }, { txId: string; id: string }>(
  `with h as materialized (select ${OUTBOX_HORIZON} as horizon)
   select coalesce((select true from outbox_event e
                     where (e.tx_id, e.id) > (:txId::xid8, :id::bigint) and e.tx_id < (select horizon from h)
                     order by e.tx_id, e.id limit 1), false) as held,
          exists (select 1 from pg_stat_get_activity(null) activity
                   where activity.backend_xid is not null
                     and (activity.datid is null or activity.datid = (select oid from pg_database where datname = current_database())))
            as running`,
  { prepareAs: 'spendwire_outbox_held_back_below_horizon' },
);

/** The last position that can no longer be preceded by a row committed later. */
export const selectOutboxHead = sql<{ tx_id: string; id: string }>(
  // Ordered by the columns (e.…), not by the text outputs of the same names: as text, '999' > '1000'.
  `select e.tx_id::text as tx_id, e.id::text as id from outbox_event e
   where e.tx_id < ${OUTBOX_HORIZON}
   order by e.tx_id desc, e.id desc limit 1`,
  { prepareAs: 'spendwire_outbox_head' },
);
