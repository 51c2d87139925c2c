// Goal: buying, listing, releasing and refunding phone numbers charges and credits exactly, refuses every bad input, role and foreign object with its documented code, and never charges twice or keeps money without a number, even under concurrent purchases. Method: the real server on its own PostgreSQL with an injected ManualClock (lifecycle jobs off), every check over HTTP against exact figures and the database rows, the ledger invariants checked after each money test.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { postPurchase } from '../../../server/domain/numbers/number-postings.js';
import { recoverNumberOperations } from '../../../server/domain/numbers/recover-number-operations.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import {
  createNumberPlan,
  DAY_MS,
  expectError,
  PHONE_NUMBER,
  PHONE_NUMBERS,
  phoneNumber,
  purchase,
  PURCHASE,
  REFUND,
  RELEASE,
  sql,
  tenant,
  wallet,
} from '../../domain/numbers/numbers-support.js';

const START_MS = Date.UTC(2026, 2, 10, 12, 0, 0);
const clock = new ManualClock(START_MS);
let t: TestApp;
/** "44": 1.5 + 2.25 a month; "447": calls only (no numbers); "4420": 3 + 4 a month; "1": calls only; "33": free numbers. */
let plan: string;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false, lifecycleEnabled: false }, { clock });
  plan = await createNumberPlan(t, [
    { prefix: '44', numberPurchase: '1.5', numberMonthly: '2.25' },
    { prefix: '447' },
    { prefix: '4420', numberPurchase: '3', numberMonthly: '4' },
    { prefix: '1' },
    { prefix: '33', numberPurchase: '0', numberMonthly: '0' },
  ]);
});
afterAll(async () => {
  await t?.close();
});

/** A number no other test uses. */
let sequence = 0;
const freshNumber = (prefix = '+4477009') => `${prefix}${String(++sequence).padStart(5, '0')}`;

async function numberDebits(number: string): Promise<{ wallet_id: string; amount_micros: string }[]> {
  return sql(t, `select wallet_id, amount_micros from wallet_transaction where kind = 'NUMBER' and description like $1`, [
    `Number ${number} %`,
  ]);
}

