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
}

const USER_COLUMNS = `u.id, u.account_id, u.email, u.name, u.role, (extract(epoch from u.created_at) * 1000)::float8 as created_at_ms,
  (extract(epoch from u.disabled_at) * 1000)::float8 as disabled_at_ms`;

/** A user by id. */
export const selectUser = sql<UserRow, { userId: string }>(`select ${USER_COLUMNS} from app_user u where u.id = :userId`);

/** A user by e-mail, with the password's stored hash (to sign in). */
export const selectUserWithPassword = sql<UserRow & { password_hash: string }, { email: string }>(
  `select ${USER_COLUMNS}, u.password_hash from app_user u where u.email = :email`,
);

/** Whether an e-mail already has a user. */
export const selectEmailTaken = sql<{ taken: number }, { email: string }>('select 1 as taken from app_user where email = :email');

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

/** Records an invitation. */
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
  `insert into user_invitation (id, account_id, email, role, token_hash, invited_by, created_at, expires_at)
   values (:id, :accountId, :email, :role, :tokenHash, :invitedBy, to_timestamp(:createdAtMs / 1000.0), to_timestamp(:expiresAtMs / 1000.0))`,
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
