// Goal: people sign in to the dashboard with e-mail and password (scrypt), get an httpOnly SameSite session cookie that authenticates GraphQL over HTTP and WebSocket (same-origin sockets only), are invited by an OWNER with a role, and signing out ends the session everywhere at once, its sockets included. Method: the real server; HTTP with fetch, sockets with the real graphql-ws client over ws; every error code and limit at its boundary.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { sql } from '../../../server/database/sql.js';

const clock = new ManualClock(Date.now());
let t: TestApp;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  // The production scrypt cost (the harness lowers it for speed): one test looks at the stored hash.
  t = await startTestApp({ billingClockEnabled: false, passwordScryptCost: 16_384 }, { clock });
});
afterAll(async () => {
  await t?.close();
});

const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id email name role accountId } } }`;
const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { token invitation { id email role accountId expiresAt } } }`;
const ME = `{ me { role accountId apiKeyId user { email name role } } }`;

async function post(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: any; cookie: string | null }> {
  const response = await fetch(`${t.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json(), cookie: response.headers.get('set-cookie') };
}

/** The `name=value` part of a Set-Cookie header. */
function cookiePair(setCookie: string | null): string {
  return setCookie!.split(';')[0]!;
}

async function graphqlWithCookie(cookie: string, query: string, variables?: Record<string, unknown>): Promise<any> {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

async function owner(): Promise<{ accountId: string; walletId: string; email: string; ownerKey: string }> {
  const account = await t.createAccount();
  const email = `owner-${randomUUID().slice(0, 8)}@example.com`;
  await t.ok(t.adminToken, CREATE_USER, {
    input: { accountId: account.accountId, email, name: 'Olivia Owner', role: 'OWNER', password: PASSWORD },
  });
  return { ...account, email };
}

/** A graphql-ws client whose handshake carries `headers` (a browser sends its cookie and Origin). */
function socketClient(headers: Record<string, string>) {
  class HeaderSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({ url: `${t.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: HeaderSocket, retryAttempts: 0, lazy: true });
}