describe('purchaseNumber', () => {
  it('debits the purchase price plus the first month as one NUMBER transaction, priced by the longest prefix that sells numbers', async () => {
    const { walletId, ownerKey, accountId } = await tenant(t, '20');
    const number = freshNumber();
    const bought = await purchase(t, ownerKey, { walletId, ratePlanId: plan, number });
    expect(bought).toMatchObject({
      accountId,
      walletId,
      ratePlanId: plan,
      number,
      status: 'ACTIVE',
      purchasePrice: '1.5',
      monthlyPrice: '2.25',
      purchasedAt: new Date(START_MS).toISOString(),
      renewsAt: '2026-04-10T12:00:00.000Z',
      graceUntil: null,
      releasedAt: null,
      releaseReason: null,
      periodsPaid: 1,
      refundTransactionId: null,
    });
    const after = await wallet(t, ownerKey, walletId);
    expect(after.balance).toBe('16.25');
    expect(after.transactions.filter((tx) => tx.kind === 'NUMBER')).toEqual([
      {
        id: bought.transactionId,
        type: 'DEBIT',
        kind: 'NUMBER',
        amount: '3.75',
        balanceBefore: '20',
        balanceAfter: '16.25',
        description: `Number ${number} purchase and first month`,
      },
    ]);
    const [row] = await sql(t, 'select anchor_day from phone_number where id = $1', [bought.id]);
    expect(row.anchor_day).toBe(10);

    // +4420…: "4420" is longer than "44". +447… (above): "447" sells no numbers, so "44" priced it.
    const london = await purchase(t, ownerKey, { walletId, ratePlanId: plan, number: freshNumber('+44200000') });
    expect([london.purchasePrice, london.monthlyPrice]).toEqual(['3', '4']);
    expect((await wallet(t, ownerKey, walletId)).balance).toBe('9.25');
    await t.assertLedger();
  });

  it('succeeds when the available balance is exactly the price and refuses one micro less, writing nothing', async () => {
    const exact = await tenant(t, '3.75');
    const bought = await purchase(t, exact.ownerKey, { walletId: exact.walletId, ratePlanId: plan, number: freshNumber() });
    expect(bought.status).toBe('ACTIVE');
    expect((await wallet(t, exact.ownerKey, exact.walletId)).balance).toBe('0');

    const short = await tenant(t, '3.749999');
    const number = freshNumber();
    const response = await t.graphql(short.ownerKey, PURCHASE, { input: { walletId: short.walletId, ratePlanId: plan, number } });
    expectError(response, 'INSUFFICIENT_FUNDS');
    const after = await wallet(t, short.ownerKey, short.walletId);
    expect(after.balance).toBe('3.749999');
    expect(after.transactions).toHaveLength(1); // the funding only
    expect(await sql(t, 'select id from phone_number where number = $1 or account_id = $2', [number, short.accountId])).toEqual([]);
    expect(await numberDebits(number)).toEqual([]);
    expect((await t.ok(short.ownerKey, PHONE_NUMBERS, {})).phoneNumbers.edges).toEqual([]);

    // Funded up to the price, the same purchase (same key as before: nothing was kept) now succeeds.
    await t.fund(short.walletId, '0.000001');
    expect((await purchase(t, short.ownerKey, { walletId: short.walletId, ratePlanId: plan, number })).status).toBe('ACTIVE');
    expect((await wallet(t, short.ownerKey, short.walletId)).balance).toBe('0');
    await t.assertLedger();
  });

  it('counts reserved credit out of what is available', async () => {
    const account = await tenant(t, '5');
    // Hold 1.250001 as a call would, through the wallet's reserved column (calls own it; none is active here).
    await sql(t, 'update wallet set reserved_micros = 1250001 where id = $1', [account.walletId]);
    try {
      const response = await t.graphql(account.ownerKey, PURCHASE, {
        input: { walletId: account.walletId, ratePlanId: plan, number: freshNumber() },
      });
      expectError(response, 'INSUFFICIENT_FUNDS');
    } finally {
      await sql(t, 'update wallet set reserved_micros = 0 where id = $1', [account.walletId]);
    }
  });

  it('sells free numbers without a transaction', async () => {
    const account = await tenant(t, '0');
    const bought = await purchase(t, account.ownerKey, { walletId: account.walletId, ratePlanId: plan, number: freshNumber('+3361234') });
    expect(bought).toMatchObject({ status: 'ACTIVE', purchasePrice: '0', monthlyPrice: '0', transactionId: null });
    expect((await wallet(t, account.ownerKey, account.walletId)).transactions).toEqual([]);
  });

  it('returns the same number for the same idempotency key and charges once; another number under the key is IDEMPOTENCY_KEY_REUSED', async () => {
    const { walletId, ownerKey } = await tenant(t, '10');
    const number = freshNumber();
    const idempotencyKey = randomUUID();
    const first = await purchase(t, ownerKey, { walletId, ratePlanId: plan, number, idempotencyKey });
    const again = await purchase(t, ownerKey, { walletId, ratePlanId: plan, number, idempotencyKey });
    expect(again).toEqual(first);
    expect((await wallet(t, ownerKey, walletId)).balance).toBe('6.25');
    expectError(
      await t.graphql(ownerKey, PURCHASE, { input: { walletId, ratePlanId: plan, number: freshNumber(), idempotencyKey } }),
      'IDEMPOTENCY_KEY_REUSED',
      {
        field: 'idempotencyKey',
      },
    );
    // A replay after the number was released returns it as it is now.
    await t.ok(ownerKey, RELEASE, { id: first.id });
    expect((await purchase(t, ownerKey, { walletId, ratePlanId: plan, number, idempotencyKey })).status).toBe('RELEASED');
    expect(await numberDebits(number)).toHaveLength(1);
    await t.assertLedger();
  });

  it('answers each bad input with BAD_USER_INPUT on its field, or NOT_FOUND', async () => {
    const { walletId, ownerKey } = await tenant(t, '100');
    const euroPlan = await createNumberPlan(t, [{ prefix: '44', numberPurchase: '1', numberMonthly: '1' }], 'EUR');
    const held = await purchase(t, ownerKey, { walletId, ratePlanId: plan, number: freshNumber() });
    const cases: { input: Record<string, unknown>; code: string; field?: string; message?: RegExp }[] = [
      { input: { number: '447700900123' }, code: 'BAD_USER_INPUT', field: 'number', message: /E\.164/ },
      { input: { number: '+44 7700 900123' }, code: 'BAD_USER_INPUT', field: 'number', message: /E\.164/ },
      { input: { number: '+15551234567' }, code: 'BAD_USER_INPUT', field: 'number', message: /not sold under \+15551234567/ },
      { input: { number: '+4930123456' }, code: 'BAD_USER_INPUT', field: 'number', message: /not sold/ },
      { input: { number: held.number }, code: 'BAD_USER_INPUT', field: 'number', message: /not available/ },
      { input: { ratePlanId: euroPlan }, code: 'BAD_USER_INPUT', field: 'ratePlanId', message: /EUR/ },
      { input: { idempotencyKey: 'spendwire:number:x:purchase' }, code: 'BAD_USER_INPUT', field: 'idempotencyKey' },
      { input: { idempotencyKey: 'has space' }, code: 'BAD_USER_INPUT', field: 'idempotencyKey' },
      { input: { idempotencyKey: 'k'.repeat(t.config.idempotencyKeyLengthMax + 1) }, code: 'BAD_USER_INPUT', field: 'idempotencyKey' },
      { input: { walletId: randomUUID() }, code: 'NOT_FOUND' },
      { input: { walletId: 'not-a-uuid' }, code: 'NOT_FOUND' },
      { input: { ratePlanId: randomUUID() }, code: 'NOT_FOUND' },
    ];
    for (const { input, code, field, message } of cases) {
      const response = await t.graphql(ownerKey, PURCHASE, { input: { walletId, ratePlanId: plan, number: freshNumber(), ...input } });
      expectError(response, code, field === undefined ? {} : { field });
      if (message) expect(response.errors![0]!.message).toMatch(message);
    }
    // The longest key allowed is accepted.
    const longest = await purchase(t, ownerKey, {
      walletId,
      ratePlanId: plan,
      number: freshNumber(),
      idempotencyKey: 'k'.repeat(t.config.idempotencyKeyLengthMax),
    });
    expect(longest.status).toBe('ACTIVE');
    // Two refused purchases wrote nothing: the one held number and the longest-key one.
    expect((await wallet(t, ownerKey, walletId)).balance).toBe('92.5');
  });

  it('refuses a SUSPENDED wallet with nothing available (WALLET_SUSPENDED) but lets a suspended wallet that was funded again buy', async () => {
    const empty = await tenant(t, '0');
    await sql(t, `update wallet set status = 'SUSPENDED', suspended_at = now() where id = $1`, [empty.walletId]);
    expectError(
      await t.graphql(empty.ownerKey, PURCHASE, { input: { walletId: empty.walletId, ratePlanId: plan, number: freshNumber() } }),
      'WALLET_SUSPENDED',
      { walletId: empty.walletId },
    );
    // Even a free number: a suspended wallet takes no new usage until funded.
    expectError(
      await t.graphql(empty.ownerKey, PURCHASE, { input: { walletId: empty.walletId, ratePlanId: plan, number: freshNumber('+3361234') } }),
      'WALLET_SUSPENDED',
    );
    await t.fund(empty.walletId, '4');
    const bought = await purchase(t, empty.ownerKey, { walletId: empty.walletId, ratePlanId: plan, number: freshNumber() });
    expect(bought.status).toBe('ACTIVE');
    expect((await wallet(t, empty.ownerKey, empty.walletId)).balance).toBe('0.25');
    await t.assertLedger();
  });

  it('refuses a closed account with INVALID_STATE', async () => {
    const closed = await tenant(t, '10');
    await sql(t, `update account set status = 'CLOSED', closed_at = now() where id = $1`, [closed.accountId]);
    try {
      const response = await t.graphql(t.adminToken, PURCHASE, {
        input: { walletId: closed.walletId, ratePlanId: plan, number: freshNumber() },
      });
      expectError(response, 'INVALID_STATE');
      expect((await wallet(t, t.adminToken, closed.walletId)).balance).toBe('10');
    } finally {
      await sql(t, `update account set status = 'ACTIVE', closed_at = null where id = $1`, [closed.accountId]);
    }
  });
});

