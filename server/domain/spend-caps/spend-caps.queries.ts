/**
 * Statements of the spend caps area (daily and monthly caps per account currency and per wallet).
 * Charges are counted by the posting statement (wallets/post-wallet-transaction.ts) through the
 * database function `spendwire_count_spend` (migration 20261207050000), which computes the periods
 * the same way as {@link spendCapPeriodsSql}.
 */
import { sql } from '../../database/sql.js';

/**
 * The current local day and month of the account aliased `a` at the instant `at` (SQL
 * timestamptz), as `local_day` and `local_month` (dates; a month is its first day). A cap row
 * whose stored period start differs has committed nothing in the current period.
 */
export function spendCapPeriodsSql(at: string): string {
  return `(${at} at time zone a.timezone)::date as local_day, date_trunc('month', ${at} at time zone a.timezone)::date as local_month`;
}

/** A cap row as {@link lockSpendCapsOfWallets} reads it: what was committed in the periods current at `at`. */
export interface SpendCapRow {
  /** The requested wallet this cap applies to (a cap applying to two of them comes twice). */
  for_wallet_id: string;
  id: string;
  account_id: string;
  wallet_id: string | null;
  currency: string;
  daily_cap_micros: string | null;
  monthly_cap_micros: string | null;
  /** Committed in the current local day (0 when the row's day is an earlier one). */
  day_committed_micros: string;
  month_committed_micros: string;
  local_day: string;
  local_month: string;
  /** When the current day and month end (the next local midnight), epoch milliseconds. */
  day_ends_at_ms: number;
  month_ends_at_ms: number;
}

const CAP_OF_WALLET = `select w.id as for_wallet_id, c.id, c.account_id, c.wallet_id, c.currency, c.daily_cap_micros::text, c.monthly_cap_micros::text,
          (case when c.day_start = p.local_day then c.day_committed_micros else 0 end)::text as day_committed_micros,
          (case when c.month_start = p.local_month then c.month_committed_micros else 0 end)::text as month_committed_micros,
          p.local_day::text, p.local_month::text,
          (extract(epoch from ((p.local_day + 1)::timestamp at time zone a.timezone)) * 1000)::float8 as day_ends_at_ms,
          (extract(epoch from ((p.local_month + interval '1 month')::timestamp at time zone a.timezone)) * 1000)::float8 as month_ends_at_ms
     from wallet w
     join spend_cap c on c.wallet_id = w.id or (c.wallet_id is null and c.account_id = w.account_id and c.currency = w.currency)
     join account a on a.id = c.account_id
     cross join lateral (select ${spendCapPeriodsSql(':at::timestamptz')}) p
    where w.id = any(:walletIds::uuid[])
      and (c.daily_cap_micros is not null or c.monthly_cap_micros is not null)
    order by c.id`;

/**
 * Locks (in id order) every cap that applies to the wallets `walletIds`: each wallet's own and its
 * account's cap in the wallet's currency, where any cap is set; with what each has committed in
 * the periods current at `at`. The caller holds the wallets' row locks already (lock order:
 * wallets, spend caps, subscriptions, campaigns, accounts).
 */
export const lockSpendCapsOfWallets = sql<SpendCapRow, { walletIds: string[]; at: string }>(
  `${CAP_OF_WALLET}
      for update of c`,
  // Every call start batch runs it: parsed and planned once per connection.
  { prepareAs: 'spend_caps_lock_of_wallets' },
);

/** {@link lockSpendCapsOfWallets} without the lock: to explain a refusal, or to show. */
export const selectSpendCapsOfWallets = sql<SpendCapRow, { walletIds: string[]; at: string }>(CAP_OF_WALLET, {
  // Every call end batch runs it: parsed and planned once per connection.
  prepareAs: 'spend_caps_select_of_wallets',
});

/**
 * Adds `deltas` (micros; negative gives back a reservation) to caps locked by
 * {@link lockSpendCapsOfWallets}, in the periods `dayStarts`/`monthStarts` it read. An addition
 * in a new period starts it; a give-back counts only in the period it belongs to and never below 0.
 */
export const applySpendCapDeltas = sql<never, { ids: string[]; deltas: string[]; dayStarts: string[]; monthStarts: string[] }>(
  `update spend_cap c
      set day_committed_micros = case when c.day_start = u.day_start then greatest(0, c.day_committed_micros + u.delta)
                                      when u.delta > 0 then u.delta else c.day_committed_micros end,
          day_start = case when c.day_start = u.day_start or u.delta > 0 then u.day_start else c.day_start end,
          month_committed_micros = case when c.month_start = u.month_start then greatest(0, c.month_committed_micros + u.delta)
                                        when u.delta > 0 then u.delta else c.month_committed_micros end,
          month_start = case when c.month_start = u.month_start or u.delta > 0 then u.month_start else c.month_start end,
          updated_at = now()
     from unnest(:ids::uuid[], :deltas::bigint[], :dayStarts::date[], :monthStarts::date[]) as u(id, delta, day_start, month_start)
    where c.id = u.id`,
);

/** A cap as last written: what its latest periods (starting on `day_start`, `month_start`) committed. */
export interface SpendCapUseRow {
  id: string;
  account_id: string;
  wallet_id: string | null;
  currency: string;
  daily_cap_micros: string | null;
  monthly_cap_micros: string | null;
  day_committed_micros: string;
  month_committed_micros: string;
  /** Null until something was committed. */
  day_start: string | null;
  month_start: string | null;
}

/**
 * Every cap of the accounts `accountIds` that has a cap set, as last written, for the alert
 * processor: it judges each period the row records, whatever the time now (so an injected clock
 * and the database's agree).
 */
