// Goal: platform staff find any account by name, user e-mail or id, page through them within the configured page size, and see who did every money movement (a grant, an adjustment, a bank transfer) while a tenant sees its own keys by name but of staff only that staff acted; account roles cannot search. Method: the real server on its own database with a small page-size limit, GraphQL over HTTP with real API keys and the operator token; each refused call checked for its code and for nothing changed.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribe } from '../../support/subscriber.js';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app.js';

/** The page-size limit this file's server runs with (small, so the boundary is a real page). */
const PAGE_SIZE_MAX = 3;

let t: TestApp;
let support: { id: string; secret: string };
beforeAll(async () => {
  t = await startTestApp({ accountsPageSizeMax: PAGE_SIZE_MAX, accountsPageSizeDefault: 2 });
  support = await t.createKey(null, 'SUPPORT');
});
afterAll(async () => {
  await t?.close();
});

const ACCOUNTS = `query($search: String, $first: Int, $after: String) {
  accounts(search: $search, first: $first, after: $after) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`;
const ACTOR_FIELDS = 'kind id role name email staff';
const TRANSACTIONS = `query($id: ID!) { wallet(id: $id) { transactions(first: 20) { edges { node { kind description actor { ${ACTOR_FIELDS} } } } } } }`;

function expectError(response: GraphQLResponse, code: string, field?: string): void {
  expect(response.errors, JSON.stringify(response)).toHaveLength(1);
  expect(response.errors![0]!.extensions?.code).toBe(code);
  if (field !== undefined) expect(response.errors![0]!.extensions?.field).toBe(field);
  expect(response.data ?? null).toBeNull();
}

async function names(token: string, variables: Record<string, unknown>): Promise<string[]> {
  return (await t.ok(token, ACCOUNTS, variables)).accounts.edges.map((edge: any) => edge.node.name);
}

