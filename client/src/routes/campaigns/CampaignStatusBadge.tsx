import type { CampaignStatus } from '../../gql/graphql.js';
import { campaignStatusLabel, campaignStatusTone } from './campaign-labels';

/** Props of {@link CampaignStatusBadge}. */
export interface CampaignStatusBadgeProps {
  status: CampaignStatus;
}

/** A campaign's status as a coloured pill: "Running", "Paused", "Stopped: insufficient funds"… */
export function CampaignStatusBadge({ status }: CampaignStatusBadgeProps) {
  return <span className={`status campaign-status campaign-status--${campaignStatusTone(status)}`}>{campaignStatusLabel(status)}</span>;
}
