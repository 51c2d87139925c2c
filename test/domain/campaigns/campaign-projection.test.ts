// Goal: the one burn definition predicts: a projection read early in a simulated campaign (wallet runs dry, budget reached) lands within 10 % of when the wallet really ran dry or the budget really stopped the campaign, and the campaign's walletRunsDryInSeconds is the wallet's own timeToEmptySeconds. Method: the real server on the injected clock, the built-in dialer simulator and the billing clock stepped by hand (seeded random durations, connect fees and 6/6 increments), figures read through the API, the stop time read from the campaign's status row after every simulated second (a GraphQL request per second was 12 of this file's 30 s; the API's status is checked once stopped).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { DialerSimulator } from '../../../server/simulator/dialer-simulator.js';
import { runSql } from '../../support/sql.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
const clock = new ManualClock();
/** The stated window of this run, in seconds: two minutes, so the early reading comes after one full window. */
const WINDOW_SECONDS = 120;
beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false, burnRateWindowSeconds: WINDOW_SECONDS }, { clock });
});
afterAll(async () => {
  await t?.close();
});

/** A repeatable random source (mulberry32). */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const FIGURES = `query($c: ID!, $w: ID!) {
  campaign(id: $c) { status spendPerMinute projection { ratePerMinute walletRatePerMinute budgetReachedInSeconds walletRunsDryInSeconds endsBy endsInSeconds windowSeconds } }
  wallet(id: $w) { available burn { ratePerMinute timeToEmptySeconds activeCalls windowSeconds coveredSeconds } }
}`;

/** Runs a simulated campaign, reads the projection once `projectAtSeconds` have passed, and returns it with when the campaign stopped. */
async function simulate(options: { fund: string; budget: string | null; projectAtSeconds: number; stopStatus: string; seed: number }) {
  const { walletId, ownerKey } = await t.createAccount();
  await t.fund(walletId, options.fund);
  const ratePlanId = await t.createRatePlan([
    { prefix: '', perMinute: '0.6', connectFee: '0.01', firstIncrementSeconds: 6, nextIncrementSeconds: 6 },
  ]);
  const campaignId = (
    await t.ok(ownerKey, `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }`, {
      input: { walletId, ratePlanId, name: 'Projected', simulate: true, budget: options.budget },
    })
  ).createCampaign.campaign.id;
  const before = await t.ok(ownerKey, FIGURES, { c: campaignId, w: walletId });
  // A draft projects nothing, and a wallet with nothing running has no rate.
  expect(before.campaign.projection).toBeNull();
  expect(before.wallet.burn).toMatchObject({ ratePerMinute: null, timeToEmptySeconds: null, activeCalls: 0 });
  await t.ok(ownerKey, `mutation($id: ID!) { startCampaign(id: $id) { campaign { id } } }`, { id: campaignId });

  const simulator = new DialerSimulator({
    em: t.app.orm.em,
    clock,
    deps: t.app.spend.deps,
    settings: {
      callsPerSecond: 2,
      answerRatio: 0.9,
      meanDurationSeconds: 20,
      durationSecondsMax: 60,
      activeCallsPerCampaignMax: 3,
      // Messages are timed by the database's clock, which this run does not step: calls only here.
      messagesPerSecond: 0,
    },
    tickMs: 1000,
    random: seeded(options.seed),
  });
  const startMs = clock.now();
  let projected: any = null;
  let projectedAtMs = 0;
  let stoppedAtMs: number | null = null;
  for (let step = 0; step < 3_600 && stoppedAtMs === null; step++) {
    clock.advance(1000);
    await t.app.spend.billingClock.runDue();
    await simulator.tick();
    if (projected === null && clock.now() - startMs >= options.projectAtSeconds * 1000) {
      projected = await t.ok(ownerKey, FIGURES, { c: campaignId, w: walletId });
      projectedAtMs = clock.now();
    }
    const [row] = await runSql<{ status: string }>(t.app.orm.em.fork(), 'select status from campaign where id = $1', [campaignId]);
    const status = row?.status;
    if (status === options.stopStatus) stoppedAtMs = clock.now();
    else expect(status).toBe('RUNNING');
  }
  expect(projected).not.toBeNull();
  expect(stoppedAtMs).not.toBeNull();
  // Stopped, as the API says too: no projection any more.
  const after = await t.ok(ownerKey, FIGURES, { c: campaignId, w: walletId });
  expect(after.campaign.status).toBe(options.stopStatus);
  expect(after.campaign.projection).toBeNull();
  await t.assertLedger();
  return { projected, actualSeconds: (stoppedAtMs! - projectedAtMs) / 1000, projectAtSeconds: options.projectAtSeconds };
}

describe('Campaign.projection on a simulated campaign', () => {
  it('says when the wallet runs dry, within 10 %, long before it does', { timeout: 240_000 }, async () => {
    const { projected, actualSeconds } = await simulate({
      fund: '20',
      budget: null,
      projectAtSeconds: 150,
      stopStatus: 'STOPPED_INSUFFICIENT_FUNDS',
      seed: 7,
    });
    const projection = projected.campaign.projection;
    // One figure: the campaign's "wallet runs dry" is the wallet's own time to empty, at the wallet's rate.
    expect(projection.walletRunsDryInSeconds).toBe(projected.wallet.burn.timeToEmptySeconds);
    expect(projection.walletRatePerMinute).toBe(projected.wallet.burn.ratePerMinute);
    expect(projection).toMatchObject({ endsBy: 'WALLET', budgetReachedInSeconds: null, windowSeconds: WINDOW_SECONDS });
    expect(projected.wallet.burn.coveredSeconds).toBe(WINDOW_SECONDS);
    console.log(
      `projection at 150 s: wallet runs dry in ${projection.walletRunsDryInSeconds} s at ${projection.walletRatePerMinute}/min; ` +
        `it ran dry ${actualSeconds} s later`,
    );
    // Early: more than twice as long still to go as had run.
    expect(actualSeconds).toBeGreaterThan(300);
    expect(Math.abs(projection.walletRunsDryInSeconds - actualSeconds)).toBeLessThanOrEqual(actualSeconds * 0.1);
  });

  it('says when the budget is reached, within 10 %, and that it comes before the wallet', { timeout: 240_000 }, async () => {
    const { projected, actualSeconds } = await simulate({
      fund: '100',
      budget: '20',
      projectAtSeconds: 150,
      stopStatus: 'STOPPED_BUDGET_REACHED',
      seed: 11,
    });
    const projection = projected.campaign.projection;
    expect(projection.endsBy).toBe('BUDGET');
    expect(projection.endsInSeconds).toBe(projection.budgetReachedInSeconds);
    expect(projection.walletRunsDryInSeconds).toBeGreaterThan(projection.budgetReachedInSeconds);
    console.log(`projection at 150 s: budget reached in ${projection.budgetReachedInSeconds} s; it was reached ${actualSeconds} s later`);
    expect(actualSeconds).toBeGreaterThan(300);
    expect(Math.abs(projection.budgetReachedInSeconds - actualSeconds)).toBeLessThanOrEqual(actualSeconds * 0.1);
  });
});
