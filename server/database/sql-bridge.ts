/**
 * Transitional: the positional query function (`PgQuery`) of an open {@link SqlTransaction}, for
 * callees that still take one (`postWalletTransactionIn`, `publishAlertCause`) while their areas
 * move to `sql.ts`. Delete it, with `pg-transaction.ts`, once they take a `Db`.
 */
import type { PgQuery } from './pg-transaction.js';
import type { SqlTransaction } from './sql.js';

/** The `PgQuery` view of `tx`: its statements run in the caller's transaction. */
export function positionalQueryOf(tx: SqlTransaction): PgQuery {
  return async (text, values) => (await tx.connection.query(text, values)).rows;
}
