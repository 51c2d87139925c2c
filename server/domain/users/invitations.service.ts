import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { pgQuery, pgTransaction } from '../../database/pg-transaction.js';
import { BadUserInputError, InvalidStateError, NotFoundError } from '../../errors.js';
import { hashApiKeySecret } from '../accounts/api-key-secret.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { isPlatformRole, Role } from '../accounts/role.js';
import { isUuid } from '../ids.js';
import { validateText } from '../wallets/validate-input.js';
import { hashPassword } from './password.js';
import { normalizeEmail, USER_COLUMNS, toUser, type UserRecord, type UserRow } from './user-record.js';

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
  em: EntityManager,
  config: Config,
  options: { principal: Principal; accountId: string | null; email: string; role: Role; nowMs: number },
): Promise<{ invitation: Invitation; token: string }> {
  requireRole(options.principal, [Role.OWNER, Role.PLATFORM_ADMIN], 'invite users');
  const scope = tenantScope(options.principal);
  const accountId = options.accountId ?? scope;
  if (accountId === null || !isUuid(accountId) || (scope !== null && scope !== accountId.toLowerCase())) throw new NotFoundError('Account', accountId ?? '');
  const [account] = await pgQuery(em, 'select 1 from account where id = $1', [accountId]);
  if (!account) throw new NotFoundError('Account', accountId);
  if (!(INVITABLE_ROLES as readonly Role[]).includes(options.role)) throw new BadUserInputError('role', `role must be one of ${INVITABLE_ROLES.join(', ')}`);
  const email = validateEmail(options.email);
  const [existing] = await pgQuery(em, 'select 1 from app_user where email = $1', [email]);
  if (existing) throw new InvalidStateError(`${email} already has a user`, { field: 'email' });
  const token = INVITATION_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const id = randomUUID();
  const expiresAtMs = options.nowMs + config.invitationTtlMs;
  await pgQuery(em, `insert into user_invitation (id, account_id, email, role, token_hash, invited_by, created_at, expires_at)
    values ($1, $2, $3, $4, $5, $6, to_timestamp($7 / 1000.0), to_timestamp($8 / 1000.0))`, [
    id, accountId.toLowerCase(), email, options.role, hashApiKeySecret(token), options.principal.actor, options.nowMs, expiresAtMs,
  ]);
  return { invitation: { id, accountId: accountId.toLowerCase(), email, role: options.role, expiresAt: new Date(expiresAtMs), acceptedAt: null }, token };
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
  return pgTransaction(em, async (query) => {
    const [invitation] = await query<{ id: string; account_id: string; email: string; role: Role; expired: boolean; accepted: boolean; revoked: boolean }>(
      `select id, account_id, email, role, expires_at <= to_timestamp($2 / 1000.0) as expired, accepted_at is not null as accepted,
              revoked_at is not null as revoked
         from user_invitation where token_hash = $1 for update`,
      [hashApiKeySecret(options.token ?? ''), options.nowMs],
    );
    if (!invitation || invitation.revoked || invitation.expired) throw new BadUserInputError('token', 'The invitation is unknown or has expired: ask for a new one');
    if (invitation.accepted) throw new InvalidStateError('The invitation was already accepted: sign in instead');
    const [taken] = await query('select 1 from app_user where email = $1', [invitation.email]);
    if (taken) throw new InvalidStateError(`${invitation.email} already has a user: sign in instead`);
    const [row] = await query<UserRow>(
      `insert into app_user as u (id, account_id, email, name, role, password_hash, created_by) values ($1, $2, $3, $4, $5, $6, $7) returning ${USER_COLUMNS}`,
      [randomUUID(), invitation.account_id, invitation.email, name, invitation.role, passwordHash, `invitation:${invitation.id}`],
    );
    await query('update user_invitation set accepted_at = to_timestamp($2 / 1000.0), accepted_user_id = $3 where id = $1', [invitation.id, options.nowMs, row!.id]);
    return toUser(row!);
  });
}

/**
 * The operator creates a user directly (the first OWNER of an account, or platform staff).
 * @throws ForbiddenError, NotFoundError, BadUserInputError, InvalidStateError (e-mail taken).
 */
export async function createUser(
  em: EntityManager,
  config: Config,
  options: { principal: Principal; accountId: string | null; email: string; name: string; role: Role; password: string },
): Promise<UserRecord> {
  requireRole(options.principal, [Role.PLATFORM_ADMIN], 'create users');
  if (isPlatformRole(options.role) !== (options.accountId === null)) {
    throw new BadUserInputError('accountId', 'Platform roles belong to no account; every other role to exactly one');
  }
  if (options.accountId !== null) {
    if (!isUuid(options.accountId)) throw new NotFoundError('Account', options.accountId);
    const [account] = await pgQuery(em, 'select 1 from account where id = $1', [options.accountId]);
    if (!account) throw new NotFoundError('Account', options.accountId);
  }
  const email = validateEmail(options.email);
  const name = validateText('name', options.name ?? '', config.nameLengthMax);
  const passwordHash = await hashPassword(validatePassword(config, options.password ?? ''), config.passwordScryptCost);
  try {
    const [row] = await pgQuery<UserRow>(
      em,
      `insert into app_user as u (id, account_id, email, name, role, password_hash, created_by) values ($1, $2, $3, $4, $5, $6, $7) returning ${USER_COLUMNS}`,
      [randomUUID(), options.accountId?.toLowerCase() ?? null, email, name, options.role, passwordHash, options.principal.actor],
    );
    return toUser(row!);
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new InvalidStateError(`${email} already has a user`, { field: 'email' });
    throw error;
  }
}
