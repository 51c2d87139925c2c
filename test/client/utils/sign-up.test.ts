// Goal: the dashboard's sign-up pieces decide as the server does: which screen /sign-up and /verify-email show for every session, what the form refuses before sending, the verification token of a link, the country list, and the sign-up requests go to the right endpoints as same-origin JSON and come back as values (never thrown), network failures included. Method: the pure functions over each case, and a fake fetch that records each request and answers as the server would.
import { describe, expect, it } from 'vitest';
import { fetchSignUpOptions, resendVerification, signUp, verifyEmail } from '../../../client/src/apollo/auth-requests.js';
import { screenFor } from '../../../client/src/utils/dashboard-screen.js';
import type { SessionState } from '../../../client/src/utils/session-state.js';
import {
  checkSignUpForm,
  countryOptions,
  isSignUpPath,
  isVerifyEmailPath,
  verificationTokenFrom,
} from '../../../client/src/utils/sign-up.js';

const USER = { id: 'u1', accountId: 'a1', email: 'sam@example.com', name: 'Sam', role: 'OWNER' as const };
const CHECKING: SessionState = { status: 'checking' };
const SIGNED_OUT: SessionState = { status: 'signed-out', notice: null };
const SIGNED_IN: SessionState = { status: 'signed-in', user: USER, signingOut: false, signOutError: null };
const VALID = { email: 'sam@example.com', password: 'p'.repeat(10), name: 'Sam', company: 'Acme', country: 'GB', currency: 'GBP' };

