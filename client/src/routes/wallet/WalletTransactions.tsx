import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import type { WalletTransactionsQuery, WalletTransactionsQueryVariables } from '../../apollo/types';
import { WALLET_SUMMARY_FIELDS } from '../../components/BalanceSummary';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Pager } from '../../components/Pager';
import { NO_TRANSACTION_FILTERS, TransactionFilters, type TransactionFilterValues } from '../../components/TransactionFilters';
import { TRANSACTION_ROW_FIELDS, TransactionTable } from '../../components/TransactionTable';
import { currentCursor, hasNewerPage, NEWEST_PAGE, newerPage, olderPage, pageNumber, type CursorStack } from '../../utils/cursor-stack';

/** Rows per page, within the server's 1..100 (transactionsPageSizeMax). */
export const TRANSACTIONS_PAGE_SIZE = 20;

/**
 * One page of a wallet's transactions. It also reads the wallet's balances, so the summary above
 * the table always matches the page shown (Apollo's cache updates the wallet everywhere by id).
 */
export const WALLET_TRANSACTIONS_QUERY: TypedDocumentNode<WalletTransactionsQuery, WalletTransactionsQueryVariables> = gql`
  query WalletTransactions($walletId: ID!, $first: Int!, $after: String, $type: TransactionType, $kind: TransactionKind) {
    wallet(id: $walletId) {
      ...WalletSummaryFields
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
  ${WALLET_SUMMARY_FIELDS}
  ${TRANSACTION_ROW_FIELDS}
`;

/** Props of {@link WalletTransactions}. Give it `key={walletId}` so another wallet starts on its newest page. */
export interface WalletTransactionsProps {
  walletId: string;
  currency: string;
}

/** The transaction list of one wallet: filters, table and a Newer/Older pager over cursors. */
export function WalletTransactions({ walletId, currency }: WalletTransactionsProps) {
  const [filters, setFilters] = useState<TransactionFilterValues>(NO_TRANSACTION_FILTERS);
  const [cursors, setCursors] = useState<CursorStack>(NEWEST_PAGE);
  const { data, previousData, loading, error } = useQuery(WALLET_TRANSACTIONS_QUERY, {
    variables: { walletId, first: TRANSACTIONS_PAGE_SIZE, after: currentCursor(cursors), type: filters.type, kind: filters.kind },
    // A page seen before shows at once from the cache and is checked again: pages come and go
    // while transactions are posted, and the balances above must match the page.
    fetchPolicy: 'cache-and-network',
  });

  // While another page or filter loads, keep the previous rows on screen, dimmed, rather than flashing "Loading".
  const shown = data ?? previousData;
  const connection = shown?.wallet?.transactions;
  const stale = data === undefined && connection !== undefined;
  const filtered = filters.type !== null || filters.kind !== null;

  const changeFilters = (next: TransactionFilterValues) => {
    setFilters(next);
    setCursors(NEWEST_PAGE);
  };

  let body: ReactNode = null;
  if (connection === undefined) {
    // Without data and without an error the server answered `wallet: null`.
    if (loading) body = <p className="placeholder">Loading transactions…</p>;
    else if (!error) body = <p className="placeholder">This wallet is no longer available.</p>;
  } else if (connection.edges.length === 0) {
    body = (
      <p className="placeholder">
        {filtered ? 'No transactions match these filters.' : hasNewerPage(cursors) ? 'No older transactions.' : 'No transactions yet.'}
      </p>
    );
  } else {
    body = <TransactionTable rows={connection.edges.map((edge) => edge.node)} currency={currency} stale={stale} />;
  }

  const endCursor = data?.wallet?.transactions.pageInfo.endCursor ?? null;
  return (
    <section className="card" aria-labelledby="transactions-heading">
      <div className="section-header">
        <h2 id="transactions-heading">Transactions</h2>
        <TransactionFilters value={filters} onChange={changeFilters} />
      </div>
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
        busy={data === undefined}
        onNewer={() => setCursors(newerPage(cursors))}
        onOlder={() => {
          if (endCursor !== null) setCursors(olderPage(cursors, endCursor));
        }}
      />
    </section>
  );
}
