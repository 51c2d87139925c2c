// Goal: a number's renewal dates fall on its purchase's day of the month, clamped to short months without drifting, at the purchase's time of day. Method: the pure date function against hand-computed calendars, including leap years and year ends.
import { describe, expect, it } from 'vitest';
import { anchorDayOf, renewalAtMs } from '../../../server/domain/numbers/renewal-date.js';

const dates = (purchase: string, months: number): string[] =>
  Array.from({ length: months + 1 }, (_, k) => new Date(renewalAtMs(Date.parse(purchase), k)).toISOString());

describe('renewalAtMs', () => {
  it('clamps the 31st to each short month and returns to the 31st', () => {
    expect(dates('2026-01-31T10:00:00.000Z', 4)).toEqual([
      '2026-01-31T10:00:00.000Z',
      '2026-02-28T10:00:00.000Z',
      '2026-03-31T10:00:00.000Z',
      '2026-04-30T10:00:00.000Z',
      '2026-05-31T10:00:00.000Z',
    ]);
  });

  it('uses February 29 in a leap year and crosses the year end', () => {
    expect(dates('2027-12-30T23:59:59.999Z', 3)).toEqual([
      '2027-12-30T23:59:59.999Z',
      '2028-01-30T23:59:59.999Z',
      '2028-02-29T23:59:59.999Z',
      '2028-03-30T23:59:59.999Z',
    ]);
  });

  it('keeps days every month has', () => {
    expect(dates('2026-03-07T00:00:00.000Z', 12).at(-1)).toBe('2027-03-07T00:00:00.000Z');
    expect(anchorDayOf(Date.parse('2026-03-07T23:59:59.999Z'))).toBe(7);
  });

  it('refuses a negative or fractional month', () => {
    expect(() => renewalAtMs(0, -1)).toThrow(/monthsAfter/);
    expect(() => renewalAtMs(0, 1.5)).toThrow(/monthsAfter/);
  });
});
