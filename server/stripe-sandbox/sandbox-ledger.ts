/**
 * The sandbox's in-memory Stripe account: customers, payment methods, payment and setup intents,
 * charges, refunds and the events their changes produce. Every operation is synchronous, checks
 * all of its input before it changes anything, and throws SandboxApiError for the failures Stripe
 * reports (a decline changes the intent first, then throws, as Stripe answers 402 after recording
 * the failed attempt).
 */
import { randomBytes } from 'node:crypto';
import type Stripe from 'stripe';
import {
  optionalBoolean,
  optionalEnum,
  optionalHash,
  optionalInteger,
  optionalNullableString,
  optionalString,
  optionalStringArray,
  requiredString,
  type Params,
} from './form-params.js';
import { docUrl, invalidRequest, resourceMissing, SandboxApiError } from './sandbox-errors.js';
import { findTestCard, type CardDecline, type TestCardSpec } from './test-cards.js';

/** The event types the sandbox emits. */
export type SandboxEventType =
  | 'payment_intent.created'
  | 'payment_intent.requires_action'
  | 'payment_intent.succeeded'
  | 'payment_intent.payment_failed'
  | 'payment_intent.canceled'
  | 'setup_intent.succeeded'
  | 'setup_intent.requires_action'
  | 'setup_intent.setup_failed'
  | 'payment_method.attached'
  | 'payment_method.detached'
  | 'charge.refunded'
  | 'refund.created'
  | 'refund.failed';

/**
 * Why Stripe says a refund failed (`refund.failure_reason`), the values a sandbox test can make
 * refunds fail with.
 */
export type RefundFailureReason = 'expired_or_canceled_card' | 'lost_or_stolen_card' | 'declined' | 'insufficient_funds' | 'unknown';

/** The API request that caused a change (Stripe's `event.request`); both null for changes made outside a request. */
export interface RequestInfo {
  id: string | null;
  idempotencyKey: string | null;
}

/** Outcome of a simulated 3-D Secure challenge. */
export type AuthenticationOutcome = 'succeed' | 'fail';

export interface SandboxLedgerOptions {
  /** Unix-seconds clock for `created`. */
  nowSeconds: () => number;
  /** Stripe API version written into events. */
  apiVersion: string;
  /** Base URL of the sandbox (http://host:port), for next_action hints. */
  baseUrl: string;
}

/** Metadata limits, as Stripe enforces them. */
const METADATA_KEYS_MAX = 50;
const METADATA_KEY_CHARACTERS_MAX = 40;
const METADATA_VALUE_CHARACTERS_MAX = 500;

/** Largest amount in minor units (Stripe: $999,999.99). */
const AMOUNT_MAX = 99_999_999;
/** Smallest charge per currency in minor units (Stripe's minimums); other currencies: 1. */
const AMOUNT_MIN_BY_CURRENCY: ReadonlyMap<string, number> = new Map([
  ['usd', 50],
  ['eur', 50],
  ['gbp', 30],
  ['cad', 50],
  ['aud', 50],
  ['chf', 50],
]);

/** List page sizes, as Stripe bounds them. */
const LIST_LIMIT_DEFAULT = 10;
const LIST_LIMIT_MAX = 100;

const CARD_EXPIRY_YEARS_AHEAD = 3;

const RETURN_URL_MESSAGE = (noun: string): string =>
  `A \`return_url\` must be specified because this ${noun} is configured to automatically accept the payment methods enabled in the Dashboard, some of which may require a full page redirect to succeed. If you do not want to accept redirect-based payment methods, set \`automatic_payment_methods[enabled]\` to \`true\` and \`automatic_payment_methods[allow_redirects]\` to \`never\` when creating Setup Intents and Payment Intents.`;

const PI_AUTHENTICATION_FAILURE_MESSAGE =
  'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.';
const SI_AUTHENTICATION_FAILURE_MESSAGE = 'The latest attempt to set up the payment method has failed because authentication failed.';
const AUTHENTICATION_REQUIRED: CardDecline = {
  code: 'authentication_required',
  declineCode: 'authentication_required',
  message: 'Your card was declined. This transaction requires authentication.',
};

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random Stripe-looking id: `prefix_` and 24 base-62 characters. */
export function newId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let id = `${prefix}_`;
  for (const byte of bytes) {
    id += BASE62[byte % BASE62.length];
  }
  return id;
}

interface PaymentMethodEntry {
  object: Stripe.PaymentMethod;
  card: TestCardSpec;
  /** Set up for future use (a SetupIntent or a payment with setup_future_usage succeeded). */
  setUp: boolean;
  /** Used once without being attached (or detached): Stripe refuses to use it again. */
  consumed: boolean;
}

interface AutomaticPaymentMethods {
  enabled: boolean;
  allow_redirects: 'always' | 'never';
}

interface PaymentIntentEntry {
  object: Stripe.PaymentIntent;
  returnUrl: string | null;
  offSession: boolean;
}

interface SetupIntentEntry {
  object: Stripe.SetupIntent;
  returnUrl: string | null;
}

/** The in-memory account. See the module comment. */
export class SandboxLedger {
  private readonly customers = new Map<string, Stripe.Customer>();
  private readonly paymentMethods = new Map<string, PaymentMethodEntry>();
  private readonly paymentIntents = new Map<string, PaymentIntentEntry>();
  private readonly setupIntents = new Map<string, SetupIntentEntry>();
  private readonly charges = new Map<string, Stripe.Charge>();
  private readonly refunds = new Map<string, Stripe.Refund>();
  private readonly eventsById = new Map<string, Stripe.Event>();
  private readonly eventLog: Stripe.Event[] = [];
  private outbox: Stripe.Event[] = [];
  /** While set, every new refund fails with this reason (see {@link SandboxLedger.setRefundFailure}). */
  private refundFailure: RefundFailureReason | null = null;

  constructor(private readonly options: SandboxLedgerOptions) {}

  /**
   * From now on every new refund fails with `reason` (null: refunds succeed again), as Stripe's do
   * when the card's issuer refuses the money back (a closed or expired card): the refund is created
   * with `status: 'failed'` and its `failure_reason`, nothing is refunded on the charge, and
   * `refund.failed` is emitted. An idempotent replay still answers what was answered first.
   */
  setRefundFailure(reason: RefundFailureReason | null): void {
    this.refundFailure = reason;
  }

  /** Every event so far, oldest first (the stored objects: callers must not change them). */
  allEvents(): readonly Stripe.Event[] {
    return this.eventLog;
  }

