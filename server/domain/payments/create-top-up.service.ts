import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import Stripe from 'stripe';
import { pgQuery, pgTransaction, type PgQuery } from '../../database/pg-transaction.js';
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
import { TOP_UP_COLUMNS, topUpStatusOf, toTopUp, type TopUpRecord, type TopUpRow } from './top-up-record.js';
import { afterFailure } from './settle-top-up.service.js';

/** Roles that may pay into a wallet by card: the account's people and its integrations. */
export const TOP_UP_ROLES = [Role.OWNER, Role.CAMPAIGN_MANAGER, Role.INTEGRATOR] as const;

/** A query function on the ORM's pool, outside any transaction. */
export function queryOf(em: EntityManager): PgQuery {
  return (text, values) => pgQuery(em, text, values);
}

/** Options of {@link createTopUp}. */
export interface CreateTopUpOptions {
  principal: Principal;
  walletId: string;
  amountMicros: bigint;
  /** A saved card's id, a new card's PaymentMethod id (from Stripe Elements or a test card), or null for the default card (none: the client confirms). */
  paymentMethodId: string | null;
  /** Keep the card on the account's Stripe Customer for later top-ups (seed 002). */
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
  validateTopUpAmount(config, 'amount', options.amountMicros, wallet.currency);
  const paymentMethodId = options.paymentMethodId?.trim() || null;
  if (paymentMethodId !== null && !/^pm_[A-Za-z0-9_]{1,100}$/.test(paymentMethodId)) {
    throw new BadUserInputError('paymentMethodId', 'paymentMethodId must be a Stripe PaymentMethod id (pm_…)');
  }
  const query = queryOf(em);
  const requestHash = createHash('sha256')
    .update(JSON.stringify(['topUp', wallet.walletId, options.amountMicros.toString(), paymentMethodId, options.savePaymentMethod]))
    .digest('hex');
  if (idempotencyKey !== null) {
    const existing = await findByIdempotencyKey(query, wallet.accountId, idempotencyKey);
    if (existing) return resumeExisting(em, deps, existing, requestHash, idempotencyKey);
    const [usedByLedger] = await query('select 1 from idempotency_key where account_id = $1 and key = $2', [wallet.accountId, idempotencyKey]);
    if (usedByLedger) throw new IdempotencyKeyReusedError(idempotencyKey);
  }

  const card = await resolveCard(em, deps, wallet.accountId, paymentMethodId);
  const quote = quoteFor(config, wallet, options.amountMicros);
  const nowMs = deps.clock.now();
  const [inserted] = await query<TopUpRow>(
    `insert into top_up as t (id, account_id, wallet_id, currency, origin, status, amount_micros, tax_micros, tax_rate_ppm, tax_label,
       total_micros, payment_method_id, card_brand, card_last4, save_payment_method, idempotency_key, request_hash, created_at, updated_at)
     values ($1, $2, $3, $4, 'MANUAL', 'REQUIRES_PAYMENT_METHOD', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
       to_timestamp($16 / 1000.0), to_timestamp($16 / 1000.0))
     on conflict (account_id, idempotency_key) do nothing
     returning ${TOP_UP_COLUMNS}`,
    [
      randomUUID(), wallet.accountId, wallet.walletId, wallet.currency, quote.amountMicros.toString(), quote.taxMicros.toString(),
      quote.ratePpm.toString(), quote.label, quote.totalMicros.toString(), card?.paymentMethodId ?? null, card?.brand ?? null,
      card?.last4 ?? null, options.savePaymentMethod, idempotencyKey, requestHash, nowMs,
    ],
  );
  if (!inserted) {
    // A concurrent request with the same key inserted first.
    const existing = await findByIdempotencyKey(query, wallet.accountId, idempotencyKey!);
    return resumeExisting(em, deps, existing!, requestHash, idempotencyKey!);
  }
  return submitPaymentIntent(em, deps, toTopUp(inserted), { offSession: false });
}

async function findByIdempotencyKey(query: PgQuery, accountId: string, key: string): Promise<TopUpRecord | null> {
  const [row] = await query<TopUpRow>(`select ${TOP_UP_COLUMNS} from top_up t where t.account_id = $1 and t.idempotency_key = $2`, [accountId, key]);
  return row ? toTopUp(row) : null;
}

