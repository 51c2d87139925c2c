// Goal: with NUMBERS_WHILE_SUSPENDED=keep, every funding of a wallet (a card top-up settled from Stripe's webhook or a refresh, a bank transfer received, a grant, a credit adjustment) pays the wallet's owed number and sender ID renewals itself, right after its credit commits — oldest first across both, all or nothing per subscription, at most owedRenewalsPaidAtFundingMax (N paid, the N+1th left to the lifecycle backstop) — and funding racing the renewal jobs pays each month once. Method: the real server and its loopback Stripe sandbox on its own PostgreSQL with the lifecycle, billing clock and payment jobs off (nothing runs unless the test runs it), a ManualClock moved a month on so renewals fall while the wallets are suspended, states read over GraphQL right after each funding returns, ledger invariants at the end.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { payOwedNumberRenewals, renewNumbers } from '../../../server/domain/numbers/renew-numbers.service.js';
import { payOwedSenderIdRenewals } from '../../../server/domain/sender-ids/renew-sender-ids.service.js';
import { JOBS_BY_HAND, startTestApp, type TestApp } from '../../support/test-app.js';
import { createNumberPlan, purchase, sql, tenant, wallet } from './numbers-support.js';

const clock = new ManualClock(Date.parse('2026-01-05T10:00:00.000Z'));
const DAY_MS = 86_400_000;
/** The cap on owed renewals one funding pays itself, small here for its boundary test. */
const PAID_AT_FUNDING_MAX = 3;
let t: TestApp;
let plan: string;

type Tenant = Awaited<ReturnType<typeof tenant>>;

const NUMBER = `query($id: ID!) { phoneNumber(id: $id) { id status periodsPaid owedAmount } }`;
const SENDER_ID = `query($id: ID!) { senderId(id: $id) { id status periodsPaid } }`;
const TOP_UP = `mutation($input: TopUpInput!) { topUp(input: $input) { topUp { id status } } }`;
const REFRESH_TOP_UP = `mutation($id: ID!) { refreshTopUp(id: $id) { topUp { id status } } }`;
const GRANT = `mutation($input: GrantCreditInput!) { grantCredit(input: $input) { transaction { id } } }`;
const RECORD_TRANSFER = `mutation($input: RecordBankTransferInput!) { recordBankTransfer(input: $input) { bankTransfer { id } } }`;
const COMPLETE_TRANSFER = `mutation($id: ID!) { completeBankTransfer(id: $id) { bankTransfer { id status } } }`;
const REGISTER = `mutation($input: RegisterSenderIdInput!) { registerSenderId(input: $input) { senderId { id } } }`;
const APPROVE = `mutation($input: DecideSenderIdInput!) { approveSenderId(input: $input) { senderId { id status } } }`;

/** An account whose number (bought with all it had) is owed once a month has passed. */
interface Owing {
  account: Tenant;
  numberIds: string[];
  senderIds: string[];
}

let byTopUpWebhook: Owing;
let byTopUpRefresh: Owing;
let byBankTransfer: Owing;
let byGrant: Owing;
let byAdjustment: Owing;
/** A sender ID approved a day before its number was bought: the sender ID is the older debt. */
let mixed: Owing;
/** More owed numbers than one funding pays itself. */
let many: Owing;
const racing: Owing[] = [];
let nextNumber = 10;

beforeAll(async () => {
  t = await startTestApp(
    {
      ...JOBS_BY_HAND,
      numbersWhileSuspended: 'keep',
      // Longer than the month the renewals fall after, so that no account is closed meanwhile.
      accountCloseAfterDays: 60,
      owedRenewalsPaidAtFundingMax: PAID_AT_FUNDING_MAX,
      senderIdMonthlyMicros: { USD: 5_000_000n },
    },
    { clock },
  );
  plan = await createNumberPlan(t, [{ prefix: '44', numberPurchase: '1', numberMonthly: '2' }]);
  // Day 0: the mixed account's sender ID is approved (its first month, 5, takes all the wallet has).
  mixed = { account: await tenant(t, '5'), numberIds: [], senderIds: [] };
  const registered = (await t.ok(mixed.account.ownerKey, REGISTER, { input: { walletId: mixed.account.walletId, sender: 'MIXED' } }))
    .registerSenderId.senderId;
  await t.ok(t.adminToken, APPROVE, { input: { id: registered.id, reason: 'Known brand' } });
  mixed.senderIds.push(registered.id);
  clock.advance(DAY_MS);
  // Day 1: numbers are bought with all each wallet holds (purchase 1 + first month 2).
  await buyNumber(mixed, '3');
  byTopUpWebhook = await owing(1);
  byTopUpRefresh = await owing(1);
  byBankTransfer = await owing(1);
  byGrant = await owing(1);
  byAdjustment = await owing(1);
  many = await owing(PAID_AT_FUNDING_MAX + 1);
  for (let i = 0; i < 6; i++) racing.push(await owing(1));
  // The wallets are empty: suspended. A month later their renewals fall while suspended: owed.
  await t.app.lifecycle.runOnce();
  clock.advance(31 * DAY_MS);
  await t.app.lifecycle.runOnce();
  for (const owes of [byTopUpWebhook, byTopUpRefresh, byBankTransfer, byGrant, byAdjustment, mixed, many, ...racing]) {
    expect(await walletStatus(owes.account.walletId)).toBe('SUSPENDED');
    for (const id of owes.numberIds) expect((await numberOf(owes, id)).status).toBe('RENEWAL_OWED');
    for (const id of owes.senderIds) expect((await senderIdOf(owes, id)).status).toBe('RENEWAL_OWED');
  }
});
afterAll(async () => {
  await t?.close();
});

