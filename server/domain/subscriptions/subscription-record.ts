/** Subscription plans and wallets' subscriptions as the domain sees them, and their row mappers. */
import type { SubscriptionPlanRow, SubscriptionRow } from './subscriptions.queries.js';

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

export function toSubscriptionPlanRecord(row: SubscriptionPlanRow): SubscriptionPlanRecord {
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

export function toSubscriptionRecord(row: SubscriptionRow): SubscriptionRecord {
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

/** Seconds of the period's allowance still free: allowance − used − reserved, never below 0. */
export function remainingAllowanceSeconds(
  subscription: Pick<SubscriptionRecord, 'allowanceSeconds' | 'usedSeconds' | 'reservedSeconds'>,
): number {
  return Math.max(0, subscription.allowanceSeconds - subscription.usedSeconds - subscription.reservedSeconds);
}
