// Goal: every alert kind is raised by its real cause, exactly once per cause: thresholds crossed by
// charges (even 100 concurrent ones judged by two server processes at once), hysteresis, stopped
// calls and budgets, suspension, the coming close, declined and automatic payments, and an unpaid
// number renewal. Method: the real server (and a second one on the same database), the Stripe
// sandbox, a ManualClock with the billing clock, lifecycle and payment jobs driven by hand, alerts
// read over GraphQL; the ledger invariants after every money scenario.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../../server/app.js';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { ALERTS_CONSUMER } from '../../../server/domain/alerts/raise-alerts.service.js';
import { runSql } from '../../support/sql.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { drainOutboxConsumer } from '../../support/waiting.js';
import { ADD_CARD, SET_AUTO_RECHARGE, settle, topUp } from '../payments/payments-support.js';
import { createNumberPlan, PURCHASE } from '../numbers/numbers-support.js';

const START_MS = Date.UTC(2026, 0, 31, 10, 0, 0);
const DAY_MS = 86_400_000;
const clock = new ManualClock(START_MS);
let t: TestApp;
let supportKey: string;

beforeAll(async () => {
  // Stopped calls are reported when their campaign has none left up; the time fallback (a real 5 s by
  // default) is tested on its own below, so it must not fire here on a slow machine.
  t = await startTestApp({ billingClockEnabled: false, callsStoppedSettleMs: 600_000 }, { clock });
  supportKey = (await t.createKey(null, 'SUPPORT')).secret;
});
afterAll(async () => {
  await t?.close();
});

const ALERTS = `query($accountId: ID, $kinds: [AlertKind!]) { alerts(accountId: $accountId, kinds: $kinds, first: 100) {
  edges { node { id position kind severity accountId walletId campaignId currency threshold balance amount callsStopped message raisedAt } } } }`;

/** Every alert of the account, oldest first, after the processor has judged everything committed. */
async function alertsOf(accountId: string): Promise<any[]> {
  await drainOutboxConsumer(
    (text, values) => runSql(t.app.orm.em.fork(), text, values),
    ALERTS_CONSUMER,
    () => t.app.alertProcessor.pass(),
  );
  const data = await t.ok(supportKey, ALERTS, { accountId });
  return data.alerts.edges.map((edge: any) => edge.node).reverse();
}

async function charge(token: string, walletId: string, amount: string) {
  return t.graphql(token, `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }`, {
    input: { walletId, amount, description: 'usage', idempotencyKey: randomUUID() },
  });
}