describe('sign-in', () => {
  it('sets an httpOnly SameSite=Strict cookie that authenticates GraphQL as the user', async () => {
    const { accountId, email } = await owner();
    const signedIn = await post('/auth/sign-in', { email: email.toUpperCase(), password: PASSWORD });
    expect(signedIn.status).toBe(200);
    expect(signedIn.json.user).toMatchObject({ email, role: 'OWNER', accountId });
    expect(signedIn.cookie).toMatch(/^sw_session=sws_[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=604800$/);
    const me = await graphqlWithCookie(cookiePair(signedIn.cookie), ME);
    expect(me.data.me).toEqual({ role: 'OWNER', accountId, apiKeyId: null, user: { email, name: 'Olivia Owner', role: 'OWNER' } });
  });

  it('answers a wrong password and an unknown e-mail alike (401), and refuses non-JSON or foreign-origin posts', async () => {
    const { email } = await owner();
    const wrong = await post('/auth/sign-in', { email, password: `${PASSWORD}!` });
    const unknown = await post('/auth/sign-in', { email: 'nobody@example.com', password: PASSWORD });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.json).toEqual(unknown.json);
    expect(wrong.json.error.code).toBe('UNAUTHENTICATED');
    expect(wrong.cookie).toBeNull();
    const form = await fetch(`${t.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=${email}&password=${PASSWORD}`,
    });
    expect(form.status).toBe(400);
    const foreign = await post('/auth/sign-in', { email, password: PASSWORD }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(400);
    expect(foreign.cookie).toBeNull();
    const tooLong = await post('/auth/sign-in', { email, password: 'x'.repeat(201) });
    expect([tooLong.status, tooLong.json.error.code, tooLong.json.error.field]).toEqual([400, 'BAD_USER_INPUT', 'password']);
  });

  it('a session expires after its time', async () => {
    const { email } = await owner();
    const cookie = cookiePair((await post('/auth/sign-in', { email, password: PASSWORD })).cookie);
    expect((await graphqlWithCookie(cookie, ME)).data.me.role).toBe('OWNER');
    const tokenHash = createHash('sha256')
      .update(decodeURIComponent(cookie.split('=')[1]!))
      .digest('hex');
    await sql<never, { tokenHash: string }>(
      `update user_session set expires_at = now() - interval '1 second' where token_hash = :tokenHash`,
    ).run(t.app.orm.em.fork(), { tokenHash });
    const expired = await graphqlWithCookie(cookie, ME);
    expect(expired.status).toBe(401);
    expect(expired.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('sockets and sign-out', () => {
  it('a same-origin socket subscribes with the cookie; another origin is refused; signing out closes it and the cookie stops working', async () => {
    const { walletId, email } = await owner();
    const signedIn = await post('/auth/sign-in', { email, password: PASSWORD });
    const cookie = cookiePair(signedIn.cookie);
    const host = new URL(t.url).host;

    const foreign = socketClient({ cookie, origin: 'https://evil.example' });
    const refused = await new Promise<number>((resolve) => {
      foreign.on('closed', (event) => resolve((event as { code: number }).code));
      foreign.subscribe(
        { query: `subscription($w: ID!) { balanceChanged(walletId: $w) { balance } }`, variables: { w: walletId } },
        { next() {}, error() {}, complete() {} },
      );
    });
    expect(refused).toBe(4403);
    await foreign.dispose();

    const client = socketClient({ cookie, origin: `http://${host}` });
    const balances: string[] = [];
    const closed = new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
    const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
    client.subscribe(
      // afterSequence "0": replays from the start, so the funding below is seen however fast it commits.
      { query: `subscription($w: ID!) { balanceChanged(walletId: $w, afterSequence: "0") { balance } }`, variables: { w: walletId } },
      { next: (value: any) => balances.push(value.data.balanceChanged.balance), error() {}, complete() {} },
    );
    await connected;
    await t.fund(walletId, '7');
    await expect.poll(() => balances.at(-1), { timeout: 5000 }).toBe('7');

    const signedOut = await post('/auth/sign-out', {}, { cookie });
    expect(signedOut.json).toEqual({ signedOut: true });
    expect(signedOut.cookie).toMatch(/^sw_session=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0$/);
    expect(await closed).toBe(4403);
    expect((await graphqlWithCookie(cookie, ME)).status).toBe(401);
    expect((await post('/auth/sign-out', {}, { cookie })).json).toEqual({ signedOut: false });
    await client.dispose();
  });
});

describe('invitations', () => {
  it('an OWNER invites with a role; the invitee sets a password, is signed in, once', async () => {
    const { accountId, email } = await owner();
    const cookie = cookiePair((await post('/auth/sign-in', { email, password: PASSWORD })).cookie);
    const invited = await graphqlWithCookie(cookie, INVITE, { input: { email: 'Manager@Example.com', role: 'CAMPAIGN_MANAGER' } });
    const { token, invitation } = invited.data.inviteUser;
    expect(invitation).toMatchObject({ email: 'manager@example.com', role: 'CAMPAIGN_MANAGER', accountId });
    expect(token).toMatch(/^swi_/);

    const short = await post('/auth/accept-invitation', { token, name: 'Max Manager', password: '123456789' });
    expect([short.status, short.json.error.code, short.json.error.field]).toEqual([400, 'BAD_USER_INPUT', 'password']);
    const accepted = await post('/auth/accept-invitation', { token, name: 'Max Manager', password: '1234567890' });
    expect(accepted.status).toBe(200);
    expect(accepted.json.user).toMatchObject({ email: 'manager@example.com', role: 'CAMPAIGN_MANAGER', accountId });
    const me = await graphqlWithCookie(cookiePair(accepted.cookie), ME);
    expect(me.data.me).toMatchObject({ role: 'CAMPAIGN_MANAGER', accountId, user: { name: 'Max Manager' } });
    const again = await post('/auth/accept-invitation', { token, name: 'Max', password: '1234567890' });
    expect([again.status, again.json.error.code]).toEqual([409, 'INVALID_STATE']);
    expect((await post('/auth/sign-in', { email: 'manager@example.com', password: '1234567890' })).status).toBe(200);
  });

  it('refuses the wrong role, platform roles, a taken e-mail, another tenant, an unknown or expired token', async () => {
    const { accountId, email, ownerKey } = await owner();
    const other = await t.createAccount();
    const manager = await t.createKey(accountId, 'CAMPAIGN_MANAGER');
    const codeOf = async (token: string, input: Record<string, unknown>) =>
      (await t.graphql(token, INVITE, { input })).errors?.[0]?.extensions;
    expect(await codeOf(manager.secret, { email: 'a@example.com', role: 'INTEGRATOR' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await codeOf(ownerKey, { email: 'a@example.com', role: 'SUPPORT' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
    expect(await codeOf(ownerKey, { email: 'not-an-email', role: 'INTEGRATOR' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(await codeOf(ownerKey, { email, role: 'INTEGRATOR' })).toMatchObject({ code: 'INVALID_STATE' });
    expect(await codeOf(ownerKey, { accountId: other.accountId, email: 'b@example.com', role: 'INTEGRATOR' })).toMatchObject({
      code: 'NOT_FOUND',
    });

    const unknown = await post('/auth/accept-invitation', { token: 'swi_nope', name: 'X', password: '1234567890' });
    expect([unknown.status, unknown.json.error.code, unknown.json.error.field]).toEqual([400, 'BAD_USER_INPUT', 'token']);
    const { token } = (await t.ok(ownerKey, INVITE, { input: { email: 'late@example.com', role: 'INTEGRATOR' } })).inviteUser;
    clock.advance(t.config.invitationTtlMs);
    const late = await post('/auth/accept-invitation', { token, name: 'Late', password: '1234567890' });
    expect([late.status, late.json.error.field]).toEqual([400, 'token']);
  });

  it('createUser is for the operator only, and pairs platform roles with no account', async () => {
    const { accountId, ownerKey } = await owner();
    const input = { accountId, email: `x-${randomUUID().slice(0, 6)}@example.com`, name: 'X', role: 'INTEGRATOR', password: PASSWORD };
    expect((await t.graphql(ownerKey, CREATE_USER, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.graphql(t.adminToken, CREATE_USER, { input: { ...input, role: 'SUPPORT' } })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'accountId',
    });
    const staff = await t.ok(t.adminToken, CREATE_USER, { input: { ...input, accountId: null, role: 'SUPPORT' } });
    expect(staff.createUser.user).toMatchObject({ role: 'SUPPORT', accountId: null });
    const stored = await sql<{ password_hash: string }, { email: string }>('select password_hash from app_user where email = :email').all(
      t.app.orm.em.fork(),
      { email: input.email },
    );
    expect(stored[0]!.password_hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    expect(stored[0]!.password_hash).not.toContain(PASSWORD);
  });
});
