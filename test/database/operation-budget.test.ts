// Goal: client operations are bounded (a cap on connections each holds, a share of the pool for all of
// them, a deadline answered OPERATION_TIMEOUT) and the worst allowed flood never starves the billing
// clock. Method: the real server on a small pool, PostgreSQL table locks held by the test to make
// operations wait on real statements, the real graphql-ws client, and the real billing clock metering calls.
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectionGovernorOf, type ConnectionGovernor } from '../../server/database/operation-budget.js';
import { createOrm } from '../../server/database/orm.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { lockTable as lockTableOn, until } from '../support/waiting.js';
import { subscribe } from '../support/subscriber.js';
import { runSql } from '../support/sql.js';

const POOL = 8;
const RESERVED = 3;
const PER_OPERATION = 2;
/**
 * The operations' deadline. The pool tests hold operations on a lock while they look at the pool, and
 * must finish before it: at 3 s the reserve test failed on a heavily loaded machine.
 */
const DEADLINE_MS = 5_000;
/** Aliases of `wallet { transactions(first: 100) }` per flood request. */
/**
 * Aliases in the flood: the most the query limits allow of `wallet { transactions(first: 100) { 4 fields } }`
 * (each costs 602 against queryCostMax 10,000; queryAliasesMax is 15).
 */
const FLOOD_ALIASES = 15;

let t: TestApp;
let governor: ConnectionGovernor;
beforeAll(async () => {
  t = await startTestApp({
    databasePoolSize: POOL,
    databasePoolReservedConnections: RESERVED,
    operationConnectionsMax: PER_OPERATION,
    operationDeadlineMs: DEADLINE_MS,
    // The flood test's calls are extended 3 s before their grants end (see there).
    billingClockLeadMs: 3_000,
    // The flood tests the pool's reserve, not the per-key cost budget that would refuse most of it.
    graphqlQueryCostPerWindowMax: 1_000_000_000,
  });
  governor = connectionGovernorOf(t.app.orm.em.getConnection().getKnex().client)!;
});
afterAll(async () => {
  await t?.close();
});

/** Locks `table` on the test's own connection (test/support/waiting.ts). */
const lockTable = (table: string) => lockTableOn(t.databaseUrl, table);

const ALERTS_ALIAS = (i: number) => `a${i}: alerts(first: 1) { edges { cursor } }`;

describe('operationConnectionsMax', () => {
  it(`lets one operation hold ${PER_OPERATION} connections at once; the ${PER_OPERATION + 1}th use waits (it is not refused) and then runs`, async () => {
    const lock = await lockTable('alert');
    let answer: Promise<Awaited<ReturnType<TestApp['graphql']>>>;
    try {
      answer = t.graphql(t.adminToken, `{ ${Array.from({ length: PER_OPERATION + 1 }, (_, i) => ALERTS_ALIAS(i)).join(' ')} }`);
      // N statements wait on the lock, each on its own connection; the N+1th waits for one of them.
      await until(
        'N statements on the lock and one use waiting on the cap',
        async () => (await lock.waiting()) === PER_OPERATION && governor.operationCapWaiting === 1,
      );
      expect(governor.requestConnectionsHeld).toBe(PER_OPERATION);
    } finally {
      await lock.release();
    }
    const response = await answer;
    expect(response.errors).toBeUndefined();
    expect(Object.keys(response.data as object)).toHaveLength(PER_OPERATION + 1);
    expect(governor.requestConnectionsHeld).toBe(0);
  });
});

describe('databasePoolReservedConnections', () => {
  it(`lets operations together hold ${POOL - RESERVED} connections; background work still gets one of the ${RESERVED} reserved`, async () => {
    const lock = await lockTable('alert');
    const operations = POOL - RESERVED + 1;
    let answers: Promise<Awaited<ReturnType<TestApp['graphql']>>[]>;
    try {
      // More single-statement operations than the requests' share: one of them waits for the share.
      answers = Promise.all(Array.from({ length: operations }, () => t.graphql(t.adminToken, `{ ${ALERTS_ALIAS(0)} }`)));
      await until(
        'the requests share full and one operation waiting',
        async () => (await lock.waiting()) === POOL - RESERVED && governor.requestConnectionsWaiting === 1,
      );
      expect(governor.requestConnectionsHeld).toBe(POOL - RESERVED);
      // Background work (no operation) is not held back by the requests: the reserve serves it.
      const [row] = await runSql<{ one: number }>(t.app.orm.em.fork(), 'select 1 as one');
      expect(row!.one).toBe(1);
    } finally {
      await lock.release();
    }
    for (const response of await answers) expect(response.errors).toBeUndefined();
  });
  it('must leave client operations at least one connection: a reserve of the whole pool is refused at start', async () => {
    await expect(createOrm({ databaseUrl: t.databaseUrl, poolSizeMax: 4, requestConnectionsMax: 0 })).rejects.toThrow(
      /1\.\.4 pooled connections/,
    );
  });
});

