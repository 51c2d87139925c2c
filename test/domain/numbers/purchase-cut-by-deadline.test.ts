// Goal: a number purchase cut by its request deadline while its debit is being posted leaves its client a retryable answer, never a refusal: a retry with the same idempotency key meanwhile gets OPERATION_IN_PROGRESS (HTTP 503, Retry-After, `extensions.retryable`) and writes nothing, and a retry once the debit is posted gets the number at once (not a minute later from the recovery), debited once. Method: the real server with a 2 s operation deadline on its own database, a trigger of this file's database that holds the purchase's posting statement until the test opens a gate, requests over HTTP, the ledger checked at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { until } from '../../support/waiting.js';
import { createNumberPlan, PURCHASE, sql, tenant, wallet } from './numbers-support.js';

const DEADLINE_MS = 2_000;
let t: TestApp;
let plan: string;

beforeAll(async () => {
  // No lifecycle jobs: the abandoned-claim recovery must not be what settles the purchase here.
  t = await startTestApp({ operationDeadlineMs: DEADLINE_MS, lifecycleEnabled: false, billingClockEnabled: false });
  plan = await createNumberPlan(t, [{ prefix: '44', numberPurchase: '1', numberMonthly: '2' }]);
  // Purchases of +4477006… wait in their posting statement while the gate is closed (a row in test_gate).
  await sql(t, 'create table test_gate (closed boolean primary key)');
  await sql(
    t,
    `create function test_hold_posting() returns trigger language plpgsql as $$
     begin
       while exists (select 1 from test_gate) loop perform pg_sleep(0.02); end loop;
       return new;
     end $$`,
  );
  await sql(
    t,
    `create trigger test_hold_posting before insert on wallet_transaction for each row
       when (new.description like 'Number +4477006% purchase%') execute function test_hold_posting()`,
  );
});
afterAll(async () => {
  await sql(t, 'delete from test_gate').catch(() => {});
  await t?.close();
});

/** The purchase request over HTTP, with its status and Retry-After. */
async function purchaseOverHttp(token: string, input: Record<string, unknown>) {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: PURCHASE, variables: { input } }),
  });
  const body = (await response.json()) as {
    data?: { purchaseNumber: { phoneNumber: { id: string; number: string; transactionId: string | null } } } | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), ...body };
}

describe('a purchase cut by its deadline', () => {
  it('answers a retry OPERATION_IN_PROGRESS (retryable) while its debit is in flight, and the number once it is posted', async () => {
    const { accountId, walletId, ownerKey } = await tenant(t, '10');
    const input = { walletId, ratePlanId: plan, number: '+447700600001', idempotencyKey: 'buy-600001' };
    await sql(t, 'insert into test_gate values (true)');

    // The first request claims the number and is cut by its deadline while the debit waits.
    const first = await purchaseOverHttp(ownerKey, input);
    expect(first.status).toBe(503);
    expect(first.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_TIMEOUT', retryable: true });
    const [claim] = await sql(t, 'select id, transaction_id from phone_number where account_id = $1', [accountId]);
    expect(claim).toMatchObject({ transaction_id: null });

    // A retry while the debit is still in flight: retryable, says why, writes nothing.
    const retry = await purchaseOverHttp(ownerKey, input);
    expect(retry.status).toBe(503);
    expect(retry.retryAfter).toMatch(/^\d+$/);
    expect(retry.errors).toHaveLength(1);
    expect(retry.errors![0]!.extensions).toMatchObject({ code: 'OPERATION_IN_PROGRESS', retryable: true });
    expect(retry.errors![0]!.message).toMatch(/buy-600001/);
    expect((await wallet(t, ownerKey, walletId)).balance).toBe('10');
    expect(await sql(t, 'select id from phone_number where account_id = $1', [accountId])).toHaveLength(1);

    // The debit lands; the first request's remaining work (recording it) was refused by its deadline.
    await sql(t, 'delete from test_gate');
    await until('the purchase debit to be posted', async () => (await wallet(t, ownerKey, walletId)).balance === '7');
    expect(await sql(t, 'select transaction_id from phone_number where id = $1', [claim.id])).toEqual([{ transaction_id: null }]);

    // A retry now gets the number, its debit recorded: the outcome, without waiting for the recovery.
    const outcome = await purchaseOverHttp(ownerKey, input);
    expect(outcome.status).toBe(200);
    expect(outcome.errors).toBeUndefined();
    const bought = outcome.data!.purchaseNumber.phoneNumber;
    const after = await wallet(t, ownerKey, walletId);
    expect(after.transactions.map((transaction) => [transaction.kind, transaction.amount])).toEqual([
      ['NUMBER', '3'],
      ['ADJUSTMENT', '10'],
    ]);
    expect(bought).toMatchObject({ id: claim.id, number: input.number, transactionId: after.transactions[0]!.id });
    // And again: the same number, no second debit.
    const again = await purchaseOverHttp(ownerKey, input);
    expect(again.data!.purchaseNumber.phoneNumber).toEqual(bought);
    expect((await wallet(t, ownerKey, walletId)).balance).toBe('7');
    await t.assertLedger();
  });
});
