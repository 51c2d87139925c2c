// Goal: every per-key rate limit holds at its boundary — GraphQL queries and mutations per API key and per session (HTTP 429 + Retry-After + RATE_LIMITED, on the socket RATE_LIMITED), across two server processes on one database, sockets per key (4429) and subscriptions per key (RATE_LIMITED), released however a socket ends. Method: the real server with low limits set through startTestApp overrides, fetch for HTTP, the real graphql-ws client and raw `ws` sockets, a second server process on the same database.
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { Config } from '../../server/config.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { until } from '../support/waiting.js';
import { runSql } from '../support/sql.js';
import { captureLogs } from '../support/log-capture.js';

const LIMITS: Partial<Config> = {
  graphqlQueriesPerWindowMax: 5,
  graphqlMutationsPerWindowMax: 3,
  // One window for the whole file: no reset happens while a test runs.
  graphqlRateWindowSeconds: 3_600,
  // A process admits at most one point the others have not seen.
  rateLimitSyncPointsMax: 1,
  rateLimitSyncIntervalMs: 100,
  socketsPerKeyMax: 2,
  subscriptionsPerKeyMax: 3,
};
const ME = '{ me { role } }';
const CHARGE = 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }';
const BALANCE = 'query($id: ID!) { wallet(id: $id) { balance } }';
const RECORD_USAGE = 'mutation($input: RecordUsageInput!) { recordUsage(input: $input) { postedCount } }';
const TRANSACTIONS = 'subscription($walletId: ID!) { transactionAdded(walletId: $walletId, afterSequence: "0") { sequence } }';

let t: TestApp;
let tenant: { accountId: string; walletId: string; ownerKey: string };

beforeAll(async () => {
  t = await startTestApp(LIMITS);
  tenant = await t.createAccount();
  await t.fund(tenant.walletId, '100');
});
afterAll(async () => {
  await t?.close();
});

/** POST /graphql with a bearer token or a cookie; the status, Retry-After and body. */
async function post(url: string, auth: { token?: string; cookie?: string }, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
      ...(auth.cookie ? { cookie: auth.cookie } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as { data?: any; errors?: any[] },
  };
}

function expectRefused(answer: Awaited<ReturnType<typeof post>>, limit: string) {
  expect(answer.status).toBe(429);
  const error = answer.body.errors?.[0];
  expect(error?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit });
  expect(error?.extensions?.http).toBeUndefined();
  expect(answer.retryAfter).toBe(String(error?.extensions?.retryAfterSeconds));
  expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(answer.retryAfter)).toBeLessThanOrEqual(LIMITS.graphqlRateWindowSeconds!);
}

const wsUrl = (url: string) => `${url.replace(/^http/, 'ws')}/graphql`;

function socketClient(url: string, token: string): Client {
  return createClient({
    url: wsUrl(url),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: { authorization: `Bearer ${token}` },
  });
}

/** Runs one operation; resolves with its last result or its errors. */
function run(client: Client, query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: any[] }> {
  return new Promise((resolve, reject) => {
    let result: { data?: any; errors?: any[] } = {};
    client.subscribe(
      { query, variables },
      {
        next: (value) => (result = value as typeof result),
        error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error)),
        complete: () => resolve(result),
      },
    );
  });
}

/** A raw graphql-transport-ws socket: resolves once acknowledged, or with the close code that refused it. */
type RawSocket = { socket: WebSocket } | { closeCode: number };

async function openRawSocket(token: string): Promise<RawSocket> {
  const socket = new WebSocket(wsUrl(t.url), 'graphql-transport-ws');
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.once('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string };
      if (message.type === 'connection_ack') resolve({ socket });
      else reject(new Error(`unexpected ${String(data)}`));
    });
    socket.once('close', (code) => resolve({ closeCode: code }));
  });
}

