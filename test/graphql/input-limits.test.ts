// Goal: every malformed or out-of-limit input gets BAD_USER_INPUT (with its field) or its own stable code,
// at the exact boundary, and changes nothing. Method: real server over HTTP; the wallet's balance and
// sequence are compared before and after each refused request.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CHARGE = `mutation($input: ChargeInput!) { charge(input: $input) { transaction { amount balanceAfter } } }`;
const ADJUST = `mutation($input: AdjustWalletInput!) { adjustWallet(input: $input) { transaction { amount } wallet { balance } } }`;
const WALLET = `query($id: ID!) { wallet(id: $id) { balance available sequence } }`;

let t: TestApp;
let tenant: { accountId: string; walletId: string; ownerKey: string };
let before: unknown;

beforeAll(async () => {
  t = await startTestApp();
  tenant = await t.createAccount('Limits Ltd');
  await t.fund(tenant.walletId, '50');
});
afterAll(async () => {
  await t?.close();
});
beforeEach(async () => {
  before = (await t.ok(tenant.ownerKey, WALLET, { id: tenant.walletId })).wallet;
});

async function expectUnchanged() {
  expect((await t.ok(tenant.ownerKey, WALLET, { id: tenant.walletId })).wallet).toEqual(before);
}

async function expectRefused(query: string, variables: Record<string, unknown>, code: string, field?: string, token = tenant.ownerKey) {
  const response = await t.graphql(token, query, variables);
  expect(response.errors, JSON.stringify(response)).toHaveLength(1);
  expect(response.errors![0]!.extensions?.code).toBe(code);
  if (field !== undefined) expect(response.errors![0]!.extensions?.field).toBe(field);
  await expectUnchanged();
  return response.errors![0]!;
}

describe('Money scalar through the API', () => {
  it.each(['1.0000001', '1e3', ' 1', '1 ', '+1', '1.', '.5', 'abc', '', '9223372036854.775808', '1,00'])(
    'a charge of %j as a variable is BAD_USER_INPUT on amount',
    async (amount) => {
      await expectRefused(CHARGE, { input: { walletId: tenant.walletId, amount } }, 'BAD_USER_INPUT', 'amount');
    },
  );

  it.each([1.5, 2, null, true])('a JSON %j instead of a decimal string is BAD_USER_INPUT', async (amount) => {
    await expectRefused(CHARGE, { input: { walletId: tenant.walletId, amount } }, 'BAD_USER_INPUT', 'amount');
  });

  it.each(['"1.0000001"', '"1e3"', '1', '1.5'])('a literal %s in the query text is BAD_USER_INPUT', async (literal) => {
    const query = `mutation { charge(input: { walletId: "${tenant.walletId}", amount: ${literal} }) { transaction { amount } } }`;
    await expectRefused(query, {}, 'BAD_USER_INPUT');
  });

  it('accepts the smallest amount, 6 decimals, and answers in canonical form', async () => {
    const data = await t.ok(tenant.ownerKey, CHARGE, { input: { walletId: tenant.walletId, amount: '0.000001' } });
    expect(data.charge.transaction.amount).toBe('0.000001');
    const canonical = await t.ok(tenant.ownerKey, CHARGE, { input: { walletId: tenant.walletId, amount: '0.500000' } });
    expect(canonical.charge.transaction.amount).toBe('0.5');
    expect(canonical.charge.transaction.balanceAfter).toBe('49.499999');
  });

  it.each(['0', '-0', '0.000000', '-1', '-0.000001'])('a charge of %j is BAD_USER_INPUT: charges are positive', async (amount) => {
    await expectRefused(CHARGE, { input: { walletId: tenant.walletId, amount } }, 'BAD_USER_INPUT', 'amount');
  });

  it('an adjustment of 0 is BAD_USER_INPUT; a negative one is a debit', async () => {
    await expectRefused(
      ADJUST,
      { input: { walletId: tenant.walletId, amount: '0', reason: 'x' } },
      'BAD_USER_INPUT',
      'amount',
      t.adminToken,
    );
    const data = await t.ok(t.adminToken, ADJUST, { input: { walletId: tenant.walletId, amount: '-0.5', reason: 'refund reversal' } });
    expect(data.adjustWallet.transaction.amount).toBe('0.5');
  });
});

