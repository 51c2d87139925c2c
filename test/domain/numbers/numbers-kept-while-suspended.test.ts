// Goal: under NUMBERS_WHILE_SUSPENDED=keep (the default) a number whose renewal falls while its wallet is suspended is kept with the renewal owed (RENEWAL_OWED, amount and since), funding pays owed renewals first (oldest first, all or nothing per number, several months in one debit), closing the account releases them, and the owner is mailed and webhooks are sent for renewal failures and releases; funding racing the renewal jobs charges each month once. Method: the real server on its own PostgreSQL, a ManualClock walked from 2026-01-31 across month ends, the lifecycle, alert, mail and webhook passes driven by hand, figures read over GraphQL and in the database, ledger invariants at the end. The steps share one timeline and run in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERTS_CONSUMER } from '../../../server/domain/alerts/raise-alerts.service.js';
import { drainOutboxConsumer } from '../../support/waiting.js';
import { runSql } from '../../support/sql.js';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { MAIL_READER_NAME, produceMail } from '../../../server/domain/mail/produce-mail.service.js';
import { payOwedNumberRenewals, renewNumbers } from '../../../server/domain/numbers/renew-numbers.service.js';
import { JOBS_BY_HAND, startTestApp, type TestApp } from '../../support/test-app.js';
import { drainWebhookProducer } from '../../support/consumers.js';
import { createNumberPlan, purchase, sql, tenant, wallet } from './numbers-support.js';

const clock = new ManualClock(Date.parse('2026-01-31T10:00:00.000Z'));
const DAY_MS = 86_400_000;
let t: TestApp;
let plan: string;

type Tenant = Awaited<ReturnType<typeof tenant>>;
/** Two numbers bought on different days, both owed while suspended; funded once for one, then for the other. */
let k: Tenant;
let k1: any;
let k2: any;
/** One number owed two months (Feb 28 and Mar 31), paid in one debit. */
let m: Tenant;
let m1: any;
/** Left unfunded: its account is closed and its owed number released. */
let c: Tenant;
let c1: any;

const OWED_FIELDS = `query($id: ID!) { phoneNumber(id: $id) { id status periodsPaid renewsAt graceUntil owedAmount owedSince releaseReason } }`;

beforeAll(async () => {
  t = await startTestApp(
    {
      ...JOBS_BY_HAND,
      // Long enough for a number to owe two months (Feb 28 and Mar 31) before its account closes.
      accountCloseAfterDays: 60,
    },
    { clock },
  );
  plan = await createNumberPlan(t, [{ prefix: '44', numberPurchase: '1', numberMonthly: '2' }]);
});
afterAll(async () => {
  await t?.close();
});

function moveTo(iso: string): void {
  clock.advance(Date.parse(iso) - clock.now());
}

const lifecycle = () => t.app.lifecycle.runOnce();

async function owed(token: string, id: string): Promise<any> {
  return (await t.ok(token, OWED_FIELDS, { id })).phoneNumber;
}

async function walletStatus(walletId: string): Promise<string> {
  return (await sql(t, 'select status from wallet where id = $1', [walletId]))[0].status;
}

async function drain(token: string, walletId: string, amount: string): Promise<void> {
  await t.ok(token, `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }`, { input: { walletId, amount } });
}

/** Runs the alert processor, the mail producer and the webhook producer until each has read the whole outbox. */
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

async function mails(accountId: string, kind: string): Promise<{ subject: string; body_text: string }[]> {
  return sql(t, 'select subject, body_text from email_message where account_id = $1 and kind = $2 order by id', [accountId, kind]);
}

async function webhookEvents(accountId: string, type: string): Promise<any[]> {
  const rows = await sql(t, 'select body from webhook_event where account_id = $1 and type = $2 order by created_at', [accountId, type]);
  return rows.map((row) => JSON.parse(row.body));
}

async function owner(accountId: string): Promise<void> {
  await t.ok(
    t.adminToken,
    `mutation($input: UpdateBillingProfileInput!) { updateBillingProfile(input: $input) { billingProfile { email } } }`,
    {
      input: { accountId, email: `billing-${accountId.slice(0, 8)}@example.com` },
    },
  );
}

