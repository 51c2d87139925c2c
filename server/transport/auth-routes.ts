import express from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import type { Clock } from '../domain/calls/clock.js';
import { acceptInvitation } from '../domain/users/invitations.service.js';
import { authenticateSession, endSession, signIn, startSession } from '../domain/users/sessions.service.js';
import { resendVerificationEmail, signUp, verifyEmail } from '../domain/users/sign-up.service.js';
import { formatMoney, SUPPORTED_CURRENCIES } from '../domain/wallets/money.js';
import type { UserRecord } from '../domain/users/user-record.js';
import { DomainError, RateLimitedError, SignUpDisabledError, UnauthenticatedError } from '../errors.js';
import { RateLimited, type RateLimits } from './rate-limits/rate-limits.js';
import type { ThrottledAttempt, ThrottleSubject } from './rate-limits/sign-in-throttle.js';
import { clearedSessionCookie, cookieValue, sameOrigin, SESSION_COOKIE, sessionCookie } from './session-cookie.js';
import { log } from '../logging/logger.js';

/** Options of {@link authRoutes}. */
export interface AuthRoutesOptions {
  orm: MikroORM;
  config: Config;
  clock: Clock;
  /** Closes this process's sockets of a session that just ended (other processes notice within a second). */
  closeSessionSockets(sessionId: string): void;
  /** The sign-in lockouts and the sign-up limit (absent or disabled: none). */
  rateLimits?: RateLimits;
  /** Tells subscribers that money moved (a verification's trial credit). */
  committed(): void;
}

const STATUS_OF: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  SIGN_UP_DISABLED: 403,
  NOT_FOUND: 404,
  INVALID_STATE: 409,
  RATE_LIMITED: 429,
};

function userJson(user: UserRecord) {
  return {
    id: user.id,
    accountId: user.accountId,
    email: user.email,
    name: user.name,
    role: user.role,
    emailVerified: user.emailVerifiedAt !== null,
  };
}

/**
 * The dashboard's sign-in: `POST /auth/sign-in`, `/auth/sign-out`, `/auth/accept-invitation`, and
 * self-service sign-up (`/auth/sign-up`, `/auth/sign-up/options`, `/auth/verify-email`,
 * `/auth/resend-verification`), JSON in and out. A session lives in an httpOnly, SameSite=Strict cookie; API keys stay for
 * integrators. JSON bodies only (a cross-site form cannot send one without a CORS preflight, which
 * these routes do not answer) and, when the browser names an Origin, only this server's.
 *
 * Password guessing is throttled per e-mail (per invitation) and per client IP address, BEFORE any
 * scrypt work: after `signInFailuresBeforeLockout` failures the e-mail is locked out (429
 * RATE_LIMITED with `Retry-After`) for `signInLockoutInitialMs`, doubled at each further failure
 * up to `signInLockoutMaxMs`; a success resets the e-mail's count (never the IP's).
 */
