import type { ErrorLike } from '@apollo/client';
import { useSubscription } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { addSpendSample, type SpendSample, type SpendSamples } from '../campaign-chart';
import { newestCampaign, type ReceivedCampaign } from '../campaign-state';
import type { CampaignUpdatedSubscriptionVariables as CampaignStreamVariables } from '../../../gql/graphql.js';
import { graphql } from '../../../gql/index.js';

/**
 * Longest a received campaign state waits before the page renders it, in milliseconds: states
 * arriving meanwhile (a busy campaign changes with every increment its calls reserve) are folded
 * into one render. @default 100
 */
export const CAMPAIGN_RENDER_BATCH_MS = 100;

/** The campaign fields the list, the detail page and the live feed select (type `CampaignFigures`). */
export const CAMPAIGN_FIELDS = graphql(`
  fragment CampaignFields on Campaign {
    id
    walletId
    ratePlanId
    name
    status
    budget
    spent
    committed
    activeCalls
    spendPerMinute
    projection {
      ratePerMinute
      walletRatePerMinute
      budgetReachedInSeconds
      walletRunsDryInSeconds
      spendCapReachedInSeconds
      spendCap {
        period
        scope
      }
      endsBy
      endsInSeconds
      windowSeconds
    }
    simulate
    version
    createdAt
  }
`);

/** The campaign now, then after every change: a state feed (a slow reader gets the latest state). */
export const CAMPAIGN_UPDATED_SUBSCRIPTION = graphql(`
  subscription CampaignUpdated($campaignId: ID!) {
    campaignUpdated(campaignId: $campaignId) {
      ...CampaignFields
    }
  }
`);

/** What {@link useCampaignUpdates} returns. */
export interface CampaignUpdates {
  /** The newest state received (by version), with when it arrived; null before the first. */
  latest: ReceivedCampaign | null;
  /** Each minute's last `spent`, for the chart's live minutes. */
  samples: SpendSamples;
  /** Why the feed stopped (campaign gone, credential refused…), or null while it runs. */
  error: ErrorLike | null;
}

/** Options of {@link useCampaignUpdates}. */
export interface UseCampaignUpdatesOptions {
  /** Subscribe only when false. @default false */
  skip?: boolean;
}

/**
 * `campaignUpdated` for one campaign, outside Apollo's cache (the page keeps the newest state by
 * version, whichever of the query, the feed or a mutation's answer it came from). States are
 * rendered at most every {@link CAMPAIGN_RENDER_BATCH_MS}, newest wins; each one's `spent` is kept
 * as a sample for the chart. Give the component `key={campaignId}`.
 */
export function useCampaignUpdates(campaignId: string, options: UseCampaignUpdatesOptions = {}): CampaignUpdates {
  const [variables] = useState<CampaignStreamVariables>(() => ({ campaignId }));
  const [state, setState] = useState<Omit<CampaignUpdates, 'error'>>(() => ({ latest: null, samples: new Map() }));
  const [error, setError] = useState<ErrorLike | null>(null);
  const pending = useRef<{ latest: ReceivedCampaign | null; samples: SpendSample[] }>({ latest: null, samples: [] });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    },
    [],
  );

  useSubscription(CAMPAIGN_UPDATED_SUBSCRIPTION, {
    variables,
    skip: options.skip ?? false,
    fetchPolicy: 'no-cache',
    // Each state is taken in onData; re-rendering on the hook's own `data` too would be wasted.
    ignoreResults: true,
    onData: ({ data }) => {
      const campaign = data.data?.campaignUpdated;
      if (!campaign) return;
      const atMs = Date.now();
      pending.current.latest = newestCampaign(pending.current.latest, { campaign, atMs });
      pending.current.samples.push({ atMs, spent: campaign.spent });
      if (timer.current !== null) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        const batch = pending.current;
        pending.current = { latest: null, samples: [] };
        setState((current) => ({
          latest: newestCampaign(current.latest, batch.latest),
          samples: batch.samples.reduce((samples, sample) => addSpendSample(samples, sample), current.samples),
        }));
      }, CAMPAIGN_RENDER_BATCH_MS);
    },
    onError: setError,
  });

  return { ...state, error };
}
