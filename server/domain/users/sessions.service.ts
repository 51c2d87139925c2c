import { randomBytes, randomUUID } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Db } from '../../database/sql.js';
import { BadUserInputError, UnauthenticatedError } from '../../errors.js';
import { hashApiKeySecret } from '../accounts/api-key-secret.js';
import type { Principal } from '../accounts/principal.js';
import { hashPassword, verifyPassword } from './password.js';
import { normalizeEmail, toUserRecord, type UserRecord } from './user-record.js';
import { insertSession, revokeSession, selectLiveSession, selectUser, selectUserWithPassword } from './users.queries.js';

/** Every session token starts with this (like `sw_` for API keys). */
export const SESSION_TOKEN_PREFIX = 'sws_';

/** A new session: the token goes in the cookie, only its hash in the database. */
export interface NewSession {
  token: string;
  sessionId: string;
  user: UserRecord;
  expiresAt: Date;
}

/** A hash compared against when the e-mail is unknown, so that a miss costs as much time as a wrong password. */
let decoyHash: Promise<string> | undefined;

/**
 * Signs a user in with e-mail and password. The same answer (UNAUTHENTICATED) for an unknown
 * e-mail, a wrong password and a disabled user, after the same scrypt work.
 */
export async function signIn(db: Db, config: Config, options: { email: string; password: string; nowMs: number }): Promise<NewSession> {
  const email = normalizeEmail(options.email ?? '');
  const password = options.password ?? '';
  if (password.length > config.passwordLengthMax)
    throw new BadUserInputError('password', `password must be at most ${config.passwordLengthMax} characters`);
  const row = email === null ? undefined : await selectUserWithPassword.maybeOne(db, { email });
  decoyHash ??= hashPassword('spendwire decoy password', config.passwordScryptCost);
  const matches = await verifyPassword(password, row?.password_hash ?? (await decoyHash));
  if (!row || !matches || row.disabled_at_ms !== null) throw new UnauthenticatedError('Wrong e-mail or password');
  return startSession(db, config, toUserRecord(row), options.nowMs);
}

/** Opens a session for a user (after sign-in or accepting an invitation). */
export async function startSession(db: Db, config: Config, user: UserRecord, nowMs: number): Promise<NewSession> {
  const token = SESSION_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const sessionId = randomUUID();
  const expiresAtMs = nowMs + config.sessionTtlMs;
  await insertSession.run(db, { id: sessionId, userId: user.id, tokenHash: hashApiKeySecret(token), createdAtMs: nowMs, expiresAtMs });
  return { token, sessionId, user, expiresAt: new Date(expiresAtMs) };
}

/**
 * The principal of a session cookie's token: its user's role and account, with the session id
 * (so signing out can close its sockets).
 * @throws UnauthenticatedError for an unknown, expired, revoked or disabled one.
 */
export async function authenticateSession(db: Db, token: string): Promise<Principal> {
  if (!token.startsWith(SESSION_TOKEN_PREFIX)) throw new UnauthenticatedError('The session is unknown or has ended: sign in again');
  const row = await selectLiveSession.maybeOne(db, { tokenHash: hashApiKeySecret(token) });
  if (!row) throw new UnauthenticatedError('The session is unknown or has ended: sign in again');
  return Object.freeze({
    role: row.role,
    accountId: row.account_id,
    apiKeyId: null,
    actor: `user:${row.user_id}`,
    sessionId: row.session_id,
    userId: row.user_id,
  });
}

/** Ends a session (sign-out). Returns its id, or null when it was not live. */
export async function endSession(db: Db, token: string): Promise<string | null> {
  const row = await revokeSession.maybeOne(db, { tokenHash: hashApiKeySecret(token) });
  return row?.id ?? null;
}

/** The user of a principal signed in with a session, or null for API keys and the operator's token. */
export async function findSessionUser(db: Db, principal: Principal): Promise<UserRecord | null> {
  if (!principal.userId) return null;
  const row = await selectUser.maybeOne(db, { userId: principal.userId });
  return row ? toUserRecord(row) : null;
}
