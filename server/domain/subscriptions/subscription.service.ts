import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { pgQuery, pgTransaction, type PgQuery } from '../../database/pg-transaction.js';
import { BadUserInputError, InsufficientFundsError, InvalidStateError, NotFoundError, WalletSuspendedError } from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { anchoredMonthsLater } from '../calendar.js';
import { isUuid } from '../ids.js';
import type { ServiceDeps } from '../service-deps.js';
import { formatMoney, isSupportedCurrency, SUPPORTED_CURRENCIES } from '../wallets/money.js';
import { postWalletTransactionIn } from '../wallets/post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from '../wallets/transaction-enums.js';
import { validateText } from '../wallets/validate-input.js';

/** Largest allowance of a plan, in minutes (a month of one line talking non-stop). */
export const INCLUDED_MINUTES_MAX = 44_640;

/** A subscription plan: a monthly fee for an allowance of call minutes, and the rate beyond it. */
export interface SubscriptionPlanRecord {
  id: string;
  name: string;
  currency: string;
  monthlyFeeMicros: bigint;
  includedSeconds: number;
  /** Per minute beyond the allowance; null: the destination's own rate. */
  overagePerMinuteMicros: bigint | null;
  createdAtMs: number;
}

export enum SubscriptionStatus {
  ACTIVE = 'ACTIVE',
  /** Ended by the customer. */
  CANCELED = 'CANCELED',
  /** Ended because the wallet could not pay a monthly fee. */
  LAPSED = 'LAPSED',
}

/** A wallet's subscription to a plan, with the current period's allowance. */
export interface SubscriptionRecord {
  id: string;
  accountId: string;
  walletId: string;
  planId: string;
  status: SubscriptionStatus;
  periodsPaid: number;
  periodStartMs: number;
  periodEndMs: number;
  allowanceSeconds: number;
  usedSeconds: number;
  /** Held by calls in progress. */
  reservedSeconds: number;
  endedAtMs: number | null;
}

const PLAN_COLUMNS = `p.id, p.name, p.currency, p.monthly_fee_micros::text, p.included_seconds, p.overage_per_minute_micros::text,
  (extract(epoch from p.created_at) * 1000)::float8 as created_at_ms`;

const SUBSCRIPTION_COLUMNS = `s.id, s.account_id, s.wallet_id, s.plan_id, s.status, s.periods_paid,
  (extract(epoch from s.period_start) * 1000)::float8 as period_start_ms, (extract(epoch from s.period_end) * 1000)::float8 as period_end_ms,
  s.allowance_seconds, s.used_seconds, s.reserved_seconds, (extract(epoch from s.ended_at) * 1000)::float8 as ended_at_ms, s.anchor_day`;

function toPlan(row: any): SubscriptionPlanRecord {
  return {
    id: row.id,
    name: row.name,
    currency: row.currency.trim(),
    monthlyFeeMicros: BigInt(row.monthly_fee_micros),
    includedSeconds: row.included_seconds,
    overagePerMinuteMicros: row.overage_per_minute_micros === null ? null : BigInt(row.overage_per_minute_micros),
    createdAtMs: row.created_at_ms,
  };
}

function toSubscription(row: any): SubscriptionRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    walletId: row.wallet_id,
    planId: row.plan_id,
    status: row.status,
    periodsPaid: row.periods_paid,
    periodStartMs: row.period_start_ms,
    periodEndMs: row.period_end_ms,
    allowanceSeconds: row.allowance_seconds,
    usedSeconds: row.used_seconds,
    reservedSeconds: row.reserved_seconds,
    endedAtMs: row.ended_at_ms,
  };
}

function validatePrice(field: string, micros: bigint, max: bigint): void {
  if (micros < 0n) throw new BadUserInputError(field, `${field} must not be negative`);
  if (micros > max) throw new BadUserInputError(field, `${field} must be at most ${formatMoney(max)}`);
}

/**
 * Creates a subscription plan. @throws ForbiddenError unless PLATFORM_ADMIN.
 * @throws BadUserInputError (`name`, `currency`, `monthlyFee`, `includedMinutes` outside 0..{@link INCLUDED_MINUTES_MAX}, `overagePerMinute`).
 */
