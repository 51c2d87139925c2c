// Goal: a usage report's period and country are computed exactly: the last completed UTC day and month at any instant (midnight itself, the year's end, February of a leap year), and calling codes of one to three digits. Method: the pure functions on hand-picked instants and numbers, no database.
import { describe, expect, it } from 'vitest';
import { callingCodeOf, countryLabel } from '../../../server/domain/usage-reports/calling-codes.js';
import { lastCompletedPeriod, periodContaining, periodLabel, UsagePeriod } from '../../../server/domain/usage-reports/usage-period.js';

const at = (iso: string) => Date.parse(iso);
const bounds = (b: { startMs: number; endMs: number }) => [new Date(b.startMs).toISOString(), new Date(b.endMs).toISOString()];

describe('usage periods (UTC)', () => {
  it('reports yesterday: at 00:00:00.000 the day that just ended, a millisecond before it the day before', () => {
    expect(bounds(lastCompletedPeriod(UsagePeriod.DAILY, at('2026-12-07T00:00:00.000Z')))).toEqual([
      '2026-12-06T00:00:00.000Z',
      '2026-12-07T00:00:00.000Z',
    ]);
    expect(bounds(lastCompletedPeriod(UsagePeriod.DAILY, at('2026-12-06T23:59:59.999Z')))).toEqual([
      '2026-12-05T00:00:00.000Z',
      '2026-12-06T00:00:00.000Z',
    ]);
  });

  it('reports last month across the year end and February of a leap year', () => {
    expect(bounds(lastCompletedPeriod(UsagePeriod.MONTHLY, at('2027-01-01T00:00:30Z')))).toEqual([
      '2026-12-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
    ]);
    expect(bounds(lastCompletedPeriod(UsagePeriod.MONTHLY, at('2028-03-01T08:00:00Z')))).toEqual([
      '2028-02-01T00:00:00.000Z',
      '2028-03-01T00:00:00.000Z',
    ]);
    expect(bounds(lastCompletedPeriod(UsagePeriod.DAILY, at('2028-03-01T08:00:00Z')))).toEqual([
      '2028-02-29T00:00:00.000Z',
      '2028-03-01T00:00:00.000Z',
    ]);
  });

  it('names its periods', () => {
    expect(periodLabel(periodContaining(UsagePeriod.DAILY, at('2026-12-05T13:00:00Z')))).toBe('2026-12-05');
    expect(periodLabel(periodContaining(UsagePeriod.MONTHLY, at('2026-12-05T13:00:00Z')))).toBe('December 2026');
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
