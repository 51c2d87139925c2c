// Goal: Money strings are shown in their currency by one rule (amounts to the cent, rounded half-up as the server rounds; amounts below a cent and unit prices to every significant digit), never through a JS float; method: examples at every boundary plus fast-check properties over random micro-unit amounts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, MoneyFormatError, moneySign, negateMoney } from '../../../client/src/utils/money.js';

describe('formatMoney', () => {
  it('shows the examples of the Money scalar', () => {
    expect(formatMoney('98.3115', 'USD')).toBe('$98.31');
    expect(formatMoney('12.5', 'USD')).toBe('$12.50');
    expect(formatMoney('0.0085', 'USD')).toBe('$0.0085');
    expect(formatMoney('-3', 'USD')).toBe('-$3.00');
  });

  it('shows zero with two decimals and no sign', () => {
    expect(formatMoney('0', 'USD')).toBe('$0.00');
    expect(formatMoney('0.0', 'EUR')).toBe('€0.00');
    expect(formatMoney('-0', 'GBP')).toBe('£0.00');
    expect(formatMoney('-0.000000', 'USD')).toBe('$0.00');
    expect(formatMoney('0', 'USD', { signDisplay: 'exceptZero' })).toBe('$0.00');
    expect(formatMoney('000', 'CAD')).toBe('CAD 0.00');
  });

  it('pads to at least two fraction digits', () => {
    expect(formatMoney('7', 'USD')).toBe('$7.00');
    expect(formatMoney('7.1', 'USD')).toBe('$7.10');
    expect(formatMoney('7.12', 'USD')).toBe('$7.12');
    expect(formatMoney('7.123', 'USD')).toBe('$7.12');
  });

  it('rounds an amount of a cent or more to the cent, half-up on the magnitude, exactly', () => {
    expect(formatMoney('1234567.123456', 'USD')).toBe('$1,234,567.12');
    expect(formatMoney('0.999999', 'USD')).toBe('$1.00');
    expect(formatMoney('9007199254740993.000001', 'USD')).toBe('$9,007,199,254,740,993.00');
    expect(formatMoney('9007199254740993.005', 'USD')).toBe('$9,007,199,254,740,993.01');
    // The half: .005 goes up, .004999 down; for negatives the magnitude does the same.
    expect(formatMoney('12.345', 'USD')).toBe('$12.35');
    expect(formatMoney('12.344999', 'USD')).toBe('$12.34');
    expect(formatMoney('12.355', 'USD')).toBe('$12.36');
    expect(formatMoney('-12.345', 'USD')).toBe('-$12.35');
    expect(formatMoney('-12.344999', 'USD')).toBe('-$12.34');
    expect(formatMoney('999.995', 'USD')).toBe('$1,000.00');
    expect(formatMoney('6.389', 'USD')).toBe('$6.39');
    // 0.1 + 0.2 is 0.30000000000000004 as a float; as a string it stays 0.3.
    expect(formatMoney('0.3', 'USD')).toBe('$0.30');
  });

  it('keeps every significant digit of an amount below one cent, so it never reads $0.00', () => {
    expect(formatMoney('0.000001', 'USD')).toBe('$0.000001');
    expect(formatMoney('0.000005', 'USD')).toBe('$0.000005');
    expect(formatMoney('0.005', 'USD')).toBe('$0.005');
    expect(formatMoney('0.009999', 'USD')).toBe('$0.009999');
    expect(formatMoney('-0.009999', 'USD')).toBe('-$0.009999');
    // One cent and above: to the cent.
    expect(formatMoney('0.01', 'USD')).toBe('$0.01');
    expect(formatMoney('0.010001', 'USD')).toBe('$0.01');
    expect(formatMoney('0.014999', 'USD')).toBe('$0.01');
    expect(formatMoney('0.015', 'USD')).toBe('$0.02');
  });

  it('shows a unit price with every significant digit, up to six, never rounded', () => {
    const unitPrice = { precision: 'unit-price' } as const;
    expect(formatMoney('0.013', 'USD', unitPrice)).toBe('$0.013');
    expect(formatMoney('0.0085', 'GBP', unitPrice)).toBe('£0.0085');
    expect(formatMoney('3', 'USD', unitPrice)).toBe('$3.00');
    expect(formatMoney('3.1', 'USD', unitPrice)).toBe('$3.10');
    expect(formatMoney('1234.123456', 'USD', unitPrice)).toBe('$1,234.123456');
    expect(formatMoney('0.999999', 'USD', unitPrice)).toBe('$0.999999');
    expect(formatMoney('-0.0125', 'USD', unitPrice)).toBe('-$0.0125');
  });

  it('drops trailing zeros beyond the second fraction digit and leading zeros of the integer part', () => {
    expect(formatMoney('12.500000', 'USD')).toBe('$12.50');
    expect(formatMoney('12.010', 'USD')).toBe('$12.01');
    expect(formatMoney('0012.5', 'USD')).toBe('$12.50');
    expect(formatMoney('-000.0100', 'USD')).toBe('-$0.01');
  });

  it('adds thousands separators to the integer part only', () => {
    expect(formatMoney('999', 'USD')).toBe('$999.00');
    expect(formatMoney('1000', 'USD')).toBe('$1,000.00');
    expect(formatMoney('12345.6789', 'USD')).toBe('$12,345.68');
    expect(formatMoney('123456', 'USD')).toBe('$123,456.00');
    expect(formatMoney('1234567', 'USD')).toBe('$1,234,567.00');
    expect(formatMoney('10000000000', 'USD')).toBe('$10,000,000,000.00');
    expect(formatMoney('-1234567.5', 'USD')).toBe('-$1,234,567.50');
  });

  it('puts the minus sign before the symbol or code', () => {
    expect(formatMoney('-12.5', 'USD')).toBe('-$12.50');
    expect(formatMoney('-12.5', 'GBP')).toBe('-£12.50');
    expect(formatMoney('-12.5', 'EUR')).toBe('-€12.50');
    expect(formatMoney('-12.5', 'CAD')).toBe('-CAD 12.50');
    expect(formatMoney('-0.0085', 'USD')).toBe('-$0.0085');
  });

  it('writes $, £ and € as symbols and any other code before the number', () => {
    expect(formatMoney('12.5', 'USD')).toBe('$12.50');
    expect(formatMoney('12.5', 'GBP')).toBe('£12.50');
    expect(formatMoney('12.5', 'EUR')).toBe('€12.50');
    expect(formatMoney('12.5', 'CAD')).toBe('CAD 12.50');
    expect(formatMoney('1234.5', 'JPY')).toBe('JPY 1,234.50');
    expect(formatMoney('12.5', 'usd')).toBe('$12.50');
    expect(formatMoney('12.5', ' GBP ')).toBe('£12.50');
    expect(formatMoney('12.5', '')).toBe('12.50');
  });

  it('adds a plus sign to positive amounts with signDisplay "exceptZero"', () => {
    expect(formatMoney('10', 'USD', { signDisplay: 'exceptZero' })).toBe('+$10.00');
    expect(formatMoney('-0.42', 'USD', { signDisplay: 'exceptZero' })).toBe('-$0.42');
    expect(formatMoney('5', 'CAD', { signDisplay: 'exceptZero' })).toBe('+CAD 5.00');
    expect(formatMoney('5', 'USD', { signDisplay: 'auto' })).toBe('$5.00');
  });

  it('refuses strings that are not Money', () => {
    for (const bad of [
      '',
      ' ',
      '12.',
      '.5',
      '+5',
      '1e3',
      '1,000',
      '12.5 ',
      ' 12.5',
      '0x10',
      'NaN',
      'Infinity',
      '--1',
      '1.2.3',
      '1.1234567',
    ]) {
      expect(() => formatMoney(bad, 'USD'), bad).toThrow(MoneyFormatError);
    }
  });

  it('shows any micro-unit amount as a unit price digit for digit, and as an amount within half a cent (property)', () => {
    const micros = fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n });
    fc.assert(
      fc.property(micros, (amountMicros) => {
        const magnitude = amountMicros < 0n ? -amountMicros : amountMicros;
        const integer = (magnitude / 1_000_000n).toString();
        const fraction = (magnitude % 1_000_000n).toString().padStart(6, '0');
        const text = `${amountMicros < 0n ? '-' : ''}${integer}.${fraction}`;
        const price = formatMoney(text, 'USD', { precision: 'unit-price' });
        const expectedFraction = fraction.replace(/0+$/, '').padEnd(2, '0');
        // Removing the sign, symbol and separators gives back the digits, trailing zeros aside.
        expect(price.replace(/^-?\$/, '').replaceAll(',', '')).toBe(`${integer}.${expectedFraction}`);
        const shown = formatMoney(text, 'USD');
        const shownDigits = shown.replace(/^-?\$/, '').replaceAll(',', '');
        if (magnitude < 10_000n) {
          expect(shown).toBe(price);
        } else {
          // To the cent, at most half a cent away (exactly half rounds up), from the exact digits.
          expect(shownDigits).toMatch(/^[0-9]+\.[0-9]{2}$/);
          const shownMicros = BigInt(shownDigits.replace('.', '')) * 10_000n;
          expect(shownMicros - magnitude <= 5_000n && magnitude - shownMicros < 5_000n).toBe(true);
        }
        expect(shown.startsWith('-')).toBe(amountMicros < 0n);
        // Groups are 1–3 digits first, then exactly 3.
        expect(price.replace(/^-?\$/, '').split('.')[0]).toMatch(/^[0-9]{1,3}(,[0-9]{3})*$/);
      }),
    );
  });
});

