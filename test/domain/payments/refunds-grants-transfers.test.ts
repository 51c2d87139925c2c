// Goal: only unused PAID card credit goes back to the card that paid it, with its share of tax (used funds and grants are not refundable); grants stay apart and are spent first; a bank transfer is PENDING credit until support confirms it, credited once. Method: the real server and Stripe sandbox; exact figures over HTTP and from the sandbox's refunds through the real SDK; the ledger invariants after every scenario.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql as statementOf, transaction } from '../../../server/database/sql.js';
import { verifyLedger } from '../../../server/domain/wallets/verify-ledger.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { billedAccount, CHARGE, expectError, paymentEvents, settle, sql, topUp, walletView } from './payments-support.js';

let t: TestApp;
let support: string;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false });
  support = (await t.createKey(null, 'SUPPORT')).secret;
});
afterAll(async () => {
  await t?.close();
});

const REFUND = `mutation($input: RefundUnusedCreditInput!) { refundUnusedCredit(input: $input) {
  transaction { id type kind amount balanceAfter } wallet { balance available refundable }
  refunds { id topUpId paymentIntentId amount cardAmount status stripeRefundId failureReason } } }`;
const GRANT = `mutation($input: GrantCreditInput!) { grantCredit(input: $input) { transaction { id kind type amount } wallet { balance refundable } } }`;
const RECORD_TRANSFER = `mutation($input: RecordBankTransferInput!) { recordBankTransfer(input: $input) { bankTransfer { id status amount reference expectedBy transactionId settledAt } } }`;
const COMPLETE_TRANSFER = `mutation($id: ID!) { completeBankTransfer(id: $id) { bankTransfer { id status transactionId settledAt } } }`;
const CANCEL_TRANSFER = `mutation($id: ID!) { cancelBankTransfer(id: $id) { bankTransfer { id status transactionId } } }`;

async function charge(token: string, walletId: string, amount: string): Promise<void> {
  await t.ok(token, CHARGE, { input: { walletId, amount, description: 'usage', idempotencyKey: randomUUID() } });
}

/** A UK customer (20% VAT) with a 100 top-up (120 charged) on the card, settled. */
async function paidCustomer(): Promise<{ walletId: string; ownerKey: string; topUpId: string; paymentIntentId: string }> {
  const { walletId, ownerKey } = await billedAccount(t, { country: 'GB' });
  const started = await topUp(t, ownerKey, { walletId, amount: '100', paymentMethodId: 'pm_card_visa' });
  await settle(t);
  return { walletId, ownerKey, topUpId: started.id, paymentIntentId: started.paymentIntentId };
}

