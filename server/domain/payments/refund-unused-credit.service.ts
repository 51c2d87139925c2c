import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import Stripe from 'stripe';
import { pgTransaction, type PgQuery } from '../../database/pg-transaction.js';
import { assert, BadUserInputError, IdempotencyKeyReusedError, NotFoundError } from '../../errors.js';
import { requireRole, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { isUuid } from '../ids.js';
import { formatMoney } from '../wallets/money.js';
import { postWalletTransactionIn } from '../wallets/post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from '../wallets/transaction-enums.js';
import { validateIdempotencyKey, validateText } from '../wallets/validate-input.js';
import { callStripe } from './call-stripe.js';
import { queryOf } from './create-top-up.service.js';
import { paymentFailureOf } from './failure-reasons.js';
import type { PaymentsDeps } from './payments-deps.js';
import { publishPaymentEvent } from './settle-top-up.service.js';
import { MICROS_PER_MINOR_UNIT, toStripeAmount } from './stripe-amount.js';

/** Seed 003: refunds are requested from support, who issue them. */
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

const REFUND_COLUMNS = `r.id, r.top_up_id, r.wallet_id, t.payment_intent_id, r.amount_micros::text, r.card_amount_micros::text, r.status,
  r.stripe_refund_id, r.failure_reason, r.wallet_transaction_id, (extract(epoch from r.created_at) * 1000)::float8 as created_at_ms`;

interface RefundRow {
  id: string;
  top_up_id: string;
  wallet_id: string;
  payment_intent_id: string;
  amount_micros: string;
  card_amount_micros: string;
  status: CreditRefund['status'];
  stripe_refund_id: string | null;
  failure_reason: string | null;
  wallet_transaction_id: string;
  created_at_ms: number;
}

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
 * it (seed 003: used funds and promotional credit are not refundable). Grants and support's
 * credits are spent first; card top-ups last. Never more than is available (held credit is in use).
 */
export async function refundableMicros(query: PgQuery, walletId: string): Promise<bigint> {
  return (await refundableMicrosOfWallets(query, [walletId])).get(walletId) ?? 0n;
}

/** {@link refundableMicros} of each of `walletIds`, in one statement; ids with no wallet are absent. */
export async function refundableMicrosOfWallets(query: PgQuery, walletIds: readonly string[]): Promise<Map<string, bigint>> {
  const rows = await query<{ id: string; balance: string; available: string; paid_card: string; paid_bank: string; non_paid: string }>(
    `select w.id, w.balance_micros::text as balance, (w.balance_micros - w.reserved_micros)::text as available,
       (select coalesce(sum(amount_micros - refunded_micros), 0) from top_up where wallet_id = w.id and status = 'SUCCEEDED')::text as paid_card,
       (select coalesce(sum(amount_micros), 0) from bank_transfer where wallet_id = w.id and status = 'COMPLETED')::text as paid_bank,
       (select coalesce(sum(amount_micros), 0) from wallet_transaction
         where wallet_id = w.id and type = 'CREDIT' and kind in ('GRANT', 'ADJUSTMENT'))::text as non_paid
       from wallet w where w.id = any($1::uuid[])`,
    [walletIds],
  );
  return new Map(rows.map((row) => [row.id, refundableOf(row)]));
}

/** The refundable part of a wallet's balance from its sums, in micros (the rule of {@link refundableMicros}). */
function refundableOf(row: { balance: string; available: string; paid_card: string; paid_bank: string; non_paid: string }): bigint {
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
}

/** What {@link refundUnusedCredit} did. */
export interface RefundedCredit {
  walletTransactionId: string;
  amountMicros: bigint;
  refunds: CreditRefund[];
}

/**
 * Refunds unused paid credit to the cards that paid it, newest top-up first (seed 003). The wallet
 * is debited at once, in one transaction under its lock, so the credit cannot be spent meanwhile;
 * then each top-up's share is refunded through Stripe. A refund Stripe refuses restores its credit
 * (a REFUND credit); one Stripe could not be asked is retried by the payment jobs.
 * @throws ForbiddenError, NotFoundError, BadUserInputError (`amount` beyond what is refundable), IdempotencyKeyReusedError.
 */
export async function refundUnusedCredit(em: EntityManager, deps: PaymentsDeps, options: RefundUnusedCreditOptions): Promise<RefundedCredit> {
  requireRole(options.principal, REFUND_ROLES, 'refund credit');
  if (!isUuid(options.walletId)) throw new NotFoundError('Wallet', options.walletId);
  const walletId = options.walletId.toLowerCase();
  const reason = validateText('reason', options.reason, deps.config.descriptionLengthMax);
  const idempotencyKey = validateIdempotencyKey(options.idempotencyKey, deps.config.idempotencyKeyLengthMax);
  if (options.amountMicros !== null && options.amountMicros <= 0n) throw new BadUserInputError('amount', 'amount must be positive');
  if (options.amountMicros !== null && options.amountMicros % MICROS_PER_MINOR_UNIT !== 0n) {
    throw new BadUserInputError('amount', 'amount must be a whole number of cents (it goes back to a card)');
  }
  const requestHash = createHash('sha256').update(JSON.stringify(['refundUnusedCredit', walletId, options.amountMicros?.toString() ?? null])).digest('hex');
  const nowMs = deps.clock.now();
  const outcome = await pgTransaction(em, async (query) => {
    const [wallet] = await query<{ account_id: string; currency: string }>('select account_id, currency from wallet where id = $1 for update', [walletId]);
    if (!wallet) throw new NotFoundError('Wallet', walletId);
    if (idempotencyKey !== null) {
      const [record] = await query<{ request_hash: string; operation: string; wallet_transaction_id: string }>(
        'select request_hash, operation, wallet_transaction_id from idempotency_key where account_id = $1 and key = $2',
        [wallet.account_id, idempotencyKey],
      );
      if (record) {
        if (record.operation !== 'refundUnusedCredit' || record.request_hash !== requestHash) throw new IdempotencyKeyReusedError(idempotencyKey);
        return { replayOf: record.wallet_transaction_id };
      }
    }
    const refundable = await refundableMicros(query, walletId);
    const amountMicros = options.amountMicros ?? refundable;
    if (amountMicros <= 0n) throw new BadUserInputError('amount', `Nothing is refundable: the wallet holds no unused paid card credit`);
    if (amountMicros > refundable) {
      throw new BadUserInputError('amount', `At most ${formatMoney(refundable)} ${wallet.currency} of unused paid credit is refundable, asked ${formatMoney(amountMicros)}`);
    }
    const topUps = await query<{ id: string; amount_micros: string; total_micros: string; refunded_micros: string }>(
      `select id, amount_micros::text, total_micros::text, refunded_micros::text from top_up
        where wallet_id = $1 and status = 'SUCCEEDED' and refunded_micros < amount_micros
        order by succeeded_at desc, id for update`,
      [walletId],
    );
    const posted = await postWalletTransactionIn(query, {
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
      await query('update idempotency_key set request_hash = $3 where account_id = $1 and key = $2', [wallet.account_id, idempotencyKey, requestHash]);
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
      await query('update top_up set refunded_micros = $2 where id = $1', [topUp.id, after.toString()]);
      await query(
        `insert into top_up_refund (id, top_up_id, wallet_id, amount_micros, card_amount_micros, status, wallet_transaction_id, reason, actor, created_at, updated_at)
         values ($1, $2, $3, $4, $5, 'PENDING', $6, $7, $8, to_timestamp($9 / 1000.0), to_timestamp($9 / 1000.0))`,
        [randomUUID(), topUp.id, walletId, share.toString(), cardAmount.toString(), posted.transaction.id, reason, options.principal.actor, nowMs],
      );
      left -= share;
    }
    assert(left === 0n, 'the refundable amount is covered by unrefunded top-ups');
    return { replayOf: posted.transaction.id };
  });
  deps.committed();
  const pending = await refundsOf(em, outcome.replayOf);
  for (const refund of pending) if (refund.status === 'PENDING') await sendRefund(em, deps, refund);
  const refunds = await refundsOf(em, outcome.replayOf);
  return { walletTransactionId: outcome.replayOf, amountMicros: refunds.reduce((sum, r) => sum + r.amountMicros, 0n), refunds };
}

async function refundsOf(em: EntityManager, walletTransactionId: string): Promise<CreditRefund[]> {
  const rows = await queryOf(em)<RefundRow>(
    `select ${REFUND_COLUMNS} from top_up_refund r join top_up t on t.id = r.top_up_id where r.wallet_transaction_id = $1
      order by t.succeeded_at desc, r.id`,
    [walletTransactionId],
  );
  return rows.map(toRefund);
}

/** A wallet's card refunds, newest first. */
export async function listCreditRefunds(em: EntityManager, walletId: string, first: number): Promise<CreditRefund[]> {
  const rows = await queryOf(em)<RefundRow>(
    `select ${REFUND_COLUMNS} from top_up_refund r join top_up t on t.id = r.top_up_id where r.wallet_id = $1 order by r.created_at desc, r.id limit $2`,
    [walletId, first],
  );
  return rows.map(toRefund);
}

/**
 * The refunds to cards (newest first) of each of `walletIds`, the same `first` rows as one wallet's list, in one statement (a
 * lateral join per wallet). Every id is in the map.
 */
export async function listCreditRefundsOfWallets(em: EntityManager, walletIds: readonly string[], first: number): Promise<Map<string, CreditRefund[]>> {
  const rows = await queryOf(em)<RefundRow & { batch_wallet_id: string }>(
    `select w.id as batch_wallet_id, x.* from unnest($1::uuid[]) as w(id)
       cross join lateral (
         select ${REFUND_COLUMNS}, row_number() over (order by r.created_at desc, r.id) as batch_position
           from top_up_refund r join top_up t on t.id = r.top_up_id where r.wallet_id = w.id order by r.created_at desc, r.id limit $2) x
      order by w.id, x.batch_position`,
    [walletIds, first],
  );
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
          { payment_intent: refund.paymentIntentId, amount: toStripeAmount(refund.cardAmountMicros), metadata: { spendwire_refund_id: refund.id } },
          { idempotencyKey: `spendwire-refund-${refund.id}` },
        ),
      { passInvalidRequest: true },
    );
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError || error instanceof Stripe.errors.StripeInvalidRequestError) {
      await failRefund(em, deps, refund, paymentFailureOf(error.raw as never)?.reason ?? error.message);
      return;
    }
    console.error(`Refund ${refund.id} could not be sent (retried by the payment jobs):`, error);
    return;
  }
  if (stripeRefund.status === 'failed' || stripeRefund.status === 'canceled') {
    await failRefund(em, deps, refund, stripeRefund.failure_reason ?? `Stripe refund ${stripeRefund.status}`);
    return;
  }
  await pgTransaction(em, async (query) => {
    const [updated] = await query<{ account_id: string }>(
      `update top_up_refund r set status = 'SUCCEEDED', stripe_refund_id = $2, updated_at = to_timestamp($3 / 1000.0)
         from top_up t where r.id = $1 and r.status = 'PENDING' and t.id = r.top_up_id returning t.account_id`,
      [refund.id, stripeRefund.id, deps.clock.now()],
    );
    if (updated) await publishPaymentEvent(query, { accountId: updated.account_id, walletId: refund.walletId, id: refund.topUpId }, 'REFUND_SUCCEEDED');
  });
}

