// Goal: the Stripe sandbox makes the real `stripe` SDK behave like Stripe test mode. Method: each
// test starts a sandbox on port 0 and a real node:http webhook receiver that verifies every
// delivery with stripe.webhooks.constructEvent, then drives the sandbox only through the SDK (and
// plain fetch for the browser-facing 3-D Secure endpoint).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { StripeSandbox, type StripeSandboxOptions } from '../../server/stripe-sandbox/stripe-sandbox.js';
import { SANDBOX_TEST_CARDS } from '../../server/stripe-sandbox/test-cards.js';

const WEBHOOK_SECRET = 'whsec_sandbox_test_secret';
const SIGNATURE_TOLERANCE_SECONDS = 300;

interface Delivery {
  eventId: string | undefined;
  status: number;
  atMs: number;
}

interface Receiver {
  url: string;
  /** Verified events answered with a 2xx, in arrival order. */
  events: Stripe.Event[];
  /** Every POST received, verified or not. */
  deliveries: Delivery[];
  /** Messages of signature verifications that failed. */
  rejections: string[];
  /** Status to answer a verified event with; default 200. */
  respond: (event: Stripe.Event, attempt: number) => number;
  close: () => Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const verifier = new Stripe('sk_test_receiver');
  const attempts = new Map<string, number>();
  const server = http.createServer();
  const receiver: Receiver = {
    url: '',
    events: [],
    deliveries: [],
    rejections: [],
    respond: () => 200,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      let status: number;
      let event: Stripe.Event | undefined;
      try {
        event = verifier.webhooks.constructEvent(
          raw,
          request.headers['stripe-signature'] ?? '',
          WEBHOOK_SECRET,
          SIGNATURE_TOLERANCE_SECONDS,
        );
        const attempt = (attempts.get(event.id) ?? 0) + 1;
        attempts.set(event.id, attempt);
        status = receiver.respond(event, attempt);
        if (status >= 200 && status < 300) {
          receiver.events.push(event);
        }
      } catch (error) {
        receiver.rejections.push((error as Error).message);
        status = 400;
      }
      receiver.deliveries.push({ eventId: event?.id, status, atMs: Date.now() });
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/stripe`;
  return receiver;
}

interface Harness {
  sandbox: StripeSandbox;
  stripe: Stripe;
  receiver: Receiver;
}

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  while (cleanups.length > 0) {
    await cleanups.pop()?.();
  }
});

async function startHarness(options: Partial<StripeSandboxOptions> = {}): Promise<Harness> {
  const receiver = await startReceiver();
  cleanups.push(receiver.close);
  // Few attempts, so a test whose deliveries all fail ends in about a second rather than 18.
  const sandbox = await StripeSandbox.start({ webhookSecret: WEBHOOK_SECRET, webhookUrl: receiver.url, webhookAttemptsMax: 3, ...options });
  cleanups.push(() => sandbox.close());
  const stripe = new Stripe('sk_test_sandbox', { ...sandbox.stripeConnection(), maxNetworkRetries: 0, telemetry: false });
  return { sandbox, stripe, receiver };
}

/** Resolves to the rejection of `promise`, failing the test when it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(Stripe.errors.StripeError);
    return error as Stripe.errors.StripeError;
  }
  throw new Error('expected the Stripe call to fail');
}

function eventTypesFor(events: Stripe.Event[], objectId: string): string[] {
  return events.filter((event) => (event.data.object as { id?: string }).id === objectId).map((event) => event.type);
}

/** Card-only intents: Stripe's default automatic payment methods would need a return_url. */
const CARD_ONLY = { payment_method_types: ['card'] };

describe('payments that succeed', () => {
  it('creates and confirms in one call, then signs and delivers the events', async () => {
    const { sandbox, stripe, receiver } = await startHarness();
    const customer = await stripe.customers.create({ email: 'ada@example.com', metadata: { account: 'acc_1' } });

    const intent = await stripe.paymentIntents.create({
      amount: 2_000,
      currency: 'USD',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
      metadata: { topUp: 'tu_1' },
      ...CARD_ONLY,
    });

    expect(intent.status).toBe('succeeded');
    expect(intent.amount_received).toBe(2_000);
    expect(intent.currency).toBe('usd');
    expect(intent.latest_charge).toMatch(/^ch_/);
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_`));
    expect(intent.payment_method).toMatch(/^pm_/);
    expect(intent.payment_method).not.toBe('pm_card_visa');
    expect(intent.metadata).toEqual({ topUp: 'tu_1' });
    expect(intent.livemode).toBe(false);

    const expanded = await stripe.paymentIntents.retrieve(intent.id, { expand: ['latest_charge'] });
    const charge = expanded.latest_charge as Stripe.Charge;
    expect(charge).toMatchObject({ object: 'charge', amount: 2_000, status: 'succeeded', payment_intent: intent.id });
    expect(charge.payment_method_details?.card?.last4).toBe('4242');

    await sandbox.idle();
    expect(eventTypesFor(receiver.events, intent.id)).toEqual(['payment_intent.created', 'payment_intent.succeeded']);
    const succeeded = receiver.events.find((event) => event.type === 'payment_intent.succeeded') as Stripe.PaymentIntentSucceededEvent;
    expect(succeeded.data.object.amount_received).toBe(2_000);
    expect(succeeded.api_version).toBe(Stripe.API_VERSION);
    expect(succeeded.livemode).toBe(false);
    // stripe-node sends an Idempotency-Key on every POST by itself; Stripe echoes it in the event.
    expect(succeeded.request?.idempotency_key).toMatch(/^stripe-node-retry-/);
    expect(receiver.rejections).toEqual([]);
    expect(sandbox.pendingEvents()).toEqual([]);
    expect(sandbox.events().map((event) => event.id)).toEqual(receiver.events.map((event) => event.id));
  });

  it('goes requires_confirmation then succeeded when confirmed separately', async () => {
    const { stripe } = await startHarness();
    const created = await stripe.paymentIntents.create({
      amount: 1_500,
      currency: 'eur',
      payment_method: 'pm_card_mastercard',
      ...CARD_ONLY,
    });
    expect(created.status).toBe('requires_confirmation');

    const confirmed = await stripe.paymentIntents.confirm(created.id);
    expect(confirmed.status).toBe('succeeded');
    expect(confirmed.latest_charge).toMatch(/^ch_/);

    const again = await rejectionOf(stripe.paymentIntents.confirm(created.id));
    expect(again).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(again.code).toBe('payment_intent_unexpected_state');
  });

  it('refuses a confirm without return_url under automatic payment methods, as Stripe does', async () => {
    const { stripe } = await startHarness();
    const error = await rejectionOf(
      stripe.paymentIntents.create({ amount: 1_000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.param).toBe('return_url');

    const withoutRedirects = await stripe.paymentIntents.create({
      amount: 1_000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
    });
    expect(withoutRedirects.status).toBe('succeeded');
  });

  it('cancels an unconfirmed intent and refuses to cancel a succeeded one', async () => {
    const { sandbox, stripe, receiver } = await startHarness();
    const open = await stripe.paymentIntents.create({ amount: 1_000, currency: 'usd', ...CARD_ONLY });
    const canceled = await stripe.paymentIntents.cancel(open.id, { cancellation_reason: 'abandoned' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });

    const paid = await stripe.paymentIntents.create({
      amount: 1_000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
      ...CARD_ONLY,
    });
    const error = await rejectionOf(stripe.paymentIntents.cancel(paid.id));
    expect(error.code).toBe('payment_intent_unexpected_state');

    await sandbox.idle();
    expect(eventTypesFor(receiver.events, open.id)).toEqual(['payment_intent.created', 'payment_intent.canceled']);
  });

  it('validates amounts and ids like Stripe', async () => {
    const { stripe } = await startHarness();
    const tooSmall = await rejectionOf(stripe.paymentIntents.create({ amount: 49, currency: 'usd', ...CARD_ONLY }));
    expect(tooSmall.code).toBe('amount_too_small');
    const missing = await rejectionOf(stripe.paymentIntents.create({ currency: 'usd' } as Stripe.PaymentIntentCreateParams));
    expect(missing.code).toBe('parameter_missing');
    const unknownCard = await rejectionOf(stripe.paymentMethods.retrieve('pm_card_doesNotExist'));
    expect(unknownCard).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(unknownCard.statusCode).toBe(404);
    expect(unknownCard.code).toBe('resource_missing');
    const unknownIntent = await rejectionOf(stripe.paymentIntents.retrieve('pi_missing'));
    expect(unknownIntent.code).toBe('resource_missing');

    const visa = await stripe.paymentMethods.retrieve('pm_card_visa');
    expect(visa).toMatchObject({ object: 'payment_method', type: 'card', customer: null, card: { brand: 'visa', last4: '4242' } });
  });
});

