import { spawn, type ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../server/config.js';
import { ensureDatabase } from '../../server/database/database.js';
import { serverBuildFolder, withFolderLock } from './folder-lock.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The server compiled as `npm run build:server` compiles it, into a folder of the test run's own. */
export interface BuiltServer {
  /** Path of the compiled `server/main.js`. */
  mainFile: string;
}

/** Longest server compile, in milliseconds, before the waiting files give up. @default 180000 */
const SERVER_BUILD_TIMEOUT_MS = 180_000;

/**
 * Compiles the server (tsconfig.server.json) into a temporary folder that resolves the project's
 * node_modules, so a test can start real `node dist/server/main.js` processes (Node 20 cannot run
 * the .ts sources itself). Once per test run: the first file to ask compiles it under a lock while
 * files in other workers wait, and later ones reuse it (five files start processes; each compiled
 * its own copy before, 5–10 s of a loaded machine each). Files must not write into it.
 */
export async function buildServer(): Promise<BuiltServer> {
  const folder = serverBuildFolder(inject('testDatabasePrefix'));
  const built: BuiltServer = { mainFile: path.join(folder, 'dist/server/main.js') };
  // Written last: its presence says the compile finished.
  const doneMarker = path.join(folder, 'compiled');
  if (fsSync.existsSync(doneMarker)) return built;
  await withFolderLock(`${folder}.lock`, { staleMs: SERVER_BUILD_TIMEOUT_MS, timeoutMs: 2 * SERVER_BUILD_TIMEOUT_MS }, async () => {
    if (fsSync.existsSync(doneMarker)) return;
    // A compile that died half-way leaves a folder without its marker: start it afresh.
    await fs.rm(folder, { recursive: true, force: true });
    await fs.mkdir(folder);
    await fs.writeFile(path.join(folder, 'package.json'), '{ "type": "module" }\n');
    await fs.symlink(path.join(ROOT, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
    await promisify(execFile)(
      path.join(ROOT, 'node_modules/.bin/tsc'),
      ['-p', path.join(ROOT, 'tsconfig.server.json'), '--outDir', path.join(folder, 'dist')],
      { cwd: ROOT, timeout: SERVER_BUILD_TIMEOUT_MS },
    );
    await fs.writeFile(doneMarker, '');
  });
  return built;
}

/** An empty database (no schema at all) on the tests' PostgreSQL server; dropped with the run's others. */
export async function createEmptyDatabase(): Promise<string> {
  const serverUrl = inject('postgresServerUrl');
  const name = `${inject('testDatabasePrefix')}empty_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(serverUrl, name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A running `node dist/server/main.js`. */
export interface ServerProcess {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Its URL, read from what it printed at start. */
  url: string;
  /** Sends SIGTERM and resolves with its exit code once it has exited. */
  stop(): Promise<number | null>;
  /** Resolves with its exit code once it has exited. */
  exited: Promise<number | null>;
  /**
   * Sends SIGINT as a terminal's Ctrl-C does: to its whole process group when it was started with
   * `processGroup` (every child it spawned in that group gets it too), else to it alone.
   */
  interrupt(): void;
}

/** Options of {@link startServerProcess}. */
export interface StartServerProcessOptions {
  /** Start it as the leader of a process group of its own, as a shell runs `npm start` in the foreground. @default false */
  processGroup?: boolean;
}

/**
 * Starts `node <mainFile>` with `env` added to a minimal environment (no simulator, port 0, a
 * fresh DATA_DIR, JSON logs at `info`) and resolves once it printed that it runs; rejects with its
 * output if it exits first or does not come up within `timeoutMs`. When it exits, its log lines
 * (not its start-up banner, which shows the demo key on purpose) join the run's log file, which
 * is checked for secrets at the end of the run.
 */
export async function startServerProcess(
  mainFile: string,
  env: Record<string, string>,
  timeoutMs = 60_000,
  options: StartServerProcessOptions = {},
): Promise<ServerProcess> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'spendwire-proc-'));
  // As `npm start` runs it: with the server's node flags (config.ts SERVER_NODE_FLAGS).
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, mainFile], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      SIMULATOR: '0',
      DATA_DIR: dataDir,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.processGroup ?? false,
  });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const logFile = inject('testLogFile');
  // 'close': after its output has all been read.
  child.once('close', () => {
    const logLines = text.split('\n').filter((line) => line.startsWith('{"level":'));
    if (logLines.length > 0) fsSync.appendFileSync(logFile, `${logLines.join('\n')}\n`);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not come up within ${timeoutMs} ms:\n${text}`)), timeoutMs);
    const check = () => {
      const match = /Dashboard: +(http:\/\/\S+?)\/\s/.exec(text);
      if (match && text.includes('Press Ctrl-C to stop.')) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}) before it came up:\n${text}`));
    });
  });
  return {
    child,
    output: () => text,
    url,
    exited,
    interrupt: () => {
      if (options.processGroup) process.kill(-child.pid!, 'SIGINT');
      else child.kill('SIGINT');
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const code = await exited;
      await fs.rm(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
