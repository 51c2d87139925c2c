// Goal: on the real clock, calls are metered increment by increment and stopped when the wallet
// runs dry, at the end of their last funded increment. Method: the real server with its billing
// clock running, two calls placed over HTTP, their stop observed through callUpdated on a real socket.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { subscribe } from '../../support/subscriber.js';
import { until } from '../../support/waiting.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { id status } } }`;
const CALL_UPDATED = `subscription($campaignId: ID!) { callUpdated(campaignId: $campaignId) { id status endReason billedSeconds cost startedAt endedAt } }`;

it('stops two calls on a 1.00 wallet at 6.00/min 1/1 after 5 s each, leaving 0 and costing 1.00 together', {
  timeout: 30_000,
}, async () => {
  const { walletId, ownerKey } = await t.createAccount();
  await t.fund(walletId, '1');
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '6', firstIncrementSeconds: 1, nextIncrementSeconds: 1 }]);
  const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
  const startedAt = Date.now();
  const calls = await Promise.all(
    ['+447700900001', '+447700900002'].map((to) => t.ok(ownerKey, START_CALL, { input: { campaignId, to } })),
  );
  expect(calls.map((c) => c.startCall.call.status)).toEqual(['ACTIVE', 'ACTIVE']);
  // callUpdated starts with the campaign's active calls, then each change.
  const updates = subscribe(t.url, ownerKey, CALL_UPDATED, { campaignId }, (d) => d.callUpdated);

  const stopped = async () => {
    const received = await updates.waitFor(4, 15_000); // each call: active, then stopped
    return received.filter((c: any) => c.status === 'STOPPED');
  };
  const ended = await stopped();
  const elapsed = (Date.now() - startedAt) / 1000;
  expect(ended).toHaveLength(2);
  for (const call of ended) {
    expect(call.endReason).toBe('INSUFFICIENT_FUNDS');
    expect(call.billedSeconds).toBe(5);
    expect(call.cost).toBe('0.5');
    expect(new Date(call.endedAt).getTime() - new Date(call.startedAt).getTime()).toBe(5_000);
  }
  // Stopped at the end of the 5th second, seen within the clock's lag.
  expect(elapsed).toBeGreaterThanOrEqual(5);
  expect(elapsed).toBeLessThan(6.5);
  await updates.close();

  // The costs are posted right after the stop; wait for the ledger rather than sleeping.
  let wallet: any;
  await until(
    'the costs to be posted',
    async () => {
      wallet = (await t.ok(ownerKey, `query($id: ID!) { wallet(id: $id) { balance reserved available } }`, { id: walletId })).wallet;
      return wallet.reserved === '0';
    },
    10_000,
    20,
  );
  expect(wallet).toEqual({ balance: '0', reserved: '0', available: '0' });
  const campaign = (await t.ok(ownerKey, `query($id: ID!) { campaign(id: $id) { status spent activeCalls } }`, { id: campaignId }))
    .campaign;
  expect(campaign).toEqual({ status: 'STOPPED_INSUFFICIENT_FUNDS', spent: '1', activeCalls: 0 });
  await t.assertLedger();
});
