/** A customer's request of a refund of unused paid credit, and what every change of one writes besides itself. */
import type { Config } from '../../config.js';
import type { SqlTransaction } from '../../database/sql.js';
import { AlertKind } from '../alerts/alert-kinds.js';
import { publishAlertCause } from '../alerts/raise-alerts.service.js';
import type { ComposedMail } from '../mail/compose-mail.js';
import { formatMoney, formatMoneyForPeople } from '../wallets/money.js';
import { insertRefundRequestMail, selectRefundMailRecipients, type RefundRequestRow } from './refund-requests.queries.js';

/** Where a refund request stands. */
export enum RefundRequestStatus {
  /** Waiting for platform staff. */
  PENDING = 'PENDING',
  /** Refunded to the cards that paid (the refund's wallet transaction is `walletTransactionId`). */
  APPROVED = 'APPROVED',
  /** Refused by platform staff, with a reason. */
  DECLINED = 'DECLINED',
  /** Withdrawn by the owner while PENDING. */
  CANCELLED = 'CANCELLED',
  /**
   * Approved, but the card refund failed at the payment provider (`failureReason`): its credit is
   * back in the wallet. Nothing changes it on its own; platform staff retry it.
   */
  FAILED = 'FAILED',
}

/** One refund request. */
export interface RefundRequest {
  id: string;
  accountId: string;
  accountName: string;
  walletId: string;
  currency: string;
  amountMicros: bigint;
  /** The owner's reason, if given. */
  reason: string | null;
  status: RefundRequestStatus;
  /** Actor text of who asked. */
  requestedBy: string;
  /** Actor text of who approved, declined or cancelled it; null while PENDING. */
  decidedBy: string | null;
  declineReason: string | null;
  /** The approval's REFUND debit; null unless APPROVED or FAILED. */
  walletTransactionId: string | null;
  /** The payment provider's reason the card refund failed; null unless FAILED. */
  failureReason: string | null;
  /** Credit that did not reach the card (back in the wallet): what a retry refunds; null unless FAILED. */
  failedMicros: bigint | null;
  failedAt: Date | null;
  /** Refunds run for it: 1 at approval, one more per retry (0 before approval). */
  attempts: number;
  /** The latest attempt's REFUND debit (the approval's, or the last retry's); null before approval. */
  attemptTransactionId: string | null;
  createdAt: Date;
  decidedAt: Date | null;
}

/** The record of a {@link RefundRequestRow}. */
export function toRefundRequest(row: RefundRequestRow): RefundRequest {
  return {
    id: row.id,
    accountId: row.account_id,
    accountName: row.account_name,
    walletId: row.wallet_id,
    currency: row.currency.trim(),
    amountMicros: BigInt(row.amount_micros),
    reason: row.reason,
    status: row.status as RefundRequestStatus,
    requestedBy: row.requested_by,
    decidedBy: row.decided_by,
    declineReason: row.decline_reason,
    walletTransactionId: row.wallet_transaction_id,
    failureReason: row.failure_reason,
    failedMicros: row.failed_micros === null ? null : BigInt(row.failed_micros),
    failedAt: row.failed_at_ms === null ? null : new Date(row.failed_at_ms),
    attempts: row.wallet_transaction_id === null ? 0 : row.attempts,
    attemptTransactionId: row.attempt_transaction_id,
    createdAt: new Date(row.created_at_ms),
    decidedAt: row.decided_at_ms === null ? null : new Date(row.decided_at_ms),
  };
}

/** The audited fields of a request. */
export function refundRequestAudit(
  request: Pick<RefundRequest, 'status' | 'amountMicros' | 'currency' | 'walletId'>,
): Record<string, unknown> {
  return { status: request.status, amount: formatMoney(request.amountMicros), currency: request.currency, walletId: request.walletId };
}

/**
 * Raises the request's alert in the caller's transaction (through the alert outbox): REFUND_REQUESTED
 * when it is made (platform staff's queue and feed), REFUND_REQUEST_CLOSED when it is decided or
 * cancelled, REFUND_REQUEST_FAILED when its card refund failed (once per attempt). Webhook endpoints
 * subscribed to REFUND_REQUEST_UPDATED get any of them.
 */
