/**
 * The usage reports' SQL: what an account's wallets spent in a period, read from the ledger
 * (`wallet_transaction`, by its wallet and creation time index), and the sent-markers of the
 * report e-mails. Services run them; see database/sql.ts.
 */
import { sql } from '../../database/sql.js';
import type { NotificationKind } from '../notifications/notification-kind.js';

/** The ledger kinds that are usage (spend); every other kind moves money in or out (top-ups, grants, adjustments, refunds). */
export const USAGE_KINDS_SQL = `('CALL', 'SMS', 'NUMBER', 'SUBSCRIPTION', 'CHARGE')`;

/** What a transaction takes from the wallet: its amount for a debit, minus it for a credit. */
const DEBIT_MICROS_SQL = `case t.type when 'DEBIT' then t.amount_micros else -t.amount_micros end`;

const IN_PERIOD_SQL = 't.wallet_id = any(:walletIds::uuid[]) and t.created_at >= :from::timestamptz and t.created_at < :to::timestamptz';

/** An account's wallets, oldest first, with the balance left by the last transaction created before `to` (0 when none). */
export const selectReportWallets = sql<{ id: string; currency: string; closing_micros: string }, { accountId: string; to: string }>(
  `select w.id, w.currency,
          coalesce((select t.balance_after_micros from wallet_transaction t
                     where t.wallet_id = w.id and t.created_at < :to::timestamptz
                     order by t.created_at desc, t.sequence desc limit 1), 0)::text as closing_micros
     from wallet w where w.account_id = :accountId order by w.created_at, w.id`,
);

/** Per wallet and ledger kind: transactions and what they took from the wallet, in the period. */
export const selectSpendByKind = sql<
  { wallet_id: string; kind: string; transactions: number; debit_micros: string },
  { walletIds: string[]; from: string; to: string }
>(
  `select t.wallet_id, t.kind, count(*)::int as transactions, sum(${DEBIT_MICROS_SQL})::text as debit_micros
     from wallet_transaction t where ${IN_PERIOD_SQL}
    group by t.wallet_id, t.kind order by t.wallet_id, t.kind`,
);

/** Per wallet and campaign (null: none), the usage in the period, largest first. */
export const selectSpendByCampaign = sql<
  { wallet_id: string; campaign_id: string | null; name: string | null; debit_micros: string },
  { walletIds: string[]; from: string; to: string }
>(
  `select t.wallet_id, t.campaign_id, c.name, sum(${DEBIT_MICROS_SQL})::text as debit_micros
     from wallet_transaction t left join campaign c on c.id = t.campaign_id
    where ${IN_PERIOD_SQL} and t.kind in ${USAGE_KINDS_SQL}
    group by t.wallet_id, t.campaign_id, c.name order by t.wallet_id, sum(${DEBIT_MICROS_SQL}) desc, t.campaign_id nulls last`,
);

/**
 * Per wallet and the first three digits of the number a usage transaction was for (a call's
 * destination or the number it was received on, a message's recipient, a bought number), the usage
 * in the period; `head` is null for usage without a number (plans, renewals, charges).
 */
export const selectSpendByNumberHead = sql<
  { wallet_id: string; head: string | null; debit_micros: string },
  { walletIds: string[]; from: string; to: string }
>(
  `select t.wallet_id, nullif(substr(coalesce(k.to_number, m.to_number, p.number, ''), 2, 3), '') as head,
          sum(${DEBIT_MICROS_SQL})::text as debit_micros
     from wallet_transaction t
     left join call k on k.transaction_id = t.id
     left join message m on m.transaction_id = t.id
     left join phone_number p on p.transaction_id = t.id
    where ${IN_PERIOD_SQL} and t.kind in ${USAGE_KINDS_SQL}
    group by 1, 2`,
);

/**
 * The local period of `:period` (DAILY, MONTHLY) in the timezone `zone` (an SQL expression) that contains
 * the instant `:atMs`, or, with `:previous`, the one before it, as the lateral `p`: `local_start` (a local
 * date-time at midnight), `period_start` (its first instant), `start_ms` and `end_ms` (epoch ms of its first instant and of the next period's).
 * PostgreSQL's zone rules place the midnights, as they do for spend caps.
 */
