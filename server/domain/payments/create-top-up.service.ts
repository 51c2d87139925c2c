import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import Stripe from 'stripe';
import { transaction } from '../../database/sql.js';
import { BadUserInputError, IdempotencyKeyReusedError, PaymentProviderError } from '../../errors.js';
import { requireRole, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { validateIdempotencyKey } from '../wallets/validate-input.js';
import { callStripe, paymentIntentOfCardError } from './call-stripe.js';
import { paymentFailureOf, type PaymentFailure } from './failure-reasons.js';
import type { PaymentsDeps } from './payments-deps.js';
import { findTopUpWallet, quoteFor, requireOpenAccount, validateTopUpAmount } from './quote-top-up.service.js';
import { cardDetailsOf, findDefaultCard, findSavedCard, type CardDetails } from './saved-card.js';
import { ensureStripeCustomer } from './stripe-customer.js';
import { toStripeAmount } from './stripe-amount.js';
import { selectAccountOfStripeCustomer } from './billing.queries.js';
import { topUpStatusOf, toTopUp, type TopUpRecord } from './top-up-record.js';
import {
  failTopUp,
  insertManualTopUp,
  recordPaymentIntentAnswer,
  selectLedgerIdempotencyKey,
  selectTopUpByIdempotencyKey,
} from './top-ups.queries.js';
import { afterFailure } from './settle-top-up.service.js';
import { requireVerifiedAccount } from '../users/require-verified-email.js';

/** Roles that may pay into a wallet by card: the account's people and its integrations. */
export const TOP_UP_ROLES = [Role.OWNER, Role.CAMPAIGN_MANAGER, Role.INTEGRATOR] as const;

/** Options of {@link createTopUp}. */
export interface CreateTopUpOptions {
  principal: Principal;
  walletId: string;
  amountMicros: bigint;
  /** A saved card's id, a new card's PaymentMethod id (from Stripe Elements or a test card), or null for the default card (none: the client confirms). */
  paymentMethodId: string | null;
  /** Keep the card on the account's Stripe Customer for later top-ups and automatic funding. */
  savePaymentMethod: boolean;
  idempotencyKey: string | null;
}

/**
 * Starts a card top-up: records it, then creates and confirms a Stripe PaymentIntent for the
 * amount plus tax. The wallet is NOT credited here: only Stripe's verified
 * `payment_intent.succeeded` (or a reconciliation that retrieves the PaymentIntent) does that.
 * A decline comes back as data (status FAILED, with the reason); 3-D Secure as REQUIRES_ACTION
 * with the client secret. The same idempotency key with the same request returns the same top-up
 * (and Stripe, given a key derived from it, the same PaymentIntent).
 * @throws ForbiddenError, NotFoundError, BadUserInputError, IdempotencyKeyReusedError,
 * InvalidStateError (closed account), PaymentProviderError (Stripe unreachable; retry is safe).
 */
export async function createTopUp(em: EntityManager, deps: PaymentsDeps, options: CreateTopUpOptions): Promise<TopUpRecord> {
  const { principal, config } = { principal: options.principal, config: deps.config };
  requireRole(principal, TOP_UP_ROLES, 'top up a wallet');
  const idempotencyKey = validateIdempotencyKey(options.idempotencyKey, config.idempotencyKeyLengthMax);
  const wallet = await findTopUpWallet(em, principal, options.walletId);
  requireOpenAccount(wallet);
  await requireVerifiedAccount(em, wallet.accountId);
  validateTopUpAmount(config, 'amount', options.amountMicros, wallet.currency);
  const paymentMethodId = options.paymentMethodId?.trim() || null;
  if (paymentMethodId !== null && !/^pm_[A-Za-z0-9_]{1,100}$/.test(paymentMethodId)) {
    throw new BadUserInputError('paymentMethodId', 'paymentMethodId must be a Stripe PaymentMethod id (pm_…)');
  }
  const requestHash = createHash('sha256')
    .update(JSON.stringify(['topUp', wallet.walletId, options.amountMicros.toString(), paymentMethodId, options.savePaymentMethod]))
    .digest('hex');
  if (idempotencyKey !== null) {
    const existing = await findByIdempotencyKey(em, wallet.accountId, idempotencyKey);
    if (existing) return resumeExisting(em, deps, existing, requestHash, idempotencyKey);
    const usedByLedger = await selectLedgerIdempotencyKey.maybeOne(em, { accountId: wallet.accountId, key: idempotencyKey });
    if (usedByLedger) throw new IdempotencyKeyReusedError(idempotencyKey);
  }

  const card = await resolveCard(em, deps, wallet.accountId, paymentMethodId);
  const quote = quoteFor(config, wallet, options.amountMicros);
  const nowMs = deps.clock.now();
  const inserted = await insertManualTopUp.maybeOne(em, {
    id: randomUUID(),
    accountId: wallet.accountId,
    walletId: wallet.walletId,
    currency: wallet.currency,
    amountMicros: quote.amountMicros,
    taxMicros: quote.taxMicros,
    taxRatePpm: quote.ratePpm,
    taxLabel: quote.label,
    totalMicros: quote.totalMicros,
    paymentMethodId: card?.paymentMethodId ?? null,
    cardBrand: card?.brand ?? null,
    cardLast4: card?.last4 ?? null,
    savePaymentMethod: options.savePaymentMethod,
    idempotencyKey,
    requestHash,
    nowMs,
  });
  if (!inserted) {
    // A concurrent request with the same key inserted first.
    const existing = await findByIdempotencyKey(em, wallet.accountId, idempotencyKey!);
    return resumeExisting(em, deps, existing!, requestHash, idempotencyKey!);
  }
  return submitPaymentIntent(em, deps, toTopUp(inserted), { offSession: false });
}

async function findByIdempotencyKey(em: EntityManager, accountId: string, key: string): Promise<TopUpRecord | null> {
  const row = await selectTopUpByIdempotencyKey.maybeOne(em, { accountId, key });
  return row ? toTopUp(row) : null;
}

/** A repeated request: the recorded top-up, after finishing its Stripe step if a crash or outage interrupted it. */
async function resumeExisting(
  em: EntityManager,
  deps: PaymentsDeps,
  existing: TopUpRecord,
  requestHash: string,
  key: string,
): Promise<TopUpRecord> {
  if (existing.requestHash !== requestHash) throw new IdempotencyKeyReusedError(key);
  if (existing.paymentIntentId !== null) return existing;
  return submitPaymentIntent(em, deps, existing, { offSession: false });
}

/**
 * The card to charge: a saved card of this account, a new PaymentMethod (retrieved from Stripe for
 * its brand and last 4), or the account's default card when none is named.
 */
async function resolveCard(
  em: EntityManager,
  deps: PaymentsDeps,
  accountId: string,
  paymentMethodId: string | null,
): Promise<CardDetails | null> {
  if (paymentMethodId === null) {
    const card = await findDefaultCard(em, accountId);
    return card && { paymentMethodId: card.id, brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear };
  }
  const saved = await findSavedCard(em, paymentMethodId);
  if (saved) {
    // Another tenant's card reads as unknown, like every other object of theirs.
    if (saved.accountId !== accountId || saved.removed)
      throw new BadUserInputError('paymentMethodId', `Unknown payment method "${paymentMethodId}"`);
    return { paymentMethodId: saved.id, brand: saved.brand, last4: saved.last4, expMonth: saved.expMonth, expYear: saved.expYear };
  }
  let paymentMethod: Stripe.PaymentMethod;
  try {
    paymentMethod = await deps.stripe.paymentMethods.retrieve(paymentMethodId);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError) {
      throw new BadUserInputError('paymentMethodId', `Unknown payment method "${paymentMethodId}"`);
    }
    return callStripe(() => Promise.reject(error));
  }
  const customerId = typeof paymentMethod.customer === 'string' ? paymentMethod.customer : (paymentMethod.customer?.id ?? null);
  if (customerId !== null) {
    const owner = await selectAccountOfStripeCustomer.maybeOne(em, { customerId });
    if (owner?.id !== accountId) throw new BadUserInputError('paymentMethodId', `Unknown payment method "${paymentMethodId}"`);
  }
  const card = cardDetailsOf(paymentMethod);
  if (!card) throw new BadUserInputError('paymentMethodId', 'Only cards are accepted');
  return card;
}

