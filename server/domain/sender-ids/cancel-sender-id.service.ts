import type { EntityManager } from '@mikro-orm/postgresql';
import { SqlTransaction, transaction, type Db } from '../../database/sql.js';
import { InvalidStateError, NotFoundError } from '../../errors.js';
import { AlertKind } from '../alerts/alert-kinds.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
import { isUuid } from '../ids.js';
import type { ServiceDeps } from '../service-deps.js';
import { SENDER_ID_OWNER_ROLES } from './register-sender-id.service.js';
import { publishSenderIdAlert } from './sender-id-alerts.js';
import { toSenderIdRecord, type SenderIdRecord } from './sender-id-record.js';
import { cancelAccountSenderIds, cancelByCustomer, selectSenderId, selectWalletCurrency } from './sender-ids.queries.js';

/**
 * The owner gives a sender ID up: a PENDING one is withdrawn (CANCELLED_WHILE_PENDING), a live one
 * is CANCELLED at once (CANCELLED_BY_CUSTOMER), without refund of the month running. Raises
 * SENDER_ID_CANCELLED in the same transaction. One conditional statement, so it races safely with
 * an approval (which then credits its debit back) and with a renewal (likewise).
 * @throws ForbiddenError unless OWNER, INTEGRATOR or PLATFORM_ADMIN.
 * @throws NotFoundError for an unknown id or one of another tenant.
 * @throws InvalidStateError when it is REJECTED or already CANCELLED.
 */
export async function cancelSenderId(
  em: EntityManager,
  deps: ServiceDeps,
  options: { principal: Principal; senderIdId: string },
): Promise<SenderIdRecord> {
  requireRole(options.principal, SENDER_ID_OWNER_ROLES, 'cancel a sender ID');
  if (!isUuid(options.senderIdId)) throw new NotFoundError('Sender ID', options.senderIdId);
  const scope = tenantScope(options.principal);
  const row = await transaction(em, async (tx) => {
    const cancelled = await cancelByCustomer.maybeOne(tx, {
      id: options.senderIdId,
      scope,
      cancelledAt: new Date(deps.clock.now()).toISOString(),
    });
    if (!cancelled) return null;
    await recordAudit(tx, {
      principal: options.principal,
      accountId: cancelled.account_id,
      action: AuditAction.SENDER_ID_CANCELLED,
      targetType: 'SENDER_ID',
      targetId: cancelled.id,
      after: { sender: cancelled.sender, status: 'CANCELLED' },
    });
    const { currency } = await selectWalletCurrency.one(tx, { walletId: cancelled.wallet_id });
    await publishSenderIdAlert(
      tx,
      { accountId: cancelled.account_id, walletId: cancelled.wallet_id },
      {
        kind: AlertKind.SENDER_ID_CANCELLED,
        currency: currency.trim(),
        amountMicros: null,
        message: `The sender ID "${cancelled.sender}" was cancelled at the account's request; messages can no longer use it.`,
        dedupeKey: `SENDER_ID_CANCELLED:${cancelled.id}`,
      },
    );
    return cancelled;
  });
  if (row) return toSenderIdRecord(row);
  const found = await selectSenderId.maybeOne(em, { id: options.senderIdId, scope });
  if (!found) throw new NotFoundError('Sender ID', options.senderIdId);
  throw new InvalidStateError(`Sender ID "${found.sender}" is ${found.status}: only a pending or approved one can be cancelled`, {
    status: found.status,
  });
}

/**
 * Cancels (ACCOUNT_CLOSED) every pending or live sender ID of a closed account, each live one with
 * its SENDER_ID_CANCELLED alert; returns how many. Runs inside the caller's transaction when given one.
 */
export async function cancelSenderIdsOfAccount(db: Db, accountId: string, nowMs: number): Promise<number> {
  const inTransaction = <T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> =>
    db instanceof SqlTransaction ? work(db) : transaction(db, work);
  return inTransaction(async (tx) => {
    const rows = await cancelAccountSenderIds.all(tx, { accountId, cancelledAt: new Date(nowMs).toISOString() });
    for (const row of rows.filter((cancelled) => cancelled.was_live)) {
      const { currency } = await selectWalletCurrency.one(tx, { walletId: row.wallet_id });
      await publishSenderIdAlert(
        tx,
        { accountId, walletId: row.wallet_id },
        {
          kind: AlertKind.SENDER_ID_CANCELLED,
          currency: currency.trim(),
          amountMicros: null,
          message: `The sender ID "${row.sender}" was cancelled because its account was closed.`,
          dedupeKey: `SENDER_ID_CANCELLED:${row.id}`,
        },
      );
    }
    return rows.length;
  });
}
