// Goal: when the card refund of an approved refund request fails at the payment provider, the request ends FAILED with the provider's
// reason, the credit is back in the wallet (no money moves), the owner is mailed once, staff see it in their queue and alert feed, and
// a retry refunds the failed credit again at most once (also when two staff retry at once), FAILED again if the card refuses again.
// Method: the real server and the real loopback Stripe sandbox made to fail refunds (`failRefunds`), over HTTP; the mail queue, alerts
// and the sandbox's own refunds read back; the ledger invariants after every scenario.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ALERTS_CONSUMER } from '../../../server/domain/alerts/raise-alerts.service.js';
import { runSql } from '../../support/sql.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { drainOutboxConsumer } from '../../support/waiting.js';
import { BILLING, CHARGE, expectError, settle, sql, topUp, walletView } from '../payments/payments-support.js';

let t: TestApp;
let support: string;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false });
  support = (await t.createKey(null, 'SUPPORT')).secret;
});
afterEach(() => {
  t.app.stripeSandbox!.failRefunds(null);
});
afterAll(async () => {
  await t?.close();
});

const FIELDS = 'id status amount transactionId failureReason failedAmount failedAt attempts decidedAt';
const REQUEST = `mutation($input: RequestRefundInput!) { requestRefund(input: $input) { refundRequest { ${FIELDS} } } }`;
const APPROVE = `mutation($id: ID!) { approveRefundRequest(id: $id) { refundRequest { ${FIELDS} } wallet { balance refundable } } }`;
const RETRY = `mutation($id: ID!) { retryRefundRequest(id: $id) { refundRequest { ${FIELDS} } wallet { balance refundable } } }`;
const QUEUE = `query($statuses: [RefundRequestStatus!], $first: Int!) { refundRequests(statuses: $statuses, first: $first) { id status } }`;
const ALERTS = `query($accountId: ID) { alerts(accountId: $accountId, first: 100) { edges { node { kind amount message } } } }`;

/** An account with a billing e-mail and one settled card top-up per amount (newest last). */
async function paidCustomer(...amounts: string[]): Promise<{ accountId: string; walletId: string; ownerKey: string }> {
  const account = await t.createAccount('Refund failure tenant');
  await t.ok(account.ownerKey, BILLING, { input: { email: `billing-${randomUUID()}@example.com` } });
  for (const amount of amounts) {
    await topUp(t, account.ownerKey, { walletId: account.walletId, amount, paymentMethodId: 'pm_card_visa' });
    await settle(t);
  }
  return account;
}

/** What the sandbox refunded to the wallet's cards, in cents (its own records, not ours). */
async function refundedByStripeCents(walletId: string): Promise<number> {
  const intents = new Set(
    (await sql(t, 'select payment_intent_id from top_up where wallet_id = $1', [walletId])).map((row: any) => row.payment_intent_id),
  );
  return t.app
    .stripeSandbox!.events()
    .filter((event) => event.type === 'refund.created')
    .map((event) => event.data.object as { status: string; amount: number; payment_intent: string })
    .filter((refund) => refund.status === 'succeeded' && intents.has(refund.payment_intent))
    .reduce((sum, refund) => sum + refund.amount, 0);
}

async function alertsOf(accountId: string): Promise<{ kind: string; amount: string | null; message: string }[]> {
  await drainOutboxConsumer(
    (text, values) => runSql(t.app.orm.em.fork(), text, values),
    ALERTS_CONSUMER,
    () => t.app.alertProcessor.pass(),
  );
  return (await t.ok(support, ALERTS, { accountId })).alerts.edges.map((edge: any) => edge.node);
}

async function mailsOf(requestId: string): Promise<{ subject: string; body_text: string; refund_request_status: string }[]> {
  return sql(t, 'select subject, body_text, refund_request_status from email_message where refund_request_id = $1 order by id', [
    requestId,
  ]);
}