async function failRefund(em: EntityManager, deps: PaymentsDeps, refund: CreditRefund, reason: string): Promise<void> {
  const nowMs = deps.clock.now();
  const restored = await pgTransaction(em, async (query) => {
    const [current] = await query<{ status: string; account_id: string }>(
      'select r.status, t.account_id from top_up_refund r join top_up t on t.id = r.top_up_id where r.id = $1 for update of r',
      [refund.id],
    );
    if (current?.status !== 'PENDING') return false;
    const posted = await postWalletTransactionIn(query, {
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
    await query('update top_up set refunded_micros = refunded_micros - $2 where id = $1', [refund.topUpId, refund.amountMicros.toString()]);
    await query(
      `update top_up_refund set status = 'FAILED', failure_reason = $2, reversal_transaction_id = $3, updated_at = to_timestamp($4 / 1000.0) where id = $1`,
      [refund.id, reason.slice(0, 500), posted.transaction.id, nowMs],
    );
    await publishPaymentEvent(query, { accountId: current.account_id, walletId: refund.walletId, id: refund.topUpId }, 'REFUND_FAILED');
    return true;
  });
  if (restored) deps.committed();
}

/** Retries card refunds that Stripe could not be asked about (an outage). Returns how many were tried. */
export async function retryPendingRefunds(em: EntityManager, deps: PaymentsDeps, nowMs: number): Promise<number> {
  const rows = await queryOf(em)<RefundRow>(
    `select ${REFUND_COLUMNS} from top_up_refund r join top_up t on t.id = r.top_up_id
      where r.status = 'PENDING' and r.updated_at <= to_timestamp($1 / 1000.0) order by r.created_at limit $2`,
    [nowMs - deps.config.topUpReconcileAfterMs, deps.config.topUpReconcileBatchSize],
  );
  for (const row of rows) await sendRefund(em, deps, toRefund(row));
  return rows.length;
}
