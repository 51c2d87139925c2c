// Goal: numbers renew on their anchor day each month (clamped to short months, never before), go to GRACE when the wallet cannot pay (a suspended one too, under NUMBERS_WHILE_SUSPENDED=grace), renew when topped up during grace, are released when grace ends or the account closes, and are charged exactly once per month even with several renewal jobs running at once. Method: the real server on its own PostgreSQL, a ManualClock starting on 2026-01-31 10:00 UTC walked through the months, renewNumbers driven by hand (lifecycle jobs off), figures checked over HTTP and in the database, ledger invariants at the end. The steps share one timeline and run in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transaction } from '../../../server/database/sql.js';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { releaseNumbersOfAccount } from '../../../server/domain/numbers/release-number.service.js';
import { renewNumbers, type RenewNumbersResult } from '../../../server/domain/numbers/renew-numbers.service.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { createNumberPlan, phoneNumber, purchase, RELEASE, sql, tenant, wallet } from './numbers-support.js';

const START_MS = Date.UTC(2026, 0, 31, 10, 0, 0);
const clock = new ManualClock(START_MS);
let t: TestApp;
/** "44": 1 + 2 a month; "33": free. */
let plan: string;

type Tenant = Awaited<ReturnType<typeof tenant>>;
/** Pays every month. */
let a: Tenant;
let numberA: any;
/** Pays the purchase only; topped up during grace. */
let b: Tenant;
let numberB: any;
/** Pays the purchase only; never topped up. */
let c: Tenant;
let numberC: any;
/** Twenty numbers, for concurrent renewal runs. */
let e: Tenant;
let numbersE: any[];
/** A free number, on a wallet that gets suspended. */
let h: Tenant;
let numberH: any;
/** Buys C's number once it is released. */
let d: Tenant;
let numberD: any;

beforeAll(async () => {
  // The `grace` policy for suspended wallets (the old rule); the default, `keep`, is in numbers-kept-while-suspended.test.ts.
  t = await startTestApp({ billingClockEnabled: false, lifecycleEnabled: false, numbersWhileSuspended: 'grace' }, { clock });
  plan = await createNumberPlan(t, [
    { prefix: '44', numberPurchase: '1', numberMonthly: '2' },
    { prefix: '33', numberPurchase: '0', numberMonthly: '0' },
  ]);
});
afterAll(async () => {
  await t?.close();
});

const renew = (): Promise<RenewNumbersResult> => renewNumbers(t.app.orm.em.fork(), t.app.spend.deps, clock.now());

/** Moves the clock to `iso` (forward only). */
function moveTo(iso: string): void {
  clock.advance(Date.parse(iso) - clock.now());
}

async function monthDebits(walletId: string, number: string, month: number): Promise<number> {
  const [row] = await sql(
    t,
    `select count(*)::int as n from wallet_transaction where wallet_id = $1 and kind = 'NUMBER' and description = $2`,
    [walletId, `Number ${number} month ${month}`],
  );
  return row.n;
}

