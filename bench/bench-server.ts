/**
 * The server as a child process for the benchmarks: its own event loop and its own CPU figures
 * (/proc), started on a database the bench made, stopped with SIGTERM (SIGKILL after a wait).
 */
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../server/config.js';
import { freePort } from '../server/database/free-port.js';
import type { EmbeddedDatabase } from '../server/database/embedded-postgres.js';
import { sleep } from './bench-support.js';

/** Longest wait for the server to answer /healthz, in ms. */
const SERVER_START_TIMEOUT_MS = 60_000;
/** Longest wait for the server to exit after SIGTERM before SIGKILL, in ms. */
const SERVER_STOP_TIMEOUT_MS = 10_000;
/**
 * The same for a server started with --cpu-prof, in ms: it writes its profile as it exits, which for a
 * busy run of several seconds on a loaded machine took longer than SERVER_STOP_TIMEOUT_MS (and a SIGKILL
 * loses the profile).
 */
const PROFILED_SERVER_STOP_TIMEOUT_MS = 120_000;
/** Lines of the server's output kept for diagnostics. */
const OUTPUT_LINES_KEPT = 200;

/** The project's root (bench files run from dist/bench). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The compiled server entry the benches start. */
export const SERVER_ENTRY = path.join(PROJECT_ROOT, 'dist/server/main.js');

/** A running server child process. */
export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** The last lines the server printed (stdout and stderr). */
  output: string[];
  /** Lines the server wrote to stderr. */
  stderrLines: number;
  exited: Promise<number | null>;
  /** How long {@link stopServer} waits after SIGTERM, in ms. */
  stopTimeoutMs: number;
}

/** Options of {@link startServer}. */
export interface StartServerOptions {
  databaseUrl: string;
  adminToken: string;
  dataDir: string;
  /** The server's DATABASE_POOL_SIZE; undefined keeps the server's default. */
  poolSize?: number;
  /** Extra flags for the server's node process (e.g. --cpu-prof), after config.ts SERVER_NODE_FLAGS (which it may override: a later flag wins). */
  nodeArgs?: readonly string[];
  /** Extra environment variables (they win over the bench's own). */
  env?: NodeJS.ProcessEnv;
  /** The server entry to run (another build, for an A/B in one run). @default SERVER_ENTRY */
  entry?: string;
  /** Open files the server must be allowed (sockets count): see {@link spawnWithFileDescriptors}. @default the inherited limit */
  fileDescriptorsMin?: number;
}

/** The soft and hard limits on open files this process (and so its children) starts with. */
export function fileDescriptorLimits(): { soft: number; hard: number } {
  const [soft, hard] = execFileSync('sh', ['-c', 'ulimit -n; ulimit -Hn'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((text) => (text.trim() === 'unlimited' ? Number.POSITIVE_INFINITY : Number(text)));
  return { soft: soft!, hard: hard! };
}

/**
 * Spawns `node args` allowed at least `fileDescriptorsMin` open files: when the inherited soft limit
 * (`ulimit -n`) is lower, through `sh -c 'ulimit -n N; exec …'`, which may raise it up to the hard
 * limit. @throws Error when the hard limit is lower than asked (raise it, or ask for fewer sockets).
 */
export function spawnWithFileDescriptors(
  args: readonly string[],
  fileDescriptorsMin: number | undefined,
  options: SpawnOptions,
): ChildProcess {
  const limits = fileDescriptorLimits();
  if (fileDescriptorsMin === undefined || limits.soft >= fileDescriptorsMin) return spawn(process.execPath, args, options);
  if (limits.hard < fileDescriptorsMin) {
    throw new Error(
      `${fileDescriptorsMin} open files are needed but the hard limit (ulimit -Hn) is ${limits.hard}: raise it, or use fewer sockets`,
    );
  }
  return spawn('sh', ['-c', `ulimit -n ${fileDescriptorsMin} && exec "$0" "$@"`, process.execPath, ...args], options);
}

/**
 * Starts `node dist/server/main.js` with NODE_ENV=production, SIMULATOR=0 on 127.0.0.1 and a free
 * port, and waits for /healthz. @throws when it exits or stays silent for 60 s.
 */
export async function startServer(options: StartServerOptions): Promise<ServerProcess> {
  const entry = options.entry ?? SERVER_ENTRY;
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build:server\` first.`);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    PLATFORM_ADMIN_TOKEN: options.adminToken,
    DATA_DIR: options.dataDir,
    NODE_ENV: 'production',
    // main.ts seeds a demo campaign that the built-in dialer would call and text: not part of the measured load.
    SIMULATOR: '0',
  };
  delete env.DATABASE_POOL_SIZE;
  if (options.poolSize !== undefined) env.DATABASE_POOL_SIZE = String(options.poolSize);
  Object.assign(env, options.env ?? {});
  const child = spawnWithFileDescriptors(
    [...SERVER_NODE_FLAGS, ...(options.nodeArgs ?? []), options.entry ?? SERVER_ENTRY],
    options.fileDescriptorsMin,
    {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const server: ServerProcess = {
    child,
    port,
    output: [],
    stderrLines: 0,
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
    stopTimeoutMs: options.nodeArgs?.some((arg) => arg.startsWith('--cpu-prof')) ? PROFILED_SERVER_STOP_TIMEOUT_MS : SERVER_STOP_TIMEOUT_MS,
  };
  const keep = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      if (stream === 'stderr') server.stderrLines++;
      server.output.push(`[server ${stream}] ${line}`);
      if (server.output.length > OUTPUT_LINES_KEPT) server.output.shift();
    }
  };
  child.stdout!.on('data', keep('stdout'));
  child.stderr!.on('data', keep('stderr'));

  let exitCode: number | null | undefined;
  void server.exited.then((code) => (exitCode = code));
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`the server exited with code ${exitCode} while starting:\n${server.output.join('\n')}`);
    const healthy = await new Promise<boolean>((resolve) => {
      const request = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      });
      request.setTimeout(1000, () => request.destroy());
      request.on('error', () => resolve(false));
    });
    if (healthy) return server;
    await sleep(100);
  }
  throw new Error(`the server did not answer /healthz within ${SERVER_START_TIMEOUT_MS} ms:\n${server.output.join('\n')}`);
}

/** SIGTERM, then SIGKILL when it has not exited within its `stopTimeoutMs` (10 s; 120 s when profiling). */
export async function stopServer(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const stopped = await Promise.race([server.exited.then(() => true), sleep(server.stopTimeoutMs).then(() => false)]);
  if (!stopped) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
}

/** Resident set size of a process, in MiB (from /proc), or NaN when unknown. */
export function residentMib(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** What a bench with a server process holds: its temp folder, its PostgreSQL cluster, the server. */
export interface ServerBenchResources {
  tempDir?: string;
  cluster?: EmbeddedDatabase;
  server?: ServerProcess;
}

/** Stops the server, then PostgreSQL, then deletes the temp folder; each step's failure is printed, not thrown. */
export async function cleanUpServerBench(resources: ServerBenchResources): Promise<void> {
  if (resources.server) await stopServer(resources.server).catch((error) => console.error('stopping the server:', error));
  if (resources.cluster) await resources.cluster.stop().catch((error) => console.error('stopping PostgreSQL:', error));
  if (resources.tempDir) await fsp.rm(resources.tempDir, { recursive: true, force: true }).catch(() => {});
  resources.server = undefined;
  resources.cluster = undefined;
  resources.tempDir = undefined;
}
