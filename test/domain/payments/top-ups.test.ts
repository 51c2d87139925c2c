// Goal: a card top-up charges amount + the customer's tax through the real stripe SDK, credits the wallet only from Stripe's verified word (webhook or reconciliation), exactly once whatever Stripe delivers twice, late or out of order, and shows declines, 3-D Secure and receipts as a customer expects (whole amounts above a minimum, tax at checkout, a receipt, a reason and a next step for every decline). Method: the real server and its loopback Stripe sandbox, payment jobs driven by hand (settle()), every check over HTTP against exact figures, the ledger invariants after every money scenario.
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { until } from '../../support/waiting.js';
import {
  BILLING,
  billedAccount,
  CHARGE,
  expectError,
  paymentEvents,
  QUOTE,
  REFRESH_TOP_UP,
  settle,
  sql,
  TOP_UP,
  topUp,
  topUpById,
  walletView,
} from './payments-support.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false, usSalesTaxRatesPpm: { CA: 72_500n, NY: 40_000n } });
});
afterAll(async () => {
  await t?.close();
});

function stripeOf(app: TestApp): Stripe {
  return app.app.payments.deps.stripe;
}

describe('quoteTopUp', () => {
  it.each([
    { name: 'UK: 20% VAT', profile: { country: 'GB' }, tax: '20', rate: '20', treatment: 'UK_VAT', total: '120' },
    {
      name: 'UK with a VAT number still pays UK VAT',
      profile: { country: 'GB' },
      tax: '20',
      rate: '20',
      treatment: 'UK_VAT',
      total: '120',
    },
    { name: 'Germany: its VAT', profile: { country: 'DE' }, tax: '19', rate: '19', treatment: 'EU_VAT', total: '119' },
    {
      name: 'Germany with a valid VAT number: reverse charge',
      profile: { country: 'DE', vatNumber: 'DE 123 456 789' },
      tax: '0',
      rate: '0',
      treatment: 'EU_REVERSE_CHARGE',
      total: '100',
    },
    { name: 'Hungary: 27%', profile: { country: 'HU' }, tax: '27', rate: '27', treatment: 'EU_VAT', total: '127' },
    {
      name: 'US, California (configured 7.25%)',
      profile: { country: 'US', state: 'CA' },
      tax: '7.25',
      rate: '7.25',
      treatment: 'US_SALES_TAX',
      total: '107.25',
    },
    { name: 'US, a state without nexus', profile: { country: 'US', state: 'OR' }, tax: '0', rate: '0', treatment: 'NONE', total: '100' },
    { name: 'elsewhere: none', profile: { country: 'JP' }, tax: '0', rate: '0', treatment: 'NONE', total: '100' },
    { name: 'no billing country: none', profile: {}, tax: '0', rate: '0', treatment: 'NONE', total: '100' },
  ])('$name', async ({ profile, tax, rate, treatment, total }) => {
    const { walletId, ownerKey } = await billedAccount(t, profile);
    const quote = (await t.ok(ownerKey, QUOTE, { walletId, amount: '100' })).quoteTopUp;
    expect(quote).toMatchObject({
      walletId,
      currency: 'USD',
      amount: '100',
      tax,
      taxRate: rate,
      taxTreatment: treatment,
      total,
      minimum: '10',
    });
  });

  it('rounds a state rate to the cent: 13 at NY 4% is 0.52, 11 at CA 7.25% is 0.80 (0.7975 rounded)', async () => {
    const ny = await billedAccount(t, { country: 'US', state: 'NY' });
    expect((await t.ok(ny.ownerKey, QUOTE, { walletId: ny.walletId, amount: '13' })).quoteTopUp).toMatchObject({
      tax: '0.52',
      total: '13.52',
    });
    const ca = await billedAccount(t, { country: 'US', state: 'CA' });
    expect((await t.ok(ca.ownerKey, QUOTE, { walletId: ca.walletId, amount: '11' })).quoteTopUp).toMatchObject({
      tax: '0.8',
      total: '11.8',
    });
  });

  it('refuses an invalid-format VAT number on the account, and a VAT number outside the EU', async () => {
    const { ownerKey } = await t.createAccount();
    expectError(await t.graphql(ownerKey, BILLING, { input: { country: 'DE', vatNumber: 'DE12345' } }), 'BAD_USER_INPUT', 'vatNumber');
    expectError(await t.graphql(ownerKey, BILLING, { input: { country: 'US', vatNumber: 'DE123456789' } }), 'BAD_USER_INPUT', 'vatNumber');
    expectError(await t.graphql(ownerKey, BILLING, { input: { country: 'Germany' } }), 'BAD_USER_INPUT', 'country');
    expectError(await t.graphql(ownerKey, BILLING, { input: { country: 'GB', state: 'CA' } }), 'BAD_USER_INPUT', 'state');
  });

  it('enforces the minimum (10 in USD, GBP and EUR), whole amounts and the sanity cap at their boundaries', async () => {
    for (const currency of ['USD', 'GBP', 'EUR']) {
      const { walletId, ownerKey } = await t.createAccount('Limits', currency);
      const below = await t.graphql(ownerKey, QUOTE, { walletId, amount: '9' });
      expectError(below, 'BAD_USER_INPUT', 'amount');
      expect(below.errors![0]!.message).toContain(`minimum top-up is 10 ${currency}`);
      expect((await t.ok(ownerKey, QUOTE, { walletId, amount: '10' })).quoteTopUp.amount).toBe('10');
    }
    const { walletId, ownerKey } = await t.createAccount();
    const fraction = await t.graphql(ownerKey, QUOTE, { walletId, amount: '10.5' });
    expectError(fraction, 'BAD_USER_INPUT', 'amount');
    expect(fraction.errors![0]!.message).toContain('whole amounts');
    expectError(await t.graphql(ownerKey, QUOTE, { walletId, amount: '10.000001' }), 'BAD_USER_INPUT', 'amount');
    expect((await t.ok(ownerKey, QUOTE, { walletId, amount: '100000' })).quoteTopUp.total).toBe('100000');
    const above = await t.graphql(ownerKey, QUOTE, { walletId, amount: '100001' });
    expectError(above, 'BAD_USER_INPUT', 'amount');
    expect(above.errors![0]!.message).toContain('largest top-up is 100000');
  });

  it("answers NOT_FOUND for another tenant's wallet", async () => {
    const mine = await t.createAccount();
    const theirs = await t.createAccount();
    expectError(await t.graphql(mine.ownerKey, QUOTE, { walletId: theirs.walletId, amount: '10' }), 'NOT_FOUND');
  });
});

