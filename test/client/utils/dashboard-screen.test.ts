// Goal: the dashboard shows the right screen and signs its requests with the right credential for every mix of path, stored API key and session; method: the pure decision functions over each combination.
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../client/src/utils/auth-response.js';
import { credentialIdentity, credentialOf, screenFor } from '../../../client/src/utils/dashboard-screen.js';
import { SESSION_ENDED_NOTICE, type SessionState } from '../../../client/src/utils/session-state.js';

const OLIVIA: SessionUser = { id: 'u1', accountId: 'a1', email: 'olivia@example.com', name: 'Olivia Owner', role: 'OWNER' };
const CHECKING: SessionState = { status: 'checking' };
const SIGNED_OUT: SessionState = { status: 'signed-out', notice: null };
const ENDED: SessionState = { status: 'signed-out', notice: SESSION_ENDED_NOTICE };
const SIGNED_IN: SessionState = { status: 'signed-in', user: OLIVIA, signingOut: false, signOutError: null };

describe('screenFor', () => {
  it('waits for the session check before showing the sign-in page', () => {
    expect(screenFor({ pathname: '/', apiKey: null, session: CHECKING })).toEqual({ name: 'checking' });
    expect(screenFor({ pathname: '/', apiKey: null, session: SIGNED_OUT })).toEqual({ name: 'sign-in', notice: null });
  });

  it('shows why on the sign-in page after a session ended', () => {
    expect(screenFor({ pathname: '/', apiKey: null, session: ENDED })).toEqual({ name: 'sign-in', notice: SESSION_ENDED_NOTICE });
  });

  it('goes straight to the wallet for a valid session, as that user', () => {
    expect(screenFor({ pathname: '/', apiKey: null, session: SIGNED_IN })).toEqual({
      name: 'wallet',
      credential: { kind: 'session', userId: 'u1' },
      user: OLIVIA,
    });
  });

  it('an API key works as before, without waiting for the check, and wins over a session', () => {
    for (const session of [CHECKING, SIGNED_OUT, SIGNED_IN]) {
      expect(screenFor({ pathname: '/', apiKey: 'sw_key', session })).toEqual({
        name: 'wallet',
        credential: { kind: 'api-key', apiKey: 'sw_key' },
        user: null,
      });
    }
  });

  it('the accept-invitation page shows whatever the session or key', () => {
    for (const session of [CHECKING, SIGNED_OUT, SIGNED_IN]) {
      for (const apiKey of [null, 'sw_key']) {
        expect(screenFor({ pathname: '/accept-invitation', apiKey, session })).toEqual({ name: 'accept-invitation' });
      }
    }
  });

  it('any other path is the dashboard itself', () => {
    expect(screenFor({ pathname: '/wallets/123', apiKey: null, session: SIGNED_OUT })).toEqual({ name: 'sign-in', notice: null });
  });
});

describe('credentials', () => {
  it('none while checking or signed out, the session once signed in', () => {
    expect(credentialOf(null, CHECKING)).toBeNull();
    expect(credentialOf(null, ENDED)).toBeNull();
    expect(credentialOf(null, SIGNED_IN)).toEqual({ kind: 'session', userId: 'u1' });
  });

  it('identities differ between keys, users and none, and match for the same one', () => {
    const identities = [
      credentialIdentity(null),
      credentialIdentity({ kind: 'api-key', apiKey: 'sw_a' }),
      credentialIdentity({ kind: 'api-key', apiKey: 'sw_b' }),
      credentialIdentity({ kind: 'session', userId: 'u1' }),
      credentialIdentity({ kind: 'session', userId: 'u2' }),
    ];
    expect(new Set(identities).size).toBe(identities.length);
    expect(credentialIdentity({ kind: 'session', userId: 'u1' })).toBe(credentialIdentity(credentialOf(null, SIGNED_IN)));
    // A key that happens to read like a user id is still another credential.
    expect(credentialIdentity({ kind: 'api-key', apiKey: 'u1' })).not.toBe(credentialIdentity({ kind: 'session', userId: 'u1' }));
  });
});