  /** Events created since the last call, oldest first, for delivery. */
  takeOutbox(): Stripe.Event[] {
    const events = this.outbox;
    this.outbox = [];
    return events;
  }

  /** The current object with this id (for `expand`), or undefined. */
  lookup(id: string): unknown {
    return (
      this.customers.get(id) ??
      this.paymentMethods.get(id)?.object ??
      this.paymentIntents.get(id)?.object ??
      this.setupIntents.get(id)?.object ??
      this.charges.get(id) ??
      this.refunds.get(id) ??
      this.eventsById.get(id)
    );
  }

  // Customers ---------------------------------------------------------------------------------

  /** POST /v1/customers (email, name, description, phone, metadata, payment_method, invoice_settings). */
  createCustomer(params: Params, request: RequestInfo): Stripe.Customer {
    const email = optionalNullableString(params, 'email') ?? null;
    const name = optionalNullableString(params, 'name') ?? null;
    const description = optionalNullableString(params, 'description') ?? null;
    const phone = optionalNullableString(params, 'phone') ?? null;
    const metadata = this.applyMetadata({}, params);
    const paymentMethodId = optionalString(params, 'payment_method');
    const invoiceSettings = optionalHash(params, 'invoice_settings');
    const defaultPaymentMethod = invoiceSettings ? optionalNullableString(invoiceSettings, 'default_payment_method') : undefined;
    const paymentMethod = paymentMethodId === undefined ? undefined : this.paymentMethodForAttach(paymentMethodId);
    if (paymentMethod) {
      // A declined verification or a foreign owner fails the whole request, as at Stripe.
      this.checkAttachable(paymentMethod, undefined);
    }
    if (defaultPaymentMethod && defaultPaymentMethod !== paymentMethodId) {
      throw this.notAttachedToCustomer(defaultPaymentMethod);
    }
    const customer: Stripe.Customer = {
      id: newId('cus', 14),
      object: 'customer',
      address: null,
      balance: 0,
      created: this.now(),
      currency: null,
      default_source: null,
      delinquent: false,
      description,
      email,
      invoice_prefix: randomBytes(4).toString('hex').toUpperCase(),
      invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
      livemode: false,
      metadata,
      name,
      next_invoice_sequence: 1,
      phone,
      preferred_locales: [],
      shipping: null,
      tax_exempt: 'none',
      test_clock: null,
    } satisfies Stripe.Customer;
    this.customers.set(customer.id, customer);
    if (paymentMethod) {
      const attached = this.attach(paymentMethod, customer.id, request);
      if (defaultPaymentMethod) {
        customer.invoice_settings.default_payment_method = attached.object.id;
      }
    }
    return customer;
  }

  /** GET /v1/customers/:id. @throws 404 resource_missing. */
  retrieveCustomer(id: string): Stripe.Customer {
    return this.customer(id, 'id');
  }

  /** POST /v1/customers/:id; a default payment method must be attached to the customer. */
  updateCustomer(id: string, params: Params): Stripe.Customer {
    const customer = this.customer(id, 'id');
    const email = optionalNullableString(params, 'email');
    const name = optionalNullableString(params, 'name');
    const description = optionalNullableString(params, 'description');
    const phone = optionalNullableString(params, 'phone');
    const invoiceSettings = optionalHash(params, 'invoice_settings');
    const defaultPaymentMethod = invoiceSettings ? optionalNullableString(invoiceSettings, 'default_payment_method') : undefined;
    if (defaultPaymentMethod) {
      const entry = this.paymentMethods.get(defaultPaymentMethod);
      if (!entry || entry.object.customer !== customer.id) {
        throw this.notAttachedToCustomer(defaultPaymentMethod);
      }
    }
    const metadata = this.applyMetadata(customer.metadata, params);
    customer.metadata = metadata;
    if (email !== undefined) customer.email = email;
    if (name !== undefined) customer.name = name;
    if (description !== undefined) customer.description = description;
    if (phone !== undefined) customer.phone = phone;
    if (defaultPaymentMethod !== undefined) {
      customer.invoice_settings.default_payment_method = defaultPaymentMethod;
    }
    return customer;
  }

  // Payment methods ---------------------------------------------------------------------------

  /** A stored PaymentMethod, or a fresh unattached view of a test id like pm_card_visa. */
  retrievePaymentMethod(id: string): Stripe.PaymentMethod {
    const entry = this.paymentMethods.get(id);
    if (entry) {
      return entry.object;
    }
    const card = findTestCard(id);
    if (!card) {
      throw resourceMissing('PaymentMethod', id, 'payment_method');
    }
    return this.paymentMethodObject(id, card);
  }

  /** Payment methods attached to a customer, newest first, paginated like Stripe's lists. */
  listPaymentMethods(customerId: string, params: Params, url: string): Stripe.ApiList<Stripe.PaymentMethod> {
    this.customer(customerId, 'customer');
    const type = optionalString(params, 'type');
    const attached = [...this.paymentMethods.values()]
      .map((entry) => entry.object)
      .filter((method) => method.customer === customerId && (type === undefined || method.type === type))
      .reverse();
    return this.page(attached, params, url);
  }

  /** POST /v1/payment_methods/:id/attach; a test id is cloned into a new pm_. @throws 402 for declining cards. */
  attachPaymentMethod(id: string, params: Params, request: RequestInfo): Stripe.PaymentMethod {
    const customerId = requiredString(params, 'customer');
    const entry = this.paymentMethodForAttach(id);
    this.customer(customerId, 'customer');
    return this.attach(entry, customerId, request).object;
  }

  /** POST /v1/payment_methods/:id/detach; clears the customer's default when it was this one. */
  detachPaymentMethod(id: string, request: RequestInfo): Stripe.PaymentMethod {
    const entry = this.paymentMethods.get(id);
    if (!entry) {
      throw findTestCard(id)
        ? invalidRequest('The payment method you provided is not attached to a customer so detachment is impossible.')
        : resourceMissing('PaymentMethod', id);
    }
    const customerId = entry.object.customer;
    if (typeof customerId !== 'string') {
      throw invalidRequest('The payment method you provided is not attached to a customer so detachment is impossible.');
    }
    entry.object.customer = null;
    entry.consumed = true;
    const customer = this.customers.get(customerId);
    if (customer && customer.invoice_settings.default_payment_method === id) {
      customer.invoice_settings.default_payment_method = null;
    }
    this.emit('payment_method.detached', entry.object, request, { customer: customerId });
    return entry.object;
  }

