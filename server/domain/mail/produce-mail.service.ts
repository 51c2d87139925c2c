import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { transaction, type SqlTransaction } from '../../database/sql.js';
import { consumeOutbox, type OutboxRecord } from '../outbox/outbox-consumer.js';
import { MAILED_ALERT_KINDS, NotificationKind, notificationEmailDefault } from '../notifications/notification-kind.js';
import { toTopUp } from '../payments/top-up-record.js';
import { composeAlertMail, composeReceiptMail, type ComposedMail, type MailSettings, type RecipientReason } from './compose-mail.js';
import { ensureAlertReader, lockAlertReader, moveAlertReader } from '../alerts/alerts.queries.js';
import { insertMail, selectBillingEmail, selectMailedAlertsAfter, selectMailedUsers, selectReceiptTopUp } from './mail.queries.js';

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
    const [alerts, queued] = await transaction(em, (tx) => mailAlertBatch(tx, deps, settings, nowMs));
    produced.alerts += alerts;
    produced.queued += queued;
    if (alerts < deps.config.mailProduceBatchSize) break;
  }
  produced.outboxRows = await consumeOutbox(em, {
    name: MAIL_READER_NAME,
    batchSize: deps.config.mailProduceBatchSize,
    handle: async (rows, tx) => {
      for (const row of rows) produced.queued += await mailReceipt(tx, deps, settings, row, nowMs);
    },
  });
  return produced;
}

const bigintOrNull = (text: string | null) => (text === null ? null : BigInt(text));

/** One batch of alerts after the position; returns [alerts read, mails queued]. */
async function mailAlertBatch(tx: SqlTransaction, deps: ProduceMailDeps, settings: MailSettings, nowMs: number): Promise<[number, number]> {
  // The migration creates the row; this only covers a database where it was deleted by hand.
  await ensureAlertReader.run(tx, { name: MAIL_READER_NAME });
  const position = await lockAlertReader.one(tx, { name: MAIL_READER_NAME });
  const alerts = await selectMailedAlertsAfter.all(tx, { afterId: position.alert_id, limit: deps.config.mailProduceBatchSize });
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
    for (const recipient of await recipientsOf(tx, deps, alert.account_id, alert.kind)) {
      queued += await queueMail(tx, {
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
  if (alerts.length > 0) await moveAlertReader.run(tx, { name: MAIL_READER_NAME, alertId: alerts.at(-1)!.id });
  return [alerts.length, queued];
}

/** The receipt mails of one outbox row (none unless it is a top-up's success); returns mails queued. */
async function mailReceipt(
  tx: SqlTransaction,
  deps: ProduceMailDeps,
  settings: MailSettings,
  row: OutboxRecord,
  nowMs: number,
): Promise<number> {
  if (row.type !== 'PAYMENT_EVENT' || row.payment_event !== 'TOP_UP_SUCCEEDED' || row.top_up_id === null) return 0;
  const found = await selectReceiptTopUp.maybeOne(tx, { topUpId: row.top_up_id });
  if (!found) return 0;
  const topUp = toTopUp(found);
  // A TOP_UP_SUCCEEDED row is written in the transaction that credits the top-up: all of this is set.
  if (topUp.status !== 'SUCCEEDED' || topUp.receiptNumber === null || found.balance_after_micros === null) {
    throw new Error(
      `Assertion failed: outbox row ${row.id} says top-up ${topUp.id} succeeded, but it is ${topUp.status} without a receipt`,
    );
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
  for (const recipient of await recipientsOf(tx, deps, topUp.accountId, NotificationKind.TOP_UP_RECEIPT)) {
    queued += await queueMail(tx, {
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
async function recipientsOf(tx: SqlTransaction, deps: ProduceMailDeps, accountId: string, kind: NotificationKind): Promise<Recipient[]> {
  const users = await selectMailedUsers.all(tx, {
    accountId,
    kind,
    emailDefault: notificationEmailDefault(kind),
    limit: deps.config.mailRecipientsPerNotificationMax,
  });
  if (users.length > 0) return users.map((user) => ({ userId: user.id, email: user.email, reason: 'USER' }));
  const account = await selectBillingEmail.maybeOne(tx, { accountId });
  if (!account || account.has_users || account.billing_email === null) return [];
  return [{ userId: null, email: account.billing_email, reason: 'BILLING_EMAIL' }];
}

/** Inserts one PENDING mail, due at once; returns 1, or 0 when this source already mailed this recipient. */
async function queueMail(
  tx: SqlTransaction,
  options: {
    accountId: string;
    recipient: Recipient;
    kind: NotificationKind;
    mail: ComposedMail;
    alertId: string | null;
    topUpId: string | null;
    nowMs: number;
  },
): Promise<number> {
  const rows = await insertMail.all(tx, {
    accountId: options.accountId,
    userId: options.recipient.userId,
    recipient: options.recipient.email,
    kind: options.kind,
    subject: options.mail.subject,
    text: options.mail.text,
    alertId: options.alertId,
    topUpId: options.topUpId,
    nowMs: options.nowMs,
  });
  return rows.length;
}
