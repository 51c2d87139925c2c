/** Every statement on dashboard users, their sessions and invitations, with the types of its rows; times as epoch milliseconds. */
import { sql } from '../../database/sql.js';
import type { Principal } from '../accounts/principal.js';
import type { Role } from '../accounts/role.js';

/** An app_user row as {@link USER_COLUMNS} selects it (from an app_user aliased `u`). */
export interface UserRow {
  id: string;
  account_id: string | null;
  email: string;
  name: string;
  role: Role;
  created_at_ms: number;
  disabled_at_ms: number | null;
  email_verified_at_ms: number | null;
}

/** The columns of a {@link UserRow}; exported for the sign-up statements. */
export const USER_COLUMNS = `u.id, u.account_id, u.email, u.name, u.role, (extract(epoch from u.created_at) * 1000)::float8 as created_at_ms,
  (extract(epoch from u.disabled_at) * 1000)::float8 as disabled_at_ms, (extract(epoch from u.email_verified_at) * 1000)::float8 as email_verified_at_ms`;

/** A user by id. */
export const selectUser = sql<UserRow, { userId: string }>(`select ${USER_COLUMNS} from app_user u where u.id = :userId`);

/** A user by e-mail, with the password's stored hash (to sign in). */
export const selectUserWithPassword = sql<UserRow & { password_hash: string }, { email: string }>(
  `select ${USER_COLUMNS}, u.password_hash from app_user u where u.email = :email`,
);

/** Whether an e-mail already has a user. */
export const selectEmailTaken = sql<{ taken: number }, { email: string }>('select 1 as taken from app_user where email = :email');

/**
 * Whether an e-mail is taken for an invitation into `accountId`: by an active user, or by a user of
 * another account (removed or not). A member removed from this same account does not take it: they
 * may be invited back (see {@link reactivateRemovedMember}).
 */
export const selectEmailTakenForInvitation = sql<{ taken: number }, { email: string; accountId: string }>(
  `select 1 as taken from app_user
    where email = :email and (disabled_at is null or account_id is distinct from :accountId::uuid)`,
);

/**
 * Brings back a member removed from `accountId` who accepted a new invitation: the same user (its
 * history, such as who acknowledged an alert, stays theirs) with the new name, role and password.
 * No row when the e-mail has no removed member of that account.
 */
export const reactivateRemovedMember = sql<UserRow, { accountId: string; email: string; name: string; role: Role; passwordHash: string }>(
  `update app_user u set disabled_at = null, name = :name, role = :role, password_hash = :passwordHash
    where u.email = :email and u.account_id = :accountId and u.disabled_at is not null
    returning ${USER_COLUMNS}`,
);

/** Whether an account exists (users' own check: the account's record is not needed). */
export const selectAccountExists = sql<{ found: number }, { accountId: string }>('select 1 as found from account where id = :accountId');

/** Creates a user. */
export const insertUser = sql<
  UserRow,
  { id: string; accountId: string | null; email: string; name: string; role: Role; passwordHash: string; createdBy: string }
>(
  `insert into app_user as u (id, account_id, email, name, role, password_hash, created_by)
   values (:id, :accountId, :email, :name, :role, :passwordHash, :createdBy) returning ${USER_COLUMNS}`,
);

/** Opens a session. */
export const insertSession = sql<never, { id: string; userId: string; tokenHash: string; createdAtMs: number; expiresAtMs: number }>(
  `insert into user_session (id, user_id, token_hash, created_at, expires_at)
   values (:id, :userId, :tokenHash, to_timestamp(:createdAtMs / 1000.0), to_timestamp(:expiresAtMs / 1000.0))`,
);

/** The live session of a token hash, with its user's role and account (none when expired, revoked or the user is disabled). */
export const selectLiveSession = sql<
  { session_id: string; user_id: string; role: Principal['role']; account_id: string | null },
  { tokenHash: string }
