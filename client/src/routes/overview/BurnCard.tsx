import { burnFigures, capReachedText, formatTimeToEmpty, formatWindow } from './burn-rate';
import { formatPerMinute, moneyToMicros } from '../../utils/money';
import type { OverviewWalletFieldsFragment as OverviewWallet } from '../../gql/graphql.js';

/** Props of {@link BurnCard}. */
export interface BurnCardProps {
  /** The wallet's live state; null before the first. */
  wallet: OverviewWallet | null;
  /** True when the live feed failed before any state arrived. */
  failed: boolean;
}

/**
 * What the wallet is burning: the server's one burn rate (the same figure every campaign page
 * counts its "wallet runs dry" at), the time until the available balance is used up at it, and the
 * active calls, with what the rate counts in small print; when a daily or monthly spend cap is reached
 * first, "Daily cap reached in ~X" under them.
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
  const figures = burnFigures(burn);
  const capReached = capReachedText(burn);
  return (
    <section className="card" aria-labelledby="overview-burn-heading">
      <h2 id="overview-burn-heading" className="overview-card__title">
        Burn rate and time to empty
      </h2>
      <dl className="balances">
        <div
          className="balances__item"
          title="Calls (their rates, increments and connect fees), messages and plan fees over the window; one-off charges do not count"
        >
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
      {capReached !== null && (
        <p className="notice notice--warning overview-burn__cap" role="status">
          <strong>{capReached}</strong>, before the balance runs out: from then calls stop and spending is refused until the cap resets.
        </p>
      )}
      <p className="muted overview-card__note">
        {figures.running
          ? `Calls, messages and plan fees over the last ${formatWindow(burn.coveredSeconds)}, or the active calls’ prices (${formatPerMinute(
              moneyToMicros(burn.meteredPerMinute),
              currency,
            )}) if higher.`
          : 'Nothing is running: no projection.'}{' '}
        One-off charges, number purchases and adjustments do not count.
      </p>
    </section>
  );
}
