import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { transaction, type SqlTransaction } from '../../database/sql.js';
import { BadUserInputError, ForbiddenError, InvalidStateError, RateLimitedError, SignUpDisabledError } from '../../errors.js';
import { hashApiKeySecret } from '../accounts/api-key-secret.js';
import { startTrialLowBalanceThresholds, trialLowBalanceThresholdMicros } from '../alerts/start-trial-thresholds.service.js';
import type { Principal } from '../accounts/principal.js';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
import { Role } from '../accounts/role.js';
import { composeVerificationMail } from '../mail/compose-verification-mail.js';
import { formatMoneyForPeople, isSupportedCurrency, SUPPORTED_CURRENCIES } from '../wallets/money.js';
import { postWalletTransactionIn } from '../wallets/post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from '../wallets/transaction-enums.js';
import { validateText } from '../wallets/validate-input.js';
import { hashPassword } from './password.js';
import {
  claimTrialCredit,
  countVerificationMailsSince,
  insertEmailVerification,
  insertSignedUpAccount,
  insertSignedUpUser,
  insertSignedUpWallet,
  insertVerificationMail,
  lockEmailVerificationByToken,
  lockEmailVerificationOfUser,
  lockFirstWallet,
  markEmailVerified,
  recordTrialCreditTransaction,
  renewEmailVerification,
  selectUserForVerification,
} from './sign-up.queries.js';
import { publicUrlOf } from './team.service.js';
import { normalizeEmail, toUserRecord, type UserRecord } from './user-record.js';
import { selectEmailTaken } from './users.queries.js';
import { trialCreditKeyOf } from './trial-credit-key.js';

/** Every verification token starts with this (`sw_` API keys, `sws_` sessions, `swi_` invitations). */
export const VERIFICATION_TOKEN_PREFIX = 'swv_';

/** The dashboard page that verifies an address (it posts the token to `/auth/verify-email`). */
export const VERIFY_EMAIL_PATH = '/verify-email';

/** What a person types to sign up. */
export interface SignUpInput {
  email: string;
  password: string;
  /** Their own name. */
  name: string;
  /** The company: it names the account (and its billing profile's legal name). */
  company: string;
  /** ISO 3166-1 alpha-2, the billing country (decides tax). */
  country: string;
  /** ISO 4217 code of the account's first wallet. */
  currency: string;
}

/** A sign-up that worked: the OWNER (unverified) and what was opened for them. */
export interface SignedUp {
  user: UserRecord;
  accountId: string;
  walletId: string;
}

/** What a verification did. */
export interface EmailVerified {
  userId: string;
  accountId: string;
  /** True when the link had already been used (a second click): nothing changed. */
  alreadyVerified: boolean;
  /** The trial credit this verification granted, or null (none configured, or this person had it before under any spelling of the address). */
  trialCredit: { amountMicros: bigint; currency: string; walletId: string } | null;
}

/** Checks and normalizes every field, naming the first one refused. */
function validateSignUp(config: Config, input: SignUpInput): SignUpInput {
  const email = normalizeEmail(String(input.email ?? ''));
  if (email === null) throw new BadUserInputError('email', 'email must be an e-mail address');
  const password = String(input.password ?? '');
  if (password.length < config.passwordLengthMin || password.length > config.passwordLengthMax) {
    throw new BadUserInputError('password', `password must be ${config.passwordLengthMin} to ${config.passwordLengthMax} characters`);
  }
  const name = validateText('name', String(input.name ?? ''), config.nameLengthMax);
  const company = validateText('company', String(input.company ?? ''), config.companyNameLengthMax);
  let country = String(input.country ?? '')
    .trim()
    .toUpperCase();
  if (country === 'UK') country = 'GB';
  if (!/^[A-Z]{2}$/.test(country))
    throw new BadUserInputError('country', 'country must be an ISO 3166-1 alpha-2 code, e.g. "GB", "DE", "US"');
  const currency = String(input.currency ?? '')
    .trim()
    .toUpperCase();
  if (!isSupportedCurrency(currency)) throw new BadUserInputError('currency', `currency must be one of ${SUPPORTED_CURRENCIES.join(', ')}`);
  return { email, password, name, company, country, currency };
}

/** A new verification token (256 random bits) and the hash that is stored. */
function newVerificationToken(): { token: string; tokenHash: string } {
  const token = VERIFICATION_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, tokenHash: hashApiKeySecret(token) };
}

/** The verification page's link for a token. */
export function verificationLink(publicUrl: string, token: string): string {
  const url = new URL(VERIFY_EMAIL_PATH, `${publicUrl}/`);
  url.searchParams.set('token', token);
  return url.toString();
}

