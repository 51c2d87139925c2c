// Goal: every answer of the sign-in endpoints and of the load-time session check is read as the dashboard expects (the server's words on a refusal, 401 as "signed out", odd bodies as failures, never a crash); method: the pure parsers fed bodies as the server (server/transport/auth-routes.ts, Apollo Server) and a proxy would send them.
import { describe, expect, it } from 'vitest';
import {
  hasUnauthenticatedError,
  NETWORK_FAILURE_CODE,
  networkFailure,
  parseAuthResponse,
  parseSessionCheck,
  sessionUserOf,
} from '../../../client/src/utils/auth-response.js';

const USER = { id: 'u1', accountId: 'a1', email: 'olivia@example.com', name: 'Olivia Owner', role: 'OWNER' };

describe('parseAuthResponse', () => {
  it('reads a sign-in: the user and when the session ends', () => {
    const body = JSON.stringify({ user: USER, expiresAt: '2026-11-29T10:00:00.000Z' });
    expect(parseAuthResponse(200, body)).toEqual({ ok: true, user: USER, expiresAt: '2026-11-29T10:00:00.000Z' });
  });

  it('keeps the server’s message and code for a wrong password (401)', () => {
    const body = JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'Wrong e-mail or password' } });
    expect(parseAuthResponse(401, body)).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: 'Wrong e-mail or password', field: null });
  });

  it('keeps the field the server refused (400 BAD_USER_INPUT) and the already-accepted state (409)', () => {
    const badInput = JSON.stringify({
      error: { code: 'BAD_USER_INPUT', message: 'password must be 10 to 200 characters', field: 'password' },
    });
    expect(parseAuthResponse(400, badInput)).toEqual({
      ok: false,
      code: 'BAD_USER_INPUT',
      message: 'password must be 10 to 200 characters',
      field: 'password',
    });
    const used = JSON.stringify({ error: { code: 'INVALID_STATE', message: 'The invitation was already accepted: sign in instead' } });
    expect(parseAuthResponse(409, used)).toMatchObject({ ok: false, code: 'INVALID_STATE', field: null });
  });

  it('names the status when the body is not the server’s (a proxy’s HTML, an empty 502)', () => {
    expect(parseAuthResponse(502, '<html>Bad gateway</html>')).toEqual({
      ok: false,
      code: 'HTTP 502',
      message: 'The server answered with an error (HTTP 502). Try again in a moment.',
      field: null,
    });
    expect(parseAuthResponse(500, '')).toMatchObject({ ok: false, code: 'HTTP 500' });
    expect(parseAuthResponse(400, JSON.stringify({ error: { code: 'X', message: '  ' } }))).toMatchObject({ code: 'HTTP 400' });
  });

  it('refuses a 200 that carries no valid user rather than signing in nobody', () => {
    expect(parseAuthResponse(200, '{}')).toMatchObject({ ok: false, code: 'HTTP 200' });
    expect(parseAuthResponse(200, JSON.stringify({ user: { ...USER, role: 'EMPEROR' } }))).toMatchObject({ ok: false });
    expect(parseAuthResponse(200, 'not json')).toMatchObject({ ok: false });
  });

  it('fills a missing expiresAt with null', () => {
    expect(parseAuthResponse(200, JSON.stringify({ user: USER }))).toEqual({ ok: true, user: USER, expiresAt: null });
  });
});

describe('sessionUserOf', () => {
  it('accepts platform staff without an account, and rejects missing or mistyped fields', () => {
    expect(sessionUserOf({ ...USER, accountId: null, role: 'SUPPORT' })).toEqual({ ...USER, accountId: null, role: 'SUPPORT' });
    expect(sessionUserOf({ ...USER, accountId: undefined })).toEqual({ ...USER, accountId: null });
    expect(sessionUserOf({ ...USER, email: undefined })).toBeNull();
    expect(sessionUserOf({ ...USER, accountId: 7 })).toBeNull();
    expect(sessionUserOf(null)).toBeNull();
    expect(sessionUserOf([USER])).toBeNull();
  });
});

describe('networkFailure', () => {
  it('says the server cannot be reached, with what fetch said', () => {
    expect(networkFailure(new TypeError('Failed to fetch'))).toEqual({
      ok: false,
      code: NETWORK_FAILURE_CODE,
      message: 'Cannot reach the server. Check the connection and try again (Failed to fetch).',
      field: null,
    });
    expect(networkFailure('weird').message).toBe('Cannot reach the server. Check the connection and try again.');
  });
});

describe('parseSessionCheck', () => {
  it('a user in `me` goes straight in', () => {
    const body = JSON.stringify({ data: { me: { role: 'OWNER', accountId: 'a1', apiKeyId: null, user: USER } } });
    expect(parseSessionCheck(200, body)).toEqual({ kind: 'signed-in', user: USER });
  });

  it('401 or an UNAUTHENTICATED error is "signed out", whatever the body', () => {
    const unauthenticated = JSON.stringify({ errors: [{ message: 'Missing credentials', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(parseSessionCheck(401, unauthenticated)).toEqual({ kind: 'signed-out' });
    expect(parseSessionCheck(200, unauthenticated)).toEqual({ kind: 'signed-out' });
    expect(parseSessionCheck(401, '')).toEqual({ kind: 'signed-out' });
  });

  it('a `me` without a user (a key or the operator’s token) is not a session', () => {
    const body = JSON.stringify({ data: { me: { role: 'OWNER', accountId: 'a1', apiKeyId: 'k1', user: null } } });
    expect(parseSessionCheck(200, body)).toEqual({ kind: 'signed-out' });
  });

  it('anything else leaves the question open, with the status', () => {
    expect(parseSessionCheck(502, '<html></html>')).toEqual({
      kind: 'unavailable',
      message: 'The server could not check your session (HTTP 502). Sign in, or reload in a moment.',
    });
    const internal = JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    expect(parseSessionCheck(500, internal).kind).toBe('unavailable');
    expect(parseSessionCheck(200, JSON.stringify({ data: null })).kind).toBe('unavailable');
  });
});

describe('hasUnauthenticatedError', () => {
  it('finds UNAUTHENTICATED among the errors, and nothing in bodies without errors', () => {
    expect(hasUnauthenticatedError({ errors: [{ extensions: { code: 'FORBIDDEN' } }, { extensions: { code: 'UNAUTHENTICATED' } }] })).toBe(
      true,
    );
    expect(hasUnauthenticatedError({ errors: [{ extensions: { code: 'FORBIDDEN' } }] })).toBe(false);
    expect(hasUnauthenticatedError({ data: { me: null } })).toBe(false);
    expect(hasUnauthenticatedError(undefined)).toBe(false);
  });
});