describe('operationDeadlineMs', () => {
  const THRESHOLDS = `mutation($a: ID!, $b: ID!) {
    a: setLowBalanceThresholds(input: { walletId: $a, thresholds: ["7"] }) { thresholds }
    b: setLowBalanceThresholds(input: { walletId: $b, thresholds: ["9"] }) { thresholds }
  }`;
  const thresholdsOf = async (walletId: string) =>
    (await t.ok(t.adminToken, `query($id: ID!) { wallet(id: $id) { lowBalanceThresholds } }`, { id: walletId })).wallet
      .lowBalanceThresholds as string[];

  for (const transport of ['HTTP', 'WebSocket'] as const) {
    it(`answers OPERATION_TIMEOUT over ${transport} when a statement waits past the deadline, and never starts the operation's remaining work`, async () => {
      const a = await t.createAccount();
      const b = await t.createAccount();
      const lock = await lockTable('wallet_alert_state');
      let response: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[]; status?: number };
      try {
        if (transport === 'HTTP') {
          response = await t.graphql(t.adminToken, THRESHOLDS, { a: a.walletId, b: b.walletId });
          // Retryable: HTTP 503 (with Retry-After), so clients and proxies that read only the status retry.
          expect(response.status).toBe(503);
        } else {
          const client = createClient({
            url: `${t.url.replace(/^http/, 'ws')}/graphql`,
            webSocketImpl: WebSocket,
            retryAttempts: 0,
            connectionParams: { authorization: `Bearer ${t.adminToken}` },
          });
          try {
            response = await new Promise((resolve, reject) => {
              let result: typeof response = {};
              client.subscribe(
                { query: THRESHOLDS, variables: { a: a.walletId, b: b.walletId } },
                {
                  next: (value) => (result = value as typeof response),
                  error: reject,
                  complete: () => resolve(result),
                },
              );
            });
          } finally {
            await client.dispose();
          }
        }
        // Answered while the first field's statement still waits on the lock.
        expect(await lock.waiting()).toBe(1);
      } finally {
        await lock.release();
      }
      expect(response.data).toBeNull();
      // TestApp.graphql (HTTP) checks and removes extensions.requestId; the socket's answer keeps it.
      const requestId = transport === 'WebSocket' ? { requestId: expect.any(String) } : {};
      expect(response.errors).toEqual([
        {
          message: `The operation ran past its ${DEADLINE_MS} ms deadline`,
          extensions: { code: 'OPERATION_TIMEOUT', deadlineMs: DEADLINE_MS, retryable: true, ...requestId },
        },
      ]);
      // The statement in flight ends on its own (it commits); the second field is never started.
      await until('the operation to let go of its connections', () => governor.requestConnectionsHeld === 0);
      expect(await thresholdsOf(a.walletId)).toEqual(['7']);
      expect(await thresholdsOf(b.walletId)).toEqual(['5', '0']);
    });
  }

  it('answers a subscription whose setup waits past the deadline OPERATION_TIMEOUT, and its late setup leaves nothing subscribed', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    const query = `subscription($walletId: ID!) { transactionAdded(walletId: $walletId) { sequence } }`;
    const lock = await lockTable('wallet');
    const late = subscribe(t.url, ownerKey, query, { walletId }, (d) => d.transactionAdded.sequence as string);
    try {
      await until('the setup to be answered', () => late.errors.length > 0, 10_000);
      expect(late.errors).toEqual([
        {
          message: `The operation ran past its ${DEADLINE_MS} ms deadline`,
          extensions: { code: 'OPERATION_TIMEOUT', deadlineMs: DEADLINE_MS, retryable: true },
        },
      ]);
    } finally {
      await lock.release();
    }
    await until('the late setup to let go of its connection', () => governor.requestConnectionsHeld === 0);
    // A second subscriber on the same wallet, once it has seen an event, is the hub's only one.
    const live = subscribe(
      t.url,
      ownerKey,
      query.replace('(walletId: $walletId)', '(walletId: $walletId, afterSequence: "0")'),
      { walletId },
      (d) => d.transactionAdded.sequence as string,
    );
    try {
      await t.fund(walletId, '1');
      expect(await live.waitFor(1)).toEqual(['1']);
      expect(t.app.events.hubs.counts()).toEqual({ subscribers: 1, wallets: 1 });
      expect(late.received).toEqual([]);
    } finally {
      await live.close();
      await late.close();
    }
  });

  it("applies to a subscription's setup, not to its lifetime", async () => {
    const { walletId, ownerKey } = await t.createAccount();
    const transactions = subscribe(
      t.url,
      ownerKey,
      `subscription($walletId: ID!) { transactionAdded(walletId: $walletId, afterSequence: "0") { sequence } }`,
      { walletId },
      (d) => d.transactionAdded.sequence as string,
    );
    try {
      await t.fund(walletId, '1');
      expect(await transactions.waitFor(1)).toEqual(['1']);
      // Live past the deadline: still delivering.
      const openedAt = Date.now();
      await until('the deadline to pass', () => Date.now() > openedAt + DEADLINE_MS);
      await t.fund(walletId, '1');
      expect(await transactions.waitFor(2)).toEqual(['1', '2']);
      expect(transactions.errors).toEqual([]);
    } finally {
      await transactions.close();
    }
  });
});

