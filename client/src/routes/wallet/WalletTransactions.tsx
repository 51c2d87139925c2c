import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { ErrorLike } from '@apollo/client';
import { skipToken, useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TransactionRowFieldsFragment as TransactionRow } from '../../gql/graphql.js';
import type {
  TransactionDocumentFieldsFragment,
  WalletTransactionsQueryVariables as WalletTransactionsFilteredVariables,
} from '../../gql/graphql.js';
import { describeError } from '../../apollo/describe-error';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Pager } from '../../components/Pager';
import {
  hasFilterValues,
  NO_TRANSACTION_FILTERS,
  TransactionFilters,
  type CampaignFilterChoices,
  type TransactionFilterValues,
} from '../../components/TransactionFilters';
import { TransactionTable, type TransactionRowDetails, type TransactionTableProps } from '../../components/TransactionTable';
import { currentCursor, hasNewerPage, NEWEST_PAGE, newerPage, olderPage, pageNumber, type CursorStack } from '../../utils/cursor-stack';
import { highestLiveSequence, liveTransactionsAfter, pageBaseline, type LiveTransactions } from '../../utils/live-transactions';
import { mergeTransactions } from '../../utils/merge-transactions';
import { maxSequence } from '../../utils/sequence';
import { dateRangeOf, transactionFilterVerdict } from './transaction-filters';
import { graphql } from '../../gql/index.js';

/** Rows per page, within the server's 1..100 (transactionsPageSizeMax). */
export const TRANSACTIONS_PAGE_SIZE = 20;

/**
 * After a live transaction arrives that only the server can place (a filter on a field the row does
 * not carry: none today, since TransactionRowFields selects every field the filters read, including
 * `campaignId`; this covers a filter added later), how long the newest page waits before fetching
 * itself again, in milliseconds: at most one such fetch per interval however fast transactions
 * arrive. @default 1000
 */
export const UNDECIDED_LIVE_REFETCH_DELAY_MS = 1_000;

/**
 * The document of a listed transaction (a top-up's invoice, a refund's credit note), read with the
 * page only: live rows do without, so the live feed costs no lookup per event.
 */
export const TRANSACTION_DOCUMENT_FIELDS = graphql(`
  fragment TransactionDocumentFields on Transaction {
    invoice {
      id
      kind
      number
      pdfUrl
    }
  }
`);

/** A transaction's invoice or credit note, as the list shows it. */
export type TransactionDocument = NonNullable<TransactionDocumentFieldsFragment['invoice']>;

/**
 * One page of a wallet's transactions, with the wallet's `sequence` as the server saw it before
 * listing the page (see utils/live-transactions.ts `pageBaseline`): the point from which live
 * transactions are merged on top.
 */
