import type { TransactionRowFieldsFragment as TransactionRow } from '../../gql/graphql.js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TransactionTable } from '../../components/TransactionTable';
import { OverviewLink } from './OverviewLink';

/** Props of {@link RecentTransactionsCard}. */
export interface RecentTransactionsCardProps {
  /** Newest first; null while loading. */
  rows: readonly TransactionRow[] | null;
  currency: string;
  error: unknown;
  /** Ids of rows that just arrived live. */
  liveIds?: ReadonlySet<string>;
  onRetry: () => void;
  navigate: (path: string) => void;
}

/** The wallet's last few transactions and a link to all of them. */
export function RecentTransactionsCard({ rows, currency, error, liveIds, onRetry, navigate }: RecentTransactionsCardProps) {
  return (
    <section className="card" aria-labelledby="overview-recent-heading">
      <div className="section-header">
        <h2 id="overview-recent-heading">Recent transactions</h2>
        <OverviewLink path="/transactions" navigate={navigate}>
          All transactions
        </OverviewLink>
      </div>
      {error != null && (
        <ErrorNotice error={error}>
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        </ErrorNotice>
      )}
      {rows === null ? (
        error == null && <p className="placeholder">Loading transactions…</p>
      ) : rows.length === 0 ? (
        <p className="placeholder">No transactions yet.</p>
      ) : (
        <TransactionTable rows={[...rows]} currency={currency} highlightedIds={liveIds} />
      )}
    </section>
  );
}
