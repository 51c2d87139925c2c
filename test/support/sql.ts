/**
 * Tests read and arrange rows with positional SQL through this one helper: a statement in
 * autocommit on the server's own pool. Server code never does this; it defines its statements in
 * its domain's queries files (server/database/sql.ts).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { poolOf, transaction } from '../../server/database/sql.js';

/** Runs one statement with `$1…` parameters in autocommit and returns its rows. */
// biome-ignore lint/suspicious/noExplicitAny: tests read rows of many shapes; each caller names the columns it checks.
export async function runSql<Row = any>(em: EntityManager, text: string, values: unknown[] = []): Promise<Row[]> {
  const pool = poolOf(em);
  const connection = await pool.acquireConnection();
  try {
    return (await connection.query(text, values)).rows as Row[];
  } finally {
    await pool.releaseConnection(connection);
  }
}

/** Runs positional statements in one transaction (committed when `work` resolves, rolled back when it throws). */
export async function runSqlTransaction<T>(
  em: EntityManager,
  // biome-ignore lint/suspicious/noExplicitAny: as runSql.
  work: (query: <Row = any>(text: string, values?: unknown[]) => Promise<Row[]>) => Promise<T>,
): Promise<T> {
  return transaction(em, (tx) => work(async (text, values) => (await tx.connection.query(text, values)).rows));
}