describe('refunds of unused paid credit', () => {
  it('grants are spent first and never refunded; a partial refund returns its share of tax to the card', async () => {
    const { walletId, ownerKey, paymentIntentId } = await paidCustomer();
    await t.ok(support, GRANT, { input: { walletId, amount: '5', reason: 'Trial credit' } });
    expect((await walletView(t, ownerKey, walletId)).refundable).toBe('100');
    await charge(ownerKey, walletId, '3');
    // 3 of the 5 granted are spent: all 100 paid is still unused.
    expect((await walletView(t, ownerKey, walletId)).refundable).toBe('100');
    await charge(ownerKey, walletId, '10');
    // The grant is gone and 8 of the paid credit is used: 92 left.
    expect((await walletView(t, ownerKey, walletId)).refundable).toBe('92');

    const partial = (
      await t.ok(support, REFUND, { input: { walletId, amount: '50', reason: 'Customer request', idempotencyKey: randomUUID() } })
    ).refundUnusedCredit;
    expect(partial.transaction).toMatchObject({ type: 'DEBIT', kind: 'REFUND', amount: '50', balanceAfter: '42' });
    expect(partial.refunds).toEqual([
      expect.objectContaining({ paymentIntentId, amount: '50', cardAmount: '60', status: 'SUCCEEDED', failureReason: null }),
    ]);
    const stripeRefund = await t.app.payments.deps.stripe.refunds.retrieve(partial.refunds[0].stripeRefundId);
    expect(stripeRefund).toMatchObject({ amount: 6_000, payment_intent: paymentIntentId, status: 'succeeded' });
    expect(partial.wallet).toMatchObject({ balance: '42', refundable: '42' });

    const over = await t.graphql(support, REFUND, { input: { walletId, amount: '42.01', reason: 'More' } });
    expectError(over, 'BAD_USER_INPUT', 'amount');
    expect(over.errors![0]!.message).toContain('At most 42 USD');
    const rest = (await t.ok(support, REFUND, { input: { walletId, reason: 'Closing the account' } })).refundUnusedCredit;
    // The rest of the tax goes with the rest of the credit: 120 charged, 120 refunded in all.
    expect(rest.refunds).toEqual([expect.objectContaining({ amount: '42', cardAmount: '50.4', status: 'SUCCEEDED' })]);
    expect(rest.wallet).toMatchObject({ balance: '0', refundable: '0' });
    expectError(await t.graphql(support, REFUND, { input: { walletId, reason: 'Again' } }), 'BAD_USER_INPUT', 'amount');
    expect(await paymentEvents(t, walletId)).toEqual(['TOP_UP_SUCCEEDED', 'REFUND_SUCCEEDED', 'REFUND_SUCCEEDED']);
    await t.assertLedger();
  });

  it('splits a refund over several top-ups, newest first, and never refunds what calls hold', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    const first = await topUp(t, ownerKey, { walletId, amount: '10', paymentMethodId: 'pm_card_visa' });
    await settle(t);
    const second = await topUp(t, ownerKey, { walletId, amount: '20', paymentMethodId: 'pm_card_mastercard' });
    await settle(t);
    // A call holds its first increment plus connect fee: 4 of the 30 are in use.
    const ratePlanId = await t.createRatePlan([
      { prefix: '', perMinute: '60', firstIncrementSeconds: 3, nextIncrementSeconds: 3, connectFee: '1' },
    ]);
    const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
    const call = (
      await t.ok(ownerKey, `mutation($input: StartCallInput!) { startCall(input: $input) { call { id status } } }`, {
        input: { campaignId, to: '+447700900001' },
      })
    ).startCall.call;
    expect(call.status).toBe('ACTIVE');
    expect(await walletView(t, ownerKey, walletId)).toMatchObject({ reserved: '4', refundable: '26' });
    const refunded = (await t.ok(support, REFUND, { input: { walletId, amount: '25', reason: 'Split' } })).refundUnusedCredit;
    expect(refunded.refunds.map((refund: any) => [refund.topUpId, refund.amount, refund.cardAmount])).toEqual([
      [second.id, '20', '20'],
      [first.id, '5', '5'],
    ]);
    expect(await walletView(t, ownerKey, walletId)).toMatchObject({ balance: '5', reserved: '4', refundable: '1' });
    await t.assertLedger();
  });

  it('is idempotent, and refused to account roles and other input with its code', async () => {
    const { walletId, ownerKey } = await paidCustomer();
    const key = randomUUID();
    const once = (await t.ok(support, REFUND, { input: { walletId, amount: '10', reason: 'Once', idempotencyKey: key } }))
      .refundUnusedCredit;
    const twice = (await t.ok(support, REFUND, { input: { walletId, amount: '10', reason: 'Once', idempotencyKey: key } }))
      .refundUnusedCredit;
    expect(twice.transaction.id).toBe(once.transaction.id);
    expect(twice.refunds.map((refund: any) => refund.id)).toEqual(once.refunds.map((refund: any) => refund.id));
    expectError(
      await t.graphql(support, REFUND, { input: { walletId, amount: '11', reason: 'Once', idempotencyKey: key } }),
      'IDEMPOTENCY_KEY_REUSED',
    );
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('90');
    expectError(await t.graphql(ownerKey, REFUND, { input: { walletId, amount: '10', reason: 'Me' } }), 'FORBIDDEN');
    expectError(await t.graphql(support, REFUND, { input: { walletId, amount: '0.001', reason: 'Fraction' } }), 'BAD_USER_INPUT', 'amount');
    expectError(await t.graphql(support, REFUND, { input: { walletId, amount: '-1', reason: 'Negative' } }), 'BAD_USER_INPUT', 'amount');
    expectError(await t.graphql(support, REFUND, { input: { walletId, amount: '1', reason: ' ' } }), 'BAD_USER_INPUT', 'reason');
    expectError(await t.graphql(support, REFUND, { input: { walletId: randomUUID(), amount: '1', reason: 'Nobody' } }), 'NOT_FOUND');
    await t.assertLedger();
  });

  it('concurrent refunds and charges never refund more than is left, and the books balance', async () => {
    const { walletId, ownerKey } = await paidCustomer();
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => t.graphql(support, REFUND, { input: { walletId, amount: '15', reason: 'Race' } })),
      ...Array.from({ length: 20 }, () => t.graphql(ownerKey, CHARGE, { input: { walletId, amount: '1', description: 'race' } })),
    ]);
    const refunds = results.slice(0, 10).filter((response) => !response.errors).length;
    const charges = results.slice(10).filter((response) => !response.errors).length;
    expect(refunds * 15 + charges).toBeLessThanOrEqual(100);
    const wallet = await walletView(t, ownerKey, walletId);
    expect(Number(wallet.balance)).toBe(100 - refunds * 15 - charges);
    const [{ refunded }] = await sql(t, `select (refunded_micros / 1000000)::int as refunded from top_up where wallet_id = $1`, [walletId]);
    expect(refunded).toBe(refunds * 15);
    await t.assertLedger();
  });
});

