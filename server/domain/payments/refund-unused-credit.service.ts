import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import Stripe from 'stripe';
import { transaction, type Db, type SqlTransaction } from '../../database/sql.js';
import { AuditAction } from '../audit/audit-action.js';
import { assert, BadUserInputError, IdempotencyKeyReusedError, NotFoundError } from '../../errors.js';
import { requireRole, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { isUuid } from '../ids.js';
import { issueCreditNote } from '../invoices/issue-invoice.js';
import { recordRefundRequestFailure } from '../refund-requests/refund-request-failed.js';
import { formatMoney } from '../wallets/money.js';
import { auditPosting, postWalletTransactionIn } from '../wallets/post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from '../wallets/transaction-enums.js';
import { INTERNAL_IDEMPOTENCY_KEY_PREFIX, validateIdempotencyKey, validateText } from '../wallets/validate-input.js';
import { callStripe } from './call-stripe.js';
import { paymentFailureOf } from './failure-reasons.js';
import type { PaymentsDeps } from './payments-deps.js';
import {
  insertRefund,
  lockRefund,
  lockRefundableTopUps,
  lockRefundWallet,
  markRefundFailed,
  markRefundSucceeded,
  restoreTopUpRefundable,
  selectIdempotencyRecord,
  selectPendingRefunds,
  selectRefundableSums,
  selectRefundsOfTransaction,
  selectRefundsOfWallets,
  selectWalletRefunds,
  setIdempotencyRequestHash,
  setTopUpRefunded,
  type RefundableSumsRow,
  type RefundRow,
} from './refunds.queries.js';
import { publishPaymentEvent } from './settle-top-up.service.js';
import { MICROS_PER_MINOR_UNIT, toStripeAmount } from './stripe-amount.js';
import { log } from '../../logging/logger.js';

/** Refunds are requested from support, who issue them. */
export const REFUND_ROLES = [Role.SUPPORT, Role.PLATFORM_ADMIN] as const;

/** One card refund: part of a refund of unused credit, against one top-up's PaymentIntent. */
export interface CreditRefund {
  id: string;
  topUpId: string;
  walletId: string;
  paymentIntentId: string;
  /** Credit taken back from the wallet. */
  amountMicros: bigint;
  /** What goes back to the card: the credit plus its share of the top-up's tax. */
  cardAmountMicros: bigint;
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  stripeRefundId: string | null;
  failureReason: string | null;
  walletTransactionId: string;
  createdAt: Date;
}

/** Converts a `top_up_refund` row. */
function toRefund(row: RefundRow): CreditRefund {
  return {
    id: row.id,
    topUpId: row.top_up_id,
    walletId: row.wallet_id,
    paymentIntentId: row.payment_intent_id,
    amountMicros: BigInt(row.amount_micros),
    cardAmountMicros: BigInt(row.card_amount_micros),
    status: row.status,
    stripeRefundId: row.stripe_refund_id,
    failureReason: row.failure_reason,
    walletTransactionId: row.wallet_transaction_id,
    createdAt: new Date(row.created_at_ms),
  };
}

/**
 * How much of a wallet's balance is unused PAID card credit, refundable to the cards that paid
 * it (used funds and promotional credit are not refundable). Grants and support's
 * credits are spent first; card top-ups last. Never more than is available (held credit is in use).
 */
export async function refundableMicros(db: Db, walletId: string): Promise<bigint> {
  return (await refundableMicrosOfWallets(db, [walletId])).get(walletId) ?? 0n;
}

/** {@link refundableMicros} of each of `walletIds`, in one statement; ids with no wallet are absent. */
export async function refundableMicrosOfWallets(db: Db, walletIds: readonly string[]): Promise<Map<string, bigint>> {
  const rows = await selectRefundableSums.all(db, { walletIds });
  return new Map(rows.map((row) => [row.id, refundableOf(row)]));
}

/** The refundable part of a wallet's balance from its sums, in micros (the rule of {@link refundableMicros}). */
function refundableOf(row: RefundableSumsRow): bigint {
  const balance = BigInt(row.balance);
  const paidCard = BigInt(row.paid_card);
  const nonPaid = BigInt(row.non_paid);
  let consumed = paidCard + BigInt(row.paid_bank) + nonPaid - balance;
  if (consumed < 0n) consumed = 0n;
  const nonPaidLeft = nonPaid > consumed ? nonPaid - consumed : 0n;
  let refundable = balance - nonPaidLeft;
  if (refundable > BigInt(row.available)) refundable = BigInt(row.available);
  if (refundable > paidCard) refundable = paidCard;
  return refundable > 0n ? refundable : 0n;
}

/** The card amount for `refundedMicros` of a top-up's credit, cumulative: exact (the whole total) at a full refund. */
function cumulativeCardMicros(totalMicros: bigint, amountMicros: bigint, refundedMicros: bigint): bigint {
  if (refundedMicros === amountMicros) return totalMicros;
  const exact = (totalMicros * refundedMicros) / amountMicros;
  return (exact / MICROS_PER_MINOR_UNIT) * MICROS_PER_MINOR_UNIT;
}

/** Options of {@link refundUnusedCredit}. */
export interface RefundUnusedCreditOptions {
  principal: Principal;
  walletId: string;
  /** Credit to refund; null refunds all that is refundable. */
  amountMicros: bigint | null;
  reason: string;
  idempotencyKey: string | null;
  /**
   * A key the server derives itself (starting with `spendwire:`), used instead of `idempotencyKey`: a
   * refund request's retry is keyed by the request and its attempt, so the same attempt never debits twice.
   */
  serverIdempotencyKey?: string;
  /** Run in the refund's transaction right after the wallet's lock, before anything is checked or written (a refund request's claim). */
  afterLock?: (tx: SqlTransaction) => Promise<void>;
  /** Run in the refund's transaction once the debit is posted (not on a replay): what must commit with it. */
  alsoIn?: (tx: SqlTransaction, refunded: { walletTransactionId: string; amountMicros: bigint; accountId: string }) => Promise<void>;
}

/** What {@link refundUnusedCredit} did. */
export interface RefundedCredit {
  walletTransactionId: string;
  amountMicros: bigint;
  refunds: CreditRefund[];
}

/**
 * Refunds unused paid credit to the cards that paid it, newest top-up first. The wallet
 * is debited at once, in one transaction under its lock, so the credit cannot be spent meanwhile;
 * then each top-up's share is refunded through Stripe. A refund Stripe refuses restores its credit
 * (a REFUND credit); one Stripe could not be asked is retried by the payment jobs.
 * @throws ForbiddenError, NotFoundError, BadUserInputError (`amount` beyond what is refundable), IdempotencyKeyReusedError.
 */
export async function refundUnusedCredit(
  em: EntityManager,
  deps: PaymentsDeps,
  options: RefundUnusedCreditOptions,
): Promise<RefundedCredit> {
  requireRole(options.principal, REFUND_ROLES, 'refund credit');
  if (!isUuid(options.walletId)) throw new NotFoundError('Wallet', options.walletId);
  const walletId = options.walletId.toLowerCase();
  const reason = validateText('reason', options.reason, deps.config.descriptionLengthMax);
  if (options.serverIdempotencyKey !== undefined) {
    assert(options.serverIdempotencyKey.startsWith(INTERNAL_IDEMPOTENCY_KEY_PREFIX), 'a server idempotency key has the internal prefix');
  }
  const idempotencyKey =
    options.serverIdempotencyKey ?? validateIdempotencyKey(options.idempotencyKey, deps.config.idempotencyKeyLengthMax);
  if (options.amountMicros !== null && options.amountMicros <= 0n) throw new BadUserInputError('amount', 'amount must be positive');
  if (options.amountMicros !== null && options.amountMicros % MICROS_PER_MINOR_UNIT !== 0n) {
    throw new BadUserInputError('amount', 'amount must be a whole number of cents (it goes back to a card)');
  }
  const requestHash = createHash('sha256')
    .update(JSON.stringify(['refundUnusedCredit', walletId, options.amountMicros?.toString() ?? null]))
    .digest('hex');
  const nowMs = deps.clock.now();
  const outcome = await transaction(em, async (tx) => {
    const wallet = await lockRefundWallet.maybeOne(tx, { walletId });
    if (!wallet) throw new NotFoundError('Wallet', walletId);
    await options.afterLock?.(tx);
    if (idempotencyKey !== null) {
      const record = await selectIdempotencyRecord.maybeOne(tx, { accountId: wallet.account_id, key: idempotencyKey });
      if (record) {
        if (record.operation !== 'refundUnusedCredit' || record.request_hash !== requestHash)
          throw new IdempotencyKeyReusedError(idempotencyKey);
        return { replayOf: record.wallet_transaction_id };
      }
    }
    const refundable = await refundableMicros(tx, walletId);
    const amountMicros = options.amountMicros ?? refundable;
    if (amountMicros <= 0n) throw new BadUserInputError('amount', `Nothing is refundable: the wallet holds no unused paid card credit`);
    if (amountMicros > refundable) {
      throw new BadUserInputError(
        'amount',
        `At most ${formatMoney(refundable)} ${wallet.currency} of unused paid credit is refundable, asked ${formatMoney(amountMicros)}`,
      );
    }
    const topUps = await lockRefundableTopUps.all(tx, { walletId });
    // The debit is the ledger's hand-written posting statement, run in this transaction.
    const posted = await postWalletTransactionIn(tx, {
      walletId,
      accountScope: null,
      deltaMicros: -amountMicros,
      kind: TransactionKind.REFUND,
      counterparty: PlatformAccountCode.PAYMENT_CLEARING,
      description: `Refund of unused credit to card: ${reason}`,
      campaignId: null,
      actor: options.principal.actor,
      idempotencyKey,
      operation: 'refundUnusedCredit',
      walletBalanceMicrosMax: deps.config.walletBalanceMicrosMax,
    });
    assert(posted, 'a refund within the available balance posts (the wallet is locked)');
    // The posting's request hash is its own; the refund's is what a replay compares.
    if (idempotencyKey !== null) {
      await setIdempotencyRequestHash.run(tx, { accountId: wallet.account_id, key: idempotencyKey, requestHash });
    }
    let left = amountMicros;
    for (const topUp of topUps) {
      if (left === 0n) break;
      const amount = BigInt(topUp.amount_micros);
      const before = BigInt(topUp.refunded_micros);
      const share = amount - before < left ? amount - before : left;
      const after = before + share;
      const total = BigInt(topUp.total_micros);
      const cardAmount = cumulativeCardMicros(total, amount, after) - cumulativeCardMicros(total, amount, before);
      await setTopUpRefunded.run(tx, { id: topUp.id, refundedMicros: after });
      await insertRefund.run(tx, {
        id: randomUUID(),
        topUpId: topUp.id,
        walletId,
        amountMicros: share,
        cardAmountMicros: cardAmount,
        walletTransactionId: posted.transaction.id,
        reason,
        actor: options.principal.actor,
        nowMs,
      });
      left -= share;
    }
    assert(left === 0n, 'the refundable amount is covered by unrefunded top-ups');
    await auditPosting({
      principal: options.principal,
      action: AuditAction.CREDIT_REFUNDED,
      amountMicros,
      reason,
      before: { refundable: formatMoney(refundable) },
      after: { refundable: formatMoney(refundable - amountMicros) },
    })(tx, posted);
    await options.alsoIn?.(tx, { walletTransactionId: posted.transaction.id, amountMicros, accountId: wallet.account_id });
    return { replayOf: posted.transaction.id };
  });
  deps.committed();
  const pending = await refundsOf(em, outcome.replayOf);
  for (const refund of pending) if (refund.status === 'PENDING') await sendRefund(em, deps, refund);
  const refunds = await refundsOf(em, outcome.replayOf);
  return { walletTransactionId: outcome.replayOf, amountMicros: refunds.reduce((sum, r) => sum + r.amountMicros, 0n), refunds };
}

async function refundsOf(em: EntityManager, walletTransactionId: string): Promise<CreditRefund[]> {
  return (await selectRefundsOfTransaction.all(em, { walletTransactionId })).map(toRefund);
}

/** A wallet's card refunds, newest first. */
export async function listCreditRefunds(em: EntityManager, walletId: string, first: number): Promise<CreditRefund[]> {
  return (await selectWalletRefunds.all(em, { walletId, first })).map(toRefund);
}

/**
 * The refunds to cards (newest first) of each of `walletIds`, the same `first` rows as one wallet's list, in one statement (a
 * lateral join per wallet). Every id is in the map.
 */
export async function listCreditRefundsOfWallets(
  em: EntityManager,
  walletIds: readonly string[],
  first: number,
): Promise<Map<string, CreditRefund[]>> {
  const rows = await selectRefundsOfWallets.all(em, { walletIds, first });
  const lists = new Map<string, CreditRefund[]>(walletIds.map((id) => [id, []]));
  for (const row of rows) lists.get(row.batch_wallet_id)?.push(toRefund(row));
  return lists;
}

/**
 * Asks Stripe to refund one share (Stripe's idempotency key is the refund's id, so a retry never
 * refunds twice). A refusal restores the credit; an outage leaves it PENDING for the next pass.
 */
async function sendRefund(em: EntityManager, deps: PaymentsDeps, refund: CreditRefund): Promise<void> {
  let stripeRefund: Stripe.Refund;
  try {
    stripeRefund = await callStripe(
      () =>
        deps.stripe.refunds.create(
          {
            payment_intent: refund.paymentIntentId,
            amount: toStripeAmount(refund.cardAmountMicros),
            metadata: { spendwire_refund_id: refund.id },
          },
          { idempotencyKey: `spendwire-refund-${refund.id}` },
        ),
      { passInvalidRequest: true },
    );
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError || error instanceof Stripe.errors.StripeInvalidRequestError) {
      await failRefund(em, deps, refund, paymentFailureOf(error.raw as never)?.reason ?? error.message);
      return;
    }
    log.error({ err: error, refundId: refund.id }, `Refund ${refund.id} could not be sent (retried by the payment jobs)`);
    return;
  }
  if (stripeRefund.status === 'failed' || stripeRefund.status === 'canceled') {
    await failRefund(em, deps, refund, stripeRefund.failure_reason ?? `Stripe refund ${stripeRefund.status}`);
    return;
  }
  await transaction(em, async (tx) => {
    const nowMs = deps.clock.now();
    const updated = await markRefundSucceeded.maybeOne(tx, { id: refund.id, stripeRefundId: stripeRefund.id, nowMs });
    if (!updated) return;
    await publishPaymentEvent(tx, { accountId: updated.account_id, walletId: refund.walletId, id: refund.topUpId }, 'REFUND_SUCCEEDED');
    // The money went back to the card: its credit note, last (its series' lock is held from here to the commit).
    await issueCreditNote(tx, deps.config, refund.id, nowMs);
  });
}

