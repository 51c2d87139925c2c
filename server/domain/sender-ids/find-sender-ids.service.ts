import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { NotFoundError, SenderIdNotApprovedError } from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { afterCursorParams, validatePageSize } from '../campaigns/created-cursor.js';
import { isUuid } from '../ids.js';
import type { Db } from '../../database/sql.js';
import { SENDER_ID_REVIEW_ROLES } from './decide-sender-id.service.js';
import { isLive, SenderIdStatus, toSenderIdRecord, type SenderIdRecord } from './sender-id-record.js';
import { selectPendingSenderIds, selectSenderForMessage, selectSenderId, selectSenderIdsPage } from './sender-ids.queries.js';

/**
 * A sender ID the caller may see (its own account's; SUPPORT and PLATFORM_ADMIN any).
 * @throws NotFoundError for an unknown id or one of another tenant (indistinguishably).
 */
export async function findSenderId(em: EntityManager, principal: Principal, senderIdId: string): Promise<SenderIdRecord> {
  const row = isUuid(senderIdId) ? await selectSenderId.maybeOne(em, { id: senderIdId, scope: tenantScope(principal) }) : undefined;
  if (!row) throw new NotFoundError('Sender ID', senderIdId);
  return toSenderIdRecord(row);
}

/**
 * The caller's sender IDs (every tenant's for SUPPORT and PLATFORM_ADMIN, or one account's with
 * `accountId`: the support console's account page), newest first, one page.
 * @throws BadUserInputError (`first`, `after`), NotFoundError (`accountId` of another tenant, or not an id).
 */
export async function listSenderIds(
  em: EntityManager,
  options: {
    principal: Principal;
    /** Only this account's (a tenant's own is always applied: another account is NOT_FOUND). */
    accountId?: string | null;
    status?: SenderIdStatus | null;
    first?: number | null;
    after?: string | null;
    limits: Pick<Config, 'callsPageSizeMax' | 'callsPageSizeDefault'>;
  },
): Promise<{ senderIds: SenderIdRecord[]; hasNextPage: boolean }> {
  const first = validatePageSize(options.first, options.limits);
  const tenant = tenantScope(options.principal);
  const accountId = options.accountId ?? null;
  if (accountId !== null && (!isUuid(accountId) || (tenant !== null && accountId.toLowerCase() !== tenant))) {
    throw new NotFoundError('Account', accountId);
  }
  const rows = await selectSenderIdsPage.all(em, {
    scope: tenant ?? accountId?.toLowerCase() ?? null,
    status: options.status ?? null,
    ...afterCursorParams(options.after),
    limit: first + 1,
  });
  return { senderIds: rows.slice(0, first).map(toSenderIdRecord), hasNextPage: rows.length > first };
}

/**
 * Support's queue: PENDING sender IDs of every tenant, oldest first (at most `limit`), each with its account's name.
 * @throws ForbiddenError unless SUPPORT or PLATFORM_ADMIN.
 */
export async function listPendingSenderIds(
  em: EntityManager,
  options: { principal: Principal; limit: number },
): Promise<{ senderId: SenderIdRecord; accountName: string }[]> {
  requireRole(options.principal, SENDER_ID_REVIEW_ROLES, 'review sender IDs');
  const rows = await selectPendingSenderIds.all(em, { limit: options.limit });
  return rows.map((row) => ({ senderId: toSenderIdRecord(row), accountName: row.account_name }));
}

/**
 * Messages from an alphanumeric sender ID need it approved (and paid) for the account: APPROVED,
 * in GRACE, or kept with its renewal owed.
 * @throws SenderIdNotApprovedError otherwise (NOT_REGISTERED, PENDING, REJECTED or CANCELLED).
 */
export async function requireApprovedSenderId(db: Db, accountId: string, sender: string): Promise<void> {
  const row = await selectSenderForMessage.maybeOne(db, { accountId, sender });
  if (!row) throw new SenderIdNotApprovedError(sender, 'NOT_REGISTERED');
  if (isLive(row.status)) return;
  const status = row.status === SenderIdStatus.PENDING || row.status === SenderIdStatus.REJECTED ? row.status : 'CANCELLED';
  throw new SenderIdNotApprovedError(sender, status);
}
