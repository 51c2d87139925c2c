import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../errors.js';
import { isUuid } from '../ids.js';
import { Account } from './account.entity.js';
import { ApiKey } from './api-key.entity.js';
import { canSee, requireRole, type Principal } from './principal.js';
import { Role } from './role.js';

/**
 * The account, if the principal may see it.
 * @throws NotFoundError when it does not exist or is another tenant's (indistinguishably).
 */
export async function findAccount(em: EntityManager, options: { principal: Principal; accountId: string }): Promise<Account> {
  const account = isUuid(options.accountId) ? await em.findOne(Account, { id: options.accountId }) : null;
  if (!account || !canSee(options.principal, account.id)) throw new NotFoundError('Account', options.accountId);
  return account;
}

/** Roles that may list an account's keys. */
export const LIST_API_KEYS_ROLES = [Role.OWNER, Role.SUPPORT, Role.PLATFORM_ADMIN] as const;

/**
 * The account's API keys, newest first, revoked ones included.
 * @throws ForbiddenError for CAMPAIGN_MANAGER and INTEGRATOR. @throws NotFoundError for a foreign account.
 */
export async function listApiKeys(em: EntityManager, options: { principal: Principal; accountId: string }): Promise<ApiKey[]> {
  requireRole(options.principal, LIST_API_KEYS_ROLES, "list an account's API keys");
  const account = await findAccount(em, options);
  return em.find(ApiKey, { accountId: account.id }, { orderBy: { createdAt: 'desc', id: 'asc' } });
}
