/** How the dashboard words a sender ID's status (the owner's page, support's queue and account page). */
import { formatDateTime } from './date-time.js';

/** The fields of a sender ID the status words read. */
export interface SenderIdStatusFields {
  status: string;
  decisionReason?: string | null;
  renewsAt?: string | null;
  graceUntil?: string | null;
  cancelReason?: string | null;
}

/** Words for a status. */
export const SENDER_ID_STATUS_TEXT: Readonly<Record<string, string>> = Object.freeze({
  PENDING: 'Waiting for approval',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  GRACE: 'Grace',
  RENEWAL_OWED: 'Renewal owed',
  CANCELLED: 'Cancelled',
});

/** The status badge's class: `status status--<tone>` of the shared stylesheet. */
export function senderIdStatusClass(status: string): string {
  if (status === 'APPROVED') return 'status status--completed';
  if (status === 'GRACE' || status === 'REJECTED') return 'status status--failed';
  return 'status status--pending';
}

/** The line under the badge: the rejection's reason, when a grace ends, an owed renewal, why it was cancelled; null otherwise. */
export function senderIdStatusDetail(row: SenderIdStatusFields): string | null {
  if (row.status === 'REJECTED' && row.decisionReason) return `Reason: ${row.decisionReason}`;
  if (row.status === 'GRACE' && row.graceUntil)
    return `Renewal unpaid: cancelled on ${formatDateTime(row.graceUntil)} unless the wallet can pay before.`;
  if (row.status === 'RENEWAL_OWED') return 'Kept while the wallet is suspended; the renewal is paid first when it is funded.';
  if (row.status === 'CANCELLED' && row.cancelReason) return row.cancelReason.replaceAll('_', ' ').toLowerCase();
  return null;
}

/** The next renewal: its date, or since when it is owed or due; a dash when it does not renew. */
export function senderIdRenewalText(row: SenderIdStatusFields): string {
  if (!row.renewsAt) return '—';
  if (row.status === 'RENEWAL_OWED') return `Owed since ${formatDateTime(row.renewsAt)}`;
  if (row.status === 'GRACE') return `Due since ${formatDateTime(row.renewsAt)}`;
  return formatDateTime(row.renewsAt);
}
