import type { UsageLine, UsageReport } from '../usage-reports/usage-report.service.js';
import { periodLabel, UsagePeriod } from '../usage-reports/usage-period.js';
import { NotificationKind } from '../notifications/notification-kind.js';
import { formatMoneyForPeople } from '../wallets/money.js';
import { footer, type ComposedMail, type MailSettings } from './compose-mail.js';

/** The notification kind of a period's report. */
export function reportKindOf(period: UsagePeriod): NotificationKind {
  return period === UsagePeriod.DAILY ? NotificationKind.DAILY_USAGE_REPORT : NotificationKind.MONTHLY_USAGE_REPORT;
}

/**
 * The e-mail of a usage report: per wallet the spend by kind, by campaign and by destination
 * country (each adding up to the spend), the other movements and the balances, amounts exact to
 * the cent as the dashboard shows them, with a link to the transactions.
 */
export function composeUsageReportMail(report: UsageReport, accountName: string, settings: MailSettings): ComposedMail {
  const label = periodLabel(report.bounds);
  const daily = report.bounds.period === UsagePeriod.DAILY;
  const sections = report.wallets.map((wallet) => {
    const format = (micros: bigint) => formatMoneyForPeople(micros, wallet.currency);
    const table = (lines: UsageLine[]) => {
      if (lines.length === 0) return '  (nothing)';
      const width = Math.max(...lines.map((line) => line.label.length)) + 2;
      return lines
        .map(
          (line) =>
            `  ${`${line.label}:`.padEnd(width)}${format(line.amountMicros)}${line.transactions === undefined ? '' : ` (${line.transactions})`}`,
        )
        .join('\n');
    };
    return [
      `${wallet.currency} wallet`,
      `Spent: ${format(wallet.spentMicros)}`,
      `By kind:\n${table(wallet.byKind)}`,
      `By campaign:\n${table(wallet.byCampaign)}`,
      `By destination country:\n${table(wallet.byCountry)}`,
      ...(wallet.otherByKind.length > 0 ? [`Top-ups and other movements:\n${table(wallet.otherByKind)}`] : []),
      `Balance: ${format(wallet.openingMicros)} at the start, ${format(wallet.closingMicros)} at the end.`,
    ].join('\n\n');
  });
  const spent = report.wallets.map((wallet) => formatMoneyForPeople(wallet.spentMicros, wallet.currency)).join(' + ') || '0';
  return {
    subject: `${daily ? 'Daily' : 'Monthly'} usage report for ${label}: ${spent} spent (${accountName})`,
    text:
      `Hello,\n\nHere is what ${accountName} spent ${daily ? 'on' : 'in'} ${label} (${report.bounds.timeZone}).\n\n${sections.join('\n\n----\n\n')}\n\n` +
      `Every transaction: ${settings.publicUrl}/transactions` +
      footer(reportKindOf(report.bounds.period), 'USER', settings, accountName),
  };
}
