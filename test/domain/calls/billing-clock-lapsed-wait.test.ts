// Goal: a billing clock that always finds calls due (at its capacity) still ends the calls whose
// grants lapsed: once the oldest has waited `billingClockLapsedWaitMaxMs` (and no lapsed batch ran for
// as long) one batch of them goes before the next due calls. Before, they were ended only when
// nothing extendable was due, so a clock kept busy never ended them, and their reservations held their
// wallets' credit and their accounts' concurrent calls. Method: the real server's database, a clock of
// the test's own (batches of one call) on a hand-stepped time that moves 200 ms with every batch, as
// a busy clock's batches take time; the order of its batches read from its onBatch callback; the
// boundary (200 ms waited: first at 200, not at 201); verifyLedger at the end.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.js';
import { BillingClock, type BillingPass } from '../../../server/domain/calls/billing-clock.js';
import { endCall } from '../../../server/domain/calls/call.service.js';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { newCallCampaign } from '../../support/call-fixtures.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
const clock = new ManualClock();
/** Busy passes run so far: each places its calls on numbers of its own. */
let passes = 0;
/** How far the hand-stepped time moves with each batch of the test's clock, in ms. */
const BATCH_MS = 200;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false }, { clock });
});
afterAll(async () => {
  await t?.close();
});

/**
 * The test's clock: one call per batch, every meter read at its first pass and the meters placed
 * since at every pass after (as placed-since reads go), and time moving `BATCH_MS`
 * with each batch once `busy.on`; each batch's kind goes to `batches` ('extended' or 'lapsed ended').
 */
function busyClock(lapsedWaitMaxMs: number) {
  const batches: string[] = [];
  const busy = { on: false };
  const billing = new BillingClock({
    em: t.app.orm.em,
    clock,
    config: {
      ...t.config,
      billingClockBatchSize: 1,
      billingClockLapsedBatchSize: 1,
      billingClockLapsedWaitMaxMs: lapsedWaitMaxMs,
      billingClockRescanMs: 0,
      billingClockFullRescanMs: 3_600_000,
    },
    committed: () => {},
    postings: t.app.postings,
    onBatch: (pass: BillingPass) => {
      batches.push(pass.stopped > 0 ? 'lapsed ended' : 'extended');
      if (busy.on) clock.advance(BATCH_MS);
    },
  });
  return { billing, batches, busy };
}

/**
 * A: extended once by the clock (its grant to +2 s, due at +1 s); B and C placed at +1.5 and +1.7 s
 * (each its first second granted, due at once). At +2.2 s A has lapsed and B and C are due: the
 * clock extends B, then either ends A (its wait reached) or extends C first.
 */
async function busyPass(lapsedWaitMaxMs: number): Promise<string[]> {
  clock.advance(10_000);
  passes++;
  const calls = await newCallCampaign(t, '10', `+4477021${passes}`);
  const { billing, batches, busy } = busyClock(lapsedWaitMaxMs);
  await calls.start();
  await billing.runDue();
  expect(batches).toEqual(['extended']);
  clock.advance(1_500);
  await calls.start();
  clock.advance(200);
  await calls.start();
  clock.advance(500);
  batches.length = 0;
  busy.on = true;
  await billing.runDue();
  busy.on = false;
  for (const callId of calls.ids) await endCall(t.app.orm.em.fork(), t.app.spend.callDeps, { principal: calls.principal, callId });
  await t.assertLedger();
  return batches;
}

it('is 1,000 ms by default, and BILLING_CLOCK_LAPSED_WAIT_MAX_MS sets it', () => {
  expect(loadConfig({}).billingClockLapsedWaitMaxMs).toBe(1_000);
  expect(loadConfig({ BILLING_CLOCK_LAPSED_WAIT_MAX_MS: '0' }).billingClockLapsedWaitMaxMs).toBe(0);
  expect(() => loadConfig({ BILLING_CLOCK_LAPSED_WAIT_MAX_MS: '-1' })).toThrow(/BILLING_CLOCK_LAPSED_WAIT_MAX_MS/);
});

it('ends a lapsed call before the next due call once it has waited billingClockLapsedWaitMaxMs (200 ms: 200 ends it first, 201 does not)', async () => {
  // Found lapsed at +2.2 s (while B's batch was taken); B's batch moves time to +2.4 s: 200 ms waited.
  expect((await busyPass(200)).slice(0, 3)).toEqual(['extended', 'lapsed ended', 'extended']);
  // 201: C goes first; at +2.6 s A has waited 400 ms and goes before B's next extension.
  expect((await busyPass(201)).slice(0, 3)).toEqual(['extended', 'extended', 'lapsed ended']);
});

it('without the bound ends the lapsed call only once nothing extendable is due', async () => {
  // Ended in the same pass, but after every extension that was due (the clock caught up at last).
  const batches = await busyPass(3_600_000);
  expect(batches.filter((kind) => kind === 'extended').length).toBeGreaterThanOrEqual(3);
  expect(batches.indexOf('lapsed ended')).toBe(batches.length - 1);
});
