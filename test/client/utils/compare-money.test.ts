// Goal: Money strings are ordered by value exactly (top-up minimums, quick picks), never through a float; method: examples plus a fast-check property against bigint comparison.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareMoney, MoneyFormatError } from '../../../client/src/utils/money.js';

const toMoney = (micros: bigint): string => {
  const sign = micros < 0n ? '-' : '';
  const magnitude = micros < 0n ? -micros : micros;
  return `${sign}${magnitude / 1_000_000n}.${(magnitude % 1_000_000n).toString().padStart(6, '0')}`;
};

describe('compareMoney', () => {
  it('orders by value, whatever the spelling', () => {
    expect(compareMoney('10', '9.999999')).toBe(1);
    expect(compareMoney('9.999999', '10')).toBe(-1);
    expect(compareMoney('25', '25.00')).toBe(0);
    expect(compareMoney('0025', '25')).toBe(0);
    expect(compareMoney('-0', '0')).toBe(0);
    expect(compareMoney('-1', '0')).toBe(-1);
    expect(compareMoney('100000', '99999.999999')).toBe(1);
  });

  it('tells apart amounts a float would confuse', () => {
    expect(compareMoney('9007199254740993', '9007199254740992')).toBe(1);
    expect(compareMoney('0.000001', '0')).toBe(1);
  });

  it('rejects what is not Money', () => {
    expect(() => compareMoney('1e3', '1')).toThrow(MoneyFormatError);
    expect(() => compareMoney('1', '0.0000001')).toThrow(MoneyFormatError);
  });

  it('agrees with bigint comparison of micro-units', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), (a, b) => {
        expect(compareMoney(toMoney(a), toMoney(b))).toBe(a === b ? 0 : a < b ? -1 : 1);
      }),
    );
  });
});
