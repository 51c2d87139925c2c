// Goal: startCalls and endCalls decide each call of a list exactly as startCall and endCall would one
// at a time in list order (funds, campaign stops, the concurrent-call limit, idempotency, authorisation
// per item), answer each on its own in input order, refuse a list over callControlItemsMax whole with
// nothing changed, and keep the books exact under concurrent lists and single calls. Method: the real
// server over HTTP on its own PostgreSQL with a ManualClock (the billing clock off); the database and
// the call batcher's counters are read after each step; money tests end with the ledger invariants.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../server/database/sql.js';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app.js';

const CONCURRENT_CALLS_MAX = 50;
const CALL_CONTROL_ITEMS_MAX = 200;

const CALL_FIELDS = 'id campaignId walletId to status endReason cost reserved transactionId';
const START_CALLS = `mutation($input: StartCallsInput!) { startCalls(input: $input) {
  activeCount refusedCount replayedCount failedCount
  results { index status call { ${CALL_FIELDS} } error { code message field } } } }`;
const END_CALLS = `mutation($input: EndCallsInput!) { endCalls(input: $input) {
  endedCount unchangedCount failedCount
  results { index status call { ${CALL_FIELDS} } error { code message field } } } }`;
const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { ${CALL_FIELDS} } } }`;
const END_CALL = `mutation($input: EndCallInput!) { endCall(input: $input) { call { ${CALL_FIELDS} } } }`;
const PAUSE_CAMPAIGN = `mutation($id: ID!) { pauseCampaign(id: $id) { campaign { id } } }`;

/** 1.00 a minute in whole minutes: each call's first increment reserves exactly 1.00. */
const PER_MINUTE_RATE = [{ prefix: '', perMinute: '1', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }];

const selectWallet = sql<{ balance_micros: string; reserved_micros: string }, { walletId: string }>(
  'select balance_micros::text, reserved_micros::text from wallet where id = :walletId',
);
const selectAccount = sql<{ active_calls: number }, { accountId: string }>('select active_calls from account where id = :accountId');
const selectCampaign = sql<{ status: string; active_calls: number; committed_micros: string }, { campaignId: string }>(
  'select status, active_calls, committed_micros::text from campaign where id = :campaignId',
);
const countCalls = sql<{ n: number }, { accountId: string }>('select count(*)::int as n from call where account_id = :accountId');
const countPostedCalls = sql<{ n: number; total: string }, { walletId: string }>(
  `select count(*)::int as n, coalesce(sum(amount_micros), 0)::text as total from wallet_transaction where wallet_id = :walletId and kind = 'CALL'`,
);

interface CallView {
  id: string;
  campaignId: string;
  to: string;
  status: string;
  endReason: string | null;
  cost: string;
  reserved: string;
  transactionId: string | null;
}
interface ItemResult {
  index: number;
  status: string;
  // Null when FAILED (call) or when not (error): each test reads the one its status has.
  call: CallView;
  error: { code: string; message: string; field: string | null };
}
interface StartCallsAnswer {
  activeCount: number;
  refusedCount: number;
  replayedCount: number;
  failedCount: number;
  results: ItemResult[];
}
interface EndCallsAnswer {
  endedCount: number;
  unchangedCount: number;
  failedCount: number;
  results: ItemResult[];
}
interface CallItem {
  campaignId: string;
  to: string;
  idempotencyKey?: string;
}

const clock = new ManualClock(Date.UTC(2026, 2, 7, 12, 0, 0));
let t: TestApp;
let ratePlanId: string;

beforeAll(async () => {
  t = await startTestApp(
    {
      billingClockEnabled: false,
      concurrentCallsPerAccountMax: CONCURRENT_CALLS_MAX,
      callControlItemsMax: CALL_CONTROL_ITEMS_MAX,
    },
    { clock },
  );
  ratePlanId = await t.createRatePlan(PER_MINUTE_RATE);
});
afterAll(async () => {
  await t?.close();
});

const em = () => t.app.orm.em.fork();

/** A fresh account whose wallet holds `balance`, with a running campaign on the 1.00-a-minute plan. */
async function dialer(balance: string) {
  const account = await t.createAccount(`Dialer ${randomUUID().slice(0, 8)}`);
  if (balance !== '0') await t.fund(account.walletId, balance);
  const campaignId = await t.runningCampaign(account.ownerKey, account.walletId, ratePlanId);
  return { ...account, campaignId };
}

const destination = (i: number) => `+4477009${String(i).padStart(5, '0')}`;

async function startCalls(token: string, calls: CallItem[]): Promise<StartCallsAnswer> {
  return (await t.ok(token, START_CALLS, { input: { calls } })).startCalls;
}

async function endCalls(token: string, callIds: string[]): Promise<EndCallsAnswer> {
  return (await t.ok(token, END_CALLS, { input: { calls: callIds.map((callId) => ({ callId })) } })).endCalls;
}

/** Each result as [status, the call's status and end reason, or the error's code and field]. */
function summary(results: ItemResult[]): (string | null)[][] {
  return results.map((result) =>
    result.call ? [result.status, result.call.status, result.call.endReason] : [result.status, result.error.code, result.error.field],
  );
}

async function walletOf(walletId: string) {
  return selectWallet.one(em(), { walletId });
}

describe('startCalls and endCalls', () => {
  it('answers each call in input order as one at a time would: funds run out mid-list, the refusal stops the campaign, errors touch no other call', async () => {
    const a = await dialer('3');
    const other = await dialer('10');
    const paused = await t.runningCampaign(a.ownerKey, a.walletId, ratePlanId);
    await t.ok(a.ownerKey, PAUSE_CAMPAIGN, { id: paused });
    const started = await startCalls(a.ownerKey, [
      { campaignId: a.campaignId, to: destination(0) },
      { campaignId: a.campaignId, to: 'not a number' },
      { campaignId: other.campaignId, to: destination(1) }, // another account's campaign
      { campaignId: 'not-a-uuid', to: destination(2) },
      { campaignId: paused, to: destination(3) },
      { campaignId: a.campaignId, to: destination(4) },
      { campaignId: a.campaignId, to: destination(5) },
      { campaignId: a.campaignId, to: destination(6) }, // 3.00 are reserved by now: refused, the campaign stops
      { campaignId: a.campaignId, to: destination(7) },
    ]);
    expect(summary(started.results)).toEqual([
      ['STARTED', 'ACTIVE', null],
      ['FAILED', 'BAD_USER_INPUT', 'to'],
      ['FAILED', 'NOT_FOUND', null],
      ['FAILED', 'NOT_FOUND', null],
      ['FAILED', 'CAMPAIGN_NOT_RUNNING', null],
      ['STARTED', 'ACTIVE', null],
      ['STARTED', 'ACTIVE', null],
      ['STARTED', 'REFUSED', 'INSUFFICIENT_FUNDS'],
      ['FAILED', 'CAMPAIGN_NOT_RUNNING', null],
    ]);
    expect(started.results.map((result) => result.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect([started.activeCount, started.refusedCount, started.replayedCount, started.failedCount]).toEqual([3, 1, 0, 5]);
    expect(started.results[0]!.call.to).toBe(destination(0));
    expect(await walletOf(a.walletId)).toEqual({ balance_micros: '3000000', reserved_micros: '3000000' });
    expect(await selectCampaign.one(em(), { campaignId: a.campaignId })).toEqual({
      status: 'STOPPED_INSUFFICIENT_FUNDS',
      active_calls: 3,
      committed_micros: '3000000',
    });
    expect((await selectAccount.one(em(), { accountId: a.accountId })).active_calls).toBe(3);
    expect(await walletOf(other.walletId)).toEqual({ balance_micros: '10000000', reserved_micros: '0' });

    const active = [0, 5, 6].map((index) => started.results[index]!.call.id);
    const refused = started.results[7]!.call.id;
    // The other account's call, which this key may not hang up.
    const foreign = (await t.ok(other.ownerKey, START_CALL, { input: { campaignId: other.campaignId, to: destination(8) } })).startCall
      .call as CallView;
    clock.advance(30_000);
    const ended = await endCalls(a.ownerKey, [active[0]!, 'not-a-uuid', foreign.id, active[1]!, active[0]!, refused, active[2]!]);
    expect(summary(ended.results)).toEqual([
      ['ENDED', 'COMPLETED', 'HANGUP'],
      ['FAILED', 'NOT_FOUND', null],
      ['FAILED', 'NOT_FOUND', null],
      ['ENDED', 'COMPLETED', 'HANGUP'],
      ['UNCHANGED', 'COMPLETED', 'HANGUP'], // the same call again, ended earlier in the list
      ['UNCHANGED', 'REFUSED', 'INSUFFICIENT_FUNDS'],
      ['ENDED', 'COMPLETED', 'HANGUP'],
    ]);
    expect([ended.endedCount, ended.unchangedCount, ended.failedCount]).toEqual([3, 2, 2]);
    for (const index of [0, 3, 6]) {
      expect(ended.results[index]!.call).toMatchObject({ cost: '1', reserved: '0' });
      expect(ended.results[index]!.call.transactionId).toEqual(expect.any(String));
    }
    expect(await walletOf(a.walletId)).toEqual({ balance_micros: '0', reserved_micros: '0' });
    expect(await countPostedCalls.one(em(), { walletId: a.walletId })).toEqual({ n: 3, total: '3000000' });
    expect((await selectAccount.one(em(), { accountId: a.accountId })).active_calls).toBe(0);
    // The other account's call is untouched.
    expect(await walletOf(other.walletId)).toEqual({ balance_micros: '10000000', reserved_micros: '1000000' });
    await t.ok(other.ownerKey, END_CALL, { input: { callId: foreign.id } });
    await t.assertLedger();
  });

  it('answers each started and ended call exactly as it is then stored (the batch builds the answer from what it wrote)', async () => {
    const ALL_FIELDS =
      'id direction campaignId numberId from walletId to status endReason startedAt endedAt fundedUntil billedSeconds cost reserved perMinute transactionId version';
    const a = await dialer('2');
    const started = (
      await t.ok(
        a.ownerKey,
        `mutation($input: StartCallsInput!) { startCalls(input: $input) { results { status call { ${ALL_FIELDS} } } } }`,
        { input: { calls: [0, 1, 2].map((i) => ({ campaignId: a.campaignId, to: destination(i), idempotencyKey: `stored-${i}` })) } },
      )
    ).startCalls.results as { status: string; call: Record<string, unknown> }[];
    const stored = async (id: unknown) =>
      (await t.ok(a.ownerKey, `query($id: ID!) { call(id: $id) { ${ALL_FIELDS} } }`, { id })).call as Record<string, unknown>;
    // Two funded, the third refused: each answer is the stored call, field for field.
    expect(started.map((result) => result.call.status)).toEqual(['ACTIVE', 'ACTIVE', 'REFUSED']);
    for (const result of started) expect(result.call).toEqual(await stored(result.call.id));

    clock.advance(90_000);
    const ended = (
      await t.ok(a.ownerKey, `mutation($input: EndCallsInput!) { endCalls(input: $input) { results { status call { ${ALL_FIELDS} } } } }`, {
        input: { calls: started.map((result) => ({ callId: result.call.id })) },
      })
    ).endCalls.results as { status: string; call: Record<string, unknown> }[];
    expect(ended.map((result) => result.status)).toEqual(['ENDED', 'ENDED', 'UNCHANGED']);
    for (const result of ended) expect(result.call).toEqual(await stored(result.call.id));
    // Ended at its funded minute (the clock moved 90 s), billed and posted in the end batch.
    expect(ended[0]!.call).toMatchObject({ status: 'COMPLETED', billedSeconds: 60, cost: '1', reserved: '0', version: '2' });
    expect(ended[0]!.call.transactionId).toEqual(expect.any(String));
    await t.assertLedger();
  });

  it(`admits exactly ${CONCURRENT_CALLS_MAX} of ${CALL_CONTROL_ITEMS_MAX} starts in one request (the concurrent-call limit), through the call batches; ${CALL_CONTROL_ITEMS_MAX + 1} or none are refused whole, nothing changed`, {
    timeout: 60_000,
  }, async () => {
    expect(t.config.callControlItemsMax).toBe(CALL_CONTROL_ITEMS_MAX);
    const a = await dialer('1000');
    const calls = (count: number) => Array.from({ length: count }, (_, i) => ({ campaignId: a.campaignId, to: destination(i) }));
    for (const count of [CALL_CONTROL_ITEMS_MAX + 1, 0]) {
      const refused = await t.graphql(a.ownerKey, START_CALLS, { input: { calls: calls(count) } });
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'calls',
        limit: 'callControlItemsMax',
        max: CALL_CONTROL_ITEMS_MAX,
      });
    }
    expect((await countCalls.one(em(), { accountId: a.accountId })).n).toBe(0);
    expect(await walletOf(a.walletId)).toEqual({ balance_micros: '1000000000', reserved_micros: '0' });

    const starts = t.app.spend.callDeps.callBatches!.starts;
    const batchedBefore = starts.stats.batchedMembers;
    const started = await startCalls(a.ownerKey, calls(CALL_CONTROL_ITEMS_MAX));
    // Every call went through the batches (none alone), as concurrent startCalls do.
    expect(starts.stats.batchedMembers - batchedBefore).toBe(CALL_CONTROL_ITEMS_MAX);
    expect(started.activeCount).toBe(CONCURRENT_CALLS_MAX);
    expect(started.failedCount).toBe(CALL_CONTROL_ITEMS_MAX - CONCURRENT_CALLS_MAX);
    // The first 50 in list order are the ones admitted.
    expect(started.results.slice(0, CONCURRENT_CALLS_MAX).every((result) => result.call?.status === 'ACTIVE')).toBe(true);
    const limited = started.results.slice(CONCURRENT_CALLS_MAX);
    expect(new Set(limited.map((result) => result.error.code))).toEqual(new Set(['LIMIT_EXCEEDED']));
    expect((await selectAccount.one(em(), { accountId: a.accountId })).active_calls).toBe(CONCURRENT_CALLS_MAX);
    expect((await countCalls.one(em(), { accountId: a.accountId })).n).toBe(CONCURRENT_CALLS_MAX);
    expect(await walletOf(a.walletId)).toEqual({ balance_micros: '1000000000', reserved_micros: '50000000' });

    // Hanging up: the same bounds. 201 ids are refused whole, nothing ended.
    const ids = started.results.slice(0, CONCURRENT_CALLS_MAX).map((result) => result.call.id);
    const tooMany = Array.from({ length: CALL_CONTROL_ITEMS_MAX + 1 }, (_, i) => ({ callId: ids[i % ids.length] }));
    const refusedEnds = await t.graphql(a.ownerKey, END_CALLS, { input: { calls: tooMany } });
    expect(refusedEnds.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'calls', limit: 'callControlItemsMax' });
    expect((await selectAccount.one(em(), { accountId: a.accountId })).active_calls).toBe(CONCURRENT_CALLS_MAX);
    const ended = await endCalls(
      a.ownerKey,
      Array.from({ length: CALL_CONTROL_ITEMS_MAX }, (_, i) => ids[i % ids.length]!),
    );
    expect([ended.endedCount, ended.unchangedCount, ended.failedCount]).toEqual([
      CONCURRENT_CALLS_MAX,
      CALL_CONTROL_ITEMS_MAX - CONCURRENT_CALLS_MAX,
      0,
    ]);
    expect(await walletOf(a.walletId)).toEqual({ balance_micros: '950000000', reserved_micros: '0' });
    expect(await countPostedCalls.one(em(), { walletId: a.walletId })).toEqual({ n: CONCURRENT_CALLS_MAX, total: '50000000' });
    await t.assertLedger();
  });

  it('replays a whole request by its keys: the same calls come back, nothing new is started or ended; a key twice in one list places one call', async () => {
    const a = await dialer('10');
    const keys = Array.from({ length: 4 }, () => randomUUID());
    const list: CallItem[] = [
      { campaignId: a.campaignId, to: destination(0), idempotencyKey: keys[0] },
      { campaignId: a.campaignId, to: destination(1), idempotencyKey: keys[1] },
      { campaignId: a.campaignId, to: destination(0), idempotencyKey: keys[0] }, // the same key again: its call
      { campaignId: a.campaignId, to: destination(9), idempotencyKey: keys[1] }, // the key of another number
      { campaignId: a.campaignId, to: destination(2), idempotencyKey: keys[2] },
      { campaignId: a.campaignId, to: destination(3) },
    ];
    const first = await startCalls(a.ownerKey, list);
    expect(summary(first.results)).toEqual([
      ['STARTED', 'ACTIVE', null],
      ['STARTED', 'ACTIVE', null],
      ['REPLAYED', 'ACTIVE', null],
      ['FAILED', 'IDEMPOTENCY_KEY_REUSED', 'idempotencyKey'],
      ['STARTED', 'ACTIVE', null],
      ['STARTED', 'ACTIVE', null],
    ]);
    expect(first.results[2]!.call.id).toBe(first.results[0]!.call.id);
    expect(await walletOf(a.walletId)).toEqual({ balance_micros: '10000000', reserved_micros: '4000000' });

    const again = await startCalls(a.ownerKey, list);
    // Every keyed call comes back as it was; the call without a key is a new one (as startCall would place).
    expect(summary(again.results)).toEqual([
      ['REPLAYED', 'ACTIVE', null],
      ['REPLAYED', 'ACTIVE', null],
      ['REPLAYED', 'ACTIVE', null],
      ['FAILED', 'IDEMPOTENCY_KEY_REUSED', 'idempotencyKey'],
      ['REPLAYED', 'ACTIVE', null],
      ['STARTED', 'ACTIVE', null],
    ]);
    expect([0, 1, 2, 4].map((index) => again.results[index]!.call.id)).toEqual([0, 1, 2, 4].map((index) => first.results[index]!.call.id));
    // Keys are shared with startCall.
    const single = (
      await t.ok(a.ownerKey, START_CALL, { input: { campaignId: a.campaignId, to: destination(2), idempotencyKey: keys[2] } })
    ).startCall.call as CallView;
    expect(single.id).toBe(first.results[4]!.call.id);
    expect((await countCalls.one(em(), { accountId: a.accountId })).n).toBe(5);
    expect(await walletOf(a.walletId)).toEqual({ balance_micros: '10000000', reserved_micros: '5000000' });

    const ids = [0, 1, 4, 5].map((index) => first.results[index]!.call.id).concat(again.results[5]!.call.id);
    const ended = await endCalls(a.ownerKey, ids);
    expect(ended.endedCount).toBe(5);
    const endedAgain = await endCalls(a.ownerKey, ids);
    expect([endedAgain.endedCount, endedAgain.unchangedCount, endedAgain.failedCount]).toEqual([0, 5, 0]);
    expect(endedAgain.results.map((result) => result.call.transactionId)).toEqual(ended.results.map((result) => result.call.transactionId));
    expect(await walletOf(a.walletId)).toEqual({ balance_micros: '5000000', reserved_micros: '0' });
    expect(await countPostedCalls.one(em(), { walletId: a.walletId })).toEqual({ n: 5, total: '5000000' });
    await t.assertLedger();
  });

  it('authorises each call as the single mutation does: another tenant is NOT_FOUND per item, the operator reaches every account, roles without calls are FORBIDDEN whole', async () => {
    const a = await dialer('10');
    const b = await dialer('10');
    const mine = await startCalls(a.ownerKey, [
      { campaignId: b.campaignId, to: destination(0) },
      { campaignId: a.campaignId, to: destination(1) },
    ]);
    expect(summary(mine.results)).toEqual([
      ['FAILED', 'NOT_FOUND', null],
      ['STARTED', 'ACTIVE', null],
    ]);
    const integrator = await t.createKey(a.accountId, 'INTEGRATOR');
    const byIntegrator = await startCalls(integrator.secret, [{ campaignId: a.campaignId, to: destination(2) }]);
    expect(summary(byIntegrator.results)).toEqual([['STARTED', 'ACTIVE', null]]);
    const operator = await startCalls(t.adminToken, [
      { campaignId: a.campaignId, to: destination(3) },
      { campaignId: b.campaignId, to: destination(4) },
    ]);
    expect(summary(operator.results)).toEqual([
      ['STARTED', 'ACTIVE', null],
      ['STARTED', 'ACTIVE', null],
    ]);
    const bCall = operator.results[1]!.call.id;
    for (const role of ['SUPPORT', 'CAMPAIGN_MANAGER'] as const) {
      const key = await t.createKey(role === 'SUPPORT' ? null : a.accountId, role);
      const starts = await t.graphql(key.secret, START_CALLS, { input: { calls: [{ campaignId: a.campaignId, to: destination(5) }] } });
      expect(starts.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
      const ends = await t.graphql(key.secret, END_CALLS, { input: { calls: [{ callId: mine.results[1]!.call.id }] } });
      expect(ends.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
    // Tenant a may not hang up b's call; its own go.
    const ended = await endCalls(a.ownerKey, [bCall, mine.results[1]!.call.id]);
    expect(summary(ended.results)).toEqual([
      ['FAILED', 'NOT_FOUND', null],
      ['ENDED', 'COMPLETED', 'HANGUP'],
    ]);
    expect(await walletOf(b.walletId)).toEqual({ balance_micros: '10000000', reserved_micros: '1000000' });
    const operatorEnds = await endCalls(t.adminToken, [bCall, byIntegrator.results[0]!.call.id, operator.results[0]!.call.id]);
    expect(operatorEnds.endedCount).toBe(3);
    expect((await countCalls.one(em(), { accountId: a.accountId })).n).toBe(3);
    await t.assertLedger();
  });

  it('concurrent lists and single calls on one campaign fund exactly what the wallet holds, end each call once, and keep the ledger exact', {
    timeout: 60_000,
  }, async () => {
    const a = await dialer('30');
    // Four lists of 20 and 20 single starts race: 100 attempts for 30 first increments.
    const lists = Array.from({ length: 4 }, (_, list) =>
      startCalls(
        a.ownerKey,
        Array.from({ length: 20 }, (_, i) => ({ campaignId: a.campaignId, to: destination(list * 100 + i) })),
      ),
    );
    const singles = Array.from({ length: 20 }, (_, i) =>
      t.graphql(a.ownerKey, START_CALL, { input: { campaignId: a.campaignId, to: destination(900 + i) } }),
    );
    const [listAnswers, singleAnswers] = await Promise.all([Promise.all(lists), Promise.all(singles)]);
    const outcomes: string[] = [];
    const active: string[] = [];
    for (const answer of listAnswers) {
      for (const result of answer.results) {
        if (result.call) {
          outcomes.push(result.call.endReason ? `${result.call.status} ${result.call.endReason}` : result.call.status);
          if (result.call.status === 'ACTIVE') active.push(result.call.id);
        } else outcomes.push(result.error.code);
      }
    }
    for (const answer of singleAnswers as GraphQLResponse[]) {
      if (answer.errors) outcomes.push(answer.errors[0]!.extensions!.code as string);
      else {
        const call = answer.data.startCall.call as CallView;
        outcomes.push(call.endReason ? `${call.status} ${call.endReason}` : call.status);
        if (call.status === 'ACTIVE') active.push(call.id);
      }
    }
    const tally: Record<string, number> = {};
    for (const outcome of outcomes) tally[outcome] = (tally[outcome] ?? 0) + 1;
    // Exactly 30 funded; the 31st refused (stopping the campaign); every later one finds it stopped.
    expect(tally).toEqual({ ACTIVE: 30, 'REFUSED INSUFFICIENT_FUNDS': 1, CAMPAIGN_NOT_RUNNING: 69 });
    expect(await walletOf(a.walletId)).toEqual({ balance_micros: '30000000', reserved_micros: '30000000' });

    // Overlapping hang-ups race: two lists sharing ten calls, and single endCalls of some of them.
    clock.advance(10_000);
    const [first, second, ...singleEnds] = await Promise.all([
      endCalls(a.ownerKey, active.slice(0, 20)),
      endCalls(a.ownerKey, active.slice(10, 30)),
      ...active.slice(0, 5).map((callId) => t.graphql(a.ownerKey, END_CALL, { input: { callId } })),
    ]);
    expect(singleEnds.every((answer) => !(answer as GraphQLResponse).errors)).toBe(true);
    expect(first.failedCount + second.failedCount).toBe(0);
    // No call was ended by both lists; the calls only a list named (5 to 29) were ended by a list.
    const endedBy = (answer: EndCallsAnswer) =>
      answer.results.filter((result) => result.status === 'ENDED').map((result) => result.call.id);
    const endedByLists = [...endedBy(first), ...endedBy(second)];
    expect(new Set(endedByLists).size).toBe(endedByLists.length);
    for (const callId of active.slice(5)) expect(endedByLists).toContain(callId);
    expect(first.endedCount + first.unchangedCount + second.endedCount + second.unchangedCount).toBe(40);
    expect(await walletOf(a.walletId)).toEqual({ balance_micros: '0', reserved_micros: '0' });
    expect(await countPostedCalls.one(em(), { walletId: a.walletId })).toEqual({ n: 30, total: '30000000' });
    expect(await selectCampaign.one(em(), { campaignId: a.campaignId })).toMatchObject({ active_calls: 0, committed_micros: '30000000' });
    expect((await selectAccount.one(em(), { accountId: a.accountId })).active_calls).toBe(0);
    await t.assertLedger();
  });
});
