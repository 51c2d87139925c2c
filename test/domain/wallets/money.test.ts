// Goal: money strings and micros convert exactly and canonically, and nothing malformed gets through.
// Method: table tests of each accepted and rejected form, plus fast-check properties over the whole bigint range.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BIGINT_MAX,
  BIGINT_MIN,
  formatMoney,
  formatMoneyForPeople,
  MoneyFormatError,
  parseMoney,
} from '../../../server/domain/wallets/money.js';

describe('parseMoney', () => {
  it.each([
    ['0', 0n],
    ['-0', 0n],
    ['12.5', 12_500_000n],
    ['12.50', 12_500_000n],
    ['0.0085', 8_500n],
    ['0.000001', 1n],
    ['-3', -3_000_000n],
    ['-0.000001', -1n],
    ['100', 100_000_000n],
    ['9223372036854.775807', BIGINT_MAX],
    ['-9223372036854.775808', BIGINT_MIN],
  ])('parses %j to %s micros', (text, micros) => {
    expect(parseMoney(text)).toBe(micros);
  });

  it.each([
    ['1.0000001', /at most 6 decimal places/],
    ['0.1234567', /at most 6 decimal places/],
    ['1e3', /decimal string/],
    ['1E-2', /decimal string/],
    [' 1', /decimal string/],
    ['1 ', /decimal string/],
    ['+1', /decimal string/],
    ['1.', /decimal string/],
    ['.5', /decimal string/],
    ['01', /decimal string/],
    ['--1', /decimal string/],
    ['1,5', /decimal string/],
    ['abc', /decimal string/],
    ['', /decimal string/],
    ['NaN', /decimal string/],
    ['Infinity', /decimal string/],
    ['0x10', /decimal string/],
    ['١٢', /decimal string/],
    ['9223372036854.775808', /out of range/],
    ['-9223372036854.775809', /out of range/],
    ['99999999999999999999', /out of range/],
  ])('rejects %j', (text, message) => {
    expect(() => parseMoney(text)).toThrow(MoneyFormatError);
    expect(() => parseMoney(text)).toThrow(message);
  });
});

describe('formatMoney', () => {
  it.each([
    [0n, '0'],
    [1n, '0.000001'],
    [8_500n, '0.0085'],
    [12_500_000n, '12.5'],
    [100_000_000n, '100'],
    [-3_000_000n, '-3'],
    [-1n, '-0.000001'],
    [BIGINT_MAX, '9223372036854.775807'],
    [BIGINT_MIN, '-9223372036854.775808'],
  ])('formats %s micros as %j', (micros, text) => {
    expect(formatMoney(micros)).toBe(text);
  });
});

