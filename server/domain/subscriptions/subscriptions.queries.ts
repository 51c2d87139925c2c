/**
 * The subscriptions' SQL: `subscription_plan` and `subscription`, and the wallet lock a monthly fee
 * takes, each statement with the type of its rows. Services run them; see database/sql.ts.
 */
import { sql } from '../../database/sql.js';
import { availableMicrosSql } from '../wallets/credit.js';
import type { SubscriptionStatus } from './subscription-record.js';

/** A `subscription_plan` row as selected with {@link PLAN_COLUMNS}. */
export interface SubscriptionPlanRow {
  id: string;
  name: string;
  currency: string;
  monthly_fee_micros: string;
  included_seconds: number;
  overage_per_minute_micros: string | null;
  created_at_ms: number;
}

/** A `subscription` row as selected with {@link SUBSCRIPTION_COLUMNS}; times in epoch milliseconds. */
export interface SubscriptionRow {
  id: string;
  account_id: string;
  wallet_id: string;
  plan_id: string;
  status: SubscriptionStatus;
  periods_paid: number;
  period_start_ms: number;
  period_end_ms: number;
  allowance_seconds: number;
  used_seconds: number;
  reserved_seconds: number;
  ended_at_ms: number | null;
  /** Day of the month the periods start on (1–31; a shorter month ends on its last day). */
  anchor_day: number;
}

const PLAN_COLUMNS = `p.id, p.name, p.currency, p.monthly_fee_micros::text, p.included_seconds, p.overage_per_minute_micros::text,
  (extract(epoch from p.created_at) * 1000)::float8 as created_at_ms`;

const SUBSCRIPTION_COLUMNS = `s.id, s.account_id, s.wallet_id, s.plan_id, s.status, s.periods_paid,
  (extract(epoch from s.period_start) * 1000)::float8 as period_start_ms, (extract(epoch from s.period_end) * 1000)::float8 as period_end_ms,
  s.allowance_seconds, s.used_seconds, s.reserved_seconds, (extract(epoch from s.ended_at) * 1000)::float8 as ended_at_ms, s.anchor_day`;

export const insertSubscriptionPlan = sql<
  SubscriptionPlanRow,
  { id: string; name: string; currency: string; monthlyFeeMicros: bigint; includedSeconds: number; overagePerMinuteMicros: bigint | null }
>(
  `insert into subscription_plan as p (id, name, currency, monthly_fee_micros, included_seconds, overage_per_minute_micros)
   values (:id, :name, :currency, :monthlyFeeMicros, :includedSeconds, :overagePerMinuteMicros) returning ${PLAN_COLUMNS}`,
);

/** Every plan, newest first. */
export const selectSubscriptionPlans = sql<SubscriptionPlanRow>(
  `select ${PLAN_COLUMNS} from subscription_plan p order by p.created_at desc, p.id`,
);

export const selectSubscriptionPlan = sql<SubscriptionPlanRow, { planId: string }>(
  `select ${PLAN_COLUMNS} from subscription_plan p where p.id = :planId`,
);

export const selectSubscriptionPlansByIds = sql<SubscriptionPlanRow, { planIds: readonly string[] }>(
  `select ${PLAN_COLUMNS} from subscription_plan p where p.id = any(:planIds::uuid[])`,
);

/** The ACTIVE subscriptions of the wallets `walletIds` (a wallet has at most one). */
export const selectActiveSubscriptions = sql<SubscriptionRow, { walletIds: readonly string[] }>(
  `select ${SUBSCRIPTION_COLUMNS} from subscription s where s.wallet_id = any(:walletIds::uuid[]) and s.status = 'ACTIVE'`,
);

/** Locks a wallet (within the tenant `accountScope`; null: any account) to pay a fee from it: its available credit in micros. */
export const lockWalletForFee = sql<
  { id: string; account_id: string; currency: string; status: string; available_micros: string },
  { walletId: string; accountScope: string | null }
