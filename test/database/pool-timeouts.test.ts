// Goal: every timeout of the server's database connections and HTTP server is set and bounds its wait
// at its boundary (a wait under it passes, one past it is cut), and what it cuts answers a retryable
// SERVICE_UNAVAILABLE (HTTP 503). Method: the real server on its own database, real table locks held
// by the test, real pg_sleep statements, an idle-in-transaction session ended by PostgreSQL, a full
// pool, and raw TCP clients that send a request slowly.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUnavailableReason } from '../../server/errors.js';
import { createOrm } from '../../server/database/orm.js';
import { sql, transaction } from '../../server/database/sql.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { lockTable, until } from '../support/waiting.js';
import { runSql } from '../support/sql.js';

const STATEMENT_TIMEOUT_MS = 1_000;
const LOCK_TIMEOUT_MS = 800;
const IDLE_IN_TRANSACTION_TIMEOUT_MS = 500;
const DEADLINE_MS = 8_000;
const HEADERS_TIMEOUT_MS = 1_000;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    databaseStatementTimeoutMs: STATEMENT_TIMEOUT_MS,
    databaseLockTimeoutMs: LOCK_TIMEOUT_MS,
    databaseIdleInTransactionTimeoutMs: IDLE_IN_TRANSACTION_TIMEOUT_MS,
    operationDeadlineMs: DEADLINE_MS,
    httpHeadersTimeoutMs: HEADERS_TIMEOUT_MS,
    httpRequestTimeoutMs: HEADERS_TIMEOUT_MS * 2,
  });
});
afterAll(async () => {
  await t?.close();
});

const sleep = sql<{ slept: string }, { seconds: number }>('select pg_sleep(:seconds)::text as slept');

describe('timeouts of the pooled connections', () => {
  it('reach every pooled connection as PostgreSQL session settings', async () => {
    const rows = await runSql<{ name: string; setting: string }>(
      t.app.orm.em.fork(),
      `select name, setting from pg_settings
        where name in ('statement_timeout', 'lock_timeout', 'idle_in_transaction_session_timeout') order by name`,
    );
    expect(Object.fromEntries(rows.map((row) => [row.name, Number(row.setting)]))).toEqual({
      idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
      lock_timeout: LOCK_TIMEOUT_MS,
      statement_timeout: STATEMENT_TIMEOUT_MS,
    });
  });

  it(`databaseStatementTimeoutMs: a statement of ${STATEMENT_TIMEOUT_MS / 5} ms runs; one of ${STATEMENT_TIMEOUT_MS * 3} ms is cancelled (57014, retryable)`, async () => {
    const em = t.app.orm.em.fork();
    await expect(sleep.one(em, { seconds: STATEMENT_TIMEOUT_MS / 5 / 1_000 })).resolves.toEqual({ slept: '' });
    const startedMs = performance.now();
    const error = await sleep.one(em, { seconds: (STATEMENT_TIMEOUT_MS * 3) / 1_000 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: '57014' });
    expect(databaseUnavailableReason(error)).toBe('database statement timeout');
    expect(performance.now() - startedMs).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 50);
  });

  it('databaseIdleInTransactionTimeoutMs: PostgreSQL ends a session left idle in a transaction; the pool replaces the connection', async () => {
    const em = t.app.orm.em.fork();
    const pidOf = sql<{ pid: number }>('select pg_backend_pid() as pid');
    const failure = await transaction(em, async (tx) => {
      const { pid } = await pidOf.one(tx);
      // Idle inside the transaction until PostgreSQL has ended the session.
      await until(
        'PostgreSQL to end the idle-in-transaction session',
        async () => (await runSql(t.app.orm.em.fork(), 'select 1 from pg_stat_activity where pid = $1', [pid])).length === 0,
      );
      await pidOf.one(tx);
    }).catch((error: unknown) => error);
    expect(databaseUnavailableReason(failure)).toBeDefined();
    // The dead connection was discarded: the next statements all run.
    for (let i = 0; i < 5; i++) await expect(pidOf.one(em)).resolves.toMatchObject({ pid: expect.any(Number) });
  });
});

const THRESHOLDS = `mutation($id: ID!) { setLowBalanceThresholds(input: { walletId: $id, thresholds: ["7"] }) { thresholds } }`;

