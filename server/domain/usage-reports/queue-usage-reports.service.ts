import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { transaction } from '../../database/sql.js';
import { composeUsageReportMail, reportKindOf } from '../mail/compose-usage-report-mail.js';
import { buildUsageReport, isEmptyReport, toPeriodBounds, type UsageReport } from './usage-report.service.js';
import { UsagePeriod } from './usage-period.js';
import { insertReportMail, insertReportMarker, selectDueReportRecipients } from './usage-reports.queries.js';

/** What {@link queueUsageReports} needs. */
export interface QueueUsageReportsDeps {
  config: Pick<Config, 'usageReportRecipientsPerPassMax' | 'usageReportLinesMax' | 'accountCloseAfterDays'>;
  /** The dashboard's address for links, without a trailing slash. */
  publicUrl: string;
}

/** What one pass did. */
export interface QueuedUsageReports {
  /** Recipients and periods handled (a sent-marker written). */
  handled: number;
  /** Report e-mails queued (an empty period marks its recipients without mailing them). */
  queued: number;
}

/**
 * The usage-report job: for the last completed day and month at `nowMs` in each account's timezone
 * (a daily report goes out once the account's local day has ended), queues the report e-mail of
 * every active user who turned that report on, through the mail outbox. Each recipient
 * and period is handled once: its sent-marker (account, period, start, recipient) is unique and
 * written in the transaction that queues the mail, so a second pass, or another process running
 * the job at the same time, finds it taken and mails nothing. A period with no movement on the
 * account's wallets is marked without a mail. At most `usageReportRecipientsPerPassMax` per pass.
 */
export async function queueUsageReports(em: EntityManager, deps: QueueUsageReportsDeps, nowMs: number): Promise<QueuedUsageReports> {
  const result: QueuedUsageReports = { handled: 0, queued: 0 };
  const settings = { publicUrl: deps.publicUrl, accountCloseAfterDays: deps.config.accountCloseAfterDays };
  let budget = deps.config.usageReportRecipientsPerPassMax;
  for (const period of [UsagePeriod.DAILY, UsagePeriod.MONTHLY]) {
    if (budget <= 0) break;
    const kind = reportKindOf(period);
    const recipients = await selectDueReportRecipients.all(em, { kind, period, atMs: nowMs, previous: true, limit: budget });
    budget -= recipients.length;
    const reports = new Map<string, UsageReport>();
    for (const recipient of recipients) {
      // Each account's period is its own: the last local day or month that has ended in its timezone.
      const bounds = toPeriodBounds(period, recipient);
      const periodStart = new Date(bounds.startMs).toISOString();
      // The report is read once per account and pass; the marker and the mail commit together.
      let report = reports.get(recipient.account_id);
      if (!report) {
        report = await buildUsageReport(em, { accountId: recipient.account_id, bounds, config: deps.config });
        reports.set(recipient.account_id, report);
      }
      const mail = isEmptyReport(report) ? null : composeUsageReportMail(report, recipient.account_name, settings);
      const queued = await transaction(em, async (tx) => {
        const marker = await insertReportMarker.maybeOne(tx, {
          accountId: recipient.account_id,
          period,
          periodStart,
          recipient: recipient.email,
          nowMs,
        });
        if (!marker) return null; // another pass or process handled it first
        if (mail === null) return 0;
        await insertReportMail.one(tx, {
          accountId: recipient.account_id,
          userId: recipient.user_id,
          recipient: recipient.email,
          kind,
          subject: mail.subject,
          text: mail.text,
          markerId: marker.id,
          nowMs,
        });
        return 1;
      });
      if (queued === null) continue;
      result.handled++;
      result.queued += queued;
    }
  }
  return result;
}
