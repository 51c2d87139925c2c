// Goal: available = balance − reserved is computed exactly in micro-units, never through a float; method: examples plus a fast-check property against bigint arithmetic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MoneyFormatError, subtractMoney } from '../../../client/src/utils/money.js';

const toMoney = (micros: bigint): string => {
  const sign = micros < 0n ? '-' : '';
  const magnitude = micros < 0n ? -micros : micros;
  return `${sign}${magnitude / 1_000_000n}.${(magnitude % 1_000_000n).toString().padStart(6, '0')}`;
};

describe('subtractMoney', () => {
  it('subtracts decimal strings exactly and writes the shortest form', () => {
    expect(subtractMoney('12.5', '0.25')).toBe('12.25');
    expect(subtractMoney('10', '0')).toBe('10');
    expect(subtractMoney('0.3', '0.1')).toBe('0.2');
    expect(subtractMoney('1', '3')).toBe('-2');
    expect(subtractMoney('5.000000', '5')).toBe('0');
    expect(subtractMoney('-0.000001', '0.000001')).toBe('-0.000002');
    expect(subtractMoney('123456789012.123456', '0.000001')).toBe('123456789012.123455');
  });

  it('rejects what is not Money', () => {
    expect(() => subtractMoney('1.0000001', '0')).toThrow(MoneyFormatError);
    expect(() => subtractMoney('1', 'abc')).toThrow(MoneyFormatError);
  });

  it('agrees with integer micro-unit arithmetic', () => {
    // The shortest form of a micro-unit amount, written independently of money.ts.
    const shortest = (micros: bigint) => (micros === 0n ? '0' : toMoney(micros).replace(/0+$/, '').replace(/\.$/, ''));
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), (a, b) => {
        expect(subtractMoney(toMoney(a), toMoney(b))).toBe(shortest(a - b));
      }),
    );
  });
});
