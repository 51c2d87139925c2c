/**
 * The dashboard session (e-mail and password, kept by the server in an httpOnly cookie the page
 * cannot read): whether the page is still asking the server, who is signed in, and why someone
 * was sent back to the sign-in page. A pure reducer and a small store around it, shared by React
 * (through `useSyncExternalStore`) and the code outside it that follows the credential (the live
 * socket, the Apollo cache).
 */
import type { SessionCheck, SessionUser } from './auth-response.js';

/** What the sign-in page says after the server ended the session (signed out elsewhere, expired). */
export const SESSION_ENDED_NOTICE = 'Your session ended: sign in again.';

/** Where the session stands. */
export type SessionState =
  /** The page has asked the server (`me` with the cookie) and waits for the answer. */
  | { status: 'checking' }
  /** Nobody is signed in; `notice` says why when it is not simply a first visit. */
  | { status: 'signed-out'; notice: string | null }
  /**
   * `user` is signed in. `signingOut` while the sign-out request is on its way (the server closes
   * this session's sockets with 4403 before it answers: that close is expected, not an ending);
   * `signOutError` when the last sign-out failed.
   */
  | { status: 'signed-in'; user: SessionUser; signingOut: boolean; signOutError: string | null };

/** What happened to the session. */
export type SessionEvent =
  /** The load-time check answered. Ignored unless still checking: a sign-in may have come first. */
  | { type: 'checked'; result: SessionCheck }
  /** Signed in, or accepted an invitation (which signs in). */
  | { type: 'signed-in'; user: SessionUser }
  /** "Sign out" was pressed; the request is on its way. */
  | { type: 'sign-out-started' }
  /** The sign-out request failed: still signed in, as far as the page knows. */
  | { type: 'sign-out-failed'; message: string }
  /** The server ended the session at this page's request. */
  | { type: 'signed-out' }
  /** The server refused the session on its own: a socket closed with 4403, or a request answered UNAUTHENTICATED. */
  | { type: 'session-ended' };

/** The state before the check has answered. */
export const INITIAL_SESSION_STATE: SessionState = { status: 'checking' };

/** The state the load-time check leads to. */
function stateAfterCheck(result: SessionCheck): SessionState {
  switch (result.kind) {
    case 'signed-in':
      return { status: 'signed-in', user: result.user, signingOut: false, signOutError: null };
    case 'signed-out':
      return { status: 'signed-out', notice: null };
    case 'unavailable':
      return { status: 'signed-out', notice: result.message };
  }
}

/** The state after `event`; an event that changes nothing returns `state` itself. */
export function nextSessionState(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'checked':
      return state.status === 'checking' ? stateAfterCheck(event.result) : state;
    case 'signed-in':
      return { status: 'signed-in', user: event.user, signingOut: false, signOutError: null };
    case 'sign-out-started':
      if (state.status !== 'signed-in' || state.signingOut) return state;
      return { ...state, signingOut: true, signOutError: null };
    case 'sign-out-failed':
      if (state.status !== 'signed-in') return state;
      return { ...state, signingOut: false, signOutError: event.message };
    case 'signed-out':
      if (state.status === 'signed-out' && state.notice === null) return state;
      return { status: 'signed-out', notice: null };
    case 'session-ended':
      // Only a session in use can end; while this page signs out, the server's 4403 is the expected echo.
      if (state.status !== 'signed-in' || state.signingOut) return state;
      return { status: 'signed-out', notice: SESSION_ENDED_NOTICE };
  }
}

/** The session, shared by the page and the code that follows the credential. */
export interface SessionStore {
  /** The current state (the same object until it changes). */
  get(): SessionState;
  /** Applies `event` (see {@link nextSessionState}); listeners are told only when the state changed. */
  dispatch(event: SessionEvent): void;
  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void;
}

/** A session store starting from `initial` ({@link INITIAL_SESSION_STATE} unless given). */
export function createSessionStore(initial: SessionState = INITIAL_SESSION_STATE): SessionStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    dispatch(event) {
      const next = nextSessionState(state, event);
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
