import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError, RefundExceedsRefundableError, RefundRequestNotPendingError } from '../../errors.js';
import { requireRole, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
import { isUuid } from '../ids.js';
import type { PaymentsDeps } from '../payments/payments-deps.js';
import { refundableMicros, refundUnusedCredit } from '../payments/refund-unused-credit.service.js';
import { formatMoney } from '../wallets/money.js';
import {
  publishRefundRequestAlert,
  queueRefundDecisionMail,
  refundRequestAudit,
  RefundRequestStatus,
  toRefundRequest,
  type RefundRequest,
} from './refund-request-record.js';
import { closeRefundRequest, lockRefundRequest, selectRefundRequest } from './refund-requests.queries.js';

/** Who decides refund requests: platform staff. */
export const DECIDE_REFUND_REQUEST_ROLES = [Role.SUPPORT, Role.PLATFORM_ADMIN] as const;

/**
 * Platform staff approve a PENDING request: its amount is refunded by the refund of unused credit
 * (`refundUnusedCredit`, to the cards that paid, newest top-up first) and, in that refund's
 * transaction, under the wallet's lock and then the request's, the request is claimed, re-checked
 * and closed APPROVED with the refund's transaction, the owners' mail and the alert are queued and
 * the audit log entry is written. Two approvals at once: the second waits for the wallet's lock and
 * then finds the request APPROVED (one refund).
 *
 * The amount is re-checked at approval: when the refundable credit shrank below it (spent
 * meanwhile), approval fails with REFUND_EXCEEDS_REFUNDABLE and changes nothing; the request stays
 * PENDING for staff to decline (or the owner to cancel and ask again for less). A partial refund
 * the owner did not ask for is never made.
 * @throws ForbiddenError, NotFoundError, RefundRequestNotPendingError, RefundExceedsRefundableError, PaymentProviderError.
 */
export async function approveRefundRequest(
  em: EntityManager,
  deps: PaymentsDeps,
  options: { principal: Principal; id: string },
): Promise<RefundRequest> {
  const { principal } = options;
  requireRole(principal, DECIDE_REFUND_REQUEST_ROLES, 'approve refund requests');
  if (!isUuid(options.id)) throw new NotFoundError('RefundRequest', options.id);
  const found = await selectRefundRequest.maybeOne(em, { id: options.id, accountScope: null });
  if (!found) throw new NotFoundError('RefundRequest', options.id);
  const request = toRefundRequest(found);
  if (request.status !== RefundRequestStatus.PENDING) throw new RefundRequestNotPendingError(request.id, request.status);
  await refundUnusedCredit(em, deps, {
    principal,
    walletId: request.walletId,
    amountMicros: request.amountMicros,
    reason: `refund request ${request.id}`,
    idempotencyKey: null,
    afterLock: async (tx) => {
      const locked = toRefundRequest(await lockRefundRequest.one(tx, { id: request.id, accountScope: null }));
      if (locked.status !== RefundRequestStatus.PENDING) throw new RefundRequestNotPendingError(locked.id, locked.status);
      const refundable = await refundableMicros(tx, request.walletId);
      if (refundable < request.amountMicros) {
        throw new RefundExceedsRefundableError(
          `Only ${formatMoney(refundable)} ${request.currency} of unused paid credit is refundable now, the request asks ${formatMoney(request.amountMicros)}: ` +
            'decline it, or the owner cancels it and asks again',
          formatMoney(refundable),
          request.currency,
        );
      }
    },
    alsoIn: async (tx, refunded) => {
      const nowMs = deps.clock.now();
      await closeRefundRequest.one(tx, {
        id: request.id,
        status: RefundRequestStatus.APPROVED,
        decidedBy: principal.actor,
        declineReason: null,
        walletTransactionId: refunded.walletTransactionId,
        nowMs,
      });
      const approved = toRefundRequest(await selectRefundRequest.one(tx, { id: request.id, accountScope: null }));
      await queueRefundDecisionMail(tx, deps.config, approved, RefundRequestStatus.APPROVED, null, nowMs);
      await publishRefundRequestAlert(tx, approved, RefundRequestStatus.APPROVED);
      await recordAudit(tx, {
        principal,
        accountId: approved.accountId,
        action: AuditAction.REFUND_REQUEST_APPROVED,
        targetType: 'REFUND_REQUEST',
        targetId: approved.id,
        before: refundRequestAudit(request),
        after: { ...refundRequestAudit(approved), walletTransactionId: refunded.walletTransactionId },
      });
    },
  });
  return toRefundRequest(await selectRefundRequest.one(em, { id: request.id, accountScope: null }));
}
