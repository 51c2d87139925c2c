// Goal: alerts and top-up receipts become e-mails a customer understands (exact amounts in the wallet's currency, what to do, a link), to the right people (per-kind preferences, billing e-mail fallback, recipient cap), exactly once per recipient whatever is replayed or raced, with exponential-backoff retries after SMTP refusals and FAILED after the last attempt. Method: the real server on its own database with a real SMTP server in the test process; alerts inserted with SQL (the alert processor's contract), a real sandbox card top-up for the receipt, mail jobs driven by hand on a manual clock.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/domain/calls/clock.js';
import { sendPendingMail } from '../../server/domain/mail/send-mail.service.js';
import { createSmtpTransport } from '../../server/mail/smtp-transport.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { until } from '../support/waiting.js';
import { startSmtpTestServer, type ReceivedMail, type SmtpTestServer } from '../support/smtp-test-server.js';
import { BILLING, settle, sql, topUp } from '../domain/payments/payments-support.js';

const clock = new ManualClock(Date.UTC(2026, 11, 4, 9, 30));
const PUBLIC_URL = 'https://app.spendwire.test';
const PASSWORD = 'correct horse battery';
const RECIPIENTS_MAX = 3;
const ATTEMPTS_MAX = 3;
let t: TestApp;
let smtp: SmtpTestServer;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  t = await startTestApp(
    {
      billingClockEnabled: false,
      smtpUrl: smtp.url,
      publicUrl: PUBLIC_URL,
      mailFrom: 'Spendwire <notifications@spendwire.test>',
      mailRecipientsPerNotificationMax: RECIPIENTS_MAX,
      mailAttemptsMax: ATTEMPTS_MAX,
      mailRetryDelayMs: 30_000,
      mailRetryDelayMsMax: 45_000,
    },
    { clock },
  );
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`;
const SET_PREFERENCE = `mutation($input: SetNotificationPreferenceInput!) { setNotificationPreference(input: $input) { preference { kind email } } }`;

async function createUser(accountId: string, role = 'OWNER'): Promise<{ id: string; email: string }> {
  const email = `user-${randomUUID().slice(0, 8)}@example.com`;
  const data = await t.ok(t.adminToken, CREATE_USER, { input: { accountId, email, name: 'Test User', role, password: PASSWORD } });
  return { id: data.createUser.user.id, email };
}

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${t.url}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

async function setPreference(cookie: string, kind: string, email: boolean): Promise<void> {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query: SET_PREFERENCE, variables: { input: { kind, email } } }),
  });
  const json = (await response.json()) as any;
  expect(json.errors).toBeUndefined();
}

/** An account with one OWNER user; returns its ids and the user's e-mail. */
async function customer(
  name = 'Acme Voice',
  currency = 'USD',
): Promise<{ accountId: string; walletId: string; ownerKey: string; email: string; userId: string }> {
  const account = await t.createAccount(name, currency);
  const user = await createUser(account.accountId);
  return { ...account, email: user.email, userId: user.id };
}

interface AlertInput {
  accountId: string;
  walletId?: string | null;
  kind: string;
  currency?: string | null;
  thresholdMicros?: bigint | null;
  balanceMicros?: bigint | null;
  amountMicros?: bigint | null;
  message?: string;
}

/** Inserts an alert row as the alert processor does; returns its id. */
async function raiseAlert(input: AlertInput): Promise<string> {
  const [row] = await sql<{ id: string }>(
    t,
    `insert into alert (kind, severity, account_id, wallet_id, currency, threshold_micros, balance_micros, amount_micros, message, dedupe_key, raised_at)
     values ($1, 'WARNING', $2, $3, $4, $5, $6, $7, $8, $9, to_timestamp($10 / 1000.0)) returning id::text`,
    [
      input.kind,
      input.accountId,
      input.walletId ?? null,
      input.currency === undefined ? 'USD' : input.currency,
      input.thresholdMicros?.toString() ?? null,
      input.balanceMicros?.toString() ?? null,
      input.amountMicros?.toString() ?? null,
      input.message ?? `${input.kind} happened`,
      randomUUID(),
      clock.now(),
    ],
  );
  return row!.id;
}

/** One pass of the mail jobs (producer, then sender): mails due now are at the SMTP server when it resolves. */
async function runMailJobs(): Promise<Record<string, any>> {
  const results = await t.app.mailJobs.runOnce();
  for (const value of Object.values(results)) if (value instanceof Error) throw value;
  return results;
}

function mailsTo(email: string): ReceivedMail[] {
  return smtp.received.filter((mail) => mail.envelopeTo.includes(email));
}

async function messagesOf(accountId: string): Promise<any[]> {
  return sql(
    t,
    `select id::text, recipient, kind, status, attempts, last_error, source, (extract(epoch from next_attempt_at) * 1000)::float8 as next_attempt_at_ms
       from email_message where account_id = $1 order by id`,
    [accountId],
  );
}

describe('alert mails', () => {
  it('LOW_BALANCE: the threshold and balance exactly, what happens at zero, and a link to top up', async () => {
    const { accountId, walletId, email } = await customer('Acme Voice');
    await raiseAlert({
      accountId,
      walletId,
      kind: 'LOW_BALANCE',
      thresholdMicros: 5_000_000n,
      balanceMicros: 4_998_750n,
      message: 'Balance fell below 5',
    });
    await runMailJobs();
    const [mail, ...others] = mailsTo(email);
    expect(others).toEqual([]);
    expect(mail!.subject).toBe('Low balance: $5.00 left in Acme Voice');
    expect(mail!.from).toBe('Spendwire <notifications@spendwire.test>');
    expect(mail!.to).toBe(email);
    expect(mail!.headers['message-id']).toMatch(/^<email-[0-9]+@spendwire>$/);
    expect(mail!.text).toContain('The balance of the USD wallet of Acme Voice has reached your alert threshold of $5.00: it is now $5.00.');
    expect(mail!.text).toContain('When it reaches $0.00, calls and text messages stop until you add funds.');
    expect(mail!.text).toContain(`Top up now: ${PUBLIC_URL}/top-up`);
    expect(mail!.text).toContain('Details: Balance fell below 5\nWhen: 2026-12-04 09:30 UTC');
    expect(mail!.text).toContain(
      `e-mail for low-balance alerts is on for you in Acme Voice. Change it in Settings: ${PUBLIC_URL}/settings`,
    );
    const [row] = await messagesOf(accountId);
    expect(row).toMatchObject({ recipient: email, kind: 'LOW_BALANCE', status: 'SENT', attempts: 1, last_error: null });
  });

  it.each([
    {
      kind: 'BALANCE_DEPLETED',
      currency: 'EUR',
      alert: { balanceMicros: 0n },
      subject: 'Your balance is €0.00: calls and messages have stopped (Café Ltd)',
      body: [
        'The EUR wallet of Café Ltd has run out: its balance is €0.00.',
        'fund the wallet within 30 days or the account may be closed',
      ],
    },
    {
      kind: 'PAYMENT_FAILED',
      currency: 'GBP',
      alert: { amountMicros: 1_234_500_000n, message: 'Your card was declined (insufficient funds)' },
      subject: 'Your payment of £1,234.50 failed (Café Ltd)',
      body: [
        'Your card payment of £1,234.50 to fund the GBP wallet of Café Ltd did not go through',
        'Details: Your card was declined (insufficient funds)',
      ],
    },
    {
      kind: 'AUTO_RECHARGE_FAILED',
      currency: 'CAD',
      alert: { amountMicros: 25_500_000n, balanceMicros: 1_000_000n },
      subject: 'Automatic recharge of CAD 25.50 failed (Café Ltd)',
      body: ['automatically with CAD 25.50, but the payment did not go through. The balance is CAD 1.00.', `${PUBLIC_URL}/top-up`],
    },
    {
      kind: 'AUTO_RECHARGE_PAUSED',
      currency: 'USD',
      alert: { balanceMicros: 2_000_001n },
      subject: 'Automatic recharge is paused (Café Ltd)',
      body: ['(balance: $2.00)', 'turn auto-recharge back on'],
    },
    {
      kind: 'ACCOUNT_CLOSING',
      currency: 'USD',
      alert: { balanceMicros: 0n, message: 'Account closes on 2027-01-03' },
      subject: 'Café Ltd will be closed soon: fund your wallet to keep your numbers',
      body: ['its phone numbers returned to the pool', 'Details: Account closes on 2027-01-03'],
    },
  ])('$kind: subject "$subject"', async ({ kind, currency, alert, subject, body }) => {
    const { accountId, walletId, email } = await customer('Café Ltd', currency);
    await raiseAlert({ accountId, walletId, kind, currency, ...alert });
    await runMailJobs();
    const mails = mailsTo(email);
    expect(mails.map((mail) => mail.subject)).toEqual([subject]);
    for (const sentence of body) expect(mails[0]!.text).toContain(sentence);
    expect(mails[0]!.text).toContain(`${PUBLIC_URL}/settings`);
  });

  it('does not mail the feed-only kinds, and still reads past them', async () => {
    const { accountId, walletId, email } = await customer();
    for (const kind of ['BALANCE_RECOVERED', 'CALLS_STOPPED', 'WALLET_SUSPENDED', 'BUDGET_REACHED']) {
      await raiseAlert({ accountId, walletId, kind });
    }
    const last = await raiseAlert({ accountId, walletId, kind: 'LOW_BALANCE', thresholdMicros: 5_000_000n, balanceMicros: 1_000_000n });
    await runMailJobs();
    expect(mailsTo(email).map((mail) => mail.subject)).toEqual(['Low balance: $1.00 left in Acme Voice']);
    expect((await messagesOf(accountId)).map((row) => row.source)).toEqual([`alert:${last}`]);
    const [reader] = await sql(t, `select alert_id::text from alert_reader where name = 'mail'`);
    expect(BigInt(reader.alert_id)).toBeGreaterThanOrEqual(BigInt(last));
  });
});

describe('recipients', () => {
  it('mails every active user of the account with the kind on (the default), per kind, and nobody of another account', async () => {
    const { accountId, walletId, email: ownerEmail } = await customer();
    const manager = await createUser(accountId, 'CAMPAIGN_MANAGER');
    const disabled = await createUser(accountId, 'INTEGRATOR');
    await sql(t, `update app_user set disabled_at = now() where id = $1`, [disabled.id]);
    const stranger = await customer('Someone Else');
    await setPreference(await signIn(manager.email), 'LOW_BALANCE', false);

    await raiseAlert({ accountId, walletId, kind: 'LOW_BALANCE', thresholdMicros: 5_000_000n, balanceMicros: 3_000_000n });
    await raiseAlert({ accountId, walletId, kind: 'PAYMENT_FAILED', amountMicros: 10_000_000n });
    await runMailJobs();
    expect(mailsTo(ownerEmail).map((mail) => mail.subject)).toEqual([
      'Low balance: $3.00 left in Acme Voice',
      'Your payment of $10.00 failed (Acme Voice)',
    ]);
    // Off for LOW_BALANCE only: the manager still hears about the failed payment.
    expect(mailsTo(manager.email).map((mail) => mail.subject)).toEqual(['Your payment of $10.00 failed (Acme Voice)']);
    expect(mailsTo(disabled.email)).toEqual([]);
    expect(mailsTo(stranger.email)).toEqual([]);
  });

  it(`mails at most ${RECIPIENTS_MAX} users per notification (mailRecipientsPerNotificationMax), the oldest first`, async () => {
    const { accountId, walletId, email: first } = await customer();
    const second = await createUser(accountId, 'CAMPAIGN_MANAGER');
    const third = await createUser(accountId, 'INTEGRATOR');
    await raiseAlert({ accountId, walletId, kind: 'BALANCE_DEPLETED', balanceMicros: 0n });
    await runMailJobs();
    expect((await messagesOf(accountId)).map((row) => row.recipient)).toEqual([first, second.email, third.email]);

    const fourth = await createUser(accountId, 'CAMPAIGN_MANAGER');
    await raiseAlert({ accountId, walletId, kind: 'BALANCE_DEPLETED', balanceMicros: 0n });
    await runMailJobs();
    const rows = await messagesOf(accountId);
    expect(rows.slice(3).map((row) => row.recipient)).toEqual([first, second.email, third.email]);
    expect(mailsTo(fourth.email)).toEqual([]);
  });

  it('falls back to the billing e-mail of an account without users, and mails nobody when it has neither', async () => {
    const withBilling = await t.createAccount('Billing Only Inc');
    await t.ok(withBilling.ownerKey, BILLING, {
      input: { country: 'US', state: null, vatNumber: null, email: 'Accounts@Billing-Only.example' },
    });
    const nobody = await t.createAccount('Nobody Inc');
    await raiseAlert({ accountId: withBilling.accountId, walletId: withBilling.walletId, kind: 'BALANCE_DEPLETED', balanceMicros: 0n });
    await raiseAlert({ accountId: nobody.accountId, walletId: nobody.walletId, kind: 'BALANCE_DEPLETED', balanceMicros: 0n });
    await runMailJobs();
    const [mail, ...others] = mailsTo('accounts@billing-only.example');
    expect(others).toEqual([]);
    expect(mail!.subject).toBe('Your balance is $0.00: calls and messages have stopped (Billing Only Inc)');
    expect(mail!.text).toContain('at the billing e-mail of Billing Only Inc, which has no dashboard users yet');
    expect(await messagesOf(nobody.accountId)).toEqual([]);
  });
});

describe('top-up receipts', () => {
  it('mails the receipt of a real card top-up: amount, tax, total, card and balance after, exactly', async () => {
    const { accountId, walletId, ownerKey, email } = await customer('Receipts Ltd', 'GBP');
    await t.ok(ownerKey, BILLING, { input: { country: 'GB', state: null, vatNumber: null } });
    const started = await topUp(t, ownerKey, { walletId, amount: '101', paymentMethodId: 'pm_card_visa', idempotencyKey: randomUUID() });
    await settle(t);
    const [settled] = await sql(t, `select receipt_number, status from top_up where id = $1`, [started.id]);
    expect(settled.status).toBe('SUCCEEDED');
    await until('the receipt', async () => {
      await runMailJobs();
      return mailsTo(email).length > 0;
    });
    const [mail, ...others] = mailsTo(email);
    expect(others).toEqual([]);
    expect(mail!.subject).toBe(`Receipt ${settled.receipt_number}: £101.00 added to your wallet (Receipts Ltd)`);
    expect(mail!.text).toContain('Thank you for your payment. £101.00 was added to the GBP wallet of Receipts Ltd.');
    expect(mail!.text).toMatch(new RegExp(`Receipt number: +${settled.receipt_number}\n`));
    expect(mail!.text).toMatch(/Added to wallet: +£101\.00\n/);
    expect(mail!.text).toMatch(/Tax \(VAT 20% \(United Kingdom\)\): +£20\.20\n/);
    expect(mail!.text).toMatch(/Total charged: +£121\.20\n/);
    expect(mail!.text).toMatch(/Paid with: +Visa ending in 4242\n/);
    expect(mail!.text).toMatch(/Balance after: +£101\.00\n/);
    expect(mail!.text).toContain(`${PUBLIC_URL}/transactions`);
    expect((await messagesOf(accountId)).map((row) => [row.kind, row.source])).toEqual([['TOP_UP_RECEIPT', `top_up:${started.id}`]]);
  });
});

describe('exactly once', () => {
  it('a replayed alert or outbox row never mails anyone twice', async () => {
    const { accountId, walletId, ownerKey, email } = await customer('Replay Co');
    await raiseAlert({ accountId, walletId, kind: 'LOW_BALANCE', thresholdMicros: 5_000_000n, balanceMicros: 4_000_000n });
    await topUp(t, ownerKey, { walletId, amount: '20', paymentMethodId: 'pm_card_visa', idempotencyKey: randomUUID() });
    await settle(t);
    // The receipt comes from the outbox, which one pass may read short of (it reads below the oldest running transaction).
    await until('the alert mail and the receipt', async () => {
      await runMailJobs();
      return mailsTo(email).length >= 2;
    });
    expect(mailsTo(email)).toHaveLength(2);
    // Rewind both positions to the start: everything is read again.
    await sql(t, `update alert_reader set alert_id = 0 where name = 'mail'`);
    await sql(t, `update outbox_consumer set tx_id = '0'::xid8, event_id = 0 where name = 'mail'`);
    const results = await runMailJobs();
    expect(results.mailProducer.alerts).toBeGreaterThan(0);
    expect(results.mailProducer.outboxRows).toBeGreaterThan(0);
    expect(results.mailProducer.queued).toBe(0);
    expect(mailsTo(email)).toHaveLength(2);
    expect(await messagesOf(accountId)).toHaveLength(2);
  });

  it('four concurrent senders send each of 30 mails once (FOR UPDATE SKIP LOCKED)', async () => {
    const { accountId, walletId, email } = await customer('Race Co');
    for (let index = 0; index < 30; index++)
      await raiseAlert({ accountId, walletId, kind: 'LOW_BALANCE', thresholdMicros: 5_000_000n, balanceMicros: BigInt(index) });
    const produced = await t.app.mailJobs.runOnce().then(() => messagesOf(accountId));
    // The pass above sent the first batch; the rest is for the racing senders.
    const pendingBefore = produced.filter((row) => row.status === 'PENDING').length;
    expect(pendingBefore).toBe(30 - t.config.mailSendBatchSize);
    const transport = createSmtpTransport({ url: smtp.url, from: t.config.mailFrom, timeoutMs: 5_000 });
    const deps = { config: { ...t.config, mailSendBatchSize: 4 }, transport, now: () => clock.now() };
    const sender = async () => {
      let sent = 0;
      for (;;) {
        const result = await sendPendingMail(t.app.orm.em.fork(), deps);
        sent += result.sent;
        if (result.sent + result.retried + result.failed === 0) return sent;
      }
    };
    const sentBySender = await Promise.all([sender(), sender(), sender(), sender()]);
    transport.close();
    expect(sentBySender.reduce((sum, sent) => sum + sent, 0)).toBe(pendingBefore);
    const mails = mailsTo(email);
    expect(mails).toHaveLength(30);
    expect(new Set(mails.map((mail) => mail.headers['message-id'])).size).toBe(30);
    const rows = await messagesOf(accountId);
    expect(rows.every((row) => row.status === 'SENT' && row.attempts === 1)).toBe(true);
  });
});

describe('retries', () => {
  it('retries after SMTP refusals with a doubling, capped delay, then sends once', async () => {
    const { accountId, walletId, email } = await customer('Retry Co');
    await raiseAlert({ accountId, walletId, kind: 'PAYMENT_FAILED', amountMicros: 15_000_000n });
    smtp.refuseNext(2, 451, 'Mailbox busy, try again later');
    const startMs = clock.now();
    await runMailJobs();
    let [row] = await messagesOf(accountId);
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(row.last_error).toContain('451');
    expect(row.last_error).toContain('Mailbox busy');
    expect(row.next_attempt_at_ms).toBe(startMs + 30_000);

    clock.advance(29_999);
    await runMailJobs();
    [row] = await messagesOf(accountId);
    expect(row.attempts).toBe(1);
    clock.advance(1);
    await runMailJobs();
    [row] = await messagesOf(accountId);
    // Doubled to 60 s, capped at mailRetryDelayMsMax (45 s).
    expect(row).toMatchObject({ status: 'PENDING', attempts: 2 });
    expect(row.next_attempt_at_ms).toBe(clock.now() + 45_000);
    expect(mailsTo(email)).toEqual([]);

    clock.advance(45_000);
    await runMailJobs();
    [row] = await messagesOf(accountId);
    expect(row).toMatchObject({ status: 'SENT', attempts: 3, last_error: null });
    expect(mailsTo(email).map((mail) => mail.subject)).toEqual(['Your payment of $15.00 failed (Retry Co)']);
  });

  it(`is FAILED with the last error after ${ATTEMPTS_MAX} attempts (mailAttemptsMax), and never tried again`, async () => {
    const { accountId, walletId, email } = await customer('Bounce Co');
    await raiseAlert({ accountId, walletId, kind: 'LOW_BALANCE', thresholdMicros: 5_000_000n, balanceMicros: 1n });
    smtp.refuseNext(ATTEMPTS_MAX, 550, 'No such user here');
    await runMailJobs();
    for (let attempt = 2; attempt <= ATTEMPTS_MAX; attempt++) {
      const [row] = await messagesOf(accountId);
      expect(row).toMatchObject({ status: 'PENDING', attempts: attempt - 1 });
      clock.advance(45_000);
      await runMailJobs();
    }
    let [row] = await messagesOf(accountId);
    expect(row).toMatchObject({ status: 'FAILED', attempts: ATTEMPTS_MAX });
    expect(row.last_error).toContain('550');
    expect(row.last_error).toContain('No such user here');
    const attemptsSeen = smtp.attempts;
    clock.advance(3_600_000);
    await runMailJobs();
    [row] = await messagesOf(accountId);
    expect(row).toMatchObject({ status: 'FAILED', attempts: ATTEMPTS_MAX });
    expect(smtp.attempts).toBe(attemptsSeen);
    expect(mailsTo(email)).toEqual([]);
  });
});