describe('declines', () => {
  const declines = [
    { card: 'pm_card_chargeDeclined', code: 'card_declined', declineCode: 'generic_decline' },
    { card: 'pm_card_visa_chargeDeclined', code: 'card_declined', declineCode: 'generic_decline' },
    { card: 'pm_card_chargeDeclinedInsufficientFunds', code: 'card_declined', declineCode: 'insufficient_funds' },
    { card: 'pm_card_chargeDeclinedExpiredCard', code: 'expired_card', declineCode: 'expired_card' },
    { card: 'pm_card_chargeDeclinedIncorrectCvc', code: 'incorrect_cvc', declineCode: 'incorrect_cvc' },
    { card: 'pm_card_chargeDeclinedProcessingError', code: 'processing_error', declineCode: 'processing_error' },
    { card: 'pm_card_chargeCustomerFail', code: 'card_declined', declineCode: 'generic_decline' },
  ];

  it.each(declines)('$card answers 402 $code/$declineCode with the PaymentIntent', async ({ card, code, declineCode }) => {
    const { sandbox, stripe, receiver } = await startHarness();
    const error = await rejectionOf(
      stripe.paymentIntents.create({ amount: 2_500, currency: 'usd', payment_method: card, confirm: true, ...CARD_ONLY }),
    );

    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error.statusCode).toBe(402);
    expect(error.code).toBe(code);
    expect(error.decline_code).toBe(declineCode);
    expect(error.charge).toMatch(/^ch_/);
    const intent = (error.raw as { payment_intent: Stripe.PaymentIntent }).payment_intent;
    expect(intent).toEqual(error.payment_intent);
    expect(intent.status).toBe('requires_payment_method');
    expect(intent.payment_method).toBeNull();
    expect(intent.last_payment_error).toMatchObject({ type: 'card_error', code, decline_code: declineCode });
    const failedMethod = intent.last_payment_error?.payment_method;
    expect(failedMethod?.id).toMatch(/^pm_/);

    const stored = await stripe.paymentIntents.retrieve(intent.id);
    expect(stored.status).toBe('requires_payment_method');
    expect(stored.amount_received).toBe(0);

    // The customer can try again with another card on the same intent.
    const retried = await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    expect(retried.status).toBe('succeeded');

    await sandbox.idle();
    expect(eventTypesFor(receiver.events, intent.id)).toEqual([
      'payment_intent.created',
      'payment_intent.payment_failed',
      'payment_intent.succeeded',
    ]);
  });

  it('declines on a separate confirm the same way', async () => {
    const { stripe } = await startHarness();
    const created = await stripe.paymentIntents.create({ amount: 2_500, currency: 'usd', ...CARD_ONLY });
    const error = await rejectionOf(
      stripe.paymentIntents.confirm(created.id, { payment_method: 'pm_card_chargeDeclinedInsufficientFunds' }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error.decline_code).toBe('insufficient_funds');
    expect(error.payment_intent?.id).toBe(created.id);
    expect(error.payment_intent?.status).toBe('requires_payment_method');
  });
});

