/**
 * An account's team: its members and open invitations, invitation mails (sent through the mail
 * outbox, rate-limited per account), resend and revoke, role changes and removal. Every change
 * takes the account's row lock first, so the rate limit's count and the count of owners are never
 * read by two writers at once.
 */
import { randomBytes } from 'node:crypto';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { transaction, type Db, type SqlTransaction } from '../../database/sql.js';
import { BadUserInputError, InvitationNotPendingError, LastOwnerError, NotFoundError, RateLimitedError } from '../../errors.js';
import { hashApiKeySecret } from '../accounts/api-key-secret.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { isUuid } from '../ids.js';
import { composeInvitationMail } from '../mail/compose-invitation-mail.js';
import { toUserRecord, type UserRecord } from './user-record.js';
import {
  countActiveOwners,
  countInvitationMailsSince,
  disableUser,
  insertInvitationMail,
  lockInvitationById,
  lockMember,
  lockTeamAccount,
  resendInvitationRow,
  revokeInvitationRow,
  revokeUserSessions,
  selectAccountExists,
  selectMembers,
  selectOpenInvitations,
  selectUserName,
  updateUserRole,
  type InvitationRow,
} from './users.queries.js';

/** Roles an account's OWNER may give (platform roles are never part of an account's team). */
export const TEAM_ROLES = [Role.OWNER, Role.CAMPAIGN_MANAGER, Role.INTEGRATOR] as const;
/** Every invitation token starts with this. */
export const INVITATION_TOKEN_PREFIX = 'swi_';
/** The dashboard page an invitation's link opens. */
export const ACCEPT_INVITATION_PATH = '/accept-invitation';

/** Where an invitation stands at a moment. */
export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'REVOKED' | 'EXPIRED';

/** An invitation into an account (its token is never kept: only its hash). */
export interface Invitation {
  id: string;
  accountId: string;
  email: string;
  role: Role;
  createdAt: Date;
  /** When its last mail was queued (the invitation, or its last resend). */
  sentAt: Date;
  /** Mails sent: 1, plus one per resend. */
  sendCount: number;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  status: InvitationStatus;
}

/** An account's team as the Team page shows it. */
export interface Team {
  accountId: string;
  members: UserRecord[];
  /** Neither accepted nor revoked (expired ones too, until the retention job deletes them), oldest first. */
  invitations: Invitation[];
}

/** The role in the customer's words. */
export const ROLE_LABELS: Record<Role, string> = {
  OWNER: 'Owner',
  CAMPAIGN_MANAGER: 'Campaign manager',
  INTEGRATOR: 'Integrator',
  SUPPORT: 'Support',
  PLATFORM_ADMIN: 'Platform admin',
};

/** The record of an {@link InvitationRow}, with its status at `nowMs`. */
export function toInvitation(row: InvitationRow, nowMs: number): Invitation {
  const status: InvitationStatus =
    row.accepted_at_ms !== null ? 'ACCEPTED' : row.revoked_at_ms !== null ? 'REVOKED' : row.expires_at_ms <= nowMs ? 'EXPIRED' : 'PENDING';
  return {
    id: row.id,
    accountId: row.account_id,
    email: row.email,
    role: row.role,
    createdAt: new Date(row.created_at_ms),
    sentAt: new Date(row.last_sent_at_ms),
    sendCount: row.sends,
    expiresAt: new Date(row.expires_at_ms),
    acceptedAt: row.accepted_at_ms === null ? null : new Date(row.accepted_at_ms),
    revokedAt: row.revoked_at_ms === null ? null : new Date(row.revoked_at_ms),
    status,
  };
}

/**
 * The account the caller acts on: `accountId` (default the caller's own), lower case.
 * @throws NotFoundError when it is malformed, another tenant's, or does not exist.
 */