/**
 * Creates (and, with a card, confirms) the top-up's PaymentIntent and records what Stripe
 * answered. Stripe's idempotency key is derived from the top-up, so a retry after a lost answer
 * gets the same PaymentIntent. A decline is recorded as FAILED, never thrown.
 */
export async function submitPaymentIntent(
  em: EntityManager,
  deps: PaymentsDeps,
  topUp: TopUpRecord,
  options: { offSession: boolean },
): Promise<TopUpRecord> {
  const customerId = await ensureStripeCustomer(em, deps, topUp.accountId);
  const params: Stripe.PaymentIntentCreateParams = {
    amount: toStripeAmount(topUp.totalMicros),
    currency: topUp.currency.toLowerCase(),
    customer: customerId,
    // Cards only, confirmed here or by Stripe.js: no redirect-based methods, so no return_url.
    automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
    description: `Spendwire wallet top-up ${topUp.id}`,
    metadata: { spendwire_top_up_id: topUp.id, spendwire_wallet_id: topUp.walletId, spendwire_account_id: topUp.accountId },
  };
  if (topUp.paymentMethodId !== null) {
    params.payment_method = topUp.paymentMethodId;
    params.confirm = true;
    if (options.offSession) params.off_session = true;
  }
  if (topUp.savePaymentMethod && !options.offSession) params.setup_future_usage = 'off_session';
  let paymentIntent: Stripe.PaymentIntent;
  let failure: PaymentFailure | null = null;
  try {
    paymentIntent = await callStripe(() => deps.stripe.paymentIntents.create(params, { idempotencyKey: stripeIdempotencyKey(topUp) }));
  } catch (error) {
    const declined = paymentIntentOfCardError(error);
    if (!declined) {
      if (error instanceof Stripe.errors.StripeCardError) {
        // A card error without its PaymentIntent: record the failure so the customer sees why.
        return recordFailureWithoutIntent(em, deps, topUp, paymentFailureOf(error.raw as never)!);
      }
      throw error;
    }
    paymentIntent = declined;
    failure = paymentFailureOf((error as InstanceType<typeof Stripe.errors.StripeCardError>).raw as never);
  }
  failure ??= paymentFailureOf(paymentIntent.last_payment_error);
  const status = topUpStatusOf(paymentIntent, false);
  const updated = await transaction(em, async (tx) => {
    const row = await recordPaymentIntentAnswer.one(tx, {
      id: topUp.id,
      paymentIntentId: paymentIntent.id,
      clientSecret: paymentIntent.client_secret,
      status,
      failureCode: failure?.code ?? null,
      failureReason: failure?.reason ?? null,
      nowMs: deps.clock.now(),
    });
    const recorded = toTopUp(row);
    // A decline at submission is final news now: count it (automatic funding) and publish it, whatever the webhook does later.
    if (status === 'FAILED' && recorded.status === 'FAILED' && recorded.lastEventCreated === 0)
      await afterFailure(tx, deps, recorded, true);
    return recorded;
  });
  deps.wakePayments();
  return updated;
}

async function recordFailureWithoutIntent(
  em: EntityManager,
  deps: PaymentsDeps,
  topUp: TopUpRecord,
  failure: PaymentFailure,
): Promise<TopUpRecord> {
  return transaction(em, async (tx) => {
    const row = await failTopUp.maybeOne(tx, {
      id: topUp.id,
      failureCode: failure.code,
      failureReason: failure.reason,
      nowMs: deps.clock.now(),
    });
    if (!row) throw new PaymentProviderError('The top-up changed while it was being submitted; read it again');
    const recorded = toTopUp(row);
    await afterFailure(tx, deps, recorded, true);
    return recorded;
  });
}

/** Stripe's idempotency key for a top-up's PaymentIntent: derived from ours, never ours verbatim. */
function stripeIdempotencyKey(topUp: TopUpRecord): string {
  return `spendwire-top-up-${topUp.id}`;
}