export async function createSubscriptionPlan(
  em: EntityManager,
  options: {
    principal: Principal;
    name: string;
    currency: string;
    monthlyFeeMicros: bigint;
    includedMinutes: number;
    overagePerMinuteMicros: bigint | null;
    limits: Pick<Config, 'nameLengthMax' | 'operationAmountMicrosMax'>;
  },
): Promise<SubscriptionPlanRecord> {
  requireRole(options.principal, [Role.PLATFORM_ADMIN], 'create a subscription plan');
  const name = validateText('name', options.name, options.limits.nameLengthMax);
  if (!isSupportedCurrency(options.currency)) throw new BadUserInputError('currency', `currency must be one of ${SUPPORTED_CURRENCIES.join(', ')}`);
  validatePrice('monthlyFee', options.monthlyFeeMicros, options.limits.operationAmountMicrosMax);
  if (!Number.isInteger(options.includedMinutes) || options.includedMinutes < 0 || options.includedMinutes > INCLUDED_MINUTES_MAX) {
    throw new BadUserInputError('includedMinutes', `includedMinutes must be a whole number from 0 to ${INCLUDED_MINUTES_MAX}`);
  }
  if (options.overagePerMinuteMicros !== null) validatePrice('overagePerMinute', options.overagePerMinuteMicros, options.limits.operationAmountMicrosMax);
  const [row] = await pgQuery(
    em,
    `insert into subscription_plan as p (id, name, currency, monthly_fee_micros, included_seconds, overage_per_minute_micros)
     values ($1, $2, $3, $4, $5, $6) returning ${PLAN_COLUMNS}`,
    [randomUUID(), name, options.currency, options.monthlyFeeMicros.toString(), options.includedMinutes * 60, options.overagePerMinuteMicros?.toString() ?? null],
  );
  return toPlan(row);
}

/** Every plan, newest first (public to every caller). */
export async function listSubscriptionPlans(em: EntityManager): Promise<SubscriptionPlanRecord[]> {
  return (await pgQuery(em, `select ${PLAN_COLUMNS} from subscription_plan p order by p.created_at desc, p.id`)).map(toPlan);
}

/** @throws NotFoundError */
export async function findSubscriptionPlan(em: EntityManager, id: string): Promise<SubscriptionPlanRecord> {
  if (!isUuid(id)) throw new NotFoundError('Subscription plan', id);
  const [row] = await pgQuery(em, `select ${PLAN_COLUMNS} from subscription_plan p where p.id = $1`, [id]);
  if (!row) throw new NotFoundError('Subscription plan', id);
  return toPlan(row);
}

/** The plans of `planIds` (one statement); unknown ids are absent from the map. */
export async function findSubscriptionPlans(em: EntityManager, planIds: readonly string[]): Promise<Map<string, SubscriptionPlanRecord>> {
  const ids = planIds.filter(isUuid);
  if (ids.length === 0) return new Map();
  const rows = await pgQuery(em, `select ${PLAN_COLUMNS} from subscription_plan p where p.id = any($1::uuid[])`, [ids]);
  return new Map(rows.map((row) => [row.id as string, toPlan(row)]));
}

/** The ACTIVE subscription of each of `walletIds` (one statement); wallets without one are absent. */
export async function findActiveSubscriptions(em: EntityManager, walletIds: readonly string[]): Promise<Map<string, SubscriptionRecord>> {
  const rows = await pgQuery(em, `select ${SUBSCRIPTION_COLUMNS} from subscription s where s.wallet_id = any($1::uuid[]) and s.status = 'ACTIVE'`, [walletIds]);
  return new Map(rows.map((row) => [row.wallet_id as string, toSubscription(row)]));
}

/** The wallet's ACTIVE subscription, if any (no tenant check: the caller has seen the wallet). */
export async function findActiveSubscription(em: EntityManager, walletId: string): Promise<SubscriptionRecord | null> {
  const [row] = await pgQuery(em, `select ${SUBSCRIPTION_COLUMNS} from subscription s where s.wallet_id = $1 and s.status = 'ACTIVE'`, [walletId]);
  return row ? toSubscription(row) : null;
}