describe('limits at their boundaries', () => {
  it('one operation moves at most 1,000,000,000', async () => {
    const rich = await t.createAccount('Rich Ltd');
    await t.ok(t.adminToken, ADJUST, { input: { walletId: rich.walletId, amount: '1000000000', reason: 'max' } });
    const over = await t.graphql(t.adminToken, ADJUST, { input: { walletId: rich.walletId, amount: '1000000000.000001', reason: 'over' } });
    expect(over.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'amount' });
    expect(over.errors?.[0]?.message).toContain('1000000000');
    const overCharge = await t.graphql(rich.ownerKey, CHARGE, { input: { walletId: rich.walletId, amount: '1000000000.000001' } });
    expect(overCharge.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'amount' });
    const charged = await t.ok(rich.ownerKey, CHARGE, { input: { walletId: rich.walletId, amount: '1000000000' } });
    expect(charged.charge.transaction.balanceAfter).toBe('0');
  });

  it('a wallet holds at most 10,000,000,000', async () => {
    const rich = await t.createAccount('Richer Ltd');
    for (let i = 0; i < 10; i++) {
      await t.ok(t.adminToken, ADJUST, { input: { walletId: rich.walletId, amount: '1000000000', reason: `tranche ${i}` } });
    }
    const over = await t.graphql(t.adminToken, ADJUST, { input: { walletId: rich.walletId, amount: '0.000001', reason: 'over' } });
    expect(over.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'amount' });
    expect((await t.ok(t.adminToken, WALLET, { id: rich.walletId })).wallet).toEqual({
      balance: '10000000000',
      available: '10000000000',
      sequence: '10',
    });
  });

  it('description: 500 characters pass, 501 and blank are BAD_USER_INPUT; absent defaults to "Charge"', async () => {
    const ok = await t.ok(tenant.ownerKey, `mutation($input: ChargeInput!) { charge(input: $input) { transaction { description } } }`, {
      input: { walletId: tenant.walletId, amount: '0.01', description: 'd'.repeat(500) },
    });
    expect(ok.charge.transaction.description).toHaveLength(500);
    before = (await t.ok(tenant.ownerKey, WALLET, { id: tenant.walletId })).wallet;
    await expectRefused(
      CHARGE,
      { input: { walletId: tenant.walletId, amount: '0.01', description: 'd'.repeat(501) } },
      'BAD_USER_INPUT',
      'description',
    );
    await expectRefused(
      CHARGE,
      { input: { walletId: tenant.walletId, amount: '0.01', description: '   ' } },
      'BAD_USER_INPUT',
      'description',
    );
    const fallback = await t.ok(
      tenant.ownerKey,
      `mutation($input: ChargeInput!) { charge(input: $input) { transaction { description } } }`,
      {
        input: { walletId: tenant.walletId, amount: '0.01' },
      },
    );
    expect(fallback.charge.transaction.description).toBe('Charge');
  });

  it('adjustment reason: 500 characters pass, 501 and empty are BAD_USER_INPUT', async () => {
    await t.ok(t.adminToken, ADJUST, { input: { walletId: tenant.walletId, amount: '0.01', reason: 'r'.repeat(500) } });
    before = (await t.ok(tenant.ownerKey, WALLET, { id: tenant.walletId })).wallet;
    await expectRefused(
      ADJUST,
      { input: { walletId: tenant.walletId, amount: '0.01', reason: 'r'.repeat(501) } },
      'BAD_USER_INPUT',
      'reason',
      t.adminToken,
    );
    await expectRefused(
      ADJUST,
      { input: { walletId: tenant.walletId, amount: '0.01', reason: '' } },
      'BAD_USER_INPUT',
      'reason',
      t.adminToken,
    );
  });

  it('idempotency key: 255 printable characters pass, 256, empty or with spaces are BAD_USER_INPUT', async () => {
    await t.ok(tenant.ownerKey, CHARGE, { input: { walletId: tenant.walletId, amount: '0.01', idempotencyKey: 'k'.repeat(255) } });
    before = (await t.ok(tenant.ownerKey, WALLET, { id: tenant.walletId })).wallet;
    for (const idempotencyKey of ['k'.repeat(256), '', 'has space', 'tab\there', 'ünï']) {
      await expectRefused(
        CHARGE,
        { input: { walletId: tenant.walletId, amount: '0.01', idempotencyKey } },
        'BAD_USER_INPUT',
        'idempotencyKey',
      );
    }
  });

  it('campaignId must be an id this API issues (a UUID)', async () => {
    await expectRefused(
      CHARGE,
      { input: { walletId: tenant.walletId, amount: '0.01', campaignId: 'campaign-7' } },
      'BAD_USER_INPUT',
      'campaignId',
    );
  });

  it('account name: 200 characters pass, 201 or blank are BAD_USER_INPUT; unsupported currency is BAD_USER_INPUT', async () => {
    const create = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { name } wallet { currency balance } } }`;
    const created = await t.ok(t.adminToken, create, { input: { name: 'n'.repeat(200), currency: 'GBP' } });
    expect(created.createAccount.wallet).toEqual({ currency: 'GBP', balance: '0' });
    const usd = await t.ok(t.adminToken, create, { input: { name: 'Default currency' } });
    expect(usd.createAccount.wallet.currency).toBe('USD');
    for (const [input, field] of [
      [{ name: 'n'.repeat(201) }, 'name'],
      [{ name: '  ' }, 'name'],
      [{ name: 'X', currency: 'XYZ' }, 'currency'],
      [{ name: 'X', currency: 'usd' }, 'currency'],
    ] as const) {
      const response = await t.graphql(t.adminToken, create, { input });
      expect(response.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    }
  });
});

describe('every error code', () => {
  it('UNAUTHENTICATED: no key, unknown key (HTTP 401)', async () => {
    for (const token of [null, 'sw_unknown']) {
      const response = await t.graphql(token, WALLET, { id: tenant.walletId });
      expect(response.status).toBe(401);
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('FORBIDDEN: a tenant role adjusting a balance', async () => {
    const error = await expectRefused(ADJUST, { input: { walletId: tenant.walletId, amount: '5', reason: 'free money' } }, 'FORBIDDEN');
    expect(error.message).toMatch(/may not adjust/);
  });

  it('NOT_FOUND: an unknown wallet, or an id that is not one', async () => {
    await expectRefused(CHARGE, { input: { walletId: '00000000-0000-4000-8000-000000000000', amount: '1' } }, 'NOT_FOUND');
    await expectRefused(CHARGE, { input: { walletId: 'wallet-1', amount: '1' } }, 'NOT_FOUND');
    await expectRefused(WALLET, { id: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND');
  });

  it('INSUFFICIENT_FUNDS: a charge one micro above the available balance; the exact balance succeeds', async () => {
    const small = await t.createAccount('Small Ltd');
    await t.fund(small.walletId, '3.5');
    const refused = await t.graphql(small.ownerKey, CHARGE, { input: { walletId: small.walletId, amount: '3.500001' } });
    expect(refused.errors?.[0]?.extensions).toEqual({
      code: 'INSUFFICIENT_FUNDS',
      available: '3.5',
      requested: '3.500001',
      currency: 'USD',
    });
    expect((await t.ok(small.ownerKey, WALLET, { id: small.walletId })).wallet).toEqual({
      balance: '3.5',
      available: '3.5',
      sequence: '1',
    });
    const exact = await t.ok(small.ownerKey, CHARGE, { input: { walletId: small.walletId, amount: '3.5' } });
    expect(exact.charge.transaction.balanceAfter).toBe('0');
    const atZero = await t.graphql(small.ownerKey, CHARGE, { input: { walletId: small.walletId, amount: '0.000001' } });
    expect(atZero.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_FUNDS');
    const overdraw = await t.graphql(t.adminToken, ADJUST, { input: { walletId: small.walletId, amount: '-0.000001', reason: 'x' } });
    expect(overdraw.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_FUNDS');
  });

  it('IDEMPOTENCY_KEY_REUSED is covered with its causes in idempotency.test.ts; here: the code and field', async () => {
    await t.ok(tenant.ownerKey, CHARGE, { input: { walletId: tenant.walletId, amount: '0.01', idempotencyKey: 'limits-reuse' } });
    before = (await t.ok(tenant.ownerKey, WALLET, { id: tenant.walletId })).wallet;
    await expectRefused(
      CHARGE,
      { input: { walletId: tenant.walletId, amount: '0.02', idempotencyKey: 'limits-reuse' } },
      'IDEMPOTENCY_KEY_REUSED',
      'idempotencyKey',
    );
  });

  it('GraphQL syntax and validation errors keep their codes', async () => {
    expect((await t.graphql(tenant.ownerKey, 'query { wallet(')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect((await t.graphql(tenant.ownerKey, 'query { nope }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