export const selectSpendCapUseOfAccounts = sql<SpendCapUseRow, { accountIds: string[] }>(
  `select c.id, c.account_id, c.wallet_id, c.currency, c.daily_cap_micros::text, c.monthly_cap_micros::text,
          c.day_committed_micros::text, c.month_committed_micros::text, c.day_start::text, c.month_start::text
     from spend_cap c
    where c.account_id = any(:accountIds::uuid[]) and (c.daily_cap_micros is not null or c.monthly_cap_micros is not null)
    order by c.id`,
);

/**
 * Creates or replaces the caps of one scope; what was committed in the current periods is kept
 * (lowering a cap below it refuses further spend, nothing more). Returns the row's id.
 */
export const upsertSpendCap = sql<
  { id: string },
  {
    id: string;
    accountId: string;
    walletId: string | null;
    currency: string;
    dailyCapMicros: bigint | null;
    monthlyCapMicros: bigint | null;
  }
>(
  `insert into spend_cap as c (id, account_id, wallet_id, currency, daily_cap_micros, monthly_cap_micros)
   values (:id, :accountId, :walletId, :currency, :dailyCapMicros, :monthlyCapMicros)
   on conflict (wallet_id) do update set daily_cap_micros = excluded.daily_cap_micros, monthly_cap_micros = excluded.monthly_cap_micros, updated_at = now()
   returning c.id`,
);

/** The same for an account cap (the partial unique index on (account, currency) where wallet_id is null). */
export const upsertAccountSpendCap = sql<
  { id: string },
  { id: string; accountId: string; currency: string; dailyCapMicros: bigint | null; monthlyCapMicros: bigint | null }
>(
  `insert into spend_cap as c (id, account_id, wallet_id, currency, daily_cap_micros, monthly_cap_micros)
   values (:id, :accountId, null, :currency, :dailyCapMicros, :monthlyCapMicros)
   on conflict (account_id, currency) where wallet_id is null
   do update set daily_cap_micros = excluded.daily_cap_micros, monthly_cap_micros = excluded.monthly_cap_micros, updated_at = now()
   returning c.id`,
);

/** Whether PostgreSQL knows the IANA timezone `name` (what the caps' periods are computed with). */
export const selectTimezoneKnown = sql<{ name: string }, { name: string }>(`select name from pg_timezone_names where name = :name`);

/** Sets an account's timezone. */
export const updateAccountTimezone = sql<{ timezone: string }, { accountId: string; timezone: string }>(
  `update account set timezone = :timezone where id = :accountId returning timezone`,
);

/** An account's timezone. */
export const selectAccountTimezone = sql<{ timezone: string }, { accountId: string }>(`select timezone from account where id = :accountId`);

/** One scope of an account (each currency its wallets use, and each wallet) with its caps, if any, at `at`. */
export interface SpendCapScopeRow {
  wallet_id: string | null;
  currency: string;
  timezone: string;
  daily_cap_micros: string | null;
  monthly_cap_micros: string | null;
  day_committed_micros: string;
  month_committed_micros: string;
  local_day: string;
  local_month: string;
  day_ends_at_ms: number;
  month_ends_at_ms: number;
}

/**
 * Every scope of the account `accountId`: the account in each currency of its wallets first, then
 * each wallet (oldest first), capped or not, with what was committed in the periods current at `at`.
 */
export const selectSpendCapScopes = sql<SpendCapScopeRow, { accountId: string; at: string; walletsMax: number }>(
  `with wallets as (
     select w.id, w.currency, w.created_at from wallet w where w.account_id = :accountId order by w.created_at, w.id limit :walletsMax
   ),
   scopes as (
     select distinct null::uuid as wallet_id, currency, null::timestamptz as created_at from wallets
     union all
     select id, currency, created_at from wallets
   )
   select s.wallet_id, s.currency, a.timezone, c.daily_cap_micros::text, c.monthly_cap_micros::text,
          (case when c.day_start = p.local_day then c.day_committed_micros else 0 end)::text as day_committed_micros,
          (case when c.month_start = p.local_month then c.month_committed_micros else 0 end)::text as month_committed_micros,
          p.local_day::text, p.local_month::text,
          (extract(epoch from ((p.local_day + 1)::timestamp at time zone a.timezone)) * 1000)::float8 as day_ends_at_ms,
          (extract(epoch from ((p.local_month + interval '1 month')::timestamp at time zone a.timezone)) * 1000)::float8 as month_ends_at_ms
     from scopes s
     join account a on a.id = :accountId
     cross join lateral (select ${spendCapPeriodsSql(':at::timestamptz')}) p
     left join spend_cap c on c.account_id = a.id and c.currency = s.currency
                          and (c.wallet_id = s.wallet_id or (s.wallet_id is null and c.wallet_id is null))
    order by s.wallet_id is not null, s.created_at, s.currency, s.wallet_id`,
);

/** Locks the account's wallets in id order (the house's lock order: wallets before their caps). */
export const lockAccountWallets = sql<{ id: string }, { accountId: string }>(
  `select id from wallet where account_id = :accountId order by id for no key update`,
);

/**
 * Sets each wallet's `spend_capped` flag of the account `accountId` to whether a cap applies to it
 * (its own, or the account's in its currency): what the posting statement reads. The caller holds
 * the wallets' row locks ({@link lockAccountWallets}).
 */
export const refreshWalletsSpendCapped = sql<never, { accountId: string }>(
  `update wallet w set spend_capped = x.capped
     from (select w2.id, exists (select 1 from spend_cap c
                                  where (c.wallet_id = w2.id or (c.wallet_id is null and c.account_id = w2.account_id and c.currency = w2.currency))
                                    and (c.daily_cap_micros is not null or c.monthly_cap_micros is not null)) as capped
             from wallet w2 where w2.account_id = :accountId) x
    where w.id = x.id and w.spend_capped is distinct from x.capped`,
);
