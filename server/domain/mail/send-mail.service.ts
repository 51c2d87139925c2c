import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { renderInvoicePdf } from '../invoices/render-pdf.js';
import { selectInvoiceOfTopUp } from '../invoices/invoices.queries.js';
import { toInvoice } from '../invoices/invoice-record.js';
import { claimDueMails, recordMailFailure, recordMailSent, type ClaimedMailRow } from './mail.queries.js';
import type { MailAttachment, MailTransport } from './mail-transport.js';

/** What {@link sendPendingMail} needs. */
export interface SendMailDeps {
  config: Pick<Config, 'mailSendBatchSize' | 'mailAttemptsMax' | 'mailRetryDelayMs' | 'mailRetryDelayMsMax' | 'mailSendLeaseMs'>;
  transport: MailTransport;
  /** The current time in epoch milliseconds (an injectable clock in tests). */
  now(): number;
}

/** What one pass of {@link sendPendingMail} did. */
export interface SentMail {
  sent: number;
  /** Failed this time and will be tried again. */
  retried: number;
  /** Failed for the last allowed time: FAILED now. */
  failed: number;
}

/** Longest `last_error` kept, in characters (the column's check). */
const LAST_ERROR_LENGTH_MAX = 1000;

/**
 * The wait before the next attempt after `attempts` failed ones, in milliseconds: `firstMs`, then
 * doubling, never more than `maxMs` (30 s, 1 min, 2 min, … 1 h with the defaults).
 */
export function retryDelayMs(attempts: number, firstMs: number, maxMs: number): number {
  const doublings = Math.max(0, attempts - 1);
  // 2^31 ms is 24 days: past that the cap has long applied and the float stays exact.
  return Math.min(maxMs, firstMs * 2 ** Math.min(doublings, 31));
}

/**
 * Sends up to `mailSendBatchSize` PENDING mails that are due, concurrently. Each is claimed
 * first in one statement (`FOR UPDATE SKIP LOCKED`): its attempt is counted and it is pushed
 * `mailSendLeaseMs` into the future, so no other process picks it while this one talks SMTP and
 * no lock is held across the network; a process that dies mid-send leaves it to be retried after
 * the lease. Then SENT, or retried after {@link retryDelayMs}, or FAILED with its last error
 * after `mailAttemptsMax` attempts. A result is written only while the claim is still this one's
 * (same attempt count). Delivery is at least once: a crash between the SMTP server's "250" and
 * the SENT update sends that mail again after the lease.
 */
export async function sendPendingMail(em: EntityManager, deps: SendMailDeps): Promise<SentMail> {
  const { config } = deps;
  const claimedAtMs = deps.now();
  const claimed = await claimDueMails.all(em, {
    nowMs: claimedAtMs,
    leaseUntilMs: claimedAtMs + config.mailSendLeaseMs,
    limit: config.mailSendBatchSize,
  });
  const result: SentMail = { sent: 0, retried: 0, failed: 0 };
  await Promise.all(
    claimed.map(async (row) => {
      try {
        await deps.transport.send({
          to: row.recipient,
          subject: row.subject,
          text: row.body_text,
          html: row.body_html,
          messageId: `<email-${row.id}@spendwire>`,
          attachments: await attachmentsOf(em, row),
        });
      } catch (error) {
        const message = describeSmtpError(error);
        const nowMs = deps.now();
        const final = row.attempts >= config.mailAttemptsMax;
        const updated = await recordMailFailure.all(em, {
          id: row.id,
          attempts: row.attempts,
          status: final ? 'FAILED' : 'PENDING',
          error: message,
          nextAttemptMs: nowMs + retryDelayMs(row.attempts, config.mailRetryDelayMs, config.mailRetryDelayMsMax),
        });
        if (updated.length > 0) result[final ? 'failed' : 'retried'] += 1;
        return;
      }
      const updated = await recordMailSent.all(em, { id: row.id, attempts: row.attempts, sentAtMs: deps.now() });
      if (updated.length > 0) result.sent += 1;
    }),
  );
  return result;
}

/**
 * The files a mail carries: a top-up receipt comes with the top-up's invoice as PDF, rendered from
 * the issued invoice at each attempt (the same bytes every time). A top-up that succeeded before
 * invoices existed has none.
 */
async function attachmentsOf(em: EntityManager, row: ClaimedMailRow): Promise<MailAttachment[]> {
  if (row.kind !== 'TOP_UP_RECEIPT' || row.top_up_id === null) return [];
  const found = await selectInvoiceOfTopUp.maybeOne(em, { topUpId: row.top_up_id });
  if (!found) return [];
  const invoice = toInvoice(found);
  return [{ filename: `${invoice.number}.pdf`, contentType: 'application/pdf', content: await renderInvoicePdf(invoice) }];
}

/** The SMTP server's answer or the network error, as one bounded line for `last_error`. */
function describeSmtpError(error: unknown): string {
  const code = (error as { responseCode?: unknown })?.responseCode;
  const text = error instanceof Error ? error.message : String(error);
  const line =
    `${typeof code === 'number' && !text.includes(String(code)) ? `${code} ` : ''}${text}`.replace(/\s+/g, ' ').trim() || 'unknown error';
  return line.length > LAST_ERROR_LENGTH_MAX ? `${line.slice(0, LAST_ERROR_LENGTH_MAX - 1)}…` : line;
}