>(
  `select s.id as session_id, u.id as user_id, u.role, u.account_id from user_session s join app_user u on u.id = s.user_id
    where s.token_hash = :tokenHash and s.revoked_at is null and s.expires_at > now() and u.disabled_at is null`,
);

/** Ends a live session; its id, or no row. */
export const revokeSession = sql<{ id: string }, { tokenHash: string }>(
  'update user_session set revoked_at = now() where token_hash = :tokenHash and revoked_at is null returning id',
);

/** Records an invitation (sent once, now). */
export const insertInvitation = sql<
  never,
  {
    id: string;
    accountId: string;
    email: string;
    role: Role;
    tokenHash: string;
    invitedBy: string;
    createdAtMs: number;
    expiresAtMs: number;
  }
>(
  `insert into user_invitation (id, account_id, email, role, token_hash, invited_by, created_at, last_sent_at, expires_at)
   values (:id, :accountId, :email, :role, :tokenHash, :invitedBy, to_timestamp(:createdAtMs / 1000.0), to_timestamp(:createdAtMs / 1000.0),
           to_timestamp(:expiresAtMs / 1000.0))`,
);

/** An invitation by its token's hash, locked, with its state at `nowMs`. */
export const lockInvitation = sql<
  { id: string; account_id: string; email: string; role: Role; expired: boolean; accepted: boolean; revoked: boolean },
  { tokenHash: string; nowMs: number }
>(
  `select id, account_id, email, role, expires_at <= to_timestamp(:nowMs / 1000.0) as expired, accepted_at is not null as accepted,
          revoked_at is not null as revoked
     from user_invitation where token_hash = :tokenHash for update`,
);

/** Marks an invitation accepted by a user. */
export const acceptInvitationRow = sql<never, { id: string; acceptedAtMs: number; userId: string }>(
  'update user_invitation set accepted_at = to_timestamp(:acceptedAtMs / 1000.0), accepted_user_id = :userId where id = :id',
);

// The Team page: members, open invitations, their mails, roles and removal.

/** An invitation row with its state at `nowMs` (times as epoch milliseconds). */
export interface InvitationRow {
  id: string;
  account_id: string;
  email: string;
  role: Role;
  invited_by: string;
  sends: number;
  created_at_ms: number;
  last_sent_at_ms: number;
  expires_at_ms: number;
  accepted_at_ms: number | null;
  revoked_at_ms: number | null;
}

const INVITATION_COLUMNS = `i.id, i.account_id, i.email, i.role, i.invited_by, i.sends,
  (extract(epoch from i.created_at) * 1000)::float8 as created_at_ms, (extract(epoch from i.last_sent_at) * 1000)::float8 as last_sent_at_ms,
  (extract(epoch from i.expires_at) * 1000)::float8 as expires_at_ms, (extract(epoch from i.accepted_at) * 1000)::float8 as accepted_at_ms,
  (extract(epoch from i.revoked_at) * 1000)::float8 as revoked_at_ms`;

/**
 * Locks an account's row for a change to its team: invitations (the mail count of the rate limit)
 * and roles (the count of owners) are then checked and written by one transaction at a time.
 */
export const lockTeamAccount = sql<{ name: string }, { accountId: string }>('select name from account where id = :accountId for update');

/** An account's active members, oldest first, at most `limit`. */
export const selectMembers = sql<UserRow, { accountId: string; limit: number }>(
  `select ${USER_COLUMNS} from app_user u where u.account_id = :accountId and u.disabled_at is null order by u.created_at, u.id limit :limit`,
);

/** An account's invitations neither accepted nor revoked (expired ones too), oldest first, at most `limit`. */
export const selectOpenInvitations = sql<InvitationRow, { accountId: string; limit: number }>(
  `select ${INVITATION_COLUMNS} from user_invitation i
    where i.account_id = :accountId and i.accepted_at is null and i.revoked_at is null order by i.created_at, i.id limit :limit`,
);

