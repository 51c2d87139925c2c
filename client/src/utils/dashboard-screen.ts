/**
 * Which screen the dashboard shows and which credential its requests and socket use, from the
 * page's path, the stored API key and the session. Pure: main.tsx and the tests share it.
 */
import { isAcceptInvitationPath } from './invitations.js';
import { isSignUpPath, isVerifyEmailPath } from './sign-up.js';
import type { SessionUser } from './auth-response.js';
import type { SessionState } from './session-state.js';

/** What the dashboard signs its GraphQL requests and its socket with. */
export type DashboardCredential =
  /** `Authorization: Bearer <apiKey>` on HTTP, `connectionParams.authorization` on the socket. */
  | { kind: 'api-key'; apiKey: string }
  /**
   * The session cookie, which the browser sends by itself on same-origin requests and socket
   * handshakes: no header, no connectionParams. `userId` tells one person's session from another's.
   */
  | { kind: 'session'; userId: string };

/** The screens of the dashboard. */
export type DashboardScreen =
  /** Waiting for the load-time session check: nothing to show yet. */
  | { name: 'checking' }
  /** E-mail and password (and the API key form for integrators); `notice` says why, when there is a reason. */
  | { name: 'sign-in'; notice: string | null }
  /** `/accept-invitation?token=…`, whatever the session: the invitee may open it anywhere. */
  | { name: 'accept-invitation' }
  /** `/sign-up` while nobody is signed in (someone signed in sees the dashboard). */
  | { name: 'sign-up' }
  /** `/verify-email?token=…`, whatever the session: the mail may be opened in any browser. */
  | { name: 'verify-email'; signedIn: boolean }
  /** The wallet page, for an API key or a signed-in user. */
  | { name: 'wallet'; credential: DashboardCredential; user: SessionUser | null };

/** What {@link screenFor} decides from. */
export interface ScreenInputs {
  /** `location.pathname`. */
  pathname: string;
  /** The stored API key, or null. */
  apiKey: string | null;
  session: SessionState;
}

/**
 * The credential in use: the API key when one is stored (integrators; an Authorization header
 * wins over the cookie on the server too), else the session of a signed-in user, else none.
 */
export function credentialOf(apiKey: string | null, session: SessionState): DashboardCredential | null {
  if (apiKey !== null) return { kind: 'api-key', apiKey };
  if (session.status === 'signed-in') return { kind: 'session', userId: session.user.id };
  return null;
}

/**
 * A string that is equal for equal credentials and differs otherwise ("" for none): when it
 * changes, what the previous credential fetched must go (the Apollo cache, the socket).
 */
export function credentialIdentity(credential: DashboardCredential | null): string {
  if (credential === null) return '';
  return credential.kind === 'api-key' ? `api-key:${credential.apiKey}` : `session:${credential.userId}`;
}

/** The screen for `inputs`. */
export function screenFor(inputs: ScreenInputs): DashboardScreen {
  if (isAcceptInvitationPath(inputs.pathname)) return { name: 'accept-invitation' };
  const credential = credentialOf(inputs.apiKey, inputs.session);
  if (isVerifyEmailPath(inputs.pathname)) return { name: 'verify-email', signedIn: credential !== null };
  if (credential !== null) {
    const user = credential.kind === 'session' && inputs.session.status === 'signed-in' ? inputs.session.user : null;
    return { name: 'wallet', credential, user };
  }
  if (inputs.session.status === 'checking') return { name: 'checking' };
  if (isSignUpPath(inputs.pathname)) return { name: 'sign-up' };
  return { name: 'sign-in', notice: inputs.session.status === 'signed-out' ? inputs.session.notice : null };
}
