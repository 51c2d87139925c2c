// Goal: saved cards behave as customers are promised (save or not at checkout, add with 3-D Secure, default pre-selected, remove for good), and automatic funding keeps its rails: ONE recharge to the target under a burst of concurrent charges, a cooldown, daily caps, a pause after repeated failures or when the bank wants 3-D Secure, an event on every failure, and the monthly recharge once a month on its day. Method: the real server and Stripe sandbox on a ManualClock; payment jobs driven by hand; exact figures over HTTP; the ledger invariants after every money scenario.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import {
  ADD_CARD,
  CARDS,
  CHARGE,
  expectError,
  paymentEvents,
  SET_AUTO_RECHARGE,
  SET_MONTHLY_RECHARGE,
  settle,
  sql,
  topUp,
  walletView,
} from './payments-support.js';

const START_MS = Date.UTC(2026, 4, 14, 9, 0, 0);
const MINUTE_MS = 60_000;
const clock = new ManualClock(START_MS);
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false, autoRechargesPerDayMax: 2, autoRechargeCooldownMs: 10 * MINUTE_MS }, { clock });
});
afterAll(async () => {
  await t?.close();
});

const SET_DEFAULT = `mutation($id: ID!) { setDefaultPaymentMethod(id: $id) { paymentMethod { id isDefault } } }`;
const REMOVE = `mutation($id: ID!) { removePaymentMethod(id: $id) { paymentMethod { id isDefault } } }`;

async function cards(token: string): Promise<any[]> {
  return (await t.ok(token, CARDS, {})).paymentMethods;
}

async function addCard(token: string, paymentMethodId: string, makeDefault = false): Promise<any> {
  return (await t.ok(token, ADD_CARD, { input: { paymentMethodId, makeDefault } })).addPaymentMethod;
}

async function autoTopUps(walletId: string): Promise<any[]> {
  return sql(
    t,
    `select status, amount_micros::text as amount, origin, failure_code from top_up where wallet_id = $1 and origin <> 'MANUAL' order by created_at, id`,
    [walletId],
  );
}

async function charge(token: string, walletId: string, amount: string): Promise<void> {
  await t.ok(token, CHARGE, { input: { walletId, amount, description: 'usage', idempotencyKey: randomUUID() } });
}

