// Goal: a usage report's period and country are computed exactly: the last completed day and month at any instant in the account's timezone (midnight itself, the year's end, February of a leap year; local midnights that are not UTC's, in Los Angeles and Kolkata; days of 23 and 25 hours across daylight-saving changes), and calling codes of one to three digits. Method: the period statement on a real PostgreSQL (its zone rules place the midnights) for accounts set to each timezone, on hand-picked instants; the pure naming and calling-code functions directly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callingCodeOf, countryLabel } from '../../../server/domain/usage-reports/calling-codes.js';
import { toPeriodBounds } from '../../../server/domain/usage-reports/usage-report.service.js';
import { periodLabel, UsagePeriod } from '../../../server/domain/usage-reports/usage-period.js';
import { selectAccountPeriod } from '../../../server/domain/usage-reports/usage-reports.queries.js';
import { runSql } from '../../support/sql.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
const accountOfZone = new Map<string, string>();

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false });
  for (const zone of ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Europe/London']) {
    const { accountId } = await t.createAccount(`Zone ${zone}`);
    await runSql(t.app.orm.em.fork(), 'update account set timezone = $1 where id = $2', [zone, accountId]);
    accountOfZone.set(zone, accountId);
  }
});
afterAll(async () => {
  await t?.close();
});

/** The period of `period` containing `iso` (or, `previous`, the last completed one) for an account in `zone`: [start, end, label]. */
async function periodOf(zone: string, period: UsagePeriod, iso: string, previous: boolean): Promise<[string, string, string]> {
  const row = await selectAccountPeriod.one(t.app.orm.em.fork(), {
    accountId: accountOfZone.get(zone)!,
    period,
    atMs: Date.parse(iso),
    previous,
  });
  const bounds = toPeriodBounds(period, row);
  expect(bounds.timeZone).toBe(zone);
  return [new Date(bounds.startMs).toISOString(), new Date(bounds.endMs).toISOString(), periodLabel(bounds)];
}
const lastCompleted = (zone: string, period: UsagePeriod, iso: string) => periodOf(zone, period, iso, true);
const containing = (zone: string, period: UsagePeriod, iso: string) => periodOf(zone, period, iso, false);

describe('usage periods in UTC', () => {
  it('reports yesterday: at 00:00:00.000 the day that just ended, a millisecond before it the day before', async () => {
    expect(await lastCompleted('UTC', UsagePeriod.DAILY, '2026-12-07T00:00:00.000Z')).toEqual([
      '2026-12-06T00:00:00.000Z',
      '2026-12-07T00:00:00.000Z',
      '2026-12-06',
    ]);
    expect(await lastCompleted('UTC', UsagePeriod.DAILY, '2026-12-06T23:59:59.999Z')).toEqual([
      '2026-12-05T00:00:00.000Z',
      '2026-12-06T00:00:00.000Z',
      '2026-12-05',
    ]);
  });

  it('reports last month across the year end and February of a leap year', async () => {
    expect(await lastCompleted('UTC', UsagePeriod.MONTHLY, '2027-01-01T00:00:30Z')).toEqual([
      '2026-12-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
      'December 2026',
    ]);
    expect(await lastCompleted('UTC', UsagePeriod.MONTHLY, '2028-03-01T08:00:00Z')).toEqual([
      '2028-02-01T00:00:00.000Z',
      '2028-03-01T00:00:00.000Z',
      'February 2028',
    ]);
    expect(await lastCompleted('UTC', UsagePeriod.DAILY, '2028-03-01T08:00:00Z')).toEqual([
      '2028-02-29T00:00:00.000Z',
      '2028-03-01T00:00:00.000Z',
      '2028-02-29',
    ]);
  });

  it('names the period containing an instant', async () => {
    expect((await containing('UTC', UsagePeriod.DAILY, '2026-12-05T13:00:00Z'))[2]).toBe('2026-12-05');
    expect((await containing('UTC', UsagePeriod.MONTHLY, '2026-12-05T13:00:00Z'))[2]).toBe('December 2026');
  });
});

