// Goal: password guessing on /auth/sign-in and /auth/accept-invitation is locked out per e-mail (per invitation) and per client IP, before any scrypt work, with a lockout that doubles and a success that resets it, shared by every server process. Method: the real server (two processes on one database for the IP case) with the lockout settings set through startTestApp overrides; waits read the lockout's end from the rate_limit table.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { sql } from '../../../server/database/sql.js';
import { until } from '../../support/waiting.js';

const PASSWORD = 'correct horse battery';
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`;

async function post(t: TestApp, path: string, body: unknown) {
  const response = await fetch(`${t.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    json: (await response.json()) as any,
    cookie: response.headers.get('set-cookie'),
  };
}

async function userOf(t: TestApp): Promise<string> {
  const { accountId } = await t.createAccount();
  const email = `guess-${randomUUID().slice(0, 8)}@example.com`;
  await t.ok(t.adminToken, CREATE_USER, { input: { accountId, email, name: 'Gus', role: 'OWNER', password: PASSWORD } });
  return email;
}

/** The end of the lockout of `subject` (e.g. `email:ann@example.com`), epoch ms; 0 when none. */
async function lockoutEndMs(t: TestApp, subject: string): Promise<number> {
  const key = `auth_lock:${createHash('sha256').update(subject).digest('base64url')}`;
  const rows = await sql<{ expire: string }, { key: string }>('select expire from rate_limit where key = :key').all(t.app.orm.em.fork(), {
    key,
  });
  return rows[0] ? Number(rows[0].expire) : 0;
}

/** Waits until the lockout of `subject` has ended (read from the table, not guessed). */
async function lockoutLifted(t: TestApp, subject: string): Promise<void> {
  await until(`the end of the lockout of ${subject}`, async () => Date.now() > (await lockoutEndMs(t, subject)), 20_000, 50);
}

function expectLockedOut(answer: Awaited<ReturnType<typeof post>>, limit: string, retryAfterSeconds: number) {
  expect(answer.status).toBe(429);
  expect(answer.retryAfter).toBe(String(retryAfterSeconds));
  expect(answer.json).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String), limit, retryAfterSeconds } });
  expect(answer.cookie).toBeNull();
}

describe('per e-mail and per invitation', () => {
  let t: TestApp;
  beforeAll(async () => {
    // signInFailuresBeforeLockout 5, 1 s doubling, 15 min: the defaults.
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('5 failures lock the e-mail out for 1 s (even the right password, before any hashing); the next failure doubles it; a success resets the count', async () => {
    const email = await userOf(t);
    const subject = `email:${email}`;
    const signIn = (password: string) => post(t, '/auth/sign-in', { email, password });
    for (let failure = 1; failure <= 5; failure++) {
      const wrong = await signIn(`wrong password ${failure}`);
      expect([wrong.status, wrong.json.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
    expectLockedOut(await signIn(PASSWORD), 'signInFailuresBeforeLockout', 1);
    // Refused before signIn runs at all: an over-long password is not even looked at (no scrypt).
    expectLockedOut(await signIn('x'.repeat(201)), 'signInFailuresBeforeLockout', 1);
    // The e-mail is the same however it is cased.
    expectLockedOut(await post(t, '/auth/sign-in', { email: email.toUpperCase(), password: PASSWORD }), 'signInFailuresBeforeLockout', 1);

    await lockoutLifted(t, subject);
    expect((await signIn('wrong password 6')).status).toBe(401);
    expectLockedOut(await signIn(PASSWORD), 'signInFailuresBeforeLockout', 2);
    await lockoutLifted(t, subject);
    expect((await signIn('wrong password 7')).status).toBe(401);
    expectLockedOut(await signIn(PASSWORD), 'signInFailuresBeforeLockout', 4);

    await lockoutLifted(t, subject);
    const success = await signIn(PASSWORD);
    expect(success.status).toBe(200);
    expect(success.cookie).toMatch(/^sw_session=/);
    // Reset: 5 more failures are needed, and the lockout starts again at 1 s.
    for (let failure = 1; failure <= 5; failure++) expect((await signIn(`wrong again ${failure}`)).status).toBe(401);
    expectLockedOut(await signIn(PASSWORD), 'signInFailuresBeforeLockout', 1);
  });

  it('5 failed acceptances of one invitation token lock it out', async () => {
    const accept = () => post(t, '/auth/accept-invitation', { token: 'swi_not_a_real_invitation', name: 'Ivy', password: PASSWORD });
    for (let failure = 1; failure <= 5; failure++) {
      const refused = await accept();
      expect([refused.status, refused.json.error.code, refused.json.error.field]).toEqual([400, 'BAD_USER_INPUT', 'token']);
    }
    expectLockedOut(await accept(), 'signInFailuresBeforeLockout', 1);
  });
});

describe('per client IP, across two server processes', () => {
  let a: TestApp;
  let b: TestApp;
  const overrides = { signInIpFailuresBeforeLockout: 3, signInLockoutInitialMs: 60_000 };
  beforeAll(async () => {
    a = await startTestApp(overrides);
    b = await startTestApp(overrides, { databaseUrl: a.databaseUrl, adminToken: a.adminToken });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('3 failures from one address, on either process, lock the address out of sign-in and invitations on both, whatever the e-mail', async () => {
    const email = await userOf(a);
    expect((await post(a, '/auth/sign-in', { email: 'nobody-1@example.com', password: PASSWORD })).status).toBe(401);
    expect((await post(b, '/auth/sign-in', { email: 'nobody-2@example.com', password: PASSWORD })).status).toBe(401);
    // A success from the address does not undo its failures (the IP count is never reset)…
    expect((await post(a, '/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
    expect((await post(b, '/auth/accept-invitation', { token: 'swi_nope', name: 'Ivy', password: PASSWORD })).status).toBe(400);
    // …and the third failure locked it out, on both processes.
    expectLockedOut(await post(a, '/auth/sign-in', { email, password: PASSWORD }), 'signInIpFailuresBeforeLockout', 60);
    expectLockedOut(
      await post(b, '/auth/sign-in', { email: 'nobody-3@example.com', password: PASSWORD }),
      'signInIpFailuresBeforeLockout',
      60,
    );
    expectLockedOut(
      await post(b, '/auth/accept-invitation', { token: 'swi_other', name: 'Ivy', password: PASSWORD }),
      'signInIpFailuresBeforeLockout',
      60,
    );
  });
});