/** Roles that subscribe and cancel: the account's owner (and the operator). */
const SUBSCRIPTION_ROLES = [Role.OWNER, Role.PLATFORM_ADMIN] as const;

/**
 * Subscribes a wallet to a plan: the first month's fee is debited (kind SUBSCRIPTION) in the same
 * transaction that opens the subscription, so neither exists without the other. The period runs
 * one anchored month from now.
 * @throws ForbiddenError, NotFoundError, BadUserInputError (`planId` in another currency),
 * InvalidStateError (the wallet already has an active subscription), WalletSuspendedError,
 * InsufficientFundsError (the fee; nothing written).
 */
export async function subscribe(
  em: EntityManager,
  deps: ServiceDeps,
  options: { principal: Principal; walletId: string; planId: string },
): Promise<SubscriptionRecord> {
  requireRole(options.principal, SUBSCRIPTION_ROLES, 'subscribe to a plan');
  if (!isUuid(options.walletId)) throw new NotFoundError('Wallet', options.walletId);
  const plan = await findSubscriptionPlan(em, options.planId);
  const nowMs = deps.clock.now();
  const subscription = await pgTransaction(em, async (query) => {
    const [wallet] = await query(
      `select w.id, w.account_id, w.currency, w.status, (w.balance_micros - w.reserved_micros)::text as available
         from wallet w where w.id = $1 and ($2::uuid is null or w.account_id = $2) for update`,
      [options.walletId, tenantScope(options.principal)],
    );
    if (!wallet) throw new NotFoundError('Wallet', options.walletId);
    if (wallet.currency.trim() !== plan.currency) {
      throw new BadUserInputError('planId', `The plan is in ${plan.currency}, the wallet in ${wallet.currency.trim()}`);
    }
    const [existing] = await query(`select id from subscription where wallet_id = $1 and status = 'ACTIVE'`, [wallet.id]);
    if (existing) throw new InvalidStateError('The wallet already has an active subscription: cancel it first', { subscriptionId: existing.id });
    if (wallet.status === 'SUSPENDED' && BigInt(wallet.available) <= 0n) throw new WalletSuspendedError(wallet.id);
    const id = randomUUID();
    if (plan.monthlyFeeMicros > 0n) await payFee(query, deps, { id, walletId: wallet.id, plan, period: 1, actor: options.principal.actor, available: BigInt(wallet.available) });
    const anchorDay = new Date(nowMs).getUTCDate();
    const [row] = await query(
      `insert into subscription as s (id, account_id, wallet_id, plan_id, status, anchor_day, period_start, period_end, allowance_seconds)
       values ($1, $2, $3, $4, 'ACTIVE', $5, $6, $7, $8) returning ${SUBSCRIPTION_COLUMNS}`,
      [id, wallet.account_id, wallet.id, plan.id, anchorDay, new Date(nowMs).toISOString(),
        new Date(anchoredMonthsLater(nowMs, anchorDay, 1)).toISOString(), plan.includedSeconds],
    );
    return toSubscription(row);
  });
  deps.committed();
  return subscription;
}

/** Debits one month's fee inside the caller's transaction. @throws InsufficientFundsError */
async function payFee(
  query: PgQuery,
  deps: ServiceDeps,
  fee: { id: string; walletId: string; plan: SubscriptionPlanRecord; period: number; actor: string; available: bigint },
): Promise<void> {
  const posted = await postWalletTransactionIn(query, {
    walletId: fee.walletId,
    accountScope: null,
    deltaMicros: -fee.plan.monthlyFeeMicros,
    kind: TransactionKind.SUBSCRIPTION,
    counterparty: PlatformAccountCode.REVENUE,
    description: `${fee.plan.name}: month ${fee.period}`,
    campaignId: null,
    actor: fee.actor,
    idempotencyKey: `spendwire:subscription:${fee.id}:period:${fee.period}`,
    operation: 'subscription',
    walletBalanceMicrosMax: deps.config.walletBalanceMicrosMax,
  });
  if (!posted) {
    throw new InsufficientFundsError(
      `Insufficient funds: the ${formatMoney(fee.plan.monthlyFeeMicros)} ${fee.plan.currency} monthly fee exceeds the ${formatMoney(fee.available)} available`,
      { available: formatMoney(fee.available), requested: formatMoney(fee.plan.monthlyFeeMicros), currency: fee.plan.currency },
    );
  }
}

