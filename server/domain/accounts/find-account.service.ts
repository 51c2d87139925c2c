import type { Db } from '../../database/sql.js';
import { NotFoundError } from '../../errors.js';
import { isUuid } from '../ids.js';
import { toAccountRecord, toApiKeyRecord, type AccountRecord, type ApiKeyRecord } from './account-record.js';
import { selectAccount, selectAccountApiKeys, selectAccountLifecycle } from './accounts.queries.js';
import { canSee, requireRole, type Principal } from './principal.js';
import { Role } from './role.js';

/**
 * The account, if the principal may see it.
 * @throws NotFoundError when it does not exist or is another tenant's (indistinguishably).
 */
export async function findAccount(db: Db, options: { principal: Principal; accountId: string }): Promise<AccountRecord> {
  const row = isUuid(options.accountId) ? await selectAccount.maybeOne(db, { accountId: options.accountId }) : undefined;
  if (!row || !canSee(options.principal, row.id)) throw new NotFoundError('Account', options.accountId);
  return toAccountRecord(row);
}

/** An account's lifecycle state: ACTIVE, or CLOSED (since `closedAt`) after its wallets stayed suspended. */
export interface AccountLifecycle {
  status: string;
  closedAt: Date | null;
}

/** The lifecycle state of an account the caller has seen (no tenant check). */
export async function findAccountLifecycle(db: Db, accountId: string): Promise<AccountLifecycle> {
  const row = await selectAccountLifecycle.one(db, { accountId });
  return { status: row.status, closedAt: row.closed_at_ms === null ? null : new Date(row.closed_at_ms) };
}

/** Roles that may list an account's keys. */
export const LIST_API_KEYS_ROLES = [Role.OWNER, Role.SUPPORT, Role.PLATFORM_ADMIN] as const;

/**
 * The account's API keys, newest first, revoked ones included.
 * @throws ForbiddenError for CAMPAIGN_MANAGER and INTEGRATOR. @throws NotFoundError for a foreign account.
 */
export async function listApiKeys(db: Db, options: { principal: Principal; accountId: string }): Promise<ApiKeyRecord[]> {
  requireRole(options.principal, LIST_API_KEYS_ROLES, "list an account's API keys");
  const account = await findAccount(db, options);
  return (await selectAccountApiKeys.all(db, { accountId: account.id })).map(toApiKeyRecord);
}
