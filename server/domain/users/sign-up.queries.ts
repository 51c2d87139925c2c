/** Every statement of self-service sign-up, e-mail verification and the trial credit; times as epoch milliseconds. */
import { sql } from '../../database/sql.js';
import type { Role } from '../accounts/role.js';
import { USER_COLUMNS, type UserRow } from './users.queries.js';

/** Opens a signed-up account: named after the company, billed in its country, unverified until its owner opens the link. */
export const insertSignedUpAccount = sql<{ id: string }, { id: string; name: string; country: string; nowMs: number }>(
  `insert into account (id, name, created_at, billing_country, billing_legal_name, email_verified_at)
   values (:id, :name, to_timestamp(:nowMs / 1000.0), :country, :name, null) returning id`,
);

/** Opens the account's first wallet, named. */
export const insertSignedUpWallet = sql<{ id: string }, { id: string; accountId: string; currency: string; name: string; nowMs: number }>(
  `insert into wallet (id, account_id, currency, name, balance_micros, reserved_micros, last_sequence, created_at, updated_at)
   values (:id, :accountId, :currency, :name, 0, 0, 0, to_timestamp(:nowMs / 1000.0), to_timestamp(:nowMs / 1000.0)) returning id`,
);

/** Creates the account's OWNER, unverified. */
export const insertSignedUpUser = sql<
  UserRow,
  { id: string; accountId: string; email: string; name: string; role: Role; passwordHash: string; nowMs: number }
>(
  `insert into app_user as u (id, account_id, email, name, role, password_hash, created_at, created_by, email_verified_at)
   values (:id, :accountId, :email, :name, :role, :passwordHash, to_timestamp(:nowMs / 1000.0), 'sign-up', null) returning ${USER_COLUMNS}`,
);

/** Records a verification link (its first mail, now). */
export const insertEmailVerification = sql<never, { userId: string; tokenHash: string; nowMs: number; expiresAtMs: number }>(
  `insert into email_verification (user_id, token_hash, sends, last_sent_at, expires_at, created_at)
   values (:userId, :tokenHash, 1, to_timestamp(:nowMs / 1000.0), to_timestamp(:expiresAtMs / 1000.0), to_timestamp(:nowMs / 1000.0))`,
);

/** A verification by its token's hash, locked, with its user and state at `nowMs`. */
export const lockEmailVerificationByToken = sql<
  { user_id: string; account_id: string; email: string; expired: boolean; used: boolean },
  { tokenHash: string; nowMs: number }
>(
  `select v.user_id, u.account_id, u.email, v.expires_at <= to_timestamp(:nowMs / 1000.0) as expired, v.used_at is not null as used
     from email_verification v join app_user u on u.id = v.user_id
    where v.token_hash = :tokenHash for update of v`,
);

/** A user's verification, locked (to resend it). */
export const lockEmailVerificationOfUser = sql<{ sends: number; used: boolean }, { userId: string }>(
  'select sends, used_at is not null as used from email_verification where user_id = :userId for update',
);

/** Gives a verification a new token and expiry and counts the mail; the send number. */
export const renewEmailVerification = sql<{ sends: number }, { userId: string; tokenHash: string; nowMs: number; expiresAtMs: number }>(
  `update email_verification set token_hash = :tokenHash, sends = sends + 1, last_sent_at = to_timestamp(:nowMs / 1000.0),
          expires_at = to_timestamp(:expiresAtMs / 1000.0)
    where user_id = :userId returning sends`,
);

/** Marks a verification used and its user and account verified. */
export const markEmailVerified = sql<never, { userId: string; accountId: string; nowMs: number }>(
  `with used as (update email_verification set used_at = to_timestamp(:nowMs / 1000.0) where user_id = :userId),
        account_verified as (update account set email_verified_at = coalesce(email_verified_at, to_timestamp(:nowMs / 1000.0)) where id = :accountId)
   update app_user set email_verified_at = coalesce(email_verified_at, to_timestamp(:nowMs / 1000.0)) where id = :userId`,
);

/** Verification mails queued for a user since `sinceMs`, and the oldest of them (to say when the next is allowed). */
export const countVerificationMailsSince = sql<{ count: number; oldest_ms: number | null }, { userId: string; sinceMs: number }>(
  `select count(*)::int as count, (extract(epoch from min(created_at)) * 1000)::float8 as oldest_ms from email_message
    where verification_user_id = :userId and created_at > to_timestamp(:sinceMs / 1000.0)`,
);

/** Queues one verification mail, due at once (the mail sender delivers it after commit). */
export const insertVerificationMail = sql<
  { id: string },
  { accountId: string; userId: string; recipient: string; subject: string; text: string; send: number; nowMs: number }
>(
  `insert into email_message (account_id, user_id, recipient, kind, subject, body_text, verification_user_id, verification_send, next_attempt_at,
                              created_at)
   values (:accountId, :userId, :recipient, 'EMAIL_VERIFICATION', :subject, :text, :userId, :send, to_timestamp(:nowMs / 1000.0),
           to_timestamp(:nowMs / 1000.0))
   returning id::text`,
);

/** A user with the e-mail-verification state, by id. */
export const selectUserForVerification = sql<UserRow & { account_name: string | null }, { userId: string }>(
  `select ${USER_COLUMNS}, a.name as account_name from app_user u left join account a on a.id = u.account_id where u.id = :userId`,
);

/**
 * Claims a person's one trial credit: a row only when no address with the same trial-credit key
 * (`trialCreditKeyOf`) claimed it before; `email` is the address that was verified.
 */
export const claimTrialCredit = sql<
  { email_key: string },
  { email: string; emailKey: string; accountId: string; walletId: string; nowMs: number }
>(
  `insert into trial_credit_grant (email, email_key, account_id, wallet_id, granted_at)
   values (:email, :emailKey, :accountId, :walletId, to_timestamp(:nowMs / 1000.0))
   on conflict (email_key) do nothing returning email_key`,
);

/** Records the posted grant on the claim. */
export const recordTrialCreditTransaction = sql<never, { emailKey: string; transactionId: string }>(
  'update trial_credit_grant set wallet_transaction_id = :transactionId where email_key = :emailKey',
);

/** The first wallet of an account (the one the sign-up opened), locked. */
export const lockFirstWallet = sql<{ id: string; currency: string }, { accountId: string }>(
  'select id, currency::text from wallet where account_id = :accountId order by created_at, id limit 1 for update',
);

/** Whether an account still waits for its owner's e-mail verification. */
export const selectAccountUnverified = sql<{ unverified: boolean }, { accountId: string }>(
  'select email_verified_at is null as unverified from account where id = :accountId',
);
