import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { assert } from '../errors.js';
import { whileHoldingConnection } from './operation-budget.js';

interface KnexClient {
  acquireConnection(): Promise<pg.Client>;
  releaseConnection(connection: pg.Client): Promise<unknown>;
}

/** A connection of the ORM's pool with real bind parameters; int8 and timestamptz come back as strings. */
export type PgQuery = <Row extends pg.QueryResultRow = any>(text: string, values?: unknown[]) => Promise<Row[]>;

async function withConnection<T>(em: EntityManager, work: (connection: pg.Client) => Promise<T>): Promise<T> {
  assert(!em.isInTransaction(), 'a pooled connection cannot join an ORM transaction');
  const client = em.getConnection().getKnex().client as KnexClient;
  const connection = await client.acquireConnection();
  try {
    return await whileHoldingConnection(() => work(connection));
  } finally {
    await client.releaseConnection(connection);
  }
}

/**
 * Runs `work` in one READ COMMITTED transaction on a connection of the ORM's pool, with bind
 * parameters (MikroORM's `execute` inlines values). Commits when `work` resolves, rolls back when
 * it throws. For multi-statement writes that lock rows in a fixed order: calls, wallets,
 * subscriptions, campaigns, accounts.
 */
export async function pgTransaction<T>(em: EntityManager, work: (query: PgQuery) => Promise<T>): Promise<T> {
  return withConnection(em, async (connection) => {
    const query: PgQuery = async (text, values) => (await connection.query(text, values)).rows;
    await connection.query('begin');
    try {
      const result = await work(query);
      await connection.query('commit');
      return result;
    } catch (error) {
      await connection.query('rollback').catch(() => {});
      throw error;
    }
  });
}

/** One statement in autocommit on a connection of the ORM's pool, with bind parameters. */
export async function pgQuery<Row extends pg.QueryResultRow = any>(em: EntityManager, text: string, values: unknown[] = []): Promise<Row[]> {
  return withConnection(em, async (connection) => (await connection.query<Row>(text, values)).rows);
}