describe('balance thresholds', () => {
  it('raises LOW_BALANCE at 5, BALANCE_DEPLETED at 0 and BALANCE_RECOVERED after a top-up, with amounts and a message', async () => {
    const { accountId, walletId, ownerKey } = await t.createAccount('Thresholds', 'GBP');
    await t.fund(walletId, '12');
    await charge(ownerKey, walletId, '6.99'); // 5.01: not yet
    expect(await alertsOf(accountId)).toEqual([]);
    await charge(ownerKey, walletId, '0.01'); // exactly 5.00
    await charge(ownerKey, walletId, '5');
    await t.fund(walletId, '20');
    const alerts = await alertsOf(accountId);
    expect(alerts.map((a) => [a.kind, a.severity, a.threshold, a.balance])).toEqual([
      ['LOW_BALANCE', 'WARNING', '5', '5'],
      ['BALANCE_DEPLETED', 'CRITICAL', '0', '0'],
      ['BALANCE_RECOVERED', 'INFO', null, '20'],
    ]);
    expect(alerts[0]).toMatchObject({ accountId, walletId, currency: 'GBP' });
    expect(alerts[0].message).toBe(
      "The GBP wallet's balance is 5.00 GBP, at or below your low-balance threshold of 5.00 GBP. Top up to keep calls and messages going.",
    );
    // Positions are increasing and are the ids.
    expect(alerts.map((a) => BigInt(a.position))).toEqual([...alerts.map((a) => BigInt(a.position))].sort((a, b) => (a < b ? -1 : 1)));
    // Judging again raises nothing new.
    expect(await t.app.alertProcessor.pass()).toBe(0);
    expect(await alertsOf(accountId)).toHaveLength(3);
    await t.assertLedger();
  });

  it('fires once per threshold under 100 concurrent charges while two server processes judge at once', async () => {
    const second = await startApp({ config: t.config, databaseUrl: t.databaseUrl, platformAdminToken: t.adminToken, clock });
    try {
      const { accountId, walletId, ownerKey } = await t.createAccount();
      await t.fund(walletId, '10');
      let charging = true;
      const judging = (async () => {
        while (charging) await Promise.all([t.app.alertProcessor.pass(), second.alertProcessor.pass()]);
      })();
      const responses = await Promise.all(Array.from({ length: 100 }, () => charge(ownerKey, walletId, '0.1')));
      charging = false;
      await judging;
      expect(responses.filter((r) => !r.errors).length).toBe(100);
      const alerts = await alertsOf(accountId);
      expect(alerts.map((a) => a.kind)).toEqual(['LOW_BALANCE', 'BALANCE_DEPLETED']);
      expect(alerts[0].balance).toBe('5');
      await t.assertLedger();
    } finally {
      await second.close();
    }
  });

  it('does not re-fire while the balance hovers within the re-arm margin, and fires again once it climbed above', async () => {
    const { accountId, walletId, ownerKey } = await t.createAccount();
    await t.ok(ownerKey, `mutation($input: SetLowBalanceThresholdsInput!) { setLowBalanceThresholds(input: $input) { thresholds } }`, {
      input: { walletId, thresholds: ['5'] },
    });
    await t.fund(walletId, '20');
    await charge(ownerKey, walletId, '15.01'); // 4.99: fires
    await t.fund(walletId, '0.21'); // 5.20: above 5 but not above 5.50
    await charge(ownerKey, walletId, '0.3'); // 4.90: no second alert
    await t.fund(walletId, '0.6'); // 5.50: still not above the margin
    await charge(ownerKey, walletId, '0.1');
    expect((await alertsOf(accountId)).map((a) => a.balance)).toEqual(['4.99']);
    await t.fund(walletId, '1.2'); // 6.60: re-armed
    await charge(ownerKey, walletId, '1.8'); // 4.80: fires again
    expect((await alertsOf(accountId)).map((a) => [a.kind, a.balance])).toEqual([
      ['LOW_BALANCE', '4.99'],
      ['LOW_BALANCE', '4.8'],
    ]);
    await t.assertLedger();
  });
});

