// Goal: an owner's refund request is bounded by the refundable credit (refundable passes, one cent more is refused), one is open per
// wallet, staff approve it (the refund runs once even when two approve at once, and is re-checked: credit spent meanwhile refuses the
// approval and leaves it PENDING) or decline it with a reason, the owner can cancel it while PENDING, the owner is mailed the decision,
// and each step raises its alert and REFUND_REQUEST_UPDATED webhook event. Method: the real server and Stripe sandbox over HTTP; the
// mail queue and outbox read back with SQL; the ledger invariants after every scenario.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERTS_CONSUMER } from '../../../server/domain/alerts/raise-alerts.service.js';
import { drainOutboxConsumer } from '../../support/waiting.js';
import { runSql } from '../../support/sql.js';
import { startSmtpTestServer, type SmtpTestServer } from '../../support/smtp-test-server.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { drainMailJobs, drainWebhookProducer } from '../../support/consumers.js';
import { BILLING, CHARGE, expectError, settle, sql, topUp, walletView } from '../payments/payments-support.js';

let t: TestApp;
let smtp: SmtpTestServer;
let support: string;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  t = await startTestApp({ billingClockEnabled: false, smtpUrl: smtp.url });
  support = (await t.createKey(null, 'SUPPORT')).secret;
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const FIELDS = `id accountId walletId currency amount reason status declineReason transactionId createdAt decidedAt
  requestedBy { kind id staff } decidedBy { kind id staff }`;
const REQUEST = `mutation($input: RequestRefundInput!) { requestRefund(input: $input) { refundRequest { ${FIELDS} } wallet { balance refundable } } }`;
const CANCEL = `mutation($id: ID!) { cancelRefundRequest(id: $id) { refundRequest { ${FIELDS} } } }`;
const APPROVE = `mutation($id: ID!) { approveRefundRequest(id: $id) { refundRequest { ${FIELDS} } wallet { balance refundable } } }`;
const DECLINE = `mutation($input: DeclineRefundRequestInput!) { declineRefundRequest(input: $input) { refundRequest { ${FIELDS} } wallet { balance } } }`;
const LIST = `query($accountId: ID, $walletId: ID, $status: RefundRequestStatus, $first: Int!) {
  refundRequests(accountId: $accountId, walletId: $walletId, status: $status, first: $first) { id status amount } }`;
const AUDIT = `query($accountId: ID, $actions: [AuditAction!]) { auditLog(accountId: $accountId, actions: $actions, first: 10) {
  edges { node { action targetId before after clientIp actor { kind staff } } } } }`;
const ALERTS = `query($accountId: ID) { alerts(accountId: $accountId, first: 100) { edges { node { kind amount message } } } }`;

/** An account with a billing e-mail and 100 of paid card credit, settled. */
async function paidCustomer(): Promise<{ accountId: string; walletId: string; ownerKey: string }> {
  const account = await t.createAccount('Refund tenant');
  await t.ok(account.ownerKey, BILLING, { input: { email: `billing-${randomUUID()}@example.com` } });
  await topUp(t, account.ownerKey, { walletId: account.walletId, amount: '100', paymentMethodId: 'pm_card_visa' });
  await settle(t);
  return account;
}

async function mailsOf(requestId: string): Promise<{ subject: string; body_text: string; refund_request_status: string }[]> {
  return sql(t, `select subject, body_text, refund_request_status from email_message where refund_request_id = $1 order by id`, [
    requestId,
  ]);
}

async function alertKinds(accountId: string): Promise<string[]> {
  await drainOutboxConsumer(
    (text, values) => runSql(t.app.orm.em.fork(), text, values),
    ALERTS_CONSUMER,
    () => t.app.alertProcessor.pass(),
  );
  return (await t.ok(support, ALERTS, { accountId })).alerts.edges.map((edge: any) => edge.node.kind).sort();
}

