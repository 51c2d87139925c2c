// Goal: the campaign pages' money arithmetic is exact on decimal strings (micro-units as bigint, no float anywhere) and rejects what is not Money; method: examples and a fast-check round trip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { microsToMoney, moneyToMicros, sumMoney } from '../../../client/src/utils/money.js';
import { MoneyFormatError } from '../../../client/src/utils/money.js';

describe('moneyToMicros / microsToMoney', () => {
  it('converts exactly, both ways', () => {
    expect(moneyToMicros('12.5')).toBe(12_500_000n);
    expect(moneyToMicros('0.000001')).toBe(1n);
    expect(moneyToMicros('-3')).toBe(-3_000_000n);
    expect(moneyToMicros('98765432109.876543')).toBe(98_765_432_109_876_543n);
    expect(microsToMoney(12_500_000n)).toBe('12.5');
    expect(microsToMoney(-1n)).toBe('-0.000001');
    expect(microsToMoney(0n)).toBe('0');
  });

  it('refuses strings that are not Money', () => {
    for (const bad of ['', '1.2345678', '1e3', '0x10', ' 1', 'NaN']) expect(() => moneyToMicros(bad)).toThrow(MoneyFormatError);
  });

  it('round-trips every micro amount', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), (micros) => moneyToMicros(microsToMoney(micros)) === micros));
  });
});

describe('sumMoney', () => {
  it('adds where floats would drift', () => {
    expect(sumMoney('0.1', '0.2')).toBe('0.3');
    expect(sumMoney('0.000001', '0.000002', '-0.000003')).toBe('0');
    expect(sumMoney()).toBe('0');
  });
});
