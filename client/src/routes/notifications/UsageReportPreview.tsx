import { useId, useState, type ReactNode } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { UsagePeriod } from '../../gql/graphql.js';
import { formatMoney, moneySign } from '../../utils/money';
import { useUsageReport } from './hooks/useUsageReport';

/** The reports the preview offers: the last completed day and month (what the e-mails send), and the ones in progress. */
const CHOICES: { id: string; period: UsagePeriod; current: boolean; label: string }[] = [
  { id: 'yesterday', period: 'DAILY', current: false, label: 'Yesterday' },
  { id: 'today', period: 'DAILY', current: true, label: 'Today so far' },
  { id: 'last-month', period: 'MONTHLY', current: false, label: 'Last month' },
  { id: 'this-month', period: 'MONTHLY', current: true, label: 'This month so far' },
];

/** One breakdown of a report as a list of label and amount, wrapping on a phone. */
function Breakdown({
  title,
  lines,
  currency,
}: {
  title: string;
  lines: { key?: string | null; label: string; amount: string }[];
  currency: string;
}) {
  return (
    <div className="usage-report__breakdown">
      <h4>{title}</h4>
      {lines.length === 0 ? (
        <p className="muted">Nothing.</p>
      ) : (
        <dl>
          {lines.map((line) => (
            <div key={`${line.key ?? ''}:${line.label}`} className="usage-report__line">
              <dt>{line.label}</dt>
              <dd>{formatMoney(line.amount, currency)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

/**
 * The latest daily or monthly usage report, as its e-mail shows it: per wallet the spend by kind,
 * campaign and destination country, and the balances. Readable without turning the e-mails on.
 */
export function UsageReportPreview({ accountId }: { accountId: string }) {
  const headingId = useId();
  const [choiceId, setChoiceId] = useState('yesterday');
  const chosen = CHOICES.find((candidate) => candidate.id === choiceId)!;
  // "So far": any instant of the period in progress names it; fixed once chosen so the query stays the same.
  const [from, setFrom] = useState<string | null>(null);
  const query = useUsageReport(accountId, chosen.period, chosen.current ? from : null);
  const report = query.data?.usageReport;
  const period = chosen.period;

  let body: ReactNode;
  if (report === undefined || report.period !== period) {
    body = query.error ? null : <p className="placeholder">Loading the report…</p>;
  } else if (report.wallets.every((wallet) => moneySign(wallet.spent) === 0 && wallet.byKind.length === 0)) {
    body = (
      <p className="placeholder">
        Nothing was spent in {report.label} ({report.timeZone}). A report e-mail is only sent for a period with activity.
      </p>
    );
  } else {
    body = report.wallets.map((wallet) => (
      <article key={wallet.walletId} className="usage-report__wallet" aria-label={`${wallet.currency} wallet`}>
        <p>
          <strong>{formatMoney(wallet.spent, wallet.currency)}</strong> spent from the {wallet.currency} wallet; balance{' '}
          {formatMoney(wallet.opening, wallet.currency)} at the start, {formatMoney(wallet.closing, wallet.currency)} at the end.
        </p>
        <div className="usage-report__breakdowns">
          <Breakdown title="By kind" lines={wallet.byKind} currency={wallet.currency} />
          <Breakdown title="By campaign" lines={wallet.byCampaign} currency={wallet.currency} />
          <Breakdown title="By country" lines={wallet.byCountry} currency={wallet.currency} />
        </div>
      </article>
    ));
  }

  return (
    <section className="card usage-report" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>Usage report</h2>
      </div>
      <p className="muted">
        What the report e-mails show: the spend of a day or a month (in the account’s timezone: Settings → Spend caps) by kind, campaign and
        country.
      </p>
      <fieldset className="usage-report__periods">
        <legend className="muted">Period</legend>
        {CHOICES.map((candidate) => (
          <label key={candidate.id}>
            <input
              type="radio"
              name={`${headingId}-period`}
              value={candidate.id}
              checked={choiceId === candidate.id}
              onChange={() => {
                setChoiceId(candidate.id);
                setFrom(candidate.current ? new Date().toISOString() : null);
              }}
            />
            {candidate.label}
          </label>
        ))}
      </fieldset>
      <h3>
        {chosen.label}
        {report && report.period === period ? `: ${report.label} (${report.timeZone})` : ''}
      </h3>
      {query.error && (
        <ErrorNotice error={query.error}>
          <button type="button" className="button" onClick={() => void query.refetch().catch(() => undefined)}>
            Try again
          </button>
        </ErrorNotice>
      )}
      {body}
    </section>
  );
}