function fakeFetch(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

const failingFetch = (async () => {
  throw new TypeError('Failed to fetch');
}) as typeof globalThis.fetch;

describe('screens', () => {
  it('shows /sign-up to nobody signed in, the dashboard to someone signed in, and waits for the session check', () => {
    expect(screenFor({ pathname: '/sign-up', apiKey: null, session: SIGNED_OUT })).toEqual({ name: 'sign-up' });
    expect(screenFor({ pathname: '/sign-up/', apiKey: null, session: SIGNED_OUT })).toEqual({ name: 'sign-up' });
    expect(screenFor({ pathname: '/sign-up', apiKey: null, session: CHECKING })).toEqual({ name: 'checking' });
    expect(screenFor({ pathname: '/sign-up', apiKey: null, session: SIGNED_IN }).name).toBe('wallet');
  });

  it('shows /verify-email whatever the session, saying whether someone is signed in', () => {
    expect(screenFor({ pathname: '/verify-email', apiKey: null, session: SIGNED_OUT })).toEqual({ name: 'verify-email', signedIn: false });
    expect(screenFor({ pathname: '/verify-email', apiKey: null, session: SIGNED_IN })).toEqual({ name: 'verify-email', signedIn: true });
    expect(screenFor({ pathname: '/verify-email', apiKey: 'sw_key', session: CHECKING })).toEqual({ name: 'verify-email', signedIn: true });
  });

  it('reads the paths and the token', () => {
    expect([isSignUpPath('/sign-up'), isSignUpPath('/sign-up/x'), isVerifyEmailPath('/verify-email/')]).toEqual([true, false, true]);
    expect(verificationTokenFrom('?token=%20swv_abc%20')).toBe('swv_abc');
    expect(verificationTokenFrom('?token=')).toBeNull();
    expect(verificationTokenFrom('')).toBeNull();
  });
});

describe('the sign-up form', () => {
  it('accepts a complete form and names each field it refuses', () => {
    expect(checkSignUpForm(VALID)).toEqual({});
    expect(
      Object.keys(checkSignUpForm({ email: 'x', password: 'short', name: ' ', company: '', country: '', currency: '' })).sort(),
    ).toEqual(['company', 'country', 'currency', 'email', 'name', 'password']);
    expect(checkSignUpForm({ ...VALID, company: 'c'.repeat(200) })).toEqual({});
    expect(Object.keys(checkSignUpForm({ ...VALID, company: 'c'.repeat(201) }))).toEqual(['company']);
    expect(Object.keys(checkSignUpForm({ ...VALID, password: 'p'.repeat(9) }))).toEqual(['password']);
  });

  it('lists every country once, by name', () => {
    const countries = countryOptions('en');
    expect(countries).toHaveLength(250);
    expect(new Set(countries.map((country) => country.code)).size).toBe(250);
    expect(countries.find((country) => country.code === 'GB')?.name).toBe('United Kingdom');
    expect(countries.map((country) => country.name)).toEqual(
      [...countries.map((country) => country.name)].sort((a, b) => a.localeCompare(b, 'en')),
    );
  });
});

describe('requests', () => {
  it('signUp POSTs the trimmed fields as same-origin JSON and reads the signed-in user', async () => {
    const { calls, fetch } = fakeFetch(200, { user: USER, expiresAt: '2026-12-14T10:00:00.000Z', walletId: 'w1' });
    const result = await signUp({ ...VALID, email: ' sam@example.com ', company: ' Acme ' }, { fetch });
    expect(result).toEqual({ ok: true, user: USER, expiresAt: '2026-12-14T10:00:00.000Z' });
    expect(calls[0]!.url).toBe('/auth/sign-up');
    expect(calls[0]!.init.credentials).toBe('same-origin');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ ...VALID, email: 'sam@example.com', company: 'Acme' });
  });

  it('signUp returns the server refusal with its field', async () => {
    const { fetch } = fakeFetch(409, { error: { code: 'INVALID_STATE', message: 'taken', field: 'email' } });
    expect(await signUp(VALID, { fetch })).toEqual({ ok: false, code: 'INVALID_STATE', message: 'taken', field: 'email' });
  });

  it('verifyEmail and resendVerification answer values, failures included', async () => {
    const verified = fakeFetch(200, {
      verified: true,
      alreadyVerified: false,
      trialCredit: { amount: '2', currency: 'USD', walletId: 'w1' },
    });
    expect(await verifyEmail('swv_t', { fetch: verified.fetch })).toEqual({
      ok: true,
      alreadyVerified: false,
      trialCredit: { amount: '2', currency: 'USD', walletId: 'w1' },
    });
    expect(JSON.parse(String(verified.calls[0]!.init.body))).toEqual({ token: 'swv_t' });
    const refused = fakeFetch(400, { error: { code: 'BAD_USER_INPUT', message: 'This link no longer works', field: 'token' } });
    expect(await verifyEmail('swv_t', { fetch: refused.fetch })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(await resendVerification({ fetch: fakeFetch(200, { sent: true }).fetch })).toEqual({ ok: true });
    expect(await resendVerification({ fetch: fakeFetch(429, { error: { code: 'RATE_LIMITED', message: 'later' } }).fetch })).toMatchObject({
      ok: false,
      code: 'RATE_LIMITED',
      message: 'later',
    });
    expect((await verifyEmail('swv_t', { fetch: failingFetch })).ok).toBe(false);
  });

  it('fetchSignUpOptions reads the options, and tells a server that did not answer from sign-up being off', async () => {
    const on = fakeFetch(200, { enabled: true, currencies: ['USD'], trialCredit: { USD: '2' } });
    expect(await fetchSignUpOptions({ fetch: on.fetch })).toEqual({
      ok: true,
      options: { enabled: true, currencies: ['USD'], trialCredit: { USD: '2' } },
    });
    const off = fakeFetch(200, { enabled: false, currencies: [], trialCredit: {} });
    expect(await fetchSignUpOptions({ fetch: off.fetch })).toEqual({
      ok: true,
      options: { enabled: false, currencies: [], trialCredit: {} },
    });
    expect(await fetchSignUpOptions({ fetch: failingFetch })).toMatchObject({
      ok: false,
      message: expect.stringContaining('Cannot reach the server'),
    });
    expect(await fetchSignUpOptions({ fetch: fakeFetch(404, 'nope').fetch })).toMatchObject({
      ok: false,
      message: expect.stringContaining('HTTP 404'),
    });
  });
});
