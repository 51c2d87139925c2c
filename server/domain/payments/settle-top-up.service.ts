import type { EntityManager } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import { pgTransaction, type PgQuery } from '../../database/pg-transaction.js';
import { assert } from '../../errors.js';
import { formatMoney } from '../wallets/money.js';
import { postWalletTransactionIn } from '../wallets/post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from '../wallets/transaction-enums.js';
import { paymentFailureOf } from './failure-reasons.js';
import type { PaymentsDeps } from './payments-deps.js';
import { storeCard, type CardDetails } from './saved-card.js';
import { fromStripeAmount } from './stripe-amount.js';
import { TOP_UP_COLUMNS, topUpStatusOf, toTopUp, type TopUpRecord, type TopUpRow } from './top-up-record.js';

/** Options of {@link settleTopUp}. */
export interface SettleTopUpOptions {
  /** The PaymentIntent as Stripe's event carried it, or as retrieved from Stripe. */
  paymentIntent: Stripe.PaymentIntent;
  /** Unix seconds of the event (its order among the intent's events); null for a retrieval, which is current by definition. */
  eventCreated: number | null;
  /** The card that paid, when known (for the receipt and for saving it). */
  card: CardDetails | null;
}

/** What {@link settleTopUp} did. */
export interface SettledTopUp {
  topUp: TopUpRecord;
  /** True when this call credited the wallet. */
  credited: boolean;
}

/**
 * Applies a PaymentIntent's state to its top-up, in one transaction under the top-up's row lock:
 * `succeeded` credits the wallet (once: a SUCCEEDED top-up never changes again, and the database
 * refuses a second credit for the same PaymentIntent), a failure records its reason, and an event
 * older than one already applied changes nothing (Stripe delivers at least once, in any order).
 * Returns null when the PaymentIntent is not one of our top-ups.
 */
export async function settleTopUp(em: EntityManager, deps: PaymentsDeps, options: SettleTopUpOptions): Promise<SettledTopUp | null> {
  const { paymentIntent } = options;
  const topUpId = paymentIntent.metadata?.spendwire_top_up_id ?? null;
  const result = await pgTransaction(em, async (query) => {
    const [row] = await query<TopUpRow>(
      `select ${TOP_UP_COLUMNS} from top_up t
        where t.payment_intent_id = $1 or (t.id = $2::uuid and (t.payment_intent_id is null or t.payment_intent_id = $1))
        for update`,
      [paymentIntent.id, topUpId !== null && /^[0-9a-f-]{36}$/i.test(topUpId) ? topUpId : null],
    );
    if (!row) return null;
    const topUp = toTopUp(row);
    if (topUp.status === 'SUCCEEDED' || topUp.status === 'CANCELED') return { topUp, credited: false };
    const target = topUpStatusOf(paymentIntent, true);
    const eventCreated = options.eventCreated ?? Number.MAX_SAFE_INTEGER;
    // An older event than the newest applied is stale, except success, which is final whenever it comes.
    if (target !== 'SUCCEEDED' && options.eventCreated !== null && eventCreated < topUp.lastEventCreated) return { topUp, credited: false };
    const eventMark = options.eventCreated ?? topUp.lastEventCreated;
    const nowMs = deps.clock.now();
    if (target === 'SUCCEEDED') return { topUp: await credit(query, deps, topUp, options, eventMark, nowMs), credited: true };
    const failure = target === 'FAILED' ? paymentFailureOf(paymentIntent.last_payment_error) : null;
    const [updated] = await query<TopUpRow>(
      `update top_up t set status = $2, payment_intent_id = coalesce(t.payment_intent_id, $3),
          failure_code = case when $2 = 'FAILED' then $4 else t.failure_code end,
          failure_reason = case when $2 = 'FAILED' then $5 else t.failure_reason end,
          last_event_created = greatest(t.last_event_created, $6), updated_at = to_timestamp($7 / 1000.0)
        where t.id = $1 returning ${TOP_UP_COLUMNS}`,
      [topUp.id, target, paymentIntent.id, failure?.code ?? null, failure?.reason ?? null, eventMark, nowMs],
    );
    const settled = toTopUp(updated!);
    if (target === 'FAILED' || target === 'CANCELED') await afterFailure(query, deps, settled, topUp.status !== 'FAILED' || topUp.failureCode !== settled.failureCode);
    return { topUp: settled, credited: false };
  });
  if (result?.credited) deps.committed();
  return result;
}

