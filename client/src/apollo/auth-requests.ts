/**
 * The dashboard's requests to the server's sign-in endpoints (`POST /auth/*`, JSON in and out) and
 * the load-time session check (`me` over `/graphql` with the cookie alone). Same-origin requests:
 * the browser sends and stores the httpOnly `sw_session` cookie by itself; the page never sees it.
 * Every function resolves, never rejects: failures come back as values (utils/auth-response.ts).
 */
import { networkFailure, parseAuthResponse, parseSessionCheck, type AuthResult, type SessionCheck } from '../utils/auth-response.js';

/** Options shared by the requests: where the server is and how to reach it. */
export interface AuthRequestOptions {
  /** Prefix of the server's paths. @default '' (the page's own origin) */
  baseUrl?: string;
  /** The fetch to use; tests pass a fake. @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** The session check's query: only the user, which API keys and the operator's token do not have. */
export const SESSION_CHECK_QUERY = 'query SessionCheck { me { role accountId apiKeyId user { id accountId email name role } } }';

function fetchOf(options: AuthRequestOptions): typeof fetch {
  return options.fetch ?? ((input, init) => globalThis.fetch(input, init));
}

async function postJson(path: string, body: unknown, options: AuthRequestOptions): Promise<{ status: number; bodyText: string }> {
  const response = await fetchOf(options)(`${options.baseUrl ?? ''}${path}`, {
    method: 'POST',
    // same-origin is fetch's default; said here because the session depends on it.
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, bodyText: await response.text() };
}

async function authRequest(path: string, body: unknown, options: AuthRequestOptions): Promise<AuthResult> {
  try {
    const { status, bodyText } = await postJson(path, body, options);
    return parseAuthResponse(status, bodyText);
  } catch (error) {
    return networkFailure(error);
  }
}

/** `POST /auth/sign-in`: on success the server has set the session cookie. */
export function signIn(credentials: { email: string; password: string }, options: AuthRequestOptions = {}): Promise<AuthResult> {
  return authRequest('/auth/sign-in', { email: credentials.email.trim(), password: credentials.password }, options);
}

/** `POST /auth/accept-invitation`: creates the invited user and, on success, signs them in (cookie set). */
export function acceptInvitation(
  invitation: { token: string; name: string; password: string },
  options: AuthRequestOptions = {},
): Promise<AuthResult> {
  return authRequest(
    '/auth/accept-invitation',
    { token: invitation.token, name: invitation.name.trim(), password: invitation.password },
    options,
  );
}

/** The outcome of {@link signOut}: ok, or the reason it failed (the session may still be open). */
export type SignOutResult = { ok: true } | { ok: false; message: string };

/**
 * `POST /auth/sign-out`: the server ends the session, clears the cookie and closes the session's
 * sockets (4403). A session that had already ended counts as signed out.
 */
export async function signOut(options: AuthRequestOptions = {}): Promise<SignOutResult> {
  try {
    const { status, bodyText } = await postJson('/auth/sign-out', {}, options);
    if (status >= 200 && status < 300) return { ok: true };
    const failure = parseAuthResponse(status, bodyText);
    return { ok: false, message: failure.ok ? `The server answered HTTP ${status}.` : failure.message };
  } catch (error) {
    return { ok: false, message: networkFailure(error).message };
  }
}

/**
 * Asks the server who the session cookie belongs to (`me` with no Authorization header). Resolves
 * "signed-out" on 401/UNAUTHENTICATED, "unavailable" when the server cannot be reached or answers
 * with something else.
 */
export async function checkSession(options: AuthRequestOptions = {}): Promise<SessionCheck> {
  try {
    const { status, bodyText } = await postJson('/graphql', { query: SESSION_CHECK_QUERY, operationName: 'SessionCheck' }, options);
    return parseSessionCheck(status, bodyText);
  } catch (error) {
    return { kind: 'unavailable', message: networkFailure(error).message };
  }
}