describe('saved cards', () => {
  it('a card is saved only when asked at checkout; the first saved becomes the default', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    await topUp(t, ownerKey, { walletId, amount: '10', paymentMethodId: 'pm_card_visa' });
    await settle(t);
    expect(await cards(ownerKey)).toEqual([]);
    const saved = await topUp(t, ownerKey, { walletId, amount: '10', paymentMethodId: 'pm_card_mastercard', savePaymentMethod: true });
    await settle(t);
    const list = await cards(ownerKey);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ brand: 'mastercard', last4: '4444', isDefault: true });
    expect(list[0].id).toMatch(/^pm_/);
    expect(list[0].id).not.toBe('pm_card_mastercard');
    // The next top-up without a card uses the default one, pre-selected.
    const again = await topUp(t, ownerKey, { walletId, amount: '10' });
    expect(again).toMatchObject({ status: 'PROCESSING', cardBrand: 'mastercard', cardLast4: '4444' });
    await settle(t);
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('30');
    expect(saved.status).toBe('PROCESSING');
    await t.assertLedger();
  });

  it('adds cards through a SetupIntent, switches the default, removes one for good', async () => {
    const { ownerKey, walletId } = await t.createAccount();
    const visa = await addCard(ownerKey, 'pm_card_visa');
    expect(visa).toMatchObject({ status: 'SUCCEEDED', paymentMethod: { brand: 'visa', last4: '4242', isDefault: true } });
    const amex = await addCard(ownerKey, 'pm_card_amex');
    expect(amex.paymentMethod.isDefault).toBe(false);
    await t.ok(ownerKey, SET_DEFAULT, { id: amex.paymentMethod.id });
    expect((await cards(ownerKey)).map((card) => [card.brand, card.isDefault])).toEqual([
      ['amex', true],
      ['visa', false],
    ]);
    const customer = (
      await sql(t, 'select stripe_customer_id from account a join wallet w on w.account_id = a.id where w.id = $1', [walletId])
    )[0].stripe_customer_id;
    const stripe = t.app.payments.deps.stripe;
    expect((await stripe.customers.retrieve(customer)) as any).toMatchObject({
      invoice_settings: { default_payment_method: amex.paymentMethod.id },
    });

    await t.ok(ownerKey, REMOVE, { id: amex.paymentMethod.id });
    expect((await cards(ownerKey)).map((card) => card.brand)).toEqual(['visa']);
    const attached = await stripe.paymentMethods.list({ customer, type: 'card' });
    expect(attached.data.map((pm) => pm.id)).toEqual([visa.paymentMethod.id]);
    // A removed card cannot pay any more.
    expectError(
      await t.graphql(ownerKey, `mutation($input: TopUpInput!) { topUp(input: $input) { topUp { id } } }`, {
        input: { walletId, amount: '10', paymentMethodId: amex.paymentMethod.id },
      }),
      'BAD_USER_INPUT',
      'paymentMethodId',
    );
  });

  it('a card whose bank wants 3-D Secure at setup is saved once authenticated (setup_intent.succeeded)', async () => {
    const { ownerKey } = await t.createAccount();
    const pending = await addCard(ownerKey, 'pm_card_authenticationRequiredOnSetup');
    expect(pending).toMatchObject({ status: 'REQUIRES_ACTION', paymentMethod: null });
    expect(pending.clientSecret).toMatch(/^seti_/);
    await t.app.stripeSandbox!.authenticate(pending.setupIntentId, 'succeed');
    await settle(t);
    expect(await cards(ownerKey)).toMatchObject([{ last4: expect.any(String), isDefault: true }]);
  });

  it('refuses another tenant, a wrong role, a declined card and the per-account limit', async () => {
    const mine = await t.createAccount();
    const theirs = await t.createAccount();
    const card = await addCard(theirs.ownerKey, 'pm_card_visa');
    expectError(await t.graphql(mine.ownerKey, SET_DEFAULT, { id: card.paymentMethod.id }), 'NOT_FOUND');
    expectError(await t.graphql(mine.ownerKey, REMOVE, { id: card.paymentMethod.id }), 'NOT_FOUND');
    expectError(await t.graphql(mine.ownerKey, CARDS, { accountId: theirs.accountId }), 'NOT_FOUND');
    expectError(
      await t.graphql(mine.ownerKey, `mutation($input: TopUpInput!) { topUp(input: $input) { topUp { id } } }`, {
        input: { walletId: mine.walletId, amount: '10', paymentMethodId: card.paymentMethod.id },
      }),
      'BAD_USER_INPUT',
      'paymentMethodId',
    );
    const integrator = await t.createKey(mine.accountId, 'INTEGRATOR');
    expectError(await t.graphql(integrator.secret, ADD_CARD, { input: { paymentMethodId: 'pm_card_visa' } }), 'FORBIDDEN');
    const declined = await addCard(mine.ownerKey, 'pm_card_chargeDeclined');
    expect(declined.status).toBe('FAILED');
    expect(declined.failureReason).toContain('declined');
    expect(await cards(mine.ownerKey)).toEqual([]);

    const limited = await startTestApp({ billingClockEnabled: false, savedCardsPerAccountMax: 2 });
    try {
      const { ownerKey } = await limited.createAccount();
      for (const pm of ['pm_card_visa', 'pm_card_mastercard']) await limited.ok(ownerKey, ADD_CARD, { input: { paymentMethodId: pm } });
      const third = await limited.graphql(ownerKey, ADD_CARD, { input: { paymentMethodId: 'pm_card_amex' } });
      expectError(third, 'LIMIT_EXCEEDED');
      expect(third.errors![0]!.extensions).toMatchObject({ limit: 'savedCardsPerAccountMax', max: 2 });
    } finally {
      await limited.close();
    }
  });
});

