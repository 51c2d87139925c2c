// Goal: a number purchase takes its locks in the house order (wallet before account), so it never deadlocks with a call start, which locks the wallet then counts the call on the account; the chaos storm met this deadlock as INTERNAL_SERVER_ERROR on purchaseNumber and startCall. Method: the real server on its own PostgreSQL; a second session plays a writer's order (the wallet FOR UPDATE, as the posting function still takes it, then an update of the account, as a call start does) around a purchase, step by step, waiting on pg_stat_activity until the purchase blocks; ledger invariants at the end.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { until } from '../../support/waiting.js';
import { createNumberPlan, PURCHASE, tenant, wallet } from './numbers-support.js';

let t: TestApp;
let plan: string;
let session: pg.Client;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false, lifecycleEnabled: false });
  plan = await createNumberPlan(t, [{ prefix: '44', numberPurchase: '1', numberMonthly: '2' }]);
  session = new pg.Client({ connectionString: t.databaseUrl });
  await session.connect();
});
afterAll(async () => {
  await session?.end();
  await t?.close();
});

/** Server backends of this database waiting for a lock, other than the test's own session. */
async function blockedBackends(): Promise<number> {
  const { rows } = await session.query<{ count: string }>(
    `select count(*)::text as count from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
  );
  return Number(rows[0]!.count);
}

describe('purchaseNumber lock order', () => {
  it('a purchase waiting behind a call start on the same wallet completes once the call start commits, no deadlock', async () => {
    const { accountId, walletId, ownerKey } = await tenant(t, '10');
    // A writer's first step: the wallet, FOR UPDATE.
    await session.query('begin');
    await session.query('select id from wallet where id = $1 for update', [walletId]);
    const purchase = t.graphql(ownerKey, PURCHASE, {
      input: { walletId, ratePlanId: plan, number: '+447700900001', idempotencyKey: 'lock-order-1' },
    });
    await until('the purchase waits behind the wallet lock', async () => (await blockedBackends()) >= 1);
    // Its last step: the account's active-call count. Before the fix the purchase held the account
    // (FOR SHARE) while it waited for the wallet, and this closed the cycle.
    await session.query('update account set active_calls = active_calls where id = $1', [accountId]);
    await session.query('commit');
    const response = await purchase;
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    expect(response.data!.purchaseNumber.phoneNumber).toMatchObject({ number: '+447700900001', status: 'ACTIVE' });
    expect((await wallet(t, ownerKey, walletId)).balance).toBe('7');
    await t.assertLedger();
  });
});
