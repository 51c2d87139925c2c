import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { transaction, type Db } from '../../database/sql.js';
import { BadUserInputError, InvalidStateError, NotFoundError } from '../../errors.js';
import { hashApiKeySecret } from '../accounts/api-key-secret.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { isPlatformRole, Role } from '../accounts/role.js';
import { isUuid } from '../ids.js';
import { validateText } from '../wallets/validate-input.js';
import { hashPassword } from './password.js';
import { normalizeEmail, toUserRecord, type UserRecord } from './user-record.js';
import {
  acceptInvitationRow,
  insertInvitation,
  insertUser,
  lockInvitation,
  selectAccountExists,
  selectEmailTaken,
} from './users.queries.js';

/** Roles an account's OWNER may invite people with (platform roles are never invited into an account). */
export const INVITABLE_ROLES = [Role.OWNER, Role.CAMPAIGN_MANAGER, Role.INTEGRATOR] as const;
/** Every invitation token starts with this. */
export const INVITATION_TOKEN_PREFIX = 'swi_';

/** An invitation: the token is shown once, to pass on to the invitee. */
export interface Invitation {
  id: string;
  accountId: string;
  email: string;
  role: Role;
  expiresAt: Date;
  acceptedAt: Date | null;
}

function validatePassword(config: Config, password: string): string {
  if (password.length < config.passwordLengthMin || password.length > config.passwordLengthMax) {
    throw new BadUserInputError('password', `password must be ${config.passwordLengthMin} to ${config.passwordLengthMax} characters`);
  }
  return password;
}

function validateEmail(email: string): string {
  const normalized = normalizeEmail(email);
  if (normalized === null) throw new BadUserInputError('email', 'email must be an e-mail address');
  return normalized;
}

/**
 * An OWNER invites someone into their account with a role (PLATFORM_ADMIN for any account).
 * Returns the invitation and its token, shown once.
 * @throws ForbiddenError, NotFoundError, BadUserInputError (`email`, `role`), InvalidStateError (already a user).
 */
export async function inviteUser(
  db: Db,
  config: Config,
  options: { principal: Principal; accountId: string | null; email: string; role: Role; nowMs: number },
): Promise<{ invitation: Invitation; token: string }> {
  requireRole(options.principal, [Role.OWNER, Role.PLATFORM_ADMIN], 'invite users');
  const scope = tenantScope(options.principal);
  const accountId = options.accountId ?? scope;
  if (accountId === null || !isUuid(accountId) || (scope !== null && scope !== accountId.toLowerCase()))
    throw new NotFoundError('Account', accountId ?? '');
  if (!(await selectAccountExists.maybeOne(db, { accountId }))) throw new NotFoundError('Account', accountId);
  if (!(INVITABLE_ROLES as readonly Role[]).includes(options.role))
    throw new BadUserInputError('role', `role must be one of ${INVITABLE_ROLES.join(', ')}`);
  const email = validateEmail(options.email);
  if (await selectEmailTaken.maybeOne(db, { email })) throw new InvalidStateError(`${email} already has a user`, { field: 'email' });
  const token = INVITATION_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const id = randomUUID();
  const expiresAtMs = options.nowMs + config.invitationTtlMs;
  await insertInvitation.run(db, {
    id,
    accountId: accountId.toLowerCase(),
    email,
    role: options.role,
    tokenHash: hashApiKeySecret(token),
    invitedBy: options.principal.actor,
    createdAtMs: options.nowMs,
    expiresAtMs,
  });
  return {
    invitation: { id, accountId: accountId.toLowerCase(), email, role: options.role, expiresAt: new Date(expiresAtMs), acceptedAt: null },
    token,
  };
}

/**
 * The invitee sets a name and password: the user is created with the invited role, once.
 * @throws BadUserInputError (`token` unknown or expired, `name`, `password`), InvalidStateError (already used).
 */
export async function acceptInvitation(
  em: EntityManager,
  config: Config,
  options: { token: string; name: string; password: string; nowMs: number },
): Promise<UserRecord> {
  const name = validateText('name', options.name ?? '', config.nameLengthMax);
  const password = validatePassword(config, options.password ?? '');
  const passwordHash = await hashPassword(password, config.passwordScryptCost);
  return transaction(em, async (tx) => {
    const invitation = await lockInvitation.maybeOne(tx, { tokenHash: hashApiKeySecret(options.token ?? ''), nowMs: options.nowMs });
    if (!invitation || invitation.revoked || invitation.expired)
      throw new BadUserInputError('token', 'The invitation is unknown or has expired: ask for a new one');
    if (invitation.accepted) throw new InvalidStateError('The invitation was already accepted: sign in instead');
    if (await selectEmailTaken.maybeOne(tx, { email: invitation.email }))
      throw new InvalidStateError(`${invitation.email} already has a user: sign in instead`);
    const row = await insertUser.one(tx, {
      id: randomUUID(),
      accountId: invitation.account_id,
      email: invitation.email,
      name,
      role: invitation.role,
      passwordHash,
      createdBy: `invitation:${invitation.id}`,
    });
    await acceptInvitationRow.run(tx, { id: invitation.id, acceptedAtMs: options.nowMs, userId: row.id });
    return toUserRecord(row);
  });
}

/**
 * The operator creates a user directly (the first OWNER of an account, or platform staff).
 * @throws ForbiddenError, NotFoundError, BadUserInputError, InvalidStateError (e-mail taken).
 */
export async function createUser(
  db: Db,
  config: Config,
  options: { principal: Principal; accountId: string | null; email: string; name: string; role: Role; password: string },
): Promise<UserRecord> {
  requireRole(options.principal, [Role.PLATFORM_ADMIN], 'create users');
  if (isPlatformRole(options.role) !== (options.accountId === null)) {
    throw new BadUserInputError('accountId', 'Platform roles belong to no account; every other role to exactly one');
  }
  if (options.accountId !== null) {
    if (!isUuid(options.accountId)) throw new NotFoundError('Account', options.accountId);
    if (!(await selectAccountExists.maybeOne(db, { accountId: options.accountId }))) throw new NotFoundError('Account', options.accountId);
  }
  const email = validateEmail(options.email);
  const name = validateText('name', options.name ?? '', config.nameLengthMax);
  const passwordHash = await hashPassword(validatePassword(config, options.password ?? ''), config.passwordScryptCost);
  try {
    const row = await insertUser.one(db, {
      id: randomUUID(),
      accountId: options.accountId?.toLowerCase() ?? null,
      email,
      name,
      role: options.role,
      passwordHash,
      createdBy: options.principal.actor,
    });
    return toUserRecord(row);
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new InvalidStateError(`${email} already has a user`, { field: 'email' });
    throw error;
  }
}
