/** The statements of automatic funding (table `auto_recharge`): auto-recharge below a threshold and the monthly recharge. */
import { sql } from '../../database/sql.js';
import { availableMicrosSql } from '../wallets/credit.js';

/** Columns of `auto_recharge a` that make a {@link SettingsRow}. */
const SETTINGS_COLUMNS = `a.wallet_id, a.enabled, a.threshold_micros::text, a.target_micros::text, a.in_flight_top_up_id,
  (extract(epoch from a.last_attempt_at) * 1000)::float8 as last_attempt_at_ms, a.consecutive_failures,
  (extract(epoch from a.paused_at) * 1000)::float8 as paused_at_ms, a.paused_reason, a.monthly_enabled, a.monthly_day,
  a.monthly_amount_micros::text`;

/** An `auto_recharge` row: int8 as strings, times in epoch milliseconds. */
export interface SettingsRow {
  wallet_id: string;
  enabled: boolean;
  threshold_micros: string;
  target_micros: string;
  in_flight_top_up_id: string | null;
  last_attempt_at_ms: number | null;
  consecutive_failures: number;
  paused_at_ms: number | null;
  paused_reason: string | null;
  monthly_enabled: boolean;
  monthly_day: number | null;
  monthly_amount_micros: string | null;
}

export const selectSettings = sql<SettingsRow, { walletId: string }>(
  `select ${SETTINGS_COLUMNS} from auto_recharge a where a.wallet_id = :walletId`,
);

export const selectSettingsOfWallets = sql<SettingsRow, { walletIds: readonly string[] }>(
  `select ${SETTINGS_COLUMNS} from auto_recharge a where a.wallet_id = any(:walletIds::uuid[])`,
);

/** Sets auto-recharge; turning it on resumes a paused one and clears its failure count. */
export const upsertAutoRecharge = sql<
  SettingsRow,
  { walletId: string; accountId: string; enabled: boolean; thresholdMicros: bigint; targetMicros: bigint; nowMs: number }
>(
  `insert into auto_recharge as a (wallet_id, account_id, enabled, threshold_micros, target_micros, updated_at)
   values (:walletId, :accountId, :enabled, :thresholdMicros, :targetMicros, to_timestamp(:nowMs / 1000.0))
   on conflict (wallet_id) do update set enabled = excluded.enabled, threshold_micros = excluded.threshold_micros,
     target_micros = excluded.target_micros, updated_at = excluded.updated_at,
     paused_at = case when excluded.enabled then null else a.paused_at end,
     paused_reason = case when excluded.enabled then null else a.paused_reason end,
     consecutive_failures = case when excluded.enabled then 0 else a.consecutive_failures end
   returning ${SETTINGS_COLUMNS}`,
);

/** Sets the monthly recharge; a wallet without settings gets auto-recharge disabled, threshold 0 and the smallest target. */
export const upsertMonthlyRecharge = sql<
  SettingsRow,
  { walletId: string; accountId: string; minimumMicros: bigint; enabled: boolean; dayOfMonth: number; amountMicros: bigint; nowMs: number }
>(
  `insert into auto_recharge as a (wallet_id, account_id, enabled, threshold_micros, target_micros, monthly_enabled, monthly_day,
     monthly_amount_micros, updated_at)
   values (:walletId, :accountId, false, 0, :minimumMicros, :enabled, :dayOfMonth, :amountMicros, to_timestamp(:nowMs / 1000.0))
   on conflict (wallet_id) do update set monthly_enabled = excluded.monthly_enabled, monthly_day = excluded.monthly_day,
     monthly_amount_micros = excluded.monthly_amount_micros, updated_at = excluded.updated_at
   returning ${SETTINGS_COLUMNS}`,
);

/** Armed wallets whose available credit is below their threshold, past the cooldown. */
export const selectWalletsBelowThreshold = sql<{ wallet_id: string }, { lastAttemptBeforeMs: number }>(
  `select a.wallet_id from auto_recharge a join wallet w on w.id = a.wallet_id
    where a.enabled and a.paused_at is null and a.in_flight_top_up_id is null
      and ${availableMicrosSql('w')} < a.threshold_micros
      and (a.last_attempt_at is null or a.last_attempt_at <= to_timestamp(:lastAttemptBeforeMs / 1000.0))`,
);

