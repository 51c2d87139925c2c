import type { ReactNode } from 'react';
import { formatDateTime } from '../utils/date-time';
import { formatMoney } from '../utils/money';
import { SENDER_ID_STATUS_TEXT, senderIdRenewalText, senderIdStatusClass, senderIdStatusDetail } from '../utils/sender-id-status';
import './phone-cards-table.css';

/** The fields of a sender ID the table shows (more may be selected; those shown only when their column is on). */
export interface SenderIdTableRow {
  id: string;
  sender: string;
  status: string;
  monthlyFee?: string | null;
  decisionReason?: string | null;
  renewsAt?: string | null;
  graceUntil?: string | null;
  cancelReason?: string | null;
  createdAt: string;
}

/** Props of {@link SenderIdTable}. */
export interface SenderIdTableProps<Row extends SenderIdTableRow> {
  /** The table's accessible name. */
  label: string;
  rows: readonly Row[];
  /**
   * The currency of the monthly fee (the paying wallet's), or of each row; without it there is no fee
   * or renewal column (support's queue).
   */
  currency?: string | ((row: Row) => string);
  /** An account column (support's queue). */
  account?: (row: Row) => ReactNode;
  /** An "Applied" column with the date of the application. */
  applied?: boolean;
  /** The buttons of a row (last column, visually unlabelled); none when absent. */
  actions?: (row: Row) => ReactNode;
}

/**
 * Sender IDs as a table whose rows become cards on a phone, shared by the owner's Sender IDs page,
 * support's queue and the support console's account page: the sender ID heads the row, then
 * (optionally) the account, the status in words with its detail (rejection reason, grace end,
 * owed renewal, why cancelled), the monthly fee and the next renewal, (optionally) the application
 * date, and the row's buttons.
 */
export function SenderIdTable<Row extends SenderIdTableRow>({ label, rows, currency, account, applied, actions }: SenderIdTableProps<Row>) {
  return (
    <div className="table-scroll">
      <table className="transactions stack-table phone-cards-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Sender ID</th>
            {account && <th scope="col">Account</th>}
            <th scope="col">Status</th>
            {currency !== undefined && (
              <>
                <th scope="col" className="numeric">
                  Monthly
                </th>
                <th scope="col">Next renewal</th>
              </>
            )}
            {applied && <th scope="col">Applied</th>}
            {actions && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const detail = senderIdStatusDetail(row);
            return (
              <tr key={row.id}>
                <th scope="row" className="stack-table__title">
                  {row.sender}
                </th>
                {account && <td data-label="Account">{account(row)}</td>}
                <td data-label="Status">
                  <span className="cell-status">
                    <span className={senderIdStatusClass(row.status)}>{SENDER_ID_STATUS_TEXT[row.status] ?? row.status}</span>
                    {detail && <span className="cell-status__detail">{detail}</span>}
                  </span>
                </td>
                {currency !== undefined && (
                  <>
                    <td data-label="Monthly" className="numeric amount">
                      {row.monthlyFee ? formatMoney(row.monthlyFee, typeof currency === 'function' ? currency(row) : currency) : '—'}
                    </td>
                    <td data-label="Next renewal">{senderIdRenewalText(row)}</td>
                  </>
                )}
                {applied && <td data-label="Applied">{formatDateTime(row.createdAt)}</td>}
                {actions && <td className="stack-table__actions">{actions(row)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
