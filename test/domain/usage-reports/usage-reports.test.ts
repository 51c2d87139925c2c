// Goal: the daily and monthly usage reports add up to the ledger (spend by kind, campaign and destination country, balances), are e-mailed through the mail outbox only to users who turned them on, exactly once per period and recipient even when the job runs twice or in two processes at once, and cap their breakdowns at usageReportLinesMax. Method: the real server on its own database with an injected ManualClock started a minute into the real UTC day (the ledger stamps transactions with the database's clock, so both stay on one day), activity made over GraphQL, the report job run by hand across day and month boundaries, the queued mails and the ledger read with SQL.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { queueUsageReports } from '../../../server/domain/usage-reports/queue-usage-reports.service.js';
import { runSql } from '../../support/sql.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const LINES_MAX = 3;
const PASSWORD = 'correct horse battery';
const DAY_MS = 86_400_000;

/**
 * The ledger stamps the file's activity with the database's real clock, and the steps below move
 * the manual clock about five minutes on before "today is not over". Both must stay on one UTC day
 * whatever the time of the run: the manual clock starts a minute into the real day (not at the real
 * time, which near midnight carried it into the next day while the activity stayed on this one), and
 * a run that starts in a day's last two minutes first waits until the database's day has turned.
 */
async function waitForADayOfOurOwn(): Promise<void> {
  const lastMinutesMs = 120_000;
  const nextMidnightMs = Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS;
  if (nextMidnightMs - Date.now() > lastMinutesMs) return;
  const probe = new pg.Client({ connectionString: inject('postgresServerUrl') });
  await probe.connect();
  try {
    for (;;) {
      const { rows } = await probe.query<{ ms: string }>('select (extract(epoch from clock_timestamp()) * 1000)::bigint::text as ms');
      if (Number(rows[0]!.ms) >= nextMidnightMs + 1_000) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await probe.end();
  }
}
await waitForADayOfOurOwn();
const clock = new ManualClock(Math.floor(Date.now() / DAY_MS) * DAY_MS + 60_000);
let t: TestApp;
let ratePlanId: string;

beforeAll(async () => {
  t = await startTestApp(
    {
      billingClockEnabled: false,
      mailEnabled: false,
      usageReportsEnabled: false,
      usageReportLinesMax: LINES_MAX,
      publicUrl: 'https://app.test',
    },
    { clock },
  );
  const data = await t.ok(t.adminToken, `mutation($input: CreateRatePlanInput!) { createRatePlan(input: $input) { ratePlan { id } } }`, {
    input: {
      name: 'Report plan',
      currency: 'USD',
      rates: [
        {
          prefix: '44',
          perMinute: '0.6',
          firstIncrementSeconds: 60,
          nextIncrementSeconds: 60,
          numberPurchase: '1',
          numberMonthly: '2',
          inboundPerMinute: '0.3',
        },
        { prefix: '33', perMinute: '1.2', firstIncrementSeconds: 60, nextIncrementSeconds: 60 },
      ],
    },
  });
  ratePlanId = data.createRatePlan.ratePlan.id;
});
afterAll(async () => {
  await t?.close();
});

const sql = <Row = any>(text: string, values: unknown[] = []) => runSql<Row>(t.app.orm.em.fork(), text, values);

async function createUser(accountId: string): Promise<{ id: string; email: string; cookie: string }> {
  const email = `user-${randomUUID().slice(0, 8)}@example.com`;
  const data = await t.ok(t.adminToken, `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
    input: { accountId, email, name: 'Report Reader', role: 'OWNER', password: PASSWORD },
  });
  const response = await fetch(`${t.url}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  return { id: data.createUser.user.id, email, cookie: response.headers.get('set-cookie')!.split(';')[0]! };
}

async function setPreference(cookie: string, kind: string, email: boolean): Promise<void> {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      query: 'mutation($input: SetNotificationPreferenceInput!) { setNotificationPreference(input: $input) { preference { kind email } } }',
      variables: { input: { kind, email } },
    }),
  });
  expect(((await response.json()) as any).errors).toBeUndefined();
}

/** Lets `seconds` pass in 10-second steps, the billing clock funding the calls up after each. */
async function talk(seconds: number): Promise<void> {
  for (let left = seconds; left > 0; left -= 10) {
    clock.advance(Math.min(10, left) * 1000);
    await t.app.spend.billingClock.runDue();
  }
}

