// Goal: a wallet's monthly statement adds up (opening + credits − debits = closing), equals the journal at the month's bounds (midnights in the account's timezone, across daylight-saving changes too), groups movements by kind, downloads as PDF and CSV for the wallet's own callers only, and refuses months it cannot give (malformed, future, older than the limit: N months back passes, N+1 is refused). Method: the real server on a manual clock set two months after the database's clock, so the movements made now fall in a past month and the next month opens on their result; figures compared with the wallet's balance and journal; PDF read back with pdf-parse.
import { randomUUID } from 'node:crypto';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { expectError, sql } from '../payments/payments-support.js';

const MONTHS_BACK_MAX = 120;
const clock = new ManualClock(0);
let t: TestApp;
/** The month the database's now() is in, and the two after it (the clock's). */
let movementsMonth: string;
let nextMonth: string;
let clockMonth: string;

const monthOf = (year: number, monthIndex: number) => {
  const date = new Date(Date.UTC(year, monthIndex, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
};

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false }, { clock });
  const [{ now_ms: nowMs }] = await sql(t, 'select (extract(epoch from now()) * 1000)::float8 as now_ms');
  const now = new Date(nowMs);
  movementsMonth = monthOf(now.getUTCFullYear(), now.getUTCMonth());
  nextMonth = monthOf(now.getUTCFullYear(), now.getUTCMonth() + 1);
  clockMonth = monthOf(now.getUTCFullYear(), now.getUTCMonth() + 2);
  clock.advance(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 10, 12));
});
afterAll(async () => {
  await t?.close();
});

const STATEMENT = `query($walletId: ID!, $month: String!) { statement(walletId: $walletId, month: $month) {
  walletId month currency timeZone periodStart periodEnd openingBalance totalCredits totalDebits closingBalance pdfUrl csvUrl
  credits { kind amount transactions } debits { kind amount transactions } } }`;
const CHARGE = `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }`;
const GRANT = `mutation($input: GrantCreditInput!) { grantCredit(input: $input) { transaction { id } } }`;
const BALANCE = `query($id: ID!) { wallet(id: $id) { balance } }`;

async function download(path: string, token: string | null): Promise<{ status: number; type: string | null; body: Buffer }> {
  const response = await fetch(`${t.url}${path}`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } });
  return { status: response.status, type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) };
}

