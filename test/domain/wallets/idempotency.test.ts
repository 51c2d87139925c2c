// Goal: an idempotency key debits at most once, replays the first result, and refuses reuse with other
// parameters, as Stripe's keys do. Method: sequential and racing charge mutations over HTTP on a real server.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const CHARGE = `mutation($input: ChargeInput!) {
  charge(input: $input) { transaction { id sequence amount idempotencyKey } wallet { balance sequence } replayed }
}`;
const ADJUST = `mutation($input: AdjustWalletInput!) { adjustWallet(input: $input) { transaction { id } replayed } }`;
const WALLET = `query($id: ID!) { wallet(id: $id) { balance sequence } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function fundedTenant(amount = '10') {
  const tenant = await t.createAccount();
  await t.fund(tenant.walletId, amount);
  return tenant;
}

describe('charge idempotency', () => {
  it('a sequential replay returns the same transaction and does not debit again', async () => {
    const { walletId, ownerKey } = await fundedTenant();
    const input = { walletId, amount: '1.25', description: 'call', idempotencyKey: randomUUID() };

    const first = await t.ok(ownerKey, CHARGE, { input });
    const second = await t.ok(ownerKey, CHARGE, { input });

    expect(first.charge.replayed).toBe(false);
    expect(second.charge.replayed).toBe(true);
    expect(second.charge.transaction).toEqual(first.charge.transaction);
    expect(first.charge.transaction.idempotencyKey).toBe(input.idempotencyKey);
    expect((await t.ok(ownerKey, WALLET, { id: walletId })).wallet).toEqual({ balance: '8.75', sequence: '2' });
    await t.assertLedger();
  });

  it('20 concurrent requests with one key debit once and all answer with the same transaction', async () => {
    const { walletId, ownerKey } = await fundedTenant();
    const input = { walletId, amount: '2', description: 'burst', idempotencyKey: randomUUID() };

    const responses = await Promise.all(Array.from({ length: 20 }, () => t.graphql(ownerKey, CHARGE, { input })));

    expect(responses.map((r) => r.errors)).toEqual(Array(20).fill(undefined));
    const ids = new Set(responses.map((r) => r.data.charge.transaction.id));
    expect(ids.size).toBe(1);
    expect(responses.filter((r) => r.data.charge.replayed === false)).toHaveLength(1);
    expect((await t.ok(ownerKey, WALLET, { id: walletId })).wallet).toEqual({ balance: '8', sequence: '2' });
    await t.assertLedger();
  });

  it.each([
    ['amount', { amount: '1.26' }],
    ['description', { description: 'another call' }],
    ['campaignId', { campaignId: randomUUID() }],
  ])('the same key with a different %s is IDEMPOTENCY_KEY_REUSED and changes nothing', async (_, change) => {
    const { walletId, ownerKey } = await fundedTenant();
    const input = { walletId, amount: '1.25', description: 'call', idempotencyKey: randomUUID() };
    await t.ok(ownerKey, CHARGE, { input });

    const reused = await t.graphql(ownerKey, CHARGE, { input: { ...input, ...change } });

    expect(reused.errors?.[0]?.extensions).toEqual({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });
    expect((await t.ok(ownerKey, WALLET, { id: walletId })).wallet).toEqual({ balance: '8.75', sequence: '2' });
  });

  it('the same key used for another operation on the same account is a reuse', async () => {
    const tenant = await fundedTenant();
    const key = randomUUID();
    await t.ok(tenant.ownerKey, CHARGE, { input: { walletId: tenant.walletId, amount: '1', idempotencyKey: key } });
    const reused = await t.graphql(t.adminToken, ADJUST, {
      input: { walletId: tenant.walletId, amount: '1', reason: 'goodwill', idempotencyKey: key },
    });
    expect(reused.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await t.ok(tenant.ownerKey, WALLET, { id: tenant.walletId })).wallet).toEqual({ balance: '9', sequence: '2' });
  });

  it('keys are scoped to the account: two tenants may use the same key independently', async () => {
    const a = await fundedTenant();
    const b = await fundedTenant();
    const key = randomUUID();

    const charged = await Promise.all([
      t.ok(a.ownerKey, CHARGE, { input: { walletId: a.walletId, amount: '1', idempotencyKey: key } }),
      t.ok(b.ownerKey, CHARGE, { input: { walletId: b.walletId, amount: '3', idempotencyKey: key } }),
    ]);

    expect(charged.map((c) => c.charge.replayed)).toEqual([false, false]);
    expect((await t.ok(a.ownerKey, WALLET, { id: a.walletId })).wallet.balance).toBe('9');
    expect((await t.ok(b.ownerKey, WALLET, { id: b.walletId })).wallet.balance).toBe('7');
  });

  it('a refused charge does not use up its key: after funding, the same key charges once', async () => {
    const { walletId, ownerKey } = await fundedTenant('1');
    const input = { walletId, amount: '5', idempotencyKey: randomUUID() };

    const refused = await t.graphql(ownerKey, CHARGE, { input });
    expect(refused.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_FUNDS');
    await t.fund(walletId, '10');
    const accepted = await t.ok(ownerKey, CHARGE, { input });
    const replayed = await t.ok(ownerKey, CHARGE, { input });

    expect(accepted.charge.replayed).toBe(false);
    expect(replayed.charge.transaction.id).toBe(accepted.charge.transaction.id);
    expect((await t.ok(ownerKey, WALLET, { id: walletId })).wallet).toEqual({ balance: '6', sequence: '3' });
    await t.assertLedger();
  });

  it('adjustWallet replays by key too', async () => {
    const { walletId } = await fundedTenant();
    const input = { walletId, amount: '-2.5', reason: 'double-billed call', idempotencyKey: randomUUID() };
    const first = await t.ok(t.adminToken, ADJUST, { input });
    const again = await t.ok(t.adminToken, ADJUST, { input });
    expect(again.adjustWallet).toEqual({ transaction: first.adjustWallet.transaction, replayed: true });
    expect((await t.ok(t.adminToken, WALLET, { id: walletId })).wallet).toEqual({ balance: '7.5', sequence: '2' });
  });
});
