// Goal: the top-up form accepts exactly what the server accepts (whole units, minimum to cap) and offers quick picks the currency allows; method: examples at every boundary plus a fast-check property against bigint arithmetic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkTopUpAmount,
  isQuickPick,
  TOP_UP_AMOUNT_MAX,
  TOP_UP_MINIMUM_DEFAULT,
  TOP_UP_QUICK_PICKS,
  topUpQuickPicks,
} from '../../../client/src/utils/top-up-amount.js';

const usd = { currency: 'USD' };

describe('checkTopUpAmount', () => {
  it('accepts whole amounts and writes them as Money strings', () => {
    expect(checkTopUpAmount('25', usd)).toEqual({ valid: true, amount: '25' });
    expect(checkTopUpAmount(' 25 ', usd)).toEqual({ valid: true, amount: '25' });
    expect(checkTopUpAmount('25.00', usd)).toEqual({ valid: true, amount: '25' });
    expect(checkTopUpAmount('25.', usd)).toEqual({ valid: true, amount: '25' });
    expect(checkTopUpAmount('0025', usd)).toEqual({ valid: true, amount: '25' });
    expect(checkTopUpAmount('1,500', usd)).toEqual({ valid: true, amount: '1500' });
  });

  it('takes the minimum itself and refuses one unit less (default 10)', () => {
    expect(TOP_UP_MINIMUM_DEFAULT).toBe('10');
    expect(checkTopUpAmount('10', usd)).toEqual({ valid: true, amount: '10' });
    expect(checkTopUpAmount('9', usd)).toEqual({ valid: false, message: 'The minimum top-up is $10.00.' });
    expect(checkTopUpAmount('0', usd)).toEqual({ valid: false, message: 'The minimum top-up is $10.00.' });
  });

  it('uses the minimum the server named for the currency', () => {
    expect(checkTopUpAmount('5', { currency: 'GBP', minimum: '5' })).toEqual({ valid: true, amount: '5' });
    expect(checkTopUpAmount('19', { currency: 'EUR', minimum: '20' })).toEqual({ valid: false, message: 'The minimum top-up is €20.00.' });
  });

  it('takes the cap itself and refuses one unit more', () => {
    expect(TOP_UP_AMOUNT_MAX).toBe('100000');
    expect(checkTopUpAmount('100000', usd)).toEqual({ valid: true, amount: '100000' });
    expect(checkTopUpAmount('100001', usd)).toEqual({ valid: false, message: 'The largest top-up is $100,000.00.' });
    expect(checkTopUpAmount('99999999999999999999999', usd)).toMatchObject({ valid: false, message: 'The largest top-up is $100,000.00.' });
  });

  it('refuses cents, which the server refuses', () => {
    expect(checkTopUpAmount('25.50', usd)).toEqual({ valid: false, message: 'Top-ups are whole amounts of USD: leave out the cents.' });
    expect(checkTopUpAmount('10.000001', usd)).toMatchObject({ valid: false });
  });

  it('refuses what is not an amount', () => {
    expect(checkTopUpAmount('', usd)).toEqual({ valid: false, message: 'Enter an amount.' });
    expect(checkTopUpAmount('   ', usd)).toEqual({ valid: false, message: 'Enter an amount.' });
    for (const typed of ['-25', '+25', '1e3', '25abc', '$25', '.5', '0x10', '２５', '1'.repeat(31)]) {
      expect(checkTopUpAmount(typed, usd), typed).toEqual({ valid: false, message: 'Enter the amount as a whole number of USD, e.g. 25.' });
    }
  });

  it('agrees with bigint arithmetic on any whole amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 1000n }), (amount, minimum) => {
        const check = checkTopUpAmount(amount.toString(), { currency: 'USD', minimum: minimum.toString() });
        expect(check.valid).toBe(amount >= minimum && amount <= 100_000n);
        if (check.valid) expect(check.amount).toBe(amount.toString());
      }),
    );
  });
});

describe('topUpQuickPicks', () => {
  it('offers 10, 25, 50 and 100 for the default minimum', () => {
    expect(TOP_UP_QUICK_PICKS).toEqual(['10', '25', '50', '100']);
    expect(topUpQuickPicks()).toEqual(['10', '25', '50', '100']);
    expect(topUpQuickPicks('10')).toEqual(['10', '25', '50', '100']);
    expect(topUpQuickPicks('10.00')).toEqual(['10', '25', '50', '100']);
  });

  it('keeps the picks above a lower minimum', () => {
    expect(topUpQuickPicks('5')).toEqual(['10', '25', '50', '100']);
  });

  it('leads with a higher minimum and drops the picks below it', () => {
    expect(topUpQuickPicks('20')).toEqual(['20', '25', '50', '100']);
    expect(topUpQuickPicks('25')).toEqual(['25', '50', '100']);
    expect(topUpQuickPicks('200')).toEqual(['200']);
  });

  it('never offers more than the cap', () => {
    expect(topUpQuickPicks('10', '30')).toEqual(['10', '25']);
    expect(topUpQuickPicks('500', '100')).toEqual([]);
  });
});

describe('isQuickPick', () => {
  it('matches the pick however the amount is spelt', () => {
    expect(isQuickPick('25', '25')).toBe(true);
    expect(isQuickPick('25.00', '25')).toBe(true);
    expect(isQuickPick('025', '25')).toBe(true);
    expect(isQuickPick('26', '25')).toBe(false);
    expect(isQuickPick('', '25')).toBe(false);
    expect(isQuickPick('25.5', '25')).toBe(false);
  });
});