describe('calls, campaigns and the wallet lifecycle', () => {
  const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { id status } } }`;

  async function advance(totalMs: number) {
    for (let elapsed = 0; elapsed < totalMs; elapsed += 1_000) {
      clock.advance(1_000);
      await t.app.spend.billingClock.runDue();
    }
  }

  it('raises one CALLS_STOPPED with the count when the wallet runs dry, and BUDGET_REACHED once when a campaign hits its budget', async () => {
    const { accountId, walletId, ownerKey } = await t.createAccount();
    await t.ok(ownerKey, `mutation($input: SetLowBalanceThresholdsInput!) { setLowBalanceThresholds(input: $input) { thresholds } }`, {
      input: { walletId, thresholds: [] },
    });
    await t.fund(walletId, '1');
    const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '6', firstIncrementSeconds: 1, nextIncrementSeconds: 1 }]);
    const dry = await t.runningCampaign(ownerKey, walletId, ratePlanId);
    for (const to of ['+447700900001', '+447700900002', '+447700900003']) {
      expect((await t.ok(ownerKey, START_CALL, { input: { campaignId: dry, to } })).startCall.call.status).toBe('ACTIVE');
    }
    await advance(5_000); // 3 calls × 0.10/s: the 1.00 lasts ~3 s
    const stopped = (await alertsOf(accountId)).filter((a) => a.kind === 'CALLS_STOPPED');
    expect(stopped.map((a) => [a.campaignId, a.callsStopped, a.severity])).toEqual([[dry, 3, 'CRITICAL']]);
    expect(stopped[0].message).toBe('3 calls were stopped in campaign "Test campaign" because the wallet ran out of funds.');

    await t.fund(walletId, '10');
    const budgeted = await t.runningCampaign(ownerKey, walletId, ratePlanId, '0.5');
    await t.ok(ownerKey, START_CALL, { input: { campaignId: budgeted, to: '+447700900004' } });
    await advance(10_000);
    const alerts = await alertsOf(accountId);
    expect(
      alerts
        .filter((a) => a.campaignId === budgeted)
        .map((a) => [a.kind, a.callsStopped, a.amount])
        .sort(),
    ).toEqual([
      ['BUDGET_REACHED', null, '0.5'],
      ['CALLS_STOPPED', 1, null],
    ]);
    expect(alerts.find((a) => a.kind === 'BUDGET_REACHED').message).toContain('reached its budget of 0.50 USD');
    await t.assertLedger();
  });

  it('holds CALLS_STOPPED while the campaign still has a call up, then reports after callsStoppedSettleMs', async () => {
    // A process whose settle time is 0 reports a stop at once; this one (10 min) waits for the campaign.
    const eager = await startApp({
      config: { ...t.config, callsStoppedSettleMs: 0, alertsEnabled: false },
      databaseUrl: t.databaseUrl,
      platformAdminToken: t.adminToken,
      clock,
    });
    try {
      const { accountId, walletId, ownerKey } = await t.createAccount();
      await t.ok(ownerKey, `mutation($input: SetLowBalanceThresholdsInput!) { setLowBalanceThresholds(input: $input) { thresholds } }`, {
        input: { walletId, thresholds: [] },
      });
      await t.fund(walletId, '1.1');
      // +44 calls are billed by the minute (funded 60 s ahead), the rest by the second.
      const ratePlanId = await t.createRatePlan([
        { prefix: '44', perMinute: '0.6', firstIncrementSeconds: 60, nextIncrementSeconds: 60 },
        { prefix: '', perMinute: '6', firstIncrementSeconds: 1, nextIncrementSeconds: 1 },
      ]);
      const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
      expect((await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900010' } })).startCall.call.status).toBe('ACTIVE');
      expect((await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+15550100' } })).startCall.call.status).toBe('ACTIVE');
      await advance(8_000); // the per-second call runs out of the remaining 0.50 after 5 s; the per-minute one is funded to 60 s
      expect((await alertsOf(accountId)).filter((a) => a.kind === 'CALLS_STOPPED')).toEqual([]);
      await eager.alertProcessor.pass();
      expect((await alertsOf(accountId)).filter((a) => a.kind === 'CALLS_STOPPED').map((a) => a.callsStopped)).toEqual([1]);
      await advance(60_000); // the per-minute call cannot extend at 60 s and stops too: a second report
      expect((await alertsOf(accountId)).filter((a) => a.kind === 'CALLS_STOPPED').map((a) => a.callsStopped)).toEqual([1, 1]);
      await t.assertLedger();
    } finally {
      await eager.close();
    }
  });

  it('raises WALLET_SUSPENDED once per suspension, then ACCOUNT_CLOSING 7 days and 1 day before the 30-day close', async () => {
    const { accountId, walletId, ownerKey } = await t.createAccount();
    await t.fund(walletId, '1');
    await charge(ownerKey, walletId, '1');
    await t.app.lifecycle.runOnce();
    await t.app.lifecycle.runOnce();
    expect((await alertsOf(accountId)).map((a) => a.kind)).toEqual(['BALANCE_DEPLETED', 'WALLET_SUSPENDED']);

    clock.advance(23 * DAY_MS - 1);
    await t.app.lifecycle.runOnce();
    expect((await alertsOf(accountId)).map((a) => a.kind)).not.toContain('ACCOUNT_CLOSING');
    clock.advance(1);
    await t.app.lifecycle.runOnce();
    await t.app.lifecycle.runOnce();
    clock.advance(5 * DAY_MS);
    await t.app.lifecycle.runOnce();
    clock.advance(DAY_MS);
    await t.app.lifecycle.runOnce();
    await t.app.lifecycle.runOnce();
    const closing = (await alertsOf(accountId)).filter((a) => a.kind === 'ACCOUNT_CLOSING');
    expect(closing).toHaveLength(2);
    expect(closing[0].message).toMatch(/^The account will be closed on \d{4}-\d{2}-\d{2} \(within 7 days\)/);
    expect(closing[1].message).toContain('(within 1 day)');
    expect(closing.every((a) => a.severity === 'CRITICAL' && a.walletId === walletId)).toBe(true);
    await t.assertLedger();
  });

  it('raises NUMBER_RENEWAL_FAILED when a monthly renewal cannot be paid', async () => {
    const { accountId, walletId, ownerKey } = await t.createAccount();
    // 0.50 left after the purchase: not suspended, so a renewal it cannot pay enters grace (a suspended wallet's is kept, owed).
    await t.fund(walletId, '3.5');
    const ratePlanId = await createNumberPlan(t, [{ prefix: '44', numberPurchase: '1', numberMonthly: '2' }]);
    const purchased = (await t.ok(ownerKey, PURCHASE, { input: { walletId, ratePlanId, number: '+447700900555' } })).purchaseNumber
      .phoneNumber;
    clock.advance(Date.parse(purchased.renewsAt) - clock.now());
    await t.app.lifecycle.runOnce();
    await t.app.lifecycle.runOnce();
    const renewal = (await alertsOf(accountId)).filter((a) => a.kind === 'NUMBER_RENEWAL_FAILED');
    expect(renewal.map((a) => [a.amount, a.severity])).toEqual([['2', 'WARNING']]);
    expect(renewal[0].message).toMatch(
      /^The monthly renewal of \+447700900555 \(2\.00 USD\) could not be paid\. The number is kept until \d{4}-\d{2}-\d{2}/,
    );
    await t.assertLedger();
  });
});

describe('payments', () => {
  it('raises PAYMENT_FAILED for a declined top-up, with its amount and reason', async () => {
    const { accountId, walletId, ownerKey } = await t.createAccount();
    const declined = await topUp(t, ownerKey, { walletId, amount: '25', paymentMethodId: 'pm_card_chargeDeclinedInsufficientFunds' });
    expect(declined.status).toBe('FAILED');
    await settle(t);
    const alerts = await alertsOf(accountId);
    expect(alerts.map((a) => [a.kind, a.amount, a.currency])).toEqual([['PAYMENT_FAILED', '25', 'USD']]);
    expect(alerts[0].message).toContain('A top-up of 25.00 USD failed.');
    expect(alerts[0].message).toContain('Insufficient funds');
  });

  it('raises AUTO_RECHARGE_FAILED and AUTO_RECHARGE_PAUSED when the bank wants the customer present', async () => {
    const account = await t.createAccount();
    const pending = (
      await t.ok(account.ownerKey, ADD_CARD, { input: { paymentMethodId: 'pm_card_authenticationRequired', makeDefault: false } })
    ).addPaymentMethod;
    await t.app.stripeSandbox!.authenticate(pending.setupIntentId, 'succeed');
    await settle(t);
    await t.fund(account.walletId, '30');
    await t.ok(account.ownerKey, SET_AUTO_RECHARGE, {
      input: { walletId: account.walletId, enabled: true, threshold: '20', target: '50' },
    });
    await charge(account.ownerKey, account.walletId, '15');
    await settle(t);
    await settle(t);
    const alerts = (await alertsOf(account.accountId)).filter((a) => a.kind.startsWith('AUTO_RECHARGE'));
    expect(alerts.map((a) => [a.kind, a.severity, a.amount])).toEqual([
      ['AUTO_RECHARGE_FAILED', 'WARNING', '35'],
      ['AUTO_RECHARGE_PAUSED', 'CRITICAL', '35'],
    ]);
    await t.assertLedger();
  });
});
