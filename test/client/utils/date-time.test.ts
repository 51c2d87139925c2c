// Goal: every time shown carries its zone (dates and times of day), in the zone asked for, and bad values never show "Invalid Date"; method: format fixed instants with explicit locales and time zones.
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTimeOfDay } from '../../../client/src/utils/date-time.js';

describe('formatDateTime', () => {
  it('shows the date and time to the second in the given zone, with the zone', () => {
    expect(formatDateTime('2026-11-22T01:37:12.932Z', { locale: 'en-GB', timeZone: 'UTC' })).toBe('22 Nov 2026, 01:37:12 UTC');
    expect(formatDateTime('2026-11-22T01:37:12.932Z', { locale: 'en-GB', timeZone: 'America/New_York' })).toBe(
      '21 Nov 2026, 20:37:12 GMT-5',
    );
    expect(formatDateTime('2026-11-22T01:37:12.932Z', { locale: 'en-US', timeZone: 'America/New_York' })).toBe(
      'Nov 21, 2026, 8:37:12 PM EST',
    );
    // Summer time changes the zone's name, and the name says so.
    expect(formatDateTime('2026-07-01T12:00:00Z', { locale: 'en-GB', timeZone: 'Europe/London' })).toBe('1 Jul 2026, 13:00:00 BST');
  });

  it('returns a value that is not a date unchanged', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
    expect(formatDateTime('')).toBe('');
  });
});

describe('formatTimeOfDay', () => {
  it('shows a time of day with its zone, from a DateTime or from ms', () => {
    expect(formatTimeOfDay('2026-12-06T14:05:12Z', { locale: 'en-GB', timeZone: 'UTC' })).toBe('14:05:12 UTC');
    expect(formatTimeOfDay(Date.parse('2026-12-06T14:05:12Z'), { locale: 'en-GB', timeZone: 'Europe/Paris' })).toBe('15:05:12 CET');
    expect(formatTimeOfDay('2026-12-06T14:05:12Z', { locale: 'en-GB', timeZone: 'UTC', seconds: false })).toBe('14:05 UTC');
  });

  it('returns what is not an instant as text', () => {
    expect(formatTimeOfDay('soon')).toBe('soon');
    expect(formatTimeOfDay(Number.NaN)).toBe('NaN');
  });
});