describe('auto-recharge', () => {
  async function armed(card = 'pm_card_visa', balance = '30'): Promise<{ walletId: string; ownerKey: string }> {
    const account = await t.createAccount();
    await addCard(account.ownerKey, card);
    if (balance !== '0') await t.fund(account.walletId, balance);
    await t.ok(account.ownerKey, SET_AUTO_RECHARGE, {
      input: { walletId: account.walletId, enabled: true, threshold: '20', target: '50' },
    });
    return account;
  }

  it('needs a default card and a target at least the minimum above the threshold', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    expectError(
      await t.graphql(ownerKey, SET_AUTO_RECHARGE, { input: { walletId, enabled: true, threshold: '20', target: '50' } }),
      'INVALID_STATE',
    );
    await addCard(ownerKey, 'pm_card_visa');
    expectError(
      await t.graphql(ownerKey, SET_AUTO_RECHARGE, { input: { walletId, enabled: true, threshold: '20', target: '29.99' } }),
      'BAD_USER_INPUT',
      'target',
    );
    expectError(
      await t.graphql(ownerKey, SET_AUTO_RECHARGE, { input: { walletId, enabled: true, threshold: '-1', target: '50' } }),
      'BAD_USER_INPUT',
      'threshold',
    );
    const ok = await t.ok(ownerKey, SET_AUTO_RECHARGE, { input: { walletId, enabled: true, threshold: '20', target: '30' } });
    expect(ok.setAutoRecharge.autoRecharge).toMatchObject({ enabled: true, threshold: '20', target: '30', pausedAt: null });
    const manager = await t.createKey(
      (await sql(t, 'select account_id from wallet where id = $1', [walletId]))[0].account_id,
      'CAMPAIGN_MANAGER',
    );
    expectError(
      await t.graphql(manager.secret, SET_AUTO_RECHARGE, { input: { walletId, enabled: false, threshold: '20', target: '30' } }),
      'FORBIDDEN',
    );
  });

  it('fires ONE recharge to the target under a burst of 40 concurrent charges, even with passes racing', async () => {
    const { walletId, ownerKey } = await armed();
    // 30 available; 40 charges of 0.35 = 14 → 16 available, below the threshold of 20.
    await Promise.all(Array.from({ length: 40 }, () => charge(ownerKey, walletId, '0.35')));
    await Promise.all(Array.from({ length: 5 }, () => t.app.paymentJobs.runOnce()));
    const started = await autoTopUps(walletId);
    // One payment bringing 16 back to 50: 34, in whole units.
    expect(started).toEqual([{ status: 'PROCESSING', amount: '34000000', origin: 'AUTO_RECHARGE', failure_code: null }]);
    await settle(t);
    const wallet = await walletView(t, ownerKey, walletId);
    expect(wallet.balance).toBe('50');
    expect(wallet.transactions.filter((tx: any) => tx.kind === 'TOP_UP')).toHaveLength(1);
    await t.assertLedger();
  });

  it('waits out the cooldown, then respects the daily cap, and counts again the next day', async () => {
    const { walletId, ownerKey } = await armed();
    await charge(ownerKey, walletId, '15');
    await settle(t);
    expect(await autoTopUps(walletId)).toHaveLength(1);
    await settle(t);
    await charge(ownerKey, walletId, '35');
    await t.app.paymentJobs.runOnce();
    expect(await autoTopUps(walletId)).toHaveLength(1);
    clock.advance(10 * MINUTE_MS - 1);
    await t.app.paymentJobs.runOnce();
    expect(await autoTopUps(walletId)).toHaveLength(1);
    clock.advance(1);
    await settle(t);
    await settle(t);
    expect(await autoTopUps(walletId)).toHaveLength(2);
    // The cap of 2 a day: a third, past the cooldown, waits for tomorrow.
    await charge(ownerKey, walletId, '35');
    clock.advance(10 * MINUTE_MS);
    await settle(t);
    expect(await autoTopUps(walletId)).toHaveLength(2);
    clock.advance(24 * 60 * MINUTE_MS);
    await settle(t);
    await settle(t);
    expect(await autoTopUps(walletId)).toHaveLength(3);
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('50');
    await t.assertLedger();
  });

  it('pauses after 3 failed recharges, with an event for each failure and one for the pause', async () => {
    const { walletId, ownerKey } = await armed('pm_card_chargeCustomerFail', '30');
    await charge(ownerKey, walletId, '15');
    for (let attempt = 1; attempt <= 3; attempt++) {
      await settle(t);
      await settle(t);
      expect(await autoTopUps(walletId)).toHaveLength(attempt);
      clock.advance(10 * MINUTE_MS);
    }
    expect((await autoTopUps(walletId)).every((topUp) => topUp.status === 'FAILED')).toBe(true);
    const settings = (
      await t.ok(ownerKey, `query($id: ID!) { wallet(id: $id) { autoRecharge { consecutiveFailures pausedReason pausedAt } } }`, {
        id: walletId,
      })
    ).wallet.autoRecharge;
    expect(settings).toMatchObject({ consecutiveFailures: 3, pausedReason: 'REPEATED_FAILURES' });
    expect(await paymentEvents(t, walletId)).toEqual([
      'AUTO_RECHARGE_FAILED',
      'AUTO_RECHARGE_FAILED',
      'AUTO_RECHARGE_FAILED',
      'AUTO_RECHARGE_PAUSED',
    ]);
    await settle(t);
    expect(await autoTopUps(walletId)).toHaveLength(3);
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('15');
    // Enabling again resumes it.
    await t.ok(ownerKey, SET_AUTO_RECHARGE, { input: { walletId, enabled: true, threshold: '20', target: '50' } });
    await settle(t);
    expect(await autoTopUps(walletId)).toHaveLength(4);
    await t.assertLedger();
  });

  it('pauses at once when the bank wants the customer present (3-D Secure off-session)', async () => {
    const account = await t.createAccount();
    const pending = await addCard(account.ownerKey, 'pm_card_authenticationRequired');
    expect(pending.status).toBe('REQUIRES_ACTION');
    await t.app.stripeSandbox!.authenticate(pending.setupIntentId, 'succeed');
    await settle(t);
    await t.fund(account.walletId, '30');
    await t.ok(account.ownerKey, SET_AUTO_RECHARGE, {
      input: { walletId: account.walletId, enabled: true, threshold: '20', target: '50' },
    });
    await charge(account.ownerKey, account.walletId, '15');
    await settle(t);
    await settle(t);
    expect(await autoTopUps(account.walletId)).toEqual([
      { status: 'FAILED', amount: '35000000', origin: 'AUTO_RECHARGE', failure_code: 'authentication_required' },
    ]);
    const settings = (
      await t.ok(account.ownerKey, `query($id: ID!) { wallet(id: $id) { autoRecharge { pausedReason } } }`, { id: account.walletId })
    ).wallet.autoRecharge;
    expect(settings.pausedReason).toBe('AUTHENTICATION_REQUIRED');
    expect(await paymentEvents(t, account.walletId)).toEqual(['AUTO_RECHARGE_FAILED', 'AUTO_RECHARGE_PAUSED']);
  });

  it('pauses with NO_PAYMENT_METHOD when the default card was removed', async () => {
    const { walletId, ownerKey } = await armed();
    const [card] = await cards(ownerKey);
    await t.ok(ownerKey, REMOVE, { id: card.id });
    await charge(ownerKey, walletId, '15');
    await settle(t);
    expect(await autoTopUps(walletId)).toEqual([]);
    const settings = (await t.ok(ownerKey, `query($id: ID!) { wallet(id: $id) { autoRecharge { pausedReason } } }`, { id: walletId }))
      .wallet.autoRecharge;
    expect(settings.pausedReason).toBe('NO_PAYMENT_METHOD');
  });
});