describe('moneySign', () => {
  it('is -1, 0 or 1', () => {
    expect(moneySign('12.5')).toBe(1);
    expect(moneySign('0.000001')).toBe(1);
    expect(moneySign('-0.000001')).toBe(-1);
    expect(moneySign('-3')).toBe(-1);
    expect(moneySign('0')).toBe(0);
    expect(moneySign('-0.00')).toBe(0);
  });

  it('refuses strings that are not Money', () => {
    expect(() => moneySign('abc')).toThrow(MoneyFormatError);
  });
});

describe('negateMoney', () => {
  it('flips the sign and keeps the digits', () => {
    expect(negateMoney('0.42')).toBe('-0.42');
    expect(negateMoney('-3')).toBe('3');
    expect(negateMoney('1234567.123456')).toBe('-1234567.123456');
    expect(negateMoney('0')).toBe('0');
    expect(negateMoney('-0')).toBe('0');
  });

  it('is its own inverse (property)', () => {
    const money = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 999_999 }))
      .map(
        ([negative, integer, fraction]) =>
          `${negative ? '-' : ''}${integer}${fraction === 0 ? '' : `.${String(fraction).padStart(6, '0').replace(/0+$/, '')}`}`,
      );
    fc.assert(
      fc.property(money, (amount) => {
        expect(formatMoney(negateMoney(negateMoney(amount)), 'USD')).toBe(formatMoney(amount, 'USD'));
        expect(moneySign(negateMoney(amount))).toBe(-moneySign(amount) || 0);
      }),
    );
  });

  it('refuses strings that are not Money', () => {
    expect(() => negateMoney('1.')).toThrow(MoneyFormatError);
  });
});
