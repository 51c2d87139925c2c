import type { ErrorLike } from '@apollo/client';
import { useQuery, useSubscription } from '@apollo/client/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TransactionAddedSubscriptionVariables, TransactionRowFieldsFragment as TransactionRow } from '../../../gql/graphql.js';
import { TRANSACTION_ADDED_SUBSCRIPTION } from '../../../hooks/useLiveWallet';
import {
  addLiveTransaction,
  emptyLiveTransactions,
  highestLiveSequence,
  liveTransactionsAfter,
  pageBaseline,
} from '../../../utils/live-transactions';
import { mergeTransactions } from '../../../utils/merge-transactions';
import { maxSequence } from '../../../utils/sequence';
import type { ResumePoints } from '../../wallet/WalletView';
import { RECENT_TRANSACTIONS_COUNT, RECENT_TRANSACTIONS_QUERY } from '../overview-documents';
import type { RecentTransactionsQueryVariables } from '../../../gql/graphql.js';

/** Most live transactions kept (the newest); more than this many arriving at once makes the list fetch itself again. @default 20 */
export const RECENT_LIVE_ROWS_MAX = 20;

/** Options of {@link useRecentTransactions}. */
export interface UseRecentTransactionsOptions {
  walletId: string;
  /** The wallet's sequence as the page has it: transactions after it (or the resume point) arrive live. */
  walletSequence: string;
  /** Highest sequence seen per wallet, shared by the dashboard's pages; updated here. */
  resumePoints: ResumePoints;
}

/** What {@link useRecentTransactions} returns. */
export interface RecentTransactions {
  /** The newest {@link RECENT_TRANSACTIONS_COUNT} transactions, newest first; null before the first answer. */
  rows: TransactionRow[] | null;
  /** Why the list or its live feed failed, or null. */
  error: ErrorLike | null;
  /** Ids of rows that arrived live (briefly highlighted). */
  liveIds: ReadonlySet<string>;
  /** Fetches the list again. */
  retry: () => void;
}

/**
 * The wallet's newest transactions, live: the newest page (with the wallet's `sequence` answered
 * with it) and every transaction `transactionAdded` delivers after it, merged by sequence (none
 * twice, none missing: when the live buffer has a hole above the page, the page is fetched again).
 * Variables are fixed for the component's life: give it `key={walletId}`.
 */
export function useRecentTransactions({ walletId, walletSequence, resumePoints }: UseRecentTransactionsOptions): RecentTransactions {
  const [queryVariables] = useState<RecentTransactionsQueryVariables>(() => ({ walletId, first: RECENT_TRANSACTIONS_COUNT }));
  const [liveVariables] = useState<TransactionAddedSubscriptionVariables>(() => ({
    walletId,
    afterSequence: maxSequence(resumePoints.get(walletId) ?? '0', walletSequence),
  }));
  const [live, setLive] = useState(() => emptyLiveTransactions<TransactionRow>(liveVariables.afterSequence ?? '0'));
  const [liveError, setLiveError] = useState<ErrorLike | null>(null);

  const { data, loading, error, refetch } = useQuery(RECENT_TRANSACTIONS_QUERY, {
    variables: queryVariables,
    // The wallet's `sequence` must be the one answered with these rows, not one a feed wrote into
    // the shared Wallet entry since (utils/live-transactions.ts pageBaseline).
    fetchPolicy: 'no-cache',
  });
  useSubscription(TRANSACTION_ADDED_SUBSCRIPTION, {
    variables: liveVariables,
    fetchPolicy: 'no-cache',
    ignoreResults: true,
    onData: ({ data: result }) => {
      const row = result.data?.transactionAdded;
      if (row) setLive((current) => addLiveTransaction(current, row, RECENT_LIVE_ROWS_MAX));
    },
    onError: setLiveError,
  });

  const fetched = useMemo(() => data?.wallet?.transactions.edges.map((edge) => edge.node) ?? null, [data]);
  const baseline = data?.wallet && fetched ? pageBaseline(data.wallet.sequence, fetched) : null;
  const onTop = useMemo(() => (baseline === null ? null : liveTransactionsAfter(live, baseline)), [live, baseline]);
  const rows = useMemo(
    () => (fetched === null || onTop === null ? fetched : mergeTransactions(fetched, onTop.rows, { maxRows: RECENT_TRANSACTIONS_COUNT })),
    [fetched, onTop],
  );
  const liveIds = useMemo(() => new Set(onTop?.rows.map((row) => row.id)), [onTop]);
  // A hole between the page and the live rows shown: only the server has what is in it.
  const needsRefetch = onTop !== null && !onTop.complete && onTop.rows.length < RECENT_TRANSACTIONS_COUNT;
  useEffect(() => {
    if (needsRefetch && !loading && !error) refetch().catch(() => undefined);
  }, [needsRefetch, loading, error, refetch]);

  const highestSeen = highestLiveSequence(live);
  useEffect(() => {
    resumePoints.set(walletId, maxSequence(resumePoints.get(walletId) ?? '0', highestSeen));
  }, [resumePoints, walletId, highestSeen]);

  const retry = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);

  return { rows: data?.wallet === null ? [] : rows, error: error ?? liveError, liveIds, retry };
}
