// Goal: transaction dates read as local date and time and bad values never show "Invalid Date"; method: format fixed instants with explicit locales and time zones.
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../client/src/utils/date-time.js';

describe('formatDateTime', () => {
  it('shows the date and time to the second in the given zone', () => {
    expect(formatDateTime('2026-11-22T01:37:12.932Z', { locale: 'en-GB', timeZone: 'UTC' })).toBe('22 Nov 2026, 01:37:12');
    expect(formatDateTime('2026-11-22T01:37:12.932Z', { locale: 'en-GB', timeZone: 'America/New_York' })).toBe('21 Nov 2026, 20:37:12');
  });

  it('returns a value that is not a date unchanged', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
    expect(formatDateTime('')).toBe('');
  });
});