describe('monthly recharge', () => {
  it('tops up the chosen amount on the chosen day, once a month', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    await addCard(ownerKey, 'pm_card_visa');
    const day = new Date(clock.now()).getUTCDate() + 1;
    expectError(
      await t.graphql(ownerKey, SET_MONTHLY_RECHARGE, { input: { walletId, enabled: true, dayOfMonth: 29, amount: '25' } }),
      'BAD_USER_INPUT',
      'dayOfMonth',
    );
    expectError(
      await t.graphql(ownerKey, SET_MONTHLY_RECHARGE, { input: { walletId, enabled: true, dayOfMonth: day, amount: '9' } }),
      'BAD_USER_INPUT',
      'amount',
    );
    await t.ok(ownerKey, SET_MONTHLY_RECHARGE, { input: { walletId, enabled: true, dayOfMonth: day, amount: '25' } });
    await settle(t);
    expect(await autoTopUps(walletId)).toEqual([]);
    clock.advance(24 * 60 * MINUTE_MS);
    await settle(t);
    await settle(t);
    await settle(t);
    expect(await autoTopUps(walletId)).toEqual([
      { status: 'SUCCEEDED', amount: '25000000', origin: 'MONTHLY_RECHARGE', failure_code: null },
    ]);
    clock.advance(5 * 24 * 60 * MINUTE_MS);
    await settle(t);
    expect(await autoTopUps(walletId)).toHaveLength(1);
    clock.advance(31 * 24 * 60 * MINUTE_MS);
    await settle(t);
    await settle(t);
    expect(await autoTopUps(walletId)).toHaveLength(2);
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('50');
    await t.assertLedger();
  });
});

