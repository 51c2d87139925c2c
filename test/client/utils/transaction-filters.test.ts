// Goal: rows that arrive live are filtered as the server filters the page; method: examples.
import { describe, expect, it } from 'vitest';
import { matchesTransactionFilters } from '../../../client/src/utils/transaction-filters.js';

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
