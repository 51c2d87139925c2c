/**
 * TRANSITIONAL, delete when the restructure's branches are merged: two adapters between the one
 * SQL style (a `SqlTransaction` handed to `sql()` statements) and the query functions that
 * functions of other areas still take or hand out while they are converted in parallel —
 * `insertOutboxEvents` (campaigns), `consumeOutbox`'s handler and `lockOutboxConsumer` (the
 * outbox). Once those take and give a `Db`, callers pass their `tx` straight through.
 */
import type pg from 'pg';
import { SqlTransaction } from '../database/sql.js';

/** A query function in the old style: text with `$n` placeholders and values, resolving to rows. */
export type LegacyQuery = <Row extends pg.QueryResultRow = any>(text: string, values?: unknown[]) => Promise<Row[]>;

/** The old-style query function of an open transaction. */
export function legacyQueryOf(tx: SqlTransaction): LegacyQuery {
  return async (text, values) => (await tx.connection.query(text, values)).rows;
}

/**
 * The transaction behind an old-style query function (`consumeOutbox` hands one to its handler).
 * It cannot prepare statements by name nor count rows a statement touched without returning them:
 * `run` resolves to the number of rows returned, so statements run through it are read with
 * `all`/`one`/`maybeOne` (or have their count ignored).
 */
export function sqlTransactionOf(query: LegacyQuery): SqlTransaction {
  const connection = {
    async query(config: pg.QueryConfig | string, values?: unknown[]) {
      const rows = typeof config === 'string' ? await query(config, values) : await query(config.text, config.values);
      return { rows, rowCount: rows.length };
    },
  };
  return new SqlTransaction(connection as unknown as pg.Client);
}
