// Goal: availablePhoneNumbers proposes numbers that can really be bought at the price it shows (the first charge equals the purchase debit), leaves held numbers out, shows when each would renew and until when it could be refunded, reports refundable/refundableUntil on held numbers, and refuses its bad inputs and foreign wallets with their codes; its size limit holds at its boundary. Method: the real server on its own PostgreSQL with an injected ManualClock (lifecycle jobs off), every check over HTTP with exact figures and the ledger invariants.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { createNumberPlan, DAY_MS, expectError, purchase, REFUND, tenant, wallet } from '../../domain/numbers/numbers-support.js';

const START_MS = Date.UTC(2026, 0, 31, 12, 0, 0);
const clock = new ManualClock(START_MS);
let t: TestApp;
/** "44": 1.5 + 2.25 a month; "447": calls only; "4420": 3 + 4 a month. */
let plan: string;

const AVAILABLE = `query($walletId: ID!, $ratePlanId: ID!, $startsWith: String, $first: Int) {
  availablePhoneNumbers(walletId: $walletId, ratePlanId: $ratePlanId, startsWith: $startsWith, first: $first) {
    number ratePrefix currency purchasePrice monthlyPrice firstCharge firstRenewalAt refundableUntil } }`;
const HELD = `query($id: ID!) { phoneNumber(id: $id) { status refundable refundableUntil } }`;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false, lifecycleEnabled: false }, { clock });
  plan = await createNumberPlan(t, [
    { prefix: '44', numberPurchase: '1.5', numberMonthly: '2.25' },
    { prefix: '447' },
    { prefix: '4420', numberPurchase: '3', numberMonthly: '4' },
  ]);
});
afterAll(async () => {
  await t?.assertLedger();
  await t?.close();
});

async function available(token: string, variables: Record<string, unknown>): Promise<any[]> {
  return (await t.ok(token, AVAILABLE, variables)).availablePhoneNumbers;
}

