/** How the dashboard words a refund request's status (the owner's Billing card and support's queue). */

/** The fields of a refund request the status words read. */
export interface RefundRequestStatusFields {
  status: string;
  currency: string;
  decidedAt?: string | null;
  failureReason?: string | null;
  failedAmount?: string | null;
  failedAt?: string | null;
}

/** Words for each status. */
export const REFUND_REQUEST_STATUS_TEXT: Readonly<Record<string, string>> = Object.freeze({
  PENDING: 'Pending',
  APPROVED: 'Approved',
  DECLINED: 'Declined',
  CANCELLED: 'Cancelled',
  FAILED: 'Refund failed',
});

/** The status badge's class: `status status--<tone>` of the shared stylesheet. */
export function refundRequestStatusClass(status: string): string {
  if (status === 'APPROVED') return 'status status--completed';
  if (status === 'FAILED' || status === 'DECLINED') return 'status status--failed';
  if (status === 'CANCELLED') return 'status';
  return 'status status--pending';
}

/** The provider's reason code in words ("expired_or_canceled_card" → "expired or canceled card"). */
export function providerReasonText(reason: string): string {
  return reason.replaceAll('_', ' ');
}

/** The line under a FAILED request's badge: what did not reach the card and why; null otherwise. */
export function refundFailureText(
  request: RefundRequestStatusFields,
  formatAmount: (amount: string, currency: string) => string,
): string | null {
  if (request.status !== 'FAILED') return null;
  const amount = request.failedAmount ? formatAmount(request.failedAmount, request.currency) : 'The refund';
  return `${amount} could not be paid to the card (${providerReasonText(request.failureReason ?? 'unknown')}); the credit is back in the wallet.`;
}
