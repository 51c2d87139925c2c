// Goal: the rate-plan, campaign and call API bills every call exactly (increments, sub-cent rates, connect fees, budgets, empty wallets), posts each cost to the ledger and answers every limit and error with its documented code. Method: the real server on its own PostgreSQL with an injected ManualClock and the billing clock driven by hand (advance, then runDue), every check made over HTTP against exact figures, the ledger invariants checked after each money test.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app.js';

const CALL_FIELDS = `id campaignId walletId to status endReason startedAt endedAt fundedUntil billedSeconds cost reserved perMinute transactionId version`;
const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { ${CALL_FIELDS} } } }`;
const END_CALL = `mutation($input: EndCallInput!) { endCall(input: $input) { call { ${CALL_FIELDS} } } }`;
const CALL = `query($id: ID!) { call(id: $id) { ${CALL_FIELDS} } }`;
const WALLET = `query($id: ID!) { wallet(id: $id) { balance reserved available } }`;
const CALL_TRANSACTIONS = `query($id: ID!) { wallet(id: $id) { transactions(first: 100, kind: CALL) {
  edges { node { id type kind amount balanceBefore balanceAfter campaignId } } } } }`;
const CAMPAIGN_FIELDS = `id status budget spent committed activeCalls spendPerMinute projection { ratePerMinute walletRunsDryInSeconds budgetReachedInSeconds endsBy endsInSeconds }`;
const CAMPAIGN = `query($id: ID!) { campaign(id: $id) { ${CAMPAIGN_FIELDS} } }`;
const CREATE_CAMPAIGN = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { ${CAMPAIGN_FIELDS} } } }`;
const START_CAMPAIGN = `mutation($id: ID!) { startCampaign(id: $id) { campaign { ${CAMPAIGN_FIELDS} } } }`;
const PAUSE_CAMPAIGN = `mutation($id: ID!) { pauseCampaign(id: $id) { campaign { ${CAMPAIGN_FIELDS} } } }`;
const CREATE_RATE_PLAN = `mutation($input: CreateRatePlanInput!) { createRatePlan(input: $input) {
  ratePlan { id currency rates { prefix perMinute firstIncrementSeconds nextIncrementSeconds connectFee } } } }`;
const CALLS = `query($campaignId: ID!, $status: CallStatus, $first: Int, $after: String) {
  calls(campaignId: $campaignId, status: $status, first: $first, after: $after) {
    edges { cursor node { id status } } pageInfo { hasNextPage endCursor } } }`;