/**
 * Ends a subscription now: its remaining allowance is gone; calls in progress keep the seconds
 * they already hold. @throws ForbiddenError, NotFoundError, InvalidStateError (not active).
 */
export async function cancelSubscription(
  em: EntityManager,
  deps: ServiceDeps,
  options: { principal: Principal; subscriptionId: string },
): Promise<SubscriptionRecord> {
  requireRole(options.principal, SUBSCRIPTION_ROLES, 'cancel a subscription');
  if (!isUuid(options.subscriptionId)) throw new NotFoundError('Subscription', options.subscriptionId);
  const [row] = await pgQuery(
    em,
    `update subscription s set status = 'CANCELED', ended_at = $3, version = version + 1
      where s.id = $1 and ($2::uuid is null or s.account_id = $2) and s.status = 'ACTIVE'
      returning ${SUBSCRIPTION_COLUMNS}`,
    [options.subscriptionId, tenantScope(options.principal), new Date(deps.clock.now()).toISOString()],
  );
  if (row) return toSubscription(row);
  const [existing] = await pgQuery(em, `select status from subscription where id = $1 and ($2::uuid is null or account_id = $2)`, [
    options.subscriptionId,
    tenantScope(options.principal),
  ]);
  if (!existing) throw new NotFoundError('Subscription', options.subscriptionId);
  throw new InvalidStateError(`The subscription is already ${existing.status}`, { status: existing.status });
}

/**
 * Lifecycle job: starts the next period of every ACTIVE subscription whose period has ended,
 * paying its fee from the wallet in the same transaction; one the wallet cannot pay LAPSES at
 * its period's end (calls then go pay-as-you-go). Claims rows with SKIP LOCKED, so several
 * processes never charge a period twice.
 */
export async function renewSubscriptions(em: EntityManager, deps: ServiceDeps, nowMs: number): Promise<{ renewed: number; lapsed: number }> {
  let renewed = 0;
  let lapsed = 0;
  for (;;) {
    const done = await pgTransaction(em, async (query) => {
      const [row] = await query(
        `select ${SUBSCRIPTION_COLUMNS} from subscription s where s.status = 'ACTIVE' and s.period_end <= $1
          order by s.period_end limit 1 for update skip locked`,
        [new Date(nowMs).toISOString()],
      );
      if (!row) return true;
      const subscription = toSubscription(row);
      const plan = await findSubscriptionPlanIn(query, subscription.planId);
      const period = subscription.periodsPaid + 1;
      const [wallet] = await query(`select status, (balance_micros - reserved_micros)::text as available from wallet where id = $1 for update`, [
        subscription.walletId,
      ]);
      const canPay = plan.monthlyFeeMicros === 0n || (wallet.status !== 'SUSPENDED' && BigInt(wallet.available) >= plan.monthlyFeeMicros);
      if (canPay) {
        if (plan.monthlyFeeMicros > 0n) {
          await payFee(query, deps, { id: subscription.id, walletId: subscription.walletId, plan, period, actor: 'subscription_renewal', available: BigInt(wallet.available) });
        }
        await query(
          `update subscription set periods_paid = $2, period_start = period_end, period_end = $3, allowance_seconds = $4,
                  used_seconds = 0, version = version + 1 where id = $1`,
          [subscription.id, period, new Date(anchoredMonthsLater(subscription.periodEndMs, row.anchor_day, 1)).toISOString(), plan.includedSeconds],
        );
        renewed++;
      } else {
        await query(`update subscription set status = 'LAPSED', ended_at = period_end, version = version + 1 where id = $1`, [subscription.id]);
        lapsed++;
      }
      return false;
    });
    if (done) break;
  }
  if (renewed + lapsed > 0) deps.committed();
  return { renewed, lapsed };
}

async function findSubscriptionPlanIn(query: PgQuery, id: string): Promise<SubscriptionPlanRecord> {
  const [row] = await query(`select ${PLAN_COLUMNS} from subscription_plan p where p.id = $1`, [id]);
  return toPlan(row);
}
