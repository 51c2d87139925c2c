// Goal: the per-wallet field resolvers (transactions pages included) and the campaigns' spend series batch per operation, so one query over an account's N wallets issues the same number of SQL statements for N = 10 and N = 100 (and 5 and 40 campaigns alike), and a page of transactions reads their invoices in one statement (3 rows and 30 alike), on HTTP and on the socket, with the same answers as wallet by wallet; method: count every statement the process sends (pg.Client#query wrapped for the test) while the server's background jobs are off.
import pg from 'pg';
import { createClient } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sql } from '../../server/database/sql.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
const accounts: Record<number, { accountId: string; walletId: string; ownerKey: string }> = {};

/** Every wallet field that reads the database per wallet. */
const WALLET_FIELDS = `id balance status suspendedAt lowBalanceThresholds refundable
  burn { ratePerMinute timeToEmptySeconds activeCalls meteredPerMinute windowUsage windowSeconds coveredSeconds planFeesPerMinute }
  autoRecharge { enabled threshold target }
  planSubscription { id plan { id name } }
  topUps(first: 2) { id status amount } creditRefunds(first: 2) { id } bankTransfers(first: 2) { id status amount }
  transactions(first: 3) { edges { cursor node { id sequence type kind status amount balanceBefore balanceAfter description campaignId createdAt } } pageInfo { hasNextPage endCursor } }`;
const ACCOUNT_WALLETS = `{ me { account { id wallets { ${WALLET_FIELDS} } } } }`;

const originalQuery = pg.Client.prototype.query;
let statements: string[] | null = null;