describe('topUp', () => {
  it('credits the amount (not the tax) only once Stripe confirms it, with the PaymentIntent on the transaction and a receipt', async () => {
    const { walletId, ownerKey } = await billedAccount(t, { country: 'GB' });
    const started = await topUp(t, ownerKey, { walletId, amount: '100', paymentMethodId: 'pm_card_visa', idempotencyKey: randomUUID() });
    expect(started).toMatchObject({
      status: 'PROCESSING',
      amount: '100',
      tax: '20',
      taxRate: '20',
      total: '120',
      cardBrand: 'visa',
      cardLast4: '4242',
      receipt: null,
    });
    expect(started.paymentIntentId).toMatch(/^pi_/);
    const paymentIntent = await stripeOf(t).paymentIntents.retrieve(started.paymentIntentId);
    expect(paymentIntent).toMatchObject({ status: 'succeeded', amount: 12_000, currency: 'usd' });
    // Stripe has the money, the webhook is not applied yet: nothing credited.
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('0');

    await settle(t);
    const done = await topUpById(t, ownerKey, started.id);
    expect(done.status).toBe('SUCCEEDED');
    expect(done.receiptNumber).toMatch(/^SW-\d{4}-\d{8}$/);
    expect(done.receipt).toMatchObject({
      receiptNumber: done.receiptNumber,
      transactionId: done.transactionId,
      topUpId: started.id,
      amount: '100',
      tax: '20',
      taxRate: '20',
      total: '120',
      currency: 'USD',
      cardBrand: 'visa',
      cardLast4: '4242',
      paymentIntentId: started.paymentIntentId,
    });
    const wallet = await walletView(t, ownerKey, walletId);
    expect(wallet.balance).toBe('100');
    expect(wallet.transactions).toHaveLength(1);
    expect(wallet.transactions[0]).toMatchObject({
      id: done.transactionId,
      type: 'CREDIT',
      kind: 'TOP_UP',
      amount: '100',
      balanceBefore: '0',
      balanceAfter: '100',
      paymentIntentId: started.paymentIntentId,
      status: 'COMPLETED',
    });
    expect(await paymentEvents(t, walletId)).toEqual(['TOP_UP_SUCCEEDED']);
    await t.assertLedger();
  });

  it.each([
    { card: 'pm_card_chargeDeclined', code: 'generic_decline', reason: 'declined' },
    { card: 'pm_card_chargeDeclinedInsufficientFunds', code: 'insufficient_funds', reason: 'Insufficient funds' },
    { card: 'pm_card_chargeDeclinedExpiredCard', code: 'expired_card', reason: 'Card expired' },
    { card: 'pm_card_chargeDeclinedIncorrectCvc', code: 'incorrect_cvc', reason: 'Card details incorrect' },
  ])('a decline ($code) is shown with its reason and never credited', async ({ card, code, reason }) => {
    const { walletId, ownerKey } = await t.createAccount();
    const declined = await topUp(t, ownerKey, { walletId, amount: '25', paymentMethodId: card });
    expect(declined).toMatchObject({ status: 'FAILED', failureCode: code, transactionId: null, receipt: null });
    expect(declined.failureReason).toContain(reason);
    await settle(t);
    const after = await topUpById(t, ownerKey, declined.id);
    expect(after).toMatchObject({ status: 'FAILED', failureCode: code });
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('0');
    expect(await paymentEvents(t, walletId)).toEqual(['PAYMENT_FAILED']);
    await t.assertLedger();
  });

  it('3-D Secure: REQUIRES_ACTION with the client secret, then credited once authenticated', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    const started = await topUp(t, ownerKey, { walletId, amount: '30', paymentMethodId: 'pm_card_authenticationRequired' });
    expect(started.status).toBe('REQUIRES_ACTION');
    expect(started.clientSecret).toMatch(new RegExp(`^${started.paymentIntentId}_secret_`));
    await settle(t);
    expect((await topUpById(t, ownerKey, started.id)).status).toBe('REQUIRES_ACTION');
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('0');

    await t.app.stripeSandbox!.authenticate(started.paymentIntentId, 'succeed');
    await settle(t);
    expect((await topUpById(t, ownerKey, started.id)).status).toBe('SUCCEEDED');
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('30');
    await t.assertLedger();
  });

  it('3-D Secure failed: FAILED with the authentication reason, nothing credited', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    const started = await topUp(t, ownerKey, { walletId, amount: '30', paymentMethodId: 'pm_card_authenticationRequired' });
    await t.app.stripeSandbox!.authenticate(started.paymentIntentId, 'fail');
    await settle(t);
    const failed = await topUpById(t, ownerKey, started.id);
    expect(failed).toMatchObject({ status: 'FAILED', failureCode: 'payment_intent_authentication_failure' });
    expect(failed.failureReason).toContain('3-D Secure authentication failed');
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('0');
    await t.assertLedger();
  });

  it('without a card and without a saved one: REQUIRES_PAYMENT_METHOD with a client secret for Stripe Elements', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    const started = await topUp(t, ownerKey, { walletId, amount: '10' });
    expect(started).toMatchObject({ status: 'REQUIRES_PAYMENT_METHOD', cardBrand: null });
    expect(started.clientSecret).toMatch(/_secret_/);
  });

  it('is idempotent: the same key returns the same top-up and PaymentIntent, also when 10 requests race', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    const input = { walletId, amount: '40', paymentMethodId: 'pm_card_visa', idempotencyKey: randomUUID() };
    const first = await topUp(t, ownerKey, input);
    const again = await topUp(t, ownerKey, input);
    expect(again.id).toBe(first.id);
    expect(again.paymentIntentId).toBe(first.paymentIntentId);

    const raceInput = { ...input, idempotencyKey: randomUUID() };
    const raced = await Promise.all(Array.from({ length: 10 }, () => t.graphql(ownerKey, TOP_UP, { input: raceInput })));
    const ids = new Set(raced.map((response) => response.data?.topUp.topUp.id));
    const intents = new Set(raced.map((response) => response.data?.topUp.topUp.paymentIntentId));
    expect(raced.every((response) => !response.errors)).toBe(true);
    expect(ids.size).toBe(1);
    expect(intents.size).toBe(1);
    await settle(t);
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('80');
    const [{ count }] = await sql(t, 'select count(*)::int as count from top_up where wallet_id = $1', [walletId]);
    expect(count).toBe(2);
    await t.assertLedger();
  });

  it('refuses a key reused with other parameters, or already used by a charge', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    await t.fund(walletId, '5');
    const key = randomUUID();
    await topUp(t, ownerKey, { walletId, amount: '40', paymentMethodId: 'pm_card_visa', idempotencyKey: key });
    expectError(
      await t.graphql(ownerKey, TOP_UP, { input: { walletId, amount: '41', paymentMethodId: 'pm_card_visa', idempotencyKey: key } }),
      'IDEMPOTENCY_KEY_REUSED',
      'idempotencyKey',
    );
    const chargeKey = randomUUID();
    await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '1', description: 'x', idempotencyKey: chargeKey } });
    expectError(
      await t.graphql(ownerKey, TOP_UP, { input: { walletId, amount: '40', paymentMethodId: 'pm_card_visa', idempotencyKey: chargeKey } }),
      'IDEMPOTENCY_KEY_REUSED',
    );
  });

  it('refuses bad input, other tenants and roles with their codes, writing nothing', async () => {
    const { accountId, walletId, ownerKey } = await t.createAccount();
    const other = await t.createAccount();
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ walletId, amount: '9', paymentMethodId: 'pm_card_visa' }, 'BAD_USER_INPUT', 'amount'],
      [{ walletId, amount: '10.01', paymentMethodId: 'pm_card_visa' }, 'BAD_USER_INPUT', 'amount'],
      [{ walletId, amount: '10', paymentMethodId: 'card_4242' }, 'BAD_USER_INPUT', 'paymentMethodId'],
      [{ walletId, amount: '10', paymentMethodId: 'pm_card_doesNotExist' }, 'BAD_USER_INPUT', 'paymentMethodId'],
      [{ walletId, amount: '10', paymentMethodId: 'pm_card_visa', idempotencyKey: 'spendwire:mine' }, 'BAD_USER_INPUT', 'idempotencyKey'],
      [{ walletId: other.walletId, amount: '10', paymentMethodId: 'pm_card_visa' }, 'NOT_FOUND'],
      [{ walletId: 'not-a-uuid', amount: '10', paymentMethodId: 'pm_card_visa' }, 'NOT_FOUND'],
    ];
    for (const [input, code, field] of cases) expectError(await t.graphql(ownerKey, TOP_UP, { input }), code, field);
    const support = await t.createKey(null, 'SUPPORT');
    expectError(
      await t.graphql(support.secret, TOP_UP, { input: { walletId, amount: '10', paymentMethodId: 'pm_card_visa' } }),
      'FORBIDDEN',
    );
    expectError(await t.graphql(null, TOP_UP, { input: { walletId, amount: '10', paymentMethodId: 'pm_card_visa' } }), 'UNAUTHENTICATED');
    const [{ count }] = await sql(t, 'select count(*)::int as count from top_up where account_id = $1', [accountId]);
    expect(count).toBe(0);
    // Another tenant's top-up reads as absent.
    const theirs = await topUp(t, other.ownerKey, { walletId: other.walletId, amount: '10', paymentMethodId: 'pm_card_visa' });
    expectError(await t.graphql(ownerKey, `query($id: ID!) { topUp(id: $id) { id } }`, { id: theirs.id }), 'NOT_FOUND');
    expectError(await t.graphql(ownerKey, REFRESH_TOP_UP, { id: theirs.id }), 'NOT_FOUND');
  });

  it('a CAMPAIGN_MANAGER and an INTEGRATOR may top up; a closed account may not', async () => {
    const { accountId, walletId } = await t.createAccount();
    for (const role of ['CAMPAIGN_MANAGER', 'INTEGRATOR']) {
      const key = await t.createKey(accountId, role);
      expect((await topUp(t, key.secret, { walletId, amount: '10', paymentMethodId: 'pm_card_visa' })).status).toBe('PROCESSING');
    }
    const closed = await t.createAccount();
    await sql(t, `update account set status = 'CLOSED', closed_at = now() where id = $1`, [closed.accountId]);
    expectError(
      await t.graphql(closed.ownerKey, TOP_UP, { input: { walletId: closed.walletId, amount: '10', paymentMethodId: 'pm_card_visa' } }),
      'INVALID_STATE',
    );
    await settle(t);
  });
});