export const WALLET_TRANSACTIONS_QUERY = graphql(`
  query WalletTransactions(
    $walletId: ID!
    $first: Int!
    $after: String
    $type: TransactionType
    $kind: TransactionKind
    $status: TransactionStatus
    $from: DateTime
    $to: DateTime
    $campaignId: ID
  ) {
    wallet(id: $walletId) {
      id
      sequence
      transactions(first: $first, after: $after, type: $type, kind: $kind, status: $status, from: $from, to: $to, campaignId: $campaignId) {
        edges {
          cursor
          node {
            ...TransactionRowFields
            ...TransactionDocumentFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/** Props of {@link WalletTransactions}. Give it `key={walletId}` so another wallet starts on its newest page. */
export interface WalletTransactionsProps {
  walletId: string;
  currency: string;
  /** Transactions received live for this wallet (hooks/useLiveWallet.ts). */
  live: LiveTransactions<TransactionRow>;
  /** Why live updates stopped, or null while they run. */
  liveError: ErrorLike | null;
  /** The campaign filter's choices (the wallet's campaigns); without, the list has no campaign filter. */
  campaigns?: CampaignFilterChoices;
  /** Shown beside the filters with the filters in force, as the server takes them: the Transactions page's CSV export. */
  toolbar?: (filters: AppliedTransactionFilters) => ReactNode;
  /** More about some rows, opened under them (the Transactions page's receipts of top-ups). */
  rowDetails?: TransactionRowDetails;
  /** What a listed row with a document shows under its description (the Transactions page's PDF link). */
  rowDocument?: (row: TransactionRow, document: TransactionDocument) => ReactNode;
}

/** The filters in force, as `Wallet.transactions` and the CSV export take them (dates as RFC 3339 instants). */
export type AppliedTransactionFilters = {
  [K in 'type' | 'kind' | 'status' | 'from' | 'to' | 'campaignId']-?: Exclude<WalletTransactionsFilteredVariables[K], undefined>;
};

/** A sentence for a subscription that stopped. */
function liveErrorMessage(error: ErrorLike): string {
  return CombinedGraphQLErrors.is(error) ? describeError(error).summary : error.message;
}

/**
 * The transaction list of one wallet: filters (type, kind, status, a date range and, given the
 * choices, a campaign), table and a Newer/Older pager over cursors, live.
 *
 * On the newest page, transactions that arrive live go on top, in sequence order, filtered here as
 * the server would, merged by sequence so none shows twice: the page grows rather than pushing rows
 * off its bottom, so "Older" still continues exactly below the last row. When more arrived than the
 * live buffer keeps (hooks/useLiveWallet.ts LIVE_TRANSACTIONS_MAX), the page fetches itself again
 * and starts over at its normal length; it does too (at most once per
 * {@link UNDECIDED_LIVE_REFETCH_DELAY_MS}) when a live row may match a filter only the server can
 * apply (none today: live rows carry their campaign). On an older page nothing moves; a note
 * counts what arrived and offers the newest page.
 */
export function WalletTransactions({
  walletId,
  currency,
  live,
  liveError,
  campaigns,
  toolbar,
  rowDetails,
  rowDocument,
}: WalletTransactionsProps) {
  const [filters, setFilters] = useState<TransactionFilterValues>(NO_TRANSACTION_FILTERS);
  const [cursors, setCursors] = useState<CursorStack>(NEWEST_PAGE);
  // The sequence through which the user has seen the newest page: what "N new" on older pages counts from.
  const [seenThrough, setSeenThrough] = useState<string | null>(null);
  // Dates that do not make a range (the end before the start) fetch nothing until they are fixed.
  const dateRange = dateRangeOf(filters.fromDate, filters.toDate);
  const rangeFrom = dateRange.valid ? dateRange.from : null;
  const rangeTo = dateRange.valid ? dateRange.to : null;
  const applied = useMemo(() => appliedFiltersOf(filters, rangeFrom, rangeTo), [filters, rangeFrom, rangeTo]);
  const { data, previousData, loading, error, refetch } = useQuery(
    WALLET_TRANSACTIONS_QUERY,
    dateRange.valid
      ? {
          variables: { walletId, first: TRANSACTIONS_PAGE_SIZE, after: currentCursor(cursors), ...applied },
          // Straight from the network, never through the normalised cache: the wallet's `sequence` must
          // be the one answered with these rows, not one that `balanceChanged` or another query wrote
          // into the shared Wallet entry since (that would hide the live rows in between).
          fetchPolicy: 'no-cache',
        }
      : skipToken,
  );

  // While another page or filter loads, keep the previous rows on screen, dimmed, rather than flashing "Loading".
  const shown = data ?? previousData;
  const connection = shown?.wallet?.transactions;
  const filtered = hasFilterValues(filters);
  const onNewestPage = !hasNewerPage(cursors);

  const fetchedRows = useMemo(() => connection?.edges.map((edge) => edge.node) ?? [], [connection]);
  const rowLinks = useMemo(() => {
    if (rowDocument === undefined) return undefined;
    const documents = new Map<string, TransactionDocument>();
    for (const edge of connection?.edges ?? []) if (edge.node.invoice) documents.set(edge.node.id, edge.node.invoice);
    return (row: TransactionRow) => {
      const document = documents.get(row.id);
      return document === undefined ? null : rowDocument(row, document);
    };
  }, [connection, rowDocument]);
  const baseline = onNewestPage && data?.wallet ? pageBaseline(data.wallet.sequence, fetchedRows) : null;
  const liveOnTop = useMemo(() => {
    if (baseline === null) return null;
    const after = liveTransactionsAfter(live, baseline);
    const rows: TransactionRow[] = [];
    let undecided = 0;
    for (const row of after.rows) {
      const verdict = transactionFilterVerdict(row, applied);
      if (verdict === 'match') rows.push(row);
      else if (verdict === 'unknown') undecided += 1;
    }
    return { complete: after.complete, rows, undecided };
  }, [live, baseline, applied]);
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

  // Live rows only the server can place: ask it again, at most once per interval (a timer that is
  // not restarted by each new row, so a busy wallet still gets its answer).
  const undecided = liveOnTop?.undecided ?? 0;
  const undecidedTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (undecided === 0 || loading || error || undecidedTimer.current !== null) return;
    undecidedTimer.current = setTimeout(() => {
      undecidedTimer.current = null;
      refetch().catch(() => undefined);
    }, UNDECIDED_LIVE_REFETCH_DELAY_MS);
  }, [undecided, loading, error, refetch]);
  useEffect(
    () => () => {
      if (undecidedTimer.current !== null) clearTimeout(undecidedTimer.current);
    },
    [],
  );

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
    const verdicts = after.rows.map((row) => transactionFilterVerdict(row, applied));
    // Rows only the server can place make the count a lower bound ("2+").
    return { complete: after.complete && !verdicts.includes('unknown'), count: verdicts.filter((verdict) => verdict === 'match').length };
  }, [onNewestPage, seenThrough, live, applied]);

  const changeFilters = (next: TransactionFilterValues) => {
    setFilters(next);
    setCursors(NEWEST_PAGE);
    setSeenThrough(null);
  };

  const stale = (data === undefined && connection !== undefined) || needsRefetch;
  const body = (
    <TransactionHistoryBody
      datesValid={dateRange.valid}
      rows={connection === undefined ? undefined : rows}
      loading={loading}
      failed={error !== undefined}
      filtered={filtered}
      olderPage={hasNewerPage(cursors)}
      table={{ currency, stale, highlightedIds: newRowIds, rowDetails, rowLinks }}
    />
  );

  const endCursor = data?.wallet?.transactions.pageInfo.endCursor ?? null;
  return (
    <section className="card" aria-labelledby="transactions-heading">
      <div className="section-header">
        <h2 id="transactions-heading">Transactions</h2>
        <TransactionFilters
          value={filters}
          onChange={changeFilters}
          campaigns={campaigns}
          dateError={dateRange.valid ? null : { field: dateRange.field, message: dateRange.message }}
        />
        {dateRange.valid && toolbar?.(applied)}
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
            {arrivedElsewhere.count === 0 ? (
              // Only rows the server must place arrived: say so without guessing a number.
              <>New transactions that may match these filters arrived since you left the newest page.</>
            ) : (
              <>
                {arrivedElsewhere.complete ? arrivedElsewhere.count : `${arrivedElsewhere.count}+`} new{' '}
                {arrivedElsewhere.count === 1 && arrivedElsewhere.complete ? 'transaction' : 'transactions'}
                {filtered ? ' matching these filters' : ''} since you left the newest page.
              </>
            )}
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

/** The filters in force for the form's values and the range's instants. */
function appliedFiltersOf(filters: TransactionFilterValues, from: string | null, to: string | null): AppliedTransactionFilters {
  return { type: filters.type, kind: filters.kind, status: filters.status, from, to, campaignId: filters.campaignId };
}

/** Props of {@link TransactionHistoryBody}. */
export interface TransactionHistoryBodyProps {
  /** False while the date filters do not make a range: nothing is fetched. */
  datesValid: boolean;
  /** The rows to show; undefined before the first answer (or when the server answered `wallet: null`). */
  rows: TransactionRow[] | undefined;
  loading: boolean;
  /** True when the page failed (the error notice above says why). */
  failed: boolean;
  filtered: boolean;
  /** True on a page older than the newest. */
  olderPage: boolean;
  table: Omit<TransactionTableProps, 'rows'>;
}

/** What the list shows under its filters: the table, or why there is none (dates to fix, loading, none yet, none matching). Data-free. */
export function TransactionHistoryBody({ datesValid, rows, loading, failed, filtered, olderPage, table }: TransactionHistoryBodyProps) {
  if (!datesValid) return <p className="placeholder">Fix the dates to see transactions.</p>;
  if (rows === undefined) {
    if (loading) return <p className="placeholder">Loading transactions…</p>;
    // Without data and without an error the server answered `wallet: null`.
    return failed ? null : <p className="placeholder">This wallet is no longer available.</p>;
  }
  if (rows.length === 0) {
    return (
      <p className="placeholder">
        {filtered ? 'No transactions match these filters.' : olderPage ? 'No older transactions.' : 'No transactions yet.'}
      </p>
    );
  }
  return <TransactionTable rows={rows} {...table} />;
}
