import type { CampaignFieldsFragment as CampaignFigures } from '../../gql/graphql.js';
import { budgetUse } from './campaign-budget';
import { formatMoney } from '../../utils/money';

/** Props of {@link BudgetBar}. */
export interface BudgetBarProps {
  campaign: Pick<CampaignFigures, 'spent' | 'committed' | 'budget'>;
  currency: string;
  /** Also write the amounts under the bar ("$12.00 spent · $14.40 committed of $100.00"). @default false */
  detailed?: boolean;
}

/**
 * How much of the budget is used: a bar whose solid part is spent and lighter part what active
 * calls hold on top (committed, what the budget is checked against), with the share in words.
 * "No budget" when the campaign has none.
 */
export function BudgetBar({ campaign, currency, detailed = false }: BudgetBarProps) {
  const use = budgetUse(campaign);
  if (use === null || campaign.budget === null) return <span className="muted">No budget</span>;
  const budget = formatMoney(campaign.budget, currency);
  return (
    <div className={use.reached ? 'budget budget--reached' : 'budget'}>
      {/* biome-ignore lint/a11y/useSemanticElements: a two-segment bar (committed and spent) that a native <meter>, with its own look and no children, cannot draw. */}
      <div
        className="budget__bar"
        role="meter"
        aria-label="Budget used"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={use.committedPercent}
        aria-valuetext={`${use.label} of ${budget} committed`}
      >
        <span className="budget__committed" style={{ width: `${use.committedPercent}%` }} />
        <span className="budget__spent" style={{ width: `${use.spentPercent}%` }} />
      </div>
      <span className="budget__label">
        {use.label} of {budget}
      </span>
      {detailed && (
        <span className="budget__detail muted">
          {formatMoney(campaign.spent, currency)} spent · {formatMoney(campaign.committed, currency)} committed ·{' '}
          {formatMoney(use.remaining, currency)} left
        </span>
      )}
    </div>
  );
}
