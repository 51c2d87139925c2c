import { useMemo, useState, type MouseEvent } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCampaignList } from './hooks/useCampaignList';
import { useCampaignRatePlans } from './hooks/useCampaignRatePlans';
import { canManageCampaigns } from './campaign-labels';
import type { CampaignFieldsFragment as CampaignFigures, RatePlanOptionFieldsFragment as RatePlanOption } from '../../gql/graphql.js';
import { currentCursor, hasNewerPage, NEWEST_PAGE, newerPage, olderPage, pageNumber, type CursorStack } from '../../utils/cursor-stack';
import type { AccountPageProps } from '../account/account-page-props';
import { campaignPath, CampaignTable, liveCampaignIds } from './CampaignList';
import { CreateCampaignForm } from './CreateCampaignForm';
import './campaigns.css';

/**
 * The Campaigns section: the account's campaigns with status, spend, active calls and budget use
 * (rows of running campaigns live), Start / Resume / Pause, and "New campaign" with the
 * pre-campaign cost estimate, for the roles that may manage campaigns. A row's name opens the
 * campaign's page.
 */
export function CampaignsPage({ wallet, role, navigate }: AccountPageProps) {
  const [cursors, setCursors] = useState<CursorStack>(NEWEST_PAGE);
  const list = useCampaignList(currentCursor(cursors));
  const plans = useCampaignRatePlans();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CampaignFigures | null>(null);
  const canManage = canManageCampaigns(role);
  const connection = list.data?.campaigns;
  const campaigns = useMemo(() => connection?.edges.map((edge) => edge.node), [connection]);
  const endCursor = connection?.pageInfo.endCursor ?? null;

  return (
    <section className="card campaigns" aria-label="Campaigns">
      <div className="section-header">
        <h2>Campaigns</h2>
        {canManage && !creating && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setCreated(null);
              setCreating(true);
            }}
          >
            New campaign
          </button>
        )}
      </div>
      {created !== null && !creating && <CreatedNotice campaign={created} navigate={navigate} />}
      {creating && (
        <CreateCampaignForm
          wallet={wallet}
          ratePlans={plans.data?.ratePlans}
          ratePlansError={plans.error ?? null}
          onCreated={(campaign) => {
            setCreated(campaign);
            setCreating(false);
            setCursors(NEWEST_PAGE);
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      <CampaignsView
        campaigns={campaigns}
        loading={list.loading}
        error={list.error ?? null}
        onRetry={() => void list.refetch().catch(() => undefined)}
        ratePlans={plans.data?.ratePlans}
        walletCurrency={wallet.currency}
        canManage={canManage}
        live
        navigate={navigate}
        paging={{
          pageNumber: pageNumber(cursors),
          hasNewer: hasNewerPage(cursors),
          hasOlder: connection?.pageInfo.hasNextPage ?? false,
          onNewer: () => setCursors(newerPage(cursors)),
          onOlder: () => {
            if (endCursor !== null) setCursors(olderPage(cursors, endCursor));
          },
        }}
      />
    </section>
  );
}

/** Props of {@link CampaignsView}. */
export interface CampaignsViewProps {
  /** The page's campaigns, or undefined before the first answer. */
  campaigns: readonly CampaignFigures[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  /** Rate plans, for each campaign's currency; undefined while loading (the wallet's currency stands in). */
  ratePlans: readonly Pick<RatePlanOption, 'id' | 'currency'>[] | undefined;
  walletCurrency: string;
  canManage: boolean;
  /** Whether running campaigns' rows subscribe to their updates (false in static renders). */
  live: boolean;
  navigate: (path: string) => void;
  paging: { pageNumber: number; hasNewer: boolean; hasOlder: boolean; onNewer: () => void; onOlder: () => void };
}

/** The list's states: loading, failed (with "Try again"), empty, or the table and its pager. */
export function CampaignsView({
  campaigns,
  loading,
  error,
  onRetry,
  ratePlans,
  walletCurrency,
  canManage,
  live,
  navigate,
  paging,
}: CampaignsViewProps) {
  const currencies = useMemo(() => new Map((ratePlans ?? []).map((plan) => [plan.id, plan.currency])), [ratePlans]);
  const currencyOf = useMemo(
    () => (campaign: CampaignFigures) => currencies.get(campaign.ratePlanId) ?? walletCurrency,
    [currencies, walletCurrency],
  );
  const liveIds = useMemo(() => (live && campaigns ? liveCampaignIds(campaigns) : new Set<string>()), [live, campaigns]);

  if (campaigns === undefined) {
    if (error) {
      return (
        <ErrorNotice error={error}>
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        </ErrorNotice>
      );
    }
    return <p className="placeholder">{loading ? 'Loading campaigns…' : 'No campaigns to show.'}</p>;
  }
  return (
    <>
      {error !== null && error !== undefined && (
        <ErrorNotice error={error}>
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        </ErrorNotice>
      )}
      {campaigns.length === 0 ? (
        <p className="placeholder">
          {paging.hasNewer ? 'No older campaigns.' : canManage ? 'No campaigns yet: create one with “New campaign”.' : 'No campaigns yet.'}
        </p>
      ) : (
        <CampaignTable campaigns={campaigns} currencyOf={currencyOf} canManage={canManage} liveIds={liveIds} navigate={navigate} />
      )}
      {(paging.hasNewer || paging.hasOlder) && (
        <nav className="pager" aria-label="Campaign pages">
          <button type="button" className="button" onClick={paging.onNewer} disabled={!paging.hasNewer || loading}>
            ← Newer
          </button>
          <span className="pager__page" aria-live="polite">
            Page {paging.pageNumber}
          </span>
          <button type="button" className="button" onClick={paging.onOlder} disabled={!paging.hasOlder || loading}>
            Older →
          </button>
        </nav>
      )}
    </>
  );
}

/** "Created …": the new campaign is a draft until started. */
function CreatedNotice({ campaign, navigate }: { campaign: CampaignFigures; navigate: (path: string) => void }) {
  const path = campaignPath(campaign.id);
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(path);
  };
  return (
    <div className="notice notice--success" role="status">
      <p>
        Created{' '}
        <a href={path} onClick={follow}>
          {campaign.name}
        </a>
        . A new campaign is a draft: it places calls once started.
      </p>
    </div>
  );
}
