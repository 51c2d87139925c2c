import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { pgTransaction, type PgQuery } from '../../database/pg-transaction.js';
import { consumeOutbox, type OutboxRecord } from '../outbox/outbox-consumer.js';
import { pgQueryOf } from '../../database/pg-query-of.js';
import { MAILED_ALERT_KINDS, NOTIFICATION_EMAIL_DEFAULT, NotificationKind } from '../notifications/notification-kind.js';
import { TOP_UP_COLUMNS, toTopUp, type TopUpRow } from '../payments/top-up-record.js';
import { composeAlertMail, composeReceiptMail, type ComposedMail, type MailSettings, type RecipientReason } from './compose-mail.js';

/** The name of the mail producer's position in `alert_reader` and in `outbox_consumer`. */
export const MAIL_READER_NAME = 'mail';

/** What {@link produceMail} needs. */
export interface ProduceMailDeps {
  config: Pick<Config, 'mailProduceBatchSize' | 'mailRecipientsPerNotificationMax' | 'accountCloseAfterDays'>;
  /** The dashboard's address for links, without a trailing slash. */
  publicUrl: string;
}

/** What one pass of {@link produceMail} did. */
export interface ProducedMail {
  /** Alerts read (mailed or not). */
  alerts: number;
  /** Outbox rows read (receipts or not). */
  outboxRows: number;
  /** Mails queued (rows inserted into `email_message`). */
  queued: number;
}

/** A recipient of one notification. */
interface Recipient {
  userId: string | null;
  email: string;
  reason: RecipientReason;
}

/**
 * Turns new alerts (after the `alert_reader` 'mail' position) and new top-up receipts (outbox
 * `TOP_UP_SUCCEEDED` rows after the `outbox_consumer` 'mail' position) into PENDING mails, one per
 * recipient, each batch in the transaction that advances its position: every alert and receipt is
 * mailed exactly once, and a replay finds the (source, recipient) key taken. Safe in several
 * processes at once: the position's row lock serializes them.
 */
export async function produceMail(em: EntityManager, deps: ProduceMailDeps, nowMs: number): Promise<ProducedMail> {
  const settings: MailSettings = { publicUrl: deps.publicUrl, accountCloseAfterDays: deps.config.accountCloseAfterDays };
  const produced: ProducedMail = { alerts: 0, outboxRows: 0, queued: 0 };
  for (;;) {
    const [alerts, queued] = await pgTransaction(em, (query) => mailAlertBatch(query, deps, settings, nowMs));
    produced.alerts += alerts;
    produced.queued += queued;
    if (alerts < deps.config.mailProduceBatchSize) break;
  }
  produced.outboxRows = await consumeOutbox(em, {
    name: MAIL_READER_NAME,
    batchSize: deps.config.mailProduceBatchSize,
    handle: async (rows, tx) => {
      const query = pgQueryOf(tx);
      for (const row of rows) produced.queued += await mailReceipt(query, deps, settings, row, nowMs);
    },
  });
  return produced;
}