describe('concurrent purchases', () => {
  it('10 tenants buying one number at once: exactly one gets it and exactly one NUMBER debit exists', async () => {
    const buyers = await Promise.all(Array.from({ length: 10 }, () => tenant(t, '10')));
    const number = freshNumber();
    const responses = await Promise.all(
      buyers.map((buyer) => t.graphql(buyer.ownerKey, PURCHASE, { input: { walletId: buyer.walletId, ratePlanId: plan, number } })),
    );
    const winners = responses.filter((response) => !response.errors);
    expect(winners).toHaveLength(1);
    for (const response of responses.filter((r) => r.errors)) expectError(response, 'BAD_USER_INPUT', { field: 'number' });
    const debits = await numberDebits(number);
    expect(debits).toHaveLength(1);
    const winner = buyers.find((buyer) => buyer.walletId === winners[0]!.data.purchaseNumber.phoneNumber.walletId)!;
    expect(debits[0]!.wallet_id).toBe(winner.walletId);
    const balances = await Promise.all(buyers.map((buyer) => wallet(t, buyer.ownerKey, buyer.walletId)));
    expect(balances.map((b) => b.balance).sort()).toEqual(['10', '10', '10', '10', '10', '10', '10', '10', '10', '6.25']);
    expect(await sql(t, 'select status from phone_number where number = $1', [number])).toEqual([{ status: 'ACTIVE' }]);
    await t.assertLedger();
  });

  it('10 requests with one idempotency key at once: one number, one debit, the same answer to all', async () => {
    const { walletId, ownerKey } = await tenant(t, '10');
    const number = freshNumber();
    const idempotencyKey = randomUUID();
    const bought = await Promise.all(
      Array.from({ length: 10 }, () => purchase(t, ownerKey, { walletId, ratePlanId: plan, number, idempotencyKey })),
    );
    expect(new Set(bought.map((n) => n.id)).size).toBe(1);
    expect(await numberDebits(number)).toHaveLength(1);
    expect((await wallet(t, ownerKey, walletId)).balance).toBe('6.25');
    await t.assertLedger();
  });

  it('10 different numbers at once from a wallet that pays for 3: 3 bought, 7 INSUFFICIENT_FUNDS leaving no row behind', async () => {
    const { walletId, ownerKey, accountId } = await tenant(t, '11.25');
    const numbers = Array.from({ length: 10 }, () => freshNumber());
    const responses = await Promise.all(
      numbers.map((number) => t.graphql(ownerKey, PURCHASE, { input: { walletId, ratePlanId: plan, number } })),
    );
    expect(responses.filter((r) => !r.errors)).toHaveLength(3);
    for (const response of responses.filter((r) => r.errors)) expectError(response, 'INSUFFICIENT_FUNDS');
    expect(await sql(t, 'select count(*)::int as n from phone_number where account_id = $1', [accountId])).toEqual([{ n: 3 }]);
    expect((await wallet(t, ownerKey, walletId)).balance).toBe('0');
    await t.assertLedger();
  });
});

