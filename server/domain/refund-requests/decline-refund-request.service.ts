import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { transaction } from '../../database/sql.js';
import { NotFoundError, RefundRequestNotPendingError } from '../../errors.js';
import { requireRole, type Principal } from '../accounts/principal.js';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
import { isUuid } from '../ids.js';
import { validateText } from '../wallets/validate-input.js';
import { DECIDE_REFUND_REQUEST_ROLES } from './approve-refund-request.service.js';
import {
  publishRefundRequestAlert,
  queueRefundDecisionMail,
  refundRequestAudit,
  RefundRequestStatus,
  toRefundRequest,
  type RefundRequest,
} from './refund-request-record.js';
import { closeRefundRequest, lockRefundRequest, selectRefundRequest } from './refund-requests.queries.js';

/**
 * Platform staff decline a PENDING request with a reason (required: the owner is told it by mail).
 * The change, the mail, the alert and the audit log entry are one transaction under the request's lock.
 * @throws ForbiddenError, NotFoundError, BadUserInputError (`reason`), RefundRequestNotPendingError.
 */
export async function declineRefundRequest(
  em: EntityManager,
  config: Pick<Config, 'refundRequestReasonLengthMax' | 'mailRecipientsPerNotificationMax'>,
  options: { principal: Principal; id: string; reason: string; nowMs: number },
): Promise<RefundRequest> {
  const { principal } = options;
  requireRole(principal, DECIDE_REFUND_REQUEST_ROLES, 'decline refund requests');
  if (!isUuid(options.id)) throw new NotFoundError('RefundRequest', options.id);
  const reason = validateText('reason', options.reason, config.refundRequestReasonLengthMax);
  return transaction(em, async (tx) => {
    const row = await lockRefundRequest.maybeOne(tx, { id: options.id, accountScope: null });
    if (!row) throw new NotFoundError('RefundRequest', options.id);
    const request = toRefundRequest(row);
    if (request.status !== RefundRequestStatus.PENDING) throw new RefundRequestNotPendingError(request.id, request.status);
    await closeRefundRequest.one(tx, {
      id: request.id,
      status: RefundRequestStatus.DECLINED,
      decidedBy: principal.actor,
      declineReason: reason,
      walletTransactionId: null,
      nowMs: options.nowMs,
    });
    const declined = toRefundRequest(await selectRefundRequest.one(tx, { id: request.id, accountScope: null }));
    await queueRefundDecisionMail(tx, config, declined, RefundRequestStatus.DECLINED, reason, options.nowMs);
    await publishRefundRequestAlert(tx, declined, RefundRequestStatus.DECLINED);
    await recordAudit(tx, {
      principal,
      accountId: declined.accountId,
      action: AuditAction.REFUND_REQUEST_DECLINED,
      targetType: 'REFUND_REQUEST',
      targetId: declined.id,
      before: refundRequestAudit(request),
      after: { ...refundRequestAudit(declined), declineReason: reason },
    });
    return declined;
  });
}