export async function teamAccountOf(db: Db, principal: Principal, accountId: string | null): Promise<string> {
  const scope = tenantScope(principal);
  const chosen = (accountId ?? scope)?.toLowerCase() ?? null;
  if (chosen === null || !isUuid(chosen) || (scope !== null && scope !== chosen)) throw new NotFoundError('Account', accountId ?? '');
  if (!(await selectAccountExists.maybeOne(db, { accountId: chosen }))) throw new NotFoundError('Account', chosen);
  return chosen;
}

/**
 * Refuses one more invitation mail when the account has queued `invitationMailsPerAccountMax` in
 * the last `invitationMailWindowMs`. Call under {@link lockTeamAccount}.
 * @throws RateLimitedError (`invitationMailsPerAccountMax`) with when the oldest leaves the window.
 */
async function checkInvitationMailRate(tx: SqlTransaction, config: Config, accountId: string, nowMs: number): Promise<void> {
  const sent = await countInvitationMailsSince.one(tx, { accountId, sinceMs: nowMs - config.invitationMailWindowMs });
  if (sent.count < config.invitationMailsPerAccountMax) return;
  const retryAfterMs = (sent.oldest_ms ?? nowMs) + config.invitationMailWindowMs - nowMs;
  throw new RateLimitedError(
    `This account has sent ${sent.count} invitation e-mails in the last ${Math.round(config.invitationMailWindowMs / 60_000)} minutes, the most allowed: try again later`,
    'invitationMailsPerAccountMax',
    Math.max(1, Math.ceil(retryAfterMs / 1000)),
  );
}

/** A new invitation token (256 random bits) and the hash that is stored. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = INVITATION_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, tokenHash: hashApiKeySecret(token) };
}

/** The accept page's link for a token. */
export function invitationLink(publicUrl: string, token: string): string {
  const url = new URL(ACCEPT_INVITATION_PATH, `${publicUrl}/`);
  url.searchParams.set('token', token);
  return url.toString();
}

/** The dashboard's address for links in mails: `publicUrl`, else the server's own (`http://localhost:<port>`). */
export function publicUrlOf(config: Pick<Config, 'publicUrl' | 'port'>): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

/**
 * Queues the mail of one send of an invitation in the caller's transaction (under the account's
 * lock, after {@link checkInvitationMailRate}): the mail sender delivers it once this commits.
 */
export async function queueInvitationMail(
  tx: SqlTransaction,
  config: Config,
  options: { principal: Principal; accountName: string; invitation: Invitation; token: string; nowMs: number },
): Promise<void> {
  const { invitation } = options;
  const inviter = options.principal.userId ? await selectUserName.maybeOne(tx, { userId: options.principal.userId }) : undefined;
  const mail = composeInvitationMail({
    accountName: options.accountName,
    inviterName: inviter?.name ?? null,
    roleLabel: ROLE_LABELS[invitation.role],
    link: invitationLink(publicUrlOf(config), options.token),
    expiresAt: invitation.expiresAt,
    resent: invitation.sendCount > 1,
  });
  await insertInvitationMail.one(tx, {
    accountId: invitation.accountId,
    recipient: invitation.email,
    subject: mail.subject,
    text: mail.text,
    invitationId: invitation.id,
    send: invitation.sendCount,
    nowMs: options.nowMs,
  });
}

/** Locks the account for a team change, checks the invitation-mail rate; returns the account's name. */
export async function lockTeamForInvitationMail(tx: SqlTransaction, config: Config, accountId: string, nowMs: number): Promise<string> {
  const account = await lockTeamAccount.one(tx, { accountId });
  await checkInvitationMailRate(tx, config, accountId, nowMs);
  return account.name;
}

/**
 * The account's active members and open invitations (each list at most `teamListMax`, oldest first).
 * OWNER (own account), SUPPORT and PLATFORM_ADMIN (any account, read-only for SUPPORT).
 */