function localPeriodSql(zone: string): string {
  return `lateral (
    select l.local_start, l.local_start at time zone ${zone} as period_start, (extract(epoch from (l.local_start at time zone ${zone})) * 1000)::float8 as start_ms,
           (extract(epoch from ((l.local_start + u.step) at time zone ${zone})) * 1000)::float8 as end_ms
      from (select case :period::text when 'DAILY' then 'day' else 'month' end as unit,
                   case :period::text when 'DAILY' then interval '1 day' else interval '1 month' end as step) u,
           lateral (select date_trunc(u.unit, to_timestamp(:atMs::float8 / 1000.0) at time zone ${zone})
                           - case when :previous::boolean then u.step else interval '0' end as local_start) l
  ) p`;
}

/** The columns of {@link localPeriodSql}'s period, with the zone. */
export interface LocalPeriodRow {
  timezone: string;
  /** `YYYY-MM-DD`. */
  local_start: string;
  start_ms: number;
  end_ms: number;
}

/** An account's period of `period` containing `atMs` (or the one before it, `previous`) in its timezone. */
export const selectAccountPeriod = sql<LocalPeriodRow, { accountId: string; period: string; atMs: number; previous: boolean }>(
  `select a.timezone, to_char(p.local_start, 'YYYY-MM-DD') as local_start, p.start_ms, p.end_ms
     from account a, ${localPeriodSql('a.timezone')}
    where a.id = :accountId`,
);

// The report e-mails.

/**
 * Up to `limit` active users (with their account) who turned on the report `kind` and have no
 * sent-marker yet for their account's last completed `period` at `atMs` (`previous` true) in the
 * account's timezone, oldest accounts and users first; with that period's bounds.
 */
export const selectDueReportRecipients = sql<
  { user_id: string; email: string; account_id: string; account_name: string } & LocalPeriodRow,
  { kind: NotificationKind; period: string; atMs: number; previous: boolean; limit: number }
>(
  `select u.id as user_id, lower(u.email) as email, a.id as account_id, a.name as account_name,
          a.timezone, to_char(p.local_start, 'YYYY-MM-DD') as local_start, p.start_ms, p.end_ms
     from notification_preference np
     join app_user u on u.id = np.user_id and u.disabled_at is null
     join account a on a.id = u.account_id
     cross join ${localPeriodSql('a.timezone')}
    where np.kind = :kind and np.email
      and not exists (select 1 from usage_report_mail r
                       where r.account_id = a.id and r.period = :period and r.period_start = p.period_start
                         and r.recipient = lower(u.email))
    order by a.created_at, a.id, u.created_at, u.id
    limit :limit`,
);

/** The sent-marker of one report and recipient; no row when another pass or process wrote it first. */
export const insertReportMarker = sql<
  { id: string },
  { accountId: string; period: string; periodStart: string; recipient: string; nowMs: number }
>(
  `insert into usage_report_mail (account_id, period, period_start, recipient, created_at)
   values (:accountId, :period, :periodStart::timestamptz, :recipient, to_timestamp(:nowMs / 1000.0))
   on conflict (account_id, period, period_start, recipient) do nothing returning id::text`,
);

/** Queues the mail of one report marker (PENDING, due at once). */
export const insertReportMail = sql<
  { id: string },
  {
    accountId: string;
    userId: string;
    recipient: string;
    kind: NotificationKind;
    subject: string;
    text: string;
    markerId: string;
    nowMs: number;
  }
>(
  `insert into email_message (account_id, user_id, recipient, kind, subject, body_text, usage_report_mail_id, next_attempt_at, created_at)
   values (:accountId, :userId, :recipient, :kind, :subject, :text, :markerId, to_timestamp(:nowMs / 1000.0), to_timestamp(:nowMs / 1000.0))
   returning id::text`,
);