describe('grants', () => {
  it('are GRANT credits from promotional credit, for support only', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    const granted = (await t.ok(support, GRANT, { input: { walletId, amount: '2', reason: 'Trial', idempotencyKey: 'trial-1' } }))
      .grantCredit;
    expect(granted).toMatchObject({
      transaction: { kind: 'GRANT', type: 'CREDIT', amount: '2' },
      wallet: { balance: '2', refundable: '0' },
    });
    const again = (await t.ok(support, GRANT, { input: { walletId, amount: '2', reason: 'Trial', idempotencyKey: 'trial-1' } }))
      .grantCredit;
    expect(again.transaction.id).toBe(granted.transaction.id);
    expectError(await t.graphql(ownerKey, GRANT, { input: { walletId, amount: '2', reason: 'Me' } }), 'FORBIDDEN');
    expectError(await t.graphql(support, GRANT, { input: { walletId, amount: '-2', reason: 'Minus' } }), 'BAD_USER_INPUT', 'amount');
    const [{ code }] = await sql(
      t,
      `select pa.code from ledger_entry e join platform_account pa on pa.id = e.platform_account_id where e.transaction_id = $1`,
      [granted.transaction.id],
    );
    expect(code).toBe('PROMOTIONAL_CREDIT');
    await t.assertLedger();
  });
});

describe('bank transfers', () => {
  it('stay PENDING (nothing credited) until support completes them, once; a canceled one credits nothing', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    const recorded = (await t.ok(ownerKey, RECORD_TRANSFER, { input: { walletId, amount: '500', reference: 'INV-2026-001' } }))
      .recordBankTransfer.bankTransfer;
    expect(recorded).toMatchObject({ status: 'PENDING', amount: '500', transactionId: null, settledAt: null });
    expect(new Date(recorded.expectedBy).getTime()).toBeGreaterThan(Date.now() + 2 * 86_400_000);
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('0');
    expectError(await t.graphql(ownerKey, COMPLETE_TRANSFER, { id: recorded.id }), 'FORBIDDEN');
    const done = await Promise.all(Array.from({ length: 5 }, () => t.graphql(support, COMPLETE_TRANSFER, { id: recorded.id })));
    expect(done.filter((response) => !response.errors)).toHaveLength(1);
    for (const response of done.filter((response) => response.errors)) expectError(response, 'INVALID_STATE');
    const wallet = await walletView(t, ownerKey, walletId);
    expect(wallet.balance).toBe('500');
    expect(wallet.transactions[0]).toMatchObject({ kind: 'TOP_UP', amount: '500', description: 'Bank transfer received (INV-2026-001)' });
    // Paid, but not by card: nothing to refund to a card.
    expect(wallet.refundable).toBe('0');

    const other = (await t.ok(support, RECORD_TRANSFER, { input: { walletId, amount: '100', reference: 'INV-2' } })).recordBankTransfer
      .bankTransfer;
    expect((await t.ok(support, CANCEL_TRANSFER, { id: other.id })).cancelBankTransfer.bankTransfer).toMatchObject({
      status: 'CANCELED',
      transactionId: null,
    });
    expectError(await t.graphql(support, COMPLETE_TRANSFER, { id: other.id }), 'INVALID_STATE');
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('500');
    await t.assertLedger();
  });

  it('counts 3 business days over a weekend, and refuses bad input and other tenants', async () => {
    const { addBusinessDays } = await import('../../../server/domain/payments/bank-transfer.service.js');
    expect(new Date(addBusinessDays(Date.UTC(2026, 10, 20, 10), 3)).toISOString()).toBe('2026-11-25T10:00:00.000Z');
    expect(new Date(addBusinessDays(Date.UTC(2026, 10, 23, 10), 3)).toISOString()).toBe('2026-11-26T10:00:00.000Z');
    const mine = await t.createAccount();
    const theirs = await t.createAccount();
    expectError(
      await t.graphql(mine.ownerKey, RECORD_TRANSFER, { input: { walletId: theirs.walletId, amount: '10', reference: 'x' } }),
      'NOT_FOUND',
    );
    expectError(
      await t.graphql(mine.ownerKey, RECORD_TRANSFER, { input: { walletId: mine.walletId, amount: '10.001', reference: 'x' } }),
      'BAD_USER_INPUT',
      'amount',
    );
    expectError(
      await t.graphql(mine.ownerKey, RECORD_TRANSFER, { input: { walletId: mine.walletId, amount: '10', reference: '' } }),
      'BAD_USER_INPUT',
      'reference',
    );
    const theirTransfer = (
      await t.ok(theirs.ownerKey, RECORD_TRANSFER, { input: { walletId: theirs.walletId, amount: '10', reference: 'x' } })
    ).recordBankTransfer.bankTransfer;
    expectError(await t.graphql(mine.ownerKey, `query($id: ID!) { bankTransfer(id: $id) { id } }`, { id: theirTransfer.id }), 'NOT_FOUND');
  });
});

