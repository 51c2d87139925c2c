// Goal: call starts and hang-ups grouped into shared transactions decide each call exactly as one
// at a time would: the concurrent-call limit, the wallet's funds, a spend cap and an idempotency key
// hold at their exact boundary under hundreds of concurrent requests, and the books balance after.
// Method: the real server over HTTP on its own PostgreSQL; concurrent requests pile up behind a lock
// on the spend-cap table (read inside the batch only) so that they leave in full batches; the database is read after each step.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../../../server/database/sql.js';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app.js';
import { lockTable, until } from '../../support/waiting.js';

const CONCURRENT_CALLS_MAX = 50;
const CALL_BATCH_SIZE_MAX = 16;
/** Larger transactions for startCalls/endCalls lists: concurrent lists of one wallet merge up to this many calls. */
const CALL_LIST_BATCH_SIZE_MAX = 48;

let t: TestApp;
const clock = new ManualClock(Date.UTC(2026, 2, 7, 12, 0, 0));
beforeAll(async () => {
  t = await startTestApp(
    {
      billingClockEnabled: false,
      concurrentCallsPerAccountMax: CONCURRENT_CALLS_MAX,
      callBatchSizeMax: CALL_BATCH_SIZE_MAX,
      callListBatchSizeMax: CALL_LIST_BATCH_SIZE_MAX,
      callBatchesInFlightMax: 2,
    },
    { clock },
  );
});
afterAll(async () => {
  await t?.close();
});

