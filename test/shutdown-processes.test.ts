// Goal: Ctrl-C on `npm start` (SIGINT to the whole foreground process group) stops the server in order within its drain time: it stops accepting, a request in flight completes, the embedded PostgreSQL stops last, the process exits 0 after "Stopped." with no FATAL and no stack trace; a request still running past the drain time is cut and the stop still ends. Method: real `node dist/server/main.js` processes on their own embedded PostgreSQL, started as process-group leaders and interrupted through the group, with a table lock held by the test to keep a real request in flight.
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../server/database/free-port.js';
import { buildServer, startServerProcess, type BuiltServer, type ServerProcess } from './support/server-process.js';
import { lockTable, until } from './support/waiting.js';

let built: BuiltServer;
const started: ServerProcess[] = [];

beforeAll(async () => {
  built = await buildServer();
});
afterAll(async () => {
  await Promise.all(started.map((server) => server.stop()));
});

/** Starts `npm start`'s server on an embedded PostgreSQL of its own, in a process group of its own. */
async function start(env: Record<string, string>): Promise<{ server: ServerProcess; databaseUrl: string }> {
  const port = await freePort();
  // The readable log format, as `npm start` in a terminal prints it: what a person pressing Ctrl-C sees.
  const server = await startServerProcess(built.mainFile, { EMBEDDED_PG_PORT: String(port), LOG_FORMAT: 'pretty', ...env }, 120_000, {
    processGroup: true,
  });
  started.push(server);
  return { server, databaseUrl: `postgres://postgres:postgres@127.0.0.1:${port}/spendwire` };
}

function printed(output: string, pattern: RegExp, what: string): string {
  const match = pattern.exec(output);
  if (!match) throw new Error(`No ${what} printed:\n${output}`);
  return match[1]!;
}

/** Whether a TCP connection to the server's port is accepted. */
function accepts(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(Number(new URL(url).port), '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Whether anything answers on `databaseUrl`. */
async function databaseAnswers(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const THRESHOLDS = `mutation($id: ID!) { setLowBalanceThresholds(input: { walletId: $id, thresholds: ["7"] }) { thresholds } }`;

/** Starts the mutation above as the operator; resolves with the HTTP status and body, or the network error. */
function setThresholds(server: ServerProcess, walletId: string): Promise<{ status: number; body: unknown } | { failed: string }> {
  const token = printed(server.output(), /Operator token \(PLATFORM_ADMIN\): (\S+)/, 'operator token');
  return fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: THRESHOLDS, variables: { id: walletId } }),
  }).then(
    async (response) => ({ status: response.status, body: await response.json() }),
    (error: Error) => ({ failed: String((error.cause as Error | undefined)?.message ?? error.message) }),
  );
}

/** No PostgreSQL FATAL, no error and no stack trace in what the process printed. */
function expectCleanOutput(output: string): void {
  expect(output).not.toMatch(/FATAL|57P0\d|terminating connection/);
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toMatch(/Error:/);
}

describe('Ctrl-C (SIGINT to the process group)', () => {
  it('stops accepting, completes the request in flight, stops PostgreSQL last, and exits 0 within the drain time with no trace', async () => {
    const DRAIN_MS = 10_000;
    const { server, databaseUrl } = await start({ SHUTDOWN_DRAIN_TIMEOUT_MS: String(DRAIN_MS) });
    const walletId = printed(server.output(), /Demo wallet id: +(\S+)/, 'demo wallet id');
    // Traffic as a dashboard makes: queries and the rate limiter's pool are in use when Ctrl-C comes.
    for (let i = 0; i < 10; i++) expect(await setThresholds(server, walletId)).toMatchObject({ status: 200 });
    const lock = await lockTable(databaseUrl, 'wallet_alert_state');
    let inFlight: ReturnType<typeof setThresholds>;
    let interruptedAtMs: number;
    try {
      inFlight = setThresholds(server, walletId);
      await until('the request to wait on the lock', async () => (await lock.waiting()) === 1);
      interruptedAtMs = performance.now();
      server.interrupt();
      await until('the server to stop accepting connections', async () => !(await accepts(server.url)), 20_000);
      // PostgreSQL did not get the terminal's SIGINT: it still serves while the server drains.
      expect(await databaseAnswers(databaseUrl)).toBe(true);
    } finally {
      await lock.release();
    }
    const answer = await inFlight;
    expect(answer).toMatchObject({
      status: 200,
      body: { data: { setLowBalanceThresholds: { thresholds: expect.arrayContaining(['7']) } } },
    });
    expect(await server.exited).toBe(0);
    const stopMs = performance.now() - interruptedAtMs;
    const output = server.output();
    expect(output).toMatch(/SIGINT: stopping/);
    expect(output.trimEnd().endsWith('Stopped.')).toBe(true);
    expectCleanOutput(output.slice(output.indexOf('SIGINT: stopping')));
    expect(stopMs).toBeLessThan(DRAIN_MS);
    // Then PostgreSQL was stopped too.
    expect(await databaseAnswers(databaseUrl)).toBe(false);
  });

  it('cuts a request still running at the end of the drain time, and still stops in order and exits 0', async () => {
    const DRAIN_MS = 1_500;
    const { server, databaseUrl } = await start({ SHUTDOWN_DRAIN_TIMEOUT_MS: String(DRAIN_MS), OPERATION_DEADLINE_MS: '30000' });
    const walletId = printed(server.output(), /Demo wallet id: +(\S+)/, 'demo wallet id');
    const lock = await lockTable(databaseUrl, 'wallet_alert_state');
    let interruptedAtMs: number;
    try {
      const inFlight = setThresholds(server, walletId);
      await until('the request to wait on the lock', async () => (await lock.waiting()) === 1);
      interruptedAtMs = performance.now();
      server.interrupt();
      // Past the drain time the server closes the request's connection: the client sees it cut.
      expect(await inFlight).toMatchObject({ failed: expect.any(String) });
      expect(performance.now() - interruptedAtMs).toBeGreaterThanOrEqual(DRAIN_MS - 100);
    } finally {
      // The statement still waits on the lock (the pool closes once it ends): let it end, so that
      // this connection is gone before the server stops PostgreSQL.
      await lock.release();
    }
    expect(await server.exited).toBe(0);
    const output = server.output();
    expect(output.trimEnd().endsWith('Stopped.')).toBe(true);
    expectCleanOutput(output.slice(output.indexOf('SIGINT: stopping')));
  });
});
