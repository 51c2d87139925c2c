import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { gql, type ErrorLike, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { TransactionRow, WalletTransactionsQuery, WalletTransactionsQueryVariables } from '../../apollo/types';
import { describeError } from '../../apollo/describe-error';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Pager } from '../../components/Pager';
import { NO_TRANSACTION_FILTERS, TransactionFilters, type TransactionFilterValues } from '../../components/TransactionFilters';
import { TRANSACTION_ROW_FIELDS, TransactionTable } from '../../components/TransactionTable';
import { currentCursor, hasNewerPage, NEWEST_PAGE, newerPage, olderPage, pageNumber, type CursorStack } from '../../utils/cursor-stack';
import { highestLiveSequence, liveTransactionsAfter, pageBaseline, type LiveTransactions } from '../../utils/live-transactions';
import { mergeTransactions } from '../../utils/merge-transactions';
import { maxSequence } from '../../utils/sequence';
import { matchesTransactionFilters } from '../../utils/transaction-filters';

/** Rows per page, within the server's 1..100 (transactionsPageSizeMax). */
export const TRANSACTIONS_PAGE_SIZE = 20;

/**
 * One page of a wallet's transactions, with the wallet's `sequence` as the server saw it before
 * listing the page (see utils/live-transactions.ts `pageBaseline`): the point from which live
 * transactions are merged on top.
 */
export const WALLET_TRANSACTIONS_QUERY: TypedDocumentNode<WalletTransactionsQuery, WalletTransactionsQueryVariables> = gql`
  query WalletTransactions($walletId: ID!, $first: Int!, $after: String, $type: TransactionType, $kind: TransactionKind) {
    wallet(id: $walletId) {
      id
      sequence
      transactions(first: $first, after: $after, type: $type, kind: $kind) {
        edges {
          cursor
          node {
            ...TransactionRowFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
  ${TRANSACTION_ROW_FIELDS}
`;

/** Props of {@link WalletTransactions}. Give it `key={walletId}` so another wallet starts on its newest page. */
export interface WalletTransactionsProps {
  walletId: string;
  currency: string;
  /** Transactions received live for this wallet (hooks/useLiveWallet.ts). */
  live: LiveTransactions<TransactionRow>;
  /** Why live updates stopped, or null while they run. */
  liveError: ErrorLike | null;
}

/** A sentence for a subscription that stopped. */
function liveErrorMessage(error: ErrorLike): string {
  return CombinedGraphQLErrors.is(error) ? describeError(error).summary : error.message;
}

/**
 * The transaction list of one wallet: filters, table and a Newer/Older pager over cursors, live.
 *
 * On the newest page, transactions that arrive live go on top, in sequence order, filtered here as
 * the server would, merged by sequence so none shows twice: the page grows rather than pushing rows
 * off its bottom, so "Older" still continues exactly below the last row. When more arrived than the
 * live buffer keeps (hooks/useLiveWallet.ts LIVE_TRANSACTIONS_MAX), the page fetches itself again
 * and starts over at its normal length. On an older page nothing moves; a note counts what arrived
 * and offers the newest page.
 */
