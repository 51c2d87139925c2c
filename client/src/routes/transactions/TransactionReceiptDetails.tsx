import { useEffect, useRef } from 'react';
import type { ErrorLike } from '@apollo/client';
import type { TopUpHistoryFieldsFragment as TopUpHistoryItem } from '../../gql/graphql.js';
import type { TransactionRowFieldsFragment as TransactionRow } from '../../gql/graphql.js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TopUpReceipt } from '../../components/TopUpReceipt';
import { cardLabel } from '../../utils/card-label';
import { formatMoney } from '../../utils/money';
import { topUpStatusLabel } from '../../utils/top-up-history';

/** The wallet's top-ups as the receipts look them up. */
export interface TopUpLookup {
  /** The top-ups by PaymentIntent (utils/top-up-history.ts `topUpsByPaymentIntent`). */
  byPaymentIntent: ReadonlyMap<string, TopUpHistoryItem>;
  /** How many top-ups were asked for: a payment older than those is not found here. */
  listSize: number;
  loading: boolean;
  error: ErrorLike | undefined;
  /** Fetches the top-ups again (a payment newer than the list). */
  refetch: () => void;
}

/** What the details of a top-up's transaction show. */
export type ReceiptDetailsState =
  | { kind: 'receipt'; topUp: TopUpHistoryItem & { receipt: NonNullable<TopUpHistoryItem['receipt']> } }
  | { kind: 'no-receipt-yet'; topUp: TopUpHistoryItem }
  | { kind: 'loading' }
  | { kind: 'error'; error: ErrorLike; retry: () => void }
  | { kind: 'not-found'; listSize: number };

/** The state of the receipt of `row` (a card top-up's credit) in `lookup`. */
export function receiptDetailsState(
  row: Pick<TransactionRow, 'paymentIntentId'>,
  lookup: TopUpLookup,
  askedAgain: boolean,
): ReceiptDetailsState {
  const topUp = row.paymentIntentId === null ? undefined : lookup.byPaymentIntent.get(row.paymentIntentId);
  if (topUp?.receipt) return { kind: 'receipt', topUp: { ...topUp, receipt: topUp.receipt } };
  if (topUp !== undefined && askedAgain) return { kind: 'no-receipt-yet', topUp };
  if (lookup.error !== undefined && !lookup.loading) return { kind: 'error', error: lookup.error, retry: lookup.refetch };
  if (lookup.loading || !askedAgain) return { kind: 'loading' };
  return { kind: 'not-found', listSize: lookup.listSize };
}

/** Props of {@link ReceiptDetailsView}. */
export interface ReceiptDetailsViewProps {
  state: ReceiptDetailsState;
}

/** The receipt of a top-up's credit, opened under its row: receipt number, amount, tax, total, card and date, or why not. */
export function ReceiptDetailsView({ state }: ReceiptDetailsViewProps) {
  switch (state.kind) {
    case 'receipt':
      return (
        <div className="history-receipt">
          <TopUpReceipt receipt={state.topUp.receipt} />
        </div>
      );
    case 'no-receipt-yet':
      return (
        <p className="muted history-receipt__note" role="status">
          {formatMoney(state.topUp.total, state.topUp.currency)} with {cardLabel(state.topUp.cardBrand, state.topUp.cardLast4)}:{' '}
          {topUpStatusLabel(state.topUp.status).toLowerCase()}, no receipt yet. It is issued once the payment is confirmed.
        </p>
      );
    case 'loading':
      return (
        <p className="muted history-receipt__note" role="status">
          Loading the receipt…
        </p>
      );
    case 'error':
      return (
        <ErrorNotice error={state.error}>
          <button type="button" className="button" onClick={state.retry}>
            Try again
          </button>
        </ErrorNotice>
      );
    case 'not-found':
      return (
        <p className="muted history-receipt__note" role="status">
          This payment is older than the wallet’s {state.listSize} most recent top-ups, whose receipts are shown here.
        </p>
      );
  }
}

/** Props of {@link TransactionReceiptDetails}. */
export interface TransactionReceiptDetailsProps {
  row: TransactionRow;
  lookup: TopUpLookup;
}

/**
 * The receipt of one top-up's credit. When the wallet's list of top-ups does not have its receipt
 * (a payment made after the list was fetched), it fetches the list again, once, before saying so.
 */
export function TransactionReceiptDetails({ row, lookup }: TransactionReceiptDetailsProps) {
  const asked = useRef(false);
  const found = row.paymentIntentId !== null && lookup.byPaymentIntent.get(row.paymentIntentId)?.receipt != null;
  const { loading, refetch } = lookup;
  useEffect(() => {
    if (found || loading || asked.current) return;
    asked.current = true;
    refetch();
  }, [found, loading, refetch]);
  // Until the list came back once after asking, a missing receipt is still "loading".
  return <ReceiptDetailsView state={receiptDetailsState(row, lookup, asked.current && !loading)} />;
}
