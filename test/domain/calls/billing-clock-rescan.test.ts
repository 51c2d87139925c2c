// Goal: a billing clock that always finds calls due, and so never ends its pass, still learns of a call another
// process started (a process that may have died since: nobody else meters it) at its rescan interval, and meters it
// within that pass. Method: the real server with its clock off and time stepped by hand (ManualClock); a BillingClock
// of the test's own stands for the surviving process: each of its batches moves the time on so that its call is due
// again at once (a pass that never runs out of work), and the first starts a call through the server meanwhile.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../../../server/database/sql.js';
import { Role } from '../../../server/domain/accounts/role.js';
import { BillingClock, type BillingPass } from '../../../server/domain/calls/billing-clock.js';
import { startCall } from '../../../server/domain/calls/call.service.js';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
const clock = new ManualClock();

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false }, { clock });
});
afterAll(async () => {
  await t?.close();
});

const selectFundedSeconds = sql<{ funded_seconds: number }, { callId: string }>(
  'select funded_seconds from call_meter where call_id = :callId',
);

/** Batches the surviving clock may run in its one pass before the test gives up on it learning of the other call. */
const BATCHES_MAX = 500;

it('learns of a call started elsewhere between two batches of one never-ending pass, and extends it in that pass', async () => {
  const { accountId, walletId, ownerKey } = await t.createAccount();
  await t.fund(walletId, '1000');
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 6, nextIncrementSeconds: 6 }]);
  const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
  // The other call's first increment is 60 s: every batch moves the time on a whole 6 s increment, and a batch
  // takes three round trips, so the survivor runs several while that call's start is in flight; its grant must
  // outlast them, or it lapses before the survivor can learn of it (and is ended, as the switch hung it up).
  const otherPlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 60, nextIncrementSeconds: 6 }]);
  const otherCampaignId = await t.runningCampaign(ownerKey, walletId, otherPlanId);
  const principal = { role: Role.OWNER, accountId, apiKeyId: null, actor: 'test' };
  const start = (to: string, campaign = campaignId) =>
    startCall(t.app.orm.em.fork(), t.app.spend.callDeps, { principal, campaignId: campaign, to });
  await start('+447700900001');

  let elsewhere: ReturnType<typeof start> | undefined;
  const passes: BillingPass[] = [];
  const survivor = new BillingClock({
    em: t.app.orm.em,
    clock,
    // Every batch is past the rescan interval: the clock rereads the active calls wherever it rereads them.
    config: { ...t.config, billingClockRescanMs: 0 },
    committed: () => {},
    postings: t.app.postings,
    onBatch: (pass) => {
      passes.push(pass);
      // The other process's call: started through the server, whose clock is off (as a dead process's).
      elsewhere ??= start('+447700900002', otherCampaignId);
      // Both calls in one batch: the survivor knows the other one. Or it never learned of it: give up.
      if (pass.processed >= 2 || passes.length >= BATCHES_MAX) void survivor.stop();
      // One increment on: the survivor's own call is due again at once, so its pass never runs out of work.
      clock.advance(6_000);
    },
  });
  clock.advance(6_000);
  const total = await survivor.runDue();
  const other = await elsewhere!;

  expect(passes.length).toBeGreaterThan(1);
  expect(passes.length).toBeLessThan(BATCHES_MAX);
  expect(total.processed).toBe(passes.reduce((sum, pass) => sum + pass.processed, 0));
  const [meter] = await selectFundedSeconds.all(t.app.orm.em.fork(), { callId: other.id });
  expect(meter!.funded_seconds).toBeGreaterThan(60);
  await t.assertLedger();
});