export function WalletTransactions({ walletId, currency, live, liveError }: WalletTransactionsProps) {
  const [filters, setFilters] = useState<TransactionFilterValues>(NO_TRANSACTION_FILTERS);
  const [cursors, setCursors] = useState<CursorStack>(NEWEST_PAGE);
  // The sequence through which the user has seen the newest page: what "N new" on older pages counts from.
  const [seenThrough, setSeenThrough] = useState<string | null>(null);
  const { data, previousData, loading, error, refetch } = useQuery(WALLET_TRANSACTIONS_QUERY, {
    variables: { walletId, first: TRANSACTIONS_PAGE_SIZE, after: currentCursor(cursors), type: filters.type, kind: filters.kind },
    // Straight from the network, never through the normalised cache: the wallet's `sequence` must
    // be the one answered with these rows, not one that `balanceChanged` or another query wrote
    // into the shared Wallet entry since (that would hide the live rows in between).
    fetchPolicy: 'no-cache',
  });

  // While another page or filter loads, keep the previous rows on screen, dimmed, rather than flashing "Loading".
  const shown = data ?? previousData;
  const connection = shown?.wallet?.transactions;
  const filtered = filters.type !== null || filters.kind !== null;
  const onNewestPage = !hasNewerPage(cursors);

  const fetchedRows = useMemo(() => connection?.edges.map((edge) => edge.node) ?? [], [connection]);
  const baseline = onNewestPage && data?.wallet ? pageBaseline(data.wallet.sequence, fetchedRows) : null;
  const liveOnTop = useMemo(() => {
    if (baseline === null) return null;
    const after = liveTransactionsAfter(live, baseline);
    return { complete: after.complete, rows: after.rows.filter((row) => matchesTransactionFilters(row, filters)) };
  }, [live, baseline, filters]);
  const rows = useMemo(
    () => (liveOnTop && liveOnTop.rows.length > 0 ? mergeTransactions(fetchedRows, liveOnTop.rows) : fetchedRows),
    [fetchedRows, liveOnTop],
  );
  const newRowIds = useMemo(() => new Set(liveOnTop?.rows.map((row) => row.id)), [liveOnTop]);
  // More arrived than the live buffer kept: the rows between the page and the buffer are only on the server.
  const needsRefetch = liveOnTop !== null && !liveOnTop.complete;

  useEffect(() => {
    // One request at a time, and none after a failure (the error notice and Refresh take over).
    if (needsRefetch && !loading && !error) refetch().catch(() => undefined);
  }, [needsRefetch, loading, error, refetch]);

  const highestLive = highestLiveSequence(live);
  useEffect(() => {
    if (baseline === null || !liveOnTop) return;
    const through = liveOnTop.complete ? maxSequence(baseline, highestLive) : baseline;
    setSeenThrough((previous) => (previous !== null && maxSequence(previous, through) === previous ? previous : through));
  }, [baseline, liveOnTop, highestLive]);

  // Older pages stay as fetched; count what arrived since the newest page was last on screen.
  const arrivedElsewhere = useMemo(() => {
    if (onNewestPage || seenThrough === null) return null;
    const after = liveTransactionsAfter(live, seenThrough);
    return { complete: after.complete, count: after.rows.filter((row) => matchesTransactionFilters(row, filters)).length };
  }, [onNewestPage, seenThrough, live, filters]);

  const changeFilters = (next: TransactionFilterValues) => {
    setFilters(next);
    setCursors(NEWEST_PAGE);
    setSeenThrough(null);
  };

  const stale = (data === undefined && connection !== undefined) || needsRefetch;
  let body: ReactNode = null;
  if (connection === undefined) {
    // Without data and without an error the server answered `wallet: null`.
    if (loading) body = <p className="placeholder">Loading transactions…</p>;
    else if (!error) body = <p className="placeholder">This wallet is no longer available.</p>;
  } else if (rows.length === 0) {
    body = (
      <p className="placeholder">
        {filtered ? 'No transactions match these filters.' : hasNewerPage(cursors) ? 'No older transactions.' : 'No transactions yet.'}
      </p>
    );
  } else {
    body = <TransactionTable rows={rows} currency={currency} stale={stale} highlightedIds={newRowIds} />;
  }

  const endCursor = data?.wallet?.transactions.pageInfo.endCursor ?? null;
  return (
    <section className="card" aria-labelledby="transactions-heading">
      <div className="section-header">
        <h2 id="transactions-heading">Transactions</h2>
        <TransactionFilters value={filters} onChange={changeFilters} />
      </div>
      {liveError && (
        <div className="notice notice--warning" role="status">
          <p className="notice__summary">Live updates stopped: new transactions show only after Refresh.</p>
          <p className="notice__detail">{liveErrorMessage(liveError)}</p>
        </div>
      )}
      {arrivedElsewhere && (arrivedElsewhere.count > 0 || !arrivedElsewhere.complete) && (
        <div className="notice live-notice" role="status">
          <p>
            {arrivedElsewhere.complete ? arrivedElsewhere.count : `${arrivedElsewhere.count}+`} new{' '}
            {arrivedElsewhere.count === 1 && arrivedElsewhere.complete ? 'transaction' : 'transactions'}
            {filtered ? ' matching these filters' : ''} since you left the newest page.
          </p>
          <button type="button" className="button" onClick={() => setCursors(NEWEST_PAGE)}>
            Show newest
          </button>
        </div>
      )}
      {error && (
        <ErrorNotice error={error}>
          {hasNewerPage(cursors) && (
            <button type="button" className="button" onClick={() => setCursors(NEWEST_PAGE)}>
              Back to newest
            </button>
          )}
        </ErrorNotice>
      )}
      {body}
      <Pager
        pageNumber={pageNumber(cursors)}
        hasNewer={hasNewerPage(cursors)}
        hasOlder={data?.wallet?.transactions.pageInfo.hasNextPage === true && endCursor !== null}
        busy={data === undefined || needsRefetch}
        onNewer={() => setCursors(newerPage(cursors))}
        onOlder={() => {
          if (endCursor !== null) setCursors(olderPage(cursors, endCursor));
        }}
      />
    </section>
  );
}
