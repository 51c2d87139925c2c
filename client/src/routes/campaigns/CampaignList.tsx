import { memo, useMemo, useState, type MouseEvent } from 'react';
import { useCampaignUpdates } from './hooks/useCampaignUpdates';
import { newestCampaign } from './campaign-state';
import type { CampaignFieldsFragment as CampaignFigures } from '../../gql/graphql.js';
import { formatMoney } from '../../utils/money';
import { BudgetBar } from './BudgetBar';
import { CampaignActions } from './CampaignActions';
import { CampaignStatusBadge } from './CampaignStatusBadge';

/**
 * Most rows of the list that follow their campaign live (one `campaignUpdated` each): the socket
 * allows 50 operations and other pages share it. Running campaigns and those with calls in
 * progress come first; the rest show the figures of the last fetch. @default 10
 */
export const LIVE_CAMPAIGN_ROWS_MAX = 10;

/** The campaigns of a page that get a live row: those running or with calls in progress, the first {@link LIVE_CAMPAIGN_ROWS_MAX}. */
export function liveCampaignIds(campaigns: readonly Pick<CampaignFigures, 'id' | 'status' | 'activeCalls'>[]): Set<string> {
  return new Set(
    campaigns
      .filter((campaign) => campaign.status === 'RUNNING' || campaign.activeCalls > 0)
      .slice(0, LIVE_CAMPAIGN_ROWS_MAX)
      .map((campaign) => campaign.id),
  );
}

/** The path of a campaign's page. */
export function campaignPath(campaignId: string): string {
  return `/campaigns/${campaignId}`;
}

/** Props of {@link CampaignTable}. */
export interface CampaignTableProps {
  campaigns: readonly CampaignFigures[];
  /** The currency of a campaign's money (its rate plan's, which is its wallet's). */
  currencyOf: (campaign: CampaignFigures) => string;
  /** Whether the Start / Pause buttons are shown. */
  canManage: boolean;
  /** Campaigns whose rows follow them live; none in static renders. */
  liveIds: ReadonlySet<string>;
  navigate: (path: string) => void;
}

/** The campaign list: name (a link to its page), status, spend, active calls, budget use, and the buttons. */
export function CampaignTable({ campaigns, currencyOf, canManage, liveIds, navigate }: CampaignTableProps) {
  return (
    <div className="table-scroll">
      <table className="transactions campaign-table table--cards" aria-label="Campaigns">
        <thead>
          <tr>
            <th scope="col">Campaign</th>
            <th scope="col">Status</th>
            <th scope="col" className="numeric">
              Spent
            </th>
            <th scope="col" className="numeric">
              Active calls
            </th>
            <th scope="col">Budget use</th>
            {canManage && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {campaigns.map((campaign) =>
            liveIds.has(campaign.id) ? (
              <LiveCampaignRow
                key={campaign.id}
                campaign={campaign}
                currency={currencyOf(campaign)}
                canManage={canManage}
                navigate={navigate}
              />
            ) : (
              <CampaignRow
                key={campaign.id}
                campaign={campaign}
                currency={currencyOf(campaign)}
                canManage={canManage}
                navigate={navigate}
              />
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Props of a row. */
interface CampaignRowProps {
  campaign: CampaignFigures;
  currency: string;
  canManage: boolean;
  navigate: (path: string) => void;
  onChanged?: (campaign: CampaignFigures) => void;
}

/** One campaign. */
const CampaignRow = memo(function CampaignRow({ campaign, currency, canManage, navigate, onChanged }: CampaignRowProps) {
  const path = campaignPath(campaign.id);
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(path);
  };
  return (
    <tr>
      <td data-label="Campaign" className="table--cards__title">
        <a href={path} onClick={follow} className="campaign-table__name">
          {campaign.name}
        </a>
        {campaign.simulate && <span className="badge badge--sandbox campaign-table__simulated">Simulated</span>}
      </td>
      <td data-label="Status">
        <CampaignStatusBadge status={campaign.status} />
      </td>
      <td className="numeric" data-label="Spent">
        {formatMoney(campaign.spent, currency)}
      </td>
      <td className="numeric" data-label="Active calls">
        {campaign.activeCalls.toLocaleString('en-US')}
      </td>
      <td className="campaign-table__budget" data-label="Budget use">
        <BudgetBar campaign={campaign} currency={currency} />
      </td>
      {canManage && (
        <td data-label="Actions" className="table--cards__actions">
          <CampaignActions campaign={campaign} onChanged={onChanged} />
        </td>
      )}
    </tr>
  );
});

/** A row kept current by `campaignUpdated`: the newest of the list's state, the feed's and the buttons' answers. */
function LiveCampaignRow(props: CampaignRowProps) {
  const live = useCampaignUpdates(props.campaign.id);
  const [answered, setAnswered] = useState<CampaignFigures | null>(null);
  const campaign = useMemo(
    () =>
      newestCampaign<{ campaign: CampaignFigures }>(
        { campaign: props.campaign },
        live.latest,
        answered === null ? null : { campaign: answered },
      )?.campaign ?? props.campaign,
    [props.campaign, live.latest, answered],
  );
  return <CampaignRow {...props} campaign={campaign} onChanged={setAnswered} />;
}
