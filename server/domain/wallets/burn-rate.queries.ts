/**
 * The burn rate's SQL (see burn-rate.ts): what wallets or campaigns used over a window, each
 * statement in two scopes, by wallet and by campaign. Calls are timed on the billing clock (the
 * app's clock: `started_at`, `ended_at`), so their window bounds are parameters; messages and
 * plan fees are timed by the database (`created_at`, `now()`), so theirs is `now()` − window.
 */
import { sql } from '../../database/sql.js';
import { CALL_COLUMNS, CALL_TABLES, type CallRow } from '../calls/calls.queries.js';
import { availableMicrosSql } from './credit.js';

/** The aggregated usage of one wallet or campaign over the window: see {@link usageSql}. */
export interface UsageRow {
  id: string;
  active_calls: number;
  /** Sum of the per-minute prices of the active calls (micros). */
  metered_per_minute: string;
  /** Cost of the calls that started and ended inside the window (micros). */
  ended_calls: string;
  /** Earliest start of those calls (epoch ms, billing clock); null when none. */
  first_started_ms: number | null;
  /** Outbound messages created in the window that are held or captured (not failed, not expired). */
  messages: number;
  /** Their price (held or captured), micros. */
  messages_micros: string;
  /** Age of the oldest of them, in seconds on the database clock; null when none. */
  first_message_age_seconds: number | null;
  /** Active subscriptions' plan fees as a per-minute rate over their period, rounded up (micros); 0 by campaign. */
  plan_fees_per_minute: string;
}

/** Parameters of the usage statements: the scope's ids and the window on both clocks. */
export type UsageParams = {
  ids: readonly string[];
  /** Start of the window on the billing clock, ISO 8601. */
  windowStart: string;
  /** Now on the billing clock, ISO 8601. */
  now: string;
  /** The window's length, in seconds (messages: on the database clock). */
  windowSeconds: number;
};

/** The aggregate statement for `call.<column>` / `message.<column>` = each id. */
function usageSql(column: 'wallet_id' | 'campaign_id'): string {
  const planFees =
    column === 'wallet_id'
      ? `(select coalesce(sum(ceil(p.monthly_fee_micros * 60.0 / greatest(1, extract(epoch from (s.period_end - s.period_start))))), 0)
            from subscription s join subscription_plan p on p.id = s.plan_id
           where s.wallet_id = x.id and s.status = 'ACTIVE')::bigint::text`
      : `'0'`;
  return `select x.id,
          (select count(*)::int from call c where c.${column} = x.id and c.status = 'ACTIVE') as active_calls,
          (select coalesce(sum(c.per_minute_micros), 0) from call c where c.${column} = x.id and c.status = 'ACTIVE')::text as metered_per_minute,
          e.ended_calls, e.first_started_ms,
          g.messages, g.messages_micros, g.first_message_age_seconds,
          ${planFees} as plan_fees_per_minute
     from unnest(:ids::uuid[]) as x(id)
     cross join lateral (
       select coalesce(sum(c.cost_micros), 0)::text as ended_calls,
              (extract(epoch from min(c.started_at)) * 1000)::float8 as first_started_ms
         from call c
        where c.${column} = x.id and c.ended_at is not null
          and c.ended_at >= :windowStart::timestamptz and c.ended_at <= :now::timestamptz
          and c.started_at >= :windowStart::timestamptz) e
     cross join lateral (
       select count(*)::int as messages, coalesce(sum(m.price_micros), 0)::text as messages_micros,
              extract(epoch from now() - min(m.created_at))::float8 as first_message_age_seconds
         from message m
        where m.${column} = x.id and m.direction = 'OUTBOUND' and m.status in ('PENDING', 'DELIVERED')
          and m.created_at >= now() - make_interval(secs => :windowSeconds)) g`;
}

/** Each wallet's usage over the window (ids with no wallet come back with zeros). */
export const selectWalletUsage = sql<UsageRow, UsageParams>(usageSql('wallet_id'));

/** Each campaign's usage over the window (no plan fees: they are the wallet's). */
export const selectCampaignUsage = sql<UsageRow, UsageParams>(usageSql('campaign_id'));

/**
 * The calls whose cost only partly falls in the window: the active ones, and the ended ones that
 * started before it. At most the concurrent calls of the scope at two moments.
 */
function partialCallsSql(column: 'wallet_id' | 'campaign_id'): string {
  return `select ${CALL_COLUMNS} from ${CALL_TABLES}
    where c.${column} = any(:ids::uuid[])
      and (c.status = 'ACTIVE'
           or (c.ended_at is not null and c.ended_at >= :windowStart::timestamptz and c.started_at < :windowStart::timestamptz))`;
}

/** The active calls of the wallets, and their calls that straddle the window's start. */
export const selectWalletPartialCalls = sql<CallRow, { ids: readonly string[]; windowStart: string }>(partialCallsSql('wallet_id'));

/** The same for campaigns. */
export const selectCampaignPartialCalls = sql<CallRow, { ids: readonly string[]; windowStart: string }>(partialCallsSql('campaign_id'));

/** Each wallet's available credit (balance − reserved), in micros. */
export const selectWalletsAvailable = sql<{ id: string; available_micros: string }, { ids: readonly string[] }>(
  `select w.id, ${availableMicrosSql('w')}::text as available_micros from wallet w where w.id = any(:ids::uuid[])`,
);
