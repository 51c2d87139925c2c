// Goal: campaignUpdated, callUpdated and walletUpdated are state feeds over real sockets: the current state first, then every
// change, never a stale state after a newer one, and another tenant's campaign is NOT_FOUND. Method: the real
// server on the injected clock, the graphql-ws client, the billing clock stepped by hand.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { subscribe } from '../../support/subscriber.js';
import { until } from '../../support/waiting.js';

let t: TestApp;
const clock = new ManualClock();
beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false }, { clock });
});
afterAll(async () => {
  await t?.close();
});

const CAMPAIGN_UPDATED = `subscription($campaignId: ID!) { campaignUpdated(campaignId: $campaignId) { status activeCalls spent version } }`;
const CALL_UPDATED = `subscription($campaignId: ID!) { callUpdated(campaignId: $campaignId) { id status endReason version } }`;
const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { id } } }`;

/** Waits (test/support/waiting.ts) until what a subscriber has received satisfies `predicate`; returns it. */
async function receivedUntil<T>(read: () => T[], predicate: (items: T[]) => boolean, timeoutMs = 10_000): Promise<T[]> {
  await until('the subscriber to receive the expected states', () => predicate(read()), timeoutMs, 10);
  return read();
}

it('streams the campaign and its calls live until the wallet runs dry', async () => {
  const { walletId, ownerKey } = await t.createAccount();
  await t.fund(walletId, '0.03');
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 1, nextIncrementSeconds: 1 }]);
  const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
  const campaigns = subscribe(t.url, ownerKey, CAMPAIGN_UPDATED, { campaignId }, (d) => d.campaignUpdated);
  const calls = subscribe(t.url, ownerKey, CALL_UPDATED, { campaignId }, (d) => d.callUpdated);

  // The current state comes first.
  const [first] = await campaigns.waitFor(1);
  expect(first).toMatchObject({ status: 'RUNNING', activeCalls: 0, spent: '0' });

  const callId = (await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900123' } })).startCall.call.id;
  await receivedUntil(
    () => calls.received,
    (items) => items.some((c: any) => c.id === callId && c.status === 'ACTIVE'),
  );
  await receivedUntil(
    () => campaigns.received,
    (items) => items.some((c: any) => c.activeCalls === 1),
  );

  for (let i = 0; i < 4; i++) {
    clock.advance(1_000);
    await t.app.spend.billingClock.runDue();
  }
  const callStates = await receivedUntil(
    () => calls.received,
    (items) => items.some((c: any) => c.status === 'STOPPED'),
  );
  expect(callStates.at(-1)).toMatchObject({ id: callId, status: 'STOPPED', endReason: 'INSUFFICIENT_FUNDS' });
  const campaignStates = await receivedUntil(
    () => campaigns.received,
    (items) => items.some((c: any) => c.status === 'STOPPED_INSUFFICIENT_FUNDS'),
  );
  expect(campaignStates.at(-1)).toMatchObject({ status: 'STOPPED_INSUFFICIENT_FUNDS', activeCalls: 0, spent: '0.03' });

  // Versions only grow: no state arrives after a newer one.
  for (const states of [campaignStates, callStates.filter((c: any) => c.id === callId)]) {
    const versions = states.map((s: any) => BigInt(s.version));
    expect(versions).toEqual([...versions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(versions).size).toBe(versions.length);
  }
  expect([...campaigns.errors, ...calls.errors]).toEqual([]);
  await campaigns.close();
  await calls.close();
});

it('streams the wallet as calls reserve credit, are stopped and posted, and as it is suspended', async () => {
  const { walletId, ownerKey } = await t.createAccount();
  await t.fund(walletId, '0.02');
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 1, nextIncrementSeconds: 1 }]);
  const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
  const wallets = subscribe(
    t.url,
    ownerKey,
    `subscription($walletId: ID!) { walletUpdated(walletId: $walletId) { balance reserved available status } }`,
    { walletId },
    (d) => d.walletUpdated,
  );
  expect((await wallets.waitFor(1))[0]).toEqual({ balance: '0.02', reserved: '0', available: '0.02', status: 'ACTIVE' });

  await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900123' } });
  // The first increment is reserved: available falls at once, with no transaction yet.
  await receivedUntil(
    () => wallets.received,
    (items) => items.some((w: any) => w.reserved === '0.01' && w.available === '0.01'),
  );
  clock.advance(1_000);
  await t.app.spend.billingClock.runDue();
  await receivedUntil(
    () => wallets.received,
    (items) => items.some((w: any) => w.reserved === '0.02' && w.available === '0'),
  );
  clock.advance(2_000);
  await t.app.spend.billingClock.runDue();
  await receivedUntil(
    () => wallets.received,
    (items) => items.some((w: any) => w.balance === '0' && w.reserved === '0'),
  );
  await t.app.lifecycle.runOnce();
  const states = await receivedUntil(
    () => wallets.received,
    (items) => items.some((w: any) => w.status === 'SUSPENDED'),
  );
  expect(states.at(-1)).toEqual({ balance: '0', reserved: '0', available: '0', status: 'SUSPENDED' });
  // Never the same state twice in a row.
  for (let i = 1; i < states.length; i++) expect(states[i]).not.toEqual(states[i - 1]);
  expect(wallets.errors).toEqual([]);
  await wallets.close();
});

it("answers another tenant's campaign with NOT_FOUND", async () => {
  const owner = await t.createAccount();
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 1, nextIncrementSeconds: 1 }]);
  const campaignId = await t.runningCampaign(owner.ownerKey, owner.walletId, ratePlanId);
  const other = await t.createAccount();
  for (const query of [CAMPAIGN_UPDATED, CALL_UPDATED]) {
    const subscriber = subscribe(t.url, other.ownerKey, query, { campaignId }, (d) => d);
    const errors = await receivedUntil(
      () => subscriber.errors as any[],
      (items) => items.length > 0,
    );
    expect(errors[0].extensions?.code).toBe('NOT_FOUND');
    expect(subscriber.received).toEqual([]);
    await subscriber.close();
  }
});
