import type { EntityManager } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import { transaction, type Db, type SqlTransaction } from '../../database/sql.js';
import { assert } from '../../errors.js';
import { issueTopUpInvoice } from '../invoices/issue-invoice.js';
import { payOwedRenewalsAfterFunding } from '../numbers/pay-owed-renewals.service.js';
import { formatMoney } from '../wallets/money.js';
import { postWalletTransactionIn } from '../wallets/post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from '../wallets/transaction-enums.js';
import { clearRechargeAfterSuccess, countRechargeFailure } from './auto-recharge.queries.js';
import { paymentFailureOf } from './failure-reasons.js';
import type { PaymentsDeps } from './payments-deps.js';
import { storeCard, type CardDetails } from './saved-card.js';
import { fromStripeAmount } from './stripe-amount.js';
import { topUpStatusOf, toTopUp, type TopUpRecord } from './top-up-record.js';
import {
  failUnsubmittedTopUp as failUnsubmittedTopUpRow,
  insertPaymentEvent,
  lockTopUpOfPaymentIntent,
  markTopUpSucceeded,
  nextReceiptNumber,
  updateTopUpState,
} from './top-ups.queries.js';

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
 * After a credit, pays the wallet's owed renewals ({@link payOwedRenewalsAfterFunding}).
 * Returns null when the PaymentIntent is not one of our top-ups.
 */
export async function settleTopUp(em: EntityManager, deps: PaymentsDeps, options: SettleTopUpOptions): Promise<SettledTopUp | null> {
  const { paymentIntent } = options;
  const topUpId = paymentIntent.metadata?.spendwire_top_up_id ?? null;
  const result = await transaction(em, async (tx) => {
    const row = await lockTopUpOfPaymentIntent.maybeOne(tx, {
      paymentIntentId: paymentIntent.id,
      topUpId: topUpId !== null && /^[0-9a-f-]{36}$/i.test(topUpId) ? topUpId : null,
    });
    if (!row) return null;
    const topUp = toTopUp(row);
    if (topUp.status === 'SUCCEEDED' || topUp.status === 'CANCELED') return { topUp, credited: false };
    const target = topUpStatusOf(paymentIntent, true);
    const eventCreated = options.eventCreated ?? Number.MAX_SAFE_INTEGER;
    // An older event than the newest applied is stale, except success, which is final whenever it comes.
    if (target !== 'SUCCEEDED' && options.eventCreated !== null && eventCreated < topUp.lastEventCreated) return { topUp, credited: false };
    const eventMark = options.eventCreated ?? topUp.lastEventCreated;
    const nowMs = deps.clock.now();
    if (target === 'SUCCEEDED') return { topUp: await credit(tx, deps, topUp, options, eventMark, nowMs), credited: true };
    const failure = target === 'FAILED' ? paymentFailureOf(paymentIntent.last_payment_error) : null;
    const updated = await updateTopUpState.one(tx, {
      id: topUp.id,
      status: target,
      paymentIntentId: paymentIntent.id,
      failureCode: failure?.code ?? null,
      failureReason: failure?.reason ?? null,
      eventCreated: eventMark,
      nowMs,
    });
    const settled = toTopUp(updated);
    const isNews = topUp.status !== 'FAILED' || topUp.failureCode !== settled.failureCode;
    if (target === 'FAILED' || target === 'CANCELED') await afterFailure(tx, deps, settled, isNews);
    return { topUp: settled, credited: false };
  });
  if (result?.credited) {
    deps.committed();
    // Funding pays the wallet's owed renewals first: right after the credit's commit, before the
    // webhook's event (or the refresh, or the reconciliation) is done with.
    await payOwedRenewalsAfterFunding(em, deps, result.topUp.walletId);
  }
  return result;
}