describe('availablePhoneNumbers', () => {
  it('proposes numbers under the searched digits with their price, first charge, first renewal and refund deadline; buying one debits exactly the first charge', async () => {
    const { walletId, ownerKey } = await tenant(t, '20');
    const offers = await available(ownerKey, { walletId, ratePlanId: plan, startsWith: '+44 20', first: 3 });
    expect(offers).toHaveLength(3);
    for (const offer of offers) {
      expect(offer.number).toMatch(/^\+4420[0-9]{7}$/);
      expect(offer).toMatchObject({
        ratePrefix: '4420',
        currency: 'USD',
        purchasePrice: '3',
        monthlyPrice: '4',
        firstCharge: '7',
        // Bought on Jan 31: the next month is due on the last day of February.
        firstRenewalAt: '2026-02-28T12:00:00.000Z',
        refundableUntil: new Date(START_MS + 7 * DAY_MS).toISOString(),
      });
    }
    expect(new Set(offers.map((offer) => offer.number)).size).toBe(3);
    const bought = await purchase(t, ownerKey, { walletId, ratePlanId: plan, number: offers[0].number });
    expect(bought.renewsAt).toBe(offers[0].firstRenewalAt);
    const after = await wallet(t, ownerKey, walletId);
    expect(after.balance).toBe('13');
    expect(after.transactions.find((tx) => tx.kind === 'NUMBER')).toMatchObject({ type: 'DEBIT', amount: '7' });
  });

  it('leaves out a number another account holds', async () => {
    const buyer = await tenant(t, '20');
    const searcher = await tenant(t, '0');
    const [first] = await available(searcher.ownerKey, { walletId: searcher.walletId, ratePlanId: plan, startsWith: '4477', first: 1 });
    await purchase(t, buyer.ownerKey, { walletId: buyer.walletId, ratePlanId: plan, number: first.number });
    const again = await available(searcher.ownerKey, { walletId: searcher.walletId, ratePlanId: plan, startsWith: '4477', first: 5 });
    expect(again).toHaveLength(5);
    expect(again.map((offer) => offer.number)).not.toContain(first.number);
    // Priced by "44": "447" sells no numbers, so the longest selling prefix is "44".
    expect(again.every((offer) => offer.ratePrefix === '44' && offer.firstCharge === '3.75')).toBe(true);
  });

  it('without digits proposes numbers under the prefixes the plan sells; none where it sells none', async () => {
    const { walletId, ownerKey } = await tenant(t, '0');
    const offers = await available(ownerKey, { walletId, ratePlanId: plan });
    expect(offers).toHaveLength(t.config.availableNumbersDefault);
    expect(offers.every((offer) => offer.number.startsWith('+44'))).toBe(true);
    expect(await available(ownerKey, { walletId, ratePlanId: plan, startsWith: '1' })).toEqual([]);
  });

  it(`proposes up to availableNumbersMax (${20}) numbers; one more is BAD_USER_INPUT on first`, async () => {
    const { walletId, ownerKey } = await tenant(t, '0');
    const max = t.config.availableNumbersMax;
    expect(max).toBe(20);
    expect(await available(ownerKey, { walletId, ratePlanId: plan, startsWith: '44', first: max })).toHaveLength(max);
    expectError(await t.graphql(ownerKey, AVAILABLE, { walletId, ratePlanId: plan, startsWith: '44', first: max + 1 }), 'BAD_USER_INPUT', {
      field: 'first',
    });
    expectError(await t.graphql(ownerKey, AVAILABLE, { walletId, ratePlanId: plan, first: 0 }), 'BAD_USER_INPUT', { field: 'first' });
  });

  it('refuses bad digits, a plan in another currency and a wallet of another tenant', async () => {
    const { walletId, ownerKey } = await tenant(t, '0');
    expectError(await t.graphql(ownerKey, AVAILABLE, { walletId, ratePlanId: plan, startsWith: '+044' }), 'BAD_USER_INPUT', {
      field: 'startsWith',
    });
    const eurPlan = await createNumberPlan(t, [{ prefix: '33', numberPurchase: '1', numberMonthly: '1' }], 'EUR');
    expectError(await t.graphql(ownerKey, AVAILABLE, { walletId, ratePlanId: eurPlan }), 'BAD_USER_INPUT', { field: 'ratePlanId' });
    const other = await tenant(t, '0');
    expectError(await t.graphql(ownerKey, AVAILABLE, { walletId: other.walletId, ratePlanId: plan }), 'NOT_FOUND');
  });
});

describe('PhoneNumber.refundable and refundableUntil', () => {
  // Last in the file: it moves the clock past the refund window.
  it('are true and purchase + refund days while held and in the window, false a millisecond after, null once refunded', async () => {
    const { walletId, ownerKey } = await tenant(t, '20');
    const offers = await available(ownerKey, { walletId, ratePlanId: plan, startsWith: '4420', first: 2 });
    const kept = await purchase(t, ownerKey, { walletId, ratePlanId: plan, number: offers[0].number });
    const returned = await purchase(t, ownerKey, { walletId, ratePlanId: plan, number: offers[1].number });
    const deadline = new Date(clock.now() + 7 * DAY_MS).toISOString();
    expect((await t.ok(ownerKey, HELD, { id: kept.id })).phoneNumber).toEqual({
      status: 'ACTIVE',
      refundable: true,
      refundableUntil: deadline,
    });
    await t.ok(ownerKey, REFUND, { id: returned.id });
    expect((await t.ok(ownerKey, HELD, { id: returned.id })).phoneNumber).toEqual({
      status: 'REFUNDED',
      refundable: false,
      refundableUntil: null,
    });
    clock.advance(7 * DAY_MS);
    expect((await t.ok(ownerKey, HELD, { id: kept.id })).phoneNumber).toEqual({
      status: 'ACTIVE',
      refundable: true,
      refundableUntil: deadline,
    });
    clock.advance(1);
    expect((await t.ok(ownerKey, HELD, { id: kept.id })).phoneNumber).toEqual({
      status: 'ACTIVE',
      refundable: false,
      refundableUntil: deadline,
    });
  });
});
