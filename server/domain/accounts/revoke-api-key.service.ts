import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../errors.js';
import { isUuid } from '../ids.js';
import { ApiKey } from './api-key.entity.js';
import type { CredentialCache } from './credential-cache.js';
import { requireRole, tenantScope, type Principal } from './principal.js';
import { Role } from './role.js';

/** Roles that may revoke keys: OWNER on its own account, PLATFORM_ADMIN any key. */
export const REVOKE_API_KEY_ROLES = [Role.OWNER, Role.PLATFORM_ADMIN] as const;

/**
 * Revokes an API key at once: the next request with it is UNAUTHENTICATED. Revoking a revoked
 * key is a no-op that returns it unchanged (its first revocation time stays).
 * @throws ForbiddenError, NotFoundError (unknown key, or another tenant's, or a platform key for an OWNER).
 */
export async function revokeApiKey(
  em: EntityManager,
  options: { principal: Principal; id: string; credentialCache?: CredentialCache },
): Promise<ApiKey> {
  const { principal } = options;
  requireRole(principal, REVOKE_API_KEY_ROLES, 'revoke API keys');
  const scope = tenantScope(principal);
  const key = isUuid(options.id) ? await em.findOne(ApiKey, { id: options.id }) : null;
  if (!key || (scope !== null && key.accountId !== scope)) throw new NotFoundError('API key', options.id);
  if (key.revokedAt === null) {
    key.revokedAt = new Date();
    await em.flush();
  }
  options.credentialCache?.forget(key.keyHash);
  return key;
}