export function authRoutes(options: AuthRoutesOptions): express.Router {
  const { config } = options;
  const router = express.Router();
  router.use('/auth', express.json({ limit: 10_000 }), (request, response, next) => {
    if (request.method !== 'POST' || !request.is('application/json') || !sameOrigin(request.headers.origin, request.headers.host)) {
      response.status(400).json({ error: { code: 'BAD_REQUEST', message: 'POST JSON from this site only' } });
      return;
    }
    next();
  });
  const handle =
    (work: (request: express.Request, response: express.Response) => Promise<unknown>) =>
    async (request: express.Request, response: express.Response) => {
      try {
        response.json(await work(request, response));
      } catch (error) {
        if (error instanceof DomainError) {
          if (error instanceof RateLimitedError) response.setHeader('Retry-After', String(error.extensions.retryAfterSeconds));
          response.status(STATUS_OF[error.code] ?? 400).json({ error: { code: error.code, message: error.message, ...error.extensions } });
          return;
        }
        log.error({ err: error }, 'Auth route failed');
        response.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
      }
    };
  const em = () => options.orm.em.fork();
  /**
   * Runs a credential check under the lockouts: refused (RATE_LIMITED) while a subject is locked
   * out, before `check` runs; every failure of `check` counts; its success resets.
   */
  const throttled = async <T>(subjects: ThrottleSubject[], check: () => Promise<T>): Promise<T> => {
    const throttle = options.rateLimits?.signIn;
    if (!throttle) return check();
    const attempt: RateLimited | ThrottledAttempt = await throttle.begin(subjects);
    if (attempt instanceof RateLimited) {
      throw new RateLimitedError(
        `Too many failed attempts: retry in ${attempt.retryAfterSeconds} s`,
        attempt.limit,
        attempt.retryAfterSeconds,
      );
    }
    const result = await check();
    await attempt.succeeded();
    return result;
  };
  const ipSubject = (request: express.Request): ThrottleSubject => ({
    key: `ip:${request.ip ?? request.socket.remoteAddress ?? 'unknown'}`,
    failuresBeforeLockout: config.signInIpFailuresBeforeLockout,
    limit: 'signInIpFailuresBeforeLockout',
    resetOnSuccess: false,
  });

  router.post(
    '/auth/sign-in',
    handle(async (request, response) => {
      const body = (request.body ?? {}) as { email?: unknown; password?: unknown };
      const email = String(body.email ?? '');
      const emailSubject: ThrottleSubject = {
        key: `email:${email.trim().toLowerCase()}`,
        failuresBeforeLockout: config.signInFailuresBeforeLockout,
        limit: 'signInFailuresBeforeLockout',
        resetOnSuccess: true,
      };
      const session = await throttled([emailSubject, ipSubject(request)], () =>
        signIn(em(), config, { email, password: String(body.password ?? ''), nowMs: options.clock.now() }),
      );
      response.setHeader('Set-Cookie', sessionCookie(session.token, config.sessionTtlMs, config.sessionCookieSecure));
      return { user: userJson(session.user), expiresAt: session.expiresAt.toISOString() };
    }),
  );
  router.post(
    '/auth/sign-out',
    handle(async (request, response) => {
      const token = cookieValue(request.headers.cookie, SESSION_COOKIE);
      const sessionId = token ? await endSession(em(), token) : null;
      if (sessionId) options.closeSessionSockets(sessionId);
      response.setHeader('Set-Cookie', clearedSessionCookie(config.sessionCookieSecure));
      return { signedOut: sessionId !== null };
    }),
  );
  router.post(
    '/auth/accept-invitation',
    handle(async (request, response) => {
      const body = (request.body ?? {}) as { token?: unknown; name?: unknown; password?: unknown };
      const nowMs = options.clock.now();
      const token = String(body.token ?? '');
      const invitationSubject: ThrottleSubject = {
        key: `invitation:${token}`,
        failuresBeforeLockout: config.signInFailuresBeforeLockout,
        limit: 'signInFailuresBeforeLockout',
        resetOnSuccess: true,
      };
      const user = await throttled([invitationSubject, ipSubject(request)], () =>
        acceptInvitation(em(), config, { token, name: String(body.name ?? ''), password: String(body.password ?? ''), nowMs }),
      );
      const session = await startSession(em(), config, user, nowMs);
      response.setHeader('Set-Cookie', sessionCookie(session.token, config.sessionTtlMs, config.sessionCookieSecure));
      return { user: userJson(user), expiresAt: session.expiresAt.toISOString() };
    }),
  );
  router.post(
    '/auth/sign-up/options',
    handle(async () => ({
      enabled: config.signUpEnabled,
      currencies: SUPPORTED_CURRENCIES,
      trialCredit: Object.fromEntries(
        Object.entries(config.trialCreditMicros)
          .filter(([, micros]) => micros > 0n)
          .map(([currency, micros]) => [currency, formatMicros(micros)]),
      ),
    })),
  );
  router.post(
    '/auth/sign-up',
    handle(async (request, response) => {
      if (!config.signUpEnabled) throw new SignUpDisabledError();
      // Counted per client IP before anything is checked: refused attempts count too, so probing addresses costs the same as signing up.
      const refusal = await options.rateLimits?.signUp?.(request.ip ?? request.socket.remoteAddress ?? 'unknown');
      if (refusal) {
        throw new RateLimitedError(
          `Too many sign-ups from this address: retry in ${refusal.retryAfterSeconds} s`,
          refusal.limit,
          refusal.retryAfterSeconds,
        );
      }
      const body = (request.body ?? {}) as Record<string, unknown>;
      const nowMs = options.clock.now();
      const signedUp = await signUp(em(), config, {
        email: String(body.email ?? ''),
        password: String(body.password ?? ''),
        name: String(body.name ?? ''),
        company: String(body.company ?? ''),
        country: String(body.country ?? ''),
        currency: String(body.currency ?? ''),
        nowMs,
      });
      const session = await startSession(em(), config, signedUp.user, nowMs);
      response.setHeader('Set-Cookie', sessionCookie(session.token, config.sessionTtlMs, config.sessionCookieSecure));
      return { user: userJson(signedUp.user), expiresAt: session.expiresAt.toISOString(), walletId: signedUp.walletId };
    }),
  );
  router.post(
    '/auth/verify-email',
    handle(async (request) => {
      const body = (request.body ?? {}) as { token?: unknown };
      const token = String(body.token ?? '');
      const tokenSubject: ThrottleSubject = {
        key: `verification:${token}`,
        failuresBeforeLockout: config.signInFailuresBeforeLockout,
        limit: 'signInFailuresBeforeLockout',
        resetOnSuccess: true,
      };
      const verified = await throttled([tokenSubject, ipSubject(request)], () =>
        verifyEmail(em(), { config, committed: options.committed }, { token, nowMs: options.clock.now() }),
      );
      return {
        verified: true,
        alreadyVerified: verified.alreadyVerified,
        trialCredit: verified.trialCredit && {
          amount: formatMicros(verified.trialCredit.amountMicros),
          currency: verified.trialCredit.currency,
          walletId: verified.trialCredit.walletId,
        },
      };
    }),
  );
  router.post(
    '/auth/resend-verification',
    handle(async (request) => {
      const token = cookieValue(request.headers.cookie, SESSION_COOKIE);
      if (!token) throw new UnauthenticatedError('Sign in to ask for a new verification link');
      const principal = await authenticateSession(em(), token);
      const sent = await resendVerificationEmail(em(), config, { principal, nowMs: options.clock.now() });
      return { sent: true, expiresAt: sent.expiresAt.toISOString() };
    }),
  );
  return router;
}

/** Micros as the API writes amounts ("2.00"). */
function formatMicros(micros: bigint): string {
  return formatMoney(micros);
}
