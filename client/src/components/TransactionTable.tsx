import { gql } from '@apollo/client';
import type { TransactionRow } from '../apollo/types';
import { formatDateTime } from '../utils/date-time';
import { enumLabel } from '../utils/enum-label';
import { formatMoney, negateMoney } from '../utils/money';

/** The transaction fields {@link TransactionTable} shows; queries that feed it spread this fragment. */
export const TRANSACTION_ROW_FIELDS = gql`
  fragment TransactionRowFields on Transaction {
    id
    sequence
    type
    kind
    amount
    balanceBefore
    balanceAfter
    description
    status
    paymentIntentId
    createdAt
  }
`;

/** Props of {@link TransactionTable}. */
export interface TransactionTableProps {
  rows: TransactionRow[];
  /** The wallet's currency, which every amount is in. */
  currency: string;
  /** True while newer data is on its way: the rows are shown dimmed. */
  stale?: boolean;
  /** Ids of rows that just arrived live: shown with a brief highlight. */
  highlightedIds?: ReadonlySet<string>;
}

/** A page of wallet transactions, newest first, with amounts signed by direction. */
export function TransactionTable({ rows, currency, stale = false, highlightedIds }: TransactionTableProps) {
  return (
    <div className={stale ? 'table-scroll table-scroll--stale' : 'table-scroll'} aria-busy={stale}>
      <table className="transactions">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col" className="numeric">#</th>
            <th scope="col">Type</th>
            <th scope="col">Kind</th>
            <th scope="col">Description</th>
            <th scope="col" className="numeric">Amount</th>
            <th scope="col" className="numeric">Balance before</th>
            <th scope="col" className="numeric">Balance after</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const isDebit = row.type === 'DEBIT';
            const signedAmount = isDebit ? negateMoney(row.amount) : row.amount;
            return (
              <tr key={row.id} className={highlightedIds?.has(row.id) ? 'transactions__row--new' : undefined}>
                <td className="nowrap">
                  <time dateTime={row.createdAt} title={row.createdAt}>
                    {formatDateTime(row.createdAt)}
                  </time>
                </td>
                <td className="numeric">{row.sequence}</td>
                <td>
                  <span className={`badge badge--${row.type.toLowerCase()}`}>{enumLabel(row.type)}</span>
                </td>
                <td className="nowrap">{enumLabel(row.kind)}</td>
                <td className="description">{row.description}</td>
                <td className={`numeric amount ${isDebit ? 'amount--debit' : 'amount--credit'}`}>
                  {formatMoney(signedAmount, currency, { signDisplay: 'exceptZero' })}
                </td>
                <td className="numeric amount">{formatMoney(row.balanceBefore, currency)}</td>
                <td className="numeric amount">{formatMoney(row.balanceAfter, currency)}</td>
                <td>
                  <span className={`status status--${row.status.toLowerCase()}`}>{enumLabel(row.status)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
