import type { Db } from '../../database/sql.js';
import { NotFoundError } from '../../errors.js';
import { isUuid } from '../ids.js';
import { toApiKeyRecord, type ApiKeyRecord } from './account-record.js';
import { revokeApiKeyRow, selectApiKey } from './accounts.queries.js';
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
  db: Db,
  options: { principal: Principal; id: string; credentialCache?: CredentialCache },
): Promise<ApiKeyRecord> {
  const { principal } = options;
  requireRole(principal, REVOKE_API_KEY_ROLES, 'revoke API keys');
  const scope = tenantScope(principal);
  const found = isUuid(options.id) ? await selectApiKey.maybeOne(db, { id: options.id }) : undefined;
  if (!found || (scope !== null && found.account_id !== scope)) throw new NotFoundError('API key', options.id);
  const key = toApiKeyRecord(found.revoked_at_ms === null ? await revokeApiKeyRow.one(db, { id: found.id, revokedAt: new Date() }) : found);
  options.credentialCache?.forget(key.keyHash);
  return key;
}
