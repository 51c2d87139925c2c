import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import type { SpendBaseline } from '../campaign-chart';
import { SPEND_CHART_MINUTES } from '../campaign-chart';
import { RECENTLY_ENDED_MAX } from '../campaign-calls';
import type { ReceivedCampaign } from '../campaign-state';
import type { CallFieldsFragment as CallRow, CampaignDetailQuery } from '../../../gql/graphql.js';
import { graphql } from '../../../gql/index.js';

/**
 * A campaign with its spend per minute, and its most recent ended calls of each kind (the
 * active ones come from `callUpdated`, which starts with them): by status, since the newest
 * calls of a busy campaign are all active.
 */
/** One minute of posted spend, as the spend chart draws it. */
export const SPEND_POINT_FIELDS = graphql(`
  fragment SpendPointFields on SpendPoint {
    minute
    spent
  }
`);

export const CAMPAIGN_DETAIL_QUERY = graphql(`
  query CampaignDetail($id: ID!, $minutes: Int!, $endedFirst: Int!) {
    campaign(id: $id) {
      ...CampaignFields
      spendByMinute(minutes: $minutes) {
        ...SpendPointFields
      }
    }
    stopped: calls(campaignId: $id, status: STOPPED, first: $endedFirst) {
      edges {
        node {
          ...CallFields
        }
      }
    }
    completed: calls(campaignId: $id, status: COMPLETED, first: $endedFirst) {
      edges {
        node {
          ...CallFields
        }
      }
    }
    refused: calls(campaignId: $id, status: REFUSED, first: $endedFirst) {
      edges {
        node {
          ...CallFields
        }
      }
    }
  }
`);

/** What {@link useCampaignDetail} returns. */
export interface CampaignDetail {
  loading: boolean;
  error: unknown;
  /** The campaign as the query answered, with when; null before the answer or when it is gone. */
  received: ReceivedCampaign | null;
  /** The spend history and `spent` of the same answer: the chart's starting point. */
  baseline: SpendBaseline | null;
  /** The ended calls the answer listed (stopped, completed, refused). */
  endedCalls: CallRow[] | undefined;
  /** Whether the query answered and found no campaign (NOT_FOUND answers as an error). */
  missing: boolean;
  refetch: () => void;
}

/**
 * The detail page's query. `no-cache`: the answer is a starting point taken with its arrival time
 * (the chart counts live spend from then), and later states come from the live feed and the
 * mutations, so the cache's copy would only be one more state to reconcile.
 */
export function useCampaignDetail(campaignId: string): CampaignDetail {
  const { data, loading, error, refetch } = useQuery(CAMPAIGN_DETAIL_QUERY, {
    variables: { id: campaignId, minutes: SPEND_CHART_MINUTES, endedFirst: RECENTLY_ENDED_MAX },
    fetchPolicy: 'no-cache',
    notifyOnNetworkStatusChange: false,
  });
  // The moment each answer arrived: stamped once per answer object.
  const [stamp, setStamp] = useState<{ data: CampaignDetailQuery; atMs: number } | null>(null);
  useEffect(() => {
    if (data !== undefined && stamp?.data !== data) setStamp({ data, atMs: Date.now() });
  }, [data, stamp]);

  const answer = stamp !== null && stamp.data === data ? stamp : null;
  const campaign = answer?.data.campaign ?? null;
  const received = useMemo<ReceivedCampaign | null>(
    () => (answer && campaign ? { campaign, atMs: answer.atMs } : null),
    [answer, campaign],
  );
  const baseline = useMemo<SpendBaseline | null>(
    () =>
      answer && campaign
        ? { series: campaign.spendByMinute, spent: campaign.spent, atMs: answer.atMs, campaignCreatedAt: campaign.createdAt }
        : null,
    [answer, campaign],
  );
  const endedCalls = useMemo(
    () =>
      answer
        ? [...answer.data.stopped.edges, ...answer.data.completed.edges, ...answer.data.refused.edges].map((edge) => edge.node)
        : undefined,
    [answer],
  );
  return {
    loading: data === undefined ? loading : answer === null,
    error,
    received,
    baseline,
    endedCalls,
    missing: data !== undefined && data.campaign === null,
    refetch: () => void refetch().catch(() => undefined),
  };
}
