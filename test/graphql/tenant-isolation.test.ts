// Goal: no operation lets one tenant read, change or even detect another tenant's objects, while platform roles reach all of them as their role allows. Method: two tenants with OWNER, CAMPAIGN_MANAGER and INTEGRATOR keys on the real server; every operation is aimed by B at A's ids and compared, error for error, with the same call on a random unknown id; then A's state, keys and the ledger invariants are checked.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GraphQLResponse, type TestApp } from '../support/test-app.js';
import { sql } from '../../server/database/sql.js';

type TenantRole = 'OWNER' | 'CAMPAIGN_MANAGER' | 'INTEGRATOR';
const TENANT_ROLES: TenantRole[] = ['OWNER', 'CAMPAIGN_MANAGER', 'INTEGRATOR'];

interface Tenant {
  accountId: string;
  walletId: string;
  /** Secrets by role; all created through the API by the tenant's own OWNER (the OWNER's own came with the account). */
  keys: Record<TenantRole, string>;
  /** API key ids by role. */
  keyIds: Record<TenantRole, string>;
}

const ME = `{ me { role accountId apiKeyId account { id wallets { id } } } }`;
const ACCOUNT = `query($id: ID!) { account(id: $id) { id name } }`;
const ACCOUNT_WALLETS = `query($id: ID!) { account(id: $id) { id wallets { id balance sequence } } }`;
const ACCOUNT_API_KEYS = `query($id: ID!) { account(id: $id) { id apiKeys { id role name prefix } } }`;
const WALLET = `query($id: ID!) { wallet(id: $id) { id accountId balance available sequence } }`;
const WALLET_TRANSACTIONS = `query($id: ID!) { wallet(id: $id) { id transactions(first: 100) { edges { node { id sequence amount } } } } }`;
const CREATE_ACCOUNT = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } wallet { id } apiKey } }`;
const CREATE_API_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey key { id role accountId } } }`;
const REVOKE_API_KEY = `mutation($id: ID!) { revokeApiKey(id: $id) { key { id revokedAt } } }`;
const CHARGE = `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id sequence } wallet { balance } replayed } }`;
const ADJUST = `mutation($input: AdjustWalletInput!) { adjustWallet(input: $input) { transaction { id sequence } wallet { balance } replayed } }`;

let t: TestApp;
let a: Tenant;
let b: Tenant;
let supportKey: string;
let platformAdminKey: string;
/** A platform key that belongs to no tenant, for OWNERs to try to revoke. */
let spareSupport: { id: string; secret: string };

async function createTenant(name: string): Promise<Tenant> {
  const { accountId, walletId, ownerKey } = await t.createAccount(name);
  const me = await t.ok(ownerKey, `{ me { apiKeyId } }`);
  const keys = { OWNER: ownerKey } as Record<TenantRole, string>;
  const keyIds = { OWNER: me.me.apiKeyId } as Record<TenantRole, string>;
  for (const role of ['CAMPAIGN_MANAGER', 'INTEGRATOR'] as const) {
    const data = await t.ok(ownerKey, CREATE_API_KEY, { input: { accountId, role, name: `${name} ${role}` } });
    keys[role] = data.createApiKey.apiKey;
    keyIds[role] = data.createApiKey.key.id;
  }
  return { accountId, walletId, keys, keyIds };
}

/** The response with every spelling of `ids` replaced by a placeholder, so two calls on different ids compare equal. */
function normalise(response: GraphQLResponse, ids: string[]): unknown {
  let text = JSON.stringify({ status: response.status, data: response.data ?? null, errors: response.errors });
  for (const id of ids.filter((value) => value !== '')) {
    text = text.split(id).join('<id>').split(id.toUpperCase()).join('<id>');
  }
  return JSON.parse(text);
}

/**
 * Asserts that the call on another tenant's object failed with `code` and that its answer (HTTP
 * status, data, message, path, extensions) is the answer for an id that exists nowhere, but for the id.
 */
function expectIndistinguishable(
  attack: GraphQLResponse,
  unknown: GraphQLResponse,
  code: string,
  attackId: string,
  unknownId: string,
): void {
  expect(attack.errors?.[0]?.extensions?.code, JSON.stringify(attack)).toBe(code);
  expect(unknown.errors?.[0]?.extensions?.code, JSON.stringify(unknown)).toBe(code);
  expect(attack.errors).toHaveLength(1);
  expect(normalise(attack, [attackId])).toEqual(normalise(unknown, [unknownId]));
}