describe('GraphQL operations per key', () => {
  it('a key runs graphqlQueriesPerWindowMax queries; the next is 429 RATE_LIMITED with Retry-After; other keys and the operator go on', async () => {
    const key = await t.createKey(tenant.accountId, 'OWNER');
    for (let index = 0; index < 5; index++) {
      const answer = await post(t.url, { token: key.secret }, ME);
      expect([answer.status, answer.body.data?.me?.role]).toEqual([200, 'OWNER']);
    }
    expectRefused(await post(t.url, { token: key.secret }, ME), 'graphqlQueriesPerWindowMax');
    // Refused again without asking PostgreSQL, still with a Retry-After.
    expectRefused(await post(t.url, { token: key.secret }, ME), 'graphqlQueriesPerWindowMax');
    const other = await t.createKey(tenant.accountId, 'OWNER');
    expect((await post(t.url, { token: other.secret }, ME)).status).toBe(200);
    for (let index = 0; index < 7; index++) expect((await post(t.url, { token: t.adminToken }, ME)).status).toBe(200);
  });

  it('mutations have their own budget; a refused charge changes nothing', async () => {
    const key = await t.createKey(tenant.accountId, 'OWNER');
    const before = (await t.ok(t.adminToken, BALANCE, { id: tenant.walletId })).wallet.balance;
    const charge = () => post(t.url, { token: key.secret }, CHARGE, { input: { walletId: tenant.walletId, amount: '1' } });
    for (let index = 0; index < 3; index++) expect((await charge()).body.data?.charge?.transaction?.id).toBeTypeOf('string');
    expectRefused(await charge(), 'graphqlMutationsPerWindowMax');
    expect((await t.ok(t.adminToken, BALANCE, { id: tenant.walletId })).wallet.balance).toBe(String(Number(before) - 3));
    // The query budget is untouched by the mutations.
    expect((await post(t.url, { token: key.secret }, ME)).status).toBe(200);
    await t.assertLedger();
  });

  it('recordUsage counts one mutation per event: a batch of the whole budget passes, one more is refused; a batch over what is left is refused whole', async () => {
    const key = await t.createKey(tenant.accountId, 'OWNER');
    const before = (await t.ok(t.adminToken, BALANCE, { id: tenant.walletId })).wallet.balance;
    const usage = (count: number) =>
      post(t.url, { token: key.secret }, RECORD_USAGE, {
        input: { events: Array.from({ length: count }, () => ({ walletId: tenant.walletId, amount: '1' })) },
      });
    expect((await usage(3)).body.data?.recordUsage?.postedCount).toBe(3);
    expectRefused(
      await post(t.url, { token: key.secret }, CHARGE, { input: { walletId: tenant.walletId, amount: '1' } }),
      'graphqlMutationsPerWindowMax',
    );
    const other = await t.createKey(tenant.accountId, 'OWNER');
    expectRefused(
      await post(t.url, { token: other.secret }, RECORD_USAGE, {
        input: { events: Array.from({ length: 4 }, () => ({ walletId: tenant.walletId, amount: '1' })) },
      }),
      'graphqlMutationsPerWindowMax',
    );
    expect((await t.ok(t.adminToken, BALANCE, { id: tenant.walletId })).wallet.balance).toBe(String(Number(before) - 3));
    await t.assertLedger();
  });

  it('startCalls and endCalls count one mutation per call: the whole budget passes, one more is refused; a list over what is left is refused whole, nothing started', async () => {
    const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.01', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
    // The operator's token is not limited: it sets up the campaign and hangs up at the end.
    const campaignId = await t.runningCampaign(t.adminToken, tenant.walletId, ratePlanId);
    const calls = (count: number) => Array.from({ length: count }, (_, i) => ({ campaignId, to: `+1555010${String(i).padStart(4, '0')}` }));
    const START_CALLS = 'mutation($input: StartCallsInput!) { startCalls(input: $input) { activeCount results { call { id } } } }';
    const END_CALLS = 'mutation($input: EndCallsInput!) { endCalls(input: $input) { endedCount } }';
    const countCalls = async () =>
      (await runSql(t.app.orm.em.fork(), 'select count(*)::int as n from call where campaign_id = $1', [campaignId]))[0].n as number;
    const key = await t.createKey(tenant.accountId, 'INTEGRATOR');
    const started = (await post(t.url, { token: key.secret }, START_CALLS, { input: { calls: calls(3) } })).body.data?.startCalls;
    expect(started?.activeCount).toBe(3);
    const callIds = started.results.map((result: { call: { id: string } }) => ({ callId: result.call.id }));
    expectRefused(
      await post(t.url, { token: key.secret }, END_CALLS, { input: { calls: callIds.slice(0, 1) } }),
      'graphqlMutationsPerWindowMax',
    );
    const other = await t.createKey(tenant.accountId, 'INTEGRATOR');
    expectRefused(await post(t.url, { token: other.secret }, START_CALLS, { input: { calls: calls(4) } }), 'graphqlMutationsPerWindowMax');
    expect(await countCalls()).toBe(3);
    expect((await t.ok(t.adminToken, END_CALLS, { input: { calls: callIds } })).endCalls.endedCount).toBe(3);
    await t.assertLedger();
  });

  it('a dashboard session has a budget of its own', async () => {
    const email = `limits-${Date.now()}@example.com`;
    await t.ok(t.adminToken, 'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }', {
      input: { accountId: tenant.accountId, email, name: 'Rita', role: 'OWNER', password: 'correct horse battery' },
    });
    const signedIn = await fetch(`${t.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'correct horse battery' }),
    });
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
    for (let index = 0; index < 5; index++) expect((await post(t.url, { cookie }, ME)).status).toBe(200);
    expectRefused(await post(t.url, { cookie }, ME), 'graphqlQueriesPerWindowMax');
  });

  it('operations on the socket spend the same budget and are refused RATE_LIMITED with retryAfterSeconds', async () => {
    const key = await t.createKey(tenant.accountId, 'OWNER');
    const client = socketClient(t.url, key.secret);
    try {
      for (let index = 0; index < 4; index++) expect((await run(client, ME)).data).toEqual({ me: { role: 'OWNER' } });
      expect((await post(t.url, { token: key.secret }, ME)).status).toBe(200);
      const refused = await run(client, ME);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'graphqlQueriesPerWindowMax' });
      expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expectRefused(await post(t.url, { token: key.secret }, ME), 'graphqlQueriesPerWindowMax');
    } finally {
      await client.dispose();
    }
  });
});

describe('across two server processes on one database', () => {
  let second: TestApp;
  beforeAll(async () => {
    second = await startTestApp(LIMITS, { databaseUrl: t.databaseUrl, adminToken: t.adminToken });
  });
  afterAll(async () => {
    await second?.close();
  });

  const reportedPoints = async (keyId: string) => {
    const rows = await runSql<{ points: number }>(t.app.orm.em.fork(), 'select points from rate_limit where key = $1', [
      `gql_query:${keyId}`,
    ]);
    return rows[0]?.points ?? 0;
  };

  it('the budget a key spent on one process is spent on the other: N pass on A, the next on B is refused', async () => {
    const key = await t.createKey(tenant.accountId, 'OWNER');
    for (let index = 0; index < 5; index++) expect((await post(t.url, { token: key.secret }, ME)).status).toBe(200);
    // A reports what it admitted within rateLimitSyncIntervalMs.
    await until('the points to be reported', async () => (await reportedPoints(key.id)) >= 5, 10_000, 20);
    expectRefused(await post(second.url, { token: key.secret }, ME), 'graphqlQueriesPerWindowMax');
    expectRefused(await post(t.url, { token: key.secret }, ME), 'graphqlQueriesPerWindowMax');
  });

  it('requests alternating between the processes admit at most N + P × rateLimitSyncPointsMax, then both refuse', async () => {
    const key = await t.createKey(tenant.accountId, 'OWNER');
    let admitted = 0;
    const answers: number[] = [];
    for (let index = 0; index < 20; index++) {
      const answer = await post(index % 2 === 0 ? t.url : second.url, { token: key.secret }, ME);
      answers.push(answer.status);
      if (answer.status === 200) admitted++;
      else expectRefused(answer, 'graphqlQueriesPerWindowMax');
    }
    expect(admitted).toBeGreaterThanOrEqual(5);
    expect(admitted).toBeLessThanOrEqual(5 + 2 * LIMITS.rateLimitSyncPointsMax!);
    expect(answers.slice(-4)).toEqual([429, 429, 429, 429]);
  });
});

describe('sockets and subscriptions per key', () => {
  it('a key holds socketsPerKeyMax sockets; one more is closed with 4429; a closed or dropped socket frees its place', async () => {
    const key = await t.createKey(tenant.accountId, 'OWNER');
    const first = await openRawSocket(key.secret);
    const second = await openRawSocket(key.secret);
    expect('socket' in first && 'socket' in second).toBe(true);
    expect(await openRawSocket(key.secret)).toEqual({ closeCode: 4429 });
    // Another key is not affected.
    const other = await openRawSocket((await t.createKey(tenant.accountId, 'OWNER')).secret);
    expect('socket' in other).toBe(true);
    if ('socket' in other) other.socket.close();

    // A clean close frees a place…
    if ('socket' in first) first.socket.close(1000);
    let third: RawSocket = { closeCode: 0 };
    await until(
      'a third socket to be accepted',
      async () => {
        third = await openRawSocket(key.secret);
        return 'socket' in third;
      },
      10_000,
      20,
    );
    // …and so does a socket that just drops (no close frame).
    expect(await openRawSocket(key.secret)).toEqual({ closeCode: 4429 });
    if ('socket' in second) second.socket.terminate();
    let fourth: RawSocket = { closeCode: 0 };
    await until(
      'a fourth socket to be accepted',
      async () => {
        fourth = await openRawSocket(key.secret);
        return 'socket' in fourth;
      },
      10_000,
      20,
    );
    for (const opened of [third, fourth] as RawSocket[]) if ('socket' in opened) opened.socket.close();
  });

  it('a key holds subscriptionsPerKeyMax subscriptions over its sockets; one more is refused RATE_LIMITED and the socket stays; completing one frees a place', async () => {
    const key = await t.createKey(tenant.accountId, 'OWNER');
    const clients = [socketClient(t.url, key.secret), socketClient(t.url, key.secret)];
    const live: (() => void)[] = [];
    /** Subscribes; resolves 'open' once the replay delivered the wallet's first transaction, or with the errors. */
    const open = (client: Client) =>
      new Promise<'open' | any[]>((resolve) => {
        const stop = client.subscribe(
          { query: TRANSACTIONS, variables: { walletId: tenant.walletId } },
          { next: () => resolve('open'), error: (error) => resolve(error as any[]), complete: () => {} },
        );
        live.push(stop);
      });
    try {
      expect(await open(clients[0]!)).toBe('open');
      expect(await open(clients[1]!)).toBe('open');
      expect(await open(clients[1]!)).toBe('open');
      const refused = await open(clients[0]!);
      expect((refused as any[])[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'subscriptionsPerKeyMax', max: 3 });
      // The socket stays open: a query on it is answered.
      expect((await run(clients[0]!, ME)).data).toEqual({ me: { role: 'OWNER' } });
      live[0]!();
      let again: 'open' | any[] = [];
      await until(
        'the socket to be accepted again',
        async () => {
          again = await open(clients[0]!);
          return again === 'open';
        },
        10_000,
        20,
      );
      expect(again).toBe('open');
    } finally {
      await Promise.all(clients.map((client) => client.dispose()));
    }
  });
});

describe('when PostgreSQL cannot count', () => {
  it('GraphQL operations are admitted (fail open) and the failure is logged: the money paths never depend on the limiter', async () => {
    const key = await t.createKey(tenant.accountId, 'OWNER');
    const connection = t.app.orm.em.fork().getConnection();
    const logged = captureLogs();
    await connection.execute('alter table rate_limit rename to rate_limit_gone');
    try {
      for (let index = 0; index < 7; index++) expect((await post(t.url, { token: key.secret }, ME)).status).toBe(200);
      expect(logged.lines().some((line) => line.level === 50 && String(line.msg).includes('rate-limit report'))).toBe(true);
    } finally {
      await connection.execute('alter table rate_limit_gone rename to rate_limit');
      logged.stop();
    }
  });
});