/** Whether an account has an open invitation (not accepted, revoked or expired at `nowMs`) for an e-mail. */
export const selectPendingInvitationFor = sql<{ id: string }, { accountId: string; email: string; nowMs: number }>(
  `select id from user_invitation where account_id = :accountId and email = :email and accepted_at is null and revoked_at is null
      and expires_at > to_timestamp(:nowMs / 1000.0) limit 1`,
);

/** An invitation by id, locked. */
export const lockInvitationById = sql<InvitationRow, { id: string }>(
  `select ${INVITATION_COLUMNS} from user_invitation i where i.id = :id for update`,
);

/** Gives an invitation a new token and expiry and counts the send; the invitation as it is now. */
export const resendInvitationRow = sql<InvitationRow, { id: string; tokenHash: string; sentAtMs: number; expiresAtMs: number }>(
  `update user_invitation i set token_hash = :tokenHash, sends = i.sends + 1, last_sent_at = to_timestamp(:sentAtMs / 1000.0),
          expires_at = to_timestamp(:expiresAtMs / 1000.0)
    where i.id = :id returning ${INVITATION_COLUMNS}`,
);

/** Revokes an invitation; the invitation as it is now. */
export const revokeInvitationRow = sql<InvitationRow, { id: string; revokedAtMs: number; revokedBy: string }>(
  `update user_invitation i set revoked_at = to_timestamp(:revokedAtMs / 1000.0), revoked_by = :revokedBy
    where i.id = :id returning ${INVITATION_COLUMNS}`,
);

/** Invitation mails an account queued since `sinceMs`, and the oldest of them (to say when the next is allowed). */
export const countInvitationMailsSince = sql<{ count: number; oldest_ms: number | null }, { accountId: string; sinceMs: number }>(
  `select count(*)::int as count, (extract(epoch from min(created_at)) * 1000)::float8 as oldest_ms from email_message
    where account_id = :accountId and invitation_id is not null and created_at > to_timestamp(:sinceMs / 1000.0)`,
);

/** Queues the mail of one send of an invitation, due at once (the mail sender delivers it after commit). */
export const insertInvitationMail = sql<
  { id: string },
  { accountId: string; recipient: string; subject: string; text: string; invitationId: string; send: number; nowMs: number }
>(
  `insert into email_message (account_id, recipient, kind, subject, body_text, invitation_id, invitation_send, next_attempt_at, created_at)
   values (:accountId, :recipient, 'INVITATION', :subject, :text, :invitationId, :send, to_timestamp(:nowMs / 1000.0), to_timestamp(:nowMs / 1000.0))
   returning id::text`,
);

/** An active member of an account, locked. */
export const lockMember = sql<UserRow, { accountId: string; userId: string }>(
  `select ${USER_COLUMNS} from app_user u where u.id = :userId and u.account_id = :accountId and u.disabled_at is null for update`,
);

/** How many active OWNERs an account has. */
export const countActiveOwners = sql<{ count: number }, { accountId: string }>(
  `select count(*)::int as count from app_user where account_id = :accountId and role = 'OWNER' and disabled_at is null`,
);

/** Changes a user's role; the user as it is now. */
export const updateUserRole = sql<UserRow, { userId: string; role: Role }>(
  `update app_user u set role = :role where u.id = :userId returning ${USER_COLUMNS}`,
);

/** Disables a user (removed from the team: they can no longer sign in); the user as it is now. */
export const disableUser = sql<UserRow, { userId: string; disabledAtMs: number }>(
  `update app_user u set disabled_at = to_timestamp(:disabledAtMs / 1000.0) where u.id = :userId returning ${USER_COLUMNS}`,
);

/** Ends every live session of a user. */
export const revokeUserSessions = sql<never, { userId: string }>(
  'update user_session set revoked_at = now() where user_id = :userId and revoked_at is null',
);

/** A user's name (who invited), when the actor is a signed-in user. */
export const selectUserName = sql<{ name: string }, { userId: string }>('select name from app_user where id = :userId');
