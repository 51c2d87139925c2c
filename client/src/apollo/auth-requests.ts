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

/** What a person types to open an account (`POST /auth/sign-up`). */
export interface SignUpForm {
  email: string;
  password: string;
  name: string;
  company: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** ISO 4217, one of {@link SignUpOptions.currencies}. */
  currency: string;
}

/** `POST /auth/sign-up`: opens the account, its wallet and its owner and, on success, signs them in (cookie set, e-mail unverified). */
export function signUp(form: SignUpForm, options: AuthRequestOptions = {}): Promise<AuthResult> {
  return authRequest(
    '/auth/sign-up',
    {
      email: form.email.trim(),
      password: form.password,
      name: form.name.trim(),
      company: form.company.trim(),
      country: form.country.trim(),
      currency: form.currency,
    },
    options,
  );
}

/** What the server says about sign-up before anyone is signed in: whether it is on, the currencies, the trial credit per currency. */
export interface SignUpOptions {
  enabled: boolean;
  currencies: string[];
  /** Trial credit given at verification, per currency ("2" = 2.00); a currency absent gets none. */
  trialCredit: Record<string, string>;
}

/**
 * The answer of {@link fetchSignUpOptions}: the server's options, or why it could not be asked (so
 * a page can tell "sign-up is off" from "the server did not answer").
 */
export type SignUpOptionsResult = { ok: true; options: SignUpOptions } | { ok: false; message: string };

/** `POST /auth/sign-up/options`: whether sign-up is on (`SIGN_UP`), its currencies and trial credit. Resolves, never rejects. */
export async function fetchSignUpOptions(options: AuthRequestOptions = {}): Promise<SignUpOptionsResult> {
  try {
    const { status, bodyText } = await postJson('/auth/sign-up/options', {}, options);
    let body: Partial<SignUpOptions> = {};
    try {
      body = JSON.parse(bodyText) as Partial<SignUpOptions>;
    } catch {
      // Not JSON (a proxy's error page): answered below as unavailable.
    }
    if (status !== 200 || typeof body.enabled !== 'boolean') {
      return { ok: false, message: `The server could not say whether sign-up is open (HTTP ${status}). Try again in a moment.` };
    }
    return {
      ok: true,
      options: {
        enabled: body.enabled,
        currencies: Array.isArray(body.currencies) ? body.currencies.filter((currency) => typeof currency === 'string') : [],
        trialCredit: typeof body.trialCredit === 'object' && body.trialCredit !== null ? body.trialCredit : {},
      },
    };
  } catch (error) {
    return { ok: false, message: networkFailure(error).message };
  }
}

/** The outcome of {@link verifyEmail}. */
export type VerifyEmailResult =
  | { ok: true; alreadyVerified: boolean; trialCredit: { amount: string; currency: string } | null }
  | { ok: false; code: string; message: string };

/** `POST /auth/verify-email` with the mailed link's token: verifies the address (and gives the trial credit, once). */
export async function verifyEmail(token: string, options: AuthRequestOptions = {}): Promise<VerifyEmailResult> {
  try {
    const { status, bodyText } = await postJson('/auth/verify-email', { token }, options);
    if (status === 200) {
      const body = JSON.parse(bodyText) as { alreadyVerified?: boolean; trialCredit?: { amount: string; currency: string } | null };
      return { ok: true, alreadyVerified: body.alreadyVerified === true, trialCredit: body.trialCredit ?? null };
    }
    const failure = parseAuthResponse(status, bodyText);
    return failure.ok ? { ok: false, code: `HTTP ${status}`, message: 'Unexpected answer.' } : failure;
  } catch (error) {
    return networkFailure(error);
  }
}

/** The outcome of {@link resendVerification}: ok, or the server's refusal (e.g. RATE_LIMITED). */
export type ResendVerificationResult = { ok: true } | { ok: false; code: string; message: string };

/** `POST /auth/resend-verification` with the session cookie: mails a new link; the earlier one stops working. */
export async function resendVerification(options: AuthRequestOptions = {}): Promise<ResendVerificationResult> {
  try {
    const { status, bodyText } = await postJson('/auth/resend-verification', {}, options);
    if (status === 200) return { ok: true };
    const failure = parseAuthResponse(status, bodyText);
    return failure.ok ? { ok: false, code: `HTTP ${status}`, message: 'Unexpected answer.' } : failure;
  } catch (error) {
    return networkFailure(error);
  }
}