describe('phoneNumbers and phoneNumber', () => {
  it('lists the caller’s numbers newest first, by wallet and status, a page at a time', async () => {
    const { walletId, ownerKey } = await tenant(t, '100');
    const bought = [];
    for (let i = 0; i < 3; i += 1) bought.push(await purchase(t, ownerKey, { walletId, ratePlanId: plan, number: freshNumber() }));
    await t.ok(ownerKey, RELEASE, { id: bought[0].id });
    const all = (await t.ok(ownerKey, PHONE_NUMBERS, {})).phoneNumbers;
    expect(all.edges.map((e: any) => e.node.id)).toEqual([bought[2].id, bought[1].id, bought[0].id]);
    expect(all.pageInfo.hasNextPage).toBe(false);

    const active = (await t.ok(ownerKey, PHONE_NUMBERS, { status: 'ACTIVE', walletId })).phoneNumbers;
    expect(active.edges.map((e: any) => e.node.id)).toEqual([bought[2].id, bought[1].id]);
    const released = (await t.ok(ownerKey, PHONE_NUMBERS, { status: 'RELEASED' })).phoneNumbers;
    expect(released.edges.map((e: any) => e.node.id)).toEqual([bought[0].id]);

    const page1 = (await t.ok(ownerKey, PHONE_NUMBERS, { first: 2 })).phoneNumbers;
    expect(page1.edges.map((e: any) => e.node.id)).toEqual([bought[2].id, bought[1].id]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await t.ok(ownerKey, PHONE_NUMBERS, { first: 2, after: page1.pageInfo.endCursor })).phoneNumbers;
    expect(page2.edges.map((e: any) => e.node.id)).toEqual([bought[0].id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    expect((await phoneNumber(t, ownerKey, bought[1].id)).number).toBe(bought[1].number);
  });

  it('checks the page size and cursor', async () => {
    const { ownerKey } = await tenant(t, '0');
    expectError(await t.graphql(ownerKey, PHONE_NUMBERS, { first: 0 }), 'BAD_USER_INPUT', { field: 'first' });
    expectError(await t.graphql(ownerKey, PHONE_NUMBERS, { first: t.config.callsPageSizeMax + 1 }), 'BAD_USER_INPUT', { field: 'first' });
    expect((await t.graphql(ownerKey, PHONE_NUMBERS, { first: t.config.callsPageSizeMax })).errors).toBeUndefined();
    expectError(await t.graphql(ownerKey, PHONE_NUMBERS, { after: 'bogus' }), 'BAD_USER_INPUT', { field: 'after' });
  });
});

describe('releaseNumber', () => {
  it('releases at once without refund; the number may be bought again by someone else; a second release is INVALID_STATE', async () => {
    const first = await tenant(t, '10');
    const number = freshNumber();
    const bought = await purchase(t, first.ownerKey, { walletId: first.walletId, ratePlanId: plan, number });
    clock.advance(1000);
    const released = (await t.ok(first.ownerKey, RELEASE, { id: bought.id })).releaseNumber.phoneNumber;
    expect(released).toMatchObject({
      status: 'RELEASED',
      releaseReason: 'RELEASED_BY_CUSTOMER',
      releasedAt: new Date(clock.now()).toISOString(),
      renewsAt: null,
      refundTransactionId: null,
    });
    expect((await wallet(t, first.ownerKey, first.walletId)).balance).toBe('6.25');
    expectError(await t.graphql(first.ownerKey, RELEASE, { id: bought.id }), 'INVALID_STATE', { status: 'RELEASED' });
    expectError(await t.graphql(first.ownerKey, REFUND, { id: bought.id }), 'INVALID_STATE', { status: 'RELEASED' });

    const second = await tenant(t, '10');
    const again = await purchase(t, second.ownerKey, { walletId: second.walletId, ratePlanId: plan, number });
    expect(again).toMatchObject({ status: 'ACTIVE', number, accountId: second.accountId });
    expect(again.id).not.toBe(bought.id);
    await t.assertLedger();
  });
});

describe('refundNumber', () => {
  it('refunds purchase + first month at exactly numberRefundDays after purchase, not a millisecond later; once', async () => {
    const { walletId, ownerKey } = await tenant(t, '10');
    const inTime = await purchase(t, ownerKey, { walletId, ratePlanId: plan, number: freshNumber() });
    const late = await purchase(t, ownerKey, { walletId, ratePlanId: plan, number: freshNumber() });
    expect((await wallet(t, ownerKey, walletId)).balance).toBe('2.5');
    expect(t.config.numberRefundDays).toBe(7);

    clock.advance(7 * DAY_MS);
    const refunded = (await t.ok(ownerKey, REFUND, { id: inTime.id })).refundNumber.phoneNumber;
    expect(refunded).toMatchObject({
      status: 'REFUNDED',
      releaseReason: 'REFUNDED',
      releasedAt: new Date(clock.now()).toISOString(),
      renewsAt: null,
      transactionId: inTime.transactionId,
    });
    const after = await wallet(t, ownerKey, walletId);
    expect(after.balance).toBe('6.25');
    expect(after.transactions[0]).toEqual({
      id: refunded.refundTransactionId,
      type: 'CREDIT',
      kind: 'REFUND',
      amount: '3.75',
      balanceBefore: '2.5',
      balanceAfter: '6.25',
      description: `Refund of number ${inTime.number}: purchase and first month`,
    });

    clock.advance(1);
    const refused = await t.graphql(ownerKey, REFUND, { id: late.id });
    expectError(refused, 'INVALID_STATE');
    expect(refused.errors![0]!.message).toMatch(/refund window passed/);
    expect((await phoneNumber(t, ownerKey, late.id)).status).toBe('ACTIVE');

    const twice = await t.graphql(ownerKey, REFUND, { id: inTime.id });
    expectError(twice, 'INVALID_STATE', { status: 'REFUNDED' });
    expect((await wallet(t, ownerKey, walletId)).balance).toBe('6.25');
    await t.assertLedger();
  });

  it('concurrent refunds of one number credit it once', async () => {
    const { walletId, ownerKey } = await tenant(t, '10');
    const bought = await purchase(t, ownerKey, { walletId, ratePlanId: plan, number: freshNumber() });
    const responses = await Promise.all(Array.from({ length: 5 }, () => t.graphql(ownerKey, REFUND, { id: bought.id })));
    expect(responses.filter((r) => !r.errors)).toHaveLength(1);
    for (const response of responses.filter((r) => r.errors)) expectError(response, 'INVALID_STATE');
    const after = await wallet(t, ownerKey, walletId);
    expect(after.balance).toBe('10');
    expect(after.transactions.filter((tx) => tx.kind === 'REFUND')).toHaveLength(1);
    await t.assertLedger();
  });
});

describe('roles and tenants', () => {
  it('lets OWNER, INTEGRATOR and PLATFORM_ADMIN buy and release, only OWNER and PLATFORM_ADMIN refund; others are FORBIDDEN', async () => {
    const { accountId, walletId, ownerKey } = await tenant(t, '100');
    const integrator = (await t.createKey(accountId, 'INTEGRATOR')).secret;
    const manager = (await t.createKey(accountId, 'CAMPAIGN_MANAGER')).secret;
    const support = (await t.createKey(null, 'SUPPORT')).secret;
    const input = () => ({ walletId, ratePlanId: plan, number: freshNumber() });

    expectError(await t.graphql(manager, PURCHASE, { input: input() }), 'FORBIDDEN');
    expectError(await t.graphql(support, PURCHASE, { input: input() }), 'FORBIDDEN');
    const byIntegrator = await purchase(t, integrator, input());
    const byAdmin = await purchase(t, t.adminToken, input());
    const byOwner = await purchase(t, ownerKey, input());

    expectError(await t.graphql(integrator, REFUND, { id: byIntegrator.id }), 'FORBIDDEN');
    expectError(await t.graphql(manager, REFUND, { id: byIntegrator.id }), 'FORBIDDEN');
    expectError(await t.graphql(support, REFUND, { id: byIntegrator.id }), 'FORBIDDEN');
    expectError(await t.graphql(manager, RELEASE, { id: byIntegrator.id }), 'FORBIDDEN');
    expectError(await t.graphql(support, RELEASE, { id: byIntegrator.id }), 'FORBIDDEN');

    // Every role reads its account's numbers; SUPPORT reads every tenant's.
    for (const token of [manager, support, integrator]) expect((await phoneNumber(t, token, byOwner.id)).id).toBe(byOwner.id);
    expect((await t.ok(support, PHONE_NUMBERS, { walletId })).phoneNumbers.edges).toHaveLength(3);

    expect((await t.ok(integrator, RELEASE, { id: byIntegrator.id })).releaseNumber.phoneNumber.status).toBe('RELEASED');
    expect((await t.ok(t.adminToken, REFUND, { id: byAdmin.id })).refundNumber.phoneNumber.status).toBe('REFUNDED');
    expect((await t.ok(ownerKey, REFUND, { id: byOwner.id })).refundNumber.phoneNumber.status).toBe('REFUNDED');
    await t.assertLedger();
  });

  it("answers NOT_FOUND for another tenant's numbers and wallets, and lists only the caller's", async () => {
    const owner = await tenant(t, '10');
    const other = await tenant(t, '10');
    const bought = await purchase(t, owner.ownerKey, { walletId: owner.walletId, ratePlanId: plan, number: freshNumber() });
    expectError(await t.graphql(other.ownerKey, PHONE_NUMBER, { id: bought.id }), 'NOT_FOUND');
    expectError(await t.graphql(other.ownerKey, RELEASE, { id: bought.id }), 'NOT_FOUND');
    expectError(await t.graphql(other.ownerKey, REFUND, { id: bought.id }), 'NOT_FOUND');
    expectError(await t.graphql(other.ownerKey, PHONE_NUMBERS, { walletId: owner.walletId }), 'NOT_FOUND');
    expectError(
      await t.graphql(other.ownerKey, PURCHASE, { input: { walletId: owner.walletId, ratePlanId: plan, number: freshNumber() } }),
      'NOT_FOUND',
    );
    expect((await t.ok(other.ownerKey, PHONE_NUMBERS, {})).phoneNumbers.edges).toEqual([]);
    expectError(await t.graphql(owner.ownerKey, PHONE_NUMBER, { id: randomUUID() }), 'NOT_FOUND');
    expectError(await t.graphql(owner.ownerKey, RELEASE, { id: 'nope' }), 'NOT_FOUND');
    expect((await phoneNumber(t, owner.ownerKey, bought.id)).status).toBe('ACTIVE');
    expect((await wallet(t, owner.ownerKey, owner.walletId)).balance).toBe('6.25');
    expect((await wallet(t, other.ownerKey, other.walletId)).balance).toBe('10');
  });
});

describe('recovery after a crash mid-purchase', () => {
  it('completes a claim whose debit was posted, deletes one whose debit was not, and hides both until then', async () => {
    const { accountId, walletId, ownerKey } = await tenant(t, '10');
    const em = t.app.orm.em.fork();
    const insertClaim = async (number: string): Promise<string> => {
      const id = randomUUID();
      await sql(
        t,
        `insert into phone_number (id, account_id, wallet_id, rate_plan_id, number, status, purchase_micros, monthly_micros, purchased_at,
           anchor_day, renews_at, created_at)
         values ($1, $2, $3, $4, $5, 'ACTIVE', 1500000, 2250000, $6, 10, $7, now() - interval '2 minutes')`,
        [id, accountId, walletId, plan, number, new Date(clock.now()).toISOString(), new Date(clock.now() + 30 * DAY_MS).toISOString()],
      );
      return id;
    };
    const postedNumber = freshNumber();
    const posted = await insertClaim(postedNumber);
    const debit = await postPurchase(
      em,
      t.app.spend.deps,
      { id: posted, accountId, walletId, number: postedNumber, purchaseMicros: 1_500_000n, monthlyMicros: 2_250_000n },
      'test',
    );
    const abandonedNumber = freshNumber();
    const abandoned = await insertClaim(abandonedNumber);

    // Claims are not numbers yet: invisible, and nobody else may buy them.
    expect((await t.ok(ownerKey, PHONE_NUMBERS, {})).phoneNumbers.edges).toEqual([]);
    expectError(await t.graphql(ownerKey, PHONE_NUMBER, { id: posted }), 'NOT_FOUND');
    const other = await tenant(t, '10');
    expectError(
      await t.graphql(other.ownerKey, PURCHASE, { input: { walletId: other.walletId, ratePlanId: plan, number: abandonedNumber } }),
      'BAD_USER_INPUT',
      {
        field: 'number',
      },
    );

    const result = await recoverNumberOperations(em, t.app.spend.deps, clock.now());
    expect(result).toMatchObject({ purchasesCompleted: 1, purchasesAbandoned: 1, purchasesRefunded: 0 });
    expect(await phoneNumber(t, ownerKey, posted)).toMatchObject({ status: 'ACTIVE', transactionId: debit.transaction.id });
    expect(await sql(t, 'select id from phone_number where id = $1', [abandoned])).toEqual([]);
    expect((await wallet(t, ownerKey, walletId)).balance).toBe('6.25');
    expect((await purchase(t, other.ownerKey, { walletId: other.walletId, ratePlanId: plan, number: abandonedNumber })).status).toBe(
      'ACTIVE',
    );

    // Run again: nothing left to do.
    expect(await recoverNumberOperations(em, t.app.spend.deps, clock.now())).toEqual({
      purchasesCompleted: 0,
      purchasesAbandoned: 0,
      purchasesRefunded: 0,
      refundsCompleted: 0,
    });
    await t.assertLedger();
  });

  it('credits back a posted claim released with its account, and posts a refund left without its credit', async () => {
    const { accountId, walletId, ownerKey } = await tenant(t, '10');
    const em = t.app.orm.em.fork();
    const number = freshNumber();
    const id = randomUUID();
    await sql(
      t,
      `insert into phone_number (id, account_id, wallet_id, rate_plan_id, number, status, purchase_micros, monthly_micros, purchased_at,
         anchor_day, renews_at, released_at, release_reason, created_at)
       values ($1, $2, $3, $4, $5, 'RELEASED', 1500000, 2250000, $6, 10, $6, $6, 'ACCOUNT_CLOSED', now() - interval '2 minutes')`,
      [id, accountId, walletId, plan, number, new Date(clock.now()).toISOString()],
    );
    await postPurchase(
      em,
      t.app.spend.deps,
      { id, accountId, walletId, number, purchaseMicros: 1_500_000n, monthlyMicros: 2_250_000n },
      'test',
    );
    expect((await wallet(t, ownerKey, walletId)).balance).toBe('6.25');

    // A refund whose process died between its state change and its credit.
    const refunded = await purchase(t, ownerKey, { walletId, ratePlanId: plan, number: freshNumber() });
    await sql(t, `update phone_number set status = 'REFUNDED', release_reason = 'REFUNDED', released_at = $2 where id = $1`, [
      refunded.id,
      new Date(clock.now()).toISOString(),
    ]);
    // The claim is two minutes old: given back. The refund is not a minute old yet: left to its request.
    expect(await recoverNumberOperations(em, t.app.spend.deps, clock.now())).toMatchObject({ purchasesRefunded: 1, refundsCompleted: 0 });
    clock.advance(60_001);
    expect(await recoverNumberOperations(em, t.app.spend.deps, clock.now())).toMatchObject({ purchasesRefunded: 0, refundsCompleted: 1 });
    expect((await phoneNumber(t, ownerKey, id)).refundTransactionId).not.toBeNull();
    expect((await phoneNumber(t, ownerKey, refunded.id)).refundTransactionId).not.toBeNull();
    expect((await wallet(t, ownerKey, walletId)).balance).toBe('10');
    await t.assertLedger();
  });
});