async function credit(
  query: PgQuery,
  deps: PaymentsDeps,
  topUp: TopUpRecord,
  options: SettleTopUpOptions,
  eventMark: number,
  nowMs: number,
): Promise<TopUpRecord> {
  const { paymentIntent, card } = options;
  // Stripe took the total (amount + tax); the wallet gets the amount. Anything else is not this top-up.
  assert(
    fromStripeAmount(paymentIntent.amount_received ?? paymentIntent.amount) === topUp.totalMicros &&
      paymentIntent.currency.toUpperCase() === topUp.currency,
    `PaymentIntent ${paymentIntent.id} took ${paymentIntent.amount_received} ${paymentIntent.currency}, top-up ${topUp.id} is ${formatMoney(topUp.totalMicros)} ${topUp.currency}`,
  );
  const [{ receipt_number: receiptNumber }] = (await query<{ receipt_number: string }>(
    `select 'SW-' || to_char(to_timestamp($1 / 1000.0) at time zone 'UTC', 'YYYY') || '-' || lpad(nextval('receipt_number_seq')::text, 8, '0') as receipt_number`,
    [nowMs],
  )) as [{ receipt_number: string }];
  const posted = await postWalletTransactionIn(query, {
    walletId: topUp.walletId,
    accountScope: null,
    deltaMicros: topUp.amountMicros,
    kind: TransactionKind.TOP_UP,
    counterparty: PlatformAccountCode.PAYMENT_CLEARING,
    description: `Wallet refill by card${card ? ` (${card.brand} •••• ${card.last4})` : ''}, receipt ${receiptNumber}`,
    campaignId: null,
    actor: `stripe:${paymentIntent.id}`,
    idempotencyKey: `spendwire:top-up:${topUp.id}`,
    operation: 'topUp',
    walletBalanceMicrosMax: deps.config.walletBalanceMicrosMax,
    paymentIntentId: paymentIntent.id,
  });
  // Refused only when the credit would lift the wallet over its cap; the event is retried and an operator must act.
  assert(posted, `wallet ${topUp.walletId} refused the credit of top-up ${topUp.id} (balance cap)`);
  const [row] = await query<TopUpRow>(
    `update top_up t set status = 'SUCCEEDED', payment_intent_id = coalesce(t.payment_intent_id, $2), wallet_transaction_id = $3,
        receipt_number = $4, failure_code = null, failure_reason = null, card_brand = coalesce($5, t.card_brand),
        card_last4 = coalesce($6, t.card_last4), payment_method_id = coalesce($7, t.payment_method_id),
        last_event_created = greatest(t.last_event_created, $8), updated_at = to_timestamp($9 / 1000.0), succeeded_at = to_timestamp($9 / 1000.0)
      where t.id = $1 returning ${TOP_UP_COLUMNS}`,
    [topUp.id, paymentIntent.id, posted.transaction.id, receiptNumber, card?.brand ?? null, card?.last4 ?? null, card?.paymentMethodId ?? null, eventMark, nowMs],
  );
  const settled = toTopUp(row!);
  if (topUp.savePaymentMethod && card) await storeCard(query, topUp.accountId, card, false, nowMs);
  await query(
    `update auto_recharge
        set in_flight_top_up_id = case when in_flight_top_up_id = $4 then null else in_flight_top_up_id end,
            consecutive_failures = case when $2 then 0 else consecutive_failures end,
            updated_at = to_timestamp($3 / 1000.0)
      where wallet_id = $1 and (in_flight_top_up_id = $4 or $2)`,
    [topUp.walletId, topUp.origin !== 'MANUAL', nowMs, topUp.id],
  );
  await publishPaymentEvent(query, settled, 'TOP_UP_SUCCEEDED');
  return settled;
}

