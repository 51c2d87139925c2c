// Goal: subscription plans: the monthly allowance covers call minutes first, beyond it the wallet
// pays the plan's overage rate (or the destination's), the fee is paid from the wallet at subscription and on
// each renewal, and a fee the wallet cannot pay lapses the plan. Method: the real server on the injected clock,
// calls metered by the billing clock stepped by hand, figures read through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
const clock = new ManualClock(Date.UTC(2026, 0, 31, 10));
beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false }, { clock });
});
afterAll(async () => {
  await t?.close();
});

const CREATE_PLAN = `mutation($input: CreateSubscriptionPlanInput!) { createSubscriptionPlan(input: $input) { subscriptionPlan { id includedMinutes } } }`;
const SUBSCRIBE = `mutation($input: SubscribeToPlanInput!) { subscribeToPlan(input: $input) { subscription { id status periodEnd allowanceSeconds remainingSeconds } } }`;
const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { id status perMinute reserved } } }`;
const END_CALL = `mutation($input: EndCallInput!) { endCall(input: $input) { call { status billedSeconds cost } } }`;
const WALLET = `query($id: ID!) { wallet(id: $id) { balance reserved planSubscription { status usedSeconds reservedSeconds remainingSeconds periodEnd plan { name } } } }`;

async function plan(input: Record<string, unknown>): Promise<string> {
  return (await t.ok(t.adminToken, CREATE_PLAN, { input: { name: 'Plan', currency: 'USD', ...input } })).createSubscriptionPlan
    .subscriptionPlan.id;
}

/** Advances the clock `seconds` one second at a time, running the billing clock after each. */
async function talk(seconds: number): Promise<void> {
  for (let i = 0; i < seconds; i++) {
    clock.advance(1_000);
    await t.app.spend.billingClock.runDue();
  }
}

async function setUp(fund: string, planInput: Record<string, unknown> | null, rate = { perMinute: '1', first: 60, next: 60 }) {
  const { walletId, ownerKey, accountId } = await t.createAccount();
  await t.fund(walletId, fund);
  const ratePlanId = await t.createRatePlan([
    { prefix: '', perMinute: rate.perMinute, firstIncrementSeconds: rate.first, nextIncrementSeconds: rate.next },
  ]);
  const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
  let subscriptionId: string | null = null;
  if (planInput) {
    const planId = await plan(planInput);
    subscriptionId = (await t.ok(ownerKey, SUBSCRIBE, { input: { walletId, planId } })).subscribeToPlan.subscription.id;
  }
  return { walletId, ownerKey, accountId, campaignId, subscriptionId };
}

async function call(ownerKey: string, campaignId: string, seconds: number) {
  const started = (await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900123' } })).startCall.call;
  await talk(seconds);
  return { started, ended: (await t.ok(ownerKey, END_CALL, { input: { callId: started.id } })).endCall.call };
}

describe('allowance and overage', () => {
  it('pays the fee from the wallet, covers calls from the allowance, then charges the overage rate', async () => {
    const s = await setUp('20', { monthlyFee: '10', includedMinutes: 2, overagePerMinute: '0.5' });
    expect((await t.ok(s.ownerKey, WALLET, { id: s.walletId })).wallet).toMatchObject({
      balance: '10',
      planSubscription: { remainingSeconds: 120 },
    });

    // 90 s at 60/60 bills 120 s: all from the allowance, nothing from the wallet.
    const first = await call(s.ownerKey, s.campaignId, 90);
    expect(first.started.reserved).toBe('0');
    expect(first.ended).toEqual({ status: 'COMPLETED', billedSeconds: 120, cost: '0' });
    expect((await t.ok(s.ownerKey, WALLET, { id: s.walletId })).wallet).toMatchObject({
      balance: '10',
      reserved: '0',
      planSubscription: { usedSeconds: 120, reservedSeconds: 0, remainingSeconds: 0 },
    });

    // Allowance spent: 61 s bills 120 s at the plan's 0.50/min overage.
    const second = await call(s.ownerKey, s.campaignId, 61);
    expect(second.started.perMinute).toBe('0.5');
    expect(second.ended).toEqual({ status: 'COMPLETED', billedSeconds: 120, cost: '1' });
    expect((await t.ok(s.ownerKey, WALLET, { id: s.walletId })).wallet.balance).toBe('9');
    await t.assertLedger();
  });

  it('splits one call across the allowance and the wallet, the allowance first', async () => {
    const s = await setUp('20', { monthlyFee: '0', includedMinutes: 1, overagePerMinute: null });
    // 150 s at 60/60 bills 180 s: 60 s from the allowance, 120 s at the destination's 1.00/min.
    const { ended } = await call(s.ownerKey, s.campaignId, 150);
    expect(ended).toEqual({ status: 'COMPLETED', billedSeconds: 180, cost: '2' });
    expect((await t.ok(s.ownerKey, WALLET, { id: s.walletId })).wallet).toMatchObject({
      balance: '18',
      planSubscription: { usedSeconds: 60 },
    });
    await t.assertLedger();
  });

  it('gives back allowance a call held but did not use', async () => {
    const s = await setUp('20', { monthlyFee: '0', includedMinutes: 10, overagePerMinute: null }, { perMinute: '1', first: 1, next: 1 });
    const started = (await t.ok(s.ownerKey, START_CALL, { input: { campaignId: s.campaignId, to: '+447700900123' } })).startCall.call;
    await talk(5);
    const during = (await t.ok(s.ownerKey, WALLET, { id: s.walletId })).wallet.planSubscription;
    // 5 s talked, 7 s held: at 5 s the clock reserved [6, 7], 1 s before the funded [.., 6] ran out.
    expect(during).toMatchObject({ usedSeconds: 0, reservedSeconds: 7 });
    clock.advance(300);
    const ended = (await t.ok(s.ownerKey, END_CALL, { input: { callId: started.id } })).endCall.call;
    expect(ended).toEqual({ status: 'COMPLETED', billedSeconds: 6, cost: '0' });
    expect((await t.ok(s.ownerKey, WALLET, { id: s.walletId })).wallet.planSubscription).toMatchObject({
      usedSeconds: 6,
      reservedSeconds: 0,
      remainingSeconds: 594,
    });
    await t.assertLedger();
  });

  it('never lets concurrent calls use more allowance than there is', async () => {
    const s = await setUp('100', { monthlyFee: '0', includedMinutes: 1, overagePerMinute: '0.6' }, { perMinute: '6', first: 1, next: 1 });
    const ids: string[] = [];
    for (let i = 0; i < 10; i++)
      ids.push((await t.ok(s.ownerKey, START_CALL, { input: { campaignId: s.campaignId, to: '+447700900123' } })).startCall.call.id);
    await talk(20);
    const ended = await Promise.all(ids.map((callId) => t.ok(s.ownerKey, END_CALL, { input: { callId } })));
    const billed = ended.reduce((sum, e) => sum + e.endCall.call.billedSeconds, 0);
    const cost = ended.reduce((sum, e) => sum + Math.round(Number(e.endCall.call.cost) * 1e6), 0);
    const subscription = (await t.ok(s.ownerKey, WALLET, { id: s.walletId })).wallet.planSubscription;
    expect(subscription).toMatchObject({ usedSeconds: 60, reservedSeconds: 0, remainingSeconds: 0 });
    // Every second beyond the 60 of allowance was paid at 0.60/min (0.01/s).
    expect(cost).toBe((billed - 60) * 10_000);
    await t.assertLedger();
  });

  it('charges the standard rate without a subscription', async () => {
    const s = await setUp('20', null);
    const { started, ended } = await call(s.ownerKey, s.campaignId, 61);
    expect(started.perMinute).toBe('1');
    expect(ended.cost).toBe('2');
  });
});

describe('subscription lifecycle', () => {
  it('renews on the anchor day with a new allowance, and lapses when the wallet cannot pay', async () => {
    const s = await setUp('25', { monthlyFee: '10', includedMinutes: 1, overagePerMinute: '0.5' });
    await call(s.ownerKey, s.campaignId, 30);
    let wallet = (await t.ok(s.ownerKey, WALLET, { id: s.walletId })).wallet;
    // Subscribed on Jan 31 (plus the calls' seconds): the period ends on Feb 28, the month's last day.
    expect(wallet.planSubscription.periodEnd.slice(0, 10)).toBe('2026-02-28');
    expect(wallet.planSubscription.usedSeconds).toBe(60);

    clock.advance(new Date(wallet.planSubscription.periodEnd).getTime() - clock.now() - 1);
    await t.app.lifecycle.runOnce();
    expect((await t.ok(s.ownerKey, WALLET, { id: s.walletId })).wallet.balance).toBe('15');
    clock.advance(1);
    await t.app.lifecycle.runOnce();
    wallet = (await t.ok(s.ownerKey, WALLET, { id: s.walletId })).wallet;
    expect(wallet).toMatchObject({ balance: '5', planSubscription: { status: 'ACTIVE', usedSeconds: 0, remainingSeconds: 60 } });
    expect(wallet.planSubscription.periodEnd.slice(0, 10)).toBe('2026-03-31');

    // 5 left, fee 10: the next renewal lapses the plan and calls go pay-as-you-go.
    clock.advance(new Date(wallet.planSubscription.periodEnd).getTime() - clock.now());
    await t.app.lifecycle.runOnce();
    wallet = (await t.ok(s.ownerKey, WALLET, { id: s.walletId })).wallet;
    expect(wallet).toMatchObject({ balance: '5', planSubscription: null });
    const { started } = await call(s.ownerKey, s.campaignId, 10);
    expect(started.perMinute).toBe('1');
    await t.assertLedger();
  });

  it('refuses what it must, each with its code', async () => {
    const s = await setUp('10', null);
    const planId = await plan({ monthlyFee: '10.000001', includedMinutes: 1 });
    const short = await t.graphql(s.ownerKey, SUBSCRIBE, { input: { walletId: s.walletId, planId } });
    expect(short.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_FUNDS');
    expect((await t.ok(s.ownerKey, WALLET, { id: s.walletId })).wallet).toMatchObject({ balance: '10', planSubscription: null });

    const exact = await plan({ monthlyFee: '10', includedMinutes: 1 });
    const subscribed = (await t.ok(s.ownerKey, SUBSCRIBE, { input: { walletId: s.walletId, planId: exact } })).subscribeToPlan.subscription;
    const again = await t.graphql(s.ownerKey, SUBSCRIBE, { input: { walletId: s.walletId, planId: exact } });
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');

    const manager = await t.createKey(s.accountId, 'CAMPAIGN_MANAGER');
    expect(
      (
        await t.graphql(manager.secret, `mutation($id: ID!) { cancelPlanSubscription(id: $id) { subscription { id } } }`, {
          id: subscribed.id,
        })
      ).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const other = await t.createAccount();
    expect(
      (
        await t.graphql(other.ownerKey, `mutation($id: ID!) { cancelPlanSubscription(id: $id) { subscription { id } } }`, {
          id: subscribed.id,
        })
      ).errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
    const canceled = await t.ok(s.ownerKey, `mutation($id: ID!) { cancelPlanSubscription(id: $id) { subscription { status } } }`, {
      id: subscribed.id,
    });
    expect(canceled.cancelPlanSubscription.subscription.status).toBe('CANCELED');
    expect(
      (await t.graphql(s.ownerKey, `mutation($id: ID!) { cancelPlanSubscription(id: $id) { subscription { id } } }`, { id: subscribed.id }))
        .errors?.[0]?.extensions?.code,
    ).toBe('INVALID_STATE');

    const gbp = (await t.ok(t.adminToken, CREATE_PLAN, { input: { name: 'UK', currency: 'GBP', monthlyFee: '1', includedMinutes: 1 } }))
      .createSubscriptionPlan.subscriptionPlan.id;
    const mismatch = await t.graphql(s.ownerKey, SUBSCRIBE, { input: { walletId: s.walletId, planId: gbp } });
    expect(mismatch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'planId' });

    expect(
      (await t.graphql(s.ownerKey, CREATE_PLAN, { input: { name: 'x', currency: 'USD', monthlyFee: '1', includedMinutes: 1 } })).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
    for (const [input, field] of [
      [{ monthlyFee: '1', includedMinutes: -1 }, 'includedMinutes'],
      [{ monthlyFee: '1', includedMinutes: 44_641 }, 'includedMinutes'],
      [{ monthlyFee: '-1', includedMinutes: 1 }, 'monthlyFee'],
      [{ monthlyFee: '1', includedMinutes: 1, overagePerMinute: '-0.000001' }, 'overagePerMinute'],
      [{ monthlyFee: '1', includedMinutes: 1, currency: 'XYZ' }, 'currency'],
    ] as const) {
      const response = await t.graphql(t.adminToken, CREATE_PLAN, { input: { name: 'Plan', currency: 'USD', ...input } });
      expect(response.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(
      (await t.ok(t.adminToken, CREATE_PLAN, { input: { name: 'Max', currency: 'USD', monthlyFee: '0', includedMinutes: 44_640 } }))
        .createSubscriptionPlan.subscriptionPlan.includedMinutes,
    ).toBe(44_640);
    await t.assertLedger();
  });
});
