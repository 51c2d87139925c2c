// Goal: the boot request that index.html starts before the dashboard's script arrives asks a valid query, answers the session check, and fills the cache so that the dashboard's Me query needs no request of its own; an incomplete answer fills nothing. Method: the query text the build inlines, validated against the committed schema and sent to the real server with a real session cookie (and without one); its answer written into the dashboard's real Apollo Client, whose fetch fails the test if the Me query reaches it.
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOT_QUERY, BOOT_RESPONSE_GLOBAL, bootDataOf, takeBootResponse } from '../../../client/src/apollo/boot.js';
import { createApolloClient } from '../../../client/src/apollo/client.js';
import { MeDocument } from '../../../client/src/gql/graphql.js';
import { parseSessionCheck } from '../../../client/src/utils/auth-response.js';
import { bootQueryText } from '../../../client/vite-plugins.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const OWNER = { email: 'bo.boot@example.com', name: 'Bo Boot', password: 'the first request of the page' };

let t: TestApp;
let walletId: string;
let sessionCookie: string;

beforeAll(async () => {
  t = await startTestApp();
  const account = await t.createAccount('Boot Account');
  walletId = account.walletId;
  await t.fund(walletId, '12.34');
  await t.ok(t.adminToken, 'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }', {
    input: { accountId: account.accountId, ...OWNER, role: 'OWNER' },
  });
  const signIn = await fetch(`${t.url}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: t.url },
    body: JSON.stringify({ email: OWNER.email, password: OWNER.password }),
  });
  expect(signIn.status).toBe(200);
  sessionCookie = /sw_session=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')?.[0] ?? '';
  expect(sessionCookie).not.toBe('');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

/** POSTs the boot query as index.html's script does (same body), with `cookie` if given. */
async function postBoot(cookie?: string): Promise<{ status: number; bodyText: string }> {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ operationName: 'Boot', variables: {}, query: bootQueryText('BootDocument') }),
  });
  return { status: response.status, bodyText: await response.text() };
}

/** A fetch that fails the test: nothing may reach the network. */
const noNetwork = (async (_input: string | URL | Request, init?: RequestInit) => {
  throw new Error(`unexpected request: ${String(init?.body)}`);
}) as typeof globalThis.fetch;

describe('boot request', () => {
  it('is a valid query of the committed schema, with __typename on every object as the cache writes it', () => {
    const text = bootQueryText('BootDocument');
    const schema = buildSchema(fs.readFileSync(path.resolve('schema/schema.graphql'), 'utf8'));
    expect(validate(schema, parse(text))).toEqual([]);
    expect(text).toMatch(/^query Boot\{me\{/);
    // Every selection set but the operation's own asks __typename.
    expect(text.match(/__typename/g)?.length).toBe((text.match(/\{/g)?.length ?? 0) - 1);
    expect(text).toContain('fragment WalletSummaryFields on Wallet');
  });

  it('answers the session check for a signed-in user and fills the cache so that the Me query (routes/wallet/WalletPage.tsx) needs no request', async () => {
    const boot = await postBoot(sessionCookie);
    expect(boot.status).toBe(200);
    const check = parseSessionCheck(boot.status, boot.bodyText);
    expect(check).toMatchObject({ kind: 'signed-in', user: { email: OWNER.email, role: 'OWNER' } });
    const data = bootDataOf(boot.bodyText);
    expect(data).not.toBeNull();

    const client = createApolloClient({ getApiKey: () => null, fetch: noNetwork, uri: `${t.url}/graphql` });
    client.writeQuery({ query: BOOT_QUERY, data: data! });
    const me = await client.query({ query: MeDocument });
    expect(me.data?.me.account?.wallets).toEqual([
      expect.objectContaining({ id: walletId, balance: '12.34', available: '12.34', currency: 'USD' }),
    ]);
  });

  it('without a session answers signed out, and its data fills nothing', async () => {
    const boot = await postBoot();
    expect(parseSessionCheck(boot.status, boot.bodyText)).toEqual({ kind: 'signed-out' });
    expect(bootDataOf(boot.bodyText)).toBeNull();
  });

  it('fills nothing from an answer with errors, without an account, or that is not JSON', () => {
    const me = { role: 'OWNER', accountId: 'a', apiKeyId: null, user: null };
    expect(bootDataOf(JSON.stringify({ data: { me: { ...me, account: { id: 'a', name: 'A', wallets: [] } } } }))).not.toBeNull();
    expect(bootDataOf(JSON.stringify({ data: { me: { ...me, account: { id: 'a', name: 'A', wallets: [] } } }, errors: [{}] }))).toBeNull();
    expect(bootDataOf(JSON.stringify({ data: { me: { ...me, account: null } } }))).toBeNull();
    expect(bootDataOf(JSON.stringify({ data: null }))).toBeNull();
    expect(bootDataOf('<html>')).toBeNull();
  });

  it("hands the inline script's promise over once, and nothing when the page had no such script", async () => {
    const answer = { status: 200, bodyText: '{}' };
    const scope: Record<string, unknown> = { [BOOT_RESPONSE_GLOBAL]: Promise.resolve(answer) };
    await expect(takeBootResponse(scope)).resolves.toEqual(answer);
    expect(takeBootResponse(scope)).toBeNull();
    expect(takeBootResponse({ [BOOT_RESPONSE_GLOBAL]: 'not a promise' })).toBeNull();
  });
});
