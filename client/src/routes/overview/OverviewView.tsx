import type { TransactionRowFieldsFragment as TransactionRow, WalletSummaryFieldsFragment as WalletSummary } from '../../gql/graphql.js';
import { describeError } from '../../apollo/describe-error';
import { BalanceSummary } from '../../components/BalanceSummary';
import { ErrorNotice } from '../../components/ErrorNotice';
import { newestWalletState } from '../../utils/wallet-state';
import { BurnCard } from './BurnCard';
import type {
  OverviewCampaignFieldsFragment as OverviewCampaign,
  OverviewWalletFieldsFragment as OverviewWallet,
} from '../../gql/graphql.js';
import { AlertsCard, type AlertsCardProps } from './AlertsCard';
import { OverviewBanners } from './OverviewBanners';
import { RecentTransactionsCard } from './RecentTransactionsCard';
import './overview.css';

/** Props of {@link OverviewView}: everything the overview shows, fetched elsewhere (OverviewPage). */
export interface OverviewViewProps {
  /** The wallet as the account query (and the cache) has it: shown until the live feed is newer. */
  wallet: WalletSummary;
  /** The wallet's `walletUpdated` feed. */
  live: { wallet: OverviewWallet | null; error: unknown; onRetry: () => void };
  /** The wallet's campaigns stopped for lack of funds, and the state of finding them. */
  campaigns: { loading: boolean; error: unknown; stopped: readonly OverviewCampaign[]; onRetry: () => void };
  /** The newest transactions (null while loading). */
  recent: { rows: readonly TransactionRow[] | null; error: unknown; liveIds?: ReadonlySet<string>; onRetry: () => void };
  /** The account's unacknowledged alerts, live, and acknowledging them. */
  alerts: AlertsCardProps;
  /** Whether the caller's role may top up. */
  canTopUp: boolean;
  navigate: (path: string) => void;
}

/** The figures to show: the newest of the live state and the account query's, by sequence (the live one on a tie: it has reservations). */
function figuresOf(live: OverviewWallet | null, wallet: WalletSummary): WalletSummary {
  const newest = newestWalletState<WalletSummary>(live, wallet) ?? wallet;
  return {
    id: newest.id,
    currency: newest.currency,
    balance: newest.balance,
    available: newest.available,
    reserved: newest.reserved,
    sequence: newest.sequence,
  };
}

/**
 * The overview of one wallet, data-free: banners (calls stopped for funds, suspended, low
 * balance, each with "Top up"), the three balance figures, the burn rate and time-to-empty, the
 * account's unacknowledged alerts and the last transactions; with a loading, empty and error state for each part.
 */
export function OverviewView({ wallet, live, campaigns, recent, alerts, canTopUp, navigate }: OverviewViewProps) {
  const figures = figuresOf(live.wallet, wallet);
  const liveFailed = live.error != null;
  return (
    <div className="overview">
      {liveFailed && (
        <ErrorNotice error={live.error}>
          <p className="muted">Live updates stopped: the figures below may be out of date.</p>
          <button type="button" className="button" onClick={live.onRetry}>
            Reconnect
          </button>
        </ErrorNotice>
      )}
      {campaigns.error != null && (
        <div className="notice notice--warning overview-banner" role="status">
          <p>Could not check whether calls stopped for lack of funds: {describeError(campaigns.error).summary}</p>
          <button type="button" className="button" onClick={campaigns.onRetry}>
            Try again
          </button>
        </div>
      )}
      <OverviewBanners wallet={live.wallet} stoppedCampaigns={campaigns.stopped} canTopUp={canTopUp} navigate={navigate} />
      <div className="overview__figures">
        <section className="card" aria-label="Balances">
          <BalanceSummary wallet={figures} />
          <p className="muted overview-card__note" aria-live="off">
            {live.wallet !== null && !liveFailed
              ? 'Updates live as calls reserve credit and money moves.'
              : liveFailed
                ? 'Not updating: live updates stopped.'
                : 'Connecting to live updates…'}
          </p>
        </section>
        <BurnCard wallet={live.wallet} failed={liveFailed} />
      </div>
      <AlertsCard {...alerts} />
      <RecentTransactionsCard
        rows={recent.rows}
        currency={figures.currency}
        error={recent.error}
        liveIds={recent.liveIds}
        onRetry={recent.onRetry}
        navigate={navigate}
      />
    </div>
  );
}