  // Payment intents ---------------------------------------------------------------------------

  /** POST /v1/payment_intents, confirming at once with confirm=true. @throws 402 on a decline (the intent is kept). */
  createPaymentIntent(params: Params, request: RequestInfo): Stripe.PaymentIntent {
    const amount = this.amount(params);
    const currency = this.currency(params);
    const minimum = AMOUNT_MIN_BY_CURRENCY.get(currency) ?? 1;
    if (amount < minimum) {
      throw invalidRequest(`Amount must be at least ${minimum} in the smallest unit of ${currency.toUpperCase()}.`, {
        param: 'amount',
        code: 'amount_too_small',
      });
    }
    const customerId = optionalNullableString(params, 'customer') ?? null;
    if (customerId !== null) {
      this.customer(customerId, 'customer');
    }
    const confirm = optionalBoolean(params, 'confirm') ?? false;
    const offSession = optionalBoolean(params, 'off_session');
    if (offSession !== undefined && !confirm) {
      throw invalidRequest('You can only pass `off_session` when `confirm` is true.', { param: 'off_session' });
    }
    const setupFutureUsage = optionalEnum(params, 'setup_future_usage', ['on_session', 'off_session'] as const) ?? null;
    const captureMethod = optionalEnum(params, 'capture_method', ['automatic', 'automatic_async', 'manual'] as const);
    if (captureMethod === 'manual') {
      throw invalidRequest('The Stripe sandbox supports capture_method=automatic only.', { param: 'capture_method' });
    }
    const methods = this.paymentMethodConfiguration(params);
    const description = optionalNullableString(params, 'description') ?? null;
    const receiptEmail = optionalNullableString(params, 'receipt_email') ?? null;
    const returnUrl = optionalNullableString(params, 'return_url') ?? null;
    const metadata = this.applyMetadata({}, params);
    const paymentMethodId = optionalNullableString(params, 'payment_method') ?? null;
    if (confirm) {
      this.checkReturnUrl(methods.automatic, returnUrl, 'Payment Intent');
      if (paymentMethodId === null) {
        throw this.missingPaymentMethod(customerId);
      }
    }
    const paymentMethod = paymentMethodId === null ? null : this.paymentMethodForIntent(paymentMethodId, customerId, 'payment_method');

    const id = newId('pi');
    const intent = {
      id,
      object: 'payment_intent',
      allowed_payment_method_types: null,
      amount,
      amount_capturable: 0,
      amount_details: { tip: {} },
      amount_received: 0,
      application: null,
      application_fee_amount: null,
      automatic_payment_methods: methods.automatic,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: 'automatic',
      client_secret: `${id}_secret_${newId('s', 25).slice(2)}`,
      confirmation_method: 'automatic',
      created: this.now(),
      currency,
      customer: customerId,
      customer_account: null,
      description,
      excluded_payment_method_types: null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      managed_payments: null,
      metadata,
      next_action: null,
      on_behalf_of: null,
      payment_method: paymentMethod?.object.id ?? null,
      payment_method_configuration_details: null,
      payment_method_options: { card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' } },
      payment_method_types: methods.types,
      payment_record: null,
      processing: null,
      receipt_email: receiptEmail,
      review: null,
      setup_future_usage: setupFutureUsage,
      shipping: null,
      source: null,
      statement_descriptor: null,
      statement_descriptor_suffix: null,
      status: paymentMethod ? 'requires_confirmation' : 'requires_payment_method',
      transfer_data: null,
      transfer_group: null,
    } satisfies Stripe.PaymentIntent;
    const entry: PaymentIntentEntry = { object: intent, returnUrl, offSession: offSession ?? false };
    this.paymentIntents.set(id, entry);
    this.emit('payment_intent.created', intent, request);
    if (confirm) {
      this.attemptPayment(entry, request);
    }
    return intent;
  }

  /** GET /v1/payment_intents/:id. */
  retrievePaymentIntent(id: string): Stripe.PaymentIntent {
    return this.paymentIntent(id).object;
  }

  /** POST /v1/payment_intents/:id (metadata, description). */
  updatePaymentIntent(id: string, params: Params): Stripe.PaymentIntent {
    const entry = this.paymentIntent(id);
    const description = optionalNullableString(params, 'description');
    const metadata = this.applyMetadata(entry.object.metadata, params);
    entry.object.metadata = metadata;
    if (description !== undefined) {
      entry.object.description = description;
    }
    return entry.object;
  }

  /** POST /v1/payment_intents/:id/confirm. @throws 402 on a decline or an off-session authentication_required. */
  confirmPaymentIntent(id: string, params: Params, request: RequestInfo): Stripe.PaymentIntent {
    const entry = this.paymentIntent(id);
    const intent = entry.object;
    if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(intent.status)) {
      throw invalidRequest(
        `You cannot confirm this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be confirmed: requires_payment_method, requires_confirmation, requires_action.`,
        { code: 'payment_intent_unexpected_state' },
      );
    }
    const offSession = optionalBoolean(params, 'off_session');
    const returnUrl = optionalNullableString(params, 'return_url');
    const paymentMethodId = optionalNullableString(params, 'payment_method');
    const customerId = typeof intent.customer === 'string' ? intent.customer : null;
    const effectiveReturnUrl = returnUrl === undefined ? entry.returnUrl : returnUrl;
    this.checkReturnUrl(intent.automatic_payment_methods as AutomaticPaymentMethods | null, effectiveReturnUrl, 'Payment Intent');
    if (!paymentMethodId && typeof intent.payment_method !== 'string') {
      throw this.missingPaymentMethod(customerId);
    }
    const paymentMethod = paymentMethodId ? this.paymentMethodForIntent(paymentMethodId, customerId, 'payment_method') : undefined;
    if (paymentMethod) {
      intent.payment_method = paymentMethod.object.id;
    }
    entry.returnUrl = effectiveReturnUrl;
    entry.offSession = offSession ?? false;
    this.attemptPayment(entry, request);
    return intent;
  }