describe('refund requests whose card refund fails', () => {
  it('a failed card refund ends the request FAILED with the reason, restores the credit, mails the owner and alerts staff', async () => {
    const { accountId, walletId, ownerKey } = await paidCustomer('100');
    const { id } = (await t.ok(ownerKey, REQUEST, { input: { walletId, amount: '40' } })).requestRefund.refundRequest;
    t.app.stripeSandbox!.failRefunds('expired_or_canceled_card');
    const approved = (await t.ok(support, APPROVE, { id })).approveRefundRequest;
    expect(approved.refundRequest).toMatchObject({
      status: 'FAILED',
      failureReason: 'expired_or_canceled_card',
      failedAmount: '40',
      attempts: 1,
    });
    expect(approved.refundRequest.failedAt).toEqual(expect.any(String));
    expect(approved.refundRequest.transactionId).toEqual(expect.any(String));
    // No money moved: the debit was reversed, the card got nothing.
    expect(approved.wallet).toMatchObject({ balance: '100', refundable: '100' });
    expect(await refundedByStripeCents(walletId)).toBe(0);
    const rows = (await walletView(t, ownerKey, walletId)).transactions.map((row: any) => [
      row.kind,
      row.type,
      row.amount,
      row.balanceAfter,
    ]);
    expect(rows.slice(0, 2)).toEqual([
      ['REFUND', 'CREDIT', '40', '100'],
      ['REFUND', 'DEBIT', '40', '60'],
    ]);
    const mails = await mailsOf(id);
    expect(mails.map((mail) => mail.refund_request_status)).toEqual(['APPROVED', 'FAILED']);
    expect(mails[1]).toMatchObject({ subject: 'Your refund of $40.00 could not be paid to your card' });
    expect(mails[1]!.body_text).toContain('expired_or_canceled_card');
    expect(mails[1]!.body_text).toContain('back in your wallet');
    expect(mails[1]!.body_text).toContain('was approved, but the refund to your card failed');
    const failedAlerts = (await alertsOf(accountId)).filter((alert) => alert.kind === 'REFUND_REQUEST_FAILED');
    expect(failedAlerts).toHaveLength(1);
    expect(failedAlerts[0]).toMatchObject({ amount: '40' });
    expect(failedAlerts[0]!.message).toContain('expired_or_canceled_card');
    // Staff's queue: PENDING and FAILED requests.
    const queue = (await t.ok(support, QUEUE, { statuses: ['PENDING', 'FAILED'], first: 100 })).refundRequests;
    expect(queue).toContainEqual({ id, status: 'FAILED' });
    expectError(await t.graphql(support, QUEUE, { statuses: [], first: 5 }), 'BAD_USER_INPUT', 'statuses');
    await t.assertLedger();
  });

  it('a retry refunds the failed credit; failing again keeps it FAILED (alerted again, not mailed again); the card is paid once', async () => {
    const { accountId, walletId, ownerKey } = await paidCustomer('100');
    const { id } = (await t.ok(ownerKey, REQUEST, { input: { walletId, amount: '40' } })).requestRefund.refundRequest;
    t.app.stripeSandbox!.failRefunds('lost_or_stolen_card');
    await t.ok(support, APPROVE, { id });
    const again = (await t.ok(support, RETRY, { id })).retryRefundRequest;
    expect(again.refundRequest).toMatchObject({ status: 'FAILED', failureReason: 'lost_or_stolen_card', failedAmount: '40', attempts: 2 });
    expect(again.wallet).toMatchObject({ balance: '100' });
    expect((await alertsOf(accountId)).filter((alert) => alert.kind === 'REFUND_REQUEST_FAILED')).toHaveLength(2);
    expect((await mailsOf(id)).map((mail) => mail.refund_request_status)).toEqual(['APPROVED', 'FAILED']);

    t.app.stripeSandbox!.failRefunds(null);
    const retried = (await t.ok(support, RETRY, { id })).retryRefundRequest;
    expect(retried.refundRequest).toMatchObject({
      status: 'APPROVED',
      failureReason: null,
      failedAmount: null,
      failedAt: null,
      attempts: 3,
    });
    expect(retried.wallet).toMatchObject({ balance: '60', refundable: '60' });
    expect(await refundedByStripeCents(walletId)).toBe(4000);
    expectError(await t.graphql(support, RETRY, { id }), 'INVALID_STATE');
    expect(await refundedByStripeCents(walletId)).toBe(4000);
    const [entry] = (
      await t.ok(
        support,
        `query($a: ID) { auditLog(accountId: $a, actions: [REFUND_REQUEST_RETRIED], first: 5) { edges { node { before after actor { staff } } } } }`,
        {
          a: accountId,
        },
      )
    ).auditLog.edges;
    expect(entry.node.actor).toEqual({ staff: true });
    expect(JSON.parse(entry.node.before)).toMatchObject({ status: 'FAILED', failureReason: 'lost_or_stolen_card', failed: '40' });
    expect(JSON.parse(entry.node.after)).toMatchObject({ status: 'APPROVED', attempts: 3 });
    await t.assertLedger();
  });

  it('a refund over two cards that both fail adds up what failed; two retries at once refund it once', async () => {
    const { accountId, walletId, ownerKey } = await paidCustomer('60', '40');
    const { id } = (await t.ok(ownerKey, REQUEST, { input: { walletId, amount: '100' } })).requestRefund.refundRequest;
    t.app.stripeSandbox!.failRefunds('declined');
    const failed = (await t.ok(support, APPROVE, { id })).approveRefundRequest;
    expect(failed.refundRequest).toMatchObject({ status: 'FAILED', failedAmount: '100' });
    expect(failed.wallet).toMatchObject({ balance: '100', refundable: '100' });
    expect((await mailsOf(id)).filter((mail) => mail.refund_request_status === 'FAILED')).toHaveLength(1);
    // One alert for the request (its whole amount), not one per card.
    const alerts = (await alertsOf(accountId)).filter((alert) => alert.kind === 'REFUND_REQUEST_FAILED');
    expect(alerts.map((alert) => alert.amount)).toEqual(['100']);

    t.app.stripeSandbox!.failRefunds(null);
    const results = await Promise.all([t.graphql(support, RETRY, { id }), t.graphql(t.adminToken, RETRY, { id })]);
    expect(results.filter((response) => !response.errors)).toHaveLength(1);
    expectError(results.find((response) => response.errors)!, 'INVALID_STATE');
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('0');
    expect(await refundedByStripeCents(walletId)).toBe(10000);
    expect(
      await sql(t, `select status, count(*)::int as n from top_up_refund where wallet_id = $1 group by status order by status`, [walletId]),
    ).toEqual([
      { status: 'FAILED', n: 2 },
      { status: 'SUCCEEDED', n: 2 },
    ]);
    await t.assertLedger();
  });

  it('a retry is refused when the credit was spent meanwhile (stays FAILED), when not FAILED, and to the owner', async () => {
    const { walletId, ownerKey } = await paidCustomer('100');
    const { id } = (await t.ok(ownerKey, REQUEST, { input: { walletId, amount: '95' } })).requestRefund.refundRequest;
    expectError(await t.graphql(support, RETRY, { id }), 'INVALID_STATE');
    t.app.stripeSandbox!.failRefunds('unknown');
    await t.ok(support, APPROVE, { id });
    t.app.stripeSandbox!.failRefunds(null);
    expectError(await t.graphql(ownerKey, RETRY, { id }), 'FORBIDDEN');
    await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '6', description: 'usage', idempotencyKey: randomUUID() } });
    const refused = await t.graphql(support, RETRY, { id });
    expectError(refused, 'REFUND_EXCEEDS_REFUNDABLE');
    expect(refused.errors![0]!.extensions).toMatchObject({ refundable: '94' });
    expect((await t.ok(ownerKey, QUEUE, { statuses: ['FAILED'], first: 5 })).refundRequests).toEqual([{ id, status: 'FAILED' }]);
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('94');
    expectError(await t.graphql(support, RETRY, { id: randomUUID() }), 'NOT_FOUND');
    await t.assertLedger();
  });
});
