// Goal: an account registers alphanumeric sender IDs (format checked, at most senderIdsPerAccountMax: N passes, N+1 refused), support approves or rejects them with a reason (approval debits the first month, a wallet that cannot pay leaves it PENDING), messages from a sender ID that is not approved are refused with SENDER_ID_NOT_APPROVED, and approved ones renew monthly by the numbers' rules (owed while suspended and paid first when funded, grace then cancelled outside suspension, cancelled when the account closes or the owner cancels), each change mailed and sent to webhooks; approvals and cancellations racing end with the ledger intact. Method: the real server on its own PostgreSQL, a ManualClock from 2026-01-31, lifecycle, alert, mail and webhook passes driven by hand, figures over GraphQL and in the database, ledger invariants at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERTS_CONSUMER } from '../../../server/domain/alerts/raise-alerts.service.js';
import { drainOutboxConsumer } from '../../support/waiting.js';
import { runSql } from '../../support/sql.js';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { MAIL_READER_NAME, produceMail } from '../../../server/domain/mail/produce-mail.service.js';
import { renewSenderIds } from '../../../server/domain/sender-ids/renew-sender-ids.service.js';
import { JOBS_BY_HAND, startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app.js';
import { drainWebhookProducer } from '../../support/consumers.js';
import { sql } from '../numbers/numbers-support.js';

const clock = new ManualClock(Date.parse('2026-01-31T10:00:00.000Z'));
const DAY_MS = 86_400_000;
const SENDER_IDS_MAX = 3;
let t: TestApp;
let ratePlanId: string;
let support: string;

const FIELDS = 'id sender status monthlyFee decisionReason periodsPaid renewsAt graceUntil cancelReason';
const REGISTER = `mutation($input: RegisterSenderIdInput!) { registerSenderId(input: $input) { senderId { ${FIELDS} } } }`;
const APPROVE = `mutation($input: DecideSenderIdInput!) { approveSenderId(input: $input) { senderId { ${FIELDS} } } }`;
const REJECT = `mutation($input: DecideSenderIdInput!) { rejectSenderId(input: $input) { senderId { ${FIELDS} } } }`;
const CANCEL = `mutation($id: ID!) { cancelSenderId(id: $id) { senderId { ${FIELDS} } } }`;
const ONE = `query($id: ID!) { senderId(id: $id) { ${FIELDS} } }`;
const PENDING = `{ pendingSenderIds { accountName senderId { id sender status } } }`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { messages { id } } }`;

beforeAll(async () => {
  t = await startTestApp(
    {
      ...JOBS_BY_HAND,
      senderIdsPerAccountMax: SENDER_IDS_MAX,
      senderIdMonthlyMicros: { USD: 5_000_000n },
    },
    { clock },
  );
  ratePlanId = await t.createRatePlan([
    { prefix: '', perMinute: '0.01', firstIncrementSeconds: 60, nextIncrementSeconds: 60, smsPerSegment: '0.01' },
  ]);
  // The operator decides here (SUPPORT's own session is driven in the support console's e2e).
  support = t.adminToken;
});
afterAll(async () => {
  await t?.close();
});

function moveTo(iso: string): void {
  clock.advance(Date.parse(iso) - clock.now());
}

function expectError(response: GraphQLResponse, code: string, extensions: Record<string, unknown> = {}): void {
  expect(response.errors, JSON.stringify(response)).toHaveLength(1);
  expect(response.errors![0]!.extensions).toMatchObject({ code, ...extensions });
}

async function account(balance: string): Promise<{ accountId: string; walletId: string; ownerKey: string }> {
  const created = await t.createAccount('Sender tenant');
  if (balance !== '0') await t.fund(created.walletId, balance);
  await t.ok(
    t.adminToken,
    `mutation($input: UpdateBillingProfileInput!) { updateBillingProfile(input: $input) { billingProfile { email } } }`,
    {
      input: { accountId: created.accountId, email: `billing-${created.accountId.slice(0, 8)}@example.com` },
    },
  );
  return created;
}

async function register(ownerKey: string, walletId: string, sender: string): Promise<any> {
  return (await t.ok(ownerKey, REGISTER, { input: { walletId, sender } })).registerSenderId.senderId;
}

async function one(token: string, id: string): Promise<any> {
  return (await t.ok(token, ONE, { id })).senderId;
}

async function balance(walletId: string): Promise<string> {
  return (await t.ok(t.adminToken, 'query($id: ID!) { wallet(id: $id) { balance } }', { id: walletId })).wallet.balance;
}

async function text(ownerKey: string, walletId: string, from: string): Promise<GraphQLResponse> {
  return t.graphql(ownerKey, SEND, { input: { walletId, ratePlanId, from, to: ['+447700900123'], body: 'Hello' } });
}

async function notify(): Promise<void> {
  await drainOutboxConsumer(
    (text, values) => runSql(t.app.orm.em.fork(), text, values),
    ALERTS_CONSUMER,
    () => t.app.alertProcessor.pass(),
  );
  await drainOutboxConsumer(
    (text, values) => runSql(t.app.orm.em.fork(), text, values),
    MAIL_READER_NAME,
    () => produceMail(t.app.orm.em.fork(), { config: t.config, publicUrl: 'https://app.spendwire.test' }, clock.now()),
  );
  await drainWebhookProducer(t);
}

async function mailKinds(accountId: string): Promise<string[]> {
  return (await sql(t, `select kind from email_message where account_id = $1 and kind like 'SENDER_ID%' order by id`, [accountId])).map(
    (row) => row.kind,
  );
}

async function webhookTypes(accountId: string): Promise<string[]> {
  return (
    await sql(t, `select type from webhook_event where account_id = $1 and type <> 'ALERT_RAISED' order by created_at, type`, [accountId])
  ).map((row) => row.type);
}

const renew = () => renewSenderIds(t.app.orm.em.fork(), t.app.spend.deps, clock.now());

describe('registration, review and messages', () => {
  let a: Awaited<ReturnType<typeof account>>;
  let acme: any;

  it('registers a PENDING sender ID; the format is checked; nothing is charged', async () => {
    a = await account('20');
    await t.ok(a.ownerKey, `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }`, {
      input: {
        url: 'https://example.com/hooks',
        eventTypes: ['SENDER_ID_APPROVED', 'SENDER_ID_REJECTED', 'SENDER_ID_RENEWAL_FAILED', 'SENDER_ID_CANCELLED'],
      },
    });
    acme = await register(a.ownerKey, a.walletId, 'ACME 24');
    expect(acme).toMatchObject({ sender: 'ACME 24', status: 'PENDING', monthlyFee: null, periodsPaid: 0, renewsAt: null });
    for (const bad of ['ABCDEFGHIJKL', '12345', 'Spend-wire', '']) {
      expectError(await t.graphql(a.ownerKey, REGISTER, { input: { walletId: a.walletId, sender: bad } }), 'BAD_USER_INPUT', {
        field: 'sender',
      });
    }
    expectError(await t.graphql(a.ownerKey, REGISTER, { input: { walletId: a.walletId, sender: 'ACME 24' } }), 'INVALID_STATE');
    expect(await balance(a.walletId)).toBe('20');
  });

  it(`holds at most ${SENDER_IDS_MAX} pending or approved sender IDs: ${SENDER_IDS_MAX} pass, one more is LIMIT_EXCEEDED`, async () => {
    await register(a.ownerKey, a.walletId, 'ABCDEFG 123');
    const third = await register(a.ownerKey, a.walletId, 'Third');
    const refused = await t.graphql(a.ownerKey, REGISTER, { input: { walletId: a.walletId, sender: 'Fourth' } });
    expectError(refused, 'LIMIT_EXCEEDED', { limit: 'senderIdsPerAccountMax', max: SENDER_IDS_MAX });
    expect(await sql(t, 'select count(*)::int as n from sender_id where account_id = $1', [a.accountId])).toEqual([{ n: 3 }]);
    // Withdrawing one frees its place.
    expect((await t.ok(a.ownerKey, CANCEL, { id: third.id })).cancelSenderId.senderId).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'CANCELLED_WHILE_PENDING',
    });
    await register(a.ownerKey, a.walletId, 'Fourth');
  });

  it('a message from a sender ID that is not approved is refused with SENDER_ID_NOT_APPROVED, and nothing is held', async () => {
    expectError(await text(a.ownerKey, a.walletId, 'ACME 24'), 'SENDER_ID_NOT_APPROVED', { senderId: 'ACME 24', status: 'PENDING' });
    expectError(await text(a.ownerKey, a.walletId, 'Nobody'), 'SENDER_ID_NOT_APPROVED', { status: 'NOT_REGISTERED' });
    expectError(await text(a.ownerKey, a.walletId, 'Third'), 'SENDER_ID_NOT_APPROVED', { status: 'CANCELLED' });
    expect((await sql(t, 'select reserved_micros::text from wallet where id = $1', [a.walletId]))[0].reserved_micros).toBe('0');
    // A number as the sender needs no approval.
    expect((await text(a.ownerKey, a.walletId, '+15550100001')).errors).toBeUndefined();
  });

  it('support sees the queue, oldest first; the owner may not decide', async () => {
    const queue = (await t.ok(support, PENDING)).pendingSenderIds.filter((row: any) => row.senderId.id === acme.id);
    expect(queue).toEqual([{ accountName: 'Sender tenant', senderId: { id: acme.id, sender: 'ACME 24', status: 'PENDING' } }]);
    expectError(await t.graphql(a.ownerKey, APPROVE, { input: { id: acme.id, reason: 'mine' } }), 'FORBIDDEN');
    expectError(await t.graphql(a.ownerKey, PENDING), 'FORBIDDEN');
    expectError(await t.graphql(support, APPROVE, { input: { id: acme.id, reason: ' ' } }), 'BAD_USER_INPUT', { field: 'reason' });
    expectError(await t.graphql(support, APPROVE, { input: { id: acme.id, reason: 'x'.repeat(501) } }), 'BAD_USER_INPUT', {
      field: 'reason',
    });
  });

  it("support lists one account's sender IDs (the console's account page); a tenant lists only its own", async () => {
    const LIST = `query($a: ID) { senderIds(accountId: $a, first: 20) { edges { node { id accountId sender status } } } }`;
    const other = await account('0');
    const listed = (await t.ok(support, LIST, { a: a.accountId })).senderIds.edges.map((edge: any) => edge.node);
    expect(listed.map((node: any) => node.id)).toContain(acme.id);
    expect(listed.every((node: any) => node.accountId === a.accountId)).toBe(true);
    expect((await t.ok(a.ownerKey, LIST, { a: a.accountId })).senderIds.edges).toHaveLength(listed.length);
    expectError(await t.graphql(other.ownerKey, LIST, { a: a.accountId }), 'NOT_FOUND');
    expectError(await t.graphql(support, LIST, { a: 'not-an-id' }), 'NOT_FOUND');
    expect((await t.ok(support, LIST, { a: other.accountId })).senderIds.edges).toEqual([]);
  });

  it('approval debits the first month and the sender ID may send; a rejection charges nothing', async () => {
    const approved = (await t.ok(support, APPROVE, { input: { id: acme.id, reason: 'Trademark checked' } })).approveSenderId.senderId;
    expect(approved).toMatchObject({
      status: 'APPROVED',
      monthlyFee: '5',
      decisionReason: 'Trademark checked',
      periodsPaid: 1,
      renewsAt: '2026-02-28T10:00:00.000Z',
    });
    expect(await balance(a.walletId)).toBe('15');
    expectError(await t.graphql(support, APPROVE, { input: { id: acme.id, reason: 'again' } }), 'INVALID_STATE');
    expect((await text(a.ownerKey, a.walletId, 'ACME 24')).errors).toBeUndefined();

    const [fourth] = (await t.ok(a.ownerKey, '{ senderIds(status: PENDING) { edges { node { id sender } } } }')).senderIds.edges
      .map((edge: any) => edge.node)
      .filter((node: any) => node.sender === 'Fourth');
    const rejected = (await t.ok(support, REJECT, { input: { id: fourth.id, reason: 'Looks like a carrier name' } })).rejectSenderId
      .senderId;
    expect(rejected).toMatchObject({ status: 'REJECTED', decisionReason: 'Looks like a carrier name', monthlyFee: null });
    expectError(await text(a.ownerKey, a.walletId, 'Fourth'), 'SENDER_ID_NOT_APPROVED', { status: 'REJECTED' });
    expect(await balance(a.walletId)).toBe('15');
    await notify();
    expect(await mailKinds(a.accountId)).toEqual(expect.arrayContaining(['SENDER_ID_APPROVED', 'SENDER_ID_REJECTED']));
    const [mail] = await sql(t, `select subject, body_text from email_message where account_id = $1 and kind = 'SENDER_ID_REJECTED'`, [
      a.accountId,
    ]);
    expect(mail.body_text).toContain('Looks like a carrier name');
    expect(await webhookTypes(a.accountId)).toEqual(
      expect.arrayContaining(['SENDER_ID_APPROVED', 'SENDER_ID_REJECTED', 'SENDER_ID_CANCELLED']),
    );
    await t.assertLedger();
  });

  it('a reason of exactly senderIdReasonLengthMax (500) characters is taken; 501 was refused above', async () => {
    const edge = await register(a.ownerKey, a.walletId, 'Edge');
    const rejected = (await t.ok(support, REJECT, { input: { id: edge.id, reason: 'r'.repeat(500) } })).rejectSenderId.senderId;
    expect(rejected).toMatchObject({ status: 'REJECTED', decisionReason: 'r'.repeat(500) });
  });

  it('a wallet that cannot pay the first month refuses the approval (INSUFFICIENT_FUNDS) and it stays PENDING', async () => {
    const poor = await account('4.99');
    const pending = await register(poor.ownerKey, poor.walletId, 'Poor Co');
    expectError(await t.graphql(support, APPROVE, { input: { id: pending.id, reason: 'ok' } }), 'INSUFFICIENT_FUNDS');
    expect(await one(poor.ownerKey, pending.id)).toMatchObject({ status: 'PENDING', periodsPaid: 0 });
    expect(await balance(poor.walletId)).toBe('4.99');
  });

  it('renews on the approval day (Jan 31 → Feb 28), and the owner may cancel it at once, without refund', async () => {
    moveTo('2026-02-28T10:00:00.000Z');
    await renew();
    expect(await one(a.ownerKey, acme.id)).toMatchObject({ status: 'APPROVED', periodsPaid: 2, renewsAt: '2026-03-31T10:00:00.000Z' });
    expect(await balance(a.walletId)).toBe('10');
    const cancelled = (await t.ok(a.ownerKey, CANCEL, { id: acme.id })).cancelSenderId.senderId;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: 'CANCELLED_BY_CUSTOMER', renewsAt: null });
    expectError(await t.graphql(a.ownerKey, CANCEL, { id: acme.id }), 'INVALID_STATE');
    expectError(await text(a.ownerKey, a.walletId, 'ACME 24'), 'SENDER_ID_NOT_APPROVED', { status: 'CANCELLED' });
    expect(await balance(a.walletId)).toBe('10');
    await t.assertLedger();
  });
});

describe('renewals, suspension, grace and closure', () => {
  let owed: Awaited<ReturnType<typeof account>>;
  let graced: Awaited<ReturnType<typeof account>>;
  let owedId: string;
  let gracedId: string;

  it('2026-02-28: two sender IDs approved; one wallet then runs out and is suspended, the other keeps a little', async () => {
    owed = await account('5');
    graced = await account('6');
    owedId = (await register(owed.ownerKey, owed.walletId, 'Owed')).id;
    gracedId = (await register(graced.ownerKey, graced.walletId, 'Graced')).id;
    for (const id of [owedId, gracedId]) await t.ok(support, APPROVE, { input: { id, reason: 'ok' } });
    await t.app.lifecycle.runOnce();
    expect((await sql(t, 'select status from wallet where id = $1', [owed.walletId]))[0].status).toBe('SUSPENDED');
  });

  it('2026-03-28: the suspended wallet’s sender ID is kept with its renewal owed; the other enters GRACE', async () => {
    moveTo('2026-03-28T10:00:00.000Z');
    await t.app.lifecycle.runOnce();
    expect(await one(owed.ownerKey, owedId)).toMatchObject({
      status: 'RENEWAL_OWED',
      renewsAt: '2026-03-28T10:00:00.000Z',
      graceUntil: null,
    });
    expect(await one(graced.ownerKey, gracedId)).toMatchObject({ status: 'GRACE', graceUntil: '2026-04-04T10:00:00.000Z' });
    // Both may still send (the owed one is refused for the suspension, not the sender ID).
    expectError(await text(owed.ownerKey, owed.walletId, 'Owed'), 'WALLET_SUSPENDED');
  });

  it('funding pays the owed renewal first; a grace that ends cancels the other', async () => {
    moveTo('2026-04-02T10:00:00.000Z');
    await t.fund(owed.walletId, '6');
    await t.app.lifecycle.runOnce();
    expect(await one(owed.ownerKey, owedId)).toMatchObject({ status: 'APPROVED', periodsPaid: 2, renewsAt: '2026-04-28T10:00:00.000Z' });
    expect(await balance(owed.walletId)).toBe('1');
    moveTo('2026-04-04T10:00:00.001Z');
    await t.app.lifecycle.runOnce();
    expect(await one(graced.ownerKey, gracedId)).toMatchObject({ status: 'CANCELLED', cancelReason: 'RENEWAL_FAILED' });
    await notify();
    expect(await mailKinds(graced.accountId)).toEqual(['SENDER_ID_APPROVED', 'SENDER_ID_RENEWAL_FAILED', 'SENDER_ID_CANCELLED']);
    expect(await mailKinds(owed.accountId)).toEqual(['SENDER_ID_APPROVED', 'SENDER_ID_RENEWAL_FAILED']);
    await t.assertLedger();
  });

  it('closing the account cancels its sender IDs', async () => {
    await t.ok(owed.ownerKey, `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }`, {
      input: { walletId: owed.walletId, amount: '1' },
    });
    await t.app.lifecycle.runOnce();
    clock.advance(30 * DAY_MS);
    await t.app.lifecycle.runOnce();
    expect(await one(owed.ownerKey, owedId)).toMatchObject({ status: 'CANCELLED', cancelReason: 'ACCOUNT_CLOSED' });
    await t.assertLedger();
  });
});

describe('races', () => {
  it('approvals, cancellations and renewals at once: each month debited once, a cancelled pending one credited back', async () => {
    const tenants = await Promise.all(Array.from({ length: 5 }, () => account('20')));
    const ids = await Promise.all(tenants.map(async (tenant, i) => (await register(tenant.ownerKey, tenant.walletId, `Race ${i}`)).id));
    await Promise.all(
      ids.flatMap((id, i) => [
        t.graphql(support, APPROVE, { input: { id, reason: 'ok' } }),
        t.graphql(support, APPROVE, { input: { id, reason: 'ok' } }),
        t.graphql(support, REJECT, { input: { id, reason: 'no' } }),
        t.graphql(tenants[i]!.ownerKey, CANCEL, { id }),
      ]),
    );
    for (const [i, id] of ids.entries()) {
      const sender = await one(tenants[i]!.ownerKey, id);
      const debits = await sql(
        t,
        `select count(*)::int as n from wallet_transaction where wallet_id = $1 and description like 'Sender ID%'`,
        [tenants[i]!.walletId],
      );
      const refunds = await sql(
        t,
        `select count(*)::int as n from wallet_transaction where wallet_id = $1 and description like 'Refund of sender ID%'`,
        [tenants[i]!.walletId],
      );
      const charged = sender.periodsPaid >= 1 ? 1 : 0;
      expect(debits[0].n - refunds[0].n, JSON.stringify(sender)).toBe(charged);
      expect(await balance(tenants[i]!.walletId)).toBe(charged ? '15' : '20');
    }
    clock.advance(31 * DAY_MS);
    await Promise.all([renew(), renew(), t.app.lifecycle.runOnce()]);
    await t.assertLedger();
  });
});