  /** POST /v1/payment_intents/:id/cancel. */
  cancelPaymentIntent(id: string, params: Params, request: RequestInfo): Stripe.PaymentIntent {
    const entry = this.paymentIntent(id);
    const intent = entry.object;
    const reason =
      optionalEnum(params, 'cancellation_reason', ['abandoned', 'duplicate', 'fraudulent', 'requested_by_customer'] as const) ?? null;
    const cancelable = ['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action', 'processing'];
    if (!cancelable.includes(intent.status)) {
      throw invalidRequest(
        `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${cancelable.join(', ')}.`,
        { code: 'payment_intent_unexpected_state' },
      );
    }
    intent.status = 'canceled';
    intent.cancellation_reason = reason;
    intent.canceled_at = this.now();
    intent.next_action = null;
    this.emit('payment_intent.canceled', intent, request);
    return intent;
  }

  // Setup intents -----------------------------------------------------------------------------

  /** POST /v1/setup_intents; on success the card is attached to the customer. @throws 402 on a decline. */
  createSetupIntent(params: Params, request: RequestInfo): Stripe.SetupIntent {
    const customerId = optionalNullableString(params, 'customer') ?? null;
    if (customerId !== null) {
      this.customer(customerId, 'customer');
    }
    const confirm = optionalBoolean(params, 'confirm') ?? false;
    const usage = optionalEnum(params, 'usage', ['on_session', 'off_session'] as const) ?? 'off_session';
    const methods = this.paymentMethodConfiguration(params);
    const description = optionalNullableString(params, 'description') ?? null;
    const returnUrl = optionalNullableString(params, 'return_url') ?? null;
    const metadata = this.applyMetadata({}, params);
    const paymentMethodId = optionalNullableString(params, 'payment_method') ?? null;
    if (confirm) {
      this.checkReturnUrl(methods.automatic, returnUrl, 'Setup Intent');
      if (paymentMethodId === null) {
        throw invalidRequest('You cannot confirm this SetupIntent because it is missing a payment method.', {
          param: 'payment_method',
          code: 'setup_intent_unexpected_state',
        });
      }
    }
    const paymentMethod = paymentMethodId === null ? null : this.paymentMethodForIntent(paymentMethodId, customerId, 'payment_method');
    const id = newId('seti');
    const intent = {
      id,
      object: 'setup_intent',
      allowed_payment_method_types: null,
      application: null,
      automatic_payment_methods: methods.automatic,
      cancellation_reason: null,
      client_secret: `${id}_secret_${newId('s', 25).slice(2)}`,
      created: this.now(),
      customer: customerId,
      customer_account: null,
      description,
      excluded_payment_method_types: null,
      flow_directions: null,
      last_setup_error: null,
      latest_attempt: null,
      livemode: false,
      mandate: null,
      metadata,
      next_action: null,
      on_behalf_of: null,
      payment_method: paymentMethod?.object.id ?? null,
      payment_method_configuration_details: null,
      payment_method_options: { card: { mandate_options: null, network: null, request_three_d_secure: 'automatic' } },
      payment_method_types: methods.types,
      single_use_mandate: null,
      status: paymentMethod ? 'requires_confirmation' : 'requires_payment_method',
      usage,
    } satisfies Stripe.SetupIntent;
    const entry: SetupIntentEntry = { object: intent, returnUrl };
    this.setupIntents.set(id, entry);
    if (confirm) {
      this.attemptSetup(entry, request);
    }
    return intent;
  }

  /** GET /v1/setup_intents/:id. */
  retrieveSetupIntent(id: string): Stripe.SetupIntent {
    return this.setupIntent(id).object;
  }

