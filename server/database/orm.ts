import { MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { Account } from '../domain/accounts/account.entity.js';
import { ApiKey } from '../domain/accounts/api-key.entity.js';
import { Wallet } from '../domain/wallets/wallet.entity.js';
import { WalletTransaction } from '../domain/wallets/wallet-transaction.entity.js';
import { migrationsList } from '../migrations/index.js';
import { governConnections } from './operation-budget.js';

/** Every entity, listed rather than discovered by folder so the same list works from dist/ and in tests. */
export const entities = [Account, ApiKey, Wallet, WalletTransaction];

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

/** Opens MikroORM on PostgreSQL with the reflect-metadata provider (explicit types on every property). */
export async function createOrm(options: CreateOrmOptions): Promise<MikroORM> {
  const poolSizeMax = options.poolSizeMax ?? 16;
  const requestConnectionsMax = options.requestConnectionsMax ?? poolSizeMax;
  if (!Number.isInteger(requestConnectionsMax) || requestConnectionsMax < 1 || requestConnectionsMax > poolSizeMax) {
    throw new Error(`Client operations must be allowed 1..${poolSizeMax} pooled connections (pool size minus reserved), got ${requestConnectionsMax}`);
  }
  const orm = await MikroORM.init({
    clientUrl: options.databaseUrl,
    entities,
    extensions: [Migrator],
    pool: { min: 0, max: poolSizeMax },
    migrations: { migrationsList, snapshot: false, transactional: true, allOrNothing: true, silent: true },
    allowGlobalContext: false,
    debug: false,
  });
  // Every pooled connection (ORM queries, pgQuery/pgTransaction, prepared statements, the batcher) is taken here.
  governConnections(orm.em.getConnection().getKnex().client, { requestConnectionsMax });
  return orm;
}

/** Applies every pending migration; a no-op when the schema is current. */
export async function migrate(orm: MikroORM): Promise<void> {
  await orm.getMigrator().up();
}