>(
  `select w.id, w.account_id, w.currency, w.status, ${availableMicrosSql('w')}::text as available_micros
     from wallet w where w.id = :walletId and (:accountScope::uuid is null or w.account_id = :accountScope) for no key update`,
);

export const selectActiveSubscriptionId = sql<{ id: string }, { walletId: string }>(
  `select id from subscription where wallet_id = :walletId and status = 'ACTIVE'`,
);

export const insertSubscription = sql<
  SubscriptionRow,
  {
    id: string;
    accountId: string;
    walletId: string;
    planId: string;
    anchorDay: number;
    periodStart: string;
    periodEnd: string;
    allowanceSeconds: number;
  }
>(
  `insert into subscription as s (id, account_id, wallet_id, plan_id, status, anchor_day, period_start, period_end, allowance_seconds)
   values (:id, :accountId, :walletId, :planId, 'ACTIVE', :anchorDay, :periodStart, :periodEnd, :allowanceSeconds) returning ${SUBSCRIPTION_COLUMNS}`,
);

/** Ends an ACTIVE subscription of the tenant `accountScope` (null: any) at `endedAt`; no row when there is none. */
export const cancelActiveSubscription = sql<SubscriptionRow, { subscriptionId: string; accountScope: string | null; endedAt: string }>(
  `update subscription s set status = 'CANCELED', ended_at = :endedAt, version = version + 1
    where s.id = :subscriptionId and (:accountScope::uuid is null or s.account_id = :accountScope) and s.status = 'ACTIVE'
    returning ${SUBSCRIPTION_COLUMNS}`,
);

export const selectSubscriptionStatus = sql<{ status: SubscriptionStatus }, { subscriptionId: string; accountScope: string | null }>(
  'select status from subscription where id = :subscriptionId and (:accountScope::uuid is null or account_id = :accountScope)',
);

/** Claims the ACTIVE subscription whose period ended first by `now`; rows another process holds are skipped. */
export const claimDueSubscription = sql<SubscriptionRow, { now: string }>(
  `select ${SUBSCRIPTION_COLUMNS} from subscription s where s.status = 'ACTIVE' and s.period_end <= :now
    order by s.period_end limit 1 for update skip locked`,
);

/** Locks a wallet to renew a subscription from it: its status and available credit in micros. */
export const lockWalletForRenewal = sql<{ status: string; available_micros: string }, { walletId: string }>(
  `select w.status, ${availableMicrosSql('w')}::text as available_micros from wallet w where w.id = :walletId for no key update`,
);

/** Starts a subscription's next period (`period`, ending at `periodEnd`) with a fresh allowance. */
export const renewSubscription = sql<never, { subscriptionId: string; period: number; periodEnd: string; allowanceSeconds: number }>(
  `update subscription set periods_paid = :period, period_start = period_end, period_end = :periodEnd, allowance_seconds = :allowanceSeconds,
          used_seconds = 0, version = version + 1 where id = :subscriptionId`,
);

/** Ends a subscription whose fee could not be paid, at the end of its period. */
export const lapseSubscription = sql<never, { subscriptionId: string }>(
  `update subscription set status = 'LAPSED', ended_at = period_end, version = version + 1 where id = :subscriptionId`,
);

/**
 * What the ended calls of a subscription paid from the wallet since its current period began: their
 * billed seconds beyond the allowance and their cost in micros (those seconds and connect fees).
 */
export const selectSubscriptionOverage = sql<{ overage_seconds: number; overage_micros: string }, { subscriptionId: string }>(
  `select coalesce(sum(greatest(c.billed_seconds - c.allowance_seconds, 0)), 0)::int as overage_seconds,
          coalesce(sum(c.cost_micros), 0)::text as overage_micros
     from subscription s
     join call c on c.subscription_id = s.id and c.ended_at is not null and c.ended_at >= s.period_start
    where s.id = :subscriptionId`,
);
