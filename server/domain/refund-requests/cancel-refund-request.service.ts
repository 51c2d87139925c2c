import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction } from '../../database/sql.js';
import { NotFoundError, RefundRequestNotPendingError } from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
import { isUuid } from '../ids.js';
import {
  publishRefundRequestAlert,
  refundRequestAudit,
  RefundRequestStatus,
  toRefundRequest,
  type RefundRequest,
} from './refund-request-record.js';
import { closeRefundRequest, lockRefundRequest, selectRefundRequest } from './refund-requests.queries.js';
import { REQUEST_REFUND_ROLES } from './request-refund.service.js';

/**
 * The owner withdraws their PENDING request (no mail: they did it themselves). The change, its
 * alert and its audit log entry are one transaction under the request's lock.
 * @throws ForbiddenError, NotFoundError, RefundRequestNotPendingError.
 */
export async function cancelRefundRequest(
  em: EntityManager,
  options: { principal: Principal; id: string; nowMs: number },
): Promise<RefundRequest> {
  const { principal } = options;
  requireRole(principal, REQUEST_REFUND_ROLES, 'cancel a refund request');
  if (!isUuid(options.id)) throw new NotFoundError('RefundRequest', options.id);
  const scope = tenantScope(principal);
  return transaction(em, async (tx) => {
    const row = await lockRefundRequest.maybeOne(tx, { id: options.id, accountScope: scope });
    if (!row) throw new NotFoundError('RefundRequest', options.id);
    const request = toRefundRequest(row);
    if (request.status !== RefundRequestStatus.PENDING) throw new RefundRequestNotPendingError(request.id, request.status);
    await closeRefundRequest.one(tx, {
      id: request.id,
      status: RefundRequestStatus.CANCELLED,
      decidedBy: principal.actor,
      declineReason: null,
      walletTransactionId: null,
      nowMs: options.nowMs,
    });
    const cancelled = toRefundRequest(await selectRefundRequest.one(tx, { id: request.id, accountScope: null }));
    await publishRefundRequestAlert(tx, cancelled, RefundRequestStatus.CANCELLED);
    await recordAudit(tx, {
      principal,
      accountId: request.accountId,
      action: AuditAction.REFUND_REQUEST_CANCELLED,
      targetType: 'REFUND_REQUEST',
      targetId: request.id,
      before: refundRequestAudit(request),
      after: refundRequestAudit(cancelled),
    });
    return cancelled;
  });
}