beforeAll(async () => {
  // No background job may send statements while a query is counted.
  // Only the operation's own statements are counted: background work is off, and so are the rate
  // limits, whose reports to PostgreSQL come whenever a key's allowance runs low, not per query.
  t = await startTestApp({
    billingClockEnabled: false,
    alertsEnabled: false,
    outboxPollIntervalMs: 3_600_000,
    socketCredentialCheckIntervalMs: 3_600_000,
    rateLimitsEnabled: false,
    // The events layer acts on a commit at once, not up to 20 ms later as under load: a tail read or NOTIFY
    // spaced after the set-up's commits would land in the next counted request.
    outboxTailReadIntervalMinMs: 0,
    outboxNotifyIntervalMinMs: 0,
    outboxConsumerPassIntervalMinMs: 0,
  });
  for (const count of [10, 100]) {
    const account = await t.createAccount(`Account of ${count} wallets`);
    await sql<never, { accountId: string; count: number }>(
      `insert into wallet (id, account_id, currency) select gen_random_uuid(), :accountId, 'USD' from generate_series(2, :count)`,
    ).run(t.app.orm.em.fork(), { accountId: account.accountId, count });
    accounts[count] = account;
  }
  pg.Client.prototype.query = function countingQuery(this: pg.Client, ...args: unknown[]) {
    const [config] = args;
    statements?.push(typeof config === 'string' ? config : String((config as { text?: string })?.text ?? ''));
    return (originalQuery as (...all: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
});
afterEach(() => {
  statements = null;
});
afterAll(async () => {
  pg.Client.prototype.query = originalQuery;
  await t?.close();
});

/** The statements `work` sends, and its result. */
async function counted<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  // Once uncounted first, so the counted run finds what a process keeps warm between requests as
  // warm for every key: an API key is looked up again after API_KEY_CACHE_TTL_MS (5 s), and on a slow
  // host the 40 campaigns' set-up outlasted the 5-campaign key's entry (5 statements against 4).
  await work();
  statements = [];
  try {
    const result = await work();
    return { result, statements };
  } finally {
    statements = null;
  }
}

async function overSocket(token: string, query: string): Promise<any> {
  const client = createClient({
    url: `${t.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${token}` },
  });
  try {
    return await new Promise((resolve, reject) => {
      let result: unknown;
      client.subscribe({ query }, { next: (value) => (result = value), error: reject, complete: () => resolve(result) });
    });
  } finally {
    await client.dispose();
  }
}

describe('per-request batching of campaign fields', () => {
  it('a page of 5 campaigns and one of 40 issue the same number of statements for spendByMinute', async () => {
    const planId = await t.createRatePlan([{ prefix: '1', perMinute: '0.01', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
    const owners: Record<number, string> = {};
    for (const count of [5, 40]) {
      const account = await t.createAccount(`Account of ${count} campaigns`);
      for (let index = 0; index < count; index += 1) {
        await t.ok(account.ownerKey, `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }`, {
          input: { walletId: account.walletId, ratePlanId: planId, name: `Campaign ${index}` },
        });
      }
      owners[count] = account.ownerKey;
    }
    const query = '{ campaigns(first: 100) { edges { node { id spendByMinute(minutes: 5) { minute spent } } } } }';
    const small = await counted(() => t.ok(owners[5]!, query));
    const large = await counted(() => t.ok(owners[40]!, query));
    expect(small.result.campaigns.edges).toHaveLength(5);
    expect(large.result.campaigns.edges).toHaveLength(40);
    for (const edge of large.result.campaigns.edges) {
      expect(edge.node.spendByMinute.map((point: { spent: string }) => point.spent)).toEqual(['0', '0', '0', '0', '0']);
    }
    console.log(`Statements for 5 campaigns: ${small.statements.length}; for 40 campaigns: ${large.statements.length}`);
    expect(large.statements.length).toBe(small.statements.length);
  });
});

describe('per-request batching of wallet fields', () => {
  it('a query of 10 wallets and one of 100 issue the same, small number of statements (HTTP)', async () => {
    const small = await counted(() => t.ok(accounts[10]!.ownerKey, ACCOUNT_WALLETS));
    const large = await counted(() => t.ok(accounts[100]!.ownerKey, ACCOUNT_WALLETS));
    expect(small.result.me.account.wallets).toHaveLength(10);
    expect(large.result.me.account.wallets).toHaveLength(100);
    console.log(`Statements for 10 wallets: ${small.statements.length}; for 100 wallets: ${large.statements.length}`);
    expect(large.statements.length).toBe(small.statements.length);
    // The key lookup, the account and its wallets, then one statement per batched field (10 here),
    // and the burn's read of the spend caps that may stop spending first.
    expect(large.statements.length).toBeLessThanOrEqual(16);
  });

  it('the same over the socket', async () => {
    const small = await counted(() => overSocket(accounts[10]!.ownerKey, ACCOUNT_WALLETS));
    const large = await counted(() => overSocket(accounts[100]!.ownerKey, ACCOUNT_WALLETS));
    expect(small.result.data.me.account.wallets).toHaveLength(10);
    expect(large.result.data.me.account.wallets).toHaveLength(100);
    expect(large.statements.length).toBe(small.statements.length);
  });

  it('gives every wallet the answer a query of that wallet alone gives', async () => {
    const account = accounts[10]!;
    for (const amount of ['2.5', '4', '6']) await t.fund(account.walletId, amount);
    const all = (await t.ok(account.ownerKey, ACCOUNT_WALLETS)).me.account.wallets as { id: string }[];
    for (const wallet of all) {
      const alone = await t.ok(account.ownerKey, `query($id: ID!) { wallet(id: $id) { ${WALLET_FIELDS} } }`, { id: wallet.id });
      expect(alone.wallet).toEqual(wallet);
    }
    const funded = all.find((wallet) => wallet.id === account.walletId) as any;
    expect(funded).toMatchObject({ balance: '12.5', refundable: '0', status: 'ACTIVE', lowBalanceThresholds: ['5', '0'] });
    expect(funded.transactions.edges.map((edge: any) => edge.node.amount)).toEqual(['6', '4', '2.5']);
  });

  it('reads again after a write in the same request: a mutation payload shows the wallet after it', async () => {
    const account = accounts[10]!;
    const NEWEST = 'transactions(first: 1) { edges { node { id amount } } }';
    const before = (await t.ok(account.ownerKey, `query($id: ID!) { wallet(id: $id) { balance ${NEWEST} } }`, { id: account.walletId }))
      .wallet;
    const charged = await t.ok(
      account.ownerKey,
      `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } wallet { balance ${NEWEST} } } }`,
      { input: { walletId: account.walletId, amount: '1' } },
    );
    // The batched transactions page is read after the charge: its newest row is the charge.
    expect(charged.charge.wallet.transactions.edges[0].node).toEqual({ id: charged.charge.transaction.id, amount: '1' });
    expect(charged.charge.wallet.transactions.edges[0].node.id).not.toBe(before.transactions.edges[0]?.node.id);
    await t.assertLedger();
  });
});

describe('per-request batching of transaction documents', () => {
  it('a page of 3 transactions and one of 30 read their invoices in one statement each (Transaction.invoice)', async () => {
    const owners: Record<number, { walletId: string; ownerKey: string }> = {};
    for (const count of [3, 30]) {
      const account = await t.createAccount(`Account of ${count} transactions`);
      for (let index = 0; index < count; index += 1) await t.fund(account.walletId, '1');
      owners[count] = account;
    }
    const query = (walletId: string) =>
      `{ wallet(id: "${walletId}") { transactions(first: 50) { edges { node { id kind invoice { id number pdfUrl } } } } } }`;
    // Each key once before counting: its first request also looks the key up.
    for (const count of [3, 30]) await t.ok(owners[count]!.ownerKey, query(owners[count]!.walletId));
    const small = await counted(() => t.ok(owners[3]!.ownerKey, query(owners[3]!.walletId)));
    const large = await counted(() => t.ok(owners[30]!.ownerKey, query(owners[30]!.walletId)));
    expect(small.result.wallet.transactions.edges).toHaveLength(3);
    expect(large.result.wallet.transactions.edges).toHaveLength(30);
    // Fundings are adjustments: no document.
    expect(large.result.wallet.transactions.edges.every((edge: { node: { invoice: unknown } }) => edge.node.invoice === null)).toBe(true);
    console.log(`Statements for 3 transactions: ${small.statements.length}; for 30: ${large.statements.length}`);
    expect(large.statements.length).toBe(small.statements.length);
    expect(large.statements.filter((text) => text.includes('i.wallet_transaction_id = any'))).toHaveLength(1);
  });
});