describe('refund requests', () => {
  it('asks for at most the refundable credit (refundable passes, +0.01 refused), one open request per wallet', async () => {
    const { accountId, walletId, ownerKey } = await paidCustomer();
    await t.ok(ownerKey, `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }`, {
      input: { url: 'http://127.0.0.1:9/hooks', eventTypes: ['REFUND_REQUEST_UPDATED'] },
    });
    expect((await walletView(t, ownerKey, walletId)).refundable).toBe('100');
    const over = await t.graphql(ownerKey, REQUEST, { input: { walletId, amount: '100.01' } });
    expectError(over, 'BAD_USER_INPUT', 'amount');
    expect(over.errors![0]!.message).toContain('At most 100 USD');
    expectError(await t.graphql(ownerKey, REQUEST, { input: { walletId, amount: '0' } }), 'BAD_USER_INPUT', 'amount');
    expectError(await t.graphql(ownerKey, REQUEST, { input: { walletId, amount: '1.001' } }), 'BAD_USER_INPUT', 'amount');
    expect(await sql(t, 'select id from refund_request where wallet_id = $1', [walletId])).toEqual([]);

    const made = (await t.ok(ownerKey, REQUEST, { input: { walletId, amount: '100', reason: 'Closing our campaign' } })).requestRefund;
    expect(made.refundRequest).toMatchObject({
      accountId,
      walletId,
      currency: 'USD',
      amount: '100',
      reason: 'Closing our campaign',
      status: 'PENDING',
      transactionId: null,
      decidedAt: null,
      decidedBy: null,
      requestedBy: { kind: 'API_KEY', staff: false },
    });
    // Nothing leaves the wallet until staff approve.
    expect(made.wallet).toMatchObject({ balance: '100', refundable: '100' });
    const again = await t.graphql(ownerKey, REQUEST, { input: { walletId, amount: '1' } });
    expectError(again, 'INVALID_STATE');
    expect(again.errors![0]!.extensions?.refundRequestId).toBe(made.refundRequest.id);

    const queue = (await t.ok(support, LIST, { status: 'PENDING', first: 100 })).refundRequests;
    expect(queue.map((request: any) => request.id)).toContain(made.refundRequest.id);
    expect(await alertKinds(accountId)).toContain('REFUND_REQUESTED');
    // The webhook event carries the alert (amount, what happened).
    await drainWebhookProducer(t);
    const events = await sql(t, `select body from webhook_event where account_id = $1 and type = 'REFUND_REQUEST_UPDATED'`, [accountId]);
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.body).data).toMatchObject({ kind: 'REFUND_REQUESTED', amount: '100', walletId });
    await t.assertLedger();
  });

  it('approval refunds the amount to the card, mails the owner, and closes the request', async () => {
    const { accountId, walletId, ownerKey } = await paidCustomer();
    const { id } = (await t.ok(ownerKey, REQUEST, { input: { walletId, amount: '40' } })).requestRefund.refundRequest;
    const approved = (await t.ok(support, APPROVE, { id })).approveRefundRequest;
    expect(approved.refundRequest).toMatchObject({ status: 'APPROVED', decidedBy: { kind: 'API_KEY', staff: true } });
    expect(approved.refundRequest.transactionId).toEqual(expect.any(String));
    expect(approved.wallet).toMatchObject({ balance: '60', refundable: '60' });
    const [refund] = await sql(t, `select status from top_up_refund where wallet_transaction_id = $1`, [
      approved.refundRequest.transactionId,
    ]);
    expect(refund).toEqual({ status: 'SUCCEEDED' });
    // The owner sees the decision, but not which staff member made it.
    const seen = (
      await t.ok(ownerKey, `query($w: ID) { refundRequests(walletId: $w, first: 5) { status decidedBy { id staff } } }`, { w: walletId })
    ).refundRequests;
    expect(seen).toEqual([{ status: 'APPROVED', decidedBy: { id: null, staff: true } }]);
    const mails = await mailsOf(id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ refund_request_status: 'APPROVED', subject: 'Your refund request of $40.00 was approved' });
    // The mail sender delivers it to the account's billing e-mail (no user owns this account) over real SMTP.
    await drainMailJobs(t);
    const delivered = smtp.received.filter((mail) => mail.subject === 'Your refund request of $40.00 was approved');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.text).toContain('was approved');
    expect(await alertKinds(accountId)).toEqual(['REFUND_REQUESTED', 'REFUND_REQUEST_CLOSED']);
    expectError(await t.graphql(support, APPROVE, { id }), 'REFUND_REQUEST_NOT_PENDING');
    // The audit log: the request, the refund it ran and the approval, each with who and what.
    const audit = (
      await t.ok(
        support,
        `query($a: ID) { auditLog(accountId: $a, first: 10) { edges { node { action targetId before after actor { staff } } } } }`,
        {
          a: accountId,
        },
      )
    ).auditLog.edges.map((edge: any) => edge.node);
    expect(audit.map((entry: any) => entry.action)).toEqual([
      'REFUND_REQUEST_APPROVED',
      'CREDIT_REFUNDED',
      'REFUND_REQUESTED',
      'BILLING_PROFILE_CHANGED',
      // The operator opened the account.
      'ACCOUNT_CREATED',
    ]);
    expect(audit[0]).toMatchObject({ targetId: id, actor: { staff: true } });
    expect(JSON.parse(audit[0].before)).toMatchObject({ status: 'PENDING', amount: '40' });
    expect(JSON.parse(audit[0].after)).toMatchObject({ status: 'APPROVED', walletTransactionId: approved.refundRequest.transactionId });
    expect(JSON.parse(audit[2].after)).toMatchObject({ status: 'PENDING', amount: '40', refundable: '100' });
    await t.assertLedger();
  });

  it('decline needs a reason, changes no money, and mails the owner the reason', async () => {
    const { walletId, ownerKey } = await paidCustomer();
    const { id } = (await t.ok(ownerKey, REQUEST, { input: { walletId, amount: '10' } })).requestRefund.refundRequest;
    expectError(await t.graphql(support, DECLINE, { input: { id, reason: ' ' } }), 'BAD_USER_INPUT', 'reason');
    const declined = (await t.ok(support, DECLINE, { input: { id, reason: 'Credit came from a promotion' } })).declineRefundRequest;
    expect(declined.refundRequest).toMatchObject({
      status: 'DECLINED',
      declineReason: 'Credit came from a promotion',
      transactionId: null,
    });
    expect(declined.wallet.balance).toBe('100');
    const mails = await mailsOf(id);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body_text).toContain('Credit came from a promotion');
    expectError(await t.graphql(ownerKey, CANCEL, { id }), 'REFUND_REQUEST_NOT_PENDING');
    const [entry] = (await t.ok(support, AUDIT, { accountId: declined.refundRequest.accountId, actions: ['REFUND_REQUEST_DECLINED'] }))
      .auditLog.edges;
    expect(entry.node).toMatchObject({ targetId: id, clientIp: '127.0.0.1', actor: { kind: 'API_KEY', staff: true } });
    expect(JSON.parse(entry.node.after)).toMatchObject({ status: 'DECLINED', declineReason: 'Credit came from a promotion' });
    await t.assertLedger();
  });

  it('the owner cancels while pending; a cancelled request cannot be approved; a new one may be made', async () => {
    const { walletId, ownerKey } = await paidCustomer();
    const { id } = (await t.ok(ownerKey, REQUEST, { input: { walletId, amount: '10' } })).requestRefund.refundRequest;
    expect((await t.ok(ownerKey, CANCEL, { id })).cancelRefundRequest.refundRequest).toMatchObject({ status: 'CANCELLED' });
    const refused = await t.graphql(support, APPROVE, { id });
    expectError(refused, 'REFUND_REQUEST_NOT_PENDING');
    expect(refused.errors![0]!.extensions?.status).toBe('CANCELLED');
    expect(await mailsOf(id)).toEqual([]);
    const [entry] = (await t.ok(ownerKey, AUDIT, { actions: ['REFUND_REQUEST_CANCELLED'] })).auditLog.edges;
    expect(entry.node).toMatchObject({ targetId: id, actor: { kind: 'API_KEY', staff: false } });
    expect([JSON.parse(entry.node.before).status, JSON.parse(entry.node.after).status]).toEqual(['PENDING', 'CANCELLED']);
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('100');
    expect((await t.ok(ownerKey, REQUEST, { input: { walletId, amount: '10' } })).requestRefund.refundRequest.status).toBe('PENDING');
    await t.assertLedger();
  });

  it('approval re-checks the amount: credit spent meanwhile refuses it and leaves the request PENDING', async () => {
    const { walletId, ownerKey } = await paidCustomer();
    const { id } = (await t.ok(ownerKey, REQUEST, { input: { walletId, amount: '95' } })).requestRefund.refundRequest;
    await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '6', description: 'usage', idempotencyKey: randomUUID() } });
    const refused = await t.graphql(support, APPROVE, { id });
    expectError(refused, 'REFUND_EXCEEDS_REFUNDABLE');
    expect(refused.errors![0]!.extensions).toMatchObject({ refundable: '94', currency: 'USD' });
    expect((await t.ok(ownerKey, LIST, { walletId, first: 5 })).refundRequests).toEqual([{ id, status: 'PENDING', amount: '95' }]);
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('94');
    await t.assertLedger();
  });

  it('two approvals at once refund once; the other is told the request is no longer pending', async () => {
    const { walletId, ownerKey } = await paidCustomer();
    const { id } = (await t.ok(ownerKey, REQUEST, { input: { walletId, amount: '30' } })).requestRefund.refundRequest;
    const results = await Promise.all([t.graphql(support, APPROVE, { id }), t.graphql(t.adminToken, APPROVE, { id })]);
    const succeeded = results.filter((response) => !response.errors);
    expect(succeeded).toHaveLength(1);
    expectError(results.find((response) => response.errors)!, 'REFUND_REQUEST_NOT_PENDING');
    const refunds = await sql(t, `select id from wallet_transaction where wallet_id = $1 and kind = 'REFUND'`, [walletId]);
    expect(refunds).toHaveLength(1);
    expect((await walletView(t, ownerKey, walletId)).balance).toBe('70');
    expect(await mailsOf(id)).toHaveLength(1);
    await t.assertLedger();
  });

  it('reasons: up to refundRequestReasonLengthMax characters pass, one more is refused (asking and declining)', async () => {
    const { walletId, ownerKey } = await paidCustomer();
    const max = t.config.refundRequestReasonLengthMax;
    expectError(
      await t.graphql(ownerKey, REQUEST, { input: { walletId, amount: '1', reason: 'r'.repeat(max + 1) } }),
      'BAD_USER_INPUT',
      'reason',
    );
    const { id, reason } = (await t.ok(ownerKey, REQUEST, { input: { walletId, amount: '1', reason: 'r'.repeat(max) } })).requestRefund
      .refundRequest;
    expect(reason).toHaveLength(max);
    expectError(await t.graphql(support, DECLINE, { input: { id, reason: 'd'.repeat(max + 1) } }), 'BAD_USER_INPUT', 'reason');
    expect((await t.ok(support, DECLINE, { input: { id, reason: 'd'.repeat(max) } })).declineRefundRequest.refundRequest.status).toBe(
      'DECLINED',
    );
  });

  it('two requests at once on one wallet: one is PENDING, the other refused', async () => {
    const { walletId, ownerKey } = await paidCustomer();
    const results = await Promise.all([
      t.graphql(ownerKey, REQUEST, { input: { walletId, amount: '10' } }),
      t.graphql(ownerKey, REQUEST, { input: { walletId, amount: '20' } }),
    ]);
    expect(results.filter((response) => !response.errors)).toHaveLength(1);
    expectError(results.find((response) => response.errors)!, 'INVALID_STATE');
    expect(await sql(t, `select status from refund_request where wallet_id = $1`, [walletId])).toEqual([{ status: 'PENDING' }]);
    await t.assertLedger();
  });

  it('is refused to the wrong roles and tenants with its code, writing nothing', async () => {
    const { accountId, walletId, ownerKey } = await paidCustomer();
    const other = await paidCustomer();
    const integrator = (await t.createKey(accountId, 'INTEGRATOR')).secret;
    expectError(await t.graphql(integrator, REQUEST, { input: { walletId, amount: '1' } }), 'FORBIDDEN');
    expectError(await t.graphql(other.ownerKey, REQUEST, { input: { walletId, amount: '1' } }), 'NOT_FOUND');
    expectError(await t.graphql(support, REQUEST, { input: { walletId, amount: '1' } }), 'FORBIDDEN');
    const { id } = (await t.ok(ownerKey, REQUEST, { input: { walletId, amount: '1' } })).requestRefund.refundRequest;
    expectError(await t.graphql(ownerKey, APPROVE, { id }), 'FORBIDDEN');
    expectError(await t.graphql(ownerKey, DECLINE, { input: { id, reason: 'No' } }), 'FORBIDDEN');
    expectError(await t.graphql(other.ownerKey, CANCEL, { id }), 'NOT_FOUND');
    expectError(await t.graphql(integrator, LIST, { first: 5 }), 'FORBIDDEN');
    expectError(await t.graphql(ownerKey, LIST, { accountId: other.accountId, first: 5 }), 'NOT_FOUND');
    expectError(await t.graphql(support, LIST, { first: t.config.refundRequestsPageSizeMax + 1 }), 'BAD_USER_INPUT', 'first');
    expect((await t.ok(support, LIST, { first: t.config.refundRequestsPageSizeMax })).refundRequests.length).toBeGreaterThan(0);
    expect((await t.ok(other.ownerKey, LIST, { first: 5 })).refundRequests).toEqual([]);
    expect((await t.ok(ownerKey, LIST, { first: 5 })).refundRequests).toEqual([{ id, status: 'PENDING', amount: '1' }]);
    await t.assertLedger();
  });
});
