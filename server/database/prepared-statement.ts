import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { assert } from '../errors.js';

/** A statement PostgreSQL parses and plans once per connection, then only executes. */
export interface PreparedStatement {
  /** Unique per statement text. */
  name: string;
  /** SQL with `$1`, `$2`, … placeholders. */
  text: string;
}

interface KnexClient {
  acquireConnection(): Promise<pg.Client>;
  releaseConnection(connection: pg.Client): Promise<unknown>;
}

/**
 * Runs a named prepared statement on a connection of the ORM's own pool, with real bind
 * parameters, in autocommit. For the hottest statements only: MikroORM's `execute` inlines values
 * into the SQL text, so PostgreSQL parses and plans it on every call (measured: planning the
 * ledger statement costs as much as running it). Rows come back as the ORM's pool gives them
 * (int8 and timestamptz as strings); driver errors are not wrapped.
 */
export async function executePrepared<Row>(em: EntityManager, statement: PreparedStatement, values: unknown[]): Promise<Row[]> {
  assert(!em.isInTransaction(), `${statement.name} runs in autocommit; it cannot join an open transaction`);
  const client = em.getConnection().getKnex().client as KnexClient;
  const connection = await client.acquireConnection();
  try {
    const result = await connection.query<Row & pg.QueryResultRow>({ name: statement.name, text: statement.text, values });
    return result.rows;
  } finally {
    await client.releaseConnection(connection);
  }
}
