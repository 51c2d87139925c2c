import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction } from '../../database/sql.js';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
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
  em: EntityManager,
  options: { principal: Principal; id: string; credentialCache?: CredentialCache },
): Promise<ApiKeyRecord> {
  const { principal } = options;
  requireRole(principal, REVOKE_API_KEY_ROLES, 'revoke API keys');
  const scope = tenantScope(principal);
  const found = isUuid(options.id) ? await selectApiKey.maybeOne(em, { id: options.id }) : undefined;
  if (!found || (scope !== null && found.account_id !== scope)) throw new NotFoundError('API key', options.id);
  if (found.revoked_at_ms !== null) return toApiKeyRecord(found);
  // The revocation and its audit log entry are one transaction (a second revocation meanwhile changes nothing and is not logged).
  const key = toApiKeyRecord(
    await transaction(em, async (tx) => {
      const revokedAt = new Date();
      const revoked = await revokeApiKeyRow.one(tx, { id: found.id, revokedAt });
      if (revoked.revoked_at_ms !== revokedAt.getTime()) return revoked;
      await recordAudit(tx, {
        principal,
        accountId: revoked.account_id,
        action: AuditAction.API_KEY_REVOKED,
        targetType: 'API_KEY',
        targetId: revoked.id,
        before: { name: revoked.name, role: revoked.role, revoked: false },
        after: { name: revoked.name, role: revoked.role, revoked: true },
      });
      return revoked;
    }),
  );
  options.credentialCache?.forget(key.keyHash);
  return key;
}
