// Goal: the numbers proposed for sale are well-formed E.164 numbers that start with the digits searched for, never repeat, and the refund window ends exactly numberRefundDays after purchase. Method: the pure functions called directly with fixed inputs and a sweep of indexes.
import { describe, expect, it } from 'vitest';
import { isE164 } from '../../../server/domain/rating/rating.js';
import {
  isWithinRefundWindow,
  OFFERED_NUMBER_DIGITS,
  offeredNumber,
  offeredNumbersMax,
  refundableUntilMs,
} from '../../../server/domain/numbers/number-offers.js';

const DAY_MS = 86_400_000;

describe('offeredNumber', () => {
  it('fills short searches to the usual length and long ones by three digits, always E.164 and starting with the search', () => {
    for (const digits of ['1', '44', '447700', '44770090012', '123456789012']) {
      const number = offeredNumber(digits, 0);
      expect(isE164(number), number).toBe(true);
      expect(number.startsWith(`+${digits}`)).toBe(true);
      expect(number.length - 1).toBe(Math.min(15, Math.max(OFFERED_NUMBER_DIGITS, digits.length + 3)));
    }
  });

  it('gives a different number for every index below the count it can propose', () => {
    const digits = '44770090012';
    expect(offeredNumbersMax(digits)).toBe(1000);
    const numbers = new Set(Array.from({ length: 1000 }, (_, index) => offeredNumber(digits, index)));
    expect(numbers.size).toBe(1000);
  });

  it('refuses digits that cannot start a number (a leading 0, letters, 13 digits)', () => {
    expect(() => offeredNumber('044', 0)).toThrow();
    expect(() => offeredNumber('4a', 0)).toThrow();
    expect(() => offeredNumber('1234567890123', 0)).toThrow();
  });
});

describe('refund window', () => {
  it('ends exactly refundDays after purchase: that millisecond is in, the next is out', () => {
    const purchasedAtMs = Date.UTC(2026, 0, 31, 9, 30);
    expect(refundableUntilMs(purchasedAtMs, 7)).toBe(purchasedAtMs + 7 * DAY_MS);
    expect(isWithinRefundWindow(purchasedAtMs, purchasedAtMs + 7 * DAY_MS, 7)).toBe(true);
    expect(isWithinRefundWindow(purchasedAtMs, purchasedAtMs + 7 * DAY_MS + 1, 7)).toBe(false);
  });
});