describe('numbers kept while the wallet is suspended', () => {
  it('2026-01-31: numbers bought, wallets run out and are suspended', async () => {
    k = await tenant(t, '3');
    m = await tenant(t, '3');
    c = await tenant(t, '3');
    for (const account of [k, m, c]) await owner(account.accountId);
    await t.ok(k.ownerKey, `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }`, {
      input: { url: 'https://example.com/hooks', eventTypes: ['NUMBER_RENEWAL_FAILED', 'NUMBER_RELEASED'] },
    });
    await t.ok(c.ownerKey, `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }`, {
      input: { url: 'https://example.com/hooks', eventTypes: ['NUMBER_RELEASED'] },
    });
    k1 = await purchase(t, k.ownerKey, { walletId: k.walletId, ratePlanId: plan, number: '+447700500001' });
    m1 = await purchase(t, m.ownerKey, { walletId: m.walletId, ratePlanId: plan, number: '+447700500002' });
    c1 = await purchase(t, c.ownerKey, { walletId: c.walletId, ratePlanId: plan, number: '+447700500003' });
    expect(k1.renewsAt).toBe('2026-02-28T10:00:00.000Z');
    await lifecycle();
    for (const account of [k, m, c]) expect(await walletStatus(account.walletId)).toBe('SUSPENDED');
  });

  it('2026-02-10: K funds, buys a second number and runs out again', async () => {
    moveTo('2026-02-10T10:00:00.000Z');
    await t.fund(k.walletId, '4');
    k2 = await purchase(t, k.ownerKey, { walletId: k.walletId, ratePlanId: plan, number: '+447700500004' });
    await drain(k.ownerKey, k.walletId, '1');
    await lifecycle();
    expect(await walletStatus(k.walletId)).toBe('SUSPENDED');
    expect(k2.renewsAt).toBe('2026-03-10T10:00:00.000Z');
  });

  it('2026-02-28 10:00 (Jan 31 clamped to Feb 28): renewals falling while suspended are kept and owed, not graced', async () => {
    moveTo('2026-02-28T09:59:59.999Z');
    await lifecycle();
    expect((await owed(k.ownerKey, k1.id)).status).toBe('ACTIVE');
    moveTo('2026-02-28T10:00:00.000Z');
    await lifecycle();
    for (const [account, number] of [
      [k, k1],
      [m, m1],
      [c, c1],
    ] as const) {
      expect(await owed(account.ownerKey, number.id)).toMatchObject({
        status: 'RENEWAL_OWED',
        periodsPaid: 1,
        renewsAt: '2026-02-28T10:00:00.000Z',
        owedSince: '2026-02-28T10:00:00.000Z',
        owedAmount: '2',
        graceUntil: null,
      });
    }
    // A pass while still suspended changes nothing (no second alert either).
    expect(await renewNumbers(t.app.orm.em.fork(), t.app.spend.deps, clock.now())).toEqual({ renewed: 0, graced: 0, owed: 0, released: 0 });
    // Nobody else can buy an owed number.
    const other = await tenant(t, '10');
    const refused = await t.graphql(
      other.ownerKey,
      `mutation($input: PurchaseNumberInput!) { purchaseNumber(input: $input) { phoneNumber { id } } }`,
      {
        input: { walletId: other.walletId, ratePlanId: plan, number: k1.number },
      },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBeDefined();
  });

  it('the owner is e-mailed and the webhook gets NUMBER_RENEWAL_FAILED', async () => {
    await notify();
    const [mail] = await mails(k.accountId, 'NUMBER_RENEWAL_FAILED');
    expect(mail?.subject).toContain('renewal of $2.00 could not be paid');
    expect(mail?.body_text).toContain('+447700500001');
    expect(mail?.body_text).toContain('kept');
    const [event] = await webhookEvents(k.accountId, 'NUMBER_RENEWAL_FAILED');
    expect(event.data).toMatchObject({ kind: 'NUMBER_RENEWAL_FAILED', amount: '2', walletId: k.walletId });
    // C's endpoint is not subscribed to renewal failures.
    expect(await webhookEvents(c.accountId, 'NUMBER_RENEWAL_FAILED')).toHaveLength(0);
  });

  it('2026-03-10: K’s second number is owed too', async () => {
    moveTo('2026-03-10T10:00:00.000Z');
    await lifecycle();
    expect(await owed(k.ownerKey, k2.id)).toMatchObject({ status: 'RENEWAL_OWED', owedSince: '2026-03-10T10:00:00.000Z', owedAmount: '2' });
  });

  it('2026-03-11: funding pays the oldest owed renewal first; the one it cannot pay in full stays owed', async () => {
    moveTo('2026-03-11T10:00:00.000Z');
    await t.fund(k.walletId, '3');
    await lifecycle();
    expect(await owed(k.ownerKey, k1.id)).toMatchObject({
      status: 'ACTIVE',
      periodsPaid: 2,
      renewsAt: '2026-03-31T10:00:00.000Z',
      owedAmount: null,
      owedSince: null,
    });
    expect(await owed(k.ownerKey, k2.id)).toMatchObject({ status: 'RENEWAL_OWED', periodsPaid: 1, owedAmount: '2' });
    const view = await wallet(t, k.ownerKey, k.walletId);
    expect(view.balance).toBe('1');
    expect(view.transactions[0]).toMatchObject({ kind: 'NUMBER', amount: '2', description: 'Number +447700500001 month 2' });
    // The wallet has money again: it is reactivated, and the number it could not pay is still kept.
    expect(await walletStatus(k.walletId)).toBe('ACTIVE');
    await lifecycle();
    expect((await owed(k.ownerKey, k2.id)).status).toBe('RENEWAL_OWED');
  });

  it('2026-03-12: the next credit pays it, all at once', async () => {
    moveTo('2026-03-12T10:00:00.000Z');
    await t.fund(k.walletId, '1');
    await lifecycle();
    expect(await owed(k.ownerKey, k2.id)).toMatchObject({ status: 'ACTIVE', periodsPaid: 2, renewsAt: '2026-04-10T10:00:00.000Z' });
    expect((await wallet(t, k.ownerKey, k.walletId)).balance).toBe('0');
    await t.assertLedger();
  });

  it('2026-03-31: a number owed since Feb 28 owes two months; one credit pays both in one debit', async () => {
    moveTo('2026-03-31T10:00:00.000Z');
    await lifecycle();
    expect(await owed(m.ownerKey, m1.id)).toMatchObject({ status: 'RENEWAL_OWED', owedSince: '2026-02-28T10:00:00.000Z', owedAmount: '4' });
    // 3 cannot pay 4: all or nothing, nothing is debited.
    await t.fund(m.walletId, '3');
    expect(await payOwedNumberRenewals(t.app.orm.em.fork(), t.app.spend.deps, clock.now())).toEqual({
      renewed: 0,
      graced: 0,
      owed: 0,
      released: 0,
    });
    expect((await wallet(t, m.ownerKey, m.walletId)).balance).toBe('3');
    await t.fund(m.walletId, '1');
    await lifecycle();
    expect(await owed(m.ownerKey, m1.id)).toMatchObject({ status: 'ACTIVE', periodsPaid: 3, renewsAt: '2026-04-30T10:00:00.000Z' });
    const view = await wallet(t, m.ownerKey, m.walletId);
    expect(view.balance).toBe('0');
    expect(view.transactions[0]).toMatchObject({
      kind: 'NUMBER',
      amount: '4',
      description: 'Number +447700500002 months 2–3 (owed while the wallet was suspended)',
    });
  });

  it('2026-04-01 (60 days after it ran out): the unfunded account is closed and its owed number released, mailed and sent to the webhook', async () => {
    // C was suspended on 2026-01-31 10:00; it closes 60 days later.
    moveTo('2026-04-01T09:59:59.999Z');
    await lifecycle();
    expect((await owed(c.ownerKey, c1.id)).status).toBe('RENEWAL_OWED');
    moveTo('2026-04-01T10:00:00.000Z');
    await lifecycle();
    expect(await owed(c.ownerKey, c1.id)).toMatchObject({ status: 'RELEASED', releaseReason: 'ACCOUNT_CLOSED' });
    await notify();
    const [mail] = await mails(c.accountId, 'NUMBER_RELEASED');
    expect(mail?.subject).toContain('was released');
    expect(mail?.body_text).toContain('+447700500003');
    const [event] = await webhookEvents(c.accountId, 'NUMBER_RELEASED');
    expect(event.data).toMatchObject({ kind: 'NUMBER_RELEASED' });
    expect(await mails(k.accountId, 'NUMBER_RELEASED')).toHaveLength(0);
    await t.assertLedger();
  });

  it('outside suspension the old rule stands: a renewal the wallet cannot pay goes to GRACE, then the number is released', async () => {
    const g = await tenant(t, '4');
    await owner(g.accountId);
    const g1 = await purchase(t, g.ownerKey, { walletId: g.walletId, ratePlanId: plan, number: '+447700500005' });
    await lifecycle();
    expect(await walletStatus(g.walletId)).toBe('ACTIVE');
    moveTo('2026-05-01T10:00:00.000Z');
    await renewNumbers(t.app.orm.em.fork(), t.app.spend.deps, clock.now());
    expect(await owed(g.ownerKey, g1.id)).toMatchObject({ status: 'GRACE', graceUntil: '2026-05-08T10:00:00.000Z', owedAmount: null });
    clock.advance(7 * DAY_MS + 1);
    await renewNumbers(t.app.orm.em.fork(), t.app.spend.deps, clock.now());
    expect(await owed(g.ownerKey, g1.id)).toMatchObject({ status: 'RELEASED', releaseReason: 'RENEWAL_FAILED' });
    await notify();
    expect(await mails(g.accountId, 'NUMBER_RENEWAL_FAILED')).toHaveLength(1);
    expect(await mails(g.accountId, 'NUMBER_RELEASED')).toHaveLength(1);
    await t.assertLedger();
  });
});

describe('funding racing the renewal jobs', () => {
  it('credits and renewal passes at once pay every owed month exactly once', async () => {
    const accounts: { account: Tenant; number: any }[] = [];
    for (let i = 0; i < 6; i++) {
      const account = await tenant(t, '3');
      const number = await purchase(t, account.ownerKey, { walletId: account.walletId, ratePlanId: plan, number: `+4477006000${10 + i}` });
      accounts.push({ account, number });
    }
    await lifecycle();
    clock.advance(31 * DAY_MS);
    await lifecycle();
    for (const { account, number } of accounts) expect((await owed(account.ownerKey, number.id)).status).toBe('RENEWAL_OWED');
    const deps = t.app.spend.deps;
    await Promise.all([
      ...accounts.map(({ account }) => t.fund(account.walletId, '2')),
      ...accounts.map(({ account }) => t.fund(account.walletId, '1')),
      payOwedNumberRenewals(t.app.orm.em.fork(), deps, clock.now()),
      renewNumbers(t.app.orm.em.fork(), deps, clock.now()),
      payOwedNumberRenewals(t.app.orm.em.fork(), deps, clock.now()),
      lifecycle(),
      renewNumbers(t.app.orm.em.fork(), deps, clock.now()),
    ]);
    await lifecycle();
    for (const { account, number } of accounts) {
      expect(await owed(account.ownerKey, number.id)).toMatchObject({ status: 'ACTIVE', periodsPaid: 2 });
      const view = await wallet(t, account.ownerKey, account.walletId);
      expect(view.balance).toBe('1');
      expect(view.transactions.filter((tx) => tx.kind === 'NUMBER' && tx.description.endsWith('month 2'))).toHaveLength(1);
    }
    await t.assertLedger();
  });
});