/** Runs `call` on A's id and on a random UUID with the same credential and compares the two answers. */
async function expectHidden(
  token: string,
  code: 'NOT_FOUND' | 'FORBIDDEN',
  attackId: string,
  call: (token: string, id: string) => Promise<GraphQLResponse>,
): Promise<void> {
  const unknownId = randomUUID();
  const [attack, unknown] = await Promise.all([call(token, attackId), call(token, unknownId)]);
  expectIndistinguishable(attack, unknown, code, attackId, unknownId);
}

async function walletState(tenant: Tenant): Promise<unknown> {
  const data = await t.ok(
    tenant.keys.OWNER,
    WALLET_TRANSACTIONS.replace('{ id transactions', '{ id balance reserved available sequence transactions'),
    {
      id: tenant.walletId,
    },
  );
  return data.wallet;
}

async function tableCounts(): Promise<Record<string, number>> {
  return sql<Record<string, number>>(
    `select (select count(*) from account)::int as accounts, (select count(*) from api_key)::int as api_keys,
            (select count(*) from api_key where revoked_at is not null)::int as revoked_keys,
            (select count(*) from wallet_transaction)::int as wallet_transactions,
            (select count(*) from ledger_entry)::int as ledger_entries, (select count(*) from idempotency_key)::int as idempotency_keys`,
  ).one(t.app.orm.em.fork());
}

beforeAll(async () => {
  t = await startTestApp();
  a = await createTenant('Tenant A');
  b = await createTenant('Tenant B');
  await Promise.all([t.fund(a.walletId, '50'), t.fund(b.walletId, '50')]);
  // A's wallet has a history to hide, including an idempotency key B will try to reuse.
  await t.ok(a.keys.OWNER, CHARGE, { input: { walletId: a.walletId, amount: '1.5', description: 'A call', idempotencyKey: 'shared-key' } });
  supportKey = (await t.createKey(null, 'SUPPORT')).secret;
  platformAdminKey = (await t.createKey(null, 'PLATFORM_ADMIN')).secret;
  spareSupport = await t.createKey(null, 'SUPPORT');
});
afterAll(async () => {
  await t?.close();
});