describe('auto-recharge caps and outages', () => {
  it('holds to the monthly cap, and a Stripe outage fails the attempt and frees the wallet for the next one', async () => {
    const capped = await startTestApp(
      { billingClockEnabled: false, autoRechargesPerMonthMax: 1, autoRechargeCooldownMs: 0 },
      { clock: new ManualClock(START_MS) },
    );
    try {
      const { walletId, ownerKey } = await capped.createAccount();
      await capped.ok(ownerKey, ADD_CARD, { input: { paymentMethodId: 'pm_card_visa' } });
      await capped.fund(walletId, '30');
      await capped.ok(ownerKey, SET_AUTO_RECHARGE, { input: { walletId, enabled: true, threshold: '20', target: '50' } });
      await capped.ok(ownerKey, CHARGE, { input: { walletId, amount: '15', description: 'usage' } });
      await settle(capped);
      await settle(capped);
      await capped.ok(ownerKey, CHARGE, { input: { walletId, amount: '40', description: 'usage' } });
      await settle(capped);
      const rows = await sql(capped, `select status from top_up where wallet_id = $1 and origin = 'AUTO_RECHARGE'`, [walletId]);
      expect(rows).toEqual([{ status: 'SUCCEEDED' }]);

      // An outage: the claimed recharge fails with provider_unavailable rather than staying in flight.
      const other = await capped.createAccount();
      await capped.ok(other.ownerKey, ADD_CARD, { input: { paymentMethodId: 'pm_card_visa' } });
      await capped.fund(other.walletId, '30');
      await capped.ok(other.ownerKey, SET_AUTO_RECHARGE, {
        input: { walletId: other.walletId, enabled: true, threshold: '20', target: '50' },
      });
      await capped.ok(other.ownerKey, CHARGE, { input: { walletId: other.walletId, amount: '15', description: 'usage' } });
      const deps = capped.app.payments.deps;
      const reachable = deps.stripe;
      try {
        const { default: Stripe } = await import('stripe');
        deps.stripe = new Stripe('sk_test_unreachable', { host: '127.0.0.1', port: 9, protocol: 'http', maxNetworkRetries: 0 });
        await capped.app.paymentJobs.runOnce();
      } finally {
        deps.stripe = reachable;
      }
      expect(await sql(capped, `select status, failure_code from top_up where wallet_id = $1`, [other.walletId])).toEqual([
        { status: 'FAILED', failure_code: 'provider_unavailable' },
      ]);
      const settings = (
        await capped.ok(other.ownerKey, `query($id: ID!) { wallet(id: $id) { autoRecharge { inFlightTopUpId consecutiveFailures } } }`, {
          id: other.walletId,
        })
      ).wallet.autoRecharge;
      expect(settings).toEqual({ inFlightTopUpId: null, consecutiveFailures: 1 });
      await settle(capped);
      await settle(capped);
      expect((await walletView(capped, other.ownerKey, other.walletId)).balance).toBe('50');
      await capped.assertLedger();
    } finally {
      await capped.close();
    }
  });
});
