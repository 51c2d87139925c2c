/**
 * What the server's sign-in endpoints (`POST /auth/sign-in`, `/auth/accept-invitation`,
 * `/auth/sign-out`) and the session check (`me` over `/graphql` with the cookie alone) answered,
 * read from the status and the body text. Pure, so every answer, odd ones included (an HTML page
 * from a proxy, an empty body), is tested without a server.
 */
import { Role } from '../gql/graphql.js';

/** The signed-in person, as `/auth/sign-in` and `me { user }` describe them. */
export interface SessionUser {
  id: string;
  /** Null for platform staff (SUPPORT, PLATFORM_ADMIN), who belong to no account. */
  accountId: string | null;
  email: string;
  name: string;
  role: Role;
}

/** A sign-in (or an accepted invitation) that worked: the cookie is set. */
export interface AuthSuccess {
  ok: true;
  user: SessionUser;
  /** When the session ends, RFC 3339; null when the answer did not say. */
  expiresAt: string | null;
}

/** A refusal or a failure, with a message for the person at the screen. */
export interface AuthFailure {
  ok: false;
  /**
   * The server's code (`UNAUTHENTICATED`, `BAD_USER_INPUT`, `INVALID_STATE`, `BAD_REQUEST`…),
   * `HTTP <status>` when the answer had none, or {@link NETWORK_FAILURE_CODE} when there was no answer.
   */
  code: string;
  /** The server's own message when it sent one ("Wrong e-mail or password"), else a sentence of ours. */
  message: string;
  /** The input the server refused (`email`, `password`, `name`, `token`), or null. */
  field: string | null;
}

/** The outcome of one request to an `/auth/*` endpoint. */
export type AuthResult = AuthSuccess | AuthFailure;

/** {@link AuthFailure.code} when the request got no answer at all (offline, server down). */
export const NETWORK_FAILURE_CODE = 'NETWORK';

/** What the session check found. */
export type SessionCheck =
  /** The cookie is valid: the person goes straight in. */
  | { kind: 'signed-in'; user: SessionUser }
  /** No cookie, or one that ended (401 / UNAUTHENTICATED): the sign-in page. */
  | { kind: 'signed-out' }
  /** The server could not say (unreachable, 5xx, not GraphQL): the sign-in page with `message`. */
  | { kind: 'unavailable'; message: string };

/** The schema's roles (generated): a role the schema does not have is not a session user's. */
const ROLES: readonly string[] = Object.values(Role);

function parseJson(bodyText: string): unknown {
  try {
    return JSON.parse(bodyText);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` as a {@link SessionUser}, or null when a field is missing or of the wrong type. */
export function sessionUserOf(value: unknown): SessionUser | null {
  if (!isRecord(value)) return null;
  const { id, accountId, email, name, role } = value;
  if (typeof id !== 'string' || typeof email !== 'string' || typeof name !== 'string') return null;
  if (typeof role !== 'string' || !ROLES.includes(role)) return null;
  if (accountId !== null && accountId !== undefined && typeof accountId !== 'string') return null;
  return { id, accountId: accountId ?? null, email, name, role: role as Role };
}

/** A failure for a request that got no answer; `error` is what fetch threw. */
export function networkFailure(error: unknown): AuthFailure {
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return {
    ok: false,
    code: NETWORK_FAILURE_CODE,
    message: `Cannot reach the server. Check the connection and try again${detail}.`,
    field: null,
  };
}

/**
 * Reads the answer of `POST /auth/sign-in` or `/auth/accept-invitation`: 2xx with `{ user, expiresAt }`
 * is a success; `{ error: { code, message, field? } }` a refusal with the server's words; anything
 * else a failure named after its status.
 */
export function parseAuthResponse(status: number, bodyText: string): AuthResult {
  const body = parseJson(bodyText);
  if (status >= 200 && status < 300) {
    const user = isRecord(body) ? sessionUserOf(body.user) : null;
    if (user !== null) {
      const expiresAt = isRecord(body) && typeof body.expiresAt === 'string' ? body.expiresAt : null;
      return { ok: true, user, expiresAt };
    }
    return { ok: false, code: `HTTP ${status}`, message: 'The server answered, but not with a signed-in user.', field: null };
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (error !== null && typeof error.message === 'string' && error.message.trim() !== '') {
    return {
      ok: false,
      code: typeof error.code === 'string' ? error.code : `HTTP ${status}`,
      message: error.message,
      field: typeof error.field === 'string' ? error.field : null,
    };
  }
  return {
    ok: false,
    code: `HTTP ${status}`,
    message: `The server answered with an error (HTTP ${status}). Try again in a moment.`,
    field: null,
  };
}

/** True when a GraphQL response body (`{ errors: [...] }`) carries an UNAUTHENTICATED error. */
export function hasUnauthenticatedError(body: unknown): boolean {
  if (!isRecord(body) || !Array.isArray(body.errors)) return false;
  return body.errors.some((error) => isRecord(error) && isRecord(error.extensions) && error.extensions.code === 'UNAUTHENTICATED');
}

/**
 * Reads the answer of the session check (`me { user { … } }` over `/graphql`, with the cookie and
 * no Authorization header): a user means signed in; 401 or UNAUTHENTICATED means signed out;
 * anything else leaves the question open ("unavailable").
 */
export function parseSessionCheck(status: number, bodyText: string): SessionCheck {
  const body = parseJson(bodyText);
  if (status === 401 || hasUnauthenticatedError(body)) return { kind: 'signed-out' };
  if (status >= 200 && status < 300 && isRecord(body) && isRecord(body.data) && isRecord(body.data.me)) {
    const user = sessionUserOf(body.data.me.user);
    // A `me` without a user is an API key or the operator's token: not a dashboard session.
    return user === null ? { kind: 'signed-out' } : { kind: 'signed-in', user };
  }
  return { kind: 'unavailable', message: `The server could not check your session (HTTP ${status}). Sign in, or reload in a moment.` };
}
