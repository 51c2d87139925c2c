import { Fragment, type ReactNode } from 'react';
import { enumLabel } from '../../utils/enum-label';
import { formatMoney } from '../../utils/money';
import { lowBalanceOf, type LowBalance } from './overview-alerts';
import type {
  OverviewCampaignFieldsFragment as OverviewCampaign,
  OverviewWalletFieldsFragment as OverviewWallet,
} from '../../gql/graphql.js';
import { OverviewLink } from './OverviewLink';

/** Where every banner's button leads. */
export const TOP_UP_PATH = '/top-up';

/** Props of {@link OverviewBanners}. */
export interface OverviewBannersProps {
  /** The wallet's live state; null before the first (no banner is decided on guesses). */
  wallet: OverviewWallet | null;
  /** The wallet's campaigns stopped for lack of funds. */
  stoppedCampaigns: readonly OverviewCampaign[];
  /** Whether the caller's role may top up: the banners offer the button, or say who can. */
  canTopUp: boolean;
  navigate: (path: string) => void;
}

/** Props of {@link Banner}. */
interface BannerProps {
  /** `alert` for what stops spending now (suspended, calls stopped), `status` for a warning. */
  role: 'alert' | 'status';
  tone: 'error' | 'warning';
  title: string;
  /** For tests and styling: which banner this is. */
  kind: 'low-balance' | 'suspended' | 'calls-stopped';
  canTopUp: boolean;
  navigate: (path: string) => void;
  children: ReactNode;
}

/** One banner: a title, what happened, and the one-click way out (Top up). */
function Banner({ role, tone, title, kind, canTopUp, navigate, children }: BannerProps) {
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: `role` is always 'alert' or 'status' (BannerProps), both of which take aria-label; Biome cannot see a role given by a variable.
    <div className={`notice notice--${tone} overview-banner`} role={role} data-banner={kind} aria-label={title}>
      <div className="overview-banner__text">
        <p className="notice__summary">{title}</p>
        <div className="overview-banner__detail">{children}</div>
      </div>
      <div className="overview-banner__action">
        {canTopUp ? (
          <button type="button" className="button button--primary" onClick={() => navigate(TOP_UP_PATH)}>
            Top up
          </button>
        ) : (
          <p className="muted">Ask the account’s owner to top up.</p>
        )}
      </div>
    </div>
  );
}

/** The low-balance banner's sentence: which of the wallet's balance alerts the available balance crossed, and what auto-recharge does about it. */
function lowBalanceText(low: LowBalance, available: string, currency: string): ReactNode {
  const availableText = formatMoney(available, currency);
  const thresholdText = formatMoney(low.threshold, currency);
  const recharge = low.autoRecharge;
  return (
    <p>
      Available {availableText} {low.atThreshold ? 'has reached' : 'is below'} {thresholdText}, one of this wallet’s balance alerts.{' '}
      {recharge?.state === 'on' && <>Auto-recharge will bring it back to {formatMoney(recharge.target, currency)}.</>}
      {recharge?.state === 'off' && <>Auto-recharge is off.</>}
      {recharge?.state === 'paused' && <>Auto-recharge is paused ({enumLabel(recharge.reason).toLowerCase()}).</>}
    </p>
  );
}

/**
 * The overview's banners, most urgent first: calls stopped for lack of funds (naming each
 * campaign, linked to its page), wallet suspended, low balance (at or below one of the wallet's own
 * balance alert thresholds; skipped while suspended: that banner already says there is nothing left). Each offers "Top up".
 */
export function OverviewBanners({ wallet, stoppedCampaigns, canTopUp, navigate }: OverviewBannersProps) {
  const suspended = wallet?.status === 'SUSPENDED';
  const low = wallet && !suspended ? lowBalanceOf(wallet) : null;
  if (stoppedCampaigns.length === 0 && !suspended && low === null) return null;
  const common = { canTopUp, navigate };
  return (
    <div className="overview-banners">
      {stoppedCampaigns.length > 0 && (
        <Banner role="alert" tone="error" kind="calls-stopped" title="Calls stopped for lack of funds" {...common}>
          <p>
            The wallet could not pay for more calls, so {stoppedCampaigns.length === 1 ? 'this campaign' : 'these campaigns'} stopped:{' '}
            {stoppedCampaigns.map((campaign, index) => (
              <Fragment key={campaign.id}>
                {index > 0 && ', '}
                <OverviewLink path={`/campaigns/${campaign.id}`} navigate={navigate}>
                  {campaign.name}
                </OverviewLink>
              </Fragment>
            ))}
            . Top up, then restart {stoppedCampaigns.length === 1 ? 'it' : 'them'} from{' '}
            {stoppedCampaigns.length === 1 ? 'its page' : 'their pages'}.
          </p>
        </Banner>
      )}
      {wallet && suspended && (
        <Banner role="alert" tone="error" kind="suspended" title="Wallet suspended" {...common}>
          <p>It ran out of money: no new calls or messages go through until it is funded.</p>
        </Banner>
      )}
      {wallet && low && (
        <Banner role="status" tone="warning" kind="low-balance" title="Low balance" {...common}>
          {lowBalanceText(low, wallet.available, wallet.currency)}
        </Banner>
      )}
    </div>
  );
}