/** A repeated request: the recorded top-up, after finishing its Stripe step if a crash or outage interrupted it. */
async function resumeExisting(em: EntityManager, deps: PaymentsDeps, existing: TopUpRecord, requestHash: string, key: string): Promise<TopUpRecord> {
  if (existing.requestHash !== requestHash) throw new IdempotencyKeyReusedError(key);
  if (existing.paymentIntentId !== null) return existing;
  return submitPaymentIntent(em, deps, existing, { offSession: false });
}

/**
 * The card to charge: a saved card of this account, a new PaymentMethod (retrieved from Stripe for
 * its brand and last 4), or the account's default card when none is named.
 */
async function resolveCard(em: EntityManager, deps: PaymentsDeps, accountId: string, paymentMethodId: string | null): Promise<CardDetails | null> {
  const query = queryOf(em);
  if (paymentMethodId === null) {
    const card = await findDefaultCard(query, accountId);
    return card && { paymentMethodId: card.id, brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear };
  }
  const saved = await findSavedCard(query, paymentMethodId);
  if (saved) {
    // Another tenant's card reads as unknown, like every other object of theirs.
    if (saved.accountId !== accountId || saved.removed) throw new BadUserInputError('paymentMethodId', `Unknown payment method "${paymentMethodId}"`);
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
  const customerId = typeof paymentMethod.customer === 'string' ? paymentMethod.customer : paymentMethod.customer?.id ?? null;
  if (customerId !== null) {
    const [owner] = await query<{ id: string }>('select id from account where stripe_customer_id = $1', [customerId]);
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
  const updated = await pgTransaction(em, async (query) => {
    const [row] = await query<TopUpRow>(
      // No Stripe event applied yet (last_event_created = 0): this answer is the newest news.
      `update top_up t set payment_intent_id = coalesce(t.payment_intent_id, $2), client_secret = $3,
          status = case when t.last_event_created = 0 and t.status not in ('SUCCEEDED', 'CANCELED') then $4 else t.status end,
          failure_code = case when $4 = 'FAILED' and t.last_event_created = 0 then $5 else t.failure_code end,
          failure_reason = case when $4 = 'FAILED' and t.last_event_created = 0 then $6 else t.failure_reason end,
          updated_at = to_timestamp($7 / 1000.0)
        where t.id = $1
        returning ${TOP_UP_COLUMNS}`,
      [topUp.id, paymentIntent.id, paymentIntent.client_secret, status, failure?.code ?? null, failure?.reason ?? null, deps.clock.now()],
    );
    const recorded = toTopUp(row!);
    // A decline at submission is final news now: count it (automatic funding) and publish it, whatever the webhook does later.
    if (status === 'FAILED' && recorded.status === 'FAILED' && recorded.lastEventCreated === 0) await afterFailure(query, deps, recorded, true);
    return recorded;
  });
  deps.wakePayments();
  return updated;
}

async function recordFailureWithoutIntent(em: EntityManager, deps: PaymentsDeps, topUp: TopUpRecord, failure: PaymentFailure): Promise<TopUpRecord> {
  return pgTransaction(em, async (query) => {
    const [row] = await query<TopUpRow>(
      `update top_up t set status = 'FAILED', failure_code = $2, failure_reason = $3, updated_at = to_timestamp($4 / 1000.0)
        where t.id = $1 and t.status not in ('SUCCEEDED', 'CANCELED') returning ${TOP_UP_COLUMNS}`,
      [topUp.id, failure.code, failure.reason, deps.clock.now()],
    );
    if (!row) throw new PaymentProviderError('The top-up changed while it was being submitted; read it again');
    const recorded = toTopUp(row);
    await afterFailure(query, deps, recorded, true);
    return recorded;
  });
}

/** Stripe's idempotency key for a top-up's PaymentIntent: derived from ours, never ours verbatim. */
function stripeIdempotencyKey(topUp: TopUpRecord): string {
  return `spendwire-top-up-${topUp.id}`;
}
