import type { ErrorLike } from '@apollo/client';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OverviewAlertFieldsFragment as OverviewAlert, OverviewAlertsQueryVariables } from '../../../gql/graphql.js';
import { feedStartOf, withAlert, withoutAlert } from '../account-alerts';
import {
  OVERVIEW_ACKNOWLEDGE_ALERT_MUTATION,
  OVERVIEW_ALERT_ACKNOWLEDGED_SUBSCRIPTION,
  OVERVIEW_ALERT_RAISED_SUBSCRIPTION,
  OVERVIEW_ALERTS_FIRST,
  OVERVIEW_ALERTS_QUERY,
} from '../overview-documents';

/** What {@link useAccountAlerts} returns. */
export interface AccountAlerts {
  /** Unacknowledged alerts, newest first; null before the first answer. */
  alerts: OverviewAlert[] | null;
  /** Whether the account has more unacknowledged alerts than the card lists. */
  more: boolean;
  /** Why the list or its live feed failed, or null. */
  error: ErrorLike | null;
  /** Ids of alerts being acknowledged now. */
  acknowledging: ReadonlySet<string>;
  /** Why acknowledging an alert failed, by alert id. */
  acknowledgeErrors: ReadonlyMap<string, ErrorLike>;
  /** Acknowledges an alert; it leaves the list when the server agrees. */
  acknowledge: (id: string) => void;
  /** Fetches the list again and restarts the feed after it. */
  retry: () => void;
}

/**
 * The account's unacknowledged alerts, live: the first page of `alerts(acknowledged: false)` and
 * the account's newest alert, then `alertRaised` after the highest position the query saw (replayed
 * first, then live: nothing raised meanwhile is missed, and after a reconnect the socket resumes it
 * after the last alert delivered). Alerts acknowledged here, or anywhere else (`alertAcknowledged`
 * after the page's `acknowledgedThrough`), leave the list live.
 */
export function useAccountAlerts(): AccountAlerts {
  const [variables] = useState<OverviewAlertsQueryVariables>(() => ({ first: OVERVIEW_ALERTS_FIRST }));
  const {
    data,
    error: queryError,
    refetch,
  } = useQuery(OVERVIEW_ALERTS_QUERY, {
    variables,
    // A snapshot taken at one moment: the feed starts after the newest alert in it.
    fetchPolicy: 'no-cache',
  });
  const [alerts, setAlerts] = useState<OverviewAlert[] | null>(null);
  const [start, setStart] = useState<string | null>(null);
  const [acknowledgedStart, setAcknowledgedStart] = useState<string | null>(null);
  // Alerts known to be acknowledged: a raised alert delivered after its acknowledgement stays out.
  const acknowledged = useRef(new Set<string>());
  const [feedError, setFeedError] = useState<ErrorLike | null>(null);
  const [acknowledging, setAcknowledging] = useState<ReadonlySet<string>>(() => new Set());
  const [acknowledgeErrors, setAcknowledgeErrors] = useState<ReadonlyMap<string, ErrorLike>>(() => new Map());

  useEffect(() => {
    if (!data) return;
    const listed = data.unacknowledged.edges.map((edge) => edge.node);
    const newest = data.newest.edges.map((edge) => edge.node);
    setAlerts(listed.reduce<OverviewAlert[]>((list, alert) => withAlert(list, alert), []));
    setStart(feedStartOf(listed, newest));
    setAcknowledgedStart(data.unacknowledged.acknowledgedThrough);
  }, [data]);

  const { restart } = useSubscription(OVERVIEW_ALERT_RAISED_SUBSCRIPTION, {
    variables: { afterSequence: start ?? '0' },
    skip: start === null,
    fetchPolicy: 'no-cache',
    ignoreResults: true,
    onData: ({ data: result }) => {
      const alert = result.data?.alertRaised;
      if (alert && !acknowledged.current.has(alert.id)) setAlerts((list) => withAlert(list ?? [], alert));
    },
    onError: setFeedError,
  });

  const { restart: restartAcknowledged } = useSubscription(OVERVIEW_ALERT_ACKNOWLEDGED_SUBSCRIPTION, {
    variables: { afterAcknowledgementPosition: acknowledgedStart ?? '0' },
    skip: acknowledgedStart === null,
    fetchPolicy: 'no-cache',
    ignoreResults: true,
    onData: ({ data: result }) => {
      const alert = result.data?.alertAcknowledged;
      if (!alert) return;
      acknowledged.current.add(alert.id);
      setAlerts((list) => (list === null ? list : withoutAlert(list, alert.id)));
    },
    onError: setFeedError,
  });

  const [acknowledgeAlert] = useMutation(OVERVIEW_ACKNOWLEDGE_ALERT_MUTATION);
  const acknowledge = useCallback(
    (id: string) => {
      setAcknowledging((current) => new Set(current).add(id));
      setAcknowledgeErrors((current) => {
        const next = new Map(current);
        next.delete(id);
        return next;
      });
      acknowledgeAlert({ variables: { id } })
        .then(() => setAlerts((list) => (list === null ? list : withoutAlert(list, id))))
        .catch((error: ErrorLike) => setAcknowledgeErrors((current) => new Map(current).set(id, error)))
        .finally(() =>
          setAcknowledging((current) => {
            const next = new Set(current);
            next.delete(id);
            return next;
          }),
        );
    },
    [acknowledgeAlert],
  );

  const retry = useCallback(() => {
    setFeedError(null);
    refetch().catch(() => undefined);
    restart();
    restartAcknowledged();
  }, [refetch, restart, restartAcknowledged]);

  return {
    alerts,
    more: data?.unacknowledged.pageInfo.hasNextPage ?? false,
    error: queryError ?? feedError,
    acknowledging,
    acknowledgeErrors,
    acknowledge,
    retry,
  };
}