/**
 * After a failed or canceled top-up: frees the wallet's automatic recharge, counts the failure
 * and pauses automatic funding after too many, or at once when the bank wants the customer
 * present (3-D Secure off-session), and publishes the failure for alerts.
 */
export async function afterFailure(query: PgQuery, deps: PaymentsDeps, topUp: TopUpRecord, isNews: boolean): Promise<void> {
  const nowMs = deps.clock.now();
  if (topUp.origin === 'MANUAL') {
    if (isNews && topUp.status === 'FAILED') await publishPaymentEvent(query, topUp, 'PAYMENT_FAILED');
    return;
  }
  const [recharge] = await query<{ consecutive_failures: number; paused_at: string | null }>(
    `update auto_recharge set in_flight_top_up_id = null,
        consecutive_failures = consecutive_failures + 1,
        paused_at = case when paused_at is null and (consecutive_failures + 1 >= $3 or $4) then to_timestamp($2 / 1000.0) else paused_at end,
        paused_reason = case when paused_at is null and $4 then 'AUTHENTICATION_REQUIRED'
                             when paused_at is null and consecutive_failures + 1 >= $3 then 'REPEATED_FAILURES' else paused_reason end,
        updated_at = to_timestamp($2 / 1000.0)
      where wallet_id = $1 and in_flight_top_up_id = $5
      returning consecutive_failures, paused_at::text`,
    [topUp.walletId, nowMs, deps.config.autoRechargeFailuresMax, topUp.failureCode === 'authentication_required', topUp.id],
  );
  if (!recharge) return;
  await publishPaymentEvent(query, topUp, 'AUTO_RECHARGE_FAILED');
  if (recharge.paused_at !== null) await publishPaymentEvent(query, topUp, 'AUTO_RECHARGE_PAUSED');
}

/**
 * Marks a top-up that never reached Stripe (an outage while submitting an automatic recharge) as
 * FAILED, counting it like a decline. Should Stripe have taken it after all, its webhook still
 * credits it: FAILED is not final.
 */
export async function failUnsubmittedTopUp(em: EntityManager, deps: PaymentsDeps, topUpId: string, failure: { code: string; reason: string }): Promise<void> {
  await pgTransaction(em, async (query) => {
    const [row] = await query<TopUpRow>(
      `update top_up t set status = 'FAILED', failure_code = $2, failure_reason = $3, updated_at = to_timestamp($4 / 1000.0)
        where t.id = $1 and t.payment_intent_id is null and t.status not in ('SUCCEEDED', 'CANCELED')
        returning ${TOP_UP_COLUMNS}`,
      [topUpId, failure.code, failure.reason, deps.clock.now()],
    );
    if (row) await afterFailure(query, deps, toTopUp(row), true);
  });
}

/** Kinds of payment events in the outbox (for alerts, e-mails and integrators' webhooks). */
export type PaymentEventKind = 'TOP_UP_SUCCEEDED' | 'PAYMENT_FAILED' | 'AUTO_RECHARGE_FAILED' | 'AUTO_RECHARGE_PAUSED' | 'REFUND_SUCCEEDED' | 'REFUND_FAILED';

/** Writes a payment event to the outbox in the caller's transaction. */
export async function publishPaymentEvent(
  query: PgQuery,
  topUp: { accountId: string; walletId: string; id: string | null },
  kind: PaymentEventKind,
): Promise<void> {
  await query(
    `insert into outbox_event (type, account_id, wallet_id, payment_event, top_up_id) values ('PAYMENT_EVENT', $1, $2, $3, $4)`,
    [topUp.accountId, topUp.walletId, kind, topUp.id],
  );
}
