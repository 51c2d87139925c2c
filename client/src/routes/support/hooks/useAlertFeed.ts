import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useCallback, useMemo, useState } from 'react';
import { graphql } from '../../../gql/index.js';
import type { AlertKind, SupportAlertFieldsFragment } from '../../../gql/graphql.js';
import { feedOrder, mergeAlerts, resumePositionOf } from '../alert-feed';
import { ACKNOWLEDGE_ALERTS_MUTATION } from '../support-documents';

/** How many alerts of each list (unacknowledged, acknowledged) the feed loads: one page of `alerts`. */
export const ALERT_FEED_PAGE_SIZE = 50;

/** The newest unacknowledged and acknowledged alerts of the filters. */
export const SUPPORT_ALERT_FEED_QUERY = graphql(`
  query SupportAlertFeed($accountId: ID, $kinds: [AlertKind!], $first: Int!) {
    unacknowledged: alerts(accountId: $accountId, kinds: $kinds, acknowledged: false, first: $first) {
      edges {
        node {
          ...SupportAlertFields
        }
      }
      pageInfo {
        hasNextPage
      }
      acknowledgedThrough
    }
    acknowledged: alerts(accountId: $accountId, kinds: $kinds, acknowledged: true, first: $first) {
      edges {
        node {
          ...SupportAlertFields
        }
      }
    }
  }
`);

/** Alerts raised after `afterPosition` (replayed), then live; resumed by position after a lost socket (apollo/resumable-subscriptions.ts). */
export const SUPPORT_ALERT_RAISED_SUBSCRIPTION = graphql(`
  subscription SupportAlertRaised($accountId: ID, $kinds: [AlertKind!], $afterPosition: String) {
    alertRaised(accountId: $accountId, kinds: $kinds, afterPosition: $afterPosition) {
      ...SupportAlertFields
    }
  }
`);

/**
 * Alerts acknowledged (by anyone, in any console) after `afterAcknowledgementPosition`, replayed
 * then live: what moves an alert to the acknowledged list on every open console. Resumed by
 * position after a lost socket like alertRaised.
 */
export const SUPPORT_ALERT_ACKNOWLEDGED_SUBSCRIPTION = graphql(`
  subscription SupportAlertAcknowledged($accountId: ID, $kinds: [AlertKind!], $afterAcknowledgementPosition: String) {
    alertAcknowledged(accountId: $accountId, kinds: $kinds, afterAcknowledgementPosition: $afterAcknowledgementPosition) {
      ...SupportAlertFields
      acknowledgementPosition
    }
  }
`);

/** The feed's filters that the server applies (severity is applied on screen: it follows from the kind). */
export interface AlertFeedFilters {
  accountId: string | null;
  kind: AlertKind | null;
}

/** What {@link useAlertFeed} returns. */
export interface AlertFeed {
  /** Unacknowledged first, then newest first. */
  alerts: SupportAlertFieldsFragment[];
  loading: boolean;
  error: unknown;
  /** The live feed's error (the loaded alerts stay on screen). */
  liveError: unknown;
  /** True when more unacknowledged alerts exist than were loaded. */
  moreUnacknowledged: boolean;
  /** Acknowledges `ids`, all or none; resolves with the error message, or null when done. */
  acknowledge: (ids: string[]) => Promise<string | null>;
  acknowledging: boolean;
}

/**
 * The cross-account alert feed: the newest alerts of the filters, then every alert raised after
 * the newest of them, live, in order (the subscription starts after the page loaded, from its
 * newest position, so nothing raised in between is missed or shown twice), and every
 * acknowledgement after the page's `acknowledgedThrough` (so one made in another console while the
 * page loaded still shows). Give the component a
 * `key` per filter set: a new filter starts a new feed.
 */
export function useAlertFeed(filters: AlertFeedFilters): AlertFeed {
  const kinds = filters.kind === null ? null : [filters.kind];
  const { data, loading, error } = useQuery(SUPPORT_ALERT_FEED_QUERY, {
    variables: { accountId: filters.accountId, kinds, first: ALERT_FEED_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const [received, setReceived] = useState<SupportAlertFieldsFragment[]>([]);
  const loaded = useMemo(
    () => [...(data?.unacknowledged.edges ?? []), ...(data?.acknowledged.edges ?? [])].map((edge) => edge.node),
    [data],
  );
  // Fixed when the first page arrives: a refetch must not restart the live feed.
  const [afterPosition, setAfterPosition] = useState<string | null>(null);
  const [afterAcknowledgementPosition, setAfterAcknowledgementPosition] = useState<string | null>(null);
  if (afterPosition === null && data) {
    setAfterPosition(resumePositionOf(loaded));
    setAfterAcknowledgementPosition(data.unacknowledged.acknowledgedThrough);
  }

  const { error: liveError } = useSubscription(SUPPORT_ALERT_RAISED_SUBSCRIPTION, {
    variables: { accountId: filters.accountId, kinds, afterPosition },
    skip: afterPosition === null,
    onData: ({ data: result }) => {
      const alert = result.data?.alertRaised;
      if (alert) setReceived((previous) => [...previous, alert]);
    },
  });

  // Acknowledgements made elsewhere (another console, the owner) move alerts live; an alert
  // acknowledged before it arrived is merged as acknowledged whichever comes first.
  const { error: acknowledgedError } = useSubscription(SUPPORT_ALERT_ACKNOWLEDGED_SUBSCRIPTION, {
    variables: { accountId: filters.accountId, kinds, afterAcknowledgementPosition },
    skip: afterAcknowledgementPosition === null,
    onData: ({ data: result }) => {
      const alert = result.data?.alertAcknowledged;
      if (alert) setReceived((previous) => [...previous, alert]);
    },
  });

  const [acknowledgeAlerts, { loading: acknowledging }] = useMutation(ACKNOWLEDGE_ALERTS_MUTATION);
  const acknowledge = useCallback(
    async (ids: string[]) => {
      try {
        const result = await acknowledgeAlerts({ variables: { ids } });
        const alerts = result.data?.acknowledgeAlerts.alerts ?? [];
        setReceived((previous) => [...previous, ...alerts]);
        return null;
      } catch (failure) {
        return failure instanceof Error ? failure.message : String(failure);
      }
    },
    [acknowledgeAlerts],
  );

  const alerts = useMemo(() => feedOrder(mergeAlerts(received, loaded)), [received, loaded]);
  return {
    alerts,
    loading: loading && !data,
    error: data ? null : error,
    liveError: liveError ?? acknowledgedError,
    moreUnacknowledged: data?.unacknowledged.pageInfo.hasNextPage ?? false,
    acknowledge,
    acknowledging,
  };
}
