import { randomUUID } from 'node:crypto';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { transaction } from '../../database/sql.js';
import { BadUserInputError, InvalidStateError, NotFoundError } from '../../errors.js';
import { hashApiKeySecret } from '../accounts/api-key-secret.js';
import { requireRole, type Principal } from '../accounts/principal.js';
import { isPlatformRole, Role } from '../accounts/role.js';
import { isUuid } from '../ids.js';
import { validateText } from '../wallets/validate-input.js';
import { hashPassword } from './password.js';
import { requireVerifiedAccount } from './require-verified-email.js';
import { normalizeEmail, toUserRecord, type UserRecord } from './user-record.js';
import {
  lockTeamForInvitationMail,
  newInvitationToken,
  queueInvitationMail,
  TEAM_ROLES,
  teamAccountOf,
  type Invitation,
} from './team.service.js';
import {
  acceptInvitationRow,
  insertInvitation,
  insertUser,
  lockInvitation,
  selectAccountExists,
  selectEmailTaken,
  selectEmailTakenForInvitation,
  reactivateRemovedMember,
  selectPendingInvitationFor,
} from './users.queries.js';

/** Roles an account's OWNER may invite people with (platform roles are never invited into an account). */
export const INVITABLE_ROLES = TEAM_ROLES;
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
 * An OWNER invites someone into their account with a role (PLATFORM_ADMIN for any account): the
 * invitation and its mail (the link to accept it, through the mail outbox) are written in one
 * transaction under the account's lock. Returns the invitation and its token, shown once.
 * A member removed from the account may be invited again (accepting brings the same user back).
 * @throws ForbiddenError, NotFoundError, BadUserInputError (`email`, `role`), InvalidStateError (already a
 * user, or already invited and pending), RateLimitedError (`invitationMailsPerAccountMax`).
 */
export async function inviteUser(
  em: EntityManager,
  config: Config,
  options: { principal: Principal; accountId: string | null; email: string; role: Role; nowMs: number },
): Promise<{ invitation: Invitation; token: string }> {
  requireRole(options.principal, [Role.OWNER, Role.PLATFORM_ADMIN], 'invite users');
  const accountId = await teamAccountOf(em, options.principal, options.accountId);
  await requireVerifiedAccount(em, accountId);
  if (!(INVITABLE_ROLES as readonly Role[]).includes(options.role))
    throw new BadUserInputError('role', `role must be one of ${INVITABLE_ROLES.join(', ')}`);
  const email = validateEmail(options.email);
  return transaction(em, async (tx) => {
    const accountName = await lockTeamForInvitationMail(tx, config, accountId, options.nowMs);
    // A member removed from this account may be invited back; anyone else with a user may not.
    if (await selectEmailTakenForInvitation.maybeOne(tx, { email, accountId }))
      throw new InvalidStateError(`${email} already has a user`, { field: 'email' });
    if (await selectPendingInvitationFor.maybeOne(tx, { accountId, email, nowMs: options.nowMs }))
      throw new InvalidStateError(`${email} is already invited: resend that invitation instead`, { field: 'email' });
    const { token, tokenHash } = newInvitationToken();
    const id = randomUUID();
    const expiresAtMs = options.nowMs + config.invitationTtlMs;
    await insertInvitation.run(tx, {
      id,
      accountId,
      email,
      role: options.role,
      tokenHash,
      invitedBy: options.principal.actor,
      createdAtMs: options.nowMs,
      expiresAtMs,
    });
    const invitation: Invitation = {
      id,
      accountId,
      email,
      role: options.role,
      createdAt: new Date(options.nowMs),
      sentAt: new Date(options.nowMs),
      sendCount: 1,
      expiresAt: new Date(expiresAtMs),
      acceptedAt: null,
      revokedAt: null,
      status: 'PENDING',
    };
    await queueInvitationMail(tx, config, { principal: options.principal, accountName, invitation, token, nowMs: options.nowMs });
    await recordAudit(tx, {
      principal: options.principal,
      accountId,
      action: AuditAction.USER_INVITED,
      targetType: 'INVITATION',
      targetId: id,
      after: { email, role: options.role, expiresAt: invitation.expiresAt },
    });
    return { invitation, token };
  });
}

/**
 * The invitee sets a name and password: the user is created with the invited role, once (a member
 * removed from the account comes back as the same user, re-enabled with the invited role).
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
      throw new BadUserInputError(
        'token',
        'This invitation link no longer works (it expired, was revoked, or a newer e-mail replaced it): ask for a new one',
      );
    if (invitation.accepted) throw new InvalidStateError('The invitation was already accepted: sign in instead');
    // A member removed from this account comes back as the same user, with the invited role.
    const returning = await reactivateRemovedMember.maybeOne(tx, {
      accountId: invitation.account_id,
      email: invitation.email,
      name,
      role: invitation.role,
      passwordHash,
    });
    if (returning) {
      await acceptInvitationRow.run(tx, { id: invitation.id, acceptedAtMs: options.nowMs, userId: returning.id });
      return toUserRecord(returning);
    }
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
  db: EntityManager,
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
    // The user and its audit log entry (never the password) are one transaction.
    const row = await transaction(db, async (tx) => {
      const inserted = await insertUser.one(tx, {
        id: randomUUID(),
        accountId: options.accountId?.toLowerCase() ?? null,
        email,
        name,
        role: options.role,
        passwordHash,
        createdBy: options.principal.actor,
      });
      await recordAudit(tx, {
        principal: options.principal,
        accountId: inserted.account_id,
        action: AuditAction.USER_CREATED,
        targetType: 'USER',
        targetId: inserted.id,
        after: { email: inserted.email, name: inserted.name, role: inserted.role },
      });
      return inserted;
    });
    return toUserRecord(row);
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new InvalidStateError(`${email} already has a user`, { field: 'email' });
    throw error;
  }
}