export async function publishRefundRequestAlert(tx: SqlTransaction, request: RefundRequest, status: RefundRequestStatus): Promise<void> {
  const amount = formatMoneyForPeople(request.amountMicros, request.currency);
  const messages: Record<RefundRequestStatus, string> = {
    PENDING: `${request.accountName} asks for a refund of ${amount} of unused credit`,
    APPROVED: `Refund request of ${amount} approved: refunded to the card`,
    DECLINED: `Refund request of ${amount} declined`,
    CANCELLED: `Refund request of ${amount} cancelled by the owner`,
    // The request's amount, not what failed: a refund over several cards may fail card by card, each after this alert.
    FAILED: `Refund request of ${amount} from ${request.accountName}: the refund to the card failed (${request.failureReason ?? 'no reason given'}); the credit is back in the wallet, retry it from the refund requests`,
  };
  const kinds: Record<RefundRequestStatus, AlertKind> = {
    PENDING: AlertKind.REFUND_REQUESTED,
    APPROVED: AlertKind.REFUND_REQUEST_CLOSED,
    DECLINED: AlertKind.REFUND_REQUEST_CLOSED,
    CANCELLED: AlertKind.REFUND_REQUEST_CLOSED,
    FAILED: AlertKind.REFUND_REQUEST_FAILED,
  };
  await publishAlertCause(tx, request.accountId, {
    kind: kinds[status],
    walletId: request.walletId,
    currency: request.currency,
    amountMicros: request.amountMicros.toString(),
    message: messages[status].slice(0, 1000),
    // A retry that fails again is a new failure: the attempt is part of its key.
    dedupeKey:
      status === RefundRequestStatus.FAILED
        ? `refund-request:${request.id}:FAILED:${request.attempts}`
        : `refund-request:${request.id}:${status}`,
  });
}

/** The mail telling the owner how their request was decided, or that its card refund failed. */
export function composeRefundDecisionMail(request: RefundRequest, status: RefundRequestStatus, declineReason: string | null): ComposedMail {
  const amount = formatMoneyForPeople(request.amountMicros, request.currency);
  if (status === RefundRequestStatus.FAILED) {
    return {
      subject: `Your refund of ${amount} could not be paid to your card`,
      text:
        `Hello,\n\nYour request of a refund of ${amount} of unused credit on ${request.accountName} was approved, but the refund ` +
        `to your card failed at the payment provider (${request.failureReason ?? 'no reason given'}).\n\n` +
        'Nothing was taken for what could not be paid: that credit is back in your wallet. Our support team will retry the refund or ' +
        'contact you; if your card was closed or replaced, reply to this mail.\n\n-- \nSpendwire\n',
    };
  }
  const lines =
    status === RefundRequestStatus.APPROVED
      ? [
          `Your request of a refund of ${amount} of unused credit on ${request.accountName} was approved.`,
          'The amount has been taken from your wallet and goes back to the card(s) that paid for it; your bank usually shows it within 5 to 10 business days.',
        ]
      : [
          `Your request of a refund of ${amount} of unused credit on ${request.accountName} was declined.`,
          `The reason given: ${declineReason ?? '(none)'}`,
          'Your balance is unchanged. Reply to this mail or contact support if you have questions.',
        ];
  return {
    subject: `Your refund request of ${amount} was ${status === RefundRequestStatus.APPROVED ? 'approved' : 'declined'}`,
    text: `Hello,\n\n${lines.join('\n\n')}\n\n-- \nSpendwire\n`,
  };
}

/**
 * Queues the decision's (or the failure's) mail to the account's owners (or its billing e-mail) in the caller's
 * transaction; once per request, status and recipient (a second failure after a retry is not mailed again).
 */
export async function queueRefundDecisionMail(
  tx: SqlTransaction,
  config: Pick<Config, 'mailRecipientsPerNotificationMax'>,
  request: RefundRequest,
  status: RefundRequestStatus.APPROVED | RefundRequestStatus.DECLINED | RefundRequestStatus.FAILED,
  declineReason: string | null,
  nowMs: number,
): Promise<void> {
  const mail = composeRefundDecisionMail(request, status, declineReason);
  const recipients = await selectRefundMailRecipients.all(tx, {
    accountId: request.accountId,
    limit: config.mailRecipientsPerNotificationMax,
  });
  for (const recipient of recipients) {
    await insertRefundRequestMail.run(tx, {
      accountId: request.accountId,
      userId: recipient.user_id,
      recipient: recipient.email,
      subject: mail.subject,
      text: mail.text,
      refundRequestId: request.id,
      status,
      nowMs,
    });
  }
}
