import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction } from '../../database/sql.js';
import { BadUserInputError, InvalidStateError, NotFoundError } from '../../errors.js';
import { AlertKind } from '../alerts/alert-kinds.js';
import { requireRole, type Principal } from '../accounts/principal.js';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
import { Role } from '../accounts/role.js';
import { isUuid } from '../ids.js';
import { renewalAtMs } from '../numbers/renewal-date.js';
import type { ServiceDeps } from '../service-deps.js';
import { formatMoney, formatMoneyForPeople } from '../wallets/money.js';
import { publishSenderIdAlert } from './sender-id-alerts.js';
import { postSenderIdMonths, postSenderIdMonthsReversal } from './sender-id-postings.js';
import { SenderIdStatus, toSenderIdRecord, type SenderIdRecord } from './sender-id-record.js';
import { approvePending, rejectPending, selectSenderId, selectWalletCurrency } from './sender-ids.queries.js';

/** Roles that approve and reject sender IDs: support staff and the operator. */
export const SENDER_ID_REVIEW_ROLES = [Role.SUPPORT, Role.PLATFORM_ADMIN] as const;

/** What support decided. */
export interface SenderIdDecision {
  principal: Principal;
  senderIdId: string;
  approve: boolean;
  /** Why, in words the customer reads (mailed to them). */
  reason: string;
}

/**
 * Support's decision on a PENDING sender ID, with a reason the owner is mailed:
 * - reject: REJECTED, nothing charged;
 * - approve: the first month's fee (config `senderIdMonthlyMicros` of the wallet's currency) is
 *   debited under the sender ID's month-1 key, then it is APPROVED, renewing on the approval's day
 *   of the month. A wallet that cannot pay refuses the approval (INSUFFICIENT_FUNDS) and it stays
 *   PENDING. When it stopped being PENDING between the debit and the approval (the owner withdrew
 *   it), the debit is credited back.
 * Each decision raises SENDER_ID_APPROVED or SENDER_ID_REJECTED in its transaction.
 * @throws ForbiddenError unless SUPPORT or PLATFORM_ADMIN.
 * @throws NotFoundError for an unknown id.
 * @throws BadUserInputError (`reason`: empty or longer than `senderIdReasonLengthMax`).
 * @throws InvalidStateError unless PENDING.
 * @throws InsufficientFundsError when approving and the wallet cannot pay the first month (nothing changed).
 */
export async function decideSenderId(em: EntityManager, deps: ServiceDeps, options: SenderIdDecision): Promise<SenderIdRecord> {
  requireRole(options.principal, SENDER_ID_REVIEW_ROLES, options.approve ? 'approve sender IDs' : 'reject sender IDs');
  const reason = options.reason.trim();
  if (reason.length === 0 || reason.length > deps.config.senderIdReasonLengthMax) {
    throw new BadUserInputError('reason', `reason must be 1 to ${deps.config.senderIdReasonLengthMax} characters`);
  }
  if (!isUuid(options.senderIdId)) throw new NotFoundError('Sender ID', options.senderIdId);
  const found = await selectSenderId.maybeOne(em, { id: options.senderIdId, scope: null });
  if (!found) throw new NotFoundError('Sender ID', options.senderIdId);
  const sender = toSenderIdRecord(found);
  if (sender.status !== SenderIdStatus.PENDING) {
    throw new InvalidStateError(`Sender ID "${sender.sender}" is ${sender.status}: only a PENDING one can be decided`, {
      status: sender.status,
    });
  }
  const currency = (await selectWalletCurrency.one(em, { walletId: sender.walletId })).currency.trim();
  const nowMs = deps.clock.now();
  const decidedAt = new Date(nowMs).toISOString();
  const actor = options.principal.actor;
  if (!options.approve) {
    const rejected = await transaction(em, async (tx) => {
      const row = await rejectPending.maybeOne(tx, { id: sender.id, reason, decidedBy: actor, decidedAt });
      if (!row) return null;
      await recordAudit(tx, {
        principal: options.principal,
        accountId: sender.accountId,
        action: AuditAction.SENDER_ID_REJECTED,
        targetType: 'SENDER_ID',
        targetId: sender.id,
        before: { sender: sender.sender, status: 'PENDING' },
        after: { sender: sender.sender, status: 'REJECTED', reason },
      });
      await publishSenderIdAlert(tx, sender, {
        kind: AlertKind.SENDER_ID_REJECTED,
        currency,
        amountMicros: null,
        message: `The sender ID "${sender.sender}" was rejected: ${reason}`,
        dedupeKey: `SENDER_ID_REJECTED:${sender.id}`,
      });
      return row;
    });
    if (!rejected) throw notPending(sender);
    return toSenderIdRecord(rejected);
  }
  const monthlyMicros = deps.config.senderIdMonthlyMicros[currency];
  if (monthlyMicros === undefined) throw new InvalidStateError(`Sender IDs are not offered for ${currency} wallets`, { currency });
  if (monthlyMicros > 0n) await postSenderIdMonths(em, deps, sender, monthlyMicros, 1, 1, actor);
  const approved = await transaction(em, async (tx) => {
    const row = await approvePending.maybeOne(tx, {
      id: sender.id,
      reason,
      decidedBy: actor,
      decidedAt,
      monthlyMicros,
      renewsAt: new Date(renewalAtMs(nowMs, 1)).toISOString(),
    });
    if (!row) return null;
    await recordAudit(tx, {
      principal: options.principal,
      accountId: sender.accountId,
      action: AuditAction.SENDER_ID_APPROVED,
      targetType: 'SENDER_ID',
      targetId: sender.id,
      before: { sender: sender.sender, status: 'PENDING' },
      after: { sender: sender.sender, status: 'APPROVED', reason, monthlyFee: formatMoney(monthlyMicros) },
    });
    await publishSenderIdAlert(tx, sender, {
      kind: AlertKind.SENDER_ID_APPROVED,
      currency,
      amountMicros: monthlyMicros,
      message: `The sender ID "${sender.sender}" was approved: ${reason}. Its monthly fee of ${formatMoneyForPeople(monthlyMicros, currency, 'code')} is charged to the wallet, the first month now.`,
      dedupeKey: `SENDER_ID_APPROVED:${sender.id}`,
    });
    return row;
  });
  deps.committed();
  if (approved) return toSenderIdRecord(approved);
  const now = toSenderIdRecord(await selectSenderId.one(em, { id: sender.id, scope: null }));
  // Another approval of the same sender ID won with this very debit (its key replayed it): nothing to undo.
  if (now.status !== SenderIdStatus.PENDING && now.periodsPaid >= 1) throw notPending(now);
  if (monthlyMicros > 0n) await postSenderIdMonthsReversal(em, deps, sender, monthlyMicros, 1, 1, actor);
  deps.committed();
  throw notPending(now);
}

function notPending(sender: SenderIdRecord): InvalidStateError {
  return new InvalidStateError(`Sender ID "${sender.sender}" is no longer PENDING`, { status: sender.status });
}