describe('accounts search', () => {
  const tag = randomUUID().slice(0, 8);
  let acme: { accountId: string; ownerKey: string }[];
  let other: { accountId: string; ownerKey: string };
  beforeAll(async () => {
    acme = [];
    for (const n of [1, 2, 3, 4]) acme.push(await t.createAccount(`Acme ${tag} ${n}`));
    other = await t.createAccount(`Other ${tag} 100% Ltd`);
    await t.ok(t.adminToken, 'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }', {
      input: {
        accountId: other.accountId,
        email: `billing.${tag}@found-by-mail.example`,
        name: 'Bo Billing',
        role: 'OWNER',
        password: 'a long enough password',
      },
    });
  });

  it('finds by part of the name (any case), by user e-mail and by whole id, newest first', async () => {
    expect(await names(support.secret, { search: `ACME ${tag}`, first: 3 })).toEqual([`Acme ${tag} 4`, `Acme ${tag} 3`, `Acme ${tag} 2`]);
    expect(await names(support.secret, { search: `${tag}@found-by` })).toEqual([`Other ${tag} 100% Ltd`]);
    expect(await names(support.secret, { search: acme[1]!.accountId.toUpperCase() })).toEqual([`Acme ${tag} 2`]);
    // Wildcards are taken literally: "%" matches only a name with a "%" in it, "_" none here.
    expect(await names(support.secret, { search: `${tag} 100%` })).toEqual([`Other ${tag} 100% Ltd`]);
    expect(await names(support.secret, { search: `${tag}_` })).toEqual([]);
    // The operator's token may search too; blank searches list every account.
    expect((await names(t.adminToken, { search: '   ', first: 3 })).length).toBe(3);
  });

  it('pages with cursors, no account twice and none missed', async () => {
    const first = (await t.ok(support.secret, ACCOUNTS, { search: `acme ${tag}` })).accounts;
    expect(first.edges.map((e: any) => e.node.name)).toEqual([`Acme ${tag} 4`, `Acme ${tag} 3`]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await t.ok(support.secret, ACCOUNTS, { search: `acme ${tag}`, after: first.pageInfo.endCursor })).accounts;
    expect(second.edges.map((e: any) => e.node.name)).toEqual([`Acme ${tag} 2`, `Acme ${tag} 1`]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expectError(await t.graphql(support.secret, ACCOUNTS, { after: 'not-a-cursor' }), 'BAD_USER_INPUT', 'after');
  });

  it(`takes first = ${PAGE_SIZE_MAX} (accountsPageSizeMax) and refuses ${PAGE_SIZE_MAX + 1} and 0`, async () => {
    expect(await names(support.secret, { search: `acme ${tag}`, first: PAGE_SIZE_MAX })).toHaveLength(PAGE_SIZE_MAX);
    expectError(await t.graphql(support.secret, ACCOUNTS, { search: `acme ${tag}`, first: PAGE_SIZE_MAX + 1 }), 'BAD_USER_INPUT', 'first');
    expectError(await t.graphql(support.secret, ACCOUNTS, { first: 0 }), 'BAD_USER_INPUT', 'first');
  });

  it(`takes a search of accountSearchLengthMax (${254}) characters and refuses one more`, async () => {
    expect(t.config.accountSearchLengthMax).toBe(254);
    expect(await names(support.secret, { search: 'x'.repeat(254) })).toEqual([]);
    expectError(await t.graphql(support.secret, ACCOUNTS, { search: 'x'.repeat(255) }), 'BAD_USER_INPUT', 'search');
  });

  it('is FORBIDDEN to every account role', async () => {
    const owner = acme[0]!;
    for (const role of ['CAMPAIGN_MANAGER', 'INTEGRATOR']) {
      const key = await t.createKey(owner.accountId, role);
      expectError(await t.graphql(key.secret, ACCOUNTS, { search: 'acme' }), 'FORBIDDEN');
    }
    expectError(await t.graphql(owner.ownerKey, ACCOUNTS, {}), 'FORBIDDEN');
  });
});

describe('who did it', () => {
  it("names the staff member behind a grant and an adjustment to staff, and only 'staff' to the tenant", async () => {
    const { walletId, ownerKey } = await t.createAccount('Actors Ltd');
    const ownerKeyId = (await t.ok(ownerKey, '{ me { apiKeyId } }')).me.apiKeyId;
    await t.fund(walletId, '10');
    await t.ok(support.secret, 'mutation($input: GrantCreditInput!) { grantCredit(input: $input) { transaction { id } } }', {
      input: { walletId, amount: '5', reason: 'Trial credit' },
    });
    await t.ok(ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
      input: { walletId, amount: '1', description: 'usage', idempotencyKey: randomUUID() },
    });
    const asStaff = (await t.ok(support.secret, TRANSACTIONS, { id: walletId })).wallet.transactions.edges.map((e: any) => e.node);
    const asOwner = (await t.ok(ownerKey, TRANSACTIONS, { id: walletId })).wallet.transactions.edges.map((e: any) => e.node);
    const supportActor = { kind: 'API_KEY', id: support.id, role: 'SUPPORT', name: 'SUPPORT key', email: null, staff: true };
    const operator = { kind: 'OPERATOR_TOKEN', id: null, role: 'PLATFORM_ADMIN', name: null, email: null, staff: true };
    const ownerActor = { kind: 'API_KEY', id: ownerKeyId, role: 'OWNER', name: expect.any(String), email: null, staff: false };
    expect(asStaff.map((n: any) => [n.kind, n.actor])).toEqual([
      ['CHARGE', ownerActor],
      ['GRANT', supportActor],
      ['ADJUSTMENT', operator],
    ]);
    expect(asOwner.map((n: any) => [n.kind, n.actor])).toEqual([
      ['CHARGE', ownerActor],
      ['GRANT', { ...supportActor, id: null, name: null }],
      ['ADJUSTMENT', operator],
    ]);
  });

  it('names the actor per subscriber on transactionAdded: staff see the staff key, the owner only that staff acted', async () => {
    const { walletId, ownerKey } = await t.createAccount('Live Actors Ltd');
    const query = `subscription($walletId: ID!, $afterSequence: String) {
      transactionAdded(walletId: $walletId, afterSequence: $afterSequence) { kind actor { kind id name staff } } }`;
    const asOwner = subscribe(t.url, ownerKey, query, { walletId, afterSequence: '0' }, (data) => data.transactionAdded);
    const asStaff = subscribe(t.url, support.secret, query, { walletId, afterSequence: '0' }, (data) => data.transactionAdded);
    try {
      await t.ok(support.secret, 'mutation($input: GrantCreditInput!) { grantCredit(input: $input) { transaction { id } } }', {
        input: { walletId, amount: '3', reason: 'Live grant' },
      });
      expect(await asStaff.waitFor(1)).toEqual([
        { kind: 'GRANT', actor: { kind: 'API_KEY', id: support.id, name: 'SUPPORT key', staff: true } },
      ]);
      expect(await asOwner.waitFor(1)).toEqual([{ kind: 'GRANT', actor: { kind: 'API_KEY', id: null, name: null, staff: true } }]);
    } finally {
      await asOwner.close();
      await asStaff.close();
    }
  });

  it('names who recorded and who settled a bank transfer', async () => {
    const { walletId, ownerKey } = await t.createAccount('Transfers Ltd');
    const ownerKeyId = (await t.ok(ownerKey, '{ me { apiKeyId } }')).me.apiKeyId;
    const recorded = (
      await t.ok(ownerKey, 'mutation($input: RecordBankTransferInput!) { recordBankTransfer(input: $input) { bankTransfer { id } } }', {
        input: { walletId, amount: '20', reference: 'REF-1' },
      })
    ).recordBankTransfer.bankTransfer;
    const fields = `id status recordedBy { kind id staff } settledBy { kind id name staff }`;
    const completed = (
      await t.ok(support.secret, `mutation($id: ID!) { completeBankTransfer(id: $id) { bankTransfer { ${fields} } } }`, { id: recorded.id })
    ).completeBankTransfer.bankTransfer;
    expect(completed).toEqual({
      id: recorded.id,
      status: 'COMPLETED',
      recordedBy: { kind: 'API_KEY', id: ownerKeyId, staff: false },
      settledBy: { kind: 'API_KEY', id: support.id, name: 'SUPPORT key', staff: true },
    });
    const seenByOwner = (await t.ok(ownerKey, `query($id: ID!) { bankTransfer(id: $id) { ${fields} } }`, { id: recorded.id })).bankTransfer;
    expect(seenByOwner.settledBy).toEqual({ kind: 'API_KEY', id: null, name: null, staff: true });
    const listed = (await t.ok(ownerKey, `query($id: ID!) { wallet(id: $id) { bankTransfers { settledBy { kind } } } }`, { id: walletId }))
      .wallet.bankTransfers;
    expect(listed).toEqual([{ settledBy: { kind: 'API_KEY' } }]);
  });
});

