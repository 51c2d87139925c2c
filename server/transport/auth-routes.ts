import express from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import type { Clock } from '../domain/calls/clock.js';
import { acceptInvitation } from '../domain/users/invitations.service.js';
import { endSession, signIn, startSession } from '../domain/users/sessions.service.js';
import type { UserRecord } from '../domain/users/user-record.js';
import { DomainError, RateLimitedError } from '../errors.js';
import { RateLimited, type RateLimits } from './rate-limits/rate-limits.js';
import type { ThrottledAttempt, ThrottleSubject } from './rate-limits/sign-in-throttle.js';
import { clearedSessionCookie, cookieValue, sameOrigin, SESSION_COOKIE, sessionCookie } from './session-cookie.js';

/** Options of {@link authRoutes}. */
export interface AuthRoutesOptions {
  orm: MikroORM;
  config: Config;
  clock: Clock;
  /** Closes this process's sockets of a session that just ended (other processes notice within a second). */
  closeSessionSockets(sessionId: string): void;
  /** The sign-in lockouts (absent or disabled: no lockout). */
  rateLimits?: RateLimits;
}

const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, INVALID_STATE: 409, RATE_LIMITED: 429 };

function userJson(user: UserRecord) {
  return { id: user.id, accountId: user.accountId, email: user.email, name: user.name, role: user.role };
}

/**
 * The dashboard's sign-in: `POST /auth/sign-in`, `/auth/sign-out`, `/auth/accept-invitation`, JSON
 * in and out. A session lives in an httpOnly, SameSite=Strict cookie; API keys stay for
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
        console.error('Auth route failed:', error);
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
  return router;
}
