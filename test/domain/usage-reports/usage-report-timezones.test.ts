// Goal: an account's daily report is for its own local day and goes out only once that day has ended there (Los Angeles ends its day hours after UTC, Kolkata hours before), names its timezone, and across a daylight-saving change the job's day is 23 hours long. Method: the real server with an injected ManualClock started at the real time (the ledger stamps transactions with the database's clock), accounts set to each timezone over the API, the report job run by hand just before and just after each local midnight (found independently with Intl), the queued mails and sent-markers read with SQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { queueUsageReports } from '../../../server/domain/usage-reports/queue-usage-reports.service.js';
import { runSql } from '../../support/sql.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const PASSWORD = 'correct horse battery';
const clock = new ManualClock(Date.now());
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp(
    { billingClockEnabled: false, mailEnabled: false, usageReportsEnabled: false, publicUrl: 'https://app.test' },
    { clock },
  );
});
afterAll(async () => {
  await t?.close();
});

const sql = <Row = Record<string, unknown>>(text: string, values: unknown[] = []) => runSql<Row>(t.app.orm.em.fork(), text, values);
const runJob = () => queueUsageReports(t.app.orm.em.fork(), { config: t.config, publicUrl: 'https://app.test' }, clock.now());
/** Moves the clock to `ms` (forward only). */
const moveTo = (ms: number) => clock.advance(ms - clock.now());

/** The local date (YYYY-MM-DD) of `ms` in `zone`, by ICU. */
function localDate(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

/** `zone`'s offset from UTC at `ms`, in milliseconds (ICU's "GMT-08:00"). */
function offsetMs(ms: number, zone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(ms)
    .find((part) => part.type === 'timeZoneName')!.value;
  const match = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name)!;
  return match[1] ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000 : 0;
}

/** The first local midnight in `zone` after `ms`. */
function nextLocalMidnight(ms: number, zone: string): number {
  const [year, month, day] = localDate(ms, zone).split('-').map(Number) as [number, number, number];
  const wallMidnight = Date.UTC(year, month - 1, day + 1);
  // The offset in force at that midnight: take it at a guess, then at the instant the guess names.
  const guess = wallMidnight - offsetMs(wallMidnight, zone);
  return wallMidnight - offsetMs(guess, zone);
}

/** An account in `zone` (set over the API) with one owner who turned the daily report on, funded now. */
async function accountIn(zone: string): Promise<{ accountId: string }> {
  const account = await t.createAccount(`Reports ${zone}`);
  const set = await t.ok(account.ownerKey, 'mutation($timezone: String!) { setAccountTimezone(timezone: $timezone) { timezone } }', {
    timezone: zone,
  });
  expect(set.setAccountTimezone.timezone).toBe(zone);
  const email = `user-${randomUUID().slice(0, 8)}@example.com`;
  await t.ok(t.adminToken, `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
    input: { accountId: account.accountId, email, name: 'Report Reader', role: 'OWNER', password: PASSWORD },
  });
  const signIn = await fetch(`${t.url}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      query: 'mutation($input: SetNotificationPreferenceInput!) { setNotificationPreference(input: $input) { preference { kind } } }',
      variables: { input: { kind: 'DAILY_USAGE_REPORT', email: true } },
    }),
  });
  expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
  await t.fund(account.walletId, '12');
  return { accountId: account.accountId };
}

async function dailyMails(accountId: string): Promise<{ subject: string; body_text: string }[]> {
  return sql(`select subject, body_text from email_message where account_id = $1 and kind = 'DAILY_USAGE_REPORT' order by id`, [accountId]);
}

/** The period starts of an account's daily sent-markers, ISO, oldest first. */
async function dailyMarkers(accountId: string): Promise<string[]> {
  const rows = await sql<{ start_ms: number }>(
    `select (extract(epoch from period_start) * 1000)::float8 as start_ms from usage_report_mail
      where account_id = $1 and period = 'DAILY' order by period_start`,
    [accountId],
  );
  return rows.map((row) => new Date(row.start_ms).toISOString());
}

describe("daily reports in the account's timezone", () => {
  it('Los Angeles and Kolkata each get the report of their own local day, only after their own midnight', async () => {
    const zones = ['America/Los_Angeles', 'Asia/Kolkata'];
    const accounts = new Map<string, string>();
    for (const zone of zones) accounts.set(zone, (await accountIn(zone)).accountId);
    const [now] = await sql<{ now_ms: number }>('select (extract(epoch from now()) * 1000)::float8 as now_ms');
    const fundedAtMs = now!.now_ms;
    // Each local day of the funding ends at its own midnight; take them in the order they come.
    const ends = zones.map((zone) => ({ zone, endMs: nextLocalMidnight(fundedAtMs, zone) })).sort((a, b) => a.endMs - b.endMs);
    for (const { zone, endMs } of ends) {
      const accountId = accounts.get(zone)!;
      moveTo(Math.max(clock.now(), endMs - 1));
      await runJob();
      expect(await dailyMails(accountId), `${zone} before its midnight`).toEqual([]);
      moveTo(endMs + 1);
      await runJob();
      await runJob();
      const mails = await dailyMails(accountId);
      expect(mails, `${zone} after its midnight`).toHaveLength(1);
      expect(mails[0]!.subject).toMatch(new RegExp(`^Daily usage report for ${localDate(fundedAtMs, zone)}: `));
      expect(mails[0]!.body_text).toContain(`(${zone})`);
      expect(mails[0]!.body_text).toContain('Balance: $0.00 at the start, $12.00 at the end.');
      // The marker names the local day's first instant.
      const markers = await dailyMarkers(accountId);
      expect(markers.at(-1)).toBe(new Date(nextLocalMidnight(endMs - 36 * 3_600_000, zone)).toISOString());
    }
    // The report on demand names the same day and zone.
    const report = await t.ok(
      t.adminToken,
      `query($accountId: ID!) { usageReport(accountId: $accountId, period: DAILY) { from to label timeZone } }`,
      { accountId: accounts.get('Asia/Kolkata') },
    );
    expect(report.usageReport.timeZone).toBe('Asia/Kolkata');
    expect(new Date(report.usageReport.to).getTime() - new Date(report.usageReport.from).getTime()).toBe(24 * 3_600_000);
  });

  it('across the spring-forward change in Los Angeles the day is 23 hours: its report waits for 07:00 UTC, not 08:00', async () => {
    const { accountId } = await accountIn('America/Los_Angeles');
    // 2027-03-14: clocks go from 02:00 PST to 03:00 PDT. The day began 08:00 UTC and ends 07:00 UTC the next day.
    moveTo(Date.parse('2027-03-15T06:59:59.999Z'));
    await runJob();
    expect((await dailyMarkers(accountId)).at(-1)).toBe('2027-03-13T08:00:00.000Z');
    moveTo(Date.parse('2027-03-15T07:00:00.000Z'));
    await runJob();
    expect((await dailyMarkers(accountId)).at(-1)).toBe('2027-03-14T08:00:00.000Z');
    const report = await t.ok(
      t.adminToken,
      `query($accountId: ID!) { usageReport(accountId: $accountId, period: DAILY) { from to label timeZone } }`,
      { accountId },
    );
    expect(report.usageReport).toEqual({
      from: '2027-03-14T08:00:00.000Z',
      to: '2027-03-15T07:00:00.000Z',
      label: '2027-03-14',
      timeZone: 'America/Los_Angeles',
    });
  });
});
