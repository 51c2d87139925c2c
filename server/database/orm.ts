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
    migrations: { migrationsList, snapshot: false, transactional: true, allOrNothing: true, silent: true },
    allowGlobalContext: false,
    debug: false,
  });
  // Every pooled connection (sql.ts statements and transactions, the posting batcher) is taken here.
  governConnections(poolOf(orm.em), { requestConnectionsMax });
  return orm;
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

/** Names of the migrations this build has that the database has not applied (empty when current). */
export async function pendingMigrations(orm: MikroORM): Promise<string[]> {
  return (await orm.getMigrator().getPendingMigrations()).map((migration) => migration.name);
}