describe('databaseLockTimeoutMs', () => {
  it('a mutation waiting on a lock released before the timeout commits', async () => {
    const { walletId } = await t.createAccount();
    const lock = await lockTable(t.databaseUrl, 'wallet_alert_state');
    const answer = t.graphql(t.adminToken, THRESHOLDS, { id: walletId });
    try {
      await until('the mutation to wait on the lock', async () => (await lock.waiting()) === 1);
    } finally {
      await lock.release();
    }
    const response = await answer;
    expect(response.errors).toBeUndefined();
    expect(response.status).toBe(200);
  });

  it('a mutation whose lock stays held past the timeout answers SERVICE_UNAVAILABLE with HTTP 503, retryable, well before the deadline', async () => {
    const { walletId } = await t.createAccount();
    const lock = await lockTable(t.databaseUrl, 'wallet_alert_state');
    let response: Awaited<ReturnType<TestApp['graphql']>>;
    let headers: Headers;
    const startedMs = performance.now();
    try {
      const raw = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` },
        body: JSON.stringify({ query: THRESHOLDS, variables: { id: walletId } }),
      });
      headers = raw.headers;
      response = { status: raw.status, ...((await raw.json()) as object) };
    } finally {
      await lock.release();
    }
    const elapsedMs = performance.now() - startedMs;
    expect(response.status).toBe(503);
    expect(headers.get('retry-after')).toBe('1');
    expect(response.errors).toEqual([
      expect.objectContaining({
        message: 'The service is briefly unavailable (database lock timeout): retry shortly',
        extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, requestId: headers.get('x-request-id') },
      }),
    ]);
    expect(elapsedMs).toBeGreaterThanOrEqual(LOCK_TIMEOUT_MS - 50);
    expect(elapsedMs).toBeLessThan(DEADLINE_MS);
    // Retried once the lock is gone, it commits.
    expect((await t.ok(t.adminToken, THRESHOLDS, { id: walletId })).setLowBalanceThresholds.thresholds).toContain('7');
  });
});

describe('databasePoolAcquireTimeoutMs', () => {
  it('with every pooled connection held, a caller waits the acquire timeout and fails retryable; with one free it runs', async () => {
    const ACQUIRE_TIMEOUT_MS = 500;
    const orm = await createOrm({
      databaseUrl: t.databaseUrl,
      poolSizeMax: 2,
      timeouts: {
        statementTimeoutMs: 0,
        lockTimeoutMs: 0,
        idleInTransactionTimeoutMs: 0,
        queryTimeoutMs: 0,
        connectTimeoutMs: 5_000,
        acquireTimeoutMs: ACQUIRE_TIMEOUT_MS,
      },
    });
    const one = sql<{ one: number }>('select 1 as one');
    let releaseHeld!: () => void;
    const held = new Promise<void>((resolve) => (releaseHeld = resolve));
    const holders: Promise<void>[] = [];
    let holding = 0;
    const hold = () =>
      holders.push(
        transaction(orm.em.fork(), async (tx) => {
          await one.one(tx);
          holding++;
          await held;
        }),
      );
    try {
      hold();
      await until('one connection held', () => holding === 1);
      await expect(one.one(orm.em.fork())).resolves.toEqual({ one: 1 });
      hold();
      await until('both connections held', () => holding === 2);
      const startedMs = performance.now();
      const error = await one.one(orm.em.fork()).catch((caught: unknown) => caught);
      expect(performance.now() - startedMs).toBeGreaterThanOrEqual(ACQUIRE_TIMEOUT_MS - 50);
      expect(databaseUnavailableReason(error)).toBe('database connection lost or timed out');
    } finally {
      releaseHeld();
      await Promise.all(holders);
      await orm.close(true);
    }
  });
});

/** Sends `head` on a raw TCP connection to the app; resolves with what the server answered when it closed. */
function rawRequest(head: string, options: { finish?: boolean } = {}): Promise<{ answer: string; closedAfterMs: number }> {
  const { port } = new URL(t.url);
  return new Promise((resolve, reject) => {
    const startedMs = performance.now();
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(options.finish ? `${head}\r\n` : head));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (options.finish && answer.includes('\r\n\r\n')) socket.end();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve({ answer, closedAfterMs: performance.now() - startedMs }));
  });
}

describe('HTTP server timeouts', () => {
  it(`httpHeadersTimeoutMs: headers not complete after ${HEADERS_TIMEOUT_MS} ms are answered 408 and the connection closed`, async () => {
    const { answer, closedAfterMs } = await rawRequest('GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAfterMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 50);
  });

  it('a request whose headers arrive in time is answered', async () => {
    const { answer } = await rawRequest('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n', { finish: true });
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
  });
});
