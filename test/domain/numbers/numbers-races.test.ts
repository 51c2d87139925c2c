// Goal: when a number stops being held between its debit and the recording of that debit (a release or an account closure racing a purchase or a renewal), the money is credited back and never kept. Method: the real server on its own PostgreSQL; a trigger on this file's database releases the number inside the very posting statement, which puts the race at its worst point deterministically; figures checked over HTTP, ledger invariants at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { renewNumbers } from '../../../server/domain/numbers/renew-numbers.service.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { createNumberPlan, expectError, phoneNumber, purchase, PURCHASE, sql, tenant, wallet } from './numbers-support.js';

const clock = new ManualClock(Date.UTC(2026, 0, 10, 9, 0, 0));
let t: TestApp;
let plan: string;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false, lifecycleEnabled: false }, { clock });
  plan = await createNumberPlan(t, [{ prefix: '44', numberPurchase: '1', numberMonthly: '2' }]);
  // Renewals of +4477004… and purchases of +4477005… release their number as they are posted.
  await sql(
    t,
    `create function test_release_while_posting() returns trigger language plpgsql as $$
     begin
       update phone_number set status = 'RELEASED', release_reason = 'ACCOUNT_CLOSED', released_at = now(), grace_until = null
        where number = substring(new.description from 'Number (\\+[0-9]+) ') and status in ('ACTIVE', 'GRACE');
       return new;
     end $$`,
  );
  await sql(
    t,
    `create trigger test_release_while_posting after insert on wallet_transaction for each row
       when (new.description like 'Number +4477004% month %' or new.description like 'Number +4477005% purchase%')
       execute function test_release_while_posting()`,
  );
});
afterAll(async () => {
  await t?.close();
});

describe('released between debit and recording', () => {
  it('a purchase whose claim is released under it credits the debit back and fails with INVALID_STATE', async () => {
    const { walletId, ownerKey } = await tenant(t, '10');
    const number = '+447700500001';
    const response = await t.graphql(ownerKey, PURCHASE, { input: { walletId, ratePlanId: plan, number } });
    expectError(response, 'INVALID_STATE');
    expect(response.errors![0]!.message).toMatch(/charge was refunded/);
    const after = await wallet(t, ownerKey, walletId);
    expect(after.balance).toBe('10');
    expect(after.transactions.map((tx) => [tx.kind, tx.amount])).toEqual([
      ['REFUND', '3'],
      ['NUMBER', '3'],
      ['ADJUSTMENT', '10'],
    ]);
    // The row keeps both postings on record, as a released number.
    const [row] = await sql(t, 'select status, release_reason, transaction_id, refund_transaction_id from phone_number where number = $1', [
      number,
    ]);
    expect(row).toMatchObject({ status: 'RELEASED', release_reason: 'ACCOUNT_CLOSED' });
    expect(row.transaction_id).toBe(after.transactions[1]!.id);
    expect(row.refund_transaction_id).toBe(after.transactions[0]!.id);
    await t.assertLedger();
  });

  it('a renewal whose number is released under it credits the month back', async () => {
    const { walletId, ownerKey } = await tenant(t, '10');
    const bought = await purchase(t, ownerKey, { walletId, ratePlanId: plan, number: '+447700400001' });
    clock.advance(Date.parse(bought.renewsAt) - clock.now());
    expect(await renewNumbers(t.app.orm.em.fork(), t.app.spend.deps, clock.now())).toEqual({ renewed: 0, graced: 0, owed: 0, released: 0 });
    expect(await phoneNumber(t, ownerKey, bought.id)).toMatchObject({ status: 'RELEASED', periodsPaid: 1 });
    const after = await wallet(t, ownerKey, walletId);
    expect(after.balance).toBe('7');
    expect(after.transactions.slice(0, 2).map((tx) => [tx.kind, tx.amount, tx.description])).toEqual([
      ['REFUND', '2', 'Refund of number +447700400001 month 2: released while it renewed'],
      ['NUMBER', '2', 'Number +447700400001 month 2'],
    ]);
    await t.assertLedger();
  });
});
