import type { ErrorLike } from '@apollo/client';
import { useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { OVERVIEW_CAMPAIGN_UPDATED_SUBSCRIPTION } from './overview-documents';
import type {
  OverviewCampaignFieldsFragment as OverviewCampaign,
  OverviewCampaignUpdatedSubscriptionVariables,
} from '../../gql/graphql.js';

/** Props of {@link CampaignFeed}. Give it a `key` with the campaign id (and the retry generation). */
export interface CampaignFeedProps {
  campaignId: string;
  /** Each state the feed delivers, in version order. */
  onState: (campaign: OverviewCampaign) => void;
  onError: (error: ErrorLike) => void;
}

/**
 * Follows one campaign's `campaignUpdated` state feed and hands each state up; renders nothing.
 * One component per campaign, since a hook cannot be called in a loop. The states bypass the
 * cache: the page orders them against the list's by `version` itself.
 */
export function CampaignFeed({ campaignId, onState, onError }: CampaignFeedProps) {
  const [variables] = useState<OverviewCampaignUpdatedSubscriptionVariables>(() => ({ campaignId }));
  useSubscription(OVERVIEW_CAMPAIGN_UPDATED_SUBSCRIPTION, {
    variables,
    fetchPolicy: 'no-cache',
    ignoreResults: true,
    onData: ({ data }) => {
      const campaign = data.data?.campaignUpdated;
      if (campaign) onState(campaign);
    },
    onError,
  });
  return null;
}
