import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { transaction, type SqlTransaction } from '../../database/sql.js';
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
import {
  toSubscriptionPlanRecord,
  toSubscriptionRecord,
  type SubscriptionPlanRecord,
  type SubscriptionRecord,
} from './subscription-record.js';
import {
  cancelActiveSubscription,
  claimDueSubscription,
  insertSubscription,
  insertSubscriptionPlan,
  lapseSubscription,
  lockWalletForFee,
  lockWalletForRenewal,
  renewSubscription,
  selectActiveSubscriptionId,
  selectActiveSubscriptions,
  selectSubscriptionPlan,
  selectSubscriptionPlans,
  selectSubscriptionPlansByIds,
  selectSubscriptionOverage,
  selectSubscriptionStatus,
} from './subscriptions.queries.js';

/** Largest allowance of a plan, in minutes (a month of one line talking non-stop). */
export const INCLUDED_MINUTES_MAX = 44_640;

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
  if (!isSupportedCurrency(options.currency))
    throw new BadUserInputError('currency', `currency must be one of ${SUPPORTED_CURRENCIES.join(', ')}`);
  validatePrice('monthlyFee', options.monthlyFeeMicros, options.limits.operationAmountMicrosMax);
  if (!Number.isInteger(options.includedMinutes) || options.includedMinutes < 0 || options.includedMinutes > INCLUDED_MINUTES_MAX) {
    throw new BadUserInputError('includedMinutes', `includedMinutes must be a whole number from 0 to ${INCLUDED_MINUTES_MAX}`);
  }
  if (options.overagePerMinuteMicros !== null)
    validatePrice('overagePerMinute', options.overagePerMinuteMicros, options.limits.operationAmountMicrosMax);
  const row = await insertSubscriptionPlan.one(em, {
    id: randomUUID(),
    name,
    currency: options.currency,
    monthlyFeeMicros: options.monthlyFeeMicros,
    includedSeconds: options.includedMinutes * 60,
    overagePerMinuteMicros: options.overagePerMinuteMicros,
  });
  return toSubscriptionPlanRecord(row);
}

/** Every plan, newest first (public to every caller). */
export async function listSubscriptionPlans(em: EntityManager): Promise<SubscriptionPlanRecord[]> {
  return (await selectSubscriptionPlans.all(em)).map(toSubscriptionPlanRecord);
}

/** @throws NotFoundError */
export async function findSubscriptionPlan(em: EntityManager, id: string): Promise<SubscriptionPlanRecord> {
  if (!isUuid(id)) throw new NotFoundError('Subscription plan', id);
  const row = await selectSubscriptionPlan.maybeOne(em, { planId: id });
  if (!row) throw new NotFoundError('Subscription plan', id);
  return toSubscriptionPlanRecord(row);
}

/** The plans of `planIds` (one statement); unknown ids are absent from the map. */
export async function findSubscriptionPlans(em: EntityManager, planIds: readonly string[]): Promise<Map<string, SubscriptionPlanRecord>> {
  const ids = planIds.filter(isUuid);
  if (ids.length === 0) return new Map();
  const rows = await selectSubscriptionPlansByIds.all(em, { planIds: ids });
  return new Map(rows.map((row) => [row.id, toSubscriptionPlanRecord(row)]));
}

/** The ACTIVE subscription of each of `walletIds` (one statement); wallets without one are absent. */
export async function findActiveSubscriptions(em: EntityManager, walletIds: readonly string[]): Promise<Map<string, SubscriptionRecord>> {
  const rows = await selectActiveSubscriptions.all(em, { walletIds });
  return new Map(rows.map((row) => [row.wallet_id, toSubscriptionRecord(row)]));
}

/** The wallet's ACTIVE subscription, if any (no tenant check: the caller has seen the wallet). */
export async function findActiveSubscription(em: EntityManager, walletId: string): Promise<SubscriptionRecord | null> {
  const [row] = await selectActiveSubscriptions.all(em, { walletIds: [walletId] });
  return row ? toSubscriptionRecord(row) : null;
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
  const subscription = await transaction(em, async (tx) => {
    const wallet = await lockWalletForFee.maybeOne(tx, { walletId: options.walletId, accountScope: tenantScope(options.principal) });
    if (!wallet) throw new NotFoundError('Wallet', options.walletId);
    if (wallet.currency.trim() !== plan.currency) {
      throw new BadUserInputError('planId', `The plan is in ${plan.currency}, the wallet in ${wallet.currency.trim()}`);
    }
    const existing = await selectActiveSubscriptionId.maybeOne(tx, { walletId: wallet.id });
    if (existing)
      throw new InvalidStateError('The wallet already has an active subscription: cancel it first', { subscriptionId: existing.id });
    const available = BigInt(wallet.available_micros);
    if (wallet.status === 'SUSPENDED' && available <= 0n) throw new WalletSuspendedError(wallet.id);
    const id = randomUUID();
    if (plan.monthlyFeeMicros > 0n)
      await payFee(tx, deps, { id, walletId: wallet.id, plan, period: 1, actor: options.principal.actor, available });
    const anchorDay = new Date(nowMs).getUTCDate();
    const row = await insertSubscription.one(tx, {
      id,
      accountId: wallet.account_id,
      walletId: wallet.id,
      planId: plan.id,
      anchorDay,
      periodStart: new Date(nowMs).toISOString(),
      periodEnd: new Date(anchoredMonthsLater(nowMs, anchorDay, 1)).toISOString(),
      allowanceSeconds: plan.includedSeconds,
    });
    return toSubscriptionRecord(row);
  });
  deps.committed();
  return subscription;
}

