import { spawn, type ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { ensureDatabase } from '../../server/database/database.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The server compiled as `npm run build:server` compiles it, into a folder of its own. */
export interface BuiltServer {
  /** Path of the compiled `server/main.js`. */
  mainFile: string;
  /** Removes the build. */
  remove(): Promise<void>;
}

/**
 * Compiles the server (tsconfig.server.json, ~2 s) into a temporary folder that resolves the
 * project's node_modules, so a test can start real `node dist/server/main.js` processes (Node 20
 * cannot run the .ts sources itself).
 */
export async function buildServer(): Promise<BuiltServer> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'spendwire-build-'));
  await fs.writeFile(path.join(folder, 'package.json'), '{ "type": "module" }\n');
  await fs.symlink(path.join(ROOT, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
  await promisify(execFile)(
    path.join(ROOT, 'node_modules/.bin/tsc'),
    ['-p', path.join(ROOT, 'tsconfig.server.json'), '--outDir', path.join(folder, 'dist')],
    { cwd: ROOT },
  );
  return { mainFile: path.join(folder, 'dist/server/main.js'), remove: () => fs.rm(folder, { recursive: true, force: true }) };
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
  const child = spawn(process.execPath, [mainFile], {
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
