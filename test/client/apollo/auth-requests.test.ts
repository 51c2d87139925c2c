// Goal: the dashboard's sign-in requests go to the right endpoint as same-origin JSON (so the browser sends and keeps the session cookie, and the server's Origin and JSON checks pass) and come back as values, never as thrown errors, network failures included; method: a fake fetch that records each request and answers as the server would.
import { describe, expect, it } from 'vitest';
import { acceptInvitation, checkSession, SESSION_CHECK_QUERY, signIn, signOut } from '../../../client/src/apollo/auth-requests.js';

interface Recorded {
  url: string;
  init: RequestInit;
}

const USER = { id: 'u1', accountId: 'a1', email: 'olivia@example.com', name: 'Olivia Owner', role: 'OWNER' };

function fakeFetch(status: number, body: unknown) {
  const calls: Recorded[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

function failingFetch(): typeof globalThis.fetch {
  return (async () => {
    throw new TypeError('Failed to fetch');
  }) as typeof globalThis.fetch;
}

describe('signIn', () => {
  it('POSTs the trimmed e-mail and the password as is, as same-origin JSON', async () => {
    const { calls, fetch } = fakeFetch(200, { user: USER, expiresAt: '2026-11-29T10:00:00.000Z' });
    const result = await signIn({ email: '  olivia@example.com ', password: ' secret with spaces ' }, { fetch });
    expect(result).toEqual({ ok: true, user: USER, expiresAt: '2026-11-29T10:00:00.000Z' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/auth/sign-in');
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.credentials).toBe('same-origin');
    expect(calls[0]!.init.headers).toMatchObject({ 'content-type': 'application/json' });
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ email: 'olivia@example.com', password: ' secret with spaces ' });
  });

  it('returns the server’s refusal and a network failure as values', async () => {
    const refused = fakeFetch(401, { error: { code: 'UNAUTHENTICATED', message: 'Wrong e-mail or password' } });
    expect(await signIn({ email: 'a@b.co', password: 'x' }, { fetch: refused.fetch })).toEqual({
      ok: false,
      code: 'UNAUTHENTICATED',
      message: 'Wrong e-mail or password',
      field: null,
    });
    expect(await signIn({ email: 'a@b.co', password: 'x' }, { fetch: failingFetch() })).toMatchObject({ ok: false, code: 'NETWORK' });
  });

  it('prefixes a base URL when given', async () => {
    const { calls, fetch } = fakeFetch(200, { user: USER });
    await signIn({ email: 'a@b.co', password: 'x' }, { fetch, baseUrl: 'http://localhost:4000' });
    expect(calls[0]!.url).toBe('http://localhost:4000/auth/sign-in');
  });
});

describe('acceptInvitation', () => {
  it('POSTs the token, the trimmed name and the password', async () => {
    const { calls, fetch } = fakeFetch(200, { user: USER, expiresAt: null });
    const result = await acceptInvitation({ token: 'swi_abc', name: ' Carl ', password: 'a long enough password' }, { fetch });
    expect(result.ok).toBe(true);
    expect(calls[0]!.url).toBe('/auth/accept-invitation');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ token: 'swi_abc', name: 'Carl', password: 'a long enough password' });
  });

  it('keeps the refused field, and the already-accepted state', async () => {
    const badPassword = fakeFetch(400, {
      error: { code: 'BAD_USER_INPUT', message: 'password must be 10 to 200 characters', field: 'password' },
    });
    expect(await acceptInvitation({ token: 't', name: 'n', password: 'p' }, { fetch: badPassword.fetch })).toMatchObject({
      field: 'password',
    });
    const used = fakeFetch(409, { error: { code: 'INVALID_STATE', message: 'The invitation was already accepted: sign in instead' } });
    expect(await acceptInvitation({ token: 't', name: 'n', password: 'p' }, { fetch: used.fetch })).toMatchObject({
      code: 'INVALID_STATE',
    });
  });
});

describe('signOut', () => {
  it('POSTs an empty JSON object and is ok on 2xx, whether or not a session was open', async () => {
    const { calls, fetch } = fakeFetch(200, { signedOut: false });
    expect(await signOut({ fetch })).toEqual({ ok: true });
    expect(calls[0]!.url).toBe('/auth/sign-out');
    expect(calls[0]!.init.body).toBe('{}');
  });

  it('fails with a message when the server refuses or cannot be reached', async () => {
    const refused = fakeFetch(400, { error: { code: 'BAD_REQUEST', message: 'POST JSON from this site only' } });
    expect(await signOut({ fetch: refused.fetch })).toEqual({ ok: false, message: 'POST JSON from this site only' });
    expect(await signOut({ fetch: failingFetch() })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Cannot reach the server/),
    });
  });
});

describe('checkSession', () => {
  it('asks `me` for its user over /graphql, with the cookie and no Authorization header', async () => {
    const { calls, fetch } = fakeFetch(200, { data: { me: { role: 'OWNER', accountId: 'a1', apiKeyId: null, user: USER } } });
    expect(await checkSession({ fetch })).toEqual({ kind: 'signed-in', user: USER });
    expect(calls[0]!.url).toBe('/graphql');
    expect(calls[0]!.init.credentials).toBe('same-origin');
    expect(Object.keys(calls[0]!.init.headers as Record<string, string>).map((name) => name.toLowerCase())).not.toContain('authorization');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ query: SESSION_CHECK_QUERY, operationName: 'SessionCheck' });
  });

  it('is "signed-out" on 401 and "unavailable" when the server cannot be reached', async () => {
    const unauthenticated = fakeFetch(401, { errors: [{ message: 'Missing credentials', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(await checkSession({ fetch: unauthenticated.fetch })).toEqual({ kind: 'signed-out' });
    expect(await checkSession({ fetch: failingFetch() })).toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(/^Cannot reach the server/),
    });
  });
});