  /** POST /v1/setup_intents/:id/confirm. @throws 402 on a decline. */
  confirmSetupIntent(id: string, params: Params, request: RequestInfo): Stripe.SetupIntent {
    const entry = this.setupIntent(id);
    const intent = entry.object;
    if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(intent.status)) {
      throw invalidRequest(`You cannot confirm this SetupIntent because it has a status of ${intent.status}.`, {
        code: 'setup_intent_unexpected_state',
      });
    }
    const returnUrl = optionalNullableString(params, 'return_url');
    const paymentMethodId = optionalNullableString(params, 'payment_method');
    const customerId = typeof intent.customer === 'string' ? intent.customer : null;
    const effectiveReturnUrl = returnUrl === undefined ? entry.returnUrl : returnUrl;
    this.checkReturnUrl(intent.automatic_payment_methods as AutomaticPaymentMethods | null, effectiveReturnUrl, 'Setup Intent');
    if (!paymentMethodId && typeof intent.payment_method !== 'string') {
      throw invalidRequest('You cannot confirm this SetupIntent because it is missing a payment method.', {
        param: 'payment_method',
        code: 'setup_intent_unexpected_state',
      });
    }
    const paymentMethod = paymentMethodId ? this.paymentMethodForIntent(paymentMethodId, customerId, 'payment_method') : undefined;
    if (paymentMethod) {
      intent.payment_method = paymentMethod.object.id;
    }
    entry.returnUrl = effectiveReturnUrl;
    this.attemptSetup(entry, request);
    return intent;
  }

  // 3-D Secure --------------------------------------------------------------------------------

  /**
   * Completes the simulated 3-D Secure challenge of an intent in requires_action. With
   * `clientSecret`, it must match the intent's (the browser-facing endpoint).
   */
  authenticate(
    intentId: string,
    outcome: AuthenticationOutcome,
    request: RequestInfo,
    clientSecret?: string,
  ): Stripe.PaymentIntent | Stripe.SetupIntent {
    const paymentIntent = intentId.startsWith('pi_') ? this.paymentIntents.get(intentId) : undefined;
    const setupIntent = intentId.startsWith('seti_') ? this.setupIntents.get(intentId) : undefined;
    const intent = paymentIntent?.object ?? setupIntent?.object;
    if (!intent) {
      throw resourceMissing(intentId.startsWith('seti_') ? 'setup_intent' : 'payment_intent', intentId);
    }
    if (clientSecret !== undefined && clientSecret !== intent.client_secret) {
      throw invalidRequest(
        `The client_secret provided does not match any associated ${paymentIntent ? 'PaymentIntent' : 'SetupIntent'} on this account.`,
        { param: 'client_secret' },
      );
    }
    if (intent.status !== 'requires_action') {
      throw invalidRequest(
        `This ${paymentIntent ? 'PaymentIntent' : 'SetupIntent'} has a status of ${intent.status}; only one in requires_action can be authenticated.`,
        { code: paymentIntent ? 'payment_intent_unexpected_state' : 'setup_intent_unexpected_state' },
      );
    }
    const method = this.paymentMethods.get(intent.payment_method as string);
    if (!method) {
      throw new Error(`Sandbox invariant: ${intentId} in requires_action has no stored payment method.`);
    }
    intent.next_action = null;
    if (paymentIntent) {
      if (outcome === 'succeed') {
        this.charge(paymentIntent, method, request);
      } else {
        this.failPayment(paymentIntent, method, request, {
          type: 'invalid_request_error',
          code: 'payment_intent_authentication_failure',
          doc_url: docUrl('payment_intent_authentication_failure'),
          message: PI_AUTHENTICATION_FAILURE_MESSAGE,
          payment_method: method.object,
        });
      }
      return paymentIntent.object;
    }
    const setup = setupIntent as SetupIntentEntry;
    if (outcome === 'succeed') {
      this.completeSetup(setup, method, request);
    } else {
      this.failSetup(setup, method, request, {
        type: 'invalid_request_error',
        code: 'setup_intent_authentication_failure',
        doc_url: docUrl('setup_intent_authentication_failure'),
        message: SI_AUTHENTICATION_FAILURE_MESSAGE,
        payment_method: method.object,
      });
    }
    return setup.object;
  }

  // Refunds and charges -----------------------------------------------------------------------

  /** POST /v1/refunds of a succeeded payment; `amount` defaults to what is left. */
  createRefund(params: Params, request: RequestInfo): Stripe.Refund {
    const paymentIntentId = optionalString(params, 'payment_intent');
    const chargeId = optionalString(params, 'charge');
    const amountParam = optionalInteger(params, 'amount');
    const reason = optionalEnum(params, 'reason', ['duplicate', 'fraudulent', 'requested_by_customer'] as const) ?? null;
    const metadata = this.applyMetadata({}, params);
    if (!paymentIntentId && !chargeId) {
      throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.', {
        code: 'parameter_missing',
      });
    }
    let charge: Stripe.Charge | undefined;
    if (paymentIntentId) {
      const intent = this.paymentIntents.get(paymentIntentId);
      if (!intent) {
        throw resourceMissing('payment_intent', paymentIntentId, 'payment_intent');
      }
      if (intent.object.status !== 'succeeded') {
        throw invalidRequest(`This PaymentIntent (${paymentIntentId}) does not have a successful charge to refund.`, {
          param: 'payment_intent',
          code: 'charge_not_refundable',
        });
      }
      charge = this.charges.get(intent.object.latest_charge as string);
    } else if (chargeId) {
      charge = this.charges.get(chargeId);
      if (!charge) {
        throw resourceMissing('charge', chargeId, 'charge');
      }
      if (charge.status !== 'succeeded') {
        throw invalidRequest(`Charge ${chargeId} has not succeeded and cannot be refunded.`, {
          param: 'charge',
          code: 'charge_not_refundable',
        });
      }
    }
    if (!charge) {
      throw new Error(`Sandbox invariant: a succeeded PaymentIntent ${paymentIntentId ?? ''} has no stored charge.`);
    }
    const remaining = charge.amount - charge.amount_refunded;
    if (remaining <= 0) {
      throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' });
    }
    const amount = amountParam ?? remaining;
    if (amount <= 0) {
      throw invalidRequest('Invalid positive integer', { param: 'amount', code: 'parameter_invalid_integer' });
    }
    if (amount > remaining) {
      throw invalidRequest(`Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`, {
        param: 'amount',
        code: 'amount_too_large',
      });
    }
    const refund = {
      id: newId('re'),
      object: 'refund',
      amount,
      balance_transaction: newId('txn'),
      charge: charge.id,
      created: this.now(),
      currency: charge.currency,
      customer: charge.customer,
      customer_account: null,
      destination_details: {
        type: 'card',
        card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' },
      },
      metadata,
      payment_intent: charge.payment_intent,
      payment_method: charge.payment_method,
      reason,
      receipt_number: null,
      source_transfer_reversal: null,
      status: 'succeeded',
      transfer_reversal: null,
    } satisfies Stripe.Refund;
    if (this.refundFailure !== null) {
      const failed: Stripe.Refund = { ...refund, status: 'failed', failure_reason: this.refundFailure };
      this.refunds.set(failed.id, failed);
      this.emit('refund.created', failed, request);
      this.emit('refund.failed', failed, request);
      return failed;
    }
    this.refunds.set(refund.id, refund);
    const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    this.emit('refund.created', refund, request);
    this.emit('charge.refunded', charge, request, previous);
    return refund;
  }

  /** GET /v1/refunds/:id. */
  retrieveRefund(id: string): Stripe.Refund {
    const refund = this.refunds.get(id);
    if (!refund) {
      throw resourceMissing('refund', id, 'id');
    }
    return refund;
  }

  /** GET /v1/charges/:id. */
  retrieveCharge(id: string): Stripe.Charge {
    const charge = this.charges.get(id);
    if (!charge) {
      throw resourceMissing('charge', id, 'id');
    }
    return charge;
  }

  /** GET /v1/events/:id. */
  retrieveEvent(id: string): Stripe.Event {
    const event = this.eventsById.get(id);
    if (!event) {
      throw resourceMissing('event', id, 'id');
    }
    return event;
  }

  // Payment flow ------------------------------------------------------------------------------

  /** Confirms with the intent's payment method: 3-D Secure, a charge, or a decline (throws 402). */
  private attemptPayment(entry: PaymentIntentEntry, request: RequestInfo): void {
    const intent = entry.object;
    const method = this.paymentMethods.get(intent.payment_method as string);
    if (!method) {
      throw new Error(`Sandbox invariant: ${intent.id} references an unknown payment method.`);
    }
    intent.last_payment_error = null;
    intent.next_action = null;
    const authentication = method.card.authentication;
    const needsAuthentication = authentication === 'always' || (authentication === 'unlessSetUp' && !(entry.offSession && method.setUp));
    if (needsAuthentication && entry.offSession) {
      const error = this.cardErrorBody(AUTHENTICATION_REQUIRED, method);
      this.failPayment(entry, method, request, error);
      throw new SandboxApiError(402, { ...error, payment_intent: this.snapshot(intent) });
    }
    if (needsAuthentication) {
      intent.status = 'requires_action';
      intent.next_action = {
        type: 'use_stripe_sdk',
        use_stripe_sdk: {
          type: 'sandbox_three_d_secure',
          sandbox_authenticate_url: `${this.options.baseUrl}/v1/payment_intents/${intent.id}/sandbox_authenticate`,
          outcomes: ['succeed', 'fail'],
        },
      };
      this.emit('payment_intent.requires_action', intent, request);
      return;
    }
    const declined = this.charge(entry, method, request);
    if (declined) {
      throw declined;
    }
  }

  /** Charges the intent; on a decline records it and returns the 402 to answer, else undefined. */
  private charge(entry: PaymentIntentEntry, method: PaymentMethodEntry, request: RequestInfo): SandboxApiError | undefined {
    const intent = entry.object;
    const decline = method.card.chargeDecline;
    const charge = this.newCharge(intent, method, decline);
    intent.latest_charge = charge.id;
    if (decline) {
      const error = { ...this.cardErrorBody(decline, method), charge: charge.id };
      this.failPayment(entry, method, request, error);
      return new SandboxApiError(402, { ...error, payment_intent: this.snapshot(intent) });
    }
    intent.status = 'succeeded';
    intent.amount_received = intent.amount;
    const customerId = typeof intent.customer === 'string' ? intent.customer : null;
    if (intent.setup_future_usage) {
      method.setUp = true;
      if (customerId && method.object.customer === null) {
        this.attach(method, customerId, request);
      }
    }
    if (method.object.customer === null && !intent.setup_future_usage) {
      method.consumed = true;
    }
    this.emit('payment_intent.succeeded', intent, request);
    return undefined;
  }

  private failPayment(
    entry: PaymentIntentEntry,
    method: PaymentMethodEntry,
    request: RequestInfo,
    error: Stripe.PaymentIntent.LastPaymentError | ReturnType<SandboxLedger['cardErrorBody']>,
  ): void {
    const intent = entry.object;
    intent.status = 'requires_payment_method';
    intent.payment_method = null;
    intent.next_action = null;
    intent.last_payment_error = { ...(error as Stripe.PaymentIntent.LastPaymentError), payment_method: this.snapshot(method.object) };
    this.emit('payment_intent.payment_failed', intent, request);
  }

  private attemptSetup(entry: SetupIntentEntry, request: RequestInfo): void {
    const intent = entry.object;
    const method = this.paymentMethods.get(intent.payment_method as string);
    if (!method) {
      throw new Error(`Sandbox invariant: ${intent.id} references an unknown payment method.`);
    }
    intent.last_setup_error = null;
    intent.next_action = null;
    const decline = method.card.setupDecline;
    if (decline) {
      const error = this.cardErrorBody(decline, method);
      this.failSetup(entry, method, request, error);
      throw new SandboxApiError(402, { ...error, setup_intent: this.snapshot(intent) });
    }
    if (method.card.authentication !== 'never') {
      intent.status = 'requires_action';
      intent.next_action = {
        type: 'use_stripe_sdk',
        use_stripe_sdk: {
          type: 'sandbox_three_d_secure',
          sandbox_authenticate_url: `${this.options.baseUrl}/v1/setup_intents/${intent.id}/sandbox_authenticate`,
          outcomes: ['succeed', 'fail'],
        },
      };
      this.emit('setup_intent.requires_action', intent, request);
      return;
    }
    this.completeSetup(entry, method, request);
  }

  private completeSetup(entry: SetupIntentEntry, method: PaymentMethodEntry, request: RequestInfo): void {
    const intent = entry.object;
    intent.status = 'succeeded';
    intent.latest_attempt = newId('setatt');
    method.setUp = true;
    const customerId = typeof intent.customer === 'string' ? intent.customer : null;
    if (customerId && method.object.customer === null) {
      this.attach(method, customerId, request);
    }
    this.emit('setup_intent.succeeded', intent, request);
  }

  private failSetup(
    entry: SetupIntentEntry,
    method: PaymentMethodEntry,
    request: RequestInfo,
    error: ReturnType<SandboxLedger['cardErrorBody']> | Stripe.SetupIntent.LastSetupError,
  ): void {
    const intent = entry.object;
    intent.status = 'requires_payment_method';
    intent.payment_method = null;
    intent.next_action = null;
    intent.last_setup_error = { ...(error as Stripe.SetupIntent.LastSetupError), payment_method: this.snapshot(method.object) };
    this.emit('setup_intent.setup_failed', intent, request);
  }

  private cardErrorBody(decline: CardDecline, method: PaymentMethodEntry) {
    return {
      type: 'card_error' as const,
      code: decline.code,
      decline_code: decline.declineCode,
      doc_url: docUrl(decline.code),
      message: decline.message,
      ...(decline.param === undefined ? {} : { param: decline.param }),
      payment_method: this.snapshot(method.object),
    };
  }

  private newCharge(intent: Stripe.PaymentIntent, method: PaymentMethodEntry, decline: CardDecline | undefined): Stripe.Charge {
    const card = method.object.card as Stripe.PaymentMethod.Card;
    const charge = {
      id: newId('ch'),
      object: 'charge',
      amount: intent.amount,
      amount_captured: decline ? 0 : intent.amount,
      amount_refunded: 0,
      application: null,
      application_fee: null,
      application_fee_amount: null,
      balance_transaction: decline ? null : newId('txn'),
      billing_details: method.object.billing_details,
      calculated_statement_descriptor: 'SANDBOX',
      captured: !decline,
      created: this.now(),
      currency: intent.currency,
      customer: intent.customer,
      description: intent.description,
      disputed: false,
      failure_balance_transaction: null,
      failure_code: decline ? decline.code : null,
      failure_message: decline ? decline.message : null,
      fraud_details: {},
      livemode: false,
      metadata: { ...intent.metadata },
      on_behalf_of: null,
      outcome: {
        advice_code: null,
        network_advice_code: null,
        network_decline_code: null,
        network_status: decline ? 'declined_by_network' : 'approved_by_network',
        reason: decline ? decline.declineCode : null,
        risk_level: 'normal',
        seller_message: decline ? 'The bank did not return any further details with this decline.' : 'Payment complete.',
        type: decline ? 'issuer_declined' : 'authorized',
      },
      paid: !decline,
      payment_intent: intent.id,
      payment_method: method.object.id,
      payment_method_details: {
        type: 'card',
        card: {
          amount_authorized: decline ? null : intent.amount,
          authorization_code: decline ? null : randomBytes(3).toString('hex'),
          brand: card.brand,
          checks: card.checks,
          country: card.country,
          electronic_commerce_indicator: null,
          exp_month: card.exp_month,
          exp_year: card.exp_year,
          fingerprint: card.fingerprint ?? null,
          funding: card.funding,
          installments: null,
          last4: card.last4,
          mandate: null,
          network: card.brand,
          network_transaction_id: decline ? null : randomBytes(8).toString('hex'),
          regulated_status: card.regulated_status,
          three_d_secure: null,
          transaction_link_id: null,
          wallet: null,
        },
      },
      receipt_email: intent.receipt_email,
      receipt_number: null,
      receipt_url: null,
      refunded: false,
      review: null,
      shipping: null,
      source: null,
      source_transfer: null,
      statement_descriptor: null,
      statement_descriptor_suffix: null,
      status: decline ? 'failed' : 'succeeded',
      transfer_data: null,
      transfer_group: null,
    } satisfies Stripe.Charge;
    this.charges.set(charge.id, charge);
    return charge;
  }

  // Payment method helpers --------------------------------------------------------------------

  private paymentMethodObject(id: string, card: TestCardSpec): Stripe.PaymentMethod {
    const year = new Date(this.now() * 1000).getUTCFullYear() + CARD_EXPIRY_YEARS_AHEAD;
    return {
      id,
      object: 'payment_method',
      billing_details: { address: null, email: null, name: null, phone: null, tax_id: null },
      card: {
        brand: card.brand,
        checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: null },
        country: card.country,
        display_brand: card.brand,
        exp_month: 12,
        exp_year: year,
        fingerprint: card.id.slice('pm_card_'.length, 'pm_card_'.length + 16).padEnd(16, 'X'),
        funding: card.funding,
        generated_from: null,
        last4: card.last4,
        networks: { available: [card.brand], preferred: null },
        regulated_status: 'unregulated',
        three_d_secure_usage: { supported: true },
        wallet: null,
      },
      created: this.now(),
      customer: null,
      customer_account: null,
      livemode: false,
      metadata: {},
      type: 'card',
    } satisfies Stripe.PaymentMethod;
  }

  /** A new stored PaymentMethod cloned from a test id, as Stripe makes one for each use of pm_card_*. */
  private cloneTestCard(card: TestCardSpec): PaymentMethodEntry {
    const entry: PaymentMethodEntry = {
      object: { ...this.paymentMethodObject(newId('pm'), card) },
      card,
      setUp: false,
      consumed: false,
    };
    this.paymentMethods.set(entry.object.id, entry);
    return entry;
  }

  /** Resolves `id` for attach: a stored PaymentMethod or a test id (not yet cloned: cloned by attach). */
  private paymentMethodForAttach(id: string): PaymentMethodEntry | TestCardSpec {
    const entry = this.paymentMethods.get(id);
    if (entry) {
      if (entry.consumed) {
        throw this.consumedPaymentMethod(id);
      }
      return entry;
    }
    const card = findTestCard(id);
    if (!card) {
      throw resourceMissing('PaymentMethod', id, 'payment_method');
    }
    return card;
  }

  /** Throws what attaching `target` to `customerId` would fail with (undefined: a new customer). */
  private checkAttachable(target: PaymentMethodEntry | TestCardSpec, customerId: string | undefined): void {
    const card = 'object' in target ? target.card : target;
    if ('object' in target && target.object.customer !== null && target.object.customer !== customerId) {
      throw invalidRequest('The payment method you provided has already been attached to a customer.', {
        param: 'payment_method',
      });
    }
    if (card.setupDecline) {
      const decline = card.setupDecline;
      throw new SandboxApiError(402, {
        type: 'card_error',
        code: decline.code,
        decline_code: decline.declineCode,
        doc_url: docUrl(decline.code),
        message: decline.message,
        ...(decline.param === undefined ? {} : { param: decline.param }),
      });
    }
  }

  /** Attaches (cloning a test id first); declines cards Stripe's verification declines. */
  private attach(target: PaymentMethodEntry | TestCardSpec, customerId: string, request: RequestInfo): PaymentMethodEntry {
    if ('object' in target && target.object.customer === customerId) {
      return target;
    }
    this.checkAttachable(target, customerId);
    const entry = 'object' in target ? target : this.cloneTestCard(target);
    entry.object.customer = customerId;
    this.emit('payment_method.attached', entry.object, request);
    return entry;
  }

  /** Resolves the payment method of an intent: test ids are cloned; stored ones must be usable with `customerId`. */
  private paymentMethodForIntent(id: string, customerId: string | null, param: string): PaymentMethodEntry {
    const entry = this.paymentMethods.get(id);
    if (!entry) {
      const card = findTestCard(id);
      if (!card) {
        throw resourceMissing('PaymentMethod', id, param);
      }
      return this.cloneTestCard(card);
    }
    if (entry.consumed) {
      throw this.consumedPaymentMethod(id);
    }
    const owner = entry.object.customer;
    if (typeof owner === 'string' && customerId === null) {
      throw invalidRequest(`The provided PaymentMethod ${id} is attached to customer ${owner}; pass \`customer\` with it to use it.`, {
        param: 'customer',
      });
    }
    if (typeof owner === 'string' && owner !== customerId) {
      throw invalidRequest(`The provided PaymentMethod ${id} does not belong to the Customer ${customerId ?? ''}.`, {
        param,
      });
    }
    return entry;
  }

  private consumedPaymentMethod(id: string): SandboxApiError {
    return invalidRequest(
      `The provided PaymentMethod ${id} was previously used without being attached to a Customer or was detached from a Customer, and may not be used again.`,
      { param: 'payment_method' },
    );
  }

  private notAttachedToCustomer(id: string): SandboxApiError {
    return invalidRequest(
      `No such PaymentMethod: '${id}'; the payment method must be attached to the customer before it can be its default.`,
      { param: 'invoice_settings[default_payment_method]', code: 'resource_missing' },
    );
  }

  private missingPaymentMethod(customerId: string | null): SandboxApiError {
    return invalidRequest(
      `You cannot confirm this PaymentIntent because it's missing a payment method.${
        customerId
          ? ` To confirm the PaymentIntent with ${customerId}, specify a payment method attached to this customer along with the customer ID.`
          : ''
      }`,
      { param: 'payment_method', code: 'payment_intent_unexpected_state' },
    );
  }

  // Parameter helpers -------------------------------------------------------------------------

  private amount(params: Params): number {
    const amount = optionalInteger(params, 'amount');
    if (amount === undefined) {
      throw invalidRequest('Missing required param: amount.', { param: 'amount', code: 'parameter_missing' });
    }
    if (amount < 1) {
      throw invalidRequest('This value must be greater than or equal to 1.', { param: 'amount', code: 'parameter_invalid_integer' });
    }
    if (amount > AMOUNT_MAX) {
      throw invalidRequest(`Amount must be no more than ${AMOUNT_MAX} in the smallest currency unit.`, {
        param: 'amount',
        code: 'amount_too_large',
      });
    }
    return amount;
  }

  private currency(params: Params): string {
    const currency = requiredString(params, 'currency').toLowerCase();
    if (!/^[a-z]{3}$/.test(currency)) {
      throw invalidRequest(`Invalid currency: ${currency}.`, { param: 'currency' });
    }
    return currency;
  }

  /** payment_method_types / automatic_payment_methods, with Stripe's default: automatic, redirects allowed. */
  private paymentMethodConfiguration(params: Params): { types: string[]; automatic: AutomaticPaymentMethods | null } {
    const types = optionalStringArray(params, 'payment_method_types');
    const automaticHash = optionalHash(params, 'automatic_payment_methods');
    if (types?.some((type) => type !== 'card')) {
      throw invalidRequest('The Stripe sandbox supports payment_method_types=[card] only.', { param: 'payment_method_types' });
    }
    if (types !== undefined && types.length > 0) {
      if (automaticHash !== undefined && optionalBoolean(automaticHash, 'enabled') === true) {
        throw invalidRequest('You may only specify one of these parameters: automatic_payment_methods, payment_method_types.', {
          param: 'automatic_payment_methods',
        });
      }
      return { types, automatic: null };
    }
    if (automaticHash !== undefined) {
      const enabled = optionalBoolean(automaticHash, 'enabled');
      if (enabled === undefined) {
        throw invalidRequest('Missing required param: automatic_payment_methods[enabled].', {
          param: 'automatic_payment_methods[enabled]',
          code: 'parameter_missing',
        });
      }
      const allowRedirects = optionalEnum(automaticHash, 'allow_redirects', ['always', 'never'] as const) ?? 'always';
      return { types: ['card'], automatic: enabled ? { enabled, allow_redirects: allowRedirects } : null };
    }
    // Since API version 2023-08-16 Stripe enables automatic payment methods when neither is given.
    return { types: ['card'], automatic: { enabled: true, allow_redirects: 'always' } };
  }

  private checkReturnUrl(automatic: AutomaticPaymentMethods | null, returnUrl: string | null, noun: string): void {
    if (automatic?.enabled && automatic.allow_redirects !== 'never' && !returnUrl) {
      throw invalidRequest(RETURN_URL_MESSAGE(noun), { param: 'return_url' });
    }
  }

  /** Applies Stripe's metadata update rules: `metadata=''` clears, `metadata[k]=''` deletes k. */
  private applyMetadata(current: Stripe.Metadata, params: Params): Stripe.Metadata {
    const value = params.metadata;
    if (value === undefined) {
      return current;
    }
    if (typeof value === 'string') {
      if (value === '') {
        return {};
      }
      throw invalidRequest('Invalid hash: metadata must be a hash.', { param: 'metadata' });
    }
    const next = new Map(Object.entries(current));
    for (const [key, item] of Object.entries(value)) {
      if (typeof item !== 'string') {
        throw invalidRequest(`Invalid value for metadata[${key}]: must be a string.`, { param: `metadata[${key}]` });
      }
      if (key.length > METADATA_KEY_CHARACTERS_MAX) {
        throw invalidRequest(`Metadata keys can have up to ${METADATA_KEY_CHARACTERS_MAX} characters.`, { param: `metadata[${key}]` });
      }
      if (item.length > METADATA_VALUE_CHARACTERS_MAX) {
        throw invalidRequest(`Metadata values can have up to ${METADATA_VALUE_CHARACTERS_MAX} characters.`, {
          param: `metadata[${key}]`,
        });
      }
      if (item === '') {
        next.delete(key);
      } else {
        next.set(key, item);
      }
    }
    if (next.size > METADATA_KEYS_MAX) {
      throw invalidRequest(`You can have up to ${METADATA_KEYS_MAX} metadata keys.`, { param: 'metadata' });
    }
    return Object.fromEntries(next);
  }

  private page<T extends { id: string }>(items: T[], params: Params, url: string): Stripe.ApiList<T> {
    const limit = optionalInteger(params, 'limit') ?? LIST_LIMIT_DEFAULT;
    if (limit < 1 || limit > LIST_LIMIT_MAX) {
      throw invalidRequest(`This value must be between 1 and ${LIST_LIMIT_MAX}.`, { param: 'limit' });
    }
    const startingAfter = optionalString(params, 'starting_after');
    let start = 0;
    if (startingAfter) {
      const index = items.findIndex((item) => item.id === startingAfter);
      if (index < 0) {
        throw resourceMissing('object', startingAfter, 'starting_after');
      }
      start = index + 1;
    }
    return { object: 'list', data: items.slice(start, start + limit), has_more: start + limit < items.length, url };
  }

  // Lookups and events ------------------------------------------------------------------------

  private customer(id: string, param: string): Stripe.Customer {
    const customer = this.customers.get(id);
    if (!customer) {
      throw resourceMissing('customer', id, param);
    }
    return customer;
  }

  private paymentIntent(id: string): PaymentIntentEntry {
    const entry = this.paymentIntents.get(id);
    if (!entry) {
      throw resourceMissing('payment_intent', id, 'intent');
    }
    return entry;
  }

  private setupIntent(id: string): SetupIntentEntry {
    const entry = this.setupIntents.get(id);
    if (!entry) {
      throw resourceMissing('setup_intent', id, 'intent');
    }
    return entry;
  }

  private now(): number {
    return Math.floor(this.options.nowSeconds());
  }

  private snapshot<T>(value: T): T {
    return structuredClone(value);
  }

  private emit(type: SandboxEventType, object: object, request: RequestInfo, previousAttributes?: object): void {
    const event = {
      id: newId('evt'),
      object: 'event',
      api_version: this.options.apiVersion,
      created: this.now(),
      data: {
        object: this.snapshot(object),
        ...(previousAttributes === undefined ? {} : { previous_attributes: previousAttributes }),
      },
      livemode: false,
      pending_webhooks: 0,
      request: { id: request.id, idempotency_key: request.idempotencyKey },
      type,
    } as unknown as Stripe.Event;
    this.eventLog.push(event);
    this.eventsById.set(event.id, event);
    this.outbox.push(event);
  }
}