describe('monthly statements', () => {
  it('opening + credits − debits = closing, by kind, equal to the journal; the next month opens where it closed', async () => {
    const { walletId, ownerKey } = await t.createAccount('Statement Ltd', 'EUR');
    const support = (await t.createKey(null, 'SUPPORT')).secret;
    await t.fund(walletId, '100');
    await t.ok(support, GRANT, { input: { walletId, amount: '5', reason: 'Welcome' } });
    for (const amount of ['1.25', '2.5', '0.0085']) {
      await t.ok(ownerKey, CHARGE, { input: { walletId, amount, description: 'usage', idempotencyKey: randomUUID() } });
    }
    const balance = (await t.ok(ownerKey, BALANCE, { id: walletId })).wallet.balance;
    expect(balance).toBe('101.2415');

    const past = (await t.ok(ownerKey, STATEMENT, { walletId, month: movementsMonth })).statement;
    expect(past).toMatchObject({
      walletId,
      month: movementsMonth,
      currency: 'EUR',
      timeZone: 'UTC',
      periodStart: `${movementsMonth}-01T00:00:00.000Z`,
      periodEnd: `${nextMonth}-01T00:00:00.000Z`,
      openingBalance: '0',
      credits: [
        { kind: 'ADJUSTMENT', amount: '100', transactions: 1 },
        { kind: 'GRANT', amount: '5', transactions: 1 },
      ],
      debits: [{ kind: 'CHARGE', amount: '3.7585', transactions: 3 }],
      totalCredits: '105',
      totalDebits: '3.7585',
      closingBalance: balance,
      pdfUrl: `/documents/wallets/${walletId}/statements/${movementsMonth}.pdf`,
      csvUrl: `/documents/wallets/${walletId}/statements/${movementsMonth}.csv`,
    });
    // The journal's last balance in the month is the closing balance.
    const [last] = await sql(
      t,
      'select balance_after_micros::text from wallet_transaction where wallet_id = $1 order by sequence desc limit 1',
      [walletId],
    );
    expect(last.balance_after_micros).toBe('101241500');

    const next = (await t.ok(ownerKey, STATEMENT, { walletId, month: nextMonth })).statement;
    expect(next).toMatchObject({
      openingBalance: balance,
      credits: [],
      debits: [],
      totalCredits: '0',
      totalDebits: '0',
      closingBalance: balance,
    });
    const current = (await t.ok(ownerKey, STATEMENT, { walletId, month: clockMonth })).statement;
    expect(current).toMatchObject({ openingBalance: balance, closingBalance: balance });

    const csv = await download(past.csvUrl, ownerKey);
    expect(csv.status).toBe(200);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect(csv.body.toString('utf8').split('\r\n')).toEqual([
      'section,kind,transactions,amount,currency',
      'opening balance,,,0,EUR',
      'credit,ADJUSTMENT,1,100,EUR',
      'credit,GRANT,1,5,EUR',
      'total credits,,,105,EUR',
      'debit,CHARGE,3,-3.7585,EUR',
      'total debits,,,-3.7585,EUR',
      'closing balance,,,101.2415,EUR',
      '',
    ]);
    const pdf = await download(past.pdfUrl, ownerKey);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const parser = new PDFParse({ data: pdf.body });
    const text = (await parser.getText()).text;
    await parser.destroy();
    for (const expected of [`Wallet statement ${movementsMonth}`, 'Opening balance', '0.00 EUR', '105.00 EUR', '-3.76 EUR', '101.24 EUR']) {
      expect(text).toContain(expected);
    }
    await t.assertLedger();
  });

  it(`refuses malformed and future months, and months more than ${MONTHS_BACK_MAX} back (${MONTHS_BACK_MAX} passes, ${MONTHS_BACK_MAX + 1} does not)`, async () => {
    const { walletId, ownerKey } = await t.createAccount('Months', 'USD');
    const clockNow = new Date(clock.now());
    const back = (months: number) => monthOf(clockNow.getUTCFullYear(), clockNow.getUTCMonth() - months);
    expect((await t.ok(ownerKey, STATEMENT, { walletId, month: back(MONTHS_BACK_MAX) })).statement.openingBalance).toBe('0');
    expectError(await t.graphql(ownerKey, STATEMENT, { walletId, month: back(MONTHS_BACK_MAX + 1) }), 'BAD_USER_INPUT', 'month');
    expectError(await t.graphql(ownerKey, STATEMENT, { walletId, month: back(-1) }), 'BAD_USER_INPUT', 'month');
    for (const month of ['2026-13', '2026-1', '26-01', 'December']) {
      expectError(await t.graphql(ownerKey, STATEMENT, { walletId, month }), 'BAD_USER_INPUT', 'month');
    }
    expect((await download(`/documents/wallets/${walletId}/statements/2026-13.csv`, ownerKey)).status).toBe(400);
  });

  it("another account's wallet is NOT_FOUND on the API and 404 over HTTP; no credential is 401", async () => {
    const { walletId } = await t.createAccount('Owner', 'USD');
    const stranger = await t.createAccount('Stranger', 'USD');
    expectError(await t.graphql(stranger.ownerKey, STATEMENT, { walletId, month: clockMonth }), 'NOT_FOUND');
    expect((await download(`/documents/wallets/${walletId}/statements/${clockMonth}.pdf`, stranger.ownerKey)).status).toBe(404);
    expect((await download(`/documents/wallets/${walletId}/statements/${clockMonth}.csv`, null)).status).toBe(401);
    expect((await download(`/documents/wallets/${walletId}/statements/${clockMonth}.xls`, t.adminToken)).status).toBe(404);
  });
});

