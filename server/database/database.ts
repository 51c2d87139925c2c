import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.js';
import { embeddedUrl, startEmbeddedPostgres } from './embedded-postgres.js';

/** The database the app uses on an embedded cluster. */
export const EMBEDDED_DATABASE_NAME = 'spendwire';

/** A database to connect to, and how to let go of it. */
export interface OpenDatabase {
  databaseUrl: string;
  /** True when an embedded PostgreSQL was started for it. */
  embedded: boolean;
  /** Stops the embedded PostgreSQL, if one was started. */
  stop(): Promise<void>;
}

/**
 * `DATABASE_URL` when set; otherwise starts the embedded PostgreSQL under `<DATA_DIR>/postgres`
 * and makes sure its `spendwire` database exists. With `reuseRunning`, an embedded PostgreSQL
 * already running for that folder (a running `npm start`) is used instead, and left running.
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'embeddedPostgresPort'>,
  options: { reuseRunning?: boolean } = {},
): Promise<OpenDatabase> {
  if (config.databaseUrl) return { databaseUrl: config.databaseUrl, embedded: false, stop: async () => {} };
  if (options.reuseRunning) {
    const running = embeddedUrl(config.embeddedPostgresPort, EMBEDDED_DATABASE_NAME);
    const client = new pg.Client({ connectionString: running, connectionTimeoutMillis: 2_000 });
    const reachable = await client.connect().then(
      () => true,
      () => false,
    );
    await client.end().catch(() => {});
    if (reachable) return { databaseUrl: running, embedded: true, stop: async () => {} };
  }
  // Detached: a terminal's Ctrl-C reaches the server alone, which stops itself and then PostgreSQL.
  const cluster = await startEmbeddedPostgres({
    dataDir: path.join(config.dataDir, 'postgres'),
    port: config.embeddedPostgresPort,
    detached: true,
  });
  try {
    await ensureDatabase(cluster.serverUrl, EMBEDDED_DATABASE_NAME);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return { databaseUrl: cluster.urlFor(EMBEDDED_DATABASE_NAME), embedded: true, stop: () => cluster.stop() };
}

/** Creates `name` on the server behind `maintenanceUrl` unless it exists; `template` copies another database. */
export async function ensureDatabase(maintenanceUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount === 0) {
      const ident = (text: string) => `"${text.replaceAll('"', '""')}"`;
      await client.query(`create database ${ident(name)}${template ? ` template ${ident(template)}` : ''}`);
    }
  } finally {
    await client.end();
  }
}
