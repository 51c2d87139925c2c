// Goal: the dashboard's burn-rate inputs are exact and live: the wallet's active calls and the sum of their per-minute prices, its debits of the last 5 minutes, and walletUpdated carries them as calls start and end. Method: the real server with the billing clock off; calls started and ended over HTTP; exact figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribe } from '../../support/subscriber.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false });
});
afterAll(async () => {
  await t?.close();
});

const BURN = `query($id: ID!) { wallet(id: $id) { available burn { activeCalls callsPerMinute recentSpend recentWindowSeconds } } }`;
const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { id status } } }`;
const END_CALL = `mutation($input: EndCallInput!) { endCall(input: $input) { call { id status cost } } }`;

describe('Wallet.burn', () => {
  it("sums the active calls' prices, counts recent debits, and follows calls live in walletUpdated", async () => {
    const { walletId, ownerKey } = await t.createAccount();
    await t.fund(walletId, '100');
    const ratePlanId = await t.createRatePlan([
      { prefix: '44', perMinute: '0.6', firstIncrementSeconds: 60, nextIncrementSeconds: 60 },
      { prefix: '1', perMinute: '0.0085', firstIncrementSeconds: 6, nextIncrementSeconds: 6 },
    ]);
    const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
    expect((await t.ok(ownerKey, BURN, { id: walletId })).wallet.burn).toEqual({
      activeCalls: 0,
      callsPerMinute: '0',
      recentSpend: '0',
      recentWindowSeconds: 300,
    });

    const updates = subscribe(
      t.url,
      ownerKey,
      `subscription($w: ID!) { walletUpdated(walletId: $w) { burn { activeCalls callsPerMinute } } }`,
      { w: walletId },
      (data) => data.walletUpdated.burn,
    );
    await updates.waitFor(1);
    const uk = (await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900001' } })).startCall.call;
    const us = (await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+14155550100' } })).startCall.call;
    expect([uk.status, us.status]).toEqual(['ACTIVE', 'ACTIVE']);
    const live = await t.ok(ownerKey, BURN, { id: walletId });
    expect(live.wallet.burn).toMatchObject({ activeCalls: 2, callsPerMinute: '0.6085', recentSpend: '0' });
    await expect.poll(() => updates.received.at(-1), { timeout: 5000 }).toEqual({ activeCalls: 2, callsPerMinute: '0.6085' });

    const ended = (await t.ok(ownerKey, END_CALL, { input: { callId: uk.id } })).endCall.call;
    expect(ended.cost).toBe('0.6');
    expect((await t.ok(ownerKey, BURN, { id: walletId })).wallet.burn).toMatchObject({
      activeCalls: 1,
      callsPerMinute: '0.0085',
      recentSpend: '0.6',
    });
    await expect.poll(() => updates.received.at(-1), { timeout: 5000 }).toEqual({ activeCalls: 1, callsPerMinute: '0.0085' });
    await updates.close();
    await t.ok(ownerKey, END_CALL, { input: { callId: us.id } });
    await t.assertLedger();
  });

  it("another tenant's wallet stays NOT_FOUND", async () => {
    const mine = await t.createAccount();
    const theirs = await t.createAccount();
    const response = await t.graphql(mine.ownerKey, BURN, { id: theirs.walletId });
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('Campaign.spendByMinute', () => {
  it('puts each posted debit in its minute, every minute present, refusing a window outside 1..1440', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    await t.fund(walletId, '50');
    const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '1', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
    const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
    const other = await t.runningCampaign(ownerKey, walletId, ratePlanId);
    const charge = `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }`;
    await t.ok(ownerKey, charge, { input: { walletId, amount: '1.25', description: 'a', campaignId } });
    await t.ok(ownerKey, charge, { input: { walletId, amount: '2', description: 'b', campaignId } });
    await t.ok(ownerKey, charge, { input: { walletId, amount: '9', description: 'other campaign', campaignId: other } });
    const SERIES = `query($id: ID!, $m: Int) { campaign(id: $id) { spendByMinute(minutes: $m) { minute spent } } }`;
    const series = (await t.ok(ownerKey, SERIES, { id: campaignId, m: 3 })).campaign.spendByMinute;
    expect(series).toHaveLength(3);
    const minutes = series.map((point: any) => new Date(point.minute).getTime());
    expect(minutes[1] - minutes[0]).toBe(60_000);
    expect(minutes[2] - minutes[1]).toBe(60_000);
    // Both charges fall in the current minute, or straddle into it from the one before.
    expect(series.reduce((sum: number, point: any) => sum + Number(point.spent), 0)).toBe(3.25);
    expect((await t.ok(ownerKey, SERIES, { id: campaignId, m: null })).campaign.spendByMinute).toHaveLength(60);
    expect((await t.ok(ownerKey, SERIES, { id: campaignId, m: 1440 })).campaign.spendByMinute).toHaveLength(1440);
    for (const m of [0, 1441]) {
      const bad = await t.graphql(ownerKey, SERIES, { id: campaignId, m });
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minutes' });
    }
  });
});
