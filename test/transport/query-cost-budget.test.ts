// Goal: one tenant's heaviest allowed queries cannot take the server from the others: a key's queries spend their cost from a budget per window (graphqlQueryCostPerWindowMax: a budget of exactly N queries' cost lets N through and refuses the next with 429 RATE_LIMITED, on HTTP and on the socket, while mutations and other keys go on), and at most heavyQueriesInFlightPerKeyMax heavy queries of one key run at once. Method: the real server with the budget set to 3 × one query's cost (computed with the server's own queryCost), fetch for HTTP, the real graphql-ws client, and a table lock held by the test to keep queries running.
import { parse } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createSchema } from '../../server/graphql/schema.js';
import { queryCost } from '../../server/graphql/query-limits.js';
import { loadConfig } from '../../server/config.js';
import { WALLET_TRANSACTION_COLUMNS } from '../../server/domain/wallets/wallets.queries.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { lockTable, until } from '../support/waiting.js';

const PAGE = 'query($id: ID!) { wallet(id: $id) { transactions(first: 10) { edges { node { id amount } } } } }';
const CHARGE = 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }';
/** Queries that exactly spend the budget. */
const QUERIES_IN_BUDGET = 3;

let t: TestApp;
let tenant: { accountId: string; walletId: string; ownerKey: string };
let pageCost: number;

beforeAll(async () => {
  pageCost = queryCost(await createSchema(), parse(PAGE), undefined, { id: 'x' }, loadConfig({}));
  // Every page is heavy here; one heavy query of a key at a time.
  t = await startTestApp({
    graphqlQueryCostPerWindowMax: QUERIES_IN_BUDGET * pageCost,
    graphqlRateWindowSeconds: 3_600,
    heavyQueryCostMin: pageCost,
    heavyQueriesInFlightPerKeyMax: 1,
  });
  tenant = await t.createAccount();
  await t.fund(tenant.walletId, '100');
});
afterAll(async () => {
  await t?.close();
});

async function post(token: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as { data?: any; errors?: any[] },
  };
}

describe('query cost per key and window', () => {
  it('costs what queryCost says: a page of 10 rows of 2 fields', () => {
    // wallet 1 + transactions 1 + edges 1 + 10 rows × (node 1 + 2 fields).
    expect(pageCost).toBe(33);
  });

  it('over HTTP: N queries within the budget pass, the next is 429 RATE_LIMITED naming the budget; mutations, other keys and the operator go on', async () => {
    const key = await t.createKey(tenant.accountId, 'OWNER');
    for (let index = 0; index < QUERIES_IN_BUDGET; index++) {
      const answer = await post(key.secret, PAGE, { id: tenant.walletId });
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
    }
    const refused = await post(key.secret, PAGE, { id: tenant.walletId });
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'graphqlQueryCostPerWindowMax' });
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    // Refused again, now before the document is even parsed (the key is known to be over budget).
    const again = await post(key.secret, PAGE, { id: tenant.walletId });
    expect(again.status).toBe(429);
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'graphqlQueryCostPerWindowMax' });
    expect(again.retryAfter).toBe(String(again.body.errors?.[0]?.extensions?.retryAfterSeconds));
    // Mutations are not costed; another key has its own budget; the operator has none.
    const charged = await post(key.secret, CHARGE, { input: { walletId: tenant.walletId, amount: '1' } });
    expect([charged.status, charged.body.errors]).toEqual([200, undefined]);
    const other = await t.createKey(tenant.accountId, 'OWNER');
    expect((await post(other.secret, PAGE, { id: tenant.walletId })).status).toBe(200);
    for (let index = 0; index <= QUERIES_IN_BUDGET; index++)
      expect((await post(t.adminToken, PAGE, { id: tenant.walletId })).status).toBe(200);
    await t.assertLedger();
  });

  it('over the socket: the same budget, the next query answers RATE_LIMITED', async () => {
    const key = await t.createKey(tenant.accountId, 'OWNER');
    const client = createClient({
      url: `${t.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: { authorization: `Bearer ${key.secret}` },
    });
    const run = () =>
      new Promise<{ data?: any; errors?: any[] }>((resolve, reject) => {
        let result: { data?: any; errors?: any[] } = {};
        client.subscribe(
          { query: PAGE, variables: { id: tenant.walletId } },
          {
            next: (value) => (result = value as typeof result),
            error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error)),
            complete: () => resolve(result),
          },
        );
      });
    try {
      for (let index = 0; index < QUERIES_IN_BUDGET; index++) expect((await run()).errors).toBeUndefined();
      const refused = await run();
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'graphqlQueryCostPerWindowMax' });
    } finally {
      await client.dispose();
    }
  });
});

describe('heavy queries in flight per key', () => {
  it('runs heavyQueriesInFlightPerKeyMax heavy queries of a key at once; the next waits its turn and then runs; another key does not wait', async () => {
    const first = await t.createKey(tenant.accountId, 'OWNER');
    const second = await t.createKey(tenant.accountId, 'OWNER');
    const lock = await lockTable(t.databaseUrl, 'wallet_transaction');
    // The pages' statements only (they start with the transaction's columns): the outbox tail's reads
    // and the spend statistics queue on the lock too, and counted with them the test could pass with the
    // second key's query not on the lock, or wait until a query ran out its deadline (a CI failure).
    const pages = () => lock.waiting(`select ${WALLET_TRANSACTION_COLUMNS.split('\n')[0]}%`);
    let answers: Promise<Awaited<ReturnType<typeof post>>>[];
    try {
      answers = [post(first.secret, PAGE, { id: tenant.walletId }), post(first.secret, PAGE, { id: tenant.walletId })];
      await until("the first key's first query on the lock", async () => (await pages()) === 1);
      // Another key's heavy query is not held back by the first key's turn: it reaches the lock too.
      answers.push(post(second.secret, PAGE, { id: tenant.walletId }));
      await until("the second key's query on the lock", async () => (await pages()) === 2);
      // The first key's second query is still waiting for its turn, not on the lock.
      expect(await pages()).toBe(2);
    } finally {
      await lock.release();
    }
    for (const answer of await Promise.all(answers)) expect([answer.status, answer.body.errors]).toEqual([200, undefined]);
  });
});
