import type { ErrorLike } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  campaignsStoppedForFunds,
  campaignsToFollow,
  hasUnlistedActiveCalls,
  newestCampaignState,
  withLiveStates,
} from '../overview-alerts';
import { OVERVIEW_CAMPAIGNS_FIRST, OVERVIEW_CAMPAIGNS_QUERY } from '../overview-documents';
import type { OverviewCampaignFieldsFragment as OverviewCampaign, OverviewCampaignsQueryVariables } from '../../../gql/graphql.js';

/**
 * Most campaigns followed live (`campaignUpdated`, one subscription each). With the Overview's wallet,
 * transaction and alert feeds that is 23 of the 50 operations a socket may carry (server config
 * `subscriptionsPerSocketMax`), leaving room for the rest of the dashboard. @default 20
 */
export const CAMPAIGN_FEEDS_MAX = 20;

/**
 * How long the wallet must show more active calls than the listed campaigns hold before the list
 * is fetched again (the two feeds are separate streams and disagree for a moment), in ms. @default 2000
 */
export const UNLISTED_CALLS_GRACE_MS = 2_000;

/** Fewest milliseconds between two fetches of the list for unlisted calls. @default 10000 */
export const CAMPAIGNS_REFETCH_INTERVAL_MS = 10_000;

/** What {@link useOverviewCampaigns} returns. */
export interface OverviewCampaigns {
  /** True until the list first arrives. */
  loading: boolean;
  /** Why the list (or a campaign's live feed) failed, or null. */
  error: ErrorLike | null;
  /** The wallet's campaigns stopped for lack of funds, newest first. */
  stopped: OverviewCampaign[];
  /** Ids of the campaigns to follow live: render a `CampaignFeed` for each. */
  followedIds: string[];
  /** Grows at each retry: part of each feed's `key`, so a retry subscribes every feed afresh. */
  feedGeneration: number;
  /** Takes a state a campaign feed delivered. */
  receive: (campaign: OverviewCampaign) => void;
  /** Takes a campaign feed's error. */
  fail: (error: ErrorLike) => void;
  /** Fetches the list again and subscribes every feed afresh. */
  retry: () => void;
}

/**
 * The account's newest campaigns ({@link OVERVIEW_CAMPAIGNS_FIRST}), kept to the wallet's, each
 * replaced by a newer live state (by `version`) when its feed delivered one. The list is fetched
 * again when the wallet has more active calls than it accounts for (a campaign created since) for
 * {@link UNLISTED_CALLS_GRACE_MS}, at most every {@link CAMPAIGNS_REFETCH_INTERVAL_MS}; nothing polls.
 */
export function useOverviewCampaigns(walletId: string, walletActiveCalls: number | null): OverviewCampaigns {
  const [variables] = useState<OverviewCampaignsQueryVariables>(() => ({ first: OVERVIEW_CAMPAIGNS_FIRST }));
  const { data, error, refetch } = useQuery(OVERVIEW_CAMPAIGNS_QUERY, { variables, fetchPolicy: 'cache-and-network' });
  const [live, setLive] = useState<ReadonlyMap<string, OverviewCampaign>>(() => new Map());
  const [feedError, setFeedError] = useState<ErrorLike | null>(null);
  const [feedGeneration, setFeedGeneration] = useState(0);

  const listed = useMemo(() => data?.campaigns.edges.map((edge) => edge.node) ?? null, [data]);
  const campaigns = useMemo(() => (listed === null ? null : withLiveStates(listed, live)), [listed, live]);
  const stopped = useMemo(() => (campaigns === null ? [] : campaignsStoppedForFunds(campaigns, walletId)), [campaigns, walletId]);
  const followedIds = useMemo(
    () => (campaigns === null ? [] : campaignsToFollow(campaigns, walletId, CAMPAIGN_FEEDS_MAX).map((campaign) => campaign.id)),
    [campaigns, walletId],
  );

  const receive = useCallback((campaign: OverviewCampaign) => {
    setLive((current) => {
      const newest = newestCampaignState(current.get(campaign.id), campaign);
      if (newest === current.get(campaign.id)) return current;
      return new Map(current).set(campaign.id, campaign);
    });
  }, []);

  const lastRefetchMs = useRef(0);
  const unlisted = walletActiveCalls !== null && campaigns !== null && hasUnlistedActiveCalls(walletActiveCalls, campaigns, walletId);
  useEffect(() => {
    if (!unlisted) return;
    const delayMs = Math.max(UNLISTED_CALLS_GRACE_MS, lastRefetchMs.current + CAMPAIGNS_REFETCH_INTERVAL_MS - Date.now());
    const timer = setTimeout(() => {
      lastRefetchMs.current = Date.now();
      refetch().catch(() => undefined);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [unlisted, refetch]);

  const retry = useCallback(() => {
    setFeedError(null);
    setFeedGeneration((generation) => generation + 1);
    refetch().catch(() => undefined);
  }, [refetch]);

  return {
    loading: data === undefined && error === undefined,
    error: error ?? feedError,
    stopped,
    followedIds,
    feedGeneration,
    receive,
    fail: setFeedError,
    retry,
  };
}