describe('webhooks', () => {
  async function post(body: string, signature: string | null): Promise<number> {
    const response = await fetch(`${t.url}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'stripe-signature': signature }) },
      body,
    });
    return response.status;
  }

  async function succeededTopUp(): Promise<{ walletId: string; ownerKey: string; topUpId: string; events: Stripe.Event[] }> {
    const { walletId, ownerKey } = await t.createAccount();
    const sandbox = t.app.stripeSandbox!;
    sandbox.pauseWebhooks();
    const started = await topUp(t, ownerKey, { walletId, amount: '50', paymentMethodId: 'pm_card_visa' });
    const events = sandbox.pendingEvents().filter((event) => (event.data.object as { id?: string }).id === started.paymentIntentId);
    return { walletId, ownerKey, topUpId: started.id, events };
  }

  async function resume(): Promise<void> {
    await t.app.stripeSandbox!.resumeWebhooks();
    await settle(t);
  }

  it('a duplicate delivery is acknowledged and never credits twice', async () => {
    const { walletId, ownerKey, events } = await succeededTopUp();
    const succeeded = events.find((event) => event.type === 'payment_intent.succeeded')!;
    expect(await t.app.stripeSandbox!.deliver(succeeded)).toBe(200);
    expect(await t.app.stripeSandbox!.deliver(succeeded)).toBe(200);
    await resume();
    expect(await t.app.stripeSandbox!.deliver(succeeded)).toBe(200);
    await settle(t);
    const wallet = await walletView(t, ownerKey, walletId);
    expect(wallet.balance).toBe('50');
    expect(wallet.transactions).toHaveLength(1);
    await t.assertLedger();
  });

  it('events out of order: a failure or a stale requires_action after success changes nothing; success after them still credits once', async () => {
    const { walletId, ownerKey, topUpId, events } = await succeededTopUp();
    const succeeded = events.find((event) => event.type === 'payment_intent.succeeded')!;
    const pi = succeeded.data.object as Stripe.PaymentIntent;
    const failed: Stripe.Event = {
      ...succeeded,
      id: `evt_forged_order_${randomUUID().slice(0, 8)}`,
      type: 'payment_intent.payment_failed',
      created: succeeded.created + 5,
      data: {
        object: {
          ...pi,
          status: 'requires_payment_method',
          last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'declined' },
        },
      },
    } as Stripe.Event;
    const requiresAction: Stripe.Event = {
      ...succeeded,
      id: `evt_stale_${randomUUID().slice(0, 8)}`,
      type: 'payment_intent.requires_action',
      created: succeeded.created - 5,
      data: { object: { ...pi, status: 'requires_action' } },
    } as Stripe.Event;
    // Newer failure first, then success (older), then the stale one.
    expect(await t.app.stripeSandbox!.deliver(failed)).toBe(200);
    await settle(t);
    expect((await topUpById(t, ownerKey, topUpId)).status).toBe('FAILED');
    expect(await t.app.stripeSandbox!.deliver(succeeded)).toBe(200);
    await settle(t);
    expect((await topUpById(t, ownerKey, topUpId)).status).toBe('SUCCEEDED');
    expect(await t.app.stripeSandbox!.deliver(requiresAction)).toBe(200);
    expect(await t.app.stripeSandbox!.deliver(failed)).toBe(200);
    await resume();
    expect((await topUpById(t, ownerKey, topUpId)).status).toBe('SUCCEEDED');
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('50');
    await t.assertLedger();
  });

  it('a forged signature, a stale one (> 300 s) or none gets 400 and records nothing; 299 s old is accepted', async () => {
    const { walletId, ownerKey, events } = await succeededTopUp();
    const succeeded = events.find((event) => event.type === 'payment_intent.succeeded')!;
    const sandbox = t.app.stripeSandbox!;
    const before = (await sql(t, 'select count(*)::int as count from stripe_event'))[0].count;
    expect(await sandbox.deliver(succeeded, { secret: 'whsec_forged' })).toBe(400);
    expect(await sandbox.deliver(succeeded, { timestampSeconds: Math.floor(Date.now() / 1000) - 301 })).toBe(400);
    expect(await post(JSON.stringify(succeeded), null)).toBe(400);
    expect(await post(JSON.stringify({ ...succeeded, id: 'evt_tampered' }), 't=1,v1=deadbeef')).toBe(400);
    await settle(t);
    expect((await sql(t, 'select count(*)::int as count from stripe_event'))[0].count).toBe(before);
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('0');
    expect(await sandbox.deliver(succeeded, { timestampSeconds: Math.floor(Date.now() / 1000) - 299 })).toBe(200);
    await resume();
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('50');
  });

  it('a lost webhook: the reconciliation retrieves the PaymentIntent and credits once; the late webhook then changes nothing', async () => {
    const lossy = await startTestApp({ billingClockEnabled: false, topUpReconcileAfterMs: 0 });
    try {
      const { walletId, ownerKey } = await lossy.createAccount();
      const sandbox = lossy.app.stripeSandbox!;
      sandbox.pauseWebhooks();
      const started = await topUp(lossy, ownerKey, { walletId, amount: '60', paymentMethodId: 'pm_card_visa' });
      expect(started.status).toBe('PROCESSING');
      await lossy.app.paymentJobs.runOnce();
      expect((await topUpById(lossy, ownerKey, started.id)).status).toBe('SUCCEEDED');
      expect((await walletView(lossy, ownerKey, walletId)).balance).toBe('60');
      await sandbox.resumeWebhooks();
      await settle(lossy);
      const wallet = await walletView(lossy, ownerKey, walletId);
      expect(wallet.balance).toBe('60');
      expect(wallet.transactions).toHaveLength(1);
      await lossy.assertLedger();
    } finally {
      await lossy.close();
    }
  });

  it('refreshTopUp asks Stripe at once (the customer after 3-D Secure)', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    const sandbox = t.app.stripeSandbox!;
    sandbox.pauseWebhooks();
    const started = await topUp(t, ownerKey, { walletId, amount: '15', paymentMethodId: 'pm_card_authenticationRequired' });
    await sandbox.authenticate(started.paymentIntentId, 'succeed');
    const refreshed = (await t.ok(ownerKey, REFRESH_TOP_UP, { id: started.id })).refreshTopUp.topUp;
    expect(refreshed.status).toBe('SUCCEEDED');
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('15');
    await resume();
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('15');
    await t.assertLedger();
  });

  it('with the payment jobs running, the webhook alone credits the wallet (no manual step)', async () => {
    const live = await startTestApp({ billingClockEnabled: false, paymentsEnabled: true });
    try {
      const { walletId, ownerKey } = await live.createAccount();
      await topUp(live, ownerKey, { walletId, amount: '10', paymentMethodId: 'pm_card_mastercard' });
      await until(
        'the webhook to credit the wallet',
        async () => (await walletView(live, ownerKey, walletId)).balance === '10',
        10_000,
        20,
      );
      expect((await walletView(live, ownerKey, walletId)).balance).toBe('10');
    } finally {
      await live.close();
    }
  });
});

describe('when Stripe cannot be reached', () => {
  it('topUp answers PAYMENT_PROVIDER_ERROR and charges nothing; the same key afterwards pays once', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    const deps = t.app.payments.deps;
    const reachable = deps.stripe;
    // The real SDK, pointed at a port nothing listens on.
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const key = randomUUID();
    const input = { walletId, amount: '20', paymentMethodId: 'pm_card_visa', idempotencyKey: key };
    try {
      deps.stripe = new Stripe('sk_test_unreachable', { host: '127.0.0.1', port: closed, protocol: 'http', maxNetworkRetries: 0 });
      const refused = await t.graphql(ownerKey, TOP_UP, { input });
      expectError(refused, 'PAYMENT_PROVIDER_ERROR');
      expect(refused.errors![0]!.message).toContain('could not be reached');
    } finally {
      deps.stripe = reachable;
    }
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('0');
    const retried = await topUp(t, ownerKey, input);
    expect(retried.status).toBe('PROCESSING');
    expect((await topUp(t, ownerKey, input)).id).toBe(retried.id);
    await settle(t);
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('20');
    await t.assertLedger();
  });
});

describe('tenancy', () => {
  it("every payment operation answers NOT_FOUND for another tenant's objects, and changes nothing", async () => {
    const mine = await t.createAccount();
    const theirs = await billedAccount(t, { country: 'DE' });
    const theirTopUp = await topUp(t, theirs.ownerKey, { walletId: theirs.walletId, amount: '10', paymentMethodId: 'pm_card_visa' });
    await settle(t);
    const operations: [string, Record<string, unknown>][] = [
      [`query($id: ID!) { billingProfile(accountId: $id) { country } }`, { id: theirs.accountId }],
      [
        `mutation($input: UpdateBillingProfileInput!) { updateBillingProfile(input: $input) { billingProfile { country } } }`,
        { input: { accountId: theirs.accountId, country: 'GB' } },
      ],
      [
        `mutation($input: SetAutoRechargeInput!) { setAutoRecharge(input: $input) { autoRecharge { enabled } } }`,
        { input: { walletId: theirs.walletId, enabled: false, threshold: '1', target: '20' } },
      ],
      [
        `mutation($input: SetMonthlyRechargeInput!) { setMonthlyRecharge(input: $input) { autoRecharge { enabled } } }`,
        { input: { walletId: theirs.walletId, enabled: false, dayOfMonth: 1, amount: '10' } },
      ],
      [
        `mutation($input: AddPaymentMethodInput!) { addPaymentMethod(input: $input) { status } }`,
        { input: { accountId: theirs.accountId, paymentMethodId: 'pm_card_visa' } },
      ],
      [`query($id: ID!) { topUp(id: $id) { id } }`, { id: theirTopUp.id }],
      [`query($id: ID!) { wallet(id: $id) { topUps { id } refundable } }`, { id: theirs.walletId }],
    ];
    for (const [query, variables] of operations) expectError(await t.graphql(mine.ownerKey, query, variables), 'NOT_FOUND');
    expect((await sql(t, 'select billing_country from account where id = $1', [theirs.accountId]))[0].billing_country).toBe('DE');
    expect(await sql(t, 'select 1 from auto_recharge where wallet_id = $1', [theirs.walletId])).toEqual([]);
    expect(await sql(t, 'select 1 from payment_method where account_id = $1', [theirs.accountId])).toEqual([]);
    expect((await walletView(t, theirs.ownerKey, theirs.walletId)).balance).toBe('10');
  });
});