describe("statements in the account's timezone", () => {
  const TIMEZONE = 'mutation($timezone: String!) { setAccountTimezone(timezone: $timezone) { timezone } }';

  async function accountIn(zone: string): Promise<{ walletId: string; ownerKey: string }> {
    const account = await t.createAccount(`Statement ${zone}`, 'USD');
    await t.ok(account.ownerKey, TIMEZONE, { timezone: zone });
    return account;
  }

  it('bounds the month at local midnights (Los Angeles across a daylight-saving change, Kolkata at +05:30) and names the zone on the PDF', async () => {
    const la = await accountIn('America/Los_Angeles');
    expect((await t.ok(la.ownerKey, STATEMENT, { walletId: la.walletId, month: '2026-03' })).statement).toMatchObject({
      timeZone: 'America/Los_Angeles',
      // March begins in PST (UTC−8) and ends in PDT (UTC−7).
      periodStart: '2026-03-01T08:00:00.000Z',
      periodEnd: '2026-04-01T07:00:00.000Z',
    });
    const kolkata = await accountIn('Asia/Kolkata');
    const november = (await t.ok(kolkata.ownerKey, STATEMENT, { walletId: kolkata.walletId, month: '2026-11' })).statement;
    expect(november).toMatchObject({
      timeZone: 'Asia/Kolkata',
      periodStart: '2026-10-31T18:30:00.000Z',
      periodEnd: '2026-11-30T18:30:00.000Z',
    });
    const parser = new PDFParse({ data: (await download(november.pdfUrl, kolkata.ownerKey)).body });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain('Period 2026-11-01 00:00 to 2026-12-01 00:00, Asia/Kolkata time');
  });

  it('a movement falls in the month of its local date there, and the statement adds up to it', async () => {
    const la = await accountIn('America/Los_Angeles');
    await t.fund(la.walletId, '30');
    const [funded] = await sql(
      t,
      'select (extract(epoch from created_at) * 1000)::float8 as at_ms from wallet_transaction where wallet_id = $1',
      [la.walletId],
    );
    const local = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles', year: 'numeric', month: '2-digit' }).format(
      funded.at_ms,
    );
    const month = local.slice(0, 7);
    const statement = (await t.ok(la.ownerKey, STATEMENT, { walletId: la.walletId, month })).statement;
    expect(Date.parse(statement.periodStart)).toBeLessThanOrEqual(funded.at_ms);
    expect(Date.parse(statement.periodEnd)).toBeGreaterThan(funded.at_ms);
    expect(statement).toMatchObject({ openingBalance: '0', totalCredits: '30', closingBalance: '30' });
  });

  it("the current month is the account's own (also when none is asked for): near the end of a UTC month Kolkata is already in the next one, UTC not yet", async () => {
    const kolkata = await accountIn('Asia/Kolkata');
    const utc = await accountIn('UTC');
    const now = new Date(clock.now());
    // 23:00 UTC on the UTC month's last day is 04:30 on the 1st in Kolkata.
    const lastEvening = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0, 23);
    clock.advance(lastEvening - clock.now());
    const upcoming = monthOf(now.getUTCFullYear(), now.getUTCMonth() + 1);
    const statement = (await t.ok(kolkata.ownerKey, STATEMENT, { walletId: kolkata.walletId, month: upcoming })).statement;
    expect(statement.periodStart).toBe(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0, 18, 30)).toISOString());
    expectError(await t.graphql(utc.ownerKey, STATEMENT, { walletId: utc.walletId, month: upcoming }), 'BAD_USER_INPUT', 'month');
    // Without a month, each gets its own current one.
    const CURRENT = 'query($walletId: ID!) { statement(walletId: $walletId) { month timeZone } }';
    expect((await t.ok(kolkata.ownerKey, CURRENT, { walletId: kolkata.walletId })).statement).toEqual({
      month: upcoming,
      timeZone: 'Asia/Kolkata',
    });
    expect((await t.ok(utc.ownerKey, CURRENT, { walletId: utc.walletId })).statement).toEqual({
      month: monthOf(now.getUTCFullYear(), now.getUTCMonth()),
      timeZone: 'UTC',
    });
  });
});
