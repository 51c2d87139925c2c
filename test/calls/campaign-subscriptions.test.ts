// Goal: campaignUpdated and callUpdated are state feeds over real sockets: the current state first, then every
// change, never a stale state after a newer one, and another tenant's campaign is NOT_FOUND. Method: the real
// server on the injected clock, the graphql-ws client, the billing clock stepped by hand.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../server/domain/calls/clock.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { subscribe } from '../support/subscriber.js';

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

async function until<T>(read: () => T[], predicate: (items: T[]) => boolean, timeoutMs = 10_000): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate(read())) {
    if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(read())}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
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
  await until(() => calls.received, (items) => items.some((c: any) => c.id === callId && c.status === 'ACTIVE'));
  await until(() => campaigns.received, (items) => items.some((c: any) => c.activeCalls === 1));

  for (let i = 0; i < 4; i++) {
    clock.advance(1_000);
    await t.app.spend.billingClock.runDue();
  }
  const callStates = await until(() => calls.received, (items) => items.some((c: any) => c.status === 'STOPPED'));
  expect(callStates.at(-1)).toMatchObject({ id: callId, status: 'STOPPED', endReason: 'INSUFFICIENT_FUNDS' });
  const campaignStates = await until(() => campaigns.received, (items) => items.some((c: any) => c.status === 'STOPPED_INSUFFICIENT_FUNDS'));
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

it("answers another tenant's campaign with NOT_FOUND", async () => {
  const owner = await t.createAccount();
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 1, nextIncrementSeconds: 1 }]);
  const campaignId = await t.runningCampaign(owner.ownerKey, owner.walletId, ratePlanId);
  const other = await t.createAccount();
  for (const query of [CAMPAIGN_UPDATED, CALL_UPDATED]) {
    const subscriber = subscribe(t.url, other.ownerKey, query, { campaignId }, (d) => d);
    const errors = await until(() => subscriber.errors as any[], (items) => items.length > 0);
    expect(errors[0].extensions?.code).toBe('NOT_FOUND');
    expect(subscriber.received).toEqual([]);
    await subscriber.close();
  }
});