describe('3-D Secure', () => {
  it('asks on-session payments to authenticate; authenticate(succeed) completes them', async () => {
    const { sandbox, stripe, receiver } = await startHarness();
    const intent = await stripe.paymentIntents.create({
      amount: 3_000,
      currency: 'usd',
      payment_method: 'pm_card_authenticationRequired',
      confirm: true,
      ...CARD_ONLY,
    });
    expect(intent.status).toBe('requires_action');
    expect(intent.next_action?.type).toBe('use_stripe_sdk');

    await sandbox.authenticate(intent.id, 'succeed');
    const completed = await stripe.paymentIntents.retrieve(intent.id);
    expect(completed.status).toBe('succeeded');
    expect(completed.amount_received).toBe(3_000);
    expect(completed.next_action).toBeNull();

    await sandbox.idle();
    expect(eventTypesFor(receiver.events, intent.id)).toEqual([
      'payment_intent.created',
      'payment_intent.requires_action',
      'payment_intent.succeeded',
    ]);
    await expect(sandbox.authenticate(intent.id, 'succeed')).rejects.toThrow(/requires_action/);
  });

  it('fails the payment when authentication fails', async () => {
    const { sandbox, stripe, receiver } = await startHarness();
    const intent = await stripe.paymentIntents.create({
      amount: 3_000,
      currency: 'usd',
      payment_method: 'pm_card_threeDSecure2Required',
      confirm: true,
      ...CARD_ONLY,
    });
    await sandbox.authenticate(intent.id, 'fail');

    const failed = await stripe.paymentIntents.retrieve(intent.id);
    expect(failed.status).toBe('requires_payment_method');
    expect(failed.last_payment_error?.code).toBe('payment_intent_authentication_failure');
    expect(failed.last_payment_error?.payment_method?.card?.last4).toBe('3220');
    await sandbox.idle();
    expect(eventTypesFor(receiver.events, intent.id).at(-1)).toBe('payment_intent.payment_failed');
  });

  it('lets a browser authenticate with the client secret over CORS, and refuses a wrong secret', async () => {
    const { sandbox, stripe } = await startHarness();
    const intent = await stripe.paymentIntents.create({
      amount: 3_000,
      currency: 'usd',
      payment_method: 'pm_card_authenticationRequired',
      confirm: true,
      ...CARD_ONLY,
    });
    const endpoint = `${sandbox.url}/v1/payment_intents/${intent.id}/sandbox_authenticate`;

    const preflight = await fetch(endpoint, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');

    const forged = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:5173' },
      body: JSON.stringify({ client_secret: `${intent.id}_secret_wrong`, outcome: 'succeed' }),
    });
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { error: { param: string } }).error.param).toBe('client_secret');
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('requires_action');

    const answer = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:5173' },
      body: JSON.stringify({ client_secret: intent.client_secret, outcome: 'succeed' }),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(((await answer.json()) as Stripe.PaymentIntent).status).toBe('succeeded');
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
  });

  it('fails off-session payments that need authentication with authentication_required', async () => {
    const { sandbox, stripe, receiver } = await startHarness();
    const customer = await stripe.customers.create({ email: 'grace@example.com' });
    const saved = await stripe.paymentMethods.attach('pm_card_authenticationRequired', { customer: customer.id });

    const error = await rejectionOf(
      stripe.paymentIntents.create({
        amount: 4_000,
        currency: 'usd',
        customer: customer.id,
        payment_method: saved.id,
        off_session: true,
        confirm: true,
        ...CARD_ONLY,
      }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error.code).toBe('authentication_required');
    expect(error.decline_code).toBe('authentication_required');
    expect(error.payment_intent?.status).toBe('requires_payment_method');
    // Stripe's recovery recipe: bring the customer back on-session with the failed payment method.
    expect(error.payment_intent?.last_payment_error?.payment_method?.id).toBe(saved.id);

    const onSession = await stripe.paymentIntents.confirm(error.payment_intent?.id as string, { payment_method: saved.id });
    expect(onSession.status).toBe('requires_action');
    await sandbox.authenticate(onSession.id, 'succeed');
    expect((await stripe.paymentIntents.retrieve(onSession.id)).status).toBe('succeeded');
    await sandbox.idle();
    expect(eventTypesFor(receiver.events, onSession.id)).toEqual([
      'payment_intent.created',
      'payment_intent.payment_failed',
      'payment_intent.requires_action',
      'payment_intent.succeeded',
    ]);
  });

  it('authenticates authenticationRequiredOnSetup once at setup, then charges it off-session', async () => {
    const { sandbox, stripe } = await startHarness();
    const customer = await stripe.customers.create({ email: 'alan@example.com' });

    const unsetUp = await rejectionOf(
      stripe.paymentIntents.create({
        amount: 1_000,
        currency: 'usd',
        payment_method: 'pm_card_authenticationRequiredOnSetup',
        off_session: true,
        confirm: true,
        ...CARD_ONLY,
      }),
    );
    expect(unsetUp.code).toBe('authentication_required');

    const setup = await stripe.setupIntents.create({
      customer: customer.id,
      payment_method: 'pm_card_authenticationRequiredOnSetup',
      confirm: true,
      ...CARD_ONLY,
    });
    expect(setup.status).toBe('requires_action');
    const answer = await fetch(`${sandbox.url}/v1/setup_intents/${setup.id}/sandbox_authenticate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_secret: setup.client_secret as string, outcome: 'succeed' }).toString(),
    });
    expect(answer.status).toBe(200);
    const done = await stripe.setupIntents.retrieve(setup.id);
    expect(done.status).toBe('succeeded');
    const paymentMethodId = done.payment_method as string;
    expect((await stripe.paymentMethods.retrieve(paymentMethodId)).customer).toBe(customer.id);

    const offSession = await stripe.paymentIntents.create({
      amount: 1_000,
      currency: 'usd',
      customer: customer.id,
      payment_method: paymentMethodId,
      off_session: true,
      confirm: true,
      ...CARD_ONLY,
    });
    expect(offSession.status).toBe('succeeded');
  });

  it('fails a setup whose authentication fails', async () => {
    const { sandbox, stripe, receiver } = await startHarness();
    const customer = await stripe.customers.create({});
    const setup = await stripe.setupIntents.create({
      customer: customer.id,
      payment_method: 'pm_card_authenticationRequired',
      confirm: true,
      ...CARD_ONLY,
    });
    await sandbox.authenticate(setup.id, 'fail');
    const failed = await stripe.setupIntents.retrieve(setup.id);
    expect(failed.status).toBe('requires_payment_method');
    expect(failed.last_setup_error?.code).toBe('setup_intent_authentication_failure');
    expect((await stripe.customers.listPaymentMethods(customer.id)).data).toEqual([]);
    await sandbox.idle();
    expect(eventTypesFor(receiver.events, setup.id)).toEqual(['setup_intent.requires_action', 'setup_intent.setup_failed']);
  });
});

describe('saved payment methods', () => {
  it('sets up, lists, attaches, makes default and detaches', async () => {
    const { sandbox, stripe, receiver } = await startHarness();
    const customer = await stripe.customers.create({ email: 'edsger@example.com', name: 'Edsger' });
    expect(customer.invoice_settings.default_payment_method).toBeNull();

    const setup = await stripe.setupIntents.create({ customer: customer.id, payment_method: 'pm_card_visa', confirm: true, ...CARD_ONLY });
    expect(setup.status).toBe('succeeded');
    expect(setup.usage).toBe('off_session');
    const visaId = setup.payment_method as string;
    expect(visaId).toMatch(/^pm_/);
    expect(visaId).not.toBe('pm_card_visa');

    const mastercard = await stripe.paymentMethods.attach('pm_card_mastercard', { customer: customer.id });
    expect(mastercard.id).not.toBe('pm_card_mastercard');
    expect(mastercard.customer).toBe(customer.id);
    expect(mastercard.card?.brand).toBe('mastercard');

    const listed = await stripe.customers.listPaymentMethods(customer.id, { type: 'card' });
    expect(listed.object).toBe('list');
    expect(listed.has_more).toBe(false);
    expect(listed.data.map((method) => method.id)).toEqual([mastercard.id, visaId]);
    const viaPaymentMethods = await stripe.paymentMethods.list({ customer: customer.id, type: 'card' });
    expect(viaPaymentMethods.data.map((method) => method.id)).toEqual([mastercard.id, visaId]);
    const firstPage = await stripe.customers.listPaymentMethods(customer.id, { limit: 1 });
    expect(firstPage.has_more).toBe(true);

    const updated = await stripe.customers.update(customer.id, {
      invoice_settings: { default_payment_method: mastercard.id },
      metadata: { tier: 'gold' },
    });
    expect(updated.invoice_settings.default_payment_method).toBe(mastercard.id);
    expect(updated.metadata).toEqual({ tier: 'gold' });
    const expanded = await stripe.customers.retrieve(customer.id, { expand: ['invoice_settings.default_payment_method'] });
    expect(((expanded as Stripe.Customer).invoice_settings.default_payment_method as Stripe.PaymentMethod).card?.last4).toBe('4444');

    const detached = await stripe.paymentMethods.detach(mastercard.id);
    expect(detached.customer).toBeNull();
    const afterDetach = (await stripe.customers.retrieve(customer.id)) as Stripe.Customer;
    expect(afterDetach.invoice_settings.default_payment_method).toBeNull();
    expect((await stripe.customers.listPaymentMethods(customer.id)).data.map((method) => method.id)).toEqual([visaId]);

    const detachAgain = await rejectionOf(stripe.paymentMethods.detach(mastercard.id));
    expect(detachAgain).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    const reuse = await rejectionOf(
      stripe.paymentIntents.create({ amount: 1_000, currency: 'usd', payment_method: mastercard.id, confirm: true, ...CARD_ONLY }),
    );
    expect(reuse.param).toBe('payment_method');
    const foreignDefault = await rejectionOf(
      stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: mastercard.id } }),
    );
    expect(foreignDefault.param).toBe('invoice_settings[default_payment_method]');

    // The saved card pays off-session.
    const renewal = await stripe.paymentIntents.create({
      amount: 1_000,
      currency: 'usd',
      customer: customer.id,
      payment_method: visaId,
      off_session: true,
      confirm: true,
      ...CARD_ONLY,
    });
    expect(renewal.status).toBe('succeeded');

    await sandbox.idle();
    expect(eventTypesFor(receiver.events, setup.id)).toEqual(['setup_intent.succeeded']);
    expect(eventTypesFor(receiver.events, mastercard.id)).toEqual(['payment_method.attached', 'payment_method.detached']);
    expect(eventTypesFor(receiver.events, visaId)).toEqual(['payment_method.attached']);
  });

  it('refuses to attach declining cards, but attaches chargeCustomerFail and then declines its charges', async () => {
    const { stripe } = await startHarness();
    const customer = await stripe.customers.create({});
    const declined = await rejectionOf(stripe.paymentMethods.attach('pm_card_chargeDeclined', { customer: customer.id }));
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(declined.decline_code).toBe('generic_decline');
    const setupDeclined = await rejectionOf(
      stripe.setupIntents.create({
        customer: customer.id,
        payment_method: 'pm_card_chargeDeclinedExpiredCard',
        confirm: true,
        ...CARD_ONLY,
      }),
    );
    expect(setupDeclined).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(setupDeclined.code).toBe('expired_card');
    expect((setupDeclined.raw as { setup_intent: Stripe.SetupIntent }).setup_intent.status).toBe('requires_payment_method');

    const failing = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id });
    expect(failing.customer).toBe(customer.id);
    const charge = await rejectionOf(
      stripe.paymentIntents.create({
        amount: 1_000,
        currency: 'usd',
        customer: customer.id,
        payment_method: failing.id,
        off_session: true,
        confirm: true,
        ...CARD_ONLY,
      }),
    );
    expect(charge).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(charge.code).toBe('card_declined');
  });

  it('attaches a payment_method given at customer creation, or refuses the whole creation', async () => {
    const { stripe } = await startHarness();
    const customer = await stripe.customers.create({
      payment_method: 'pm_card_amex',
      invoice_settings: { default_payment_method: 'pm_card_amex' },
    });
    const defaultId = customer.invoice_settings.default_payment_method as string;
    expect(defaultId).toMatch(/^pm_/);
    expect(defaultId).not.toBe('pm_card_amex');
    expect((await stripe.paymentMethods.retrieve(defaultId)).customer).toBe(customer.id);

    const declined = await rejectionOf(stripe.customers.create({ payment_method: 'pm_card_chargeDeclinedIncorrectCvc' }));
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(declined.code).toBe('incorrect_cvc');
  });

  it('attaches the card of a payment with setup_future_usage to the customer', async () => {
    const { stripe } = await startHarness();
    const customer = await stripe.customers.create({});
    const intent = await stripe.paymentIntents.create({
      amount: 1_000,
      currency: 'usd',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      setup_future_usage: 'off_session',
      confirm: true,
      ...CARD_ONLY,
    });
    const saved = await stripe.paymentMethods.retrieve(intent.payment_method as string);
    expect(saved.customer).toBe(customer.id);

    const oneOff = await stripe.paymentIntents.create({
      amount: 1_000,
      currency: 'usd',
      customer: customer.id,
      payment_method: 'pm_card_mastercard',
      confirm: true,
      ...CARD_ONLY,
    });
    expect((await stripe.paymentMethods.retrieve(oneOff.payment_method as string)).customer).toBeNull();
  });
});

describe('refunds', () => {
  it('refunds partially, refuses too much, refunds the rest, then refuses again', async () => {
    const { sandbox, stripe, receiver } = await startHarness();
    const intent = await stripe.paymentIntents.create({
      amount: 5_000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
      ...CARD_ONLY,
    });

    const partial = await stripe.refunds.create({
      payment_intent: intent.id,
      amount: 2_000,
      reason: 'requested_by_customer',
      metadata: { ticket: 't1' },
    });
    expect(partial).toMatchObject({
      object: 'refund',
      amount: 2_000,
      currency: 'usd',
      payment_intent: intent.id,
      charge: intent.latest_charge,
      status: 'succeeded',
      reason: 'requested_by_customer',
      metadata: { ticket: 't1' },
    });
    expect(partial.id).toMatch(/^re_/);
    expect(await stripe.refunds.retrieve(partial.id)).toMatchObject({ id: partial.id, amount: 2_000 });

    const tooLarge = await rejectionOf(stripe.refunds.create({ payment_intent: intent.id, amount: 3_001 }));
    expect(tooLarge).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(tooLarge.code).toBe('amount_too_large');

    const rest = await stripe.refunds.create({ payment_intent: intent.id });
    expect(rest.amount).toBe(3_000);
    const charge = await stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 5_000, refunded: true });

    const again = await rejectionOf(stripe.refunds.create({ payment_intent: intent.id, amount: 1 }));
    expect(again.code).toBe('charge_already_refunded');

    const unpaid = await stripe.paymentIntents.create({ amount: 5_000, currency: 'usd', ...CARD_ONLY });
    const notRefundable = await rejectionOf(stripe.refunds.create({ payment_intent: unpaid.id }));
    expect(notRefundable).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);

    await sandbox.idle();
    const refundEvents = receiver.events.filter((event) => event.type === 'refund.created' || event.type === 'charge.refunded');
    expect(refundEvents.map((event) => event.type)).toEqual(['refund.created', 'charge.refunded', 'refund.created', 'charge.refunded']);
    const lastChargeEvent = refundEvents.at(-1) as Stripe.ChargeRefundedEvent;
    expect(lastChargeEvent.data.object).toMatchObject({ amount_refunded: 5_000, refunded: true });
    expect(lastChargeEvent.data.previous_attributes).toMatchObject({ amount_refunded: 2_000, refunded: false });
  });
});

describe('refunds that fail', () => {
  it('while failRefunds is set, a refund comes back failed with its reason and moves nothing; an idempotent replay answers the same; unset, refunds succeed', async () => {
    const { sandbox, stripe, receiver } = await startHarness();
    const intent = await stripe.paymentIntents.create({
      amount: 5_000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
      ...CARD_ONLY,
    });
    sandbox.failRefunds('expired_or_canceled_card');
    const failed = await stripe.refunds.create({ payment_intent: intent.id, amount: 2_000 }, { idempotencyKey: 'refund-1' });
    expect(failed).toMatchObject({ object: 'refund', amount: 2_000, status: 'failed', failure_reason: 'expired_or_canceled_card' });
    expect(await stripe.refunds.retrieve(failed.id)).toMatchObject({ status: 'failed' });
    expect(await stripe.charges.retrieve(intent.latest_charge as string)).toMatchObject({ amount_refunded: 0, refunded: false });

    sandbox.failRefunds(null);
    const replayed = await stripe.refunds.create({ payment_intent: intent.id, amount: 2_000 }, { idempotencyKey: 'refund-1' });
    expect(replayed).toMatchObject({ id: failed.id, status: 'failed' });
    const paid = await stripe.refunds.create({ payment_intent: intent.id, amount: 2_000 }, { idempotencyKey: 'refund-2' });
    expect(paid.status).toBe('succeeded');
    expect(await stripe.charges.retrieve(intent.latest_charge as string)).toMatchObject({ amount_refunded: 2_000 });

    await sandbox.idle();
    const types = receiver.events.map((event) => event.type).filter((type) => type.startsWith('refund.') || type === 'charge.refunded');
    expect(types).toEqual(['refund.created', 'refund.failed', 'refund.created', 'charge.refunded']);
  });
});

describe('idempotency and authentication', () => {
  it('replays the first response for the same key and body, refuses a different body', async () => {
    const { sandbox, stripe } = await startHarness();
    const params = { amount: 1_000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, ...CARD_ONLY };
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: 'top-up-1' });
    const replay = await stripe.paymentIntents.create(params, { idempotencyKey: 'top-up-1' });
    expect(replay.id).toBe(first.id);
    expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();

    const mismatch = await rejectionOf(stripe.paymentIntents.create({ ...params, amount: 2_000 }, { idempotencyKey: 'top-up-1' }));
    expect(mismatch).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(mismatch.rawType).toBe('idempotency_error');

    // A decline ran, so it is kept and replayed too, without a second attempt.
    const declineParams = { ...params, payment_method: 'pm_card_chargeDeclined' };
    const declined = await rejectionOf(stripe.paymentIntents.create(declineParams, { idempotencyKey: 'top-up-2' }));
    const declinedAgain = await rejectionOf(stripe.paymentIntents.create(declineParams, { idempotencyKey: 'top-up-2' }));
    expect(declinedAgain).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(declinedAgain.payment_intent?.id).toBe(declined.payment_intent?.id);
    expect(sandbox.events().filter((event) => event.type === 'payment_intent.created')).toHaveLength(2);
  });

  it('answers 401 without a test secret key', async () => {
    const { sandbox } = await startHarness();
    const live = new Stripe('sk_live_nope', { ...sandbox.stripeConnection(), maxNetworkRetries: 0, telemetry: false });
    const error = await rejectionOf(live.customers.create({}));
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);

    const anonymous = await fetch(`${sandbox.url}/v1/customers`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
  });
});

describe('webhook delivery', () => {
  it('retries after a 500 until the endpoint answers 2xx', async () => {
    const { sandbox, stripe, receiver } = await startHarness();
    receiver.respond = (_event, attempt) => (attempt === 1 ? 500 : 200);
    const customer = await stripe.customers.create({});
    const method = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    await sandbox.idle();

    const attempts = receiver.deliveries.filter((delivery) => delivery.eventId !== undefined);
    expect(attempts.map((delivery) => delivery.status)).toEqual([500, 200]);
    expect((attempts[1]?.atMs ?? 0) - (attempts[0]?.atMs ?? 0)).toBeGreaterThanOrEqual(200);
    expect(eventTypesFor(receiver.events, method.id)).toEqual(['payment_method.attached']);
    expect(sandbox.pendingEvents()).toEqual([]);
  });

  it('gives up after webhookAttemptsMax and keeps the event pending', async () => {
    const { sandbox, stripe, receiver } = await startHarness({ webhookAttemptsMax: 2 });
    receiver.respond = () => 503;
    const customer = await stripe.customers.create({});
    await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    await sandbox.idle();
    expect(receiver.deliveries.map((delivery) => delivery.status)).toEqual([503, 503]);
    expect(sandbox.pendingEvents().map((event) => event.type)).toEqual(['payment_method.attached']);
  });

  it('queues events while paused and sends them in order on resume', async () => {
    const { sandbox, stripe, receiver } = await startHarness();
    sandbox.pauseWebhooks();
    const intent = await stripe.paymentIntents.create({
      amount: 1_000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
      ...CARD_ONLY,
    });
    await sandbox.idle();
    expect(receiver.deliveries).toEqual([]);
    expect(sandbox.pendingEvents().map((event) => event.type)).toEqual(['payment_intent.created', 'payment_intent.succeeded']);

    await sandbox.resumeWebhooks();
    expect(eventTypesFor(receiver.events, intent.id)).toEqual(['payment_intent.created', 'payment_intent.succeeded']);
    expect(sandbox.pendingEvents()).toEqual([]);
  });

  it('records events without sending them until a webhook URL is set', async () => {
    const receiver = await startReceiver();
    cleanups.push(receiver.close);
    const sandbox = await StripeSandbox.start({ webhookSecret: WEBHOOK_SECRET });
    cleanups.push(() => sandbox.close());
    const stripe = new Stripe('sk_test_sandbox', { ...sandbox.stripeConnection(), maxNetworkRetries: 0, telemetry: false });
    await stripe.paymentIntents.create({ amount: 1_000, currency: 'usd', ...CARD_ONLY });
    await sandbox.idle();
    expect(sandbox.events().map((event) => event.type)).toEqual(['payment_intent.created']);
    expect(sandbox.pendingEvents()).toEqual([]);

    sandbox.setWebhookUrl(receiver.url);
    await stripe.paymentIntents.create({ amount: 1_000, currency: 'usd', ...CARD_ONLY });
    await sandbox.idle();
    expect(receiver.events).toHaveLength(1);
  });

  it('signs deliver() so that a stale timestamp or another secret fails constructEvent', async () => {
    const { sandbox, stripe, receiver } = await startHarness();
    await stripe.paymentIntents.create({ amount: 1_000, currency: 'usd', ...CARD_ONLY });
    await sandbox.idle();
    const [event] = sandbox.events();
    if (!event) throw new Error('expected an event');

    const nowSeconds = Math.floor(Date.now() / 1000);
    expect(await sandbox.deliver(event, { timestampSeconds: nowSeconds - SIGNATURE_TOLERANCE_SECONDS - 60 })).toBe(400);
    expect(receiver.rejections.at(-1)).toMatch(/Timestamp outside the tolerance zone/);
    expect(await sandbox.deliver(event, { secret: 'whsec_forged' })).toBe(400);
    expect(receiver.rejections.at(-1)).toMatch(/No signatures found matching the expected signature/);
    expect(await sandbox.deliver(event)).toBe(200);
  });
});

describe('clock', () => {
  it('stamps objects and events with the nowSeconds clock', async () => {
    const sandbox = await StripeSandbox.start({ webhookSecret: WEBHOOK_SECRET, nowSeconds: () => 1_700_000_000.75 });
    cleanups.push(() => sandbox.close());
    const stripe = new Stripe('sk_test_sandbox', { ...sandbox.stripeConnection(), maxNetworkRetries: 0, telemetry: false });
    const customer = await stripe.customers.create({});
    const intent = await stripe.paymentIntents.create({ amount: 1_000, currency: 'usd', ...CARD_ONLY });
    expect(customer.created).toBe(1_700_000_000);
    expect(intent.created).toBe(1_700_000_000);
    expect(sandbox.events().map((event) => event.created)).toEqual([1_700_000_000]);
  });
});

describe('test card list', () => {
  it('lists every card the sandbox understands, with unique ids', () => {
    const ids = SANDBOX_TEST_CARDS.map((card) => card.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'pm_card_visa',
        'pm_card_visa_debit',
        'pm_card_mastercard',
        'pm_card_amex',
        'pm_card_chargeDeclined',
        'pm_card_chargeDeclinedInsufficientFunds',
        'pm_card_chargeDeclinedExpiredCard',
        'pm_card_chargeDeclinedIncorrectCvc',
        'pm_card_chargeDeclinedProcessingError',
        'pm_card_chargeCustomerFail',
        'pm_card_authenticationRequired',
        'pm_card_authenticationRequiredOnSetup',
        'pm_card_threeDSecure2Required',
      ]),
    );
    for (const card of SANDBOX_TEST_CARDS) {
      expect(card.last4).toMatch(/^\d{4}$/);
      expect(card.behaviour.length).toBeGreaterThan(10);
    }
  });
});
