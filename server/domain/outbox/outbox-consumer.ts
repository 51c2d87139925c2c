/**
 * The durable outbox consumers' machinery, below every domain area that consumes the outbox
 * (alerts, mail, webhooks): it imports only the database layer.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction, type Db, type SqlTransaction } from '../../database/sql.js';
import {
  insertConsumerAtHead,
  lockConsumer,
  selectConsumerBatch,
  selectConsumerPosition,
  updateConsumerPosition,
  type OutboxRecord,
} from './outbox.queries.js';

export type { OutboxRecord } from './outbox.queries.js';

/**
 * Takes, until the caller's transaction ends, the lock that serializes every process running the
 * consumer `name`: an advisory lock, so holding it takes no transaction id.
 */
export async function lockOutboxConsumer(db: Db, name: string): Promise<void> {
  await lockConsumer.all(db, { name });
}

/** Options of {@link consumeOutbox}. */
export interface ConsumeOutboxOptions {
  /** The consumer's row in `outbox_consumer` (created at the outbox's current head when missing). */
  name: string;
  /**
   * Rows handed to `handle` at most per transaction, and wallet transactions they stand for (a row's
   * `transaction_count`) at most, but for a first row that alone stands for more (a row is never split).
   */
  batchSize: number;
  /**
   * Handles a batch, in position order, inside the transaction that advances the position: what it
   * writes commits together with the new position, so every row is handled exactly once (a failure
   * rolls both back and the batch is read again).
   */
  handle(rows: OutboxRecord[], tx: SqlTransaction): Promise<void>;
}

/**
 * Reads the outbox after the consumer's durable position, one batch per transaction, until it is
 * caught up; returns how many rows it handled (a row may stand for many wallet transactions). Only rows below the outbox horizon (this database's
 * oldest running transaction, as the live tail reads) are read, so a row committed later can never
 * appear behind the position.
 * A transaction-scoped advisory lock per consumer name serializes every process running the same
 * consumer: their handlers never overlap, and what a handler inserts is in commit order.
 */
export async function consumeOutbox(em: EntityManager, options: ConsumeOutboxOptions): Promise<number> {
  let handled = 0;
  for (;;) {
    const count = await transaction(em, async (tx) => {
      // An advisory lock, not a row lock: a pass that finds nothing takes no transaction id, so it
      // never holds back the live tails (they read only below the oldest running transaction id).
      await lockOutboxConsumer(tx, options.name);
      const position =
        (await selectConsumerPosition.maybeOne(tx, { name: options.name })) ?? (await insertConsumerAtHead.one(tx, { name: options.name }));
      const rows = await selectConsumerBatch.all(tx, { txId: position.tx_id, eventId: position.event_id, limit: options.batchSize });
      if (rows.length === 0) return { rows: 0, transactions: 0 };
      await options.handle(rows, tx);
      const last = rows.at(-1)!;
      await updateConsumerPosition.run(tx, { name: options.name, txId: last.tx_id, eventId: last.id });
      return { rows: rows.length, transactions: rows.reduce((sum, row) => sum + row.transaction_count, 0) };
    });
    handled += count.rows;
    // A batch cut short by the rows' transactions stands for at least batchSize of them: read on.
    if (count.rows < options.batchSize && count.transactions < options.batchSize) return handled;
  }
}
