import { formatTimeToEmpty, walletBurnFigures } from './burn-rate';
import { formatPerMinute } from '../../utils/money';
import type { OverviewWalletFieldsFragment as OverviewWallet } from '../../gql/graphql.js';

/** Props of {@link BurnCard}. */
export interface BurnCardProps {
  /** The wallet's live state; null before the first. */
  wallet: OverviewWallet | null;
  /** True when the live feed failed before any state arrived. */
  failed: boolean;
}

/** Seconds as "5 min" (the recent window is whole minutes today), else "90 s". */
function windowLabel(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

/**
 * What the wallet is burning: the burn rate per minute (routes/overview/burn-rate.ts: the larger of the
 * active calls' prices and the recent debits' rate), the time until the available balance is used
 * up at it, and the active calls, with both inputs in small print.
 */
export function BurnCard({ wallet, failed }: BurnCardProps) {
  if (wallet === null) {
    return (
      <section className="card" aria-labelledby="overview-burn-heading">
        <h2 id="overview-burn-heading" className="overview-card__title">
          Burn rate and time to empty
        </h2>
        <p className="placeholder">{failed ? 'Burn rate unavailable: live updates stopped.' : 'Loading burn rate…'}</p>
      </section>
    );
  }
  const { currency, burn } = wallet;
  const figures = walletBurnFigures(wallet.available, burn);
  const source =
    figures.source === 'calls'
      ? 'from the active calls’ prices'
      : figures.source === 'recent'
        ? `from the debits of the last ${windowLabel(burn.recentWindowSeconds)}`
        : 'no active calls and no recent debits';
  return (
    <section className="card" aria-labelledby="overview-burn-heading">
      <h2 id="overview-burn-heading" className="overview-card__title">
        Burn rate and time to empty
      </h2>
      <dl className="balances">
        <div className="balances__item" title="The larger of the active calls’ per-minute prices and the recent debits’ rate">
          <dt>Burn rate</dt>
          <dd className="amount">{formatPerMinute(figures.perMinuteMicros, currency)}</dd>
        </div>
        <div className="balances__item" title="At this burn rate, until the available balance is used up (rounded down)">
          <dt>Time to empty</dt>
          <dd>{formatTimeToEmpty(figures.timeToEmptySeconds)}</dd>
        </div>
        <div className="balances__item">
          <dt>Active calls</dt>
          <dd className="numeric">{burn.activeCalls}</dd>
        </div>
      </dl>
      <p className="muted overview-card__note">
        Burn rate {source}. Active calls {formatPerMinute(figures.callsPerMinuteMicros, currency)}; last{' '}
        {windowLabel(burn.recentWindowSeconds)} {formatPerMinute(figures.recentPerMinuteMicros, currency)}.
      </p>
    </section>
  );
}
