import { Fragment, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ErrorLike } from '@apollo/client';
import type { TopUpHistoryFieldsFragment as TopUpHistoryItem } from '../../gql/graphql.js';
import type { TransactionRowFieldsFragment as TransactionRow } from '../../gql/graphql.js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TopUpReceipt } from '../../components/TopUpReceipt';
import { useWalletTopUps } from '../../hooks/useWalletTopUps';
import { cardLabel } from '../../utils/card-label';
import { formatDateTime } from '../../utils/date-time';
import { formatMoney } from '../../utils/money';
import { paymentIntentsMissingReceipts, topUpOriginLabel, topUpStatusLabel, topUpStatusTone } from '../../utils/top-up-history';

/** How many of the wallet's newest top-ups the Top up page lists. @default 10 */
export const RECENT_TOP_UPS_COUNT = 10;

/** Props of {@link RecentTopUpsView}. */
export interface RecentTopUpsViewProps {
  /** The newest top-ups, newest first; undefined before the first answer. */
  topUps: readonly TopUpHistoryItem[] | undefined;
  loading: boolean;
  error: ErrorLike | undefined;
  onRetry: () => void;
}

/**
 * The "Recent top-ups" card: the wallet's newest card payments with their status, who started them
 * (a person, auto-recharge or the monthly recharge) and, once they succeeded, their receipts.
 * Data-free: {@link RecentTopUps} feeds it.
 */
export function RecentTopUpsView({ topUps, loading, error, onRetry }: RecentTopUpsViewProps) {
  const headingId = useId();
  let body: ReactNode;
  if (topUps === undefined) {
    body = error ? null : <p className="placeholder">Loading top-ups…</p>;
  } else if (topUps.length === 0) {
    body = <p className="placeholder">No top-ups yet: card payments into this wallet show here with their receipts.</p>;
  } else {
    body = <TopUpTable topUps={topUps} />;
  }
  return (
    <section className="card recent-top-ups" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>Recent top-ups</h2>
        {loading && topUps !== undefined && (
          <span className="muted" role="status">
            Updating…
          </span>
        )}
      </div>
      {error && (
        <ErrorNotice error={error}>
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        </ErrorNotice>
      )}
      {body}
    </section>
  );
}

/** Columns of the top-ups table. */
const TOP_UP_COLUMN_COUNT = 8;

function TopUpTable({ topUps }: { topUps: readonly TopUpHistoryItem[] }) {
  const idPrefix = useId();
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <div className="table-scroll">
      <table className="transactions recent-top-ups__table table--cards">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col" className="numeric">
              Amount
            </th>
            <th scope="col" className="numeric">
              Tax
            </th>
            <th scope="col" className="numeric">
              Total
            </th>
            <th scope="col">Card</th>
            <th scope="col">Started by</th>
            <th scope="col">Status</th>
            <th scope="col">Receipt</th>
          </tr>
        </thead>
        <tbody>
          {topUps.map((topUp) => {
            const open = openId === topUp.id && topUp.receipt !== null;
            const detailsId = `${idPrefix}-${topUp.id}`;
            return (
              <Fragment key={topUp.id}>
                <tr>
                  <td className="nowrap" data-label="Date">
                    <time dateTime={topUp.createdAt} title={topUp.createdAt}>
                      {formatDateTime(topUp.createdAt)}
                    </time>
                  </td>
                  <td className="numeric amount" data-label="Amount">
                    {formatMoney(topUp.amount, topUp.currency)}
                  </td>
                  <td className="numeric amount" data-label="Tax">
                    {formatMoney(topUp.tax, topUp.currency)}
                  </td>
                  <td className="numeric amount table--cards__lead" data-label="Total">
                    {formatMoney(topUp.total, topUp.currency)}
                  </td>
                  <td className="nowrap" data-label="Card">
                    {topUp.cardBrand || topUp.cardLast4 ? cardLabel(topUp.cardBrand, topUp.cardLast4) : '—'}
                  </td>
                  <td className="nowrap" data-label="Started by">
                    {topUpOriginLabel(topUp.origin)}
                  </td>
                  <td data-label="Status">
                    <span className={`status status--${topUpStatusTone(topUp.status)}`}>{topUpStatusLabel(topUp.status)}</span>
                    {topUp.status === 'FAILED' && topUp.failureReason && (
                      <p className="muted recent-top-ups__reason">{topUp.failureReason}</p>
                    )}
                  </td>
                  <td className="nowrap" data-label="Receipt">
                    {topUp.receipt !== null ? (
                      <button
                        type="button"
                        className="button button--quiet"
                        aria-expanded={open}
                        aria-controls={open ? detailsId : undefined}
                        onClick={() => setOpenId(open ? null : topUp.id)}
                      >
                        {topUp.receipt.receiptNumber}
                      </button>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
                {open && topUp.receipt !== null && (
                  <tr id={detailsId} className="transactions__details">
                    <td colSpan={TOP_UP_COLUMN_COUNT} className="table--cards__full">
                      <div className="history-receipt">
                        <TopUpReceipt receipt={topUp.receipt} />
                      </div>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Props of {@link RecentTopUps}. */
export interface RecentTopUpsProps {
  walletId: string;
  /** The wallet's live transactions, newest first: a card credit the list does not know yet makes it fetch again. */
  liveRows: readonly TransactionRow[];
}

/**
 * The wallet's {@link RECENT_TOP_UPS_COUNT} newest top-ups. Top-ups are cached by id, so the one
 * the checkout beside it follows changes status here as it goes; a payment the list does not hold
 * yet (just made here, or by auto-recharge) is fetched when its credit arrives live, once per
 * payment. Failed attempts appear after Refresh.
 */
export function RecentTopUps({ walletId, liveRows }: RecentTopUpsProps) {
  const query = useWalletTopUps(walletId, RECENT_TOP_UPS_COUNT);
  const topUps = query.data?.wallet?.topUps;
  const asked = useRef(new Set<string>());
  const { refetch, loading } = query;
  useEffect(() => {
    if (topUps === undefined || loading) return;
    const missing = paymentIntentsMissingReceipts(liveRows, topUps).filter((paymentIntentId) => !asked.current.has(paymentIntentId));
    if (missing.length === 0) return;
    for (const paymentIntentId of missing) asked.current.add(paymentIntentId);
    refetch().catch(() => undefined);
  }, [liveRows, topUps, loading, refetch]);

  return <RecentTopUpsView topUps={topUps} loading={loading} error={query.error} onRetry={() => void refetch().catch(() => undefined)} />;
}
