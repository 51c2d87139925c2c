// Goal: grantCredit itself signals "committed" once per grant it posts (never for a replay of the same key, never for a refusal), so no caller has to. Method: the service called directly on a real server's database with a counting `committed`, the balance read back over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../server/domain/accounts/role.js';
import { grantCredit } from '../../../server/domain/payments/grant-credit.service.js';
import type { ServiceDeps } from '../../../server/domain/service-deps.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const SUPPORT = { role: Role.SUPPORT, accountId: null, apiKeyId: null, actor: 'test:support' };

describe('grantCredit', () => {
  it('signals committed once for a posted grant, not for its replay nor for a refusal', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    let signals = 0;
    const deps: ServiceDeps = { ...t.app.payments.deps, committed: () => (signals += 1) };
    const grant = { walletId, amountMicros: 5_000_000n, reason: 'trial', idempotencyKey: 'grant-1' };
    const first = await grantCredit(t.app.orm.em.fork(), deps, { principal: SUPPORT, ...grant });
    expect(first.replayed).toBe(false);
    expect(signals).toBe(1);
    const replay = await grantCredit(t.app.orm.em.fork(), deps, { principal: SUPPORT, ...grant });
    expect(replay).toMatchObject({ replayed: true, transaction: { id: first.transaction.id } });
    expect(signals).toBe(1);
    const owner = { role: Role.OWNER, accountId: first.wallet.accountId, apiKeyId: null, actor: 'test:owner' };
    await expect(grantCredit(t.app.orm.em.fork(), deps, { principal: owner, ...grant, idempotencyKey: null })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(signals).toBe(1);
    const balance = await t.ok(ownerKey, 'query($id: ID!) { wallet(id: $id) { balance } }', { id: walletId });
    expect(balance.wallet.balance).toBe('5');
  });
});
