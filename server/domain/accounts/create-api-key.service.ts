import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction } from '../../database/sql.js';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Config } from '../../config.js';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../../errors.js';
import { isUuid } from '../ids.js';
import { validateText } from '../wallets/validate-input.js';
import { toApiKeyRecord, type ApiKeyRecord } from './account-record.js';
import { insertApiKey, selectAccount } from './accounts.queries.js';
import { API_KEY_DISPLAY_PREFIX_LENGTH, generateApiKeySecret, hashApiKeySecret } from './api-key-secret.js';
import { canSee, requireRole, type Principal } from './principal.js';
import { isPlatformRole, Role } from './role.js';

/** Roles that may create keys: OWNER for its own account, PLATFORM_ADMIN for any. */
export const CREATE_API_KEY_ROLES = [Role.OWNER, Role.PLATFORM_ADMIN] as const;

/** Options of {@link createApiKey}. */
export interface CreateApiKeyOptions {
  principal: Principal;
  /** The tenant; must be null (absent) for SUPPORT and PLATFORM_ADMIN keys. */
  accountId: string | null;
  role: Role;
  name: string;
  limits: Pick<Config, 'nameLengthMax'>;
}

/** A new key and its secret, which is shown this once and never stored. */
export interface CreatedApiKey {
  key: ApiKeyRecord;
  secret: string;
}

/**
 * Issues an API key. OWNERs issue tenant roles on their own account; only PLATFORM_ADMIN issues
 * platform roles (SUPPORT, PLATFORM_ADMIN), which belong to no account.
 * The key and its audit log entry (never the secret) are one transaction.
 * @throws ForbiddenError, NotFoundError (unknown or foreign account), BadUserInputError.
 */
export async function createApiKey(em: EntityManager, options: CreateApiKeyOptions): Promise<CreatedApiKey> {
  const { principal } = options;
  requireRole(principal, CREATE_API_KEY_ROLES, 'create API keys');
  const name = validateText('name', options.name, options.limits.nameLengthMax);
  if (isPlatformRole(options.role)) {
    if (principal.role !== Role.PLATFORM_ADMIN) throw new ForbiddenError(`Only PLATFORM_ADMIN may create ${options.role} keys`);
    if (options.accountId !== null) throw new BadUserInputError('accountId', `${options.role} keys belong to no account: omit accountId`);
  } else {
    if (options.accountId === null) throw new BadUserInputError('accountId', `${options.role} keys need an accountId`);
    const account = isUuid(options.accountId) ? await selectAccount.maybeOne(em, { accountId: options.accountId }) : undefined;
    if (!account || !canSee(principal, account.id)) throw new NotFoundError('Account', options.accountId);
  }
  const secret = generateApiKeySecret();
  const row = await transaction(em, async (tx) => {
    const inserted = await insertApiKey.one(tx, {
      id: randomUUID(),
      accountId: options.accountId === null ? null : options.accountId.toLowerCase(),
      role: options.role,
      name,
      keyHash: hashApiKeySecret(secret),
      keyPrefix: secret.slice(0, API_KEY_DISPLAY_PREFIX_LENGTH),
      createdAt: new Date(),
    });
    await recordAudit(tx, {
      principal,
      accountId: inserted.account_id,
      action: AuditAction.API_KEY_CREATED,
      targetType: 'API_KEY',
      targetId: inserted.id,
      after: { name: inserted.name, role: inserted.role, prefix: inserted.key_prefix },
    });
    return inserted;
  });
  return { key: toApiKeyRecord(row), secret };
}
