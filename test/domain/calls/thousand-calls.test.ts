// Goal: one wallet carrying 1,000 concurrent calls never goes below zero, is drained to less than one
// increment, bills exactly the increments used, and every call stops within one increment of the money
// running out; the books balance after. Method: the real server on the injected clock (the billing clock
// driven by hand in 250 ms steps), calls placed over HTTP, some hung up early by endCall, the database read
// after every step.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../../../server/database/sql.js';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const CALLS = 1_000;
const STEP_MS = 250;
/** 0.60/min at 1/1: each second of each call reserves 0.01. */
const PER_SECOND_MICROS = 10_000n;

let t: TestApp;
const clock = new ManualClock();
beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false, concurrentCallsPerAccountMax: CALLS }, { clock });
});
afterAll(async () => {
  await t?.close();
});

const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { id status } } }`;
const END_CALL = `mutation($input: EndCallInput!) { endCall(input: $input) { call { id status cost } } }`;

const selectWallet = sql<{ balance_micros: string; reserved_micros: string }, { walletId: string }>(
  'select balance_micros::text, reserved_micros::text from wallet where id = :walletId',
);
const countUnfundedCalls = sql<{ n: number }, { walletId: string; now: string }>(
  `select count(*)::int as n from call c join call_meter m on m.call_id = c.id where c.wallet_id = :walletId and c.status = 'ACTIVE'
      and c.started_at + m.funded_seconds * interval '1 second' < :now::timestamptz`,
);
const selectCalls = sql<
  { status: string; end_reason: string | null; billed_seconds: number; cost: string; transaction_id: string | null; ended_ms: number },
  { campaignId: string }
>(
  `select status, end_reason, billed_seconds, cost_micros::text as cost, transaction_id,
          (extract(epoch from ended_at) * 1000)::float8 as ended_ms from call where campaign_id = :campaignId`,
);
const selectPostedCalls = sql<{ total: string; n: number }, { walletId: string }>(
  `select coalesce(sum(amount_micros), 0)::text as total, count(*)::int as n from wallet_transaction where wallet_id = :walletId and kind = 'CALL'`,
);

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

it(`keeps a wallet with ${CALLS} concurrent calls at or above zero and stops them all within one increment`, {
  timeout: 120_000,
}, async () => {
  const { walletId, ownerKey } = await t.createAccount();
  // 60.005: the calls' first seconds take 10.00; the rest runs out a little past 5 s, leaving half an increment.
  await t.fund(walletId, '60.005');
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 1, nextIncrementSeconds: 1 }]);
  const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);

  const ids: string[] = [];
  await inBatches([...Array(CALLS).keys()], 25, async (i) => {
    const data = await t.ok(ownerKey, START_CALL, { input: { campaignId, to: `+4477009${String(i).padStart(5, '0')}` } });
    expect(data.startCall.call.status).toBe('ACTIVE');
    ids.push(data.startCall.call.id);
  });
  const em = t.app.orm.em.fork();
  const hungUp = ids.slice(0, 50);

  let firstShortAtMs: number | null = null;
  for (let step = 0; step < 40; step++) {
    clock.advance(STEP_MS);
    if (step === 9) {
      // 2.5 s in: 50 callers hang up on their own (billed 3 s each, rounded up by 1/1).
      await inBatches(hungUp, 25, (id) => t.ok(ownerKey, END_CALL, { input: { callId: id } }));
    }
    const pass = await t.app.spend.billingClock.runDue();
    if (firstShortAtMs === null && pass.processed > pass.extended) firstShortAtMs = clock.now();
    const wallet = await selectWallet.one(em, { walletId });
    expect(BigInt(wallet.balance_micros)).toBeGreaterThanOrEqual(0n);
    expect(BigInt(wallet.balance_micros) - BigInt(wallet.reserved_micros)).toBeGreaterThanOrEqual(0n);
    // No active call runs on time it has not paid for.
    const unfunded = await countUnfundedCalls.one(em, { walletId, now: new Date(clock.now()).toISOString() });
    expect(unfunded.n).toBe(0);
  }

  const calls = await selectCalls.all(em, { campaignId });
  expect(calls).toHaveLength(CALLS);
  const completed = calls.filter((c) => c.status === 'COMPLETED');
  const stopped = calls.filter((c) => c.status === 'STOPPED');
  expect(completed).toHaveLength(hungUp.length);
  expect(stopped).toHaveLength(CALLS - hungUp.length);
  for (const call of completed) expect([call.billed_seconds, call.cost]).toEqual([3, '30000']);
  expect(new Set(stopped.map((c) => c.end_reason))).toEqual(new Set(['INSUFFICIENT_FUNDS']));
  // No call stopped before the money first fell short, and none ran more than one increment (1 s) past
  // another: the last second of money was used within one increment of every stop.
  expect(firstShortAtMs).not.toBeNull();
  const lastStopMs = Math.max(...stopped.map((c) => c.ended_ms));
  for (const call of stopped) {
    expect(call.ended_ms).toBeGreaterThanOrEqual(firstShortAtMs!);
    expect(call.ended_ms).toBeGreaterThanOrEqual(lastStopMs - 1_000);
  }
  // Every cost is on the ledger; the wallet lost exactly their sum and kept less than one increment.
  expect(calls.every((c) => c.transaction_id !== null)).toBe(true);
  const costs = calls.reduce((sum, c) => sum + BigInt(c.cost), 0n);
  const wallet = await selectWallet.one(em, { walletId });
  expect(BigInt(wallet.reserved_micros)).toBe(0n);
  expect(BigInt(wallet.balance_micros)).toBe(60_005_000n - costs);
  expect(BigInt(wallet.balance_micros)).toBeLessThan(PER_SECOND_MICROS);
  const posted = await selectPostedCalls.one(em, { walletId });
  expect([BigInt(posted.total), posted.n]).toEqual([costs, CALLS]);
  const campaign = (await t.ok(ownerKey, `query($id: ID!) { campaign(id: $id) { status activeCalls spent } }`, { id: campaignId }))
    .campaign;
  expect(campaign.status).toBe('STOPPED_INSUFFICIENT_FUNDS');
  expect(campaign.activeCalls).toBe(0);
  await t.assertLedger();
});
