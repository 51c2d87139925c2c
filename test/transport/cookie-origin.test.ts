// Goal: a request signed in with the session cookie is served only when it comes from the site's own pages — cross-origin forms, text/plain and multipart posts to /graphql and /auth/* are refused and change nothing, a JSON post with the cookie from a foreign Origin is refused 403 FORBIDDEN, a same-origin one passes, and bearer keys keep working from any origin. Method: the real server, fetch with the cookie and Origin headers a browser would send, balances read back as the operator.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PASSWORD = 'correct horse battery';
const EVIL = 'https://evil.example';
const CHARGE = 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }';
const BALANCE = 'query($id: ID!) { wallet(id: $id) { balance } }';

let t: TestApp;
let wallet: { walletId: string; ownerKey: string };
let cookie: string;
let site: string;

beforeAll(async () => {
  t = await startTestApp();
  const account = await t.createAccount();
  wallet = account;
  await t.fund(account.walletId, '100');
  const email = `csrf-${randomUUID().slice(0, 8)}@example.com`;
  await t.ok(t.adminToken, 'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }', {
    input: { accountId: account.accountId, email, name: 'Cora', role: 'OWNER', password: PASSWORD },
  });
  const signedIn = await fetch(`${t.url}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
  site = new URL(t.url).origin;
});
afterAll(async () => {
  await t?.close();
});

const balance = async () => (await t.ok(t.adminToken, BALANCE, { id: wallet.walletId })).wallet.balance as string;
const chargeJson = () => JSON.stringify({ query: CHARGE, variables: { input: { walletId: wallet.walletId, amount: '1' } } });
const chargeLiteral = () => `mutation { charge(input: { walletId: "${wallet.walletId}", amount: "1" }) { transaction { id } } }`;

async function send(path: string, contentType: string, body: string | FormData, headers: Record<string, string> = {}) {
  const response = await fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': contentType, cookie, ...headers }, body });
  return {
    status: response.status,
    text: await response.text(),
    setCookie: response.headers.get('set-cookie'),
    requestId: response.headers.get('x-request-id'),
  };
}

/** Whether the session cookie still signs GraphQL requests in (same-origin JSON). */
async function sessionWorks(): Promise<boolean> {
  const answer = await send('/graphql', 'application/json', JSON.stringify({ query: '{ me { role } }' }), { origin: site });
  return answer.status === 200 && JSON.parse(answer.text).data?.me?.role === 'OWNER';
}

describe('POST /graphql with the session cookie', () => {
  it('refuses a cross-origin form post, text/plain and multipart (CSRF prevention), and nothing is charged', async () => {
    const before = await balance();
    const form = await send('/graphql', 'application/x-www-form-urlencoded', new URLSearchParams({ query: chargeLiteral() }).toString(), {
      origin: EVIL,
    });
    const plain = await send('/graphql', 'text/plain', chargeJson(), { origin: EVIL });
    const multipartBody = new FormData();
    multipartBody.set('operations', chargeJson());
    const multipart = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { cookie, origin: EVIL }, body: multipartBody });
    for (const refused of [form, plain, { status: multipart.status, text: await multipart.text() }]) {
      expect(refused.status).toBe(400);
      expect(refused.text).toMatch(/CSRF/);
    }
    // Same refusals from the site's own origin: the content types are refused, whoever sends them.
    expect((await send('/graphql', 'text/plain', chargeJson(), { origin: site })).status).toBe(400);
    expect(await balance()).toBe(before);
  });

  it('refuses a JSON post with the cookie from a foreign Origin with 403 FORBIDDEN, and nothing is charged', async () => {
    const before = await balance();
    const foreign = await send('/graphql', 'application/json', chargeJson(), { origin: EVIL });
    expect(foreign.status).toBe(403);
    const body = JSON.parse(foreign.text);
    expect(body.errors).toEqual([{ message: expect.any(String), extensions: { code: 'FORBIDDEN', requestId: foreign.requestId } }]);
    expect(body.data).toBeUndefined();
    // An Origin that only looks like the site's is foreign too.
    expect((await send('/graphql', 'application/json', chargeJson(), { origin: `${site}.evil.example` })).status).toBe(403);
    expect(await balance()).toBe(before);
  });

  it('serves the same JSON post from the site itself', async () => {
    const before = await balance();
    const same = await send('/graphql', 'application/json', chargeJson(), { origin: site });
    expect(same.status).toBe(200);
    expect(JSON.parse(same.text).data.charge.transaction.id).toBeTypeOf('string');
    expect(Number(await balance())).toBe(Number(before) - 1);
  });

  it('serves a bearer key from any origin (integrators call the API cross-origin, no cookie involved)', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${wallet.ownerKey}`, origin: EVIL },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    expect(response.status).toBe(200);
  });
});

describe('POST /auth/* with the session cookie', () => {
  it('refuses a cross-origin form post, text/plain and a foreign-Origin JSON sign-out; the session stays', async () => {
    const form = await send('/auth/sign-out', 'application/x-www-form-urlencoded', '', { origin: EVIL });
    const plain = await send('/auth/sign-out', 'text/plain', '{}', { origin: EVIL });
    const plainSameSite = await send('/auth/sign-out', 'text/plain', '{}', { origin: site });
    const foreign = await send('/auth/sign-out', 'application/json', '{}', { origin: EVIL });
    for (const refused of [form, plain, plainSameSite, foreign]) {
      expect(refused.status).toBe(400);
      expect(JSON.parse(refused.text)).toEqual({ error: { code: 'BAD_REQUEST', message: 'POST JSON from this site only' } });
      expect(refused.setCookie).toBeNull();
    }
    expect(await sessionWorks()).toBe(true);
  });

  it('signs out on a same-origin JSON post', async () => {
    const same = await send('/auth/sign-out', 'application/json', '{}', { origin: site });
    expect([same.status, JSON.parse(same.text)]).toEqual([200, { signedOut: true }]);
    expect(await sessionWorks()).toBe(false);
  });
});