describe("an account's campaigns", () => {
  it('are listed for staff by accountId; a tenant naming another account gets NOT_FOUND', async () => {
    const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.01', firstIncrementSeconds: 6, nextIncrementSeconds: 6 }]);
    const a = await t.createAccount('Campaigns A');
    const b = await t.createAccount('Campaigns B');
    const campaignA = await t.runningCampaign(a.ownerKey, a.walletId, ratePlanId);
    await t.runningCampaign(b.ownerKey, b.walletId, ratePlanId);
    const CAMPAIGNS = `query($accountId: ID) { campaigns(accountId: $accountId, first: 100) { edges { node { id accountId } } } }`;
    const ofA = (await t.ok(support.secret, CAMPAIGNS, { accountId: a.accountId })).campaigns.edges.map((e: any) => e.node);
    expect(ofA).toEqual([{ id: campaignA, accountId: a.accountId }]);
    expect((await t.ok(a.ownerKey, CAMPAIGNS, { accountId: a.accountId.toUpperCase() })).campaigns.edges).toHaveLength(1);
    expectError(await t.graphql(a.ownerKey, CAMPAIGNS, { accountId: b.accountId }), 'NOT_FOUND');
    expectError(await t.graphql(support.secret, CAMPAIGNS, { accountId: 'nope' }), 'NOT_FOUND');
    // Without accountId nothing changes: staff see every account's, a tenant its own.
    expect((await t.ok(support.secret, CAMPAIGNS, {})).campaigns.edges.length).toBeGreaterThanOrEqual(2);
    expect((await t.ok(b.ownerKey, CAMPAIGNS, {})).campaigns.edges.map((e: any) => e.node.accountId)).toEqual([b.accountId]);
  });
});
