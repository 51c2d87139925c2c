// Goal: the balance card shows the newest wallet state by sequence, whatever order the query, balanceChanged and the transaction stream answer in; method: examples.
import { describe, expect, it } from 'vitest';
import { newestWalletState, walletAfterTransaction } from '../../../client/src/utils/wallet-state.js';

const state = (sequence: string, balance: string, source: string) => ({
  id: 'w1',
  currency: 'USD',
  balance,
  reserved: '1.5',
  available: balance,
  sequence,
  source,
});

describe('newestWalletState', () => {
  it('takes the highest sequence, by value', () => {
    expect(newestWalletState(state('9', '10', 'query'), state('10', '9.5', 'live'))?.source).toBe('live');
    expect(newestWalletState(state('12', '8', 'query'), state('10', '9.5', 'live'))?.source).toBe('query');
  });

  it('keeps the first on a tie and skips missing states', () => {
    expect(newestWalletState(state('3', '1', 'first'), state('3', '1', 'second'))?.source).toBe('first');
    expect(newestWalletState(null, undefined, state('3', '1', 'only'))?.source).toBe('only');
    expect(newestWalletState(null, undefined)).toBeUndefined();
  });
});

describe('walletAfterTransaction', () => {
  it('moves the figures to the transaction: its balanceAfter, reserved kept, available recomputed', () => {
    const moved = walletAfterTransaction(state('4', '10', 'query'), { sequence: '6', balanceAfter: '9.25' });
    expect(moved).toMatchObject({ id: 'w1', currency: 'USD', balance: '9.25', reserved: '1.5', available: '7.75', sequence: '6' });
  });
});