/** Wallets whose monthly recharge day has come this month (`month` as YYYY-MM) and that have not had it. */
export const selectMonthlyRechargesDue = sql<{ wallet_id: string }, { dayOfMonth: number; month: string }>(
  `select a.wallet_id from auto_recharge a
    where a.monthly_enabled and a.paused_at is null and a.in_flight_top_up_id is null
      and a.monthly_day <= :dayOfMonth and a.monthly_last_period is distinct from :month`,
);

/** Locks the wallet's settings, skipping them when another process holds them. */
export const lockSettings = sql<SettingsRow & { account_id: string; monthly_last_period: string | null }, { walletId: string }>(
  `select ${SETTINGS_COLUMNS}, a.account_id, a.monthly_last_period from auto_recharge a where a.wallet_id = :walletId for update skip locked`,
);

/** What a recharge decision needs of the wallet and its account. */
export const selectRechargeWallet = sql<{ available_micros: string; currency: string; status: string }, { walletId: string }>(
  `select ${availableMicrosSql('w')}::text as available_micros, w.currency, a.status
     from wallet w join account a on a.id = w.account_id where w.id = :walletId`,
);

/** Automatic recharges that took (or may take) money today and this month (epoch-millisecond period starts). */
export const countAutoRecharges = sql<{ today: number; month: number }, { walletId: string; dayMs: number; monthMs: number }>(
  `select count(*) filter (where created_at >= to_timestamp(:dayMs / 1000.0))::int as today, count(*)::int as month
     from top_up where wallet_id = :walletId and origin = 'AUTO_RECHARGE' and created_at >= to_timestamp(:monthMs / 1000.0)
      -- Recharges that took (or may take) money count; declines are bounded by the failure pause instead.
      and status not in ('FAILED', 'CANCELED')`,
);

/** Marks a recharge in flight; an auto-recharge records its attempt, a monthly one its month. */
export const markRechargeInFlight = sql<
  never,
  { walletId: string; topUpId: string; nowMs: number; isAutoRecharge: boolean; month: string }
>(
  `update auto_recharge set in_flight_top_up_id = :topUpId, updated_at = to_timestamp(:nowMs / 1000.0),
      last_attempt_at = case when :isAutoRecharge then to_timestamp(:nowMs / 1000.0) else last_attempt_at end,
      monthly_last_period = case when :isAutoRecharge then monthly_last_period else :month end
    where wallet_id = :walletId`,
);

export const pauseAutoRecharge = sql<never, { walletId: string; nowMs: number; reason: string }>(
  `update auto_recharge set paused_at = to_timestamp(:nowMs / 1000.0), paused_reason = :reason, updated_at = to_timestamp(:nowMs / 1000.0)
    where wallet_id = :walletId and paused_at is null`,
);

/** After a credited top-up: frees the wallet's slot if it was the one in flight; an automatic one clears the failure count. */
export const clearRechargeAfterSuccess = sql<never, { walletId: string; isAutomatic: boolean; nowMs: number; topUpId: string }>(
  `update auto_recharge
      set in_flight_top_up_id = case when in_flight_top_up_id = :topUpId then null else in_flight_top_up_id end,
          consecutive_failures = case when :isAutomatic then 0 else consecutive_failures end,
          updated_at = to_timestamp(:nowMs / 1000.0)
    where wallet_id = :walletId and (in_flight_top_up_id = :topUpId or :isAutomatic)`,
);

/** After a failed recharge: frees the slot, counts the failure and pauses after too many, or at once when the customer must authenticate. */
export const countRechargeFailure = sql<
  { consecutive_failures: number; paused_at: string | null },
  { walletId: string; nowMs: number; failuresMax: number; authenticationRequired: boolean; topUpId: string }
>(
  `update auto_recharge set in_flight_top_up_id = null,
      consecutive_failures = consecutive_failures + 1,
      paused_at = case when paused_at is null and (consecutive_failures + 1 >= :failuresMax or :authenticationRequired)
                       then to_timestamp(:nowMs / 1000.0) else paused_at end,
      paused_reason = case when paused_at is null and :authenticationRequired then 'AUTHENTICATION_REQUIRED'
                           when paused_at is null and consecutive_failures + 1 >= :failuresMax then 'REPEATED_FAILURES' else paused_reason end,
      updated_at = to_timestamp(:nowMs / 1000.0)
    where wallet_id = :walletId and in_flight_top_up_id = :topUpId
    returning consecutive_failures, paused_at::text`,
);
