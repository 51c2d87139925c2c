import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { transaction } from '../../database/sql.js';
import { BadUserInputError, InvalidStateError, NotFoundError } from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
import { isUuid } from '../ids.js';
import { refundableMicros } from '../payments/refund-unused-credit.service.js';
import { MICROS_PER_MINOR_UNIT } from '../payments/stripe-amount.js';
import { formatMoney } from '../wallets/money.js';
import { validateText } from '../wallets/validate-input.js';
import {
  publishRefundRequestAlert,
  refundRequestAudit,
  RefundRequestStatus,
  toRefundRequest,
  type RefundRequest,
} from './refund-request-record.js';
import { insertRefundRequest, lockRequestWallet, selectPendingOfWallet, selectRefundRequest } from './refund-requests.queries.js';

/** Who may ask for a refund: the account's OWNERs (PLATFORM_ADMIN on their behalf). */
export const REQUEST_REFUND_ROLES = [Role.OWNER, Role.PLATFORM_ADMIN] as const;

/** Options of {@link requestRefund}. */
export interface RequestRefundOptions {
  principal: Principal;
  walletId: string;
  /** Credit to refund, in micros: positive, whole cents, at most what is refundable now. */
  amountMicros: bigint;
  /** Why, optional. */
  reason: string | null;
  nowMs: number;
  limits: Pick<Config, 'refundRequestReasonLengthMax'>;
}

/**
 * An owner asks for a refund of unused paid credit. The amount is checked against what is
 * refundable (the rule of `refundableMicros`) under the wallet's lock; at most one request per
 * wallet is PENDING (a partial unique index is the pair). The request, its alert (platform staff's
 * queue, the webhooks) and its audit log entry are one transaction. Nothing is taken from the
 * wallet until staff approve.
 * @throws ForbiddenError, NotFoundError (wallet), BadUserInputError (`amount`, `reason`), InvalidStateError (a request is open already).
 */
export async function requestRefund(em: EntityManager, options: RequestRefundOptions): Promise<RefundRequest> {
  const { principal } = options;
  requireRole(principal, REQUEST_REFUND_ROLES, 'request a refund');
  if (!isUuid(options.walletId)) throw new NotFoundError('Wallet', options.walletId);
  const reason =
    options.reason == null || options.reason.trim() === ''
      ? null
      : validateText('reason', options.reason, options.limits.refundRequestReasonLengthMax);
  if (options.amountMicros <= 0n) throw new BadUserInputError('amount', 'amount must be positive');
  if (options.amountMicros % MICROS_PER_MINOR_UNIT !== 0n) {
    throw new BadUserInputError('amount', 'amount must be a whole number of cents (it goes back to a card)');
  }
  const walletId = options.walletId.toLowerCase();
  const id = randomUUID();
  return transaction(em, async (tx) => {
    const wallet = await lockRequestWallet.maybeOne(tx, { walletId, accountScope: tenantScope(principal) });
    if (!wallet) throw new NotFoundError('Wallet', options.walletId);
    const open = await selectPendingOfWallet.maybeOne(tx, { walletId });
    if (open)
      throw new InvalidStateError('A refund request is already open for this wallet: cancel it first', { refundRequestId: open.id });
    const refundable = await refundableMicros(tx, walletId);
    if (options.amountMicros > refundable) {
      throw new BadUserInputError(
        'amount',
        `At most ${formatMoney(refundable)} ${wallet.currency.trim()} of unused paid credit is refundable, asked ${formatMoney(options.amountMicros)}`,
      );
    }
    await insertRefundRequest.one(tx, {
      id,
      accountId: wallet.account_id,
      walletId,
      amountMicros: options.amountMicros,
      reason,
      requestedBy: principal.actor,
      nowMs: options.nowMs,
    });
    const request = toRefundRequest(await selectRefundRequest.one(tx, { id, accountScope: null }));
    await publishRefundRequestAlert(tx, request, RefundRequestStatus.PENDING);
    await recordAudit(tx, {
      principal,
      accountId: request.accountId,
      action: AuditAction.REFUND_REQUESTED,
      targetType: 'REFUND_REQUEST',
      targetId: request.id,
      after: { ...refundRequestAudit(request), reason, refundable: formatMoney(refundable) },
    });
    return request;
  });
}
