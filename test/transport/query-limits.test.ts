// Goal: every query limit (cost, aliases, depth, tokens, directives) lets a document at the limit through and refuses one just over it with QUERY_TOO_COMPLEX naming the limit, before execution, on HTTP (status 400) and on the WebSocket alike; introspection and field suggestions follow their settings on both. Method: real servers with small limits, HTTP posts and the real graphql-ws client.
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../../server/config.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const LIMITS = { queryCostMax: 100, queryAliasesMax: 3, queryDepthMax: 6, queryTokensMax: 60, queryDirectivesMax: 3 };

let t: TestApp;
let locked: TestApp;
let tenant: { accountId: string; walletId: string; ownerKey: string };
let lockedTenant: { ownerKey: string };

beforeAll(async () => {
  [t, locked] = await Promise.all([startTestApp(LIMITS), startTestApp({ introspectionEnabled: false, fieldSuggestionsEnabled: false })]);
  [tenant, lockedTenant] = await Promise.all([t.createAccount(), locked.createAccount()]);
});
afterAll(async () => {
  await Promise.all([t?.close(), locked?.close()]);
});

interface Answer {
  status?: number;
  data?: any;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

function socketClient(app: TestApp, token: string): Client {
  return createClient({
    url: `${app.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: { authorization: `Bearer ${token}` },
  });
}

/** Runs one operation over a fresh socket; resolves with its data or errors. */
async function overSocket(app: TestApp, token: string, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const client = socketClient(app, token);
  try {
    return await new Promise<Answer>((resolve, reject) => {
      let result: Answer = {};
      client.subscribe(
        { query, variables },
        {
          next: (value) => (result = value as Answer),
          error: (error) =>
            Array.isArray(error) ? resolve({ errors: error }) : reject(new Error(`socket closed: ${JSON.stringify(error)}`)),
          complete: () => resolve(result),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

const transports = [
  [
    'HTTP',
    (app: TestApp, token: string, query: string, variables?: Record<string, unknown>) =>
      app.graphql(token, query, variables) as Promise<Answer>,
  ],
  ['WebSocket', overSocket],
] as const;

/** The document ran: data and no error. */
function expectRan(answer: Answer, transport: string): void {
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  expect(answer.data).toBeTruthy();
  if (transport === 'HTTP') expect(answer.status).toBe(200);
}

/** The document was refused before execution by `limit`. */
function expectRefused(answer: Answer, transport: string, limit: keyof typeof LIMITS): void {
  expect(answer.data ?? undefined).toBeUndefined();
  expect(answer.errors).toHaveLength(1);
  // HTTP answers through TestApp.graphql, which checks and removes extensions.requestId; the socket keeps it.
  const requestId = transport === 'WebSocket' ? { requestId: expect.any(String) } : {};
  expect(answer.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit, max: LIMITS[limit], ...requestId });
  if (transport === 'HTTP') expect(answer.status).toBe(400);
}

describe.each(transports)('query limits over %s', (transport, send) => {
  // wallet 1 + id, currency, balance 3 + transactions 1 + edges 1 + n × (node 1 + id 1) = 6 + 2n: n = 47 costs 100.
  const costQuery = `query($id: ID!, $n: Int) { wallet(id: $id) { id currency balance transactions(first: $n) { edges { node { id } } } } }`;

  it('queryCostMax: a cost of exactly the limit runs; one more is refused, counting variables and literals', async () => {
    expectRan(await send(t, tenant.ownerKey, costQuery, { id: tenant.walletId, n: 47 }), transport);
    // 6 + 2 × 48 = 102 through the variable; 101 through a literal page and one more field.
    expectRefused(await send(t, tenant.ownerKey, costQuery, { id: tenant.walletId, n: 48 }), transport, 'queryCostMax');
    const literal = `query($id: ID!) { wallet(id: $id) { id currency balance status transactions(first: 47) { edges { node { id } } } } }`;
    expectRefused(await send(t, tenant.ownerKey, literal, { id: tenant.walletId }), transport, 'queryCostMax');
  });

  it('queryCostMax: a list without `first` counts its page-size default', async () => {
    // 5 + rows × (node 1 + 5 fields): 125 with the default page of 20 rows; 95 with first: 15.
    const query = (first: string) =>
      `query($id: ID!) { wallet(id: $id) { id currency transactions${first} { edges { node { id amount createdAt sequence description } } } } }`;
    expectRan(await send(t, tenant.ownerKey, query('(first: 15)'), { id: tenant.walletId }), transport);
    expectRefused(await send(t, tenant.ownerKey, query(''), { id: tenant.walletId }), transport, 'queryCostMax');
  });

  it('queryAliasesMax: 3 aliases run, 4 are refused', async () => {
    const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: me { role }`).join(' ')} }`;
    expectRan(await send(t, tenant.ownerKey, aliased(3)), transport);
    expectRefused(await send(t, tenant.ownerKey, aliased(4)), transport, 'queryAliasesMax');
  });

  it('queryAliasesMax: aliases inside fragments count', async () => {
    const query = `{ ...Two ...More } fragment Two on Query { a: me { role } b: me { role } } fragment More on Query { c: me { role } d: me { role } }`;
    expectRefused(await send(t, tenant.ownerKey, query), transport, 'queryAliasesMax');
  });

  it('queryDepthMax: depth 6 runs, depth 7 is refused', async () => {
    expectRan(
      await send(t, tenant.ownerKey, '{ me { account { wallets { transactions(first: 1) { pageInfo { hasNextPage } } } } } }'),
      transport,
    );
    expectRefused(
      await send(t, tenant.ownerKey, '{ me { account { wallets { transactions(first: 1) { edges { node { id } } } } } } }'),
      transport,
      'queryDepthMax',
    );
  });

  it('queryDirectivesMax: 3 directives run, 4 are refused', async () => {
    const directed = (count: number) => `{ me { ${Array.from({ length: count }, () => 'role @include(if: true)').join(' ')} } }`;
    expectRan(await send(t, tenant.ownerKey, directed(3)), transport);
    expectRefused(await send(t, tenant.ownerKey, directed(4)), transport, 'queryDirectivesMax');
  });

  it('queryTokensMax: 60 tokens run, 61 are refused', async () => {
    // `{`, `}` and one `__typename` per token in between.
    const tokens = (count: number) => `{ ${Array.from({ length: count - 2 }, () => '__typename').join(' ')} }`;
    expectRan(await send(t, tenant.ownerKey, tokens(60)), transport);
    expectRefused(await send(t, tenant.ownerKey, tokens(61)), transport, 'queryTokensMax');
  });

  it('queryTokensMax: a document of 50 KB is refused with QUERY_TOO_COMPLEX, not INTERNAL_SERVER_ERROR', async () => {
    // Under the 100 KB body cap and the 64 KiB WebSocket message cap, so the answer is the token
    // limit's on both transports, not the body's (413) or the frame's (close 1009).
    const huge = `{ ${Array.from({ length: 3_000 }, (_, index) => `f${index}: __typename`).join(' ')} }`;
    expect(huge.length).toBeGreaterThan(50_000);
    expect(huge.length + 200).toBeLessThan(t.config.webSocketMessageBytesMax);
    expectRefused(await send(t, tenant.ownerKey, huge), transport, 'queryTokensMax');
  });

  it('a refused document changes nothing: a mutation over a limit is not run', async () => {
    const before = await t.ok(tenant.ownerKey, 'query($id: ID!) { wallet(id: $id) { balance sequence } }', { id: tenant.walletId });
    await t.fund(tenant.walletId, '5');
    const funded = await t.ok(tenant.ownerKey, 'query($id: ID!) { wallet(id: $id) { balance sequence } }', { id: tenant.walletId });
    const charge = `mutation($input: ChargeInput!) { charge(input: $input) @include(if: true) { wallet @include(if: true) { id @include(if: true) balance @include(if: true) } } }`;
    expectRefused(
      await send(t, tenant.ownerKey, charge, { input: { walletId: tenant.walletId, amount: '1' } }),
      transport,
      'queryDirectivesMax',
    );
    const after = await t.ok(tenant.ownerKey, 'query($id: ID!) { wallet(id: $id) { balance sequence } }', { id: tenant.walletId });
    expect(after).toEqual(funded);
    expect(funded).not.toEqual(before);
    await t.assertLedger();
  });

  it('introspection is on by default', async () => {
    const answer = await send(t, tenant.ownerKey, '{ __schema { queryType { name } } }');
    expectRan(answer, transport);
    expect(answer.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('a recursive introspection query is refused (graphql-js MaxIntrospectionDepthRule, which depth leaves to it)', async () => {
    expectRan(await send(t, tenant.ownerKey, '{ __schema { types { fields { args { name } } } } }'), transport);
    const refused = await send(t, tenant.ownerKey, '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }');
    expect(refused.data ?? undefined).toBeUndefined();
    expect(refused.errors).toEqual([
      expect.objectContaining({
        message: 'Maximum introspection depth exceeded',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...(transport === 'WebSocket' ? { requestId: expect.any(String) } : {}) },
      }),
    ]);
    if (transport === 'HTTP') expect(refused.status).toBe(400);
  });

  it('introspection is refused when introspectionEnabled is false (GRAPHQL_INTROSPECTION=0)', async () => {
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Wallet") { name } }']) {
      const answer = await send(locked, lockedTenant.ownerKey, query);
      expect(answer.data ?? undefined).toBeUndefined();
      expect(answer.errors?.[0]?.message).toMatch(/introspection has been disabled/);
      expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      if (transport === 'HTTP') expect(answer.status).toBe(400);
    }
    // Plain queries are untouched.
    expectRan(await send(locked, lockedTenant.ownerKey, '{ me { role } }'), transport);
  });

  it('field suggestions are given by default and hidden when fieldSuggestionsEnabled is false (NODE_ENV=production)', async () => {
    const shown = await send(t, tenant.ownerKey, '{ me { rol } }');
    expect(shown.errors?.[0]?.message).toBe('Cannot query field "rol" on type "Principal". Did you mean "role"?');
    expect(shown.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const hidden = await send(locked, lockedTenant.ownerKey, '{ me { rol } }');
    expect(hidden.errors?.[0]?.message).toBe('Cannot query field "rol" on type "Principal".');
    expect(hidden.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Enum values are suggested too; hidden alike.
    const enumValue = await send(locked, lockedTenant.ownerKey, '{ alerts(kinds: [LOW_BALANC]) { edges { cursor } } }');
    expect(enumValue.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

describe('query limit settings', () => {
  it('GRAPHQL_INTROSPECTION=0 turns introspection off; it is on by default', () => {
    expect(loadConfig({}).introspectionEnabled).toBe(true);
    expect(loadConfig({ GRAPHQL_INTROSPECTION: '1' }).introspectionEnabled).toBe(true);
    expect(loadConfig({ GRAPHQL_INTROSPECTION: '0' }).introspectionEnabled).toBe(false);
  });

  it('field suggestions are off when NODE_ENV=production', () => {
    expect(loadConfig({}).fieldSuggestionsEnabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).fieldSuggestionsEnabled).toBe(false);
  });
});