describe('payment invariants', () => {
  /** verifyLedger's verdict after `tamper`, in a transaction that is rolled back (triggers off for this session only). */
  async function violationsAfter(...tamper: string[]): Promise<string[]> {
    let found: string[] = [];
    await transaction(t.app.orm.em.fork(), async (tx) => {
      for (const statement of ['set local session_replication_role = replica', ...tamper]) await statementOf(statement).run(tx);
      found = (await verifyLedger(tx)).map((violation) => violation.invariant);
      throw new Error('rollback');
    }).catch((error: Error) => {
      if (error.message !== 'rollback') throw error;
    });
    return found;
  }

  it('catch a refund not recorded on its top-up, a credit without a payment, and a top-up credited with another amount', async () => {
    const { walletId, topUpId } = await paidCustomer();
    await t.ok(support, REFUND, { input: { walletId, amount: '10', reason: 'Evidence' } });
    expect(await verifyLedger(t.app.orm.em.fork())).toEqual([]);
    expect(await violationsAfter(`update top_up set refunded_micros = refunded_micros + 1 where id = '${topUpId}'`)).toEqual([
      "each top-up's refunded credit is the sum of its refunds not failed, and a refund's card amount never exceeds the top-up's total",
    ]);
    expect(
      await violationsAfter(
        `update wallet_transaction set payment_intent_id = 'pi_forged' where wallet_id = '${walletId}' and kind = 'REFUND'`,
      ),
    ).toEqual([]);
    expect(
      await violationsAfter(
        `update top_up set status = 'FAILED', wallet_transaction_id = null, receipt_number = null, refunded_micros = 0 where id = '${topUpId}'`,
        `delete from top_up_refund where top_up_id = '${topUpId}'`,
      ),
    ).toEqual([
      'every TOP_UP transaction with a PaymentIntent belongs to a SUCCEEDED top-up (no credit without a payment)',
      // The top-up's invoice still states the credit the forged failure took away.
      "each top-up's invoice states its credit, tax and total as charged, and its TOP_UP transaction",
    ]);
    expect(
      await violationsAfter(
        `alter table top_up drop constraint top_up_check`,
        `update top_up set amount_micros = amount_micros + 1, total_micros = total_micros + 1 where id = '${topUpId}'`,
      ),
    ).toEqual([
      'each SUCCEEDED top-up is credited by exactly one TOP_UP transaction of its amount, carrying its PaymentIntent',
      // Its invoice states the amount really charged, no longer the top-up's.
      "each top-up's invoice states its credit, tax and total as charged, and its TOP_UP transaction",
    ]);
  });
});