describe('properties', () => {
  const micros = fc.bigInt({ min: BIGINT_MIN, max: BIGINT_MAX });

  it('format then parse is the identity on every bigint', () => {
    fc.assert(
      fc.property(micros, (value) => parseMoney(formatMoney(value)) === value),
      { numRuns: 5_000 },
    );
  });

  it('format and parse give what their first forms (division and a regular expression; a product and a sum) gave', () => {
    // The forms before the digit-string ones, kept here as the reference.
    const formatByDivision = (value: bigint) => {
      const negative = value < 0n;
      const magnitude = negative ? -value : value;
      const fraction = (magnitude % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
      return `${negative ? '-' : ''}${magnitude / 1_000_000n}${fraction ? `.${fraction}` : ''}`;
    };
    const small = fc.bigInt({ min: -2_000_000n, max: 2_000_000n });
    fc.assert(
      fc.property(fc.oneof(micros, small), (value) => formatMoney(value) === formatByDivision(value)),
      { numRuns: 5_000 },
    );
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 9_223_372_036_853n }), fc.stringMatching(/^[0-9]{0,6}$/), (whole, fraction) => {
        const text = fraction === '' ? `${whole}` : `${whole}.${fraction}`;
        return parseMoney(text) === whole * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
      }),
      { numRuns: 2_000 },
    );
  });

  it('the formatted string is canonical: no trailing fraction zeros, no lone dot, no leading zeros', () => {
    fc.assert(
      fc.property(micros, (value) => {
        const text = formatMoney(value);
        return !/\.$|\.[0-9]*0$|^-?0[0-9]/.test(text) && text !== '-0';
      }),
      { numRuns: 5_000 },
    );
  });

  it('parsing pads the fraction: "w.f" is w * 10^6 + f * 10^(6 - digits)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 9_000_000_000_000n }), fc.stringMatching(/^[0-9]{1,6}$/), (whole, fraction) => {
        const expected = whole * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
        return parseMoney(`${whole}.${fraction}`) === expected && parseMoney(`-${whole}.${fraction}`) === -expected;
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('formatMoneyForPeople', () => {
  it.each([
    [5_000_000n, 'USD', '$5.00'],
    [0n, 'USD', '$0.00'],
    [12_500_000n, 'USD', '$12.50'],
    [98_311_500n, 'USD', '$98.31'],
    [1n, 'EUR', '€0.000001'],
    [-1_234_500_000n, 'GBP', '-£1,234.50'],
    [1_234_567_123_456n, 'USD', '$1,234,567.12'],
    // Half-up on the magnitude at the half cent; below one cent every significant digit.
    [12_345_000n, 'USD', '$12.35'],
    [12_344_999n, 'USD', '$12.34'],
    [-12_345_000n, 'USD', '-$12.35'],
    [999_995_000n, 'USD', '$1,000.00'],
    [9_999n, 'USD', '$0.009999'],
    [-9_999n, 'USD', '-$0.009999'],
    [10_000n, 'USD', '$0.01'],
    [10_001n, 'USD', '$0.01'],
    [15_000n, 'USD', '$0.02'],
    [12_500_000n, 'CAD', 'CAD 12.50'],
    [100_000_000n, 'AUD', 'AUD 100.00'],
  ])('formats %s micros of %s as %s', (micros, currency, text) => {
    expect(formatMoneyForPeople(micros, currency)).toBe(text);
  });

  it.each([
    [5_000_000n, 'USD', '5.00 USD'],
    [4_990_000n, 'USD', '4.99 USD'],
    [8_500n, 'GBP', '0.0085 GBP'],
    [0n, 'EUR', '0.00 EUR'],
    [-3_500_000n, 'USD', '-3.50 USD'],
    [1_234_500_000n, 'CAD', '1234.50 CAD'],
  ])('in the code style (alert and notification texts) formats %s micros of %s as %s', (micros, currency, text) => {
    expect(formatMoneyForPeople(micros, currency, 'code')).toBe(text);
  });

  it.each([
    [13_000n, 'USD', '$0.013'],
    [8_500n, 'GBP', '£0.0085'],
    [3_000_000n, 'USD', '$3.00'],
    [1_234_123_456n, 'USD', '$1,234.123456'],
  ])('as a unit price formats %s micros of %s as %s, never rounded', (micros, currency, text) => {
    expect(formatMoneyForPeople(micros, currency, 'symbol', 'unit-price')).toBe(text);
  });

  it('a unit price never rounds; an amount is within half a cent, and exact below a cent (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: BIGINT_MIN + 1n, max: BIGINT_MAX }), (micros) => {
        expect(parseMoney(formatMoneyForPeople(micros, 'EUR', 'code', 'unit-price').replace(' EUR', ''))).toBe(micros);
        const price = formatMoneyForPeople(micros, 'USD', 'symbol', 'unit-price');
        expect(parseMoney(price.replace('$', '').replace(/,/g, ''))).toBe(micros);
        const magnitude = micros < 0n ? -micros : micros;
        // Rounding up at the very end of bigint's range leaves it: nothing holds that much.
        if (magnitude > BIGINT_MAX - 10_000n) return;
        const shown = parseMoney(formatMoneyForPeople(micros, 'EUR', 'code').replace(' EUR', ''));
        if (magnitude < 10_000n) expect(shown).toBe(micros);
        else {
          const away = (micros < 0n ? -shown : shown) - magnitude;
          expect(away <= 5_000n && away > -5_000n && shown % 10_000n === 0n).toBe(true);
        }
      }),
    );
  });
});