/** Places and hangs up a call of `seconds` on a campaign. */
async function call(token: string, campaignId: string, to: string, seconds: number): Promise<void> {
  const started = await t.ok(token, 'mutation($input: StartCallInput!) { startCall(input: $input) { call { id status } } }', {
    input: { campaignId, to },
  });
  expect(started.startCall.call.status).toBe('ACTIVE');
  await talk(seconds);
  await t.ok(token, 'mutation($input: EndCallInput!) { endCall(input: $input) { call { id } } }', {
    input: { callId: started.startCall.call.id },
  });
}

async function campaign(token: string, walletId: string, name: string): Promise<string> {
  const created = await t.ok(token, 'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }', {
    input: { walletId, ratePlanId, name },
  });
  const id = created.createCampaign.campaign.id;
  await t.ok(token, 'mutation($id: ID!) { startCampaign(id: $id) { campaign { id } } }', { id });
  return id;
}

const REPORT = `query($accountId: ID!, $period: UsagePeriod!, $from: DateTime) {
  usageReport(accountId: $accountId, period: $period, from: $from) { accountId period from to label
    wallets { walletId currency opening closing spent other
      byKind { key label transactions amount } byCampaign { key label amount } byCountry { key label amount } otherByKind { key label amount } } } }`;

const micros = (money: string) => BigInt(Math.round(Number(money) * 1e6));
const sum = (lines: { amount: string }[]) => lines.reduce((total, line) => total + micros(line.amount), 0n);

/** The report job at the clock's time. */
const runJob = () => queueUsageReports(t.app.orm.em.fork(), { config: t.config, publicUrl: 'https://app.test' }, clock.now());

async function mailsOf(accountId: string): Promise<{ recipient: string; kind: string; subject: string; body_text: string }[]> {
  return sql('select recipient, kind, subject, body_text from email_message where account_id = $1 order by id', [accountId]);
}

const startOfNextDayMs = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
};
const startOfNextMonthMs = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
};

