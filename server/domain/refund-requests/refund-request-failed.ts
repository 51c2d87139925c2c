/**
 * What a failed card refund does to the refund request it paid, if any. Called by the payments
 * domain in the transaction that restores the failed refund's credit, so the request is FAILED
 * exactly when that credit is back in the wallet. Imports nothing of the payments domain.
 */
import type { Config } from '../../config.js';
import type { SqlTransaction } from '../../database/sql.js';
import { publishRefundRequestAlert, queueRefundDecisionMail, RefundRequestStatus, toRefundRequest } from './refund-request-record.js';
import { addRefundRequestFailure, lockRequestOfAttempt, markRefundRequestFailed, selectRefundRequest } from './refund-requests.queries.js';

/** Longest failure reason kept on a request, in characters (the column's CHECK). */
const FAILURE_REASON_LENGTH_MAX = 500;

/**
 * A card refund of `amountMicros` that was part of the REFUND debit `walletTransactionId` failed with
 * the provider's `reason`, and its credit was restored in `tx`. When that debit is the latest attempt
 * of a refund request: an APPROVED request becomes FAILED (the owner is mailed, platform staff get
 * REFUND_REQUEST_FAILED in their feed); a request already FAILED by another card of the same attempt
 * adds this credit to what a retry refunds. A refund not made for a request changes nothing.
 */
export async function recordRefundRequestFailure(
  tx: SqlTransaction,
  config: Pick<Config, 'mailRecipientsPerNotificationMax'>,
  options: { walletTransactionId: string; amountMicros: bigint; reason: string; nowMs: number },
): Promise<void> {
  const row = await lockRequestOfAttempt.maybeOne(tx, { walletTransactionId: options.walletTransactionId });
  if (!row) return;
  const request = toRefundRequest(row);
  const failureReason = options.reason.trim().slice(0, FAILURE_REASON_LENGTH_MAX) || 'unknown';
  if (request.status === RefundRequestStatus.FAILED) {
    await addRefundRequestFailure.one(tx, { id: request.id, failureReason, failedMicros: options.amountMicros });
    return;
  }
  if (request.status !== RefundRequestStatus.APPROVED) return;
  await markRefundRequestFailed.one(tx, { id: request.id, failureReason, failedMicros: options.amountMicros, nowMs: options.nowMs });
  const failed = toRefundRequest(await selectRefundRequest.one(tx, { id: request.id, accountScope: null }));
  await queueRefundDecisionMail(tx, config, failed, RefundRequestStatus.FAILED, null, options.nowMs);
  await publishRefundRequestAlert(tx, failed, RefundRequestStatus.FAILED);
}
