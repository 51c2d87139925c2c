import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction } from '../../database/sql.js';
import { assert, BadUserInputError, InvalidStateError, LimitExceededError } from '../../errors.js';
import { requireRole, type Principal } from '../accounts/principal.js';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
import { Role } from '../accounts/role.js';
import { isSenderId, SENDER_ID_LENGTH_MAX } from '../messaging/message-input.js';
import type { ServiceDeps } from '../service-deps.js';
import { findWallet } from '../wallets/find-wallet.service.js';
import { toSenderIdRecord, type SenderIdRecord } from './sender-id-record.js';
import { countLiveOrPendingSenderIds, insertSenderId, lockAccountForSenderIds } from './sender-ids.queries.js';

/** Roles that register and cancel sender IDs: the owner, an integrator's platform, and the operator. */
export const SENDER_ID_OWNER_ROLES = [Role.OWNER, Role.INTEGRATOR, Role.PLATFORM_ADMIN] as const;

/**
 * Applies for an alphanumeric sender ID paid from `walletId`: PENDING until support approves it
 * (then its monthly fee is charged) or rejects it. Nothing is charged now.
 * @throws ForbiddenError unless OWNER, INTEGRATOR or PLATFORM_ADMIN.
 * @throws NotFoundError for a wallet the caller cannot see.
 * @throws BadUserInputError (`sender`: not 1..11 letters, digits and spaces with a letter; `walletId`: no sender ID fee in its currency).
 * @throws LimitExceededError (`senderIdsPerAccountMax`) when the account already holds that many pending or live sender IDs.
 * @throws InvalidStateError when the account already has this sender ID pending or live, or the account is closed.
 */
export async function registerSenderId(
  em: EntityManager,
  deps: ServiceDeps,
  options: { principal: Principal; walletId: string; sender: string },
): Promise<SenderIdRecord> {
  requireRole(options.principal, SENDER_ID_OWNER_ROLES, 'register a sender ID');
  if (!isSenderId(options.sender)) {
    throw new BadUserInputError(
      'sender',
      `sender must be 1 to ${SENDER_ID_LENGTH_MAX} letters, digits and spaces with at least one letter, such as "ACME 24"`,
    );
  }
  const wallet = await findWallet(em, { principal: options.principal, walletId: options.walletId });
  const currency = wallet.currency.trim();
  if (deps.config.senderIdMonthlyMicros[currency] === undefined) {
    throw new BadUserInputError('walletId', `Sender IDs are not offered for ${currency} wallets`);
  }
  const max = deps.config.senderIdsPerAccountMax;
  const row = await transaction(em, async (tx) => {
    const account = await lockAccountForSenderIds.maybeOne(tx, { accountId: wallet.accountId });
    assert(account, 'a wallet belongs to an account');
    if (account.status !== 'ACTIVE')
      throw new InvalidStateError('The account is closed: it cannot register sender IDs', { status: account.status });
    const { n } = await countLiveOrPendingSenderIds.one(tx, { accountId: wallet.accountId });
    if (n >= max)
      throw new LimitExceededError(`An account may hold at most ${max} sender IDs (pending or approved)`, 'senderIdsPerAccountMax', max);
    const inserted = await insertSenderId.maybeOne(tx, {
      id: randomUUID(),
      accountId: wallet.accountId,
      walletId: wallet.id,
      sender: options.sender,
      createdAt: new Date(deps.clock.now()).toISOString(),
    });
    if (!inserted)
      throw new InvalidStateError(`Sender ID "${options.sender}" is already registered for this account`, { sender: options.sender });
    await recordAudit(tx, {
      principal: options.principal,
      accountId: wallet.accountId,
      action: AuditAction.SENDER_ID_REGISTERED,
      targetType: 'SENDER_ID',
      targetId: inserted.id,
      after: { sender: options.sender, walletId: wallet.id, status: 'PENDING' },
    });
    return inserted;
  });
  return toSenderIdRecord(row);
}