async function credit(
  tx: SqlTransaction,
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
  const { receipt_number: receiptNumber } = await nextReceiptNumber.one(tx, { nowMs });
  // The posting is the ledger's hand-written statement, run in this transaction.
  const posted = await postWalletTransactionIn(tx, {
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
  const row = await markTopUpSucceeded.one(tx, {
    id: topUp.id,
    paymentIntentId: paymentIntent.id,
    walletTransactionId: posted.transaction.id,
    receiptNumber,
    cardBrand: card?.brand ?? null,
    cardLast4: card?.last4 ?? null,
    paymentMethodId: card?.paymentMethodId ?? null,
    eventCreated: eventMark,
    nowMs,
  });
  const settled = toTopUp(row);
  if (topUp.savePaymentMethod && card) await storeCard(tx, topUp.accountId, card, false, nowMs);
  await clearRechargeAfterSuccess.run(tx, { walletId: topUp.walletId, isAutomatic: topUp.origin !== 'MANUAL', nowMs, topUpId: topUp.id });
  await publishPaymentEvent(tx, settled, 'TOP_UP_SUCCEEDED');
  // Last: the invoice's number is taken under its series' lock, held from here to the commit.
  await issueTopUpInvoice(tx, deps.config, settled, nowMs);
  return settled;
}

/**
 * After a failed or canceled top-up: frees the wallet's automatic recharge, counts the failure
 * and pauses automatic funding after too many, or at once when the bank wants the customer
 * present (3-D Secure off-session), and publishes the failure for alerts.
 */
export async function afterFailure(db: Db, deps: PaymentsDeps, topUp: TopUpRecord, isNews: boolean): Promise<void> {
  const nowMs = deps.clock.now();
  if (topUp.origin === 'MANUAL') {
    if (isNews && topUp.status === 'FAILED') await publishPaymentEvent(db, topUp, 'PAYMENT_FAILED');
    return;
  }
  const recharge = await countRechargeFailure.maybeOne(db, {
    walletId: topUp.walletId,
    nowMs,
    failuresMax: deps.config.autoRechargeFailuresMax,
    authenticationRequired: topUp.failureCode === 'authentication_required',
    topUpId: topUp.id,
  });
  if (!recharge) return;
  await publishPaymentEvent(db, topUp, 'AUTO_RECHARGE_FAILED');
  if (recharge.paused_at !== null) await publishPaymentEvent(db, topUp, 'AUTO_RECHARGE_PAUSED');
}

/**
 * Marks a top-up that never reached Stripe (an outage while submitting an automatic recharge) as
 * FAILED, counting it like a decline. Should Stripe have taken it after all, its webhook still
 * credits it: FAILED is not final.
 */
export async function failUnsubmittedTopUp(
  em: EntityManager,
  deps: PaymentsDeps,
  topUpId: string,
  failure: { code: string; reason: string },
): Promise<void> {
  await transaction(em, async (tx) => {
    const row = await failUnsubmittedTopUpRow.maybeOne(tx, {
      id: topUpId,
      failureCode: failure.code,
      failureReason: failure.reason,
      nowMs: deps.clock.now(),
    });
    if (row) await afterFailure(tx, deps, toTopUp(row), true);
  });
}

/** Kinds of payment events in the outbox (for alerts, e-mails and integrators' webhooks). */
export type PaymentEventKind =
  | 'TOP_UP_SUCCEEDED'
  | 'PAYMENT_FAILED'
  | 'AUTO_RECHARGE_FAILED'
  | 'AUTO_RECHARGE_PAUSED'
  | 'REFUND_SUCCEEDED'
  | 'REFUND_FAILED';

/** Writes a payment event to the outbox in the caller's transaction. */
export async function publishPaymentEvent(
  db: Db,
  topUp: { accountId: string; walletId: string; id: string | null },
  kind: PaymentEventKind,
): Promise<void> {
  await insertPaymentEvent.run(db, { accountId: topUp.accountId, walletId: topUp.walletId, kind, topUpId: topUp.id });
}
