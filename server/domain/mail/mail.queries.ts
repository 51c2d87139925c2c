/**
 * The mail area's SQL: the mail producer's alert position, what a notification mail is worded
 * from, its recipients, and the `email_message` queue the sender claims and settles.
 */
import { sql } from '../../database/sql.js';
import type { NotificationKind } from '../notifications/notification-kind.js';
import { TOP_UP_COLUMNS, type TopUpRow } from '../payments/top-ups.queries.js';

// The producer (its position among the alerts is read and moved with alerts.queries.ts's reader statements).

/** An alert as a mail words it. */
export interface MailedAlertRow {
  id: string;
  kind: NotificationKind;
  account_id: string;
  account_name: string;
  currency: string | null;
  threshold_micros: string | null;
  balance_micros: string | null;
  amount_micros: string | null;
  message: string;
  raised_at_ms: number;
}

/** Up to `limit` alerts after `afterId`, in order, with their account's name. */
export const selectMailedAlertsAfter = sql<MailedAlertRow, { afterId: string; limit: number }>(
  `select a.id::text, a.kind, a.account_id, ac.name as account_name, a.currency, a.threshold_micros::text, a.balance_micros::text,
          a.amount_micros::text, a.message, (extract(epoch from a.raised_at) * 1000)::float8 as raised_at_ms
     from alert a join account ac on ac.id = a.account_id
    where a.id > :afterId order by a.id limit :limit`,
);

/** A top-up with its account's name and the balance its credit left. */
export const selectReceiptTopUp = sql<TopUpRow & { account_name: string; balance_after_micros: string | null }, { topUpId: string }>(
  `select ${TOP_UP_COLUMNS}, ac.name as account_name, wt.balance_after_micros::text
     from top_up t join account ac on ac.id = t.account_id left join wallet_transaction wt on wt.id = t.wallet_transaction_id
    where t.id = :topUpId`,
);

/** An account's active users who get e-mail of `kind` (`emailDefault` when they never chose), oldest first. */
export const selectMailedUsers = sql<
  { id: string; email: string },
  { accountId: string; kind: NotificationKind; emailDefault: boolean; limit: number }
>(
  `select u.id, u.email from app_user u
    where u.account_id = :accountId and u.disabled_at is null
      and coalesce((select p.email from notification_preference p where p.user_id = u.id and p.kind = :kind), :emailDefault)
    order by u.created_at, u.id limit :limit`,
);

/** An account's billing e-mail (lower case) and whether it has an active user. */
export const selectBillingEmail = sql<{ billing_email: string | null; has_users: boolean }, { accountId: string }>(
  `select lower(billing_email) as billing_email,
          exists (select 1 from app_user u where u.account_id = a.id and u.disabled_at is null) as has_users
     from account a where a.id = :accountId`,
);

/** Queues one PENDING mail due at `nowMs`; no row when this source already mailed this recipient. */
export const insertMail = sql<
  { id: string },
  {
    accountId: string;
    userId: string | null;
    recipient: string;
    kind: NotificationKind;
    subject: string;
    text: string;
    alertId: string | null;
    topUpId: string | null;
    nowMs: number;
  }
>(
  `insert into email_message (account_id, user_id, recipient, kind, subject, body_text, alert_id, top_up_id, next_attempt_at, created_at)
   values (:accountId, :userId, :recipient, :kind, :subject, :text, :alertId, :topUpId, to_timestamp(:nowMs / 1000.0), to_timestamp(:nowMs / 1000.0))
   on conflict (source, recipient) do nothing returning id`,
);

// The sender.

/** A mail claimed for one attempt. */
export interface ClaimedMailRow {
  id: string;
  recipient: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  attempts: number;
  kind: string;
  top_up_id: string | null;
}

/** Claims up to `limit` PENDING mails due at `nowMs`: counts their attempt and leases them until `leaseUntilMs`. */
export const claimDueMails = sql<ClaimedMailRow, { nowMs: number; leaseUntilMs: number; limit: number }>(
  `update email_message m set attempts = m.attempts + 1, next_attempt_at = to_timestamp(:leaseUntilMs / 1000.0)
    where m.id in (select id from email_message
                    where status = 'PENDING' and next_attempt_at <= to_timestamp(:nowMs / 1000.0)
                    order by next_attempt_at, id limit :limit for update skip locked)
    returning m.id::text, m.recipient, m.subject, m.body_text, m.body_html, m.attempts, m.kind, m.top_up_id`,
);

/** Records a failed attempt (still PENDING, or FAILED) while the claim is this one's; no row otherwise. */
export const recordMailFailure = sql<
  { id: string },
  { id: string; attempts: number; status: 'PENDING' | 'FAILED'; error: string; nextAttemptMs: number }
>(
  `update email_message set status = :status, last_error = :error, next_attempt_at = to_timestamp(:nextAttemptMs / 1000.0)
    where id = :id and attempts = :attempts and status = 'PENDING' returning id`,
);

/** Marks a mail SENT while the claim is this one's; no row otherwise. */
export const recordMailSent = sql<{ id: string }, { id: string; attempts: number; sentAtMs: number }>(
  `update email_message set status = 'SENT', sent_at = to_timestamp(:sentAtMs / 1000.0), last_error = null
    where id = :id and attempts = :attempts and status = 'PENDING' returning id`,
);