/** Debits one month's fee inside the caller's transaction. @throws InsufficientFundsError */
async function payFee(
  tx: SqlTransaction,
  deps: ServiceDeps,
  fee: { id: string; walletId: string; plan: SubscriptionPlanRecord; period: number; actor: string; available: bigint },
): Promise<void> {
  const posted = await postWalletTransactionIn(tx, {
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
  const scope = { subscriptionId: options.subscriptionId, accountScope: tenantScope(options.principal) };
  const row = await cancelActiveSubscription.maybeOne(em, { ...scope, endedAt: new Date(deps.clock.now()).toISOString() });
  if (row) return toSubscriptionRecord(row);
  const existing = await selectSubscriptionStatus.maybeOne(em, scope);
  if (!existing) throw new NotFoundError('Subscription', options.subscriptionId);
  throw new InvalidStateError(`The subscription is already ${existing.status}`, { status: existing.status });
}

/**
 * Lifecycle job: starts the next period of every ACTIVE subscription whose period has ended,
 * paying its fee from the wallet in the same transaction; one the wallet cannot pay LAPSES at
 * its period's end (calls then go pay-as-you-go). Claims rows with SKIP LOCKED, so several
 * processes never charge a period twice.
 */
export async function renewSubscriptions(
  em: EntityManager,
  deps: ServiceDeps,
  nowMs: number,
): Promise<{ renewed: number; lapsed: number }> {
  let renewed = 0;
  let lapsed = 0;
  for (;;) {
    const done = await transaction(em, async (tx) => {
      const row = await claimDueSubscription.maybeOne(tx, { now: new Date(nowMs).toISOString() });
      if (!row) return true;
      const subscription = toSubscriptionRecord(row);
      const plan = toSubscriptionPlanRecord(await selectSubscriptionPlan.one(tx, { planId: subscription.planId }));
      const period = subscription.periodsPaid + 1;
      const wallet = await lockWalletForRenewal.one(tx, { walletId: subscription.walletId });
      const available = BigInt(wallet.available_micros);
      const canPay = plan.monthlyFeeMicros === 0n || (wallet.status !== 'SUSPENDED' && available >= plan.monthlyFeeMicros);
      if (canPay) {
        if (plan.monthlyFeeMicros > 0n) {
          await payFee(tx, deps, {
            id: subscription.id,
            walletId: subscription.walletId,
            plan,
            period,
            actor: 'subscription_renewal',
            available,
          });
        }
        await renewSubscription.run(tx, {
          subscriptionId: subscription.id,
          period,
          periodEnd: new Date(anchoredMonthsLater(subscription.periodEndMs, row.anchor_day, 1)).toISOString(),
          allowanceSeconds: plan.includedSeconds,
        });
        renewed++;
      } else {
        await lapseSubscription.run(tx, { subscriptionId: subscription.id });
        lapsed++;
      }
      return false;
    });
    if (done) break;
  }
  if (renewed + lapsed > 0) deps.committed();
  return { renewed, lapsed };
}

/** What a subscription's calls paid from the wallet in its current period. */
export interface SubscriptionOverage {
  /** Billed seconds of ended calls beyond what the allowance covered. */
  overageSeconds: number;
  /** What those calls cost the wallet, in micros: the seconds beyond the allowance and connect fees. */
  overageMicros: bigint;
}

/**
 * What the ended calls of `subscriptionId` paid from the wallet since its current period began
 * (calls in progress count once they end). No tenant check: the caller has seen the subscription.
 */
export async function findSubscriptionOverage(em: EntityManager, subscriptionId: string): Promise<SubscriptionOverage> {
  const row = await selectSubscriptionOverage.one(em, { subscriptionId });
  return { overageSeconds: row.overage_seconds, overageMicros: BigInt(row.overage_micros) };
}
