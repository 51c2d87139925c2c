// Goal: an account's lifecycle: a wallet that ran out is SUSPENDED (no new calls; numbers kept), funding
// reactivates it, and an account left unfunded for 30 days is CLOSED. Method: the real server on the
// injected clock, the lifecycle jobs run by hand, state read through the API.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../server/domain/calls/clock.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
const clock = new ManualClock();
const DAY_MS = 86_400_000;
beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false }, { clock });
});
afterAll(async () => {
  await t?.close();
});

const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { id status endReason } } }`;
const STATE = `query($account: ID!, $wallet: ID!) { account(id: $account) { status closedAt } wallet(id: $wallet) { status suspendedAt available } }`;

async function drain(ownerKey: string, walletId: string, amount: string) {
  await t.ok(ownerKey, `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }`, { input: { walletId, amount } });
}

it('suspends a wallet that ran out, refuses calls with WALLET_SUSPENDED, and reactivates it when funded', async () => {
  const { accountId, walletId, ownerKey } = await t.createAccount();
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 1, nextIncrementSeconds: 1 }]);

  // A never-funded wallet never "reached" zero: it stays ACTIVE.
  await t.app.lifecycle.runOnce();
  expect((await t.ok(ownerKey, STATE, { account: accountId, wallet: walletId })).wallet.status).toBe('ACTIVE');

  await t.fund(walletId, '1');
  await drain(ownerKey, walletId, '1');
  await t.app.lifecycle.runOnce();
  const suspended = await t.ok(ownerKey, STATE, { account: accountId, wallet: walletId });
  expect(suspended.wallet.status).toBe('SUSPENDED');
  expect(new Date(suspended.wallet.suspendedAt).getTime()).toBe(clock.now());

  const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
  const refused = (await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900001' } })).startCall.call;
  expect([refused.status, refused.endReason]).toEqual(['REFUSED', 'WALLET_SUSPENDED']);

  // Funding lets it dial at once (before the job flips the state) and the job reactivates it.
  await t.fund(walletId, '1');
  await t.ok(ownerKey, `mutation($id: ID!) { startCampaign(id: $id) { campaign { id } } }`, { id: campaignId });
  const placed = (await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900002' } })).startCall.call;
  expect(placed.status).toBe('ACTIVE');
  await t.app.lifecycle.runOnce();
  expect((await t.ok(ownerKey, STATE, { account: accountId, wallet: walletId })).wallet).toMatchObject({
    status: 'ACTIVE',
    suspendedAt: null,
  });
  await t.ok(ownerKey, `mutation($input: EndCallInput!) { endCall(input: $input) { call { id } } }`, { input: { callId: placed.id } });

  // A wallet whose last money is held by a call in flight is not suspended: nothing is available, but it is not spent yet.
  const { available } = (await t.ok(ownerKey, STATE, { account: accountId, wallet: walletId })).wallet;
  await drain(ownerKey, walletId, (Number(available) - 0.01).toFixed(6));
  const last = (await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900003' } })).startCall.call;
  expect(last.status).toBe('ACTIVE');
  expect((await t.ok(ownerKey, STATE, { account: accountId, wallet: walletId })).wallet.available).toBe('0');
  await t.app.lifecycle.runOnce();
  expect((await t.ok(ownerKey, STATE, { account: accountId, wallet: walletId })).wallet.status).toBe('ACTIVE');
  await t.ok(ownerKey, `mutation($input: EndCallInput!) { endCall(input: $input) { call { id } } }`, { input: { callId: last.id } });
  await t.app.lifecycle.runOnce();
  expect((await t.ok(ownerKey, STATE, { account: accountId, wallet: walletId })).wallet.status).toBe('SUSPENDED');
  await t.assertLedger();
});

it('closes an account whose wallet stayed suspended for 30 days, not a day earlier, releases its numbers, and keeps it closed when funded', async () => {
  const { accountId, walletId, ownerKey } = await t.createAccount();
  const ratePlanId = await t.createRatePlan([
    { prefix: '44', perMinute: '0.6', firstIncrementSeconds: 1, nextIncrementSeconds: 1, numberPurchase: '1', numberMonthly: '0.5' },
  ]);
  await t.fund(walletId, '3.5');
  const number = (
    await t.ok(ownerKey, `mutation($input: PurchaseNumberInput!) { purchaseNumber(input: $input) { phoneNumber { id status } } }`, {
      input: { walletId, ratePlanId, number: '+442071234567' },
    })
  ).purchaseNumber.phoneNumber;
  expect(number.status).toBe('ACTIVE');
  await drain(ownerKey, walletId, '2');
  await t.app.lifecycle.runOnce();
  expect((await t.ok(ownerKey, STATE, { account: accountId, wallet: walletId })).wallet.status).toBe('SUSPENDED');

  clock.advance(30 * DAY_MS - 1);
  await t.app.lifecycle.runOnce();
  expect((await t.ok(ownerKey, STATE, { account: accountId, wallet: walletId })).account.status).toBe('ACTIVE');

  clock.advance(1);
  await t.app.lifecycle.runOnce();
  const closed = await t.ok(ownerKey, STATE, { account: accountId, wallet: walletId });
  expect(closed.account.status).toBe('CLOSED');
  expect(new Date(closed.account.closedAt).getTime()).toBe(clock.now());
  // A closed account's numbers go back to the pool (the number's renewal, due meanwhile, had put it in grace).
  const released = (await t.ok(ownerKey, `query($id: ID!) { phoneNumber(id: $id) { status releaseReason } }`, { id: number.id }))
    .phoneNumber;
  expect(released).toEqual({ status: 'RELEASED', releaseReason: 'ACCOUNT_CLOSED' });

  // Money arriving after the close does not reopen it: no new calls.
  await t.fund(walletId, '5');
  await t.app.lifecycle.runOnce();
  expect((await t.ok(ownerKey, STATE, { account: accountId, wallet: walletId })).wallet.status).toBe('SUSPENDED');
  await t.assertLedger();
});

it('does not close an account that was funded within the 30 days', async () => {
  const { accountId, walletId, ownerKey } = await t.createAccount();
  await t.fund(walletId, '1');
  await drain(ownerKey, walletId, '1');
  await t.app.lifecycle.runOnce();
  clock.advance(20 * DAY_MS);
  await t.fund(walletId, '1');
  await t.app.lifecycle.runOnce();
  clock.advance(20 * DAY_MS);
  await t.app.lifecycle.runOnce();
  const state = await t.ok(ownerKey, STATE, { account: accountId, wallet: walletId });
  expect(state.account.status).toBe('ACTIVE');
  expect(state.wallet.status).toBe('ACTIVE');
});
