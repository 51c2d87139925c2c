import type { ErrorLike } from '@apollo/client';
import { useSubscription } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { applyCallStates, emptyCallBook, type CallBook } from '../campaign-calls';
import type {
  CallFieldsFragment as CallRow,
  CampaignUpdatedSubscriptionVariables as CampaignStreamVariables,
} from '../../../gql/graphql.js';
import { graphql } from '../../../gql/index.js';

/**
 * Longest a received call state waits before the page renders it, in milliseconds: the feed's
 * opening burst (every active call, 200 or more) and bursts of starts and stops become a few
 * renders instead of one each. @default 100
 */
export const CALL_RENDER_BATCH_MS = 100;

/** The call fields the detail page's tables and the live feed select (type `CallRow`). */
export const CALL_FIELDS = graphql(`
  fragment CallFields on Call {
    id
    to
    status
    endReason
    startedAt
    endedAt
    billedSeconds
    cost
    perMinute
    version
  }
`);

/** The campaign's active calls, then each call's states as they start and end (STOPPED the moment the server stops one). */
export const CALL_UPDATED_SUBSCRIPTION = graphql(`
  subscription CallUpdated($campaignId: ID!) {
    callUpdated(campaignId: $campaignId) {
      ...CallFields
    }
  }
`);

/** What {@link useCampaignCalls} returns. */
export interface CampaignCalls {
  book: CallBook;
  /** Why the feed stopped, or null while it runs. */
  error: ErrorLike | null;
}

/**
 * The campaign's calls, live from `callUpdated` (outside Apollo's cache: hundreds of calls a
 * minute would only grow it), merged with `endedCalls` (the ended calls a query found, given
 * when they arrive). States are kept newest-by-version per call and rendered in batches (at most
 * every {@link CALL_RENDER_BATCH_MS}); a call whose state did not change keeps its object, so its
 * memoized row is left alone. Give the component `key={campaignId}`.
 */
export function useCampaignCalls(campaignId: string, endedCalls: readonly CallRow[] | undefined): CampaignCalls {
  const [variables] = useState<CampaignStreamVariables>(() => ({ campaignId }));
  const [book, setBook] = useState<CallBook>(() => emptyCallBook());
  const [error, setError] = useState<ErrorLike | null>(null);
  const pending = useRef<CallRow[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (endedCalls !== undefined && endedCalls.length > 0) setBook((current) => applyCallStates(current, endedCalls));
  }, [endedCalls]);

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    },
    [],
  );

  useSubscription(CALL_UPDATED_SUBSCRIPTION, {
    variables,
    fetchPolicy: 'no-cache',
    ignoreResults: true,
    onData: ({ data }) => {
      const call = data.data?.callUpdated;
      if (!call) return;
      pending.current.push(call);
      if (timer.current !== null) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        const batch = pending.current;
        pending.current = [];
        setBook((current) => applyCallStates(current, batch));
      }, CALL_RENDER_BATCH_MS);
    },
    onError: setError,
  });

  return { book, error };
}