async function buyNumber(owes: Owing, fund: string): Promise<void> {
  await t.fund(owes.account.walletId, fund);
  const bought = await purchase(t, owes.account.ownerKey, {
    walletId: owes.account.walletId,
    ratePlanId: plan,
    number: `+4477008000${nextNumber++}`,
  });
  owes.numberIds.push(bought.id);
  // A second apart, so that numbers bought one after the other are owed since distinct times, in that order.
  clock.advance(1_000);
}

/** A fresh account holding `count` numbers, its wallet left empty. */
async function owing(count: number): Promise<Owing> {
  const owes: Owing = { account: await tenant(t, '0'), numberIds: [], senderIds: [] };
  for (let i = 0; i < count; i++) await buyNumber(owes, '3');
  return owes;
}

/** What these tests read of a subscription. */
interface Subscription {
  status: string;
  periodsPaid: number;
  owedAmount?: string | null;
}

async function numberOf(owes: Owing, id: string): Promise<Subscription> {
  return (await t.ok(owes.account.ownerKey, NUMBER, { id })).phoneNumber;
}

async function senderIdOf(owes: Owing, id: string): Promise<Subscription> {
  return (await t.ok(owes.account.ownerKey, SENDER_ID, { id })).senderId;
}

async function walletStatus(walletId: string): Promise<string> {
  return (await sql(t, 'select status from wallet where id = $1', [walletId]))[0].status;
}

async function balance(owes: Owing): Promise<string> {
  return (await wallet(t, owes.account.ownerKey, owes.account.walletId)).balance;
}

/** Its one number is ACTIVE with the owed month paid (month 2), the funding less the month left. */
async function expectPaidOnce(owes: Owing, left: string): Promise<void> {
  expect(await numberOf(owes, owes.numberIds[0]!)).toMatchObject({ status: 'ACTIVE', periodsPaid: 2, owedAmount: null });
  expect(await balance(owes)).toBe(left);
  const view = await wallet(t, owes.account.ownerKey, owes.account.walletId);
  expect(view.transactions.filter((tx) => tx.kind === 'NUMBER' && tx.description.endsWith('month 2'))).toHaveLength(1);
}

