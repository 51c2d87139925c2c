import type { EntityManager } from '@mikro-orm/postgresql';
import { pgQuery, pgTransaction } from '../../database/pg-transaction.js';
import { AlertKind } from './alert-kinds.js';
import { insertAlerts, lockAlertWriters, type NewAlert } from './raise-alerts.service.js';

/** Options of {@link warnClosingAccounts}. */
export interface WarnClosingAccountsOptions {
  nowMs: number;
  /** Days all of an account's wallets may stay SUSPENDED before it is closed. */
  closeAfterDays: number;
  /** Warn this many days before the close (e.g. [7, 1]). */
  warningDays: readonly number[];
}

/**
 * Seed 000: an account left unfunded for 30 days may be closed and its numbers returned. Raises
 * ACCOUNT_CLOSING for every ACTIVE account whose wallets are all SUSPENDED and whose close is
 * within one of `warningDays`: once per warning day and suspension (the most urgent one that
 * applies, so a job that first runs a day before the close does not also send the 7-day warning).
 * Returns the warned accounts' ids.
 */
export async function warnClosingAccounts(em: EntityManager, options: WarnClosingAccountsOptions): Promise<string[]> {
  if (options.warningDays.length === 0) return [];
  const due = await pgQuery<{ account_id: string; closes_at: string; days: number; dedupe_key: string; wallet_id: string; currency: string }>(
    em,
    `with dormant as (
       select w.account_id, max(w.suspended_at) + $2 * interval '1 day' as closes_at
         from wallet w
        where w.account_id in (select account_id from wallet where status = 'SUSPENDED')
        group by w.account_id
       having bool_and(w.status = 'SUSPENDED')),
     urgent as (
       select d.account_id, d.closes_at, min(days.d) as days
         from dormant d join account a on a.id = d.account_id and a.status = 'ACTIVE'
        cross join unnest($3::int[]) as days(d)
        where $1::timestamptz >= d.closes_at - days.d * interval '1 day' and $1::timestamptz < d.closes_at
        group by d.account_id, d.closes_at)
     select u.account_id, u.closes_at, u.days,
            'ACCOUNT_CLOSING:' || u.account_id || ':' || extract(epoch from u.closes_at)::bigint || ':' || u.days as dedupe_key,
            w.id as wallet_id, w.currency
       from urgent u
       join lateral (select id, currency from wallet where account_id = u.account_id order by created_at, id limit 1) w on true
      where not exists (select 1 from alert x
                         where x.dedupe_key = 'ACCOUNT_CLOSING:' || u.account_id || ':' || extract(epoch from u.closes_at)::bigint || ':' || u.days)`,
    [new Date(options.nowMs).toISOString(), options.closeAfterDays, [...options.warningDays]],
  );
  if (due.length === 0) return [];
  const alerts: NewAlert[] = due.map((row) => {
    const closesAt = new Date(row.closes_at);
    return {
      kind: AlertKind.ACCOUNT_CLOSING,
      accountId: row.account_id,
      walletId: row.wallet_id,
      currency: row.currency,
      balanceMicros: 0n,
      message: `The account will be closed on ${closesAt.toISOString().slice(0, 10)} (within ${row.days} ${row.days === 1 ? 'day' : 'days'}): its wallets have had no funds for ${options.closeAfterDays - row.days} days. Top up any wallet to keep the account and its phone numbers.`,
      dedupeKey: row.dedupe_key,
      raisedAt: new Date(options.nowMs),
    };
  });
  await pgTransaction(em, async (query) => {
    await lockAlertWriters(query);
    await insertAlerts(query, alerts);
  });
  return due.map((row) => row.account_id);
}