/** Queues one verification mail in the caller's transaction; the mail sender delivers it once this commits. */
async function queueVerificationMail(
  tx: SqlTransaction,
  config: Config,
  options: { user: UserRecord; accountName: string; currency: string; token: string; send: number; expiresAtMs: number; nowMs: number },
): Promise<void> {
  const trialMicros = config.trialCreditMicros[options.currency] ?? 0n;
  const mail = composeVerificationMail({
    name: options.user.name,
    accountName: options.accountName,
    link: verificationLink(publicUrlOf(config), options.token),
    expiresAt: new Date(options.expiresAtMs),
    trialCredit: trialMicros > 0n ? formatMoneyForPeople(trialMicros, options.currency) : null,
    resent: options.send > 1,
  });
  await insertVerificationMail.one(tx, {
    accountId: options.user.accountId!,
    userId: options.user.id,
    recipient: options.user.email,
    subject: mail.subject,
    text: mail.text,
    send: options.send,
    nowMs: options.nowMs,
  });
}

/**
 * Someone opens an account for themselves: the account (named after the company, billed in the
 * country), its first wallet (in the currency) and its OWNER (unverified) in ONE transaction, with
 * the verification link's mail queued in it (mail outbox). The caller signs them in.
 *
 * A taken address is refused INVALID_STATE (`field: email`): signing people in at once means a new
 * address and a taken one cannot be answered alike; the per-IP sign-up limit (transport) bounds
 * how fast addresses can be probed this way, and the password is hashed first so both answers cost the same.
 * @throws SignUpDisabledError, BadUserInputError (`email`, `password`, `name`, `company`, `country`, `currency`), InvalidStateError.
 */
export async function signUp(em: EntityManager, config: Config, options: SignUpInput & { nowMs: number }): Promise<SignedUp> {
  if (!config.signUpEnabled) throw new SignUpDisabledError();
  const input = validateSignUp(config, options);
  const passwordHash = await hashPassword(input.password, config.passwordScryptCost);
  const taken = () => new InvalidStateError('An account with this e-mail address already exists: sign in instead', { field: 'email' });
  try {
    return await transaction(em, async (tx) => {
      if (await selectEmailTaken.maybeOne(tx, { email: input.email })) throw taken();
      const accountId = randomUUID();
      await insertSignedUpAccount.one(tx, { id: accountId, name: input.company, country: input.country, nowMs: options.nowMs });
      const walletId = randomUUID();
      await insertSignedUpWallet.one(tx, { id: walletId, accountId, currency: input.currency, name: 'Main', nowMs: options.nowMs });
      const user = toUserRecord(
        await insertSignedUpUser.one(tx, {
          id: randomUUID(),
          accountId,
          email: input.email,
          name: input.name,
          role: Role.OWNER,
          passwordHash,
          nowMs: options.nowMs,
        }),
      );
      const { token, tokenHash } = newVerificationToken();
      const expiresAtMs = options.nowMs + config.emailVerificationTtlMs;
      await insertEmailVerification.run(tx, { userId: user.id, tokenHash, nowMs: options.nowMs, expiresAtMs });
      await queueVerificationMail(tx, config, {
        user,
        accountName: input.company,
        currency: input.currency,
        token,
        send: 1,
        expiresAtMs,
        nowMs: options.nowMs,
      });
      // The new owner opened it themselves (no client IP reaches this service).
      await recordAudit(tx, {
        principal: { role: Role.OWNER, accountId, apiKeyId: null, actor: `user:${user.id}`, userId: user.id },
        accountId,
        action: AuditAction.ACCOUNT_CREATED,
        targetType: 'ACCOUNT',
        targetId: accountId,
        after: { name: input.company, country: input.country, currency: input.currency, walletId, signedUp: true },
      });
      return { user, accountId, walletId };
    });
  } catch (error) {
    // Two sign-ups of one address at once: the unique index decides, the loser is told as above.
    if ((error as { code?: string }).code === '23505' && (error as { constraint?: string }).constraint === 'app_user_email_idx')
      throw taken();
    throw error;
  }
}

/**
 * Verifies an address with the token of the mailed link, once: the user and the account become
 * verified and, the first time this person verifies an address (any spelling of one mailbox: see
 * `trialCreditKeyOf`), the account's first wallet receives the trial credit of its currency
 * (`trialCreditMicros`): a GRANT from PROMOTIONAL_CREDIT, which refunds of unused credit never pay
 * back. The wallet then gets a trial's low-balance thresholds (`trialLowBalanceThresholdPercent`).
 * A second spelling verifies like the first, without the credit. All in one transaction under the verification's row lock,
 * so concurrent clicks grant once; a used link answers `alreadyVerified` and changes nothing.
 * Signals `committed` when money moved.
 * @throws BadUserInputError (`token`: unknown, replaced by a newer mail, or expired).
 */