describe("tenant B's credentials against tenant A's objects", () => {
  let before: { state: unknown; counts: Record<string, number> };
  beforeAll(async () => {
    before = { state: await walletState(a), counts: await tableCounts() };
  });

  it('Query.me only ever returns the caller itself and its own account', async () => {
    for (const tenant of [a, b]) {
      for (const role of TENANT_ROLES) {
        const data = await t.ok(tenant.keys[role], ME);
        expect(data.me).toEqual({
          role,
          accountId: tenant.accountId,
          apiKeyId: tenant.keyIds[role],
          account: { id: tenant.accountId, wallets: [{ id: tenant.walletId }] },
        });
      }
    }
  });

  it.each(TENANT_ROLES)('Query.account(id) as %s → NOT_FOUND, like an unknown id', async (role) => {
    await expectHidden(b.keys[role], 'NOT_FOUND', a.accountId, (token, id) => t.graphql(token, ACCOUNT, { id }));
  });

  it.each(TENANT_ROLES)('Account.wallets as %s → NOT_FOUND, like an unknown id', async (role) => {
    await expectHidden(b.keys[role], 'NOT_FOUND', a.accountId, (token, id) => t.graphql(token, ACCOUNT_WALLETS, { id }));
  });

  it.each(TENANT_ROLES)('Account.apiKeys as %s → NOT_FOUND, like an unknown id', async (role) => {
    await expectHidden(b.keys[role], 'NOT_FOUND', a.accountId, (token, id) => t.graphql(token, ACCOUNT_API_KEYS, { id }));
  });

  it.each(TENANT_ROLES)('Query.wallet(id) as %s → NOT_FOUND, like an unknown id', async (role) => {
    await expectHidden(b.keys[role], 'NOT_FOUND', a.walletId, (token, id) => t.graphql(token, WALLET, { id }));
  });

  it.each(TENANT_ROLES)('Wallet.transactions as %s → NOT_FOUND, like an unknown id', async (role) => {
    await expectHidden(b.keys[role], 'NOT_FOUND', a.walletId, (token, id) => t.graphql(token, WALLET_TRANSACTIONS, { id }));
  });

  it("an upper-case spelling of A's ids is just as hidden", async () => {
    await expectHidden(b.keys.OWNER, 'NOT_FOUND', a.walletId.toUpperCase(), (token, id) => t.graphql(token, WALLET, { id }));
    await expectHidden(b.keys.OWNER, 'NOT_FOUND', a.accountId.toUpperCase(), (token, id) => t.graphql(token, ACCOUNT, { id }));
    await expectHidden(b.keys.OWNER, 'NOT_FOUND', a.walletId.toUpperCase(), (token, id) =>
      t.graphql(token, CHARGE, { input: { walletId: id, amount: '1' } }),
    );
  });

  it.each(TENANT_ROLES)('Mutation.createAccount as %s → FORBIDDEN', async (role) => {
    const response = await t.graphql(b.keys[role], CREATE_ACCOUNT, { input: { name: 'Sneaky', currency: 'USD' } });
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(response.data).toBeNull();
  });

  it("Mutation.createApiKey on A's account as OWNER → NOT_FOUND for every tenant role, like an unknown account", async () => {
    for (const role of TENANT_ROLES) {
      await expectHidden(b.keys.OWNER, 'NOT_FOUND', a.accountId, (token, accountId) =>
        t.graphql(token, CREATE_API_KEY, { input: { accountId, role, name: 'Backdoor' } }),
      );
    }
  });

  it.each(['CAMPAIGN_MANAGER', 'INTEGRATOR'] as const)(
    "Mutation.createApiKey on A's account as %s → FORBIDDEN, like an unknown account",
    async (role) => {
      await expectHidden(b.keys[role], 'FORBIDDEN', a.accountId, (token, accountId) =>
        t.graphql(token, CREATE_API_KEY, { input: { accountId, role: 'INTEGRATOR', name: 'Backdoor' } }),
      );
    },
  );

  it("Mutation.revokeApiKey on each of A's keys as OWNER → NOT_FOUND, like an unknown key", async () => {
    for (const role of TENANT_ROLES) {
      await expectHidden(b.keys.OWNER, 'NOT_FOUND', a.keyIds[role], (token, id) => t.graphql(token, REVOKE_API_KEY, { id }));
    }
  });

  it('Mutation.revokeApiKey on a platform key as OWNER → NOT_FOUND, like an unknown key', async () => {
    await expectHidden(b.keys.OWNER, 'NOT_FOUND', spareSupport.id, (token, id) => t.graphql(token, REVOKE_API_KEY, { id }));
    expect((await t.graphql(spareSupport.secret, ME)).status).toBe(200);
  });

  it.each(['CAMPAIGN_MANAGER', 'INTEGRATOR'] as const)(
    "Mutation.revokeApiKey on A's OWNER key as %s → FORBIDDEN, like an unknown key",
    async (role) => {
      await expectHidden(b.keys[role], 'FORBIDDEN', a.keyIds.OWNER, (token, id) => t.graphql(token, REVOKE_API_KEY, { id }));
    },
  );

  it.each(TENANT_ROLES)("Mutation.charge on A's wallet as %s → NOT_FOUND, like an unknown wallet", async (role) => {
    await expectHidden(b.keys[role], 'NOT_FOUND', a.walletId, (token, walletId) =>
      t.graphql(token, CHARGE, { input: { walletId, amount: '1', description: 'Theft' } }),
    );
  });

  it("Mutation.charge on A's wallet for more than it holds is NOT_FOUND, never INSUFFICIENT_FUNDS (which would reveal the wallet)", async () => {
    await expectHidden(b.keys.OWNER, 'NOT_FOUND', a.walletId, (token, walletId) =>
      t.graphql(token, CHARGE, { input: { walletId, amount: '1000000' } }),
    );
  });

  it("Mutation.charge on A's wallet with A's idempotency key is NOT_FOUND and replays nothing of A's", async () => {
    await expectHidden(b.keys.OWNER, 'NOT_FOUND', a.walletId, (token, walletId) =>
      t.graphql(token, CHARGE, { input: { walletId, amount: '1.5', description: 'A call', idempotencyKey: 'shared-key' } }),
    );
  });

  it.each(TENANT_ROLES)("Mutation.adjustWallet on A's wallet as %s → FORBIDDEN, like an unknown wallet", async (role) => {
    await expectHidden(b.keys[role], 'FORBIDDEN', a.walletId, (token, walletId) =>
      t.graphql(token, ADJUST, { input: { walletId, amount: '100', reason: 'Free money' } }),
    );
  });

  it("after every attack A's wallet, history, keys and the whole database are unchanged and the ledger holds", async () => {
    expect(await walletState(a)).toEqual(before.state);
    expect(await tableCounts()).toEqual(before.counts);
    for (const role of TENANT_ROLES) {
      const response = await t.graphql(a.keys[role], WALLET, { id: a.walletId });
      expect(response.status).toBe(200);
      expect(response.data.wallet.id).toBe(a.walletId);
    }
    await t.assertLedger();
  });
});

