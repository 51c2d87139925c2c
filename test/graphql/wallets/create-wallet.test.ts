// Goal: an account's OWNER (or the operator) opens further named wallets with createWallet: at most walletsPerAccountMax per account (N pass, N+1 refused LIMIT_EXCEEDED, also when many are asked at once), names unique in the account and at most walletNameLengthMax characters, currencies as for accounts, other roles and tenants refused, and money on one wallet never shows on another. Method: the real server on its own database, GraphQL over HTTP with API keys, rows counted with SQL, the ledger invariants checked after the money steps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSql } from '../../support/sql.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

/** The per-account wallet limit in this file (small, to reach it). */
const WALLETS_MAX = 3;
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false, walletsPerAccountMax: WALLETS_MAX });
});
afterAll(async () => {
  await t?.close();
});

const CREATE_WALLET = `mutation($input: CreateWalletInput!) { createWallet(input: $input) { wallet { id accountId currency name balance } } }`;
const WALLETS = `{ me { account { wallets { id currency name balance } } } }`;

async function create(token: string, input: Record<string, unknown>) {
  return t.graphql(token, CREATE_WALLET, { input });
}

describe('createWallet', () => {
  it('opens named wallets up to walletsPerAccountMax (the first counts); one more is LIMIT_EXCEEDED and writes nothing', async () => {
    const { accountId, ownerKey } = await t.createAccount('Two wallets', 'USD');
    const second = await create(ownerKey, { accountId, currency: 'eur', name: '  Europe  ' });
    expect(second.errors).toBeUndefined();
    expect(second.data.createWallet.wallet).toMatchObject({ accountId, currency: 'EUR', name: 'Europe', balance: '0' });
    // Several wallets may share a currency, under different names.
    expect((await create(ownerKey, { accountId, currency: 'USD', name: 'Marketing' })).errors).toBeUndefined();
    const refused = await create(ownerKey, { accountId, currency: 'GBP', name: 'One too many' });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'walletsPerAccountMax', max: WALLETS_MAX });
    const wallets = (await t.ok(ownerKey, WALLETS)).me.account.wallets;
    expect(wallets.map((wallet: { name: string; currency: string }) => [wallet.name, wallet.currency])).toEqual([
      ['USD wallet', 'USD'],
      ['Europe', 'EUR'],
      ['Marketing', 'USD'],
    ]);
    // Each opened wallet is in the audit log, by whom; the refused one is not.
    const log = await t.ok(
      ownerKey,
      'query($a: ID!) { auditLog(accountId: $a, actions: [WALLET_CREATED]) { edges { node { targetId after } } } }',
      {
        a: accountId,
      },
    );
    expect(
      log.auditLog.edges.map((edge: { node: { targetId: string; after: string } }) => [
        edge.node.targetId,
        JSON.parse(edge.node.after as string),
      ]),
    ).toEqual([
      [wallets[2].id, { name: 'Marketing', currency: 'USD' }],
      [second.data.createWallet.wallet.id, { name: 'Europe', currency: 'EUR' }],
    ]);
  });

  it('holds the limit when many wallets are asked for at once', async () => {
    const { accountId, ownerKey } = await t.createAccount('Racing', 'USD');
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, index) => create(ownerKey, { accountId, currency: 'GBP', name: `Wallet ${index}` })),
    );
    expect(answers.filter((answer) => answer.errors === undefined)).toHaveLength(WALLETS_MAX - 1);
    expect(answers.filter((answer) => answer.errors?.[0]?.extensions?.code === 'LIMIT_EXCEEDED')).toHaveLength(6 - (WALLETS_MAX - 1));
    expect(await runSql(t.app.orm.em.fork(), 'select count(*)::int as n from wallet where account_id = $1', [accountId])).toEqual([
      { n: WALLETS_MAX },
    ]);
  });

  it('refuses a taken name (any case), a name over walletNameLengthMax, and an unsupported currency', async () => {
    const { accountId, ownerKey } = await t.createAccount('Names', 'USD');
    const taken = await create(ownerKey, { accountId, currency: 'EUR', name: 'usd WALLET' });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE', field: 'name' });
    const long = await create(ownerKey, { accountId, currency: 'EUR', name: 'n'.repeat(t.config.walletNameLengthMax + 1) });
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const empty = await create(ownerKey, { accountId, currency: 'EUR', name: '   ' });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const currency = await create(ownerKey, { accountId, currency: 'JPY', name: 'Yen' });
    expect(currency.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currency' });
    expect(await runSql(t.app.orm.em.fork(), 'select count(*)::int as n from wallet where account_id = $1', [accountId])).toEqual([
      { n: 1 },
    ]);
    const longest = await create(ownerKey, { accountId, currency: 'EUR', name: 'n'.repeat(t.config.walletNameLengthMax) });
    expect(longest.errors).toBeUndefined();
  });

  it('is for owners and the operator: other roles are FORBIDDEN, another tenant NOT_FOUND', async () => {
    const { accountId, ownerKey } = await t.createAccount('Mine', 'USD');
    const other = await t.createAccount('Theirs', 'USD');
    const manager = await t.createKey(accountId, 'CAMPAIGN_MANAGER');
    expect((await create(manager.secret, { accountId, currency: 'EUR', name: 'No' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await create(ownerKey, { accountId: other.accountId, currency: 'EUR', name: 'No' })).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await create(t.adminToken, { accountId: other.accountId, currency: 'EUR', name: 'By the operator' })).errors).toBeUndefined();
  });

  it('keeps money on the wallet it was put on', async () => {
    const { accountId, ownerKey, walletId } = await t.createAccount('Money', 'USD');
    const second = (await create(ownerKey, { accountId, currency: 'USD', name: 'Second' })).data.createWallet.wallet.id;
    await t.fund(second, '12.50');
    await t.ok(ownerKey, `mutation($input: ChargeInput!) { charge(input: $input) { wallet { id } } }`, {
      input: { walletId: second, amount: '2.50', description: 'Test charge' },
    });
    const wallets = (await t.ok(ownerKey, WALLETS)).me.account.wallets;
    expect(wallets.map((wallet: { id: string; balance: string }) => [wallet.id, wallet.balance])).toEqual([
      [walletId, '0'],
      [second, '10'],
    ]);
    await t.assertLedger();
  });
});