async function failRefund(em: EntityManager, deps: PaymentsDeps, refund: CreditRefund, reason: string): Promise<void> {
  const nowMs = deps.clock.now();
  const restored = await transaction(em, async (tx) => {
    const current = await lockRefund.maybeOne(tx, { id: refund.id });
    if (current?.status !== 'PENDING') return false;
    const posted = await postWalletTransactionIn(tx, {
      walletId: refund.walletId,
      accountScope: null,
      deltaMicros: refund.amountMicros,
      kind: TransactionKind.REFUND,
      counterparty: PlatformAccountCode.PAYMENT_CLEARING,
      description: `Refund to card failed (${reason}): credit restored`,
      campaignId: null,
      actor: 'stripe',
      idempotencyKey: `spendwire:refund-reversal:${refund.id}`,
      operation: 'refundReversal',
      walletBalanceMicrosMax: deps.config.walletBalanceMicrosMax,
    });
    assert(posted, `the reversal of refund ${refund.id} posts`);
    await restoreTopUpRefundable.run(tx, { id: refund.topUpId, amountMicros: refund.amountMicros });
    await markRefundFailed.run(tx, {
      id: refund.id,
      failureReason: reason.slice(0, 500),
      reversalTransactionId: posted.transaction.id,
      nowMs,
    });
    await publishPaymentEvent(tx, { accountId: current.account_id, walletId: refund.walletId, id: refund.topUpId }, 'REFUND_FAILED');
    // A refund request this refund paid fails with it, in the transaction that restores the credit.
    await recordRefundRequestFailure(tx, deps.config, {
      walletTransactionId: refund.walletTransactionId,
      amountMicros: refund.amountMicros,
      reason,
      nowMs,
    });
    return true;
  });
  if (restored) deps.committed();
}

/** Retries card refunds that Stripe could not be asked about (an outage). Returns how many were tried. */
export async function retryPendingRefunds(em: EntityManager, deps: PaymentsDeps, nowMs: number): Promise<number> {
  const rows = await selectPendingRefunds.all(em, {
    changedBeforeMs: nowMs - deps.config.topUpReconcileAfterMs,
    limit: deps.config.topUpReconcileBatchSize,
  });
  for (const row of rows) await sendRefund(em, deps, toRefund(row));
  return rows.length;
}
