// Goal: startCall and endCall through cached campaign routes and the shared call-control
// EntityManager keep every guarantee under concurrency: 48 callers on two tenants' campaigns place
// and hang up calls at once while one campaign is paused midway and another tenant's key tries the
// first campaign; every call placed ends COMPLETED with its cost posted once, a paused campaign
// places no call after its pause, the other tenant sees NOT_FOUND, the campaigns' and accounts'
// counters match their calls, and the ledger invariants hold. Method: the real server over HTTP
// with its call batches, the database read at the end.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../../../server/database/sql.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false });
});
afterAll(async () => {
  await t?.close();
});

const START = 'mutation($input: StartCallInput!) { startCall(input: $input) { call { id status } } }';
const END = 'mutation($input: EndCallInput!) { endCall(input: $input) { call { id status transactionId } } }';
const CALLERS_PER_CAMPAIGN = 24;
const ROUNDS = 4;

const selectCampaign = sql<{ status: string; active_calls: number; committed_micros: string; spent_micros: string }, { id: string }>(
  'select status, active_calls, committed_micros::text, spent_micros::text from campaign where id = :id',
);
const selectCallTotals = sql<{ calls: number; completed: number; posted: number; cost: string }, { id: string }>(
  `select count(*)::int as calls, count(*) filter (where status = 'COMPLETED')::int as completed,
          count(*) filter (where transaction_id is not null)::int as posted, coalesce(sum(cost_micros), 0)::text as cost
     from call where campaign_id = :id`,
);
const selectAccountCalls = sql<{ active_calls: number }, { id: string }>('select active_calls from account where id = :id');

it('places and hangs up calls concurrently on cached routes, honours a pause and the tenant, and keeps the books', async () => {
  const planId = await t.createRatePlan([{ prefix: '', perMinute: '0.60', firstIncrementSeconds: 1, nextIncrementSeconds: 1 }]);
  const a = await t.createAccount('Tenant A');
  const b = await t.createAccount('Tenant B');
  await t.fund(a.walletId, '100');
  await t.fund(b.walletId, '100');
  const campaignA = await t.runningCampaign(a.ownerKey, a.walletId, planId);
  const campaignB = await t.runningCampaign(b.ownerKey, b.walletId, planId);

  const placed = { a: 0, b: 0 };
  let refusedAfterPause = 0;
  let paused = false;
  const caller = async (key: string, campaignId: string, tenant: 'a' | 'b') => {
    for (let round = 0; round < ROUNDS; round++) {
      const pausedBefore = paused;
      const started = await t.graphql(key, START, { input: { campaignId, to: '+15551234567' } });
      if (started.errors) {
        // Only campaign B is paused, and only once its pause was sent.
        expect(tenant).toBe('b');
        expect(started.errors[0]?.extensions?.code).toBe('CAMPAIGN_NOT_RUNNING');
        refusedAfterPause += 1;
        continue;
      }
      // A start sent after the pause was answered must have been refused.
      expect(tenant === 'b' && pausedBefore).toBe(false);
      placed[tenant] += 1;
      const ended = await t.ok(key, END, { input: { callId: started.data.startCall.call.id } });
      expect(ended.endCall.call.status).toBe('COMPLETED');
      expect(ended.endCall.call.transactionId).not.toBeNull();
    }
  };
  const pauseB = (async () => {
    // Midway: once some of B's calls were placed.
    while (placed.b < CALLERS_PER_CAMPAIGN) await new Promise<void>((resolve) => setImmediate(resolve));
    await t.ok(b.ownerKey, 'mutation($id: ID!) { pauseCampaign(id: $id) { campaign { status } } }', { id: campaignB });
    paused = true;
  })();
  const intruder = async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const answer = await t.graphql(b.ownerKey, START, { input: { campaignId: campaignA, to: '+15551234567' } });
      expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  };
  await Promise.all([
    ...Array.from({ length: CALLERS_PER_CAMPAIGN }, () => caller(a.ownerKey, campaignA, 'a')),
    ...Array.from({ length: CALLERS_PER_CAMPAIGN }, () => caller(b.ownerKey, campaignB, 'b')),
    intruder(),
    pauseB,
  ]);

  expect(placed.a).toBe(CALLERS_PER_CAMPAIGN * ROUNDS);
  expect(placed.b).toBeGreaterThanOrEqual(CALLERS_PER_CAMPAIGN);
  expect(placed.b + refusedAfterPause).toBe(CALLERS_PER_CAMPAIGN * ROUNDS);
  const em = t.app.orm.em.fork();
  for (const [id, count, status] of [
    [campaignA, placed.a, 'RUNNING'],
    [campaignB, placed.b, 'PAUSED'],
  ] as const) {
    const totals = await selectCallTotals.one(em, { id });
    expect(totals).toMatchObject({ calls: count, completed: count, posted: count });
    expect(await selectCampaign.one(em, { id })).toEqual({
      status,
      active_calls: 0,
      committed_micros: totals.cost,
      spent_micros: totals.cost,
    });
  }
  for (const account of [a, b]) expect(await selectAccountCalls.one(em, { id: account.accountId })).toEqual({ active_calls: 0 });
  await t.assertLedger();
});