describe('the worst allowed query flood while the billing clock meters calls', () => {
  it('fails no clock pass and runs no call unfunded; every flood answer is data or OPERATION_TIMEOUT', { timeout: 60_000 }, async () => {
    // A wallet with 100 transactions for the flood to read.
    const target = await t.createAccount('Flood target');
    await t.fund(target.walletId, '1000');
    await Promise.all(
      Array.from({ length: 99 }, () =>
        t.ok(target.ownerKey, `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }`, {
          input: { walletId: target.walletId, amount: '0.01' },
        }),
      ),
    );
    const FLOOD = `query($id: ID!) { ${Array.from({ length: FLOOD_ALIASES }, (_, i) => `w${i}: wallet(id: $id) { transactions(first: 100) { edges { node { id sequence amount balanceAfter } } } }`).join(' ')} }`;

    const aloneStartedAt = performance.now();
    const alone = await t.graphql(target.ownerKey, FLOOD, { id: target.walletId });
    const aloneMs = performance.now() - aloneStartedAt;
    // The worst ALLOWED request: the limits let it through (it may still run out of time).
    expect(alone.errors?.map((error) => error.extensions?.code) ?? []).not.toContain('QUERY_TOO_COMPLEX');

    // Calls that the clock must extend and then stop at the end of their funded time: 3 calls at
    // 6.00/min (0.30 per 3-second increment) on 1.50: three first increments, two extensions, 15 s
    // in all. The clock reserves 3 s ahead (the lead, set for this file): a clock up to 3 s late on a
    // loaded machine still extends them, where 1-second increments (1 s of slack) let grants lapse and
    // the calls end as hang-ups, which this test cannot tell from a starved clock.
    const { walletId, ownerKey } = await t.createAccount('Metered');
    await t.fund(walletId, '1.5');
    const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '6', firstIncrementSeconds: 3, nextIncrementSeconds: 3 }]);
    const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
    const failedBefore = t.app.spend.billingClock.passesFailed;

    const updates = subscribe(
      t.url,
      ownerKey,
      `subscription($campaignId: ID!) { callUpdated(campaignId: $campaignId) { id status endReason billedSeconds cost } }`,
      { campaignId },
      (d) => d.callUpdated,
    );
    // The calls start before the flood: the flood's own operations may queue past their deadline.
    const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { id status } } }`;
    const calls = await Promise.all(
      ['+447700900001', '+447700900002', '+447700900003'].map((to) => t.ok(ownerKey, START_CALL, { input: { campaignId, to } })),
    );
    expect(calls.map((c) => c.startCall.call.status)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE']);
    let flooding = true;
    const codes = new Map<string, number>();
    let answered = 0;
    let sawRequestsWaiting = false;
    const clients = Array.from({ length: 6 }, async () => {
      while (flooding) {
        const response = await t.graphql(target.ownerKey, FLOOD, { id: target.walletId });
        answered++;
        if (governor.requestConnectionsWaiting > 0) sawRequestsWaiting = true;
        expect(response.status).toBe(response.errors ? 503 : 200);
        for (const error of response.errors ?? [])
          codes.set(String(error.extensions?.code), (codes.get(String(error.extensions?.code)) ?? 0) + 1);
        if (!response.errors) expect(Object.keys(response.data)).toHaveLength(FLOOD_ALIASES);
      }
    });
    try {
      await until('the three calls to stop', () => updates.received.filter((call: any) => call.status === 'STOPPED').length === 3, 45_000);
    } finally {
      flooding = false;
      await Promise.all(clients);
      await updates.close();
    }
    const stopped = updates.received.filter((call: any) => call.status === 'STOPPED');
    for (const call of stopped) expect(call.endReason).toBe('INSUFFICIENT_FUNDS');
    expect(stopped.reduce((seconds: number, call: any) => seconds + call.billedSeconds, 0)).toBe(15);
    console.log(
      `flood: one request alone took ${aloneMs.toFixed(0)} ms (${alone.errors ? JSON.stringify(alone.errors[0]?.extensions?.code) : 'data'}); ${answered} answers of ${FLOOD_ALIASES} aliases × 100 transactions; errors by code ${JSON.stringify(Object.fromEntries(codes))}; requests waited for their share: ${sawRequestsWaiting}`,
    );
    expect([...codes.keys()].filter((code) => code !== 'OPERATION_TIMEOUT')).toEqual([]);
    expect(t.app.spend.billingClock.passesFailed - failedBefore).toBe(0);
    const wallet = (await t.ok(ownerKey, `query($id: ID!) { wallet(id: $id) { balance reserved } }`, { id: walletId })).wallet;
    expect(wallet).toEqual({ balance: '0', reserved: '0' });
    await t.assertLedger();
  });
});
