// Goal: the one burn definition through the API: null with nothing running; the active calls' prices when calls start; messages are usage; a $47 charge, a $47 number purchase and a $47 adjustment move the balance and the time to empty but never the rate; a paused campaign projects nothing; walletUpdated carries the burn live. Method: the real server on the real clock with the billing clock off; calls, messages and one-offs over HTTP; exact figures recomputed independently.
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

const BURN = `query($id: ID!) { wallet(id: $id) { available burn { ratePerMinute timeToEmptySeconds activeCalls meteredPerMinute windowUsage windowSeconds coveredSeconds planFeesPerMinute } } }`;
const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { id status } } }`;
const END_CALL = `mutation($input: EndCallInput!) { endCall(input: $input) { call { id status cost } } }`;
const CHARGE = `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }`;
const ADJUST = `mutation($input: AdjustWalletInput!) { adjustWallet(input: $input) { transaction { id } } }`;
const PURCHASE = `mutation($input: PurchaseNumberInput!) { purchaseNumber(input: $input) { phoneNumber { id } } }`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { messages { price } } }`;
const PROJECTION = `query($id: ID!) { campaign(id: $id) { status spendPerMinute projection { ratePerMinute walletRunsDryInSeconds endsBy } } }`;

const micros = (money: string) => {
  const [whole, fraction = ''] = money.split('.');
  return BigInt(whole!) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
};

/** Seconds until `available` is used up at `rate` (both Money), rounded down: the server's rule, independently. */
const secondsToEmpty = (available: string, rate: string) => Number((micros(available) * 60n) / micros(rate));

describe('Wallet.burn', () => {
  it("is null with nothing running, the active calls' prices as calls start, and never moved by a $47 charge, number purchase or adjustment", async () => {
    const { walletId, ownerKey } = await t.createAccount();
    await t.fund(walletId, '500');
    const ratePlanId = await t.createRatePlan([
      { prefix: '44', perMinute: '0.6', firstIncrementSeconds: 60, nextIncrementSeconds: 60, smsPerSegment: '0.05' },
      { prefix: '1', perMinute: '0.0085', firstIncrementSeconds: 6, nextIncrementSeconds: 6, numberPurchase: '46', numberMonthly: '1' },
    ]);
    const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
    const idle = {
      ratePerMinute: null,
      timeToEmptySeconds: null,
      activeCalls: 0,
      meteredPerMinute: '0',
      windowUsage: '0',
      windowSeconds: 300,
      coveredSeconds: 300,
      planFeesPerMinute: '0',
    };
    expect((await t.ok(ownerKey, BURN, { id: walletId })).wallet.burn).toEqual(idle);
    // A running campaign with nothing going on projects nothing either.
    expect((await t.ok(ownerKey, PROJECTION, { id: campaignId })).campaign).toMatchObject({ spendPerMinute: '0', projection: null });

    // One-off debits while nothing runs: the balance falls by $47 three times, the burn stays "nothing running".
    await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '47', description: 'Setup fee', campaignId } });
    await t.ok(ownerKey, PURCHASE, { input: { walletId, ratePlanId, number: '+14155550147' } });
    await t.ok(t.adminToken, ADJUST, { input: { walletId, amount: '-47', reason: 'Correction' } });
    const afterOneOffs = (await t.ok(ownerKey, BURN, { id: walletId })).wallet;
    expect(afterOneOffs.available).toBe('359');
    expect(afterOneOffs.burn).toEqual(idle);

    const updates = subscribe(
      t.url,
      ownerKey,
      `subscription($w: ID!) { walletUpdated(walletId: $w) { burn { activeCalls ratePerMinute } } }`,
      { w: walletId },
      (data) => data.walletUpdated.burn,
    );
    await updates.waitFor(1);
    const uk = (await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900001' } })).startCall.call;
    const us = (await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+14155550100' } })).startCall.call;
    expect([uk.status, us.status]).toEqual(['ACTIVE', 'ACTIVE']);
    // Seconds into the calls, the window holds only what they accrued so far (well under a minute's
    // worth), so the rate is the active calls' prices.
    const live = (await t.ok(ownerKey, BURN, { id: walletId })).wallet;
    expect(live.burn).toMatchObject({ activeCalls: 2, meteredPerMinute: '0.6085', ratePerMinute: '0.6085', coveredSeconds: 60 });
    expect(live.burn.timeToEmptySeconds).toBe(secondsToEmpty(live.available, '0.6085'));
    await expect.poll(() => updates.received.at(-1), { timeout: 5000 }).toEqual({ activeCalls: 2, ratePerMinute: '0.6085' });
    // The campaign's own rate, and its wallet-dry figure is the wallet's time to empty.
    const running = (await t.ok(ownerKey, PROJECTION, { id: campaignId })).campaign;
    expect(running).toMatchObject({ spendPerMinute: '0.6085', projection: { ratePerMinute: '0.6085', endsBy: 'WALLET' } });

    // The $47 charge while calls run: the balance (and so the time to empty) drops, the rate does not move.
    await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '47', description: 'Another one-off', campaignId } });
    const charged = (await t.ok(ownerKey, BURN, { id: walletId })).wallet;
    expect(charged.burn.ratePerMinute).toBe('0.6085');
    expect(micros(live.available) - micros(charged.available)).toBe(47_000_000n);
    expect(charged.burn.timeToEmptySeconds).toBe(secondsToEmpty(charged.available, '0.6085'));
    expect(micros(charged.burn.windowUsage) < 1_000_000n).toBe(true);

    // A message is usage: its price joins the window at once.
    const texted = (
      await t.ok(ownerKey, SEND, { input: { walletId, campaignId, from: '+15550100002', to: ['+447700900002'], body: 'Hi' } })
    ).sendMessage.messages;
    expect(texted).toEqual([{ price: '0.05' }]);
    const withText = (await t.ok(ownerKey, BURN, { id: walletId })).wallet.burn;
    expect(micros(withText.windowUsage) - micros(charged.burn.windowUsage) >= 50_000n).toBe(true);

    // Paused: the campaign projects nothing, while its calls still burn the wallet.
    await t.ok(ownerKey, `mutation($id: ID!) { pauseCampaign(id: $id) { campaign { id } } }`, { id: campaignId });
    expect((await t.ok(ownerKey, PROJECTION, { id: campaignId })).campaign).toMatchObject({ status: 'PAUSED', projection: null });
    expect((await t.ok(ownerKey, BURN, { id: walletId })).wallet.burn.activeCalls).toBe(2);

    const ended = (await t.ok(ownerKey, END_CALL, { input: { callId: uk.id } })).endCall.call;
    expect(ended.cost).toBe('0.6');
    await expect.poll(() => updates.received.at(-1), { timeout: 5000 }).toMatchObject({ activeCalls: 1 });
    await updates.close();
    await t.ok(ownerKey, END_CALL, { input: { callId: us.id } });
    // Nothing active, but the window still holds what ran: its usage over the minute it covers.
    const after = (await t.ok(ownerKey, BURN, { id: walletId })).wallet.burn;
    expect(after).toMatchObject({ activeCalls: 0, meteredPerMinute: '0', coveredSeconds: 60 });
    expect(micros(after.windowUsage) >= 650_000n).toBe(true);
    expect(after.ratePerMinute).toBe(after.windowUsage);
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
