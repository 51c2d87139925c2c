// Goal: a wallet never goes below zero and no charge is lost or doubled under concurrency. Method: real
// server and PostgreSQL, many simultaneous charge mutations over HTTP, then the ledger invariants.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const CHARGE = `mutation($input: ChargeInput!) {
  charge(input: $input) { transaction { id sequence balanceBefore balanceAfter } wallet { balance } replayed }
}`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('charge under concurrency', () => {
  it('200 concurrent charges of 1.00 against 100.00: exactly 100 succeed, 100 fail with INSUFFICIENT_FUNDS, balance "0"', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    await t.fund(walletId, '100.00');

    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => t.graphql(ownerKey, CHARGE, { input: { walletId, amount: '1.00', description: `call ${i}` } })),
    );

    const succeeded = responses.filter((r) => r.data?.charge);
    const refused = responses.filter((r) => r.errors?.[0]?.extensions?.code === 'INSUFFICIENT_FUNDS');
    expect(succeeded).toHaveLength(100);
    expect(refused).toHaveLength(100);
    // Each success has its own gap-free sequence 2..101 (1 is the funding adjustment).
    const sequences = succeeded.map((r) => Number(r.data.charge.transaction.sequence)).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));

    const wallet = await t.ok(ownerKey, `query($id: ID!) { wallet(id: $id) { balance available sequence } }`, { id: walletId });
    expect(wallet.wallet).toEqual({ balance: '0', available: '0', sequence: '101' });
    await t.assertLedger();
  });

  it('concurrent charges on many wallets of many tenants keep every wallet exact', async () => {
    const tenants = await Promise.all(Array.from({ length: 4 }, (_, i) => t.createAccount(`Tenant ${i}`)));
    await Promise.all(tenants.map((tenant) => t.fund(tenant.walletId, '10')));

    // 4 tenants × 30 charges of 0.5 against 10.00: 20 succeed per wallet.
    const responses = await Promise.all(
      tenants.flatMap((tenant) =>
        Array.from({ length: 30 }, () => t.graphql(tenant.ownerKey, CHARGE, { input: { walletId: tenant.walletId, amount: '0.5' } })),
      ),
    );
    expect(responses.filter((r) => r.data?.charge)).toHaveLength(80);
    expect(responses.filter((r) => r.errors?.[0]?.extensions?.code === 'INSUFFICIENT_FUNDS')).toHaveLength(40);
    for (const tenant of tenants) {
      const data = await t.ok(tenant.ownerKey, `query($id: ID!) { wallet(id: $id) { balance sequence } }`, { id: tenant.walletId });
      expect(data.wallet).toEqual({ balance: '0', sequence: '21' });
    }
    await t.assertLedger();
  });
});
