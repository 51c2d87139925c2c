import type { ReactNode } from 'react';
import { formatDateTime } from '../utils/date-time';
import { formatMoney } from '../utils/money';
import {
  REFUND_REQUEST_STATUS_TEXT,
  refundFailureText,
  refundRequestStatusClass,
  type RefundRequestStatusFields,
} from '../utils/refund-request-status';
import './phone-cards-table.css';

/** The fields of a refund request the table shows. */
export interface RefundRequestTableRow extends RefundRequestStatusFields {
  id: string;
  amount: string;
  reason?: string | null;
  declineReason?: string | null;
  createdAt: string;
}

/** Props of {@link RefundRequestTable}. */
export interface RefundRequestTableProps<Row extends RefundRequestTableRow> {
  /** The table's accessible name. */
  label: string;
  requests: readonly Row[];
  /** A first column naming the account (support's queue); absent: no such column (the owner's own). */
  account?: (request: Row) => ReactNode;
  /** More under the date asked (who asked, for support). */
  askedBy?: (request: Row) => ReactNode;
  /** The last column: what may be done with the request now (buttons), or how it was decided. */
  actions?: (request: Row) => ReactNode;
  /** The last column's heading. @default 'Decision' */
  actionsLabel?: string;
}

/**
 * Refund requests as a table whose rows become cards on a phone, shared by the owner's Billing card
 * and support's queue: when asked, the amount, the status in words (a failed refund with what did
 * not reach the card and why, a decided one with when), the note (the owner's reason, support's
 * reason for declining), and optionally the account and an actions column.
 */
export function RefundRequestTable<Row extends RefundRequestTableRow>({
  label,
  requests,
  account,
  askedBy,
  actions,
  actionsLabel = 'Decision',
}: RefundRequestTableProps<Row>) {
  return (
    <div className="table-scroll">
      <table className="transactions stack-table phone-cards-table refund-request-table" aria-label={label}>
        <thead>
          <tr>
            {account && <th scope="col">Account</th>}
            <th scope="col">Asked</th>
            <th scope="col" className="numeric">
              Amount
            </th>
            <th scope="col">Status</th>
            <th scope="col">Note</th>
            {actions && <th scope="col">{actionsLabel}</th>}
          </tr>
        </thead>
        <tbody>
          {requests.map((request) => {
            const failure = refundFailureText(request, formatMoney);
            return (
              <tr key={request.id}>
                {account && <td data-label="Account">{account(request)}</td>}
                <td data-label="Asked">
                  {formatDateTime(request.createdAt)}
                  {askedBy && (
                    <>
                      <br />
                      <span className="muted">{askedBy(request)}</span>
                    </>
                  )}
                </td>
                <td data-label="Amount" className="amount numeric">
                  {formatMoney(request.amount, request.currency)}
                </td>
                <td data-label="Status">
                  <span className="cell-status">
                    <span className={refundRequestStatusClass(request.status)}>
                      {REFUND_REQUEST_STATUS_TEXT[request.status] ?? request.status}
                    </span>
                    {failure !== null ? (
                      <span className="cell-status__detail">{failure}</span>
                    ) : (
                      request.decidedAt && <span className="cell-status__detail">{formatDateTime(request.decidedAt)}</span>
                    )}
                  </span>
                </td>
                <td data-label="Note">{noteOf(request)}</td>
                {actions && <td className="stack-table__actions">{actions(request)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function noteOf(request: RefundRequestTableRow): string {
  if (request.declineReason) return request.reason ? `${request.reason} · declined: ${request.declineReason}` : request.declineReason;
  return request.reason ?? '—';
}