describe('idempotency keys are scoped to the tenant', () => {
  it('B may use the key A used: its own charge happens, nothing of A is replayed', async () => {
    const aBefore = await t.ok(a.keys.OWNER, WALLET, { id: a.walletId });
    const data = await t.ok(b.keys.OWNER, CHARGE, {
      input: { walletId: b.walletId, amount: '1.5', description: 'A call', idempotencyKey: 'shared-key' },
    });
    expect(data.charge.replayed).toBe(false);
    expect(data.charge.wallet.balance).toBe('48.5');
    expect(await t.ok(a.keys.OWNER, WALLET, { id: a.walletId })).toEqual(aBefore);
    await t.assertLedger();
  });
});

describe('non-UUID ids are NOT_FOUND, never an internal error', () => {
  const BAD_IDS = ['abc', '', ' ', '0', "'; drop table wallet; --", `${randomUUID()} `, `{${randomUUID()}}`, 'x'.repeat(5000)];

  it.each(BAD_IDS.map((id) => [JSON.stringify(id).slice(0, 40), id]))('id %s', async (_label, id) => {
    const calls: [string, GraphQLResponse][] = [
      ['account as OWNER', await t.graphql(a.keys.OWNER, ACCOUNT, { id })],
      ['account as admin', await t.graphql(t.adminToken, ACCOUNT, { id })],
      ['wallet as OWNER', await t.graphql(a.keys.OWNER, WALLET, { id })],
      ['wallet as SUPPORT', await t.graphql(supportKey, WALLET, { id })],
      ['createApiKey as OWNER', await t.graphql(a.keys.OWNER, CREATE_API_KEY, { input: { accountId: id, role: 'INTEGRATOR', name: 'k' } })],
      ['createApiKey as admin', await t.graphql(t.adminToken, CREATE_API_KEY, { input: { accountId: id, role: 'INTEGRATOR', name: 'k' } })],
      ['revokeApiKey as OWNER', await t.graphql(a.keys.OWNER, REVOKE_API_KEY, { id })],
      ['revokeApiKey as admin', await t.graphql(t.adminToken, REVOKE_API_KEY, { id })],
      ['charge as OWNER', await t.graphql(a.keys.OWNER, CHARGE, { input: { walletId: id, amount: '1' } })],
      ['charge as admin', await t.graphql(t.adminToken, CHARGE, { input: { walletId: id, amount: '1' } })],
      ['adjustWallet as SUPPORT', await t.graphql(supportKey, ADJUST, { input: { walletId: id, amount: '1', reason: 'r' } })],
      ['adjustWallet as admin', await t.graphql(t.adminToken, ADJUST, { input: { walletId: id, amount: '1', reason: 'r' } })],
    ];
    for (const [name, response] of calls) {
      expect({ name, status: response.status, code: response.errors?.[0]?.extensions?.code }).toEqual({
        name,
        status: 200,
        code: 'NOT_FOUND',
      });
    }
  });
});