describe('monthly renewals on one timeline', () => {
  it('2026-01-31 10:00: purchases renew on the same day next month, clamped to February 28', async () => {
    a = await tenant(t, '100');
    b = await tenant(t, '3');
    c = await tenant(t, '3');
    e = await tenant(t, '100');
    h = await tenant(t, '0');
    numberA = await purchase(t, a.ownerKey, { walletId: a.walletId, ratePlanId: plan, number: '+447700100001' });
    numberB = await purchase(t, b.ownerKey, { walletId: b.walletId, ratePlanId: plan, number: '+447700100002' });
    numberC = await purchase(t, c.ownerKey, { walletId: c.walletId, ratePlanId: plan, number: '+447700100003' });
    numbersE = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        purchase(t, e.ownerKey, { walletId: e.walletId, ratePlanId: plan, number: `+4477002000${String(i).padStart(2, '0')}` }),
      ),
    );
    numberH = await purchase(t, h.ownerKey, { walletId: h.walletId, ratePlanId: plan, number: '+33612340001' });
    expect(numberA).toMatchObject({ purchasedAt: '2026-01-31T10:00:00.000Z', renewsAt: '2026-02-28T10:00:00.000Z', periodsPaid: 1 });
    expect((await sql(t, 'select anchor_day from phone_number where id = $1', [numberA.id]))[0].anchor_day).toBe(31);
    expect((await wallet(t, e.ownerKey, e.walletId)).balance).toBe('40');
    expect(await renew()).toEqual({ renewed: 0, graced: 0, owed: 0, released: 0 });
  });

  it('releaseNumbersOfAccount releases every held number of a closed account, inside the caller’s transaction', async () => {
    const f = await tenant(t, '10');
    const bought = [
      await purchase(t, f.ownerKey, { walletId: f.walletId, ratePlanId: plan, number: '+447700300001' }),
      await purchase(t, f.ownerKey, { walletId: f.walletId, ratePlanId: plan, number: '+447700300002' }),
    ];
    await t.ok(f.ownerKey, RELEASE, { id: bought[1].id });
    clock.advance(3_600_000);
    const released = await transaction(t.app.orm.em.fork(), (tx) =>
      releaseNumbersOfAccount(tx, f.accountId, clock.now(), 'ACCOUNT_CLOSED'),
    );
    expect(released).toBe(1);
    expect(await phoneNumber(t, f.ownerKey, bought[0].id)).toMatchObject({
      status: 'RELEASED',
      releaseReason: 'ACCOUNT_CLOSED',
      releasedAt: new Date(clock.now()).toISOString(),
    });
    expect((await phoneNumber(t, f.ownerKey, bought[1].id)).releaseReason).toBe('RELEASED_BY_CUSTOMER');
    expect(await releaseNumbersOfAccount(t.app.orm.em.fork(), f.accountId, clock.now(), 'ACCOUNT_CLOSED')).toBe(0);
    expect((await wallet(t, f.ownerKey, f.walletId)).balance).toBe('4');
  });

  it('2026-02-28 09:59:59.999: nothing is renewed before its time', async () => {
    moveTo('2026-02-28T09:59:59.999Z');
    expect(await renew()).toEqual({ renewed: 0, graced: 0, owed: 0, released: 0 });
    expect((await phoneNumber(t, a.ownerKey, numberA.id)).periodsPaid).toBe(1);
  });

  it('2026-02-28 10:00: three renewal jobs at once charge every month exactly once; unpaid renewals go to GRACE', async () => {
    clock.advance(1);
    const results = await Promise.all([renew(), renew(), renew()]);
    const total = results.reduce((sum, r) => ({
      renewed: sum.renewed + r.renewed,
      graced: sum.graced + r.graced,
      owed: sum.owed + r.owed,
      released: sum.released + r.released,
    }));
    // A, E's twenty and H's free number renewed; B and C could not pay.
    expect(total).toEqual({ renewed: 22, graced: 2, owed: 0, released: 0 });

    expect(await phoneNumber(t, a.ownerKey, numberA.id)).toMatchObject({
      status: 'ACTIVE',
      periodsPaid: 2,
      renewsAt: '2026-03-31T10:00:00.000Z',
    });
    const walletA = await wallet(t, a.ownerKey, a.walletId);
    expect(walletA.balance).toBe('95');
    expect(walletA.transactions[0]).toMatchObject({
      type: 'DEBIT',
      kind: 'NUMBER',
      amount: '2',
      balanceAfter: '95',
      description: `Number ${numberA.number} month 2`,
    });

    for (const number of numbersE) {
      expect(await monthDebits(e.walletId, number.number, 2)).toBe(1);
      expect(await phoneNumber(t, e.ownerKey, number.id)).toMatchObject({ status: 'ACTIVE', periodsPaid: 2 });
    }
    expect((await wallet(t, e.ownerKey, e.walletId)).balance).toBe('0');

    for (const [owner, number] of [
      [b, numberB],
      [c, numberC],
    ] as const) {
      expect(await phoneNumber(t, owner.ownerKey, number.id)).toMatchObject({
        status: 'GRACE',
        periodsPaid: 1,
        renewsAt: '2026-02-28T10:00:00.000Z',
        graceUntil: '2026-03-07T10:00:00.000Z',
      });
    }
    expect(await phoneNumber(t, h.ownerKey, numberH.id)).toMatchObject({
      status: 'ACTIVE',
      periodsPaid: 2,
      renewsAt: '2026-03-31T10:00:00.000Z',
    });
    expect((await wallet(t, h.ownerKey, h.walletId)).transactions).toEqual([]);

    // Out of the way of the later steps.
    for (const number of numbersE) await t.ok(e.ownerKey, RELEASE, { id: number.id });
    // Numbers in grace that still cannot pay are retried without being counted again.
    expect(await renew()).toEqual({ renewed: 0, graced: 0, owed: 0, released: 0 });
    await t.assertLedger();
  });

  it('2026-03-03: a top-up during grace renews the number on the next pass, keeping its anchor date', async () => {
    moveTo('2026-03-03T08:00:00.000Z');
    await t.fund(b.walletId, '2');
    expect(await renew()).toEqual({ renewed: 1, graced: 0, owed: 0, released: 0 });
    expect(await phoneNumber(t, b.ownerKey, numberB.id)).toMatchObject({
      status: 'ACTIVE',
      periodsPaid: 2,
      renewsAt: '2026-03-31T10:00:00.000Z',
      graceUntil: null,
    });
    expect((await wallet(t, b.ownerKey, b.walletId)).balance).toBe('0');
    expect(await monthDebits(b.walletId, numberB.number, 2)).toBe(1);
  });

  it('2026-03-07 10:00: still in grace at graceUntil exactly; released (RENEWAL_FAILED) a millisecond later', async () => {
    moveTo('2026-03-07T10:00:00.000Z');
    expect(await renew()).toEqual({ renewed: 0, graced: 0, owed: 0, released: 0 });
    expect((await phoneNumber(t, c.ownerKey, numberC.id)).status).toBe('GRACE');
    clock.advance(1);
    expect(await renew()).toEqual({ renewed: 0, graced: 0, owed: 0, released: 1 });
    expect(await phoneNumber(t, c.ownerKey, numberC.id)).toMatchObject({
      status: 'RELEASED',
      releaseReason: 'RENEWAL_FAILED',
      releasedAt: '2026-03-07T10:00:00.001Z',
      graceUntil: null,
      renewsAt: null,
      periodsPaid: 1,
    });
    expect((await wallet(t, c.ownerKey, c.walletId)).balance).toBe('0');
  });

  it('the released number can be bought by someone else, anchored on its new purchase day', async () => {
    d = await tenant(t, '10');
    numberD = await purchase(t, d.ownerKey, { walletId: d.walletId, ratePlanId: plan, number: numberC.number });
    expect(numberD).toMatchObject({ status: 'ACTIVE', accountId: d.accountId, renewsAt: '2026-04-07T10:00:00.001Z' });
    expect((await sql(t, 'select anchor_day from phone_number where id = $1', [numberD.id]))[0].anchor_day).toBe(7);
  });

  it('2026-03-31 10:00: renewed to the 31st again; a SUSPENDED wallet with nothing available cannot renew even a free number', async () => {
    await sql(t, `update wallet set status = 'SUSPENDED', suspended_at = now() where id = $1`, [h.walletId]);
    moveTo('2026-03-31T10:00:00.000Z');
    // A renews; B (empty again) and H (suspended) go to grace.
    expect(await renew()).toEqual({ renewed: 1, graced: 2, owed: 0, released: 0 });
    expect(await phoneNumber(t, a.ownerKey, numberA.id)).toMatchObject({
      status: 'ACTIVE',
      periodsPaid: 3,
      renewsAt: '2026-04-30T10:00:00.000Z',
    });
    expect(await phoneNumber(t, h.ownerKey, numberH.id)).toMatchObject({ status: 'GRACE', graceUntil: '2026-04-07T10:00:00.000Z' });
    expect((await phoneNumber(t, b.ownerKey, numberB.id)).status).toBe('GRACE');
  });

  it('2026-04-30 10:00: renewed to April 30; graces that ended are released; D renewed on its own anchor', async () => {
    moveTo('2026-04-30T10:00:00.000Z');
    expect(await renew()).toEqual({ renewed: 2, graced: 0, owed: 0, released: 2 });
    expect(await phoneNumber(t, a.ownerKey, numberA.id)).toMatchObject({
      status: 'ACTIVE',
      periodsPaid: 4,
      renewsAt: '2026-05-31T10:00:00.000Z',
    });
    expect(await phoneNumber(t, d.ownerKey, numberD.id)).toMatchObject({
      status: 'ACTIVE',
      periodsPaid: 2,
      renewsAt: '2026-05-07T10:00:00.001Z',
    });
    for (const [owner, number] of [
      [b, numberB],
      [h, numberH],
    ] as const) {
      expect(await phoneNumber(t, owner.ownerKey, number.id)).toMatchObject({ status: 'RELEASED', releaseReason: 'RENEWAL_FAILED' });
    }
    const walletA = await wallet(t, a.ownerKey, a.walletId);
    expect(walletA.balance).toBe(String(100 - 3 - 2 * 3));
    for (const month of [2, 3, 4]) expect(await monthDebits(a.walletId, numberA.number, month)).toBe(1);
    await t.assertLedger();
  });

  it('a number whose account was closed is released by the next renewal', async () => {
    await sql(t, `update account set status = 'CLOSED', closed_at = now() where id = $1`, [d.accountId]);
    moveTo('2026-05-07T10:00:00.001Z');
    expect(await renew()).toEqual({ renewed: 0, graced: 0, owed: 0, released: 1 });
    expect(await phoneNumber(t, d.ownerKey, numberD.id)).toMatchObject({
      status: 'RELEASED',
      releaseReason: 'ACCOUNT_CLOSED',
      periodsPaid: 2,
    });
    expect(await monthDebits(d.walletId, numberD.number, 3)).toBe(0);
    await t.assertLedger();
  });
});