export async function readTeam(
  db: Db,
  config: Config,
  options: { principal: Principal; accountId: string | null; nowMs: number },
): Promise<Team> {
  requireRole(options.principal, [Role.OWNER, Role.SUPPORT, Role.PLATFORM_ADMIN], 'see the team');
  const accountId = await teamAccountOf(db, options.principal, options.accountId);
  const [members, invitations] = await Promise.all([
    selectMembers.all(db, { accountId, limit: config.teamListMax }),
    selectOpenInvitations.all(db, { accountId, limit: config.teamListMax }),
  ]);
  return {
    accountId,
    members: members.map(toUserRecord),
    invitations: invitations.map((row) => toInvitation(row, options.nowMs)),
  };
}

/** Locks an invitation the caller may change and checks it is still open. */
async function lockPendingInvitation(tx: SqlTransaction, principal: Principal, invitationId: string, nowMs: number): Promise<Invitation> {
  if (!isUuid(invitationId)) throw new NotFoundError('Invitation', invitationId);
  const found = await lockInvitationById.maybeOne(tx, { id: invitationId.toLowerCase() });
  const scope = tenantScope(principal);
  if (!found || (scope !== null && scope !== found.account_id)) throw new NotFoundError('Invitation', invitationId);
  const invitation = toInvitation(found, nowMs);
  if (invitation.status !== 'PENDING') throw new InvitationNotPendingError(invitation.id, invitation.status);
  return invitation;
}

/**
 * Mails an open invitation again with a new link, valid `invitationTtlMs` from now: the token is
 * only kept as a hash, so the earlier link cannot be sent again and stops working. Counts against
 * the account's invitation-mail rate.
 * @throws ForbiddenError, NotFoundError, InvitationNotPendingError (ACCEPTED, REVOKED, EXPIRED), RateLimitedError.
 */
export async function resendInvitation(
  em: EntityManager,
  config: Config,
  options: { principal: Principal; invitationId: string; nowMs: number },
): Promise<Invitation> {
  requireRole(options.principal, [Role.OWNER, Role.PLATFORM_ADMIN], 'resend invitations');
  return transaction(em, async (tx) => {
    // The invitation, then its account: no writer locks them the other way round (inviteUser locks only the account).
    const peek = await lockPendingInvitation(tx, options.principal, options.invitationId, options.nowMs);
    const accountName = await lockTeamForInvitationMail(tx, config, peek.accountId, options.nowMs);
    const { token, tokenHash } = newInvitationToken();
    const row = await resendInvitationRow.one(tx, {
      id: peek.id,
      tokenHash,
      sentAtMs: options.nowMs,
      expiresAtMs: options.nowMs + config.invitationTtlMs,
    });
    const invitation = toInvitation(row, options.nowMs);
    await queueInvitationMail(tx, config, { principal: options.principal, accountName, invitation, token, nowMs: options.nowMs });
    await recordAudit(tx, {
      principal: options.principal,
      accountId: peek.accountId,
      action: AuditAction.INVITATION_RESENT,
      targetType: 'INVITATION',
      targetId: peek.id,
      after: { email: invitation.email, role: invitation.role, expiresAt: new Date(options.nowMs + config.invitationTtlMs) },
    });
    return invitation;
  });
}

/**
 * Revokes an open invitation: its link is refused from now on.
 * @throws ForbiddenError, NotFoundError, InvitationNotPendingError (ACCEPTED, REVOKED, EXPIRED).
 */
export async function revokeInvitation(
  em: EntityManager,
  options: { principal: Principal; invitationId: string; nowMs: number },
): Promise<Invitation> {
  requireRole(options.principal, [Role.OWNER, Role.PLATFORM_ADMIN], 'revoke invitations');
  return transaction(em, async (tx) => {
    const invitation = await lockPendingInvitation(tx, options.principal, options.invitationId, options.nowMs);
    const row = await revokeInvitationRow.one(tx, { id: invitation.id, revokedAtMs: options.nowMs, revokedBy: options.principal.actor });
    await recordAudit(tx, {
      principal: options.principal,
      accountId: invitation.accountId,
      action: AuditAction.INVITATION_REVOKED,
      targetType: 'INVITATION',
      targetId: invitation.id,
      before: { email: invitation.email, role: invitation.role, status: 'PENDING' },
      after: { email: invitation.email, role: invitation.role, status: 'REVOKED' },
    });
    return toInvitation(row, options.nowMs);
  });
}

