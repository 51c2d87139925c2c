import { MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { Account } from '../domain/accounts/account.entity.js';
import { ApiKey } from '../domain/accounts/api-key.entity.js';
import { Wallet } from '../domain/wallets/wallet.entity.js';
import { WalletTransaction } from '../domain/wallets/wallet-transaction.entity.js';
import { migrationsList } from '../migrations/index.js';

/** Every entity, listed rather than discovered by folder so the same list works from dist/ and in tests. */
export const entities = [Account, ApiKey, Wallet, WalletTransaction];

/** Options of {@link createOrm}. */
export interface CreateOrmOptions {
  /** PostgreSQL connection string. */
  databaseUrl: string;
  /** Largest number of pooled connections. @default 16 */
  poolSizeMax?: number;
}

/** Opens MikroORM on PostgreSQL with the reflect-metadata provider (explicit types on every property). */
export async function createOrm(options: CreateOrmOptions): Promise<MikroORM> {
  return MikroORM.init({
    clientUrl: options.databaseUrl,
    entities,
    extensions: [Migrator],
    pool: { min: 0, max: options.poolSizeMax ?? 16 },
    migrations: { migrationsList, snapshot: false, transactional: true, allOrNothing: true, silent: true },
    allowGlobalContext: false,
    debug: false,
  });
}

/** Applies every pending migration; a no-op when the schema is current. */
export async function migrate(orm: MikroORM): Promise<void> {
  await orm.getMigrator().up();
}