describe("usage periods in the account's timezone", () => {
  it('Los Angeles: its day ends at 08:00 UTC (PST); at 07:59:59.999 UTC yesterday there has not ended yet', async () => {
    expect(await lastCompleted('America/Los_Angeles', UsagePeriod.DAILY, '2026-12-07T08:00:00.000Z')).toEqual([
      '2026-12-06T08:00:00.000Z',
      '2026-12-07T08:00:00.000Z',
      '2026-12-06',
    ]);
    expect(await lastCompleted('America/Los_Angeles', UsagePeriod.DAILY, '2026-12-07T07:59:59.999Z')).toEqual([
      '2026-12-05T08:00:00.000Z',
      '2026-12-06T08:00:00.000Z',
      '2026-12-05',
    ]);
    // 2027-01-01 05:00 UTC is still New Year's Eve there: December has not ended.
    expect((await lastCompleted('America/Los_Angeles', UsagePeriod.MONTHLY, '2027-01-01T05:00:00Z'))[2]).toBe('November 2026');
    expect(await lastCompleted('America/Los_Angeles', UsagePeriod.MONTHLY, '2027-01-01T08:00:00Z')).toEqual([
      '2026-12-01T08:00:00.000Z',
      '2027-01-01T08:00:00.000Z',
      'December 2026',
    ]);
  });

  it('Kolkata: its day begins at 18:30 UTC the day before (UTC+05:30)', async () => {
    expect(await containing('Asia/Kolkata', UsagePeriod.DAILY, '2026-12-06T18:30:00.000Z')).toEqual([
      '2026-12-06T18:30:00.000Z',
      '2026-12-07T18:30:00.000Z',
      '2026-12-07',
    ]);
    expect(await lastCompleted('Asia/Kolkata', UsagePeriod.DAILY, '2026-12-06T18:29:59.999Z')).toEqual([
      '2026-12-04T18:30:00.000Z',
      '2026-12-05T18:30:00.000Z',
      '2026-12-05',
    ]);
    expect(await lastCompleted('Asia/Kolkata', UsagePeriod.MONTHLY, '2026-11-30T18:30:00Z')).toEqual([
      '2026-10-31T18:30:00.000Z',
      '2026-11-30T18:30:00.000Z',
      'November 2026',
    ]);
  });

  it('daylight saving: the spring-forward day has 23 hours, the fall-back day 25, and a month across a change starts and ends at local midnight', async () => {
    // Los Angeles: clocks go forward on 2026-03-08 (PST → PDT) and back on 2026-11-01 (PDT → PST).
    expect(await containing('America/Los_Angeles', UsagePeriod.DAILY, '2026-03-08T12:00:00Z')).toEqual([
      '2026-03-08T08:00:00.000Z',
      '2026-03-09T07:00:00.000Z',
      '2026-03-08',
    ]);
    expect(await containing('America/Los_Angeles', UsagePeriod.DAILY, '2026-11-01T12:00:00Z')).toEqual([
      '2026-11-01T07:00:00.000Z',
      '2026-11-02T08:00:00.000Z',
      '2026-11-01',
    ]);
    // London: March 2026 begins in GMT and ends in BST, so it is an hour short of 31 days.
    expect(await containing('Europe/London', UsagePeriod.MONTHLY, '2026-03-15T12:00:00Z')).toEqual([
      '2026-03-01T00:00:00.000Z',
      '2026-03-31T23:00:00.000Z',
      'March 2026',
    ]);
  });
});

describe('calling codes', () => {
  it('reads codes of one, two and three digits, and names the known ones', () => {
    expect(callingCodeOf('+12025550123')).toBe('1');
    expect(callingCodeOf('+447700900123')).toBe('44');
    expect(callingCodeOf('+353861234567')).toBe('353');
    expect(callingCodeOf('+998901234567')).toBe('998');
    expect(callingCodeOf('+')).toBeNull();
    expect(countryLabel('44')).toBe('United Kingdom (+44)');
    expect(countryLabel('998')).toBe('+998');
  });
});
