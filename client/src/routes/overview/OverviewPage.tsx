import type { AccountPageProps } from '../account/account-page-props';
import { canTopUp } from '../../utils/payment-choice';
import { CampaignFeed } from './CampaignFeed';
import { OverviewView } from './OverviewView';
import { canAcknowledgeAlerts } from './account-alerts';
import { useAccountAlerts } from './hooks/useAccountAlerts';
import { useOverviewCampaigns } from './hooks/useOverviewCampaigns';
import { useOverviewWallet } from './hooks/useOverviewWallet';
import { useRecentTransactions } from './hooks/useRecentTransactions';

/**
 * The Overview section: the wallet's balance, available and reserved amounts, burn rate and
 * time-to-empty, live (`walletUpdated`); banners for a low balance, a suspended wallet and
 * campaigns stopped for lack of funds (`campaigns` + `campaignUpdated`), each with "Top up"; and
 * the account's unacknowledged alerts (live, `alertRaised`, with Acknowledge) and the last
 * transactions (live, `transactionAdded`). WalletPage mounts it per wallet (`key`).
 */
export function OverviewPage({ wallet, role, resumePoints, navigate }: AccountPageProps) {
  const live = useOverviewWallet(wallet.id);
  const campaigns = useOverviewCampaigns(wallet.id, live.wallet?.burn.activeCalls ?? null);
  const recent = useRecentTransactions({ walletId: wallet.id, walletSequence: wallet.sequence, resumePoints });
  const alerts = useAccountAlerts();
  return (
    <>
      {campaigns.followedIds.map((campaignId) => (
        <CampaignFeed
          key={`${campaigns.feedGeneration}:${campaignId}`}
          campaignId={campaignId}
          onState={campaigns.receive}
          onError={campaigns.fail}
        />
      ))}
      <OverviewView
        wallet={wallet}
        live={{ wallet: live.wallet, error: live.error, onRetry: live.retry }}
        campaigns={{ loading: campaigns.loading, error: campaigns.error, stopped: campaigns.stopped, onRetry: campaigns.retry }}
        recent={{ rows: recent.rows, error: recent.error, liveIds: recent.liveIds, onRetry: recent.retry }}
        alerts={{
          alerts: alerts.alerts,
          more: alerts.more,
          error: alerts.error,
          canAcknowledge: canAcknowledgeAlerts(role),
          acknowledging: alerts.acknowledging,
          acknowledgeErrors: alerts.acknowledgeErrors,
          onAcknowledge: alerts.acknowledge,
          onRetry: alerts.retry,
        }}
        canTopUp={canTopUp(role)}
        navigate={navigate}
      />
    </>
  );
}