const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { id status endReason } } }`;
const END_CALL = `mutation($input: EndCallInput!) { endCall(input: $input) { call { id status cost } } }`;
const START_CALLS = `mutation($input: StartCallsInput!) { startCalls(input: $input) {
  results { status call { id status endReason } error { code } } } }`;
const END_CALLS = `mutation($input: EndCallsInput!) { endCalls(input: $input) { results { status call { status cost } error { code } } } }`;
const CAMPAIGN = `query($id: ID!) { campaign(id: $id) { status activeCalls committed spent } }`;
const SET_CAPS = `mutation($input: SetSpendCapsInput!) { setSpendCaps(input: $input) { spendCap { scope } } }`;

const selectWallet = sql<{ balance_micros: string; reserved_micros: string }, { walletId: string }>(
  'select balance_micros::text, reserved_micros::text from wallet where id = :walletId',
);
const selectAccount = sql<{ active_calls: number }, { accountId: string }>('select active_calls from account where id = :accountId');
const countCalls = sql<{ status: string; end_reason: string | null; n: number }, { campaignId: string }>(
  'select status, end_reason, count(*)::int as n from call where campaign_id = :campaignId group by status, end_reason order by status, end_reason',
);
const countPostedCalls = sql<{ n: number; total: string }, { walletId: string }>(
  `select count(*)::int as n, coalesce(sum(amount_micros), 0)::text as total from wallet_transaction where wallet_id = :walletId and kind = 'CALL'`,
);

/** 1.00 a minute in whole minutes: each call's first increment reserves exactly 1.00. */
const PER_MINUTE_RATE = [{ prefix: '', perMinute: '1', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }];

const batches = () => t.app.spend.callDeps.callBatches!;
const em = () => t.app.orm.em.fork();

/** What each response was: the call's status (and end reason), or the error's code. */
function outcome(response: GraphQLResponse): string {
  if (response.errors) return response.errors[0]!.extensions!.code as string;
  const call = response.data.startCall.call;
  return call.endReason ? `${call.status} ${call.endReason}` : call.status;
}

function tally(outcomes: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of outcomes) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/**
 * Sends `count` startCall requests at once while the spend-cap table is locked, so that they gather in
 * the call batcher and leave in full batches once it is released; their outcomes in request order.
 */
async function startCallsTogether(
  ownerKey: string,
  campaignId: string,
  count: number,
  idempotencyKey?: string,
): Promise<GraphQLResponse[]> {
  const lock = await lockTable(t.databaseUrl, 'spend_cap');
  const starts = batches().starts;
  const before = starts.stats.singles + starts.stats.batchedMembers;
  let responses: Promise<GraphQLResponse[]>;
  try {
    responses = Promise.all(
      Array.from({ length: count }, (_, i) =>
        t.graphql(ownerKey, START_CALL, { input: { campaignId, to: `+4477009${String(i).padStart(5, '0')}`, idempotencyKey } }),
      ),
    );
    // Two batches run (each waiting for the lock); every other request waits in the batcher.
    await until(
      `${count} starts to reach the batcher`,
      () => starts.waitingMembers + (starts.stats.singles + starts.stats.batchedMembers - before) >= count,
    );
  } finally {
    await lock.release();
  }
  return responses;
}

it(`admits exactly ${CONCURRENT_CALLS_MAX} of 200 concurrent starts, ends each once under 200 concurrent hang-ups, and the books balance`, {
  timeout: 120_000,
}, async () => {
  const { accountId, walletId, ownerKey } = await t.createAccount('Batched calls');
  await t.fund(walletId, '100');
  const ratePlanId = await t.createRatePlan(PER_MINUTE_RATE);
  const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
  const stats = batches().starts.stats;
  const largestBefore = stats.largestBatch;

  const responses = await startCallsTogether(ownerKey, campaignId, 200);
  expect(tally(responses.map(outcome))).toEqual({ ACTIVE: CONCURRENT_CALLS_MAX, LIMIT_EXCEEDED: 200 - CONCURRENT_CALLS_MAX });
  for (const response of responses.filter((r) => r.errors)) {
    expect(response.errors![0]!.extensions).toMatchObject({ limit: 'concurrentCallsPerAccountMax', max: CONCURRENT_CALLS_MAX });
  }
  // The requests shared transactions: batches of exactly the configured size, never more.
  expect(stats.largestBatch).toBe(CALL_BATCH_SIZE_MAX);
  expect(largestBefore).toBeLessThanOrEqual(CALL_BATCH_SIZE_MAX);
  // Nothing is written for a refused start: 50 calls, 50 reservations, 50 on the account's counter.
  expect(await countCalls.all(em(), { campaignId })).toEqual([{ status: 'ACTIVE', end_reason: null, n: CONCURRENT_CALLS_MAX }]);
  expect(await selectWallet.one(em(), { walletId })).toEqual({ balance_micros: '100000000', reserved_micros: '50000000' });
  expect((await selectAccount.one(em(), { accountId })).active_calls).toBe(CONCURRENT_CALLS_MAX);
  expect((await t.ok(ownerKey, CAMPAIGN, { id: campaignId })).campaign).toMatchObject({
    status: 'RUNNING',
    activeCalls: 50,
    committed: '50',
  });

  // Each call hung up 4 times at once: each ends once, billed its first minute.
  clock.advance(30_000);
  const callIds = responses.flatMap((r) => (r.errors ? [] : [r.data.startCall.call.id as string]));
  const ends = await Promise.all(
    [...callIds, ...callIds, ...callIds, ...callIds].map((callId) => t.graphql(ownerKey, END_CALL, { input: { callId } })),
  );
  expect(ends.filter((r) => r.errors)).toEqual([]);
  expect(new Set(ends.map((r) => `${r.data.endCall.call.status} ${r.data.endCall.call.cost}`))).toEqual(new Set(['COMPLETED 1']));
  expect(batches().ends.stats.batches).toBeGreaterThan(0);
  expect(await countCalls.all(em(), { campaignId })).toEqual([{ status: 'COMPLETED', end_reason: 'HANGUP', n: CONCURRENT_CALLS_MAX }]);
  expect((await selectAccount.one(em(), { accountId })).active_calls).toBe(0);
  await until('every call cost posted', async () => (await countPostedCalls.one(em(), { walletId })).n === CONCURRENT_CALLS_MAX);
  expect(await countPostedCalls.one(em(), { walletId })).toEqual({ n: CONCURRENT_CALLS_MAX, total: '50000000' });
  expect(await selectWallet.one(em(), { walletId })).toEqual({ balance_micros: '50000000', reserved_micros: '0' });
  expect((await t.ok(ownerKey, CAMPAIGN, { id: campaignId })).campaign).toMatchObject({
    status: 'RUNNING',
    activeCalls: 0,
    committed: '50',
    spent: '50',
  });
  await t.assertLedger();
});

it('funds for exactly 10 first increments: 10 of 30 concurrent starts are admitted, the 11th is refused and stops the campaign, the rest find it stopped', {
  timeout: 60_000,
}, async () => {
  const { walletId, ownerKey } = await t.createAccount('Batched funds');
  await t.fund(walletId, '10');
  const ratePlanId = await t.createRatePlan(PER_MINUTE_RATE);
  const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);

  const responses = await startCallsTogether(ownerKey, campaignId, 30);
  expect(tally(responses.map(outcome))).toEqual({ ACTIVE: 10, 'REFUSED INSUFFICIENT_FUNDS': 1, CAMPAIGN_NOT_RUNNING: 19 });
  expect(await selectWallet.one(em(), { walletId })).toEqual({ balance_micros: '10000000', reserved_micros: '10000000' });
  expect((await t.ok(ownerKey, CAMPAIGN, { id: campaignId })).campaign).toMatchObject({
    status: 'STOPPED_INSUFFICIENT_FUNDS',
    activeCalls: 10,
    committed: '10',
  });
  await t.assertLedger();
});

it('a daily spend cap of 5 (5 first increments): 5 of 30 concurrent starts pass, the 6th is refused SPEND_CAP_REACHED and stops the campaign', {
  timeout: 60_000,
}, async () => {
  const { walletId, ownerKey } = await t.createAccount('Batched cap');
  await t.fund(walletId, '100');
  await t.ok(ownerKey, SET_CAPS, { input: { currency: 'USD', daily: '5' } });
  const ratePlanId = await t.createRatePlan(PER_MINUTE_RATE);
  const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);

  const responses = await startCallsTogether(ownerKey, campaignId, 30);
  expect(tally(responses.map(outcome))).toEqual({ ACTIVE: 5, 'REFUSED SPEND_CAP_REACHED': 1, CAMPAIGN_NOT_RUNNING: 24 });
  expect(await selectWallet.one(em(), { walletId })).toEqual({ balance_micros: '100000000', reserved_micros: '5000000' });
  expect((await t.ok(ownerKey, CAMPAIGN, { id: campaignId })).campaign).toMatchObject({ status: 'STOPPED_SPEND_CAP', activeCalls: 5 });
  await t.assertLedger();
});

it('one idempotency key sent by 20 concurrent starts places one call, which every request gets back', { timeout: 60_000 }, async () => {
  const { walletId, ownerKey } = await t.createAccount('Batched replays');
  await t.fund(walletId, '100');
  const ratePlanId = await t.createRatePlan(PER_MINUTE_RATE);
  const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);

  // The same number every time: a key replayed for another number is refused.
  const lock = await lockTable(t.databaseUrl, 'spend_cap');
  const starts = batches().starts;
  const fallbacks = starts.stats.fallbacks;
  let pending: Promise<GraphQLResponse[]>;
  try {
    pending = Promise.all(
      Array.from({ length: 20 }, () =>
        t.graphql(ownerKey, START_CALL, { input: { campaignId, to: '+447700900001', idempotencyKey: 'same' } }),
      ),
    );
    await until('the starts to gather', () => starts.waitingMembers >= 18);
  } finally {
    await lock.release();
  }
  const responses = await pending;
  expect(responses.filter((r) => r.errors)).toEqual([]);
  expect(new Set(responses.map((r) => r.data.startCall.call.id)).size).toBe(1);
  // The batch that carried the key twice was refused by the unique key and its members ran alone.
  expect(starts.stats.fallbacks).toBeGreaterThan(fallbacks);
  expect(await countCalls.all(em(), { campaignId })).toEqual([{ status: 'ACTIVE', end_reason: null, n: 1 }]);
  expect(await selectWallet.one(em(), { walletId })).toEqual({ balance_micros: '100000000', reserved_micros: '1000000' });
  await t.assertLedger();
});

it(`concurrent startCalls lists of one wallet merge into transactions of exactly ${CALL_LIST_BATCH_SIZE_MAX} calls, never one more, and decide each call as one at a time would: funds run out mid-batch`, {
  timeout: 60_000,
}, async () => {
  const { accountId, walletId, ownerKey } = await t.createAccount('Merged lists');
  await t.fund(walletId, '30');
  const ratePlanId = await t.createRatePlan(PER_MINUTE_RATE);
  const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
  const starts = batches().starts;
  const before = { ...starts.stats };

  // Five lists of 20 (100 starts for 30 first increments) gather while the spend-cap table is locked.
  const lock = await lockTable(t.databaseUrl, 'spend_cap');
  let pending: Promise<GraphQLResponse[]>;
  try {
    pending = Promise.all(
      Array.from({ length: 5 }, (_, list) =>
        t.graphql(ownerKey, START_CALLS, {
          input: {
            calls: Array.from({ length: 20 }, (_, i) => ({ campaignId, to: `+4477008${String(list * 100 + i).padStart(5, '0')}` })),
          },
        }),
      ),
    );
    await until(
      'the lists to reach the batcher',
      () => starts.waitingMembers + (starts.stats.batchedMembers - before.batchedMembers) >= 100,
    );
  } finally {
    await lock.release();
  }
  const answers = await pending;
  expect(answers.filter((answer) => answer.errors)).toEqual([]);
  const lists = answers.map(
    (answer) =>
      answer.data.startCalls.results as {
        status: string;
        call: { id: string; status: string; endReason: string | null } | null;
        error: { code: string } | null;
      }[],
  );
  const outcomes = lists.map((results) =>
    results.map((result) =>
      result.call ? (result.call.endReason ? `${result.call.status} ${result.call.endReason}` : result.call.status) : result.error!.code,
    ),
  );
  // Lists of one caller stay whole in order: within each, the funded calls come first.
  for (const list of outcomes) {
    const firstUnfunded = list.findIndex((outcome) => outcome !== 'ACTIVE');
    if (firstUnfunded >= 0) expect(list.slice(firstUnfunded).includes('ACTIVE')).toBe(false);
  }
  expect(tally(outcomes.flat())).toEqual({ ACTIVE: 30, 'REFUSED INSUFFICIENT_FUNDS': 1, CAMPAIGN_NOT_RUNNING: 69 });
  // The waiting lists left merged: a transaction of exactly the list limit (more than a lone call's), never one more.
  expect(starts.stats.largestBatch).toBe(CALL_LIST_BATCH_SIZE_MAX);
  expect(starts.stats.batches - before.batches).toBeLessThanOrEqual(4);
  expect(await selectWallet.one(em(), { walletId })).toEqual({ balance_micros: '30000000', reserved_micros: '30000000' });
  expect((await selectAccount.one(em(), { accountId })).active_calls).toBe(30);

  // The calls hung up in three concurrent lists: each ends once, billed its first minute, posted in its end batch.
  clock.advance(30_000);
  const active = lists.flat().flatMap((result) => (result.call?.status === 'ACTIVE' ? [result.call.id] : []));
  const ended = await Promise.all(
    [0, 1, 2].map((part) =>
      t.graphql(ownerKey, END_CALLS, { input: { calls: active.slice(part * 10, part * 10 + 10).map((callId) => ({ callId })) } }),
    ),
  );
  expect(ended.filter((answer) => answer.errors)).toEqual([]);
  expect(
    new Set(
      ended.flatMap((answer) =>
        answer.data.endCalls.results.map(
          (r: { status: string; call: { status: string; cost: string } }) => `${r.status} ${r.call.status} ${r.call.cost}`,
        ),
      ),
    ),
  ).toEqual(new Set(['ENDED COMPLETED 1']));
  expect(await countPostedCalls.one(em(), { walletId })).toEqual({ n: 30, total: '30000000' });
  expect(await selectWallet.one(em(), { walletId })).toEqual({ balance_micros: '0', reserved_micros: '0' });
  expect((await selectAccount.one(em(), { accountId })).active_calls).toBe(0);
  expect((await t.ok(ownerKey, CAMPAIGN, { id: campaignId })).campaign).toMatchObject({
    status: 'STOPPED_INSUFFICIENT_FUNDS',
    activeCalls: 0,
    committed: '30',
    spent: '30',
  });
  await t.assertLedger();
});