/**
 * Changes a member's role (OWNER, CAMPAIGN_MANAGER or INTEGRATOR). The last active OWNER keeps it.
 * @throws ForbiddenError, NotFoundError, BadUserInputError (`role`), LastOwnerError.
 */
export async function changeMemberRole(
  em: EntityManager,
  options: { principal: Principal; accountId: string | null; userId: string; role: Role },
): Promise<UserRecord> {
  requireRole(options.principal, [Role.OWNER, Role.PLATFORM_ADMIN], 'change roles');
  if (!(TEAM_ROLES as readonly Role[]).includes(options.role))
    throw new BadUserInputError('role', `role must be one of ${TEAM_ROLES.join(', ')}`);
  return transaction(em, async (tx) => {
    const { accountId, member } = await lockMemberOf(tx, options.principal, options.accountId, options.userId);
    if (member.role === options.role) return member;
    if (member.role === Role.OWNER) await requireAnotherOwner(tx, accountId);
    const changed = toUserRecord(await updateUserRole.one(tx, { userId: member.id, role: options.role }));
    await recordAudit(tx, {
      principal: options.principal,
      accountId,
      action: AuditAction.MEMBER_ROLE_CHANGED,
      targetType: 'USER',
      targetId: member.id,
      before: { email: member.email, role: member.role },
      after: { email: changed.email, role: changed.role },
    });
    return changed;
  });
}

/**
 * Removes a member from the team: the user is disabled (can no longer sign in; their sessions end,
 * their open sockets close at the next credential check) and kept for the history. The last active
 * OWNER cannot be removed.
 * @throws ForbiddenError, NotFoundError, LastOwnerError.
 */
export async function removeMember(
  em: EntityManager,
  options: { principal: Principal; accountId: string | null; userId: string; nowMs: number },
): Promise<UserRecord> {
  requireRole(options.principal, [Role.OWNER, Role.PLATFORM_ADMIN], 'remove members');
  return transaction(em, async (tx) => {
    const { accountId, member } = await lockMemberOf(tx, options.principal, options.accountId, options.userId);
    if (member.role === Role.OWNER) await requireAnotherOwner(tx, accountId);
    const removed = toUserRecord(await disableUser.one(tx, { userId: member.id, disabledAtMs: options.nowMs }));
    await revokeUserSessions.run(tx, { userId: member.id });
    await recordAudit(tx, {
      principal: options.principal,
      accountId,
      action: AuditAction.MEMBER_REMOVED,
      targetType: 'USER',
      targetId: member.id,
      before: { email: member.email, name: member.name, role: member.role, active: true },
      after: { email: member.email, name: member.name, role: member.role, active: false },
    });
    return removed;
  });
}

/** Locks the account (the owners' count is read under it) and one of its active members. */
async function lockMemberOf(
  tx: SqlTransaction,
  principal: Principal,
  accountIdOption: string | null,
  userId: string,
): Promise<{ accountId: string; member: UserRecord }> {
  const accountId = await teamAccountOf(tx, principal, accountIdOption);
  await lockTeamAccount.one(tx, { accountId });
  if (!isUuid(userId)) throw new NotFoundError('User', userId);
  const row = await lockMember.maybeOne(tx, { accountId, userId: userId.toLowerCase() });
  if (!row) throw new NotFoundError('User', userId);
  return { accountId, member: toUserRecord(row) };
}

/** @throws LastOwnerError unless the account has an active OWNER besides the one being changed. */
async function requireAnotherOwner(tx: SqlTransaction, accountId: string): Promise<void> {
  const owners = await countActiveOwners.one(tx, { accountId });
  if (owners.count <= 1) throw new LastOwnerError(accountId);
}