describe('usage reports', () => {
  let account: { accountId: string; walletId: string; ownerKey: string };
  let reader: { id: string; email: string; cookie: string };
  let optedOut: { id: string; email: string; cookie: string };
  let silent: { id: string; email: string; cookie: string };
  const todayMs = clock.now();

  it('adds up to the ledger: spend by kind, campaign and country, and the balances', async () => {
    account = await t.createAccount('Acme Reports');
    await t.fund(account.walletId, '100');
    const spring = await campaign(account.ownerKey, account.walletId, 'Spring');
    const autumn = await campaign(account.ownerKey, account.walletId, 'Autumn');
    await call(account.ownerKey, spring, '+447700900001', 90); // 120 s at 0.60: 1.20
    await call(account.ownerKey, autumn, '+33612340001', 30); // 60 s at 1.20: 1.20
    await call(account.ownerKey, autumn, '+33612340002', 61); // 120 s at 1.20: 2.40
    const number = '+447700955501';
    const bought = await t.ok(
      account.ownerKey,
      'mutation($input: PurchaseNumberInput!) { purchaseNumber(input: $input) { phoneNumber { id } } }',
      {
        input: { walletId: account.walletId, ratePlanId, number },
      },
    );
    const inbound = await t.ok(
      account.ownerKey,
      'mutation($input: StartInboundCallInput!) { startInboundCall(input: $input) { call { id } } }',
      {
        input: { numberId: bought.purchaseNumber.phoneNumber.id, from: '+12025550100' },
      },
    );
    await talk(60); // 60 s at 0.30
    await t.ok(account.ownerKey, 'mutation($input: EndCallInput!) { endCall(input: $input) { call { id } } }', {
      input: { callId: inbound.startInboundCall.call.id },
    });

    const report = (
      await t.ok(account.ownerKey, REPORT, { accountId: account.accountId, period: 'DAILY', from: new Date(todayMs).toISOString() })
    ).usageReport;
    expect(report.wallets).toHaveLength(1);
    const wallet = report.wallets[0];
    // The ledger's own figures for the same day.
    const [ledger] = await sql<{ usage: string; other: string; balance: string }>(
      `select coalesce(sum(case when kind in ('CALL','SMS','NUMBER','SUBSCRIPTION','CHARGE') then case type when 'DEBIT' then amount_micros else -amount_micros end end), 0)::text as usage,
              coalesce(sum(case when kind not in ('CALL','SMS','NUMBER','SUBSCRIPTION','CHARGE') then case type when 'CREDIT' then amount_micros else -amount_micros end end), 0)::text as other,
              (select balance_micros from wallet where id = $1)::text as balance
         from wallet_transaction where wallet_id = $1 and created_at >= $2 and created_at < $3`,
      [account.walletId, report.from, report.to],
    );
    expect(micros(wallet.spent)).toBe(BigInt(ledger!.usage));
    expect(micros(wallet.other)).toBe(BigInt(ledger!.other));
    expect(micros(wallet.closing)).toBe(BigInt(ledger!.balance));
    expect(wallet).toMatchObject({ opening: '0', other: '100', spent: '8.1', closing: '91.9' });
    expect(wallet.byKind).toEqual([
      { key: 'CALL', label: 'Calls', transactions: 4, amount: '5.1' },
      { key: 'NUMBER', label: 'Numbers', transactions: 1, amount: '3' },
    ]);
    for (const breakdown of [wallet.byKind, wallet.byCampaign, wallet.byCountry]) expect(sum(breakdown)).toBe(micros(wallet.spent));
    expect(wallet.byCampaign).toEqual([
      { key: autumn, label: 'Autumn', amount: '3.6' },
      { key: null, label: 'No campaign', amount: '3.3' },
      { key: spring, label: 'Spring', amount: '1.2' },
    ]);
    expect(wallet.byCountry).toEqual([
      { key: '44', label: 'United Kingdom (+44)', amount: '4.5' },
      { key: '33', label: 'France (+33)', amount: '3.6' },
    ]);
    // The day before holds none of it.
    const before = (
      await t.ok(account.ownerKey, REPORT, {
        accountId: account.accountId,
        period: 'DAILY',
        from: new Date(todayMs - 86_400_000).toISOString(),
      })
    ).usageReport.wallets[0];
    expect(before).toMatchObject({ opening: '0', closing: '0', spent: '0', byKind: [] });
    // Another tenant may not read it.
    const stranger = await t.createAccount('Stranger');
    const refused = await t.graphql(stranger.ownerKey, REPORT, { accountId: account.accountId, period: 'DAILY' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await t.assertLedger();
  });

  it('mails the day’s report once, after midnight, only to users who turned it on', async () => {
    reader = await createUser(account.accountId);
    optedOut = await createUser(account.accountId);
    silent = await createUser(account.accountId); // never chooses: reports are off by default
    await setPreference(reader.cookie, 'DAILY_USAGE_REPORT', true);
    await setPreference(reader.cookie, 'MONTHLY_USAGE_REPORT', true);
    await setPreference(optedOut.cookie, 'DAILY_USAGE_REPORT', true);
    await setPreference(optedOut.cookie, 'DAILY_USAGE_REPORT', false);

    // Today is not over: yesterday's report is empty, so it is marked without a mail.
    await runJob();
    expect(await mailsOf(account.accountId)).toEqual([]);

    clock.advance(startOfNextDayMs(clock.now()) + 30_000 - clock.now());
    const first = await runJob();
    const second = await runJob();
    expect(second.handled).toBe(0);
    const mails = (await mailsOf(account.accountId)).filter((m) => m.kind === 'DAILY_USAGE_REPORT');
    expect(mails.map((m) => m.recipient)).toEqual([reader.email]);
    expect(first.queued).toBeGreaterThanOrEqual(1);
    const day = new Date(todayMs).toISOString().slice(0, 10);
    expect(mails[0]!.subject).toBe(`Daily usage report for ${day}: $8.10 spent (Acme Reports)`);
    expect(mails[0]!.body_text).toContain('United Kingdom (+44):');
    expect(mails[0]!.body_text).toContain('Autumn:');
    expect(mails[0]!.body_text).toContain('Balance: $0.00 at the start, $91.90 at the end.');
    expect(mails[0]!.body_text).toContain('https://app.test/transactions');
    expect((await mailsOf(account.accountId)).some((m) => m.recipient === silent.email || m.recipient === optedOut.email)).toBe(false);
  });

  it('queues each report exactly once when two processes run the job at the same time', async () => {
    const other = await t.createAccount('Race Co');
    await t.fund(other.walletId, '10');
    const users = await Promise.all([createUser(other.accountId), createUser(other.accountId), createUser(other.accountId)]);
    for (const user of users) await setPreference(user.cookie, 'DAILY_USAGE_REPORT', true);
    // The clock is past midnight already: the day of the funding is the last completed one.
    const [a, b] = await Promise.all([runJob(), runJob()]);
    expect(a.handled + b.handled).toBe(3);
    expect(a.queued + b.queued).toBe(3);
    const daily = (await mailsOf(other.accountId)).filter((m) => m.kind === 'DAILY_USAGE_REPORT');
    expect(daily.map((m) => m.recipient).sort()).toEqual(users.map((u) => u.email.toLowerCase()).sort());
    const markers = await sql<{ n: number }>(
      `select count(*)::int as n from usage_report_mail where account_id = $1 and period = 'DAILY'`,
      [other.accountId],
    );
    expect(markers[0]!.n).toBe(3);
  });

  it('mails the month’s report on the 1st, once, with the month’s totals', async () => {
    clock.advance(startOfNextMonthMs(todayMs) + 60_000 - clock.now());
    await runJob();
    await runJob();
    const monthly = (await mailsOf(account.accountId)).filter((m) => m.kind === 'MONTHLY_USAGE_REPORT');
    expect(monthly.map((m) => m.recipient)).toEqual([reader.email]);
    const month = new Date(todayMs).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    expect(monthly[0]!.subject).toBe(`Monthly usage report for ${month}: $8.10 spent (Acme Reports)`);
    // The daily report of the month's last day went out once as well (empty days are not mailed).
    const daily = (await mailsOf(account.accountId)).filter((m) => m.kind === 'DAILY_USAGE_REPORT');
    expect(new Set(daily.map((m) => m.subject)).size).toBe(daily.length);
  });
});

describe('recipients per pass (usageReportRecipientsPerPassMax)', () => {
  const PER_PASS = 3;
  const pass = () =>
    queueUsageReports(
      t.app.orm.em.fork(),
      { config: { ...t.config, usageReportRecipientsPerPassMax: PER_PASS }, publicUrl: 'https://app.test' },
      clock.now(),
    );

  async function optedInAccount(users: number): Promise<void> {
    const account = await t.createAccount(`Per pass ${users}`);
    for (let i = 0; i < users; i++) await setPreference((await createUser(account.accountId)).cookie, 'MONTHLY_USAGE_REPORT', true);
  }

  it(`handles ${PER_PASS} recipients in one pass, and ${PER_PASS + 1} in two`, async () => {
    while ((await pass()).handled > 0); // whatever earlier tests left due
    await optedInAccount(PER_PASS);
    expect((await pass()).handled).toBe(PER_PASS);
    expect((await pass()).handled).toBe(0);
    await optedInAccount(PER_PASS + 1);
    expect((await pass()).handled).toBe(PER_PASS);
    expect((await pass()).handled).toBe(1);
  });
});

describe('breakdown cap (usageReportLinesMax)', () => {
  async function reportWithCampaigns(count: number) {
    const account = await t.createAccount(`Cap ${count}`);
    await t.fund(account.walletId, '100');
    // Campaign i spends i + 1 minutes of 0.60: every amount differs, so the order is by amount.
    for (let i = 0; i < count; i++) {
      const id = await campaign(account.ownerKey, account.walletId, `Campaign ${i + 1}`);
      await call(account.ownerKey, id, '+447700900100', 60 * i + 30);
    }
    // The ledger stamps transactions with the database's (real) clock: ask for the real day.
    return (await t.ok(account.ownerKey, REPORT, { accountId: account.accountId, period: 'DAILY', from: new Date().toISOString() }))
      .usageReport.wallets[0];
  }

  it(`lists ${LINES_MAX} campaigns by name, and ${LINES_MAX + 1} as ${LINES_MAX - 1} and one line of the others`, async () => {
    const atMax = await reportWithCampaigns(LINES_MAX);
    expect(atMax.byCampaign.map((line: any) => line.label)).toEqual(['Campaign 3', 'Campaign 2', 'Campaign 1']);
    const over = await reportWithCampaigns(LINES_MAX + 1);
    expect(over.byCampaign).toHaveLength(LINES_MAX);
    expect(over.byCampaign.at(-1)).toMatchObject({ key: null, label: '2 other campaigns' });
    expect(sum(over.byCampaign)).toBe(micros(over.spent));
  });
});
