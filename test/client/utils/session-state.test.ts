// Goal: the dashboard session moves only the way the sign-in flow allows (a late check never undoes a sign-in, this page's own sign-out is not a "session ended", a refusal elsewhere is), and the store tells its listeners only of changes; method: the pure reducer event by event, and the store with a counting listener.
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../client/src/utils/auth-response.js';
import {
  createSessionStore,
  INITIAL_SESSION_STATE,
  nextSessionState,
  SESSION_ENDED_NOTICE,
  type SessionState,
} from '../../../client/src/utils/session-state.js';

const OLIVIA: SessionUser = { id: 'u1', accountId: 'a1', email: 'olivia@example.com', name: 'Olivia Owner', role: 'OWNER' };
const CARL: SessionUser = { id: 'u2', accountId: 'a1', email: 'carl@example.com', name: 'Carl Manager', role: 'CAMPAIGN_MANAGER' };
const SIGNED_IN: SessionState = { status: 'signed-in', user: OLIVIA, signingOut: false, signOutError: null };

describe('nextSessionState', () => {
  it('starts by checking, and the check decides: in, out, or out with the reason', () => {
    expect(INITIAL_SESSION_STATE).toEqual({ status: 'checking' });
    expect(nextSessionState(INITIAL_SESSION_STATE, { type: 'checked', result: { kind: 'signed-in', user: OLIVIA } })).toEqual(SIGNED_IN);
    expect(nextSessionState(INITIAL_SESSION_STATE, { type: 'checked', result: { kind: 'signed-out' } })).toEqual({
      status: 'signed-out',
      notice: null,
    });
    expect(nextSessionState(INITIAL_SESSION_STATE, { type: 'checked', result: { kind: 'unavailable', message: 'Server down' } })).toEqual({
      status: 'signed-out',
      notice: 'Server down',
    });
  });

  it('ignores a check that answers after a sign-in (an invitation accepted while it was on its way)', () => {
    const accepted = nextSessionState(INITIAL_SESSION_STATE, { type: 'signed-in', user: CARL });
    expect(nextSessionState(accepted, { type: 'checked', result: { kind: 'signed-out' } })).toBe(accepted);
    const signedOut: SessionState = { status: 'signed-out', notice: null };
    expect(nextSessionState(signedOut, { type: 'checked', result: { kind: 'signed-in', user: OLIVIA } })).toBe(signedOut);
  });

  it('a sign-in replaces whatever was there, the notice of an ended session included', () => {
    expect(nextSessionState({ status: 'signed-out', notice: SESSION_ENDED_NOTICE }, { type: 'signed-in', user: OLIVIA })).toEqual(
      SIGNED_IN,
    );
    expect(nextSessionState(SIGNED_IN, { type: 'signed-in', user: CARL })).toEqual({ ...SIGNED_IN, user: CARL });
  });

  it('the server ending a session in use shows why', () => {
    expect(nextSessionState(SIGNED_IN, { type: 'session-ended' })).toEqual({ status: 'signed-out', notice: SESSION_ENDED_NOTICE });
    expect(SESSION_ENDED_NOTICE).toBe('Your session ended: sign in again.');
  });

  it('this page’s own sign-out: the 4403 on the way is expected, the end is silent', () => {
    const signingOut = nextSessionState(SIGNED_IN, { type: 'sign-out-started' });
    expect(signingOut).toEqual({ ...SIGNED_IN, signingOut: true });
    expect(nextSessionState(signingOut, { type: 'sign-out-started' })).toBe(signingOut);
    expect(nextSessionState(signingOut, { type: 'session-ended' })).toBe(signingOut);
    expect(nextSessionState(signingOut, { type: 'signed-out' })).toEqual({ status: 'signed-out', notice: null });
  });

  it('a failed sign-out keeps the session and says why; the next attempt clears the message', () => {
    const signingOut = nextSessionState(SIGNED_IN, { type: 'sign-out-started' });
    const failed = nextSessionState(signingOut, { type: 'sign-out-failed', message: 'Cannot reach the server.' });
    expect(failed).toEqual({ ...SIGNED_IN, signOutError: 'Cannot reach the server.' });
    expect(nextSessionState(failed, { type: 'sign-out-started' })).toEqual({ ...SIGNED_IN, signingOut: true });
    // Once the sign-out is over, a refusal is the server's own again.
    expect(nextSessionState(failed, { type: 'session-ended' })).toEqual({ status: 'signed-out', notice: SESSION_ENDED_NOTICE });
  });

  it('nothing to end, sign out or fail while checking or signed out', () => {
    const signedOut: SessionState = { status: 'signed-out', notice: null };
    for (const state of [INITIAL_SESSION_STATE, signedOut]) {
      expect(nextSessionState(state, { type: 'session-ended' })).toBe(state);
      expect(nextSessionState(state, { type: 'sign-out-started' })).toBe(state);
      expect(nextSessionState(state, { type: 'sign-out-failed', message: 'x' })).toBe(state);
    }
    expect(nextSessionState(signedOut, { type: 'signed-out' })).toBe(signedOut);
    // Signing out clears a notice that was showing.
    expect(nextSessionState({ status: 'signed-out', notice: SESSION_ENDED_NOTICE }, { type: 'signed-out' })).toEqual(signedOut);
  });
});

describe('createSessionStore', () => {
  it('tells listeners of changes only, and stops when asked', () => {
    const store = createSessionStore();
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    store.dispatch({ type: 'checked', result: { kind: 'signed-in', user: OLIVIA } });
    expect(store.get()).toEqual(SIGNED_IN);
    const before = store.get();
    store.dispatch({ type: 'checked', result: { kind: 'signed-out' } });
    expect(store.get()).toBe(before);
    expect(calls).toBe(1);
    stop();
    store.dispatch({ type: 'session-ended' });
    expect(store.get()).toEqual({ status: 'signed-out', notice: SESSION_ENDED_NOTICE });
    expect(calls).toBe(1);
  });
});
