import type { PgQuery } from './pg-transaction.js';
import type { SqlTransaction } from './sql.js';

/**
 * Transitional, deleted with pg-transaction.ts once every caller runs sql.ts statements: a
 * {@link PgQuery} on an open {@link SqlTransaction}, for handlers still written against PgQuery.
 */
export function pgQueryOf(tx: SqlTransaction): PgQuery {
  return async (text, values) => (await tx.connection.query(text, values)).rows;
}
