import type { CampaignEstimateFieldsFragment as CampaignEstimate } from '../../gql/graphql.js';
import { estimateLines } from './campaign-form';
import { ErrorNotice } from '../../components/ErrorNotice';

/** Props of {@link CampaignEstimateSummary}. */
export interface CampaignEstimateSummaryProps {
  /** The server's estimate for the inputs shown, or null while there is none. */
  estimate: CampaignEstimate | null;
  /** The number of calls it was asked for. */
  calls: number | null;
  loading: boolean;
  /** Why the server could not estimate (no rate for the destination…), or null. */
  error: unknown;
  /** What to say while there is nothing to estimate yet. */
  idleHint: string;
}

/** The estimate shown before a campaign is created: the rate, per-call and total cost, and what the wallet covers. */
export function CampaignEstimateSummary({ estimate, calls, loading, error, idleHint }: CampaignEstimateSummaryProps) {
  return (
    <section className="checkout-summary campaign-estimate" aria-label="Cost estimate" aria-busy={loading}>
      {error ? (
        <ErrorNotice error={error} />
      ) : estimate === null || calls === null ? (
        <p className="muted">{loading ? 'Estimating…' : idleHint}</p>
      ) : (
        <dl className="summary-lines">
          {estimateLines(estimate, calls).map((line) => (
            <div
              key={line.label}
              className={[
                'summary-lines__row',
                line.emphasis ? 'summary-lines__row--total' : '',
                line.warning ? 'campaign-estimate__warning' : '',
              ]
                .filter(Boolean)
                .join(' ')}
            >
              <dt>{line.label}</dt>
              <dd className="amount">{line.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