describe('each funding pays the owed renewals before it is done, without a lifecycle pass', () => {
  it('a card top-up: once its Stripe webhook is answered and applied', async () => {
    const started = (
      await t.ok(byTopUpWebhook.account.ownerKey, TOP_UP, {
        input: { walletId: byTopUpWebhook.account.walletId, amount: '10', paymentMethodId: 'pm_card_visa', idempotencyKey: randomUUID() },
      })
    ).topUp.topUp;
    // The sandbox has answered every webhook; the payment jobs apply what was recorded (the lifecycle never runs).
    await t.app.stripeSandbox!.idle();
    await t.app.paymentJobs.runOnce();
    expect(
      (await t.ok(byTopUpWebhook.account.ownerKey, `query($id: ID!) { topUp(id: $id) { status } }`, { id: started.id })).topUp.status,
    ).toBe('SUCCEEDED');
    await expectPaidOnce(byTopUpWebhook, '8');
  });

  it('a card top-up: when the refreshTopUp mutation settles it, the number is ACTIVE as the mutation returns', async () => {
    const started = (
      await t.ok(byTopUpRefresh.account.ownerKey, TOP_UP, {
        input: { walletId: byTopUpRefresh.account.walletId, amount: '10', paymentMethodId: 'pm_card_visa', idempotencyKey: randomUUID() },
      })
    ).topUp.topUp;
    expect((await t.ok(byTopUpRefresh.account.ownerKey, REFRESH_TOP_UP, { id: started.id })).refreshTopUp.topUp.status).toBe('SUCCEEDED');
    await expectPaidOnce(byTopUpRefresh, '8');
  });

  it('a bank transfer, as support confirms it arrived', async () => {
    const recorded = (
      await t.ok(t.adminToken, RECORD_TRANSFER, { input: { walletId: byBankTransfer.account.walletId, amount: '20', reference: 'INV-7' } })
    ).recordBankTransfer.bankTransfer;
    expect(await numberOf(byBankTransfer, byBankTransfer.numberIds[0]!)).toMatchObject({ status: 'RENEWAL_OWED' });
    expect((await t.ok(t.adminToken, COMPLETE_TRANSFER, { id: recorded.id })).completeBankTransfer.bankTransfer.status).toBe('COMPLETED');
    await expectPaidOnce(byBankTransfer, '18');
  });

  it('a grant', async () => {
    await t.ok(t.adminToken, GRANT, {
      input: { walletId: byGrant.account.walletId, amount: '5', reason: 'Goodwill', idempotencyKey: null },
    });
    await expectPaidOnce(byGrant, '3');
  });

  it('a credit adjustment', async () => {
    await t.fund(byAdjustment.account.walletId, '2');
    await expectPaidOnce(byAdjustment, '0');
  });
});

describe('which owed renewals one funding pays', () => {
  it('the oldest first across numbers and sender IDs, each all or nothing', async () => {
    // 5 pays the older sender ID (5) or the younger number (2), not both: oldest first pays the sender ID.
    await t.fund(mixed.account.walletId, '5');
    expect(await senderIdOf(mixed, mixed.senderIds[0]!)).toMatchObject({ status: 'APPROVED', periodsPaid: 2 });
    expect(await numberOf(mixed, mixed.numberIds[0]!)).toMatchObject({ status: 'RENEWAL_OWED', periodsPaid: 1 });
    expect(await balance(mixed)).toBe('0');
    // 1 cannot pay the number's 2: nothing is debited.
    await t.fund(mixed.account.walletId, '1');
    expect(await numberOf(mixed, mixed.numberIds[0]!)).toMatchObject({ status: 'RENEWAL_OWED', periodsPaid: 1 });
    expect(await balance(mixed)).toBe('1');
    await t.fund(mixed.account.walletId, '1');
    expect(await numberOf(mixed, mixed.numberIds[0]!)).toMatchObject({ status: 'ACTIVE', periodsPaid: 2 });
    expect(await balance(mixed)).toBe('0');
  });

  it(`at most owedRenewalsPaidAtFundingMax (${PAID_AT_FUNDING_MAX}) at once; the next one is left to the lifecycle`, async () => {
    await t.fund(many.account.walletId, String(2 * (PAID_AT_FUNDING_MAX + 1)));
    const statuses = [];
    for (const id of many.numberIds) statuses.push((await numberOf(many, id)).status);
    // Bought a second apart, so owed in that order: the first N are paid, the N+1th still owed.
    expect(statuses).toEqual([...Array(PAID_AT_FUNDING_MAX).fill('ACTIVE'), 'RENEWAL_OWED']);
    expect(await balance(many)).toBe('2');
    await t.app.lifecycle.runOnce();
    expect((await numberOf(many, many.numberIds[PAID_AT_FUNDING_MAX]!)).status).toBe('ACTIVE');
    expect(await balance(many)).toBe('0');
    await t.assertLedger();
  });
});

describe('funding racing the renewal jobs', () => {
  it('fundings and owed-renewal passes at once pay every owed month exactly once', async () => {
    const deps = t.app.spend.deps;
    await Promise.all([
      ...racing.map(({ account }) => t.fund(account.walletId, '2')),
      ...racing.map(({ account }) =>
        t.ok(t.adminToken, GRANT, { input: { walletId: account.walletId, amount: '1', reason: 'Race', idempotencyKey: null } }),
      ),
      payOwedNumberRenewals(t.app.orm.em.fork(), deps, clock.now()),
      payOwedSenderIdRenewals(t.app.orm.em.fork(), deps, clock.now()),
      renewNumbers(t.app.orm.em.fork(), deps, clock.now()),
      payOwedNumberRenewals(t.app.orm.em.fork(), deps, clock.now()),
      t.app.lifecycle.runOnce(),
    ]);
    // Whatever paid it (a funding or a job), each owed month was debited once and recorded.
    for (const owes of racing) await expectPaidOnce(owes, '1');
    await t.assertLedger();
  });
});