interface AlertRow {
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

const bigintOrNull = (text: string | null) => (text === null ? null : BigInt(text));

/** One batch of alerts after the position; returns [alerts read, mails queued]. */
async function mailAlertBatch(query: PgQuery, deps: ProduceMailDeps, settings: MailSettings, nowMs: number): Promise<[number, number]> {
  // The migration creates the row; this only covers a database where it was deleted by hand.
  await query(`insert into alert_reader (name, alert_id) select $1, coalesce(max(id), 0) from alert on conflict (name) do nothing`, [MAIL_READER_NAME]);
  const [position] = await query<{ alert_id: string }>(`select alert_id::text from alert_reader where name = $1 for update`, [MAIL_READER_NAME]);
  const alerts = await query<AlertRow>(
    `select a.id::text, a.kind, a.account_id, ac.name as account_name, a.currency, a.threshold_micros::text, a.balance_micros::text,
            a.amount_micros::text, a.message, (extract(epoch from a.raised_at) * 1000)::float8 as raised_at_ms
       from alert a join account ac on ac.id = a.account_id
      where a.id > $1 order by a.id limit $2`,
    [position!.alert_id, deps.config.mailProduceBatchSize],
  );
  let queued = 0;
  for (const alert of alerts) {
    if (!MAILED_ALERT_KINDS.has(alert.kind)) continue;
    const facts = {
      kind: alert.kind,
      accountName: alert.account_name,
      currency: alert.currency?.trim() ?? null,
      thresholdMicros: bigintOrNull(alert.threshold_micros),
      balanceMicros: bigintOrNull(alert.balance_micros),
      amountMicros: bigintOrNull(alert.amount_micros),
      message: alert.message,
      raisedAt: new Date(alert.raised_at_ms),
    };
    for (const recipient of await recipientsOf(query, deps, alert.account_id, alert.kind)) {
      queued += await queueMail(query, {
        accountId: alert.account_id,
        recipient,
        kind: alert.kind,
        mail: composeAlertMail(facts, recipient.reason, settings),
        alertId: alert.id,
        topUpId: null,
        nowMs,
      });
    }
  }
  if (alerts.length > 0) await query(`update alert_reader set alert_id = $2 where name = $1`, [MAIL_READER_NAME, alerts.at(-1)!.id]);
  return [alerts.length, queued];
}

/** The receipt mails of one outbox row (none unless it is a top-up's success); returns mails queued. */
async function mailReceipt(query: PgQuery, deps: ProduceMailDeps, settings: MailSettings, row: OutboxRecord, nowMs: number): Promise<number> {
  if (row.type !== 'PAYMENT_EVENT' || row.payment_event !== 'TOP_UP_SUCCEEDED' || row.top_up_id === null) return 0;
  const [found] = await query<TopUpRow & { account_name: string; balance_after_micros: string | null }>(
    `select ${TOP_UP_COLUMNS}, ac.name as account_name, wt.balance_after_micros::text
       from top_up t join account ac on ac.id = t.account_id left join wallet_transaction wt on wt.id = t.wallet_transaction_id
      where t.id = $1`,
    [row.top_up_id],
  );
  if (!found) return 0;
  const topUp = toTopUp(found);
  // A TOP_UP_SUCCEEDED row is written in the transaction that credits the top-up: all of this is set.
  if (topUp.status !== 'SUCCEEDED' || topUp.receiptNumber === null || found.balance_after_micros === null) {
    throw new Error(`Assertion failed: outbox row ${row.id} says top-up ${topUp.id} succeeded, but it is ${topUp.status} without a receipt`);
  }
  const facts = {
    accountName: found.account_name,
    currency: topUp.currency,
    receiptNumber: topUp.receiptNumber,
    amountMicros: topUp.amountMicros,
    taxMicros: topUp.taxMicros,
    taxLabel: topUp.taxLabel,
    totalMicros: topUp.totalMicros,
    cardBrand: topUp.cardBrand,
    cardLast4: topUp.cardLast4,
    paidAt: topUp.succeededAt ?? topUp.updatedAt,
    balanceAfterMicros: BigInt(found.balance_after_micros),
    origin: topUp.origin,
  };
  let queued = 0;
  for (const recipient of await recipientsOf(query, deps, topUp.accountId, NotificationKind.TOP_UP_RECEIPT)) {
    queued += await queueMail(query, {
      accountId: topUp.accountId,
      recipient,
      kind: NotificationKind.TOP_UP_RECEIPT,
      mail: composeReceiptMail(facts, recipient.reason, settings),
      alertId: null,
      topUpId: topUp.id,
      nowMs,
    });
  }
  return queued;
}

/**
 * Who gets a notification of `kind` about an account: its active users with e-mail of that kind
 * on (the default), oldest first, at most `mailRecipientsPerNotificationMax`. An account without
 * any active user gets it at its billing e-mail when it has one (nobody could have turned it
 * off); otherwise nobody is mailed and the alert stays in the feed.
 */
async function recipientsOf(query: PgQuery, deps: ProduceMailDeps, accountId: string, kind: NotificationKind): Promise<Recipient[]> {
  const users = await query<{ id: string; email: string }>(
    `select u.id, u.email from app_user u
      where u.account_id = $1 and u.disabled_at is null
        and coalesce((select p.email from notification_preference p where p.user_id = u.id and p.kind = $2), $3)
      order by u.created_at, u.id limit $4`,
    [accountId, kind, NOTIFICATION_EMAIL_DEFAULT, deps.config.mailRecipientsPerNotificationMax],
  );
  if (users.length > 0) return users.map((user) => ({ userId: user.id, email: user.email, reason: 'USER' }));
  const [account] = await query<{ billing_email: string | null; has_users: boolean }>(
    `select lower(billing_email) as billing_email,
            exists (select 1 from app_user u where u.account_id = a.id and u.disabled_at is null) as has_users
       from account a where a.id = $1`,
    [accountId],
  );
  if (!account || account.has_users || account.billing_email === null) return [];
  return [{ userId: null, email: account.billing_email, reason: 'BILLING_EMAIL' }];
}

/** Inserts one PENDING mail, due at once; returns 1, or 0 when this source already mailed this recipient. */
async function queueMail(
  query: PgQuery,
  options: { accountId: string; recipient: Recipient; kind: NotificationKind; mail: ComposedMail; alertId: string | null; topUpId: string | null; nowMs: number },
): Promise<number> {
  const rows = await query(
    `insert into email_message (account_id, user_id, recipient, kind, subject, body_text, alert_id, top_up_id, next_attempt_at, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, to_timestamp($9 / 1000.0), to_timestamp($9 / 1000.0))
     on conflict (source, recipient) do nothing returning id`,
    [options.accountId, options.recipient.userId, options.recipient.email, options.kind, options.mail.subject, options.mail.text, options.alertId, options.topUpId, options.nowMs],
  );
  return rows.length;
}
