import { MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { migrationsList } from '../migrations/index.js';
import { withAdvisoryLock } from './advisory-lock.js';

/** The advisory lock every process takes to migrate, so processes starting together migrate one at a time. */
export const MIGRATION_LOCK_NAME = 'spendwire:migrations';
import { governConnections } from './operation-budget.js';
import { poolOf } from './sql.js';
import { log } from '../logging/logger.js';

/** Options of {@link createOrm}. */
export interface CreateOrmOptions {
  /** PostgreSQL connection string. */
  databaseUrl: string;
  /** Largest number of pooled connections. @default 16 */
  poolSizeMax?: number;
  /**
   * Pooled connections client operations may hold together (see operation-budget.ts); the rest
   * are kept for background work. @default poolSizeMax (no reserve)
   */
  requestConnectionsMax?: number;
  /** Timeouts of every pooled connection (config.ts says each one's meaning); none when absent (migrations, tests' set-up). */
  timeouts?: PoolTimeouts;
}

/** The timeouts {@link createOrm} sets on its pool, each in milliseconds (0: off). */
export interface PoolTimeouts {
  /** PostgreSQL `statement_timeout`, sent as a startup parameter of each connection. */
  statementTimeoutMs: number;
  /** PostgreSQL `lock_timeout`. */
  lockTimeoutMs: number;
  /** PostgreSQL `idle_in_transaction_session_timeout`. */
  idleInTransactionTimeoutMs: number;
  /** node-postgres `query_timeout`: the client's own bound on a statement's answer (its connection is then discarded, see sql.ts). */
  queryTimeoutMs: number;
  /** node-postgres `connectionTimeoutMillis`: opening one connection. */
  connectTimeoutMs: number;
  /** The pool's acquire timeout: waiting for a connection. */
  acquireTimeoutMs: number;
}

/**
 * Opens MikroORM on PostgreSQL. It keeps the connection pool, the migrations and the schema; it
 * maps no entities: every table is read and written through its domain's `*.queries.ts`
 * (database/sql.ts), into plain records.
 */
export async function createOrm(options: CreateOrmOptions): Promise<MikroORM> {
  const poolSizeMax = options.poolSizeMax ?? 16;
  const requestConnectionsMax = options.requestConnectionsMax ?? poolSizeMax;
  if (!Number.isInteger(requestConnectionsMax) || requestConnectionsMax < 1 || requestConnectionsMax > poolSizeMax) {
    throw new Error(
      `Client operations must be allowed 1..${poolSizeMax} pooled connections (pool size minus reserved), got ${requestConnectionsMax}`,
    );
  }
  const orm = await MikroORM.init({
    clientUrl: options.databaseUrl,
    entities: [],
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    pool: { min: 0, max: poolSizeMax },
    // Set when each connection opens (startup parameters), so no statement is spent on them and a
    // connection replaced after a PostgreSQL restart has them too.
    ...(options.timeouts ? { driverOptions: knexTimeouts(options.timeouts) } : {}),
    migrations: { migrationsList, snapshot: false, transactional: true, allOrNothing: true, silent: true },
    allowGlobalContext: false,
    debug: false,
  });
  // Every pooled connection (sql.ts statements and transactions, the posting batcher) is taken here.
  governConnections(poolOf(orm.em), { requestConnectionsMax });
  return orm;
}

/** The knex options (connection parameters and acquire timeout) for `timeouts`. */
function knexTimeouts(timeouts: PoolTimeouts): Record<string, unknown> {
  return {
    connection: {
      statement_timeout: timeouts.statementTimeoutMs,
      lock_timeout: timeouts.lockTimeoutMs,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs,
      query_timeout: timeouts.queryTimeoutMs || undefined,
      connectionTimeoutMillis: timeouts.connectTimeoutMs,
    },
    acquireConnectionTimeout: timeouts.acquireTimeoutMs,
  };
}

/**
 * Applies every pending migration under a PostgreSQL advisory lock; a no-op when the schema is
 * current. Processes starting together on one database take turns: the first applies the
 * migrations, the others then find none pending (without the lock they raced to create the same
 * tables and all but one failed to start). Returns the names of the migrations this call applied.
 */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const databaseUrl = orm.config.get('clientUrl');
  if (!databaseUrl) throw new Error('migrate needs the ORM opened with a clientUrl');
  return withAdvisoryLock(
    databaseUrl,
    MIGRATION_LOCK_NAME,
    async () => (await orm.getMigrator().up()).map((migration) => migration.name),
    () => log.info('Another process is migrating the database: waiting for it.'),
  );
}

/**
 * {@link migrate} on a short-lived pool of one connection without the request timeouts: a migration
 * may lock and rewrite a large table for longer than any request may run.
 */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  const orm = await createOrm({ databaseUrl, poolSizeMax: 1 });
  try {
    return await migrate(orm);
  } finally {
    await orm.close(true);
  }
}

/** Names of the migrations this build has that the database has not applied (empty when current). */
export async function pendingMigrations(orm: MikroORM): Promise<string[]> {
  return (await orm.getMigrator().getPendingMigrations()).map((migration) => migration.name);
}
