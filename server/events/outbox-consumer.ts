import type { EntityManager } from '@mikro-orm/postgresql';
import { pgTransaction, type PgQuery } from '../database/pg-transaction.js';

/** An outbox row as durable consumers read it (int8 and xid8 as strings). */
export interface OutboxRecord {
  id: string;
  tx_id: string;
  type: 'WALLET_TRANSACTION' | 'CAMPAIGN_UPDATED' | 'CALL_UPDATED' | 'WALLET_UPDATED' | 'PAYMENT_EVENT' | 'ALERT_CAUSE';
  account_id: string;
  wallet_id: string | null;
  wallet_sequence: string | null;
  transaction_id: string | null;
  campaign_id: string | null;
  call_id: string | null;
  payment_event: string | null;
  top_up_id: string | null;
  alert_cause: Record<string, unknown> | null;
  /** timestamptz as the pool returns it (text). */
  created_at: string;
}

/**
 * Takes, until the caller's transaction ends, the lock that serializes every process running the
 * consumer `name`: an advisory lock, so holding it takes no transaction id.
 */
export async function lockOutboxConsumer(query: PgQuery, name: string): Promise<void> {
  await query(`select pg_advisory_xact_lock(hashtextextended('spendwire_outbox_consumer:' || $1, 0))`, [name]);
}

/** Options of {@link consumeOutbox}. */
export interface ConsumeOutboxOptions {
  /** The consumer's row in `outbox_consumer` (created at the outbox's current head when missing). */
  name: string;
  /** Rows handed to `handle` at most per transaction. */
  batchSize: number;
  /**
   * Handles a batch, in position order, inside the transaction that advances the position: what it
   * writes commits together with the new position, so every row is handled exactly once (a failure
   * rolls both back and the batch is read again).
   */
  handle(rows: OutboxRecord[], query: PgQuery): Promise<void>;
}

/**
 * Reads the outbox after the consumer's durable position, one batch per transaction, until it is
 * caught up; returns how many rows it handled. Only rows below the oldest running transaction are
 * read (as the live tail does), so a row committed later can never appear behind the position.
 * A transaction-scoped advisory lock per consumer name serializes every process running the same
 * consumer: their handlers never overlap, and what a handler inserts is in commit order.
 */
export async function consumeOutbox(em: EntityManager, options: ConsumeOutboxOptions): Promise<number> {
  let handled = 0;
  for (;;) {
    const count = await pgTransaction(em, async (query) => {
      // An advisory lock, not a row lock: a pass that finds nothing takes no transaction id, so it
      // never holds back the live tails (they read only below the oldest running transaction id).
      await lockOutboxConsumer(query, options.name);
      let [position] = await query<{ tx_id: string; event_id: string }>(
        `select tx_id::text, event_id::text from outbox_consumer where name = $1`,
        [options.name],
      );
      if (!position) {
        [position] = await query<{ tx_id: string; event_id: string }>(
          `insert into outbox_consumer (name, tx_id, event_id)
           select $1, coalesce(max(tx_id), '0'::xid8), coalesce(max(id), 0) from outbox_event
           returning tx_id::text, event_id::text`,
          [options.name],
        );
      }
      const rows = await query<OutboxRecord>(
        // Ordered by the columns (e.…): a bare `tx_id` here would be the text output of the same
        // name, and as text '10' < '9', so a batch across a power of ten would skip rows.
        `select e.id::text, e.tx_id::text, e.type, e.account_id, e.wallet_id, e.wallet_sequence::text, e.transaction_id, e.campaign_id,
                e.call_id, e.payment_event, e.top_up_id, e.alert_cause, e.created_at
           from outbox_event e
          where (e.tx_id, e.id) > ($1::xid8, $2::bigint)
            and e.tx_id < pg_snapshot_xmin(pg_current_snapshot())
          order by e.tx_id, e.id
          limit $3`,
        [position!.tx_id, position!.event_id, options.batchSize],
      );
      if (rows.length === 0) return 0;
      await options.handle(rows, query);
      const last = rows.at(-1)!;
      await query(`update outbox_consumer set tx_id = $2::xid8, event_id = $3 where name = $1`, [options.name, last.tx_id, last.id]);
      return rows.length;
    });
    handled += count;
    if (count < options.batchSize) return handled;
  }
}