describe('SUPPORT (platform key, no account)', () => {
  it('is a platform principal without an account', async () => {
    const data = await t.ok(supportKey, ME);
    expect(data.me).toMatchObject({ role: 'SUPPORT', accountId: null, account: null });
  });

  it("reads any tenant's account, wallets, keys, wallet and transactions", async () => {
    for (const tenant of [a, b]) {
      const account = await t.ok(supportKey, ACCOUNT_API_KEYS.replace('apiKeys', 'wallets { id } apiKeys'), { id: tenant.accountId });
      expect(account.account.id).toBe(tenant.accountId);
      expect(account.account.wallets).toEqual([{ id: tenant.walletId }]);
      expect(account.account.apiKeys.map((key: { id: string }) => key.id).sort()).toEqual(Object.values(tenant.keyIds).sort());
      const wallet = await t.ok(supportKey, WALLET_TRANSACTIONS, { id: tenant.walletId });
      expect(wallet.wallet.id).toBe(tenant.walletId);
      expect(wallet.wallet.transactions.edges.length).toBeGreaterThan(0);
    }
  });

  it('adjusts any wallet, both ways', async () => {
    const before = await t.ok(a.keys.OWNER, WALLET, { id: a.walletId });
    const credit = await t.ok(supportKey, ADJUST, { input: { walletId: a.walletId, amount: '2', reason: 'Goodwill credit' } });
    expect(credit.adjustWallet.replayed).toBe(false);
    const debit = await t.ok(supportKey, ADJUST, { input: { walletId: a.walletId, amount: '-2', reason: 'Goodwill reversed' } });
    expect(credit.adjustWallet.wallet.balance).not.toBe(before.wallet.balance);
    expect(debit.adjustWallet.wallet.balance).toBe(before.wallet.balance);
    expect(Number(debit.adjustWallet.transaction.sequence)).toBe(Number(before.wallet.sequence) + 2);
  });

  it('may not charge (FORBIDDEN, for an existing wallet as for an unknown one)', async () => {
    await expectHidden(supportKey, 'FORBIDDEN', a.walletId, (token, walletId) =>
      t.graphql(token, CHARGE, { input: { walletId, amount: '1' } }),
    );
  });

  it('may not create accounts, create keys or revoke keys (FORBIDDEN)', async () => {
    const responses = [
      await t.graphql(supportKey, CREATE_ACCOUNT, { input: { name: 'By support' } }),
      await t.graphql(supportKey, CREATE_API_KEY, { input: { accountId: a.accountId, role: 'INTEGRATOR', name: 'By support' } }),
      await t.graphql(supportKey, CREATE_API_KEY, { input: { role: 'SUPPORT', name: 'By support' } }),
      await t.graphql(supportKey, REVOKE_API_KEY, { id: a.keyIds.INTEGRATOR }),
    ];
    expect(responses.map((response) => response.errors?.[0]?.extensions?.code)).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
    ]);
  });

  it('gets NOT_FOUND for ids that exist nowhere', async () => {
    for (const query of [ACCOUNT, WALLET]) {
      const response = await t.graphql(supportKey, query, { id: randomUUID() });
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });
});

describe.each([
  ['the operator token', () => t.adminToken],
  ['a PLATFORM_ADMIN API key', () => platformAdminKey],
])('PLATFORM_ADMIN through %s', (_label, token) => {
  it('does everything on any tenant: read, create account and keys, revoke, charge, adjust', async () => {
    const created = await t.ok(token(), CREATE_ACCOUNT, { input: { name: 'Tenant C', currency: 'EUR' } });
    const c = { accountId: created.createAccount.account.id, walletId: created.createAccount.wallet.id };

    const account = await t.ok(token(), ACCOUNT_API_KEYS.replace('apiKeys', 'wallets { id } apiKeys'), { id: a.accountId });
    expect(account.account.wallets).toEqual([{ id: a.walletId }]);
    expect(account.account.apiKeys.length).toBeGreaterThanOrEqual(3);
    const wallet = await t.ok(token(), WALLET_TRANSACTIONS, { id: a.walletId });
    expect(wallet.wallet.transactions.edges.length).toBeGreaterThan(0);

    const key = await t.ok(token(), CREATE_API_KEY, { input: { accountId: c.accountId, role: 'INTEGRATOR', name: 'Admin-made' } });
    expect(key.createApiKey.key).toMatchObject({ role: 'INTEGRATOR', accountId: c.accountId });
    const support = await t.ok(token(), CREATE_API_KEY, { input: { role: 'SUPPORT', name: 'Admin-made support' } });
    expect(support.createApiKey.key).toMatchObject({ role: 'SUPPORT', accountId: null });
    const revoked = await t.ok(token(), REVOKE_API_KEY, { id: key.createApiKey.key.id });
    expect(revoked.revokeApiKey.key.revokedAt).not.toBeNull();
    expect((await t.graphql(key.createApiKey.apiKey, ME)).status).toBe(401);

    const adjusted = await t.ok(token(), ADJUST, { input: { walletId: c.walletId, amount: '10', reason: 'Opening credit' } });
    expect(adjusted.adjustWallet.wallet.balance).toBe('10');
    const charged = await t.ok(token(), CHARGE, { input: { walletId: c.walletId, amount: '2.5' } });
    expect(charged.charge.wallet.balance).toBe('7.5');
    const chargedA = await t.ok(token(), CHARGE, { input: { walletId: a.walletId, amount: '0.25' } });
    expect(chargedA.charge.transaction.id).toBeTruthy();

    const me = await t.ok(token(), ME);
    expect(me.me).toMatchObject({ role: 'PLATFORM_ADMIN', accountId: null, account: null });
    await t.assertLedger();
  });
});
