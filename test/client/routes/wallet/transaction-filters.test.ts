// Goal: rows that arrive live are judged against the history's filters as the server filters the page (type, kind, status, dates, campaign), "unknown" when only the server can tell, and the form's dates become the server's instants; method: examples at each boundary.
import { describe, expect, it } from 'vitest';
import {
  dateRangeOf,
  hasTransactionFilters,
  matchesTransactionFilters,
  startOfLocalDay,
  startOfNextLocalDay,
  transactionFilterVerdict,
} from '../../../../client/src/routes/wallet/transaction-filters.js';

describe('matchesTransactionFilters', () => {
  const charge = { type: 'DEBIT', kind: 'CHARGE' };
  it('lets everything through without filters', () => {
    expect(matchesTransactionFilters(charge, { type: null, kind: null })).toBe(true);
  });
  it('requires every filter that is set', () => {
    expect(matchesTransactionFilters(charge, { type: 'DEBIT', kind: null })).toBe(true);
    expect(matchesTransactionFilters(charge, { type: 'CREDIT', kind: null })).toBe(false);
    expect(matchesTransactionFilters(charge, { type: 'DEBIT', kind: 'TOP_UP' })).toBe(false);
    expect(matchesTransactionFilters(charge, { type: 'DEBIT', kind: 'CHARGE' })).toBe(true);
  });
});

describe('transactionFilterVerdict', () => {
  const row = { type: 'DEBIT', kind: 'CALL', status: 'COMPLETED', createdAt: '2026-11-01T12:00:00.000Z' };
  const none = { type: null, kind: null };

  it('filters by status', () => {
    expect(transactionFilterVerdict(row, { ...none, status: 'COMPLETED' })).toBe('match');
    expect(transactionFilterVerdict(row, { ...none, status: 'PENDING' })).toBe('no-match');
  });

  it('takes `from` as inclusive and `to` as exclusive, to the millisecond', () => {
    expect(transactionFilterVerdict(row, { ...none, from: '2026-11-01T12:00:00.000Z' })).toBe('match');
    expect(transactionFilterVerdict(row, { ...none, from: '2026-11-01T12:00:00.001Z' })).toBe('no-match');
    expect(transactionFilterVerdict(row, { ...none, to: '2026-11-01T12:00:00.001Z' })).toBe('match');
    expect(transactionFilterVerdict(row, { ...none, to: '2026-11-01T12:00:00.000Z' })).toBe('no-match');
  });

  it('cannot place a row without its campaign under a campaign filter, unless another filter rules it out', () => {
    expect(transactionFilterVerdict(row, { ...none, campaignId: 'c1' })).toBe('unknown');
    expect(transactionFilterVerdict(row, { type: 'CREDIT', kind: null, campaignId: 'c1' })).toBe('no-match');
    expect(transactionFilterVerdict({ ...row, createdAt: undefined }, { ...none, from: '2026-01-01T00:00:00Z' })).toBe('unknown');
  });

  it('decides the campaign when the row carries it (ids compared without case)', () => {
    const id = '53066b1c-0000-4000-8000-000000000001';
    expect(transactionFilterVerdict({ ...row, campaignId: id.toUpperCase() }, { ...none, campaignId: id })).toBe('match');
    expect(transactionFilterVerdict({ ...row, campaignId: null }, { ...none, campaignId: id })).toBe('no-match');
  });

  it('says whether any filter is set', () => {
    expect(hasTransactionFilters({ type: null, kind: null, status: null, from: null, to: null, campaignId: null })).toBe(false);
    expect(hasTransactionFilters({ type: null, kind: null, to: '2026-11-01T00:00:00Z' })).toBe(true);
  });
});

describe('date inputs to instants', () => {
  it('starts a day at local midnight, and ends it where the next one starts', () => {
    expect(startOfLocalDay('2026-11-01')).toBe(new Date(2026, 10, 1).toISOString());
    expect(startOfNextLocalDay('2026-11-01')).toBe(new Date(2026, 10, 2).toISOString());
    // Across a month and a year.
    expect(startOfNextLocalDay('2026-12-31')).toBe(new Date(2027, 0, 1).toISOString());
    // The server's RFC 3339 pattern: a date, a time and Z.
    expect(startOfLocalDay('2026-11-01')).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
  });

  it('refuses what is not a real date', () => {
    for (const date of ['2026-02-30', '2026-13-01', '2026-1-1', '01/11/2026', '']) expect(startOfLocalDay(date)).toBeNull();
    expect(startOfLocalDay('2028-02-29')).not.toBeNull();
  });

  it('makes a range with both days included, open ends for empty inputs', () => {
    expect(dateRangeOf(null, null)).toEqual({ valid: true, from: null, to: null });
    expect(dateRangeOf('', '2026-11-01')).toEqual({ valid: true, from: null, to: new Date(2026, 10, 2).toISOString() });
    expect(dateRangeOf('2026-11-01', '2026-11-01')).toEqual({
      valid: true,
      from: new Date(2026, 10, 1).toISOString(),
      to: new Date(2026, 10, 2).toISOString(),
    });
  });

  it('refuses an end before the start, and dates it cannot read, naming the field', () => {
    expect(dateRangeOf('2026-11-02', '2026-11-01')).toEqual({
      valid: false,
      field: 'to',
      message: 'The end date is before the start date.',
    });
    expect(dateRangeOf('2026-02-30', null)).toMatchObject({ valid: false, field: 'from' });
    expect(dateRangeOf(null, 'tomorrow')).toMatchObject({ valid: false, field: 'to' });
  });
});
