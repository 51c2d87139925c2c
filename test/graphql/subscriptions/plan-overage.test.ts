// Goal: PlanSubscription.overageThisPeriod reports exactly what the subscription's ended calls paid from the wallet this period (seconds beyond the allowance and their cost, connect fees included), no seconds while the allowance covers the calls, and starts again from nothing in the next period. Method: the real server on its own PostgreSQL with an injected ManualClock, calls metered by the billing clock stepped by hand, the figures read over HTTP and checked against the wallet's CALL debits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
const clock = new ManualClock(Date.UTC(2026, 2, 10, 9));
beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false }, { clock });
});
afterAll(async () => {
  await t?.assertLedger();
  await t?.close();
});

const CREATE_PLAN = `mutation($input: CreateSubscriptionPlanInput!) { createSubscriptionPlan(input: $input) { subscriptionPlan { id } } }`;
const SUBSCRIBE = `mutation($input: SubscribeToPlanInput!) { subscribeToPlan(input: $input) { subscription { id } } }`;
const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { id } } }`;
const END_CALL = `mutation($input: EndCallInput!) { endCall(input: $input) { call { billedSeconds cost } } }`;
const WALLET = `query($id: ID!) { wallet(id: $id) { balance
  planSubscription { usedSeconds remainingSeconds periodEnd overageThisPeriod { seconds cost } } } }`;

async function talk(seconds: number): Promise<void> {
  for (let i = 0; i < seconds; i++) {
    clock.advance(1_000);
    await t.app.spend.billingClock.runDue();
  }
}

async function call(ownerKey: string, campaignId: string, seconds: number): Promise<{ billedSeconds: number; cost: string }> {
  const started = (await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900123' } })).startCall.call;
  await talk(seconds);
  return (await t.ok(ownerKey, END_CALL, { input: { callId: started.id } })).endCall.call;
}

describe('PlanSubscription.overageThisPeriod', () => {
  it('counts no seconds while the allowance covers the calls (only connect fees), then the seconds beyond it and what they cost', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    await t.fund(walletId, '20');
    const ratePlanId = await t.createRatePlan([
      { prefix: '', perMinute: '1', firstIncrementSeconds: 60, nextIncrementSeconds: 60, connectFee: '0.1' },
    ]);
    const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
    const planId = (
      await t.ok(t.adminToken, CREATE_PLAN, {
        input: { name: 'Two minutes', currency: 'USD', monthlyFee: '5', includedMinutes: 2, overagePerMinute: '0.5' },
      })
    ).createSubscriptionPlan.subscriptionPlan.id;
    await t.ok(ownerKey, SUBSCRIBE, { input: { walletId, planId } });
    const read = async () => (await t.ok(ownerKey, WALLET, { id: walletId })).wallet;
    expect((await read()).planSubscription.overageThisPeriod).toEqual({ seconds: 0, cost: '0' });

    // 90 s bills 120 s, all from the allowance: the wallet pays only the connect fee.
    expect(await call(ownerKey, campaignId, 90)).toEqual({ billedSeconds: 120, cost: '0.1' });
    expect((await read()).planSubscription).toMatchObject({
      usedSeconds: 120,
      remainingSeconds: 0,
      overageThisPeriod: { seconds: 0, cost: '0.1' },
    });

    // The allowance is spent: 61 s bills 120 s at 0.50/min, plus the connect fee.
    const beyond = await call(ownerKey, campaignId, 61);
    const wallet = await read();
    expect(beyond).toEqual({ billedSeconds: 120, cost: '1.1' });
    expect(wallet.planSubscription.overageThisPeriod).toEqual({ seconds: 120, cost: '1.2' });
    expect(wallet.balance).toBe('13.8');

    // The next period (its fee paid from the wallet) starts from nothing.
    clock.advance(Date.parse(wallet.planSubscription.periodEnd) - clock.now());
    await t.app.lifecycle.runOnce();
    expect(await read()).toMatchObject({
      balance: '8.8',
      planSubscription: { usedSeconds: 0, overageThisPeriod: { seconds: 0, cost: '0' } },
    });
  });
});
