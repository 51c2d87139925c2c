import express from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import type { Clock } from '../domain/calls/clock.js';
import { acceptInvitation } from '../domain/users/invitations.service.js';
import { endSession, signIn, startSession } from '../domain/users/sessions.service.js';
import type { UserRecord } from '../domain/users/user-record.js';
import { DomainError } from '../errors.js';
import { clearedSessionCookie, cookieValue, sameOrigin, SESSION_COOKIE, sessionCookie } from './session-cookie.js';

/** Options of {@link authRoutes}. */
export interface AuthRoutesOptions {
  orm: MikroORM;
  config: Config;
  clock: Clock;
  /** Closes this process's sockets of a session that just ended (other processes notice within a second). */
  closeSessionSockets(sessionId: string): void;
}

const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, INVALID_STATE: 409 };

function userJson(user: UserRecord) {
  return { id: user.id, accountId: user.accountId, email: user.email, name: user.name, role: user.role };
}

/**
 * The dashboard's sign-in: `POST /auth/sign-in`, `/auth/sign-out`, `/auth/accept-invitation`, JSON
 * in and out. A session lives in an httpOnly, SameSite=Strict cookie; API keys stay for
 * integrators. JSON bodies only (a cross-site form cannot send one without a CORS preflight, which
 * these routes do not answer) and, when the browser names an Origin, only this server's.
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
    (work: (request: express.Request, response: express.Response) => Promise<unknown>) => async (request: express.Request, response: express.Response) => {
      try {
        response.json(await work(request, response));
      } catch (error) {
        if (error instanceof DomainError) {
          response.status(STATUS_OF[error.code] ?? 400).json({ error: { code: error.code, message: error.message, ...error.extensions } });
          return;
        }
        console.error('Auth route failed:', error);
        response.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
      }
    };
  const em = () => options.orm.em.fork();

  router.post(
    '/auth/sign-in',
    handle(async (request, response) => {
      const body = (request.body ?? {}) as { email?: unknown; password?: unknown };
      const session = await signIn(em(), config, { email: String(body.email ?? ''), password: String(body.password ?? ''), nowMs: options.clock.now() });
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
      const user = await acceptInvitation(em(), config, { token: String(body.token ?? ''), name: String(body.name ?? ''), password: String(body.password ?? ''), nowMs });
      const session = await startSession(em(), config, user, nowMs);
      response.setHeader('Set-Cookie', sessionCookie(session.token, config.sessionTtlMs, config.sessionCookieSecure));
      return { user: userJson(user), expiresAt: session.expiresAt.toISOString() };
    }),
  );
  return router;
}
