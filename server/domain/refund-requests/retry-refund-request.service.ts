import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidStateError, NotFoundError, RefundExceedsRefundableError } from '../../errors.js';
import { requireRole, type Principal } from '../accounts/principal.js';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
import { isUuid } from '../ids.js';
import type { PaymentsDeps } from '../payments/payments-deps.js';
import { refundableMicros, refundUnusedCredit } from '../payments/refund-unused-credit.service.js';
import { formatMoney } from '../wallets/money.js';
import { INTERNAL_IDEMPOTENCY_KEY_PREFIX } from '../wallets/validate-input.js';
import { DECIDE_REFUND_REQUEST_ROLES } from './approve-refund-request.service.js';
import { refundRequestAudit, RefundRequestStatus, toRefundRequest, type RefundRequest } from './refund-request-record.js';
import { countPendingCardRefunds, lockRefundRequest, markRefundRequestRetried, selectRefundRequest } from './refund-requests.queries.js';

/**
 * Platform staff retry a FAILED request: the credit that did not reach the card (`failedMicros`, back
 * in the wallet since the failure) is refunded again, exactly as at approval (`refundUnusedCredit`,
 * to the cards that paid, newest top-up first). In that refund's transaction, under the wallet's
 * lock and then the request's, the request is re-checked (still FAILED, at the same attempt) and
 * becomes APPROVED again with the new attempt's debit, and the audit log entry is written. The debit
 * carries the server's idempotency key of the request and attempt, so one attempt debits at most
 * once even if the status check were bypassed; two retries at once: the second waits for the
 * wallet's lock and then finds the request APPROVED (one refund). Card refunds use Stripe's
 * idempotency key of each refund, so a card is paid at most once per refund.
 *
 * When the card refund fails again, the request is FAILED again (a new REFUND_REQUEST_FAILED alert).
 * Refused while a card refund of the failed attempt is still waiting for the provider's answer,
 * and when the credit was spent meanwhile (REFUND_EXCEEDS_REFUNDABLE; the request stays FAILED).
 * @throws ForbiddenError, NotFoundError, InvalidStateError (not FAILED; a card refund still pending), RefundExceedsRefundableError, PaymentProviderError.
 */
export async function retryRefundRequest(
  em: EntityManager,
  deps: PaymentsDeps,
  options: { principal: Principal; id: string },
): Promise<RefundRequest> {
  const { principal } = options;
  requireRole(principal, DECIDE_REFUND_REQUEST_ROLES, 'retry refund requests');
  if (!isUuid(options.id)) throw new NotFoundError('RefundRequest', options.id);
  const found = await selectRefundRequest.maybeOne(em, { id: options.id, accountScope: null });
  if (!found) throw new NotFoundError('RefundRequest', options.id);
  const request = toRefundRequest(found);
  requireFailed(request);
  const amountMicros = request.failedMicros;
  if (amountMicros === null) throw new InvalidStateError('A FAILED refund request names the credit to refund again');
  await refundUnusedCredit(em, deps, {
    principal,
    walletId: request.walletId,
    amountMicros,
    reason: `refund request ${request.id} (retry ${request.attempts})`,
    idempotencyKey: null,
    serverIdempotencyKey: `${INTERNAL_IDEMPOTENCY_KEY_PREFIX}refund-request:${request.id}:attempt:${request.attempts + 1}`,
    afterLock: async (tx) => {
      const locked = toRefundRequest(await lockRefundRequest.one(tx, { id: request.id, accountScope: null }));
      requireFailed(locked);
      if (locked.attempts !== request.attempts || locked.failedMicros !== amountMicros) {
        throw new InvalidStateError('The refund request changed meanwhile: reload it and retry again', { status: locked.status });
      }
      const waiting = await countPendingCardRefunds.one(tx, { walletTransactionId: attemptOf(locked) });
      if (waiting.n > 0) {
        throw new InvalidStateError('A card refund of this request is still waiting for the payment provider: retry once it has answered', {
          status: locked.status,
        });
      }
      const refundable = await refundableMicros(tx, request.walletId);
      if (refundable < amountMicros) {
        throw new RefundExceedsRefundableError(
          `Only ${formatMoney(refundable)} ${request.currency} of unused paid credit is refundable now, the retry needs ${formatMoney(amountMicros)}: ` +
            'the credit was spent meanwhile',
          formatMoney(refundable),
          request.currency,
        );
      }
    },
    alsoIn: async (tx, refunded) => {
      await markRefundRequestRetried.one(tx, {
        id: request.id,
        attempts: request.attempts,
        walletTransactionId: refunded.walletTransactionId,
      });
      const retried = toRefundRequest(await selectRefundRequest.one(tx, { id: request.id, accountScope: null }));
      await recordAudit(tx, {
        principal,
        accountId: retried.accountId,
        action: AuditAction.REFUND_REQUEST_RETRIED,
        targetType: 'REFUND_REQUEST',
        targetId: retried.id,
        before: { ...refundRequestAudit(request), failureReason: request.failureReason, failed: formatMoney(amountMicros) },
        after: { ...refundRequestAudit(retried), attempts: retried.attempts, walletTransactionId: refunded.walletTransactionId },
      });
    },
  });
  return toRefundRequest(await selectRefundRequest.one(em, { id: request.id, accountScope: null }));
}

function requireFailed(request: RefundRequest): void {
  if (request.status !== RefundRequestStatus.FAILED) {
    throw new InvalidStateError(`Refund request "${request.id}" is ${request.status}: only a FAILED one is retried`, {
      status: request.status,
    });
  }
}

/** The latest attempt's debit: a FAILED request always has one. */
function attemptOf(request: RefundRequest): string {
  if (request.attemptTransactionId === null) throw new InvalidStateError('A FAILED refund request has a refund transaction');
  return request.attemptTransactionId;
}