const CAMPAIGNS = `query($first: Int, $after: String) { campaigns(first: $first, after: $after) {
  edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
const ESTIMATE = `query($input: EstimateCampaignCostInput!) { estimateCampaignCost(input: $input) {
  currency rate { prefix perMinute } billedSecondsPerCall costPerCall total available shortfall coveredCalls } }`;

/** The account cap this file runs with, low enough to reach in a test. */
const CONCURRENT_CALLS_MAX = 2;

interface RateSpec {
  prefix: string;
  perMinute: string;
  firstIncrementSeconds: number;
  nextIncrementSeconds: number;
  connectFee?: string;
}

const clock = new ManualClock();
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false, concurrentCallsPerAccountMax: CONCURRENT_CALLS_MAX }, { clock });
});
afterAll(async () => {
  await t?.close();
});

/** Fails unless the response is exactly one error with this code and these extensions. */
function expectError(response: GraphQLResponse, code: string, extensions: Record<string, unknown> = {}): void {
  expect(response.errors, JSON.stringify(response)).toHaveLength(1);
  expect(response.errors![0]!.extensions).toMatchObject({ code, ...extensions });
  // Nullable fields come back null, non-null ones null the whole data.
  expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
}

/** A fresh account whose wallet holds `balance` (nothing when "0"). */
async function tenant(balance: string): Promise<{ accountId: string; walletId: string; ownerKey: string }> {
  const account = await t.createAccount();
  if (balance !== '0') await t.fund(account.walletId, balance);
  return account;
}

/** A fresh account, funded, with a running campaign on a one-rate plan. */
async function campaignWith(rate: RateSpec, balance: string, budget: string | null = null) {
  const account = await tenant(balance);
  const ratePlanId = await t.createRatePlan([rate]);
  const campaignId = await t.runningCampaign(account.ownerKey, account.walletId, ratePlanId, budget);
  return { ...account, ratePlanId, campaignId };
}

/** Advances the clock by `totalMs` in steps of at most `stepMs`, letting the billing clock act after each. */
async function advance(totalMs: number, stepMs: number): Promise<void> {
  for (let left = totalMs; left > 0; ) {
    const step = Math.min(stepMs, left);
    clock.advance(step);
    left -= step;
    await t.app.spend.billingClock.runDue();
  }
}

async function startCall(token: string, campaignId: string, to = '+447700900123', idempotencyKey?: string): Promise<any> {
  return (await t.ok(token, START_CALL, { input: { campaignId, to, idempotencyKey } })).startCall.call;
}

async function endCall(token: string, callId: string): Promise<any> {
  return (await t.ok(token, END_CALL, { input: { callId } })).endCall.call;
}

async function wallet(token: string, walletId: string): Promise<{ balance: string; reserved: string; available: string }> {
  return (await t.ok(token, WALLET, { id: walletId })).wallet;
}

async function campaign(token: string, campaignId: string): Promise<any> {
  return (await t.ok(token, CAMPAIGN, { id: campaignId })).campaign;
}

async function callTransactions(token: string, walletId: string): Promise<any[]> {
  return (await t.ok(token, CALL_TRANSACTIONS, { id: walletId })).wallet.transactions.edges.map((e: any) => e.node);
}

const USD_1_PER_MIN = (first: number, next: number, extra: Partial<RateSpec> = {}): RateSpec => ({
  prefix: '',
  perMinute: '1',
  firstIncrementSeconds: first,
  nextIncrementSeconds: next,
  ...extra,
});

describe('increment rounding through endCall, and the posting of each cost', () => {
  // Each case: a wallet of 10, one call hung up `elapsedMs` after it started. The billing clock
  // runs after every step of at most one increment, as it would on the real clock.
  const cases: { name: string; rate: RateSpec; elapsedMs: number; stepMs: number; billedSeconds: number; cost: string; balance: string }[] =
    [
      { name: '60/60 at 0 s', rate: USD_1_PER_MIN(60, 60), elapsedMs: 0, stepMs: 60_000, billedSeconds: 60, cost: '1', balance: '9' },
      { name: '60/60 at 60 s', rate: USD_1_PER_MIN(60, 60), elapsedMs: 60_000, stepMs: 60_000, billedSeconds: 60, cost: '1', balance: '9' },
      {
        name: '60/60 at 61 s',
        rate: USD_1_PER_MIN(60, 60),
        elapsedMs: 61_000,
        stepMs: 60_000,
        billedSeconds: 120,
        cost: '2',
        balance: '8',
      },
      {
        name: '60/1 at 61 s',
        rate: USD_1_PER_MIN(60, 1),
        elapsedMs: 61_000,
        stepMs: 1_000,
        billedSeconds: 61,
        cost: '1.016667',
        balance: '8.983333',
      },
      {
        name: '1/1 at 0.2 s',
        rate: USD_1_PER_MIN(1, 1),
        elapsedMs: 200,
        stepMs: 1_000,
        billedSeconds: 1,
        cost: '0.016667',
        balance: '9.983333',
      },
      {
        name: '1/1 at 5 s',
        rate: USD_1_PER_MIN(1, 1),
        elapsedMs: 5_000,
        stepMs: 1_000,
        billedSeconds: 5,
        cost: '0.083334',
        balance: '9.916666',
      },
      { name: '6/6 at 7 s', rate: USD_1_PER_MIN(6, 6), elapsedMs: 7_000, stepMs: 6_000, billedSeconds: 12, cost: '0.2', balance: '9.8' },
      {
        name: '0.0085/min 1/1 at 1 s',
        rate: { prefix: '', perMinute: '0.0085', firstIncrementSeconds: 1, nextIncrementSeconds: 1 },
        elapsedMs: 1_000,
        stepMs: 1_000,
        billedSeconds: 1,
        cost: '0.000142',
        balance: '9.999858',
      },
      {
        name: '0.0085/min 1/1 at 60 s',
        rate: { prefix: '', perMinute: '0.0085', firstIncrementSeconds: 1, nextIncrementSeconds: 1 },
        elapsedMs: 60_000,
        stepMs: 1_000,
        billedSeconds: 60,
        cost: '0.0085',
        balance: '9.9915',
      },
      {
        name: '60/60 with a 0.25 connect fee at 61 s (fee once)',
        rate: USD_1_PER_MIN(60, 60, { connectFee: '0.25' }),
        elapsedMs: 61_000,
        stepMs: 60_000,
        billedSeconds: 120,
        cost: '2.25',
        balance: '7.75',
      },
    ];

  for (const c of cases) {
    it(`${c.name}: bills ${c.billedSeconds} s for ${c.cost}, debits exactly that and releases the reservation`, async () => {
      const { walletId, ownerKey, campaignId } = await campaignWith(c.rate, '10');
      const started = await startCall(ownerKey, campaignId);
      expect(started.status).toBe('ACTIVE');
      await advance(c.elapsedMs, c.stepMs);

      const ended = await endCall(ownerKey, started.id);
      expect(ended).toMatchObject({
        status: 'COMPLETED',
        endReason: 'HANGUP',
        billedSeconds: c.billedSeconds,
        cost: c.cost,
        reserved: '0',
        fundedUntil: null,
      });
      expect(new Date(ended.endedAt).getTime() - new Date(ended.startedAt).getTime()).toBe(c.elapsedMs);
      expect(ended.transactionId).not.toBeNull();

      // endCall returns after posting: no waiting.
      expect(await wallet(ownerKey, walletId)).toEqual({ balance: c.balance, reserved: '0', available: c.balance });
      const transactions = await callTransactions(ownerKey, walletId);
      expect(transactions).toEqual([
        { id: ended.transactionId, type: 'DEBIT', kind: 'CALL', amount: c.cost, balanceBefore: '10', balanceAfter: c.balance, campaignId },
      ]);
      expect(await campaign(ownerKey, campaignId)).toMatchObject({ status: 'RUNNING', spent: c.cost, committed: c.cost, activeCalls: 0 });
      await t.assertLedger();
    });
  }
});

describe('longest-prefix match', () => {
  it('prices each number by its longest matching prefix and refuses a number no rate matches', async () => {
    const { walletId, ownerKey } = await tenant('10');
    const ratePlanId = await t.createRatePlan([
      { prefix: '', perMinute: '0.1', firstIncrementSeconds: 1, nextIncrementSeconds: 1 },
      { prefix: '44', perMinute: '0.2', firstIncrementSeconds: 1, nextIncrementSeconds: 1 },
      { prefix: '447', perMinute: '0.3', firstIncrementSeconds: 1, nextIncrementSeconds: 1 },
    ]);
    const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
    for (const [to, perMinute] of [
      ['+447700900123', '0.3'],
      ['+442071234567', '0.2'],
      ['+33123456789', '0.1'],
    ] as const) {
      const call = await startCall(ownerKey, campaignId, to);
      expect({ to: call.to, status: call.status, perMinute: call.perMinute }).toEqual({ to, status: 'ACTIVE', perMinute });
      await endCall(ownerKey, call.id);
    }

    const ukOnly = await t.createRatePlan([{ prefix: '44', perMinute: '0.2', firstIncrementSeconds: 1, nextIncrementSeconds: 1 }]);
    const ukCampaignId = await t.runningCampaign(ownerKey, walletId, ukOnly);
    const before = await wallet(ownerKey, walletId);
    expectError(await t.graphql(ownerKey, START_CALL, { input: { campaignId: ukCampaignId, to: '+33123456789' } }), 'BAD_USER_INPUT', {
      field: 'to',
    });
    expect(await wallet(ownerKey, walletId)).toEqual(before);
    expect((await t.ok(ownerKey, CALLS, { campaignId: ukCampaignId })).calls.edges).toEqual([]);
    await t.assertLedger();
  });
});

describe('long calls, budgets and empty wallets', () => {
  it('meters an hour-long 60/60 call minute by minute: 3600 s for 60, leaving 40 of 100', async () => {
    const { walletId, ownerKey, campaignId } = await campaignWith(USD_1_PER_MIN(60, 60), '100');
    const call = await startCall(ownerKey, campaignId);
    await advance(59 * 60_000, 60_000);
    // Funded to the hour's end by now: the last 30 s need no billing-clock step.
    expect((await t.ok(ownerKey, CALL, { id: call.id })).call).toMatchObject({ status: 'ACTIVE', reserved: '60' });
    clock.advance(30_000);
    const ended = await endCall(ownerKey, call.id);
    expect(ended).toMatchObject({ status: 'COMPLETED', billedSeconds: 3600, cost: '60', reserved: '0' });
    expect(await wallet(ownerKey, walletId)).toEqual({ balance: '40', reserved: '0', available: '40' });
    await t.assertLedger();
  });

  it('stops a call at its campaign budget: 0.05 at 0.60/min 1/1 buys 5 s', async () => {
    const { walletId, ownerKey, campaignId } = await campaignWith(
      { prefix: '', perMinute: '0.6', firstIncrementSeconds: 1, nextIncrementSeconds: 1 },
      '10',
      '0.05',
    );
    const call = await startCall(ownerKey, campaignId);
    expect(call.status).toBe('ACTIVE');
    await advance(5_000, 1_000);

    const stopped = (await t.ok(ownerKey, CALL, { id: call.id })).call;
    expect(stopped).toMatchObject({ status: 'STOPPED', endReason: 'BUDGET_REACHED', billedSeconds: 5, cost: '0.05', reserved: '0' });
    expect(new Date(stopped.endedAt).getTime() - new Date(stopped.startedAt).getTime()).toBe(5_000);
    expect(await campaign(ownerKey, campaignId)).toMatchObject({
      status: 'STOPPED_BUDGET_REACHED',
      budget: '0.05',
      spent: '0.05',
      committed: '0.05',
      activeCalls: 0,
    });
    expect(await wallet(ownerKey, walletId)).toEqual({ balance: '9.95', reserved: '0', available: '9.95' });
    expect((await callTransactions(ownerKey, walletId)).map((x) => [x.type, x.amount, x.campaignId])).toEqual([
      ['DEBIT', '0.05', campaignId],
    ]);
    // Ending it afterwards changes nothing.
    expect(await endCall(ownerKey, call.id)).toEqual(stopped);
    await t.assertLedger();
  });

  it('refuses a call on an empty wallet as data, stops the campaign, and resumes once funded', async () => {
    const { walletId, ownerKey, campaignId } = await campaignWith(USD_1_PER_MIN(1, 1), '0');
    const refused = await t.graphql(ownerKey, START_CALL, { input: { campaignId, to: '+447700900123' } });
    expect(refused.errors).toBeUndefined();
    expect(refused.data.startCall.call).toMatchObject({
      status: 'REFUSED',
      endReason: 'INSUFFICIENT_FUNDS',
      billedSeconds: 0,
      cost: '0',
      reserved: '0',
      transactionId: null,
    });
    expect(await campaign(ownerKey, campaignId)).toMatchObject({ status: 'STOPPED_INSUFFICIENT_FUNDS', activeCalls: 0, spent: '0' });
    expectError(await t.graphql(ownerKey, START_CALL, { input: { campaignId, to: '+447700900123' } }), 'CAMPAIGN_NOT_RUNNING', {
      campaignId,
      status: 'STOPPED_INSUFFICIENT_FUNDS',
    });

    await t.fund(walletId, '1');
    const resumed = (await t.ok(ownerKey, START_CAMPAIGN, { id: campaignId })).startCampaign.campaign;
    expect(resumed.status).toBe('RUNNING');
    const call = await startCall(ownerKey, campaignId);
    expect(call).toMatchObject({ status: 'ACTIVE', reserved: '0.016667' });
    expect(await endCall(ownerKey, call.id)).toMatchObject({ status: 'COMPLETED', cost: '0.016667' });
    expect(await wallet(ownerKey, walletId)).toEqual({ balance: '0.983333', reserved: '0', available: '0.983333' });
    await t.assertLedger();
  });

  it('stops a call when the wallet runs dry: 0.03 at 0.60/min 1/1 lasts 3 s and leaves 0', async () => {
    const { walletId, ownerKey, campaignId } = await campaignWith(
      { prefix: '', perMinute: '0.6', firstIncrementSeconds: 1, nextIncrementSeconds: 1 },
      '0.03',
    );
    const call = await startCall(ownerKey, campaignId);
    await advance(3_000, 1_000);
    const stopped = (await t.ok(ownerKey, CALL, { id: call.id })).call;
    expect(stopped).toMatchObject({ status: 'STOPPED', endReason: 'INSUFFICIENT_FUNDS', billedSeconds: 3, cost: '0.03', reserved: '0' });
    expect(new Date(stopped.endedAt).getTime() - new Date(stopped.startedAt).getTime()).toBe(3_000);
    expect(await wallet(ownerKey, walletId)).toEqual({ balance: '0', reserved: '0', available: '0' });
    expect(await campaign(ownerKey, campaignId)).toMatchObject({ status: 'STOPPED_INSUFFICIENT_FUNDS', spent: '0.03', activeCalls: 0 });
    await t.assertLedger();
  });
});

describe('error codes at their boundaries', () => {
  it(`admits ${CONCURRENT_CALLS_MAX} concurrent calls per account, refuses the next with LIMIT_EXCEEDED, and admits one again after a hang-up`, async () => {
    const { walletId, ownerKey, campaignId } = await campaignWith(USD_1_PER_MIN(60, 60), '10');
    const first = await startCall(ownerKey, campaignId, '+447700900001');
    const second = await startCall(ownerKey, campaignId, '+447700900002');
    expect([first.status, second.status]).toEqual(['ACTIVE', 'ACTIVE']);
    const before = await wallet(ownerKey, walletId);
    expect(before.reserved).toBe('2');

    expectError(await t.graphql(ownerKey, START_CALL, { input: { campaignId, to: '+447700900003' } }), 'LIMIT_EXCEEDED', {
      limit: 'concurrentCallsPerAccountMax',
      max: CONCURRENT_CALLS_MAX,
    });
    expect(await wallet(ownerKey, walletId)).toEqual(before);
    expect((await t.ok(ownerKey, CALLS, { campaignId })).calls.edges).toHaveLength(2);
    expect(await campaign(ownerKey, campaignId)).toMatchObject({ status: 'RUNNING', activeCalls: 2 });

    await endCall(ownerKey, first.id);
    const third = await startCall(ownerKey, campaignId, '+447700900003');
    expect(third.status).toBe('ACTIVE');
    await endCall(ownerKey, second.id);
    await endCall(ownerKey, third.id);
    expect(await wallet(ownerKey, walletId)).toEqual({ balance: '7', reserved: '0', available: '7' });
    await t.assertLedger();
  });

  it('replays an idempotency key, refuses it for another number and refuses the server-reserved prefix', async () => {
    const { walletId, ownerKey, campaignId } = await campaignWith(USD_1_PER_MIN(60, 60), '10');
    const call = await startCall(ownerKey, campaignId, '+447700900123', 'dial-1');
    const replay = await startCall(ownerKey, campaignId, '+447700900123', 'dial-1');
    expect(replay.id).toBe(call.id);
    expect(await wallet(ownerKey, walletId)).toMatchObject({ reserved: '1' });

    expectError(
      await t.graphql(ownerKey, START_CALL, { input: { campaignId, to: '+447700900999', idempotencyKey: 'dial-1' } }),
      'IDEMPOTENCY_KEY_REUSED',
      {
        field: 'idempotencyKey',
      },
    );
    expectError(
      await t.graphql(ownerKey, START_CALL, { input: { campaignId, to: '+447700900123', idempotencyKey: 'spendwire:call:x' } }),
      'BAD_USER_INPUT',
      {
        field: 'idempotencyKey',
      },
    );
    expect((await t.ok(ownerKey, CALLS, { campaignId })).calls.edges).toHaveLength(1);
    await endCall(ownerKey, call.id);
    await t.assertLedger();
  });

  it('accepts E.164 numbers of 7 to 15 digits only', async () => {
    const { ownerKey, campaignId } = await campaignWith(USD_1_PER_MIN(60, 60), '10');
    for (const to of ['447700900123', '+0123', '+0123456789', '+123456', '+1234567890123456', '+44 7700 900123', '']) {
      expectError(await t.graphql(ownerKey, START_CALL, { input: { campaignId, to } }), 'BAD_USER_INPUT', { field: 'to' });
    }
    const shortest = await startCall(ownerKey, campaignId, '+1234567');
    const longest = await startCall(ownerKey, campaignId, '+123456789012345');
    expect([shortest.status, longest.status]).toEqual(['ACTIVE', 'ACTIVE']);
    await endCall(ownerKey, shortest.id);
    await endCall(ownerKey, longest.id);
  });

  it('lets OWNER and INTEGRATOR place calls, not CAMPAIGN_MANAGER or SUPPORT', async () => {
    const { accountId, ownerKey, campaignId } = await campaignWith(USD_1_PER_MIN(60, 60), '10');
    const manager = await t.createKey(accountId, 'CAMPAIGN_MANAGER');
    const integrator = await t.createKey(accountId, 'INTEGRATOR');
    const support = await t.createKey(null, 'SUPPORT');
    for (const key of [manager.secret, support.secret]) {
      expectError(await t.graphql(key, START_CALL, { input: { campaignId, to: '+447700900123' } }), 'FORBIDDEN');
    }
    const call = await startCall(integrator.secret, campaignId);
    expect(call.status).toBe('ACTIVE');
    expectError(await t.graphql(manager.secret, END_CALL, { input: { callId: call.id } }), 'FORBIDDEN');
    expectError(await t.graphql(support.secret, END_CALL, { input: { callId: call.id } }), 'FORBIDDEN');
    expect((await endCall(integrator.secret, call.id)).status).toBe('COMPLETED');
    expect((await t.ok(ownerKey, CALLS, { campaignId })).calls.edges).toHaveLength(1);
  });

  it("hides another tenant's campaigns and calls as NOT_FOUND", async () => {
    const a = await campaignWith(USD_1_PER_MIN(60, 60), '10');
    const b = await tenant('10');
    const call = await startCall(a.ownerKey, a.campaignId);
    expectError(await t.graphql(b.ownerKey, CAMPAIGN, { id: a.campaignId }), 'NOT_FOUND');
    expectError(await t.graphql(b.ownerKey, CALLS, { campaignId: a.campaignId }), 'NOT_FOUND');
    expectError(await t.graphql(b.ownerKey, CALL, { id: call.id }), 'NOT_FOUND');
    expectError(await t.graphql(b.ownerKey, START_CALL, { input: { campaignId: a.campaignId, to: '+447700900123' } }), 'NOT_FOUND');
    expectError(await t.graphql(b.ownerKey, END_CALL, { input: { callId: call.id } }), 'NOT_FOUND');
    expectError(await t.graphql(b.ownerKey, START_CAMPAIGN, { id: a.campaignId }), 'NOT_FOUND');
    expectError(await t.graphql(b.ownerKey, PAUSE_CAMPAIGN, { id: a.campaignId }), 'NOT_FOUND');
    // Exactly as for ids that exist nowhere.
    expectError(await t.graphql(b.ownerKey, CAMPAIGN, { id: randomUUID() }), 'NOT_FOUND');
    expectError(await t.graphql(b.ownerKey, END_CALL, { input: { callId: randomUUID() } }), 'NOT_FOUND');
    expect((await t.ok(b.ownerKey, CAMPAIGNS, {})).campaigns.edges).toEqual([]);
    // A's call runs on untouched.
    expect((await t.ok(a.ownerKey, CALL, { id: call.id })).call.status).toBe('ACTIVE');
    await endCall(a.ownerKey, call.id);
  });

  it('returns an already-ended call unchanged from endCall', async () => {
    const { walletId, ownerKey, campaignId } = await campaignWith(USD_1_PER_MIN(60, 60), '10');
    const call = await startCall(ownerKey, campaignId);
    clock.advance(10_000);
    const ended = await endCall(ownerKey, call.id);
    clock.advance(10_000);
    expect(await endCall(ownerKey, call.id)).toEqual(ended);
    expect(await wallet(ownerKey, walletId)).toEqual({ balance: '9', reserved: '0', available: '9' });
    expect(await callTransactions(ownerKey, walletId)).toHaveLength(1);
    await t.assertLedger();
  });

  it('refuses to pause a DRAFT (INVALID_STATE), and a paused campaign places no calls (CAMPAIGN_NOT_RUNNING)', async () => {
    const { walletId, ownerKey } = await tenant('10');
    const ratePlanId = await t.createRatePlan([USD_1_PER_MIN(60, 60)]);
    const draft = (await t.ok(ownerKey, CREATE_CAMPAIGN, { input: { walletId, ratePlanId, name: 'Draft' } })).createCampaign.campaign;
    expect(draft.status).toBe('DRAFT');
    expectError(await t.graphql(ownerKey, PAUSE_CAMPAIGN, { id: draft.id }), 'INVALID_STATE', { status: 'DRAFT' });
    expectError(await t.graphql(ownerKey, START_CALL, { input: { campaignId: draft.id, to: '+447700900123' } }), 'CAMPAIGN_NOT_RUNNING', {
      status: 'DRAFT',
    });

    expect((await t.ok(ownerKey, START_CAMPAIGN, { id: draft.id })).startCampaign.campaign.status).toBe('RUNNING');
    expect((await t.ok(ownerKey, PAUSE_CAMPAIGN, { id: draft.id })).pauseCampaign.campaign.status).toBe('PAUSED');
    expectError(await t.graphql(ownerKey, START_CALL, { input: { campaignId: draft.id, to: '+447700900123' } }), 'CAMPAIGN_NOT_RUNNING', {
      campaignId: draft.id,
      status: 'PAUSED',
    });
    expect(await wallet(ownerKey, walletId)).toEqual({ balance: '10', reserved: '0', available: '10' });
  });

  it('lets only PLATFORM_ADMIN create rate plans, and names the field at fault in each invalid one', async () => {
    const { ownerKey } = await tenant('0');
    const rate = { prefix: '44', perMinute: '0.1', firstIncrementSeconds: 60, nextIncrementSeconds: 60 };
    const plan = (rates: unknown[], currency = 'USD') => ({ input: { name: 'Plan', currency, rates } });
    expectError(await t.graphql(ownerKey, CREATE_RATE_PLAN, plan([rate])), 'FORBIDDEN');

    const invalid: [string, ReturnType<typeof plan>, string][] = [
      ['no rates', plan([]), 'rates'],
      ['a duplicate prefix', plan([rate, { ...rate, prefix: '+44' }]), 'rates.1.prefix'],
      ['a non-digit prefix', plan([{ ...rate, prefix: 'abc' }]), 'rates.0.prefix'],
      ['a 16-digit prefix', plan([{ ...rate, prefix: '1234567890123456' }]), 'rates.0.prefix'],
      ['a first increment of 0', plan([{ ...rate, firstIncrementSeconds: 0 }]), 'rates.0.firstIncrementSeconds'],
      ['a first increment of 3601', plan([{ ...rate, firstIncrementSeconds: 3601 }]), 'rates.0.firstIncrementSeconds'],
      ['a next increment of 0', plan([{ ...rate, nextIncrementSeconds: 0 }]), 'rates.0.nextIncrementSeconds'],
      ['a next increment of 3601', plan([{ ...rate, nextIncrementSeconds: 3601 }]), 'rates.0.nextIncrementSeconds'],
      ['a negative price', plan([{ ...rate, perMinute: '-0.01' }]), 'rates.0.perMinute'],
      ['a negative connect fee', plan([{ ...rate, connectFee: '-1' }]), 'rates.0.connectFee'],
      ['an unknown currency', plan([rate], 'XYZ'), 'currency'],
    ];
    for (const [what, variables, field] of invalid) {
      const response = await t.graphql(t.adminToken, CREATE_RATE_PLAN, variables);
      expect(response.errors?.[0]?.extensions, what).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }

    const bounds = await t.ok(
      t.adminToken,
      CREATE_RATE_PLAN,
      plan([
        { ...rate, prefix: '+1', firstIncrementSeconds: 1, nextIncrementSeconds: 3600 },
        { ...rate, prefix: '123456789012345', firstIncrementSeconds: 3600, nextIncrementSeconds: 1, perMinute: '0' },
      ]),
    );
    expect(bounds.createRatePlan.ratePlan.rates).toEqual([
      { prefix: '123456789012345', perMinute: '0', firstIncrementSeconds: 3600, nextIncrementSeconds: 1, connectFee: '0' },
      { prefix: '1', perMinute: '0.1', firstIncrementSeconds: 1, nextIncrementSeconds: 3600, connectFee: '0' },
    ]);
  });

  it('refuses a campaign budget of 0 and a rate plan in another currency than the wallet', async () => {
    const { walletId, ownerKey } = await tenant('10');
    const usd = await t.createRatePlan([USD_1_PER_MIN(60, 60)]);
    const gbp = await t.createRatePlan([USD_1_PER_MIN(60, 60)], 'GBP');
    expectError(
      await t.graphql(ownerKey, CREATE_CAMPAIGN, { input: { walletId, ratePlanId: usd, name: 'Zero', budget: '0' } }),
      'BAD_USER_INPUT',
      {
        field: 'budget',
      },
    );
    expectError(
      await t.graphql(ownerKey, CREATE_CAMPAIGN, { input: { walletId, ratePlanId: usd, name: 'Negative', budget: '-1' } }),
      'BAD_USER_INPUT',
      {
        field: 'budget',
      },
    );
    const smallest = await t.ok(ownerKey, CREATE_CAMPAIGN, { input: { walletId, ratePlanId: usd, name: 'Smallest', budget: '0.000001' } });
    expect(smallest.createCampaign.campaign).toMatchObject({ status: 'DRAFT', budget: '0.000001' });
    expectError(await t.graphql(ownerKey, CREATE_CAMPAIGN, { input: { walletId, ratePlanId: gbp, name: 'Pounds' } }), 'BAD_USER_INPUT', {
      field: 'ratePlanId',
    });
    expect((await t.ok(ownerKey, CAMPAIGNS, {})).campaigns.edges.map((e: any) => e.node.id)).toEqual([smallest.createCampaign.campaign.id]);
  });
});

describe('pagination', () => {
  it("pages a campaign's calls newest first without overlap, and filters them by status", async () => {
    const { ownerKey, campaignId } = await campaignWith(USD_1_PER_MIN(1, 1), '10');
    // The first two are hung up before the next starts (the account cap here is 2); the third stays active.
    const ids: string[] = [];
    for (const to of ['+447700900001', '+447700900002', '+447700900003']) {
      ids.push((await startCall(ownerKey, campaignId, to)).id);
      clock.advance(100);
      if (ids.length < 3) await endCall(ownerKey, ids.at(-1)!);
    }

    const page1 = (await t.ok(ownerKey, CALLS, { campaignId, first: 2 })).calls;
    expect(page1.edges.map((e: any) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(page1.pageInfo).toEqual({ hasNextPage: true, endCursor: page1.edges[1].cursor });
    const page2 = (await t.ok(ownerKey, CALLS, { campaignId, first: 2, after: page1.pageInfo.endCursor })).calls;
    expect(page2.edges.map((e: any) => e.node.id)).toEqual([ids[0]]);
    expect(page2.pageInfo).toEqual({ hasNextPage: false, endCursor: page2.edges[0].cursor });

    const active = (await t.ok(ownerKey, CALLS, { campaignId, status: 'ACTIVE' })).calls;
    expect(active.edges.map((e: any) => [e.node.id, e.node.status])).toEqual([[ids[2], 'ACTIVE']]);
    const completed = (await t.ok(ownerKey, CALLS, { campaignId, status: 'COMPLETED' })).calls;
    expect(completed.edges.map((e: any) => e.node.id)).toEqual([ids[1], ids[0]]);

    for (const first of [0, 101, -1]) {
      expectError(await t.graphql(ownerKey, CALLS, { campaignId, first }), 'BAD_USER_INPUT', { field: 'first' });
    }
    expect((await t.ok(ownerKey, CALLS, { campaignId, first: 100 })).calls.edges).toHaveLength(3);
    const forged = Buffer.from(`soon|${ids[0]}`, 'utf8').toString('base64url');
    for (const after of ['not-a-cursor', forged, `${page1.pageInfo.endCursor}x`]) {
      expectError(await t.graphql(ownerKey, CALLS, { campaignId, after }), 'BAD_USER_INPUT', { field: 'after' });
    }
    await endCall(ownerKey, ids[2]!);
    await t.assertLedger();
  });

  it("pages the caller's campaigns newest first without overlap", async () => {
    const { walletId, ownerKey } = await tenant('0');
    const ratePlanId = await t.createRatePlan([USD_1_PER_MIN(60, 60)]);
    const ids: string[] = [];
    for (const name of ['One', 'Two', 'Three']) {
      ids.push((await t.ok(ownerKey, CREATE_CAMPAIGN, { input: { walletId, ratePlanId, name } })).createCampaign.campaign.id);
    }
    const page1 = (await t.ok(ownerKey, CAMPAIGNS, { first: 2 })).campaigns;
    expect(page1.edges.map((e: any) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(page1.pageInfo).toEqual({ hasNextPage: true, endCursor: page1.edges[1].cursor });
    const page2 = (await t.ok(ownerKey, CAMPAIGNS, { first: 2, after: page1.pageInfo.endCursor })).campaigns;
    expect(page2.edges.map((e: any) => e.node.id)).toEqual([ids[0]]);
    expect(page2.pageInfo).toEqual({ hasNextPage: false, endCursor: page2.edges[0].cursor });
    const exact = (await t.ok(ownerKey, CAMPAIGNS, { first: 3 })).campaigns;
    expect(exact.pageInfo.hasNextPage).toBe(false);

    for (const first of [0, 101]) {
      expectError(await t.graphql(ownerKey, CAMPAIGNS, { first }), 'BAD_USER_INPUT', { field: 'first' });
    }
    expectError(await t.graphql(ownerKey, CAMPAIGNS, { after: 'forged' }), 'BAD_USER_INPUT', { field: 'after' });
  });
});

describe('estimateCampaignCost', () => {
  it('prices 100 calls of 90 s at 60/60 1.00/min as 200, and compares with a wallet of 150', async () => {
    const { walletId, ownerKey } = await tenant('150');
    const ratePlanId = await t.createRatePlan([USD_1_PER_MIN(60, 60)]);
    const input = { ratePlanId, to: '+447700900123', calls: 100, averageDurationSeconds: 90 };
    expect((await t.ok(ownerKey, ESTIMATE, { input })).estimateCampaignCost).toEqual({
      currency: 'USD',
      rate: { prefix: '', perMinute: '1' },
      billedSecondsPerCall: 120,
      costPerCall: '2',
      total: '200',
      available: null,
      shortfall: null,
      coveredCalls: null,
    });
    expect((await t.ok(ownerKey, ESTIMATE, { input: { ...input, walletId } })).estimateCampaignCost).toMatchObject({
      total: '200',
      available: '150',
      shortfall: '50',
      coveredCalls: 75,
    });
    expectError(await t.graphql(ownerKey, ESTIMATE, { input: { ...input, calls: 0 } }), 'BAD_USER_INPUT', { field: 'calls' });
  });
});

describe('campaign live figures', () => {
  it('reports active calls, burn, spend as of the clock and time to empty', async () => {
    const { walletId, ownerKey, campaignId } = await campaignWith(
      { prefix: '', perMinute: '0.6', firstIncrementSeconds: 1, nextIncrementSeconds: 1 },
      '10',
    );
    const calls = [await startCall(ownerKey, campaignId, '+447700900001'), await startCall(ownerKey, campaignId, '+447700900002')];
    await advance(2_000, 1_000);
    clock.advance(500);

    // 2.5 s into each call: 3 s billed at 0.01/s; each funded to 4 s (at 2 s the clock reserved the
    // increment [3, 4], 1 s before the funded time [.., 3] ran out).
    const figures = await campaign(ownerKey, campaignId);
    const { available } = await wallet(ownerKey, walletId);
    expect(available).toBe('9.92');
    expect(figures).toMatchObject({ status: 'RUNNING', activeCalls: 2, spendPerMinute: '1.2', spent: '0.06', committed: '0.08' });
    // floor(9.92 × 60 / 1.2) = 496: 2.5 s of calls in the window are less than their prices, so the rate is the prices.
    expect(figures.projection).toEqual({
      ratePerMinute: '1.2',
      walletRunsDryInSeconds: 496,
      budgetReachedInSeconds: null,
      endsBy: 'WALLET',
      endsInSeconds: 496,
    });

    for (const call of calls) expect(await endCall(ownerKey, call.id)).toMatchObject({ billedSeconds: 3, cost: '0.03' });
    // No call active, but the window still holds the 0.06 they cost, over its shortest span (60 s):
    // 0.06 a minute, and floor(9.94 × 60 / 0.06) = 9940 s for the wallet.
    expect(await campaign(ownerKey, campaignId)).toMatchObject({
      activeCalls: 0,
      spendPerMinute: '0.06',
      spent: '0.06',
      projection: { ratePerMinute: '0.06', walletRunsDryInSeconds: 9940, endsBy: 'WALLET' },
    });
    // Paused: no projection.
    await t.ok(ownerKey, `mutation($id: ID!) { pauseCampaign(id: $id) { campaign { id } } }`, { id: campaignId });
    expect(await campaign(ownerKey, campaignId)).toMatchObject({ status: 'PAUSED', projection: null });
    expect(await wallet(ownerKey, walletId)).toEqual({ balance: '9.94', reserved: '0', available: '9.94' });
  });
});

it('leaves every ledger invariant holding after the whole file', async () => {
  await t.assertLedger();
});
