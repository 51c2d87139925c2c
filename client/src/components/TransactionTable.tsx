import { Fragment, useId, useState, type ReactNode } from 'react';
import type { TransactionRowFieldsFragment as TransactionRow } from '../gql/graphql.js';
import { formatDateTime } from '../utils/date-time';
import { enumLabel } from '../utils/enum-label';
import { formatMoney, negateMoney } from '../utils/money';
import { graphql } from '../gql/index.js';

/**
 * The transaction fields {@link TransactionTable} shows, and `campaignId`, by which a row that
 * arrives live is placed under the history's campaign filter in the page; queries and the live
 * subscription that feed it spread this fragment.
 */
export const TRANSACTION_ROW_FIELDS = graphql(`
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
    campaignId
  }
`);

/** Props of {@link TransactionTable}. */
export interface TransactionTableProps {
  rows: TransactionRow[];
  /** The wallet's currency, which every amount is in. */
  currency: string;
  /** True while newer data is on its way: the rows are shown dimmed. */
  stale?: boolean;
  /** Ids of rows that just arrived live: shown with a brief highlight. */
  highlightedIds?: ReadonlySet<string>;
  /** More about some rows (a top-up's receipt), opened under the row by a button under its description; none without. */
  rowDetails?: TransactionRowDetails;
  /** Links shown under a row's description (a top-up's invoice, a refund's credit note), or null for none. */
  rowLinks?: (row: TransactionRow) => ReactNode;
}

/** What {@link TransactionTableProps.rowDetails} shows under a row. */
export interface TransactionRowDetails {
  /** Whether the row has details: the others get no button. */
  hasDetails: (row: TransactionRow) => boolean;
  /** The button's text, e.g. "Receipt". */
  buttonLabel: string;
  /** The details of an opened row. */
  render: (row: TransactionRow) => ReactNode;
}

/** Columns of the table: a row's details span them all. */
const COLUMN_COUNT = 9;

/** A page of wallet transactions, newest first, with amounts signed by direction. */
export function TransactionTable({ rows, currency, stale = false, highlightedIds, rowDetails, rowLinks }: TransactionTableProps) {
  const detailsIdPrefix = useId();
  const [openIds, setOpenIds] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (id: string) =>
    setOpenIds((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <div className={stale ? 'table-scroll table-scroll--stale' : 'table-scroll'} aria-busy={stale}>
      <table className="transactions table--cards">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col" className="numeric">
              #
            </th>
            <th scope="col">Type</th>
            <th scope="col">Kind</th>
            <th scope="col">Description</th>
            <th scope="col" className="numeric">
              Amount
            </th>
            <th scope="col" className="numeric">
              Balance before
            </th>
            <th scope="col" className="numeric">
              Balance after
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const isDebit = row.type === 'DEBIT';
            const signedAmount = isDebit ? negateMoney(row.amount) : row.amount;
            const withDetails = rowDetails?.hasDetails(row) === true;
            const open = withDetails && openIds.has(row.id);
            const detailsId = `${detailsIdPrefix}-${row.id}`;
            const links = rowLinks?.(row) ?? null;
            return (
              <Fragment key={row.id}>
                <tr className={highlightedIds?.has(row.id) ? 'transactions__row--new' : undefined}>
                  <td className="nowrap" data-label="Date">
                    <time dateTime={row.createdAt} title={row.createdAt}>
                      {formatDateTime(row.createdAt)}
                    </time>
                  </td>
                  <td className="numeric" data-label="#">
                    {row.sequence}
                  </td>
                  <td data-label="Type">
                    <span className={`badge badge--${row.type.toLowerCase()}`}>{enumLabel(row.type)}</span>
                  </td>
                  <td className="nowrap" data-label="Kind">
                    {enumLabel(row.kind)}
                  </td>
                  <td className="description" data-label="Description">
                    {row.description}
                    {links !== null && <div className="transactions__row-links">{links}</div>}
                    {withDetails && (
                      <div>
                        <button
                          type="button"
                          className="button button--quiet transactions__details-toggle"
                          aria-expanded={open}
                          aria-controls={open ? detailsId : undefined}
                          onClick={() => toggle(row.id)}
                        >
                          {rowDetails!.buttonLabel}
                          <span aria-hidden="true">{open ? ' ▾' : ' ▸'}</span>
                        </button>
                      </div>
                    )}
                  </td>
                  <td className={`numeric amount table--cards__lead ${isDebit ? 'amount--debit' : 'amount--credit'}`} data-label="Amount">
                    {formatMoney(signedAmount, currency, { signDisplay: 'exceptZero' })}
                  </td>
                  <td className="numeric amount" data-label="Balance before">
                    {formatMoney(row.balanceBefore, currency)}
                  </td>
                  <td className="numeric amount" data-label="Balance after">
                    {formatMoney(row.balanceAfter, currency)}
                  </td>
                  <td data-label="Status">
                    <span className={`status status--${row.status.toLowerCase()}`}>{enumLabel(row.status)}</span>
                  </td>
                </tr>
                {open && (
                  <tr id={detailsId} className="transactions__details">
                    <td colSpan={COLUMN_COUNT} className="table--cards__full">
                      {rowDetails!.render(row)}
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
