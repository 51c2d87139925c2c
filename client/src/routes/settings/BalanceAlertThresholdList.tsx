import { formatMoney } from '../../utils/money';
import { thresholdLabel } from './balance-alert-thresholds';
import { graphql } from '../../gql/index.js';

/** The wallet fields {@link BalanceAlertThresholdList} shows; the balance alerts query and mutation spread this fragment. */
export const BALANCE_ALERT_THRESHOLDS_FIELDS = graphql(`
  fragment BalanceAlertThresholdsFields on Wallet {
    id
    lowBalanceThresholds
  }
`);

/** Props of {@link BalanceAlertThresholdList}. */
export interface BalanceAlertThresholdListProps {
  /** Money strings, highest first. */
  thresholds: readonly string[];
  currency: string;
  /** When given, each threshold has a "Remove" button that calls it with the threshold. */
  onRemove?: (threshold: string) => void;
  /** The buttons wait (a save is on its way). */
  disabled?: boolean;
}

/**
 * A wallet's balance alert thresholds in its currency, highest first, 0 read as "when the balance
 * runs out"; "balance alerts are off" when there is none. Data-free.
 */
export function BalanceAlertThresholdList({ thresholds, currency, onRemove, disabled = false }: BalanceAlertThresholdListProps) {
  if (thresholds.length === 0) {
    return (
      <p className="placeholder">No thresholds: balance alerts are off. No alert, e-mail or webhook is sent when the balance runs low.</p>
    );
  }
  return (
    <ul className="balance-alerts__list" aria-label="Thresholds">
      {thresholds.map((threshold) => {
        const amount = formatMoney(threshold, currency);
        return (
          <li key={threshold} className="balance-alerts__threshold" aria-label={amount}>
            <span className="balance-alerts__amount">{thresholdLabel(threshold, currency)}</span>
            {onRemove && (
              <button
                type="button"
                className="button button--quiet"
                aria-label={`Remove ${amount}`}
                disabled={disabled}
                onClick={() => onRemove(threshold)}
              >
                Remove
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