export async function verifyEmail(
  em: EntityManager,
  deps: { config: Config; committed(): void },
  options: { token: string; nowMs: number },
): Promise<EmailVerified> {
  const { config } = deps;
  const result = await transaction(em, async (tx): Promise<EmailVerified> => {
    const found = await lockEmailVerificationByToken.maybeOne(tx, {
      tokenHash: hashApiKeySecret(String(options.token ?? '')),
      nowMs: options.nowMs,
    });
    if (!found || (found.expired && !found.used))
      throw new BadUserInputError('token', 'This link no longer works (it expired, or a newer e-mail replaced it): ask for a new one');
    if (found.used) return { userId: found.user_id, accountId: found.account_id, alreadyVerified: true, trialCredit: null };
    // Lock order: wallets before accounts, as everywhere else.
    const wallet = await lockFirstWallet.maybeOne(tx, { accountId: found.account_id });
    await markEmailVerified.run(tx, { userId: found.user_id, accountId: found.account_id, nowMs: options.nowMs });
    const amountMicros = wallet ? (config.trialCreditMicros[wallet.currency] ?? 0n) : 0n;
    let trialCredit: EmailVerified['trialCredit'] = null;
    if (wallet && amountMicros > 0n) {
      const emailKey = trialCreditKeyOf(found.email);
      const claimed = await claimTrialCredit.maybeOne(tx, {
        email: found.email,
        emailKey,
        accountId: found.account_id,
        walletId: wallet.id,
        nowMs: options.nowMs,
      });
      if (claimed) {
        const posted = await postWalletTransactionIn(tx, {
          walletId: wallet.id,
          accountScope: found.account_id,
          deltaMicros: amountMicros,
          kind: TransactionKind.GRANT,
          counterparty: PlatformAccountCode.PROMOTIONAL_CREDIT,
          description: 'Promotional credit: trial credit for verifying your e-mail address',
          campaignId: null,
          actor: `user:${found.user_id}`,
          idempotencyKey: null,
          operation: 'trialCredit',
          walletBalanceMicrosMax: config.walletBalanceMicrosMax,
        });
        if (!posted) throw new Error('Assertion failed: an empty new wallet takes the trial credit');
        await recordTrialCreditTransaction.run(tx, { emailKey, transactionId: posted.transaction.id });
        trialCredit = { amountMicros, currency: wallet.currency, walletId: wallet.id };
      }
    }
    return { userId: found.user_id, accountId: found.account_id, alreadyVerified: false, trialCredit };
  });
  if (result.trialCredit) {
    deps.committed();
    const thresholdMicros = trialLowBalanceThresholdMicros(result.trialCredit.amountMicros, config.trialLowBalanceThresholdPercent);
    if (thresholdMicros !== null) {
      // After the grant's commit, in a transaction of its own that locks only the wallet's alert
      // state (as the alert processor does): taken inside the grant's, after its wallet lock, it could
      // deadlock with the processor's pass over this wallet. Lost to a crash in between, the wallet
      // simply keeps the default thresholds.
      await startTrialLowBalanceThresholds(em, {
        principal: { role: Role.OWNER, accountId: result.accountId, apiKeyId: null, actor: `user:${result.userId}`, userId: result.userId },
        accountId: result.accountId,
        walletId: result.trialCredit.walletId,
        thresholdMicros,
      });
    }
  }
  return result;
}

/**
 * Mails the signed-in user a new verification link (valid `emailVerificationTtlMs` from now); the
 * previous link stops working. At most `verificationMailsPerUserMax` mails per
 * `verificationMailWindowMs` (the first one counts).
 * @throws ForbiddenError (not a signed-in user), InvalidStateError (already verified), RateLimitedError.
 */
export async function resendVerificationEmail(
  em: EntityManager,
  config: Config,
  options: { principal: Principal; nowMs: number },
): Promise<{ expiresAt: Date }> {
  const userId = options.principal.userId;
  if (!userId) throw new ForbiddenError('Only a signed-in user can ask for a new verification link');
  return transaction(em, async (tx) => {
    const verification = await lockEmailVerificationOfUser.maybeOne(tx, { userId });
    const row = await selectUserForVerification.one(tx, { userId });
    const user = toUserRecord(row);
    if (!verification || verification.used || user.emailVerifiedAt !== null)
      throw new InvalidStateError('Your e-mail address is already verified');
    const sent = await countVerificationMailsSince.one(tx, { userId, sinceMs: options.nowMs - config.verificationMailWindowMs });
    if (sent.count >= config.verificationMailsPerUserMax) {
      const retryAfterMs = (sent.oldest_ms ?? options.nowMs) + config.verificationMailWindowMs - options.nowMs;
      throw new RateLimitedError(
        `We sent ${sent.count} verification e-mails in the last ${Math.round(config.verificationMailWindowMs / 60_000)} minutes, the most allowed: try again later`,
        'verificationMailsPerUserMax',
        Math.max(1, Math.ceil(retryAfterMs / 1000)),
      );
    }
    const { token, tokenHash } = newVerificationToken();
    const expiresAtMs = options.nowMs + config.emailVerificationTtlMs;
    const renewed = await renewEmailVerification.one(tx, { userId, tokenHash, nowMs: options.nowMs, expiresAtMs });
    const wallet = await lockFirstWallet.maybeOne(tx, { accountId: user.accountId! });
    await queueVerificationMail(tx, config, {
      user,
      accountName: row.account_name ?? '',
      currency: wallet?.currency ?? '',
      token,
      send: renewed.sends,
      expiresAtMs,
      nowMs: options.nowMs,
    });
    return { expiresAt: new Date(expiresAtMs) };
  });
}
