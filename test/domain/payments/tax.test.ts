// Goal: every buyer is taxed as the billing FAQ promises, to the cent, and malformed VAT numbers or rate
// strings are refused. Method: table tests per treatment and VAT format, rounding boundaries with custom rates,
// and fast-check properties over amounts and rates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BillingProfile,
  DEFAULT_TAX_RULES,
  formatRatePercent,
  isEuCountry,
  normalizeVatNumber,
  quoteTax,
  type TaxRules,
} from '../../../server/domain/payments/tax.js';
import { parseMoney } from '../../../server/domain/wallets/money.js';
import { parseUsStateRates } from '../../../server/us-sales-tax-rates.js';

const CENT_MICROS = 10_000n;

function profile(country: string | null, fields: Partial<Omit<BillingProfile, 'country'>> = {}): BillingProfile {
  return { country, state: null, vatNumber: null, ...fields };
}

/** Rules where every jurisdiction has the same rate, to aim rounding at a boundary. */
function flatRules(ratePpm: bigint): TaxRules {
  return {
    ukVatRatePpm: ratePpm,
    euVatRatesPpm: Object.fromEntries(Object.keys(DEFAULT_TAX_RULES.euVatRatesPpm).map((code) => [code, ratePpm])),
    usStateRatesPpm: { CA: ratePpm },
  };
}

describe('quoteTax treatments', () => {
  it('charges UK buyers 20% VAT, even with a VAT number, and accepts UK as an alias of GB', () => {
    for (const buyer of [
      profile('GB'),
      profile('UK'),
      profile('GB', { vatNumber: 'GB123456789' }),
      profile('GB', { vatNumber: 'DE123456789' }),
    ]) {
      expect(quoteTax(parseMoney('10'), buyer)).toEqual({
        treatment: 'UK_VAT',
        ratePpm: 200_000n,
        taxMicros: parseMoney('2'),
        totalMicros: parseMoney('12'),
        label: 'VAT 20% (United Kingdom)',
      });
    }
  });

  it('charges an EU buyer without a VAT number their member state rate', () => {
    expect(quoteTax(parseMoney('100'), profile('DE'))).toEqual({
      treatment: 'EU_VAT',
      ratePpm: 190_000n,
      taxMicros: parseMoney('19'),
      totalMicros: parseMoney('119'),
      label: 'VAT 19% (Germany)',
    });
    expect(quoteTax(parseMoney('100'), profile('FI')).label).toBe('VAT 25.5% (Finland)');
    expect(quoteTax(parseMoney('100'), profile('FI')).taxMicros).toBe(parseMoney('25.5'));
  });

  it('applies the reverse charge at 0 when the EU buyer entered a VAT number valid for their country', () => {
    expect(quoteTax(parseMoney('100'), profile('DE', { vatNumber: 'de 123.456-789' }))).toEqual({
      treatment: 'EU_REVERSE_CHARGE',
      ratePpm: 0n,
      taxMicros: 0n,
      totalMicros: parseMoney('100'),
      label: 'VAT reverse charge (EU VAT number DE123456789)',
    });
  });

  it('still charges VAT when the VAT number has an invalid format', () => {
    const quote = quoteTax(parseMoney('100'), profile('DE', { vatNumber: 'DE12345678' }));
    expect(quote.treatment).toBe('EU_VAT');
    expect(quote.taxMicros).toBe(parseMoney('19'));
  });

  it('still charges VAT when the VAT number carries another member state prefix', () => {
    // The body would be a valid French format, but the buyer is in France and the number is German.
    const quote = quoteTax(parseMoney('100'), profile('FR', { vatNumber: 'DE123456789' }));
    expect(quote.treatment).toBe('EU_VAT');
    expect(quote.label).toBe('VAT 20% (France)');
  });

  it('applies the reverse charge to Greek buyers with an EL or a GR prefixed number', () => {
    expect(quoteTax(parseMoney('50'), profile('GR', { vatNumber: 'EL094014201' })).label).toBe(
      'VAT reverse charge (EU VAT number EL094014201)',
    );
    expect(quoteTax(parseMoney('50'), profile('GR', { vatNumber: 'GR094014201' })).treatment).toBe('EU_REVERSE_CHARGE');
    expect(quoteTax(parseMoney('50'), profile('GR'))).toMatchObject({ treatment: 'EU_VAT', ratePpm: 240_000n, label: 'VAT 24% (Greece)' });
  });

  it('charges a US buyer their configured state rate, and nothing in a state without one', () => {
    expect(quoteTax(parseMoney('100'), profile('US', { state: 'CA' }))).toEqual({
      treatment: 'US_SALES_TAX',
      ratePpm: 72_500n,
      taxMicros: parseMoney('7.25'),
      totalMicros: parseMoney('107.25'),
      label: 'Sales tax 7.25% (CA)',
    });
    expect(quoteTax(parseMoney('100'), profile('US', { state: 'OR' }))).toEqual({
      treatment: 'NONE',
      ratePpm: 0n,
      taxMicros: 0n,
      totalMicros: parseMoney('100'),
      label: 'No sales tax (OR)',
    });
    expect(quoteTax(parseMoney('100'), profile('US')).treatment).toBe('NONE');
    // Object prototype keys are not state rates.
    expect(quoteTax(parseMoney('100'), profile('US', { state: 'constructor' })).treatment).toBe('NONE');
  });

  it('charges no tax to other and unknown countries', () => {
    for (const buyer of [profile('CH'), profile('NO', { vatNumber: 'NO123456789MVA' }), profile('JP'), profile(null)]) {
      expect(quoteTax(parseMoney('100'), buyer)).toEqual({
        treatment: 'NONE',
        ratePpm: 0n,
        taxMicros: 0n,
        totalMicros: parseMoney('100'),
        label: 'No tax',
      });
    }
  });

  it('refuses a negative amount, an out-of-range rate and rules missing an EU member state', () => {
    expect(() => quoteTax(-1n, profile('GB'))).toThrow(RangeError);
    expect(() => quoteTax(1n, profile('GB'), { ...DEFAULT_TAX_RULES, ukVatRatePpm: 1_000_001n })).toThrow(RangeError);
    expect(() => quoteTax(1n, profile('DE'), { ...DEFAULT_TAX_RULES, euVatRatesPpm: {} })).toThrow(/no VAT rate for EU member state DE/);
  });
});

describe('quoteTax rounding', () => {
  it('rounds a tax of exactly half a cent up and just below half a cent down', () => {
    const rules = flatRules(125_000n); // 12.5%
    for (const buyer of [profile('GB'), profile('DE'), profile('US', { state: 'CA' })]) {
      // 0.04 × 12.5% = 0.005 exactly: half a cent goes up to one cent.
      expect(quoteTax(40_000n, buyer, rules)).toMatchObject({ taxMicros: 10_000n, totalMicros: 50_000n });
      // 0.039999 × 12.5% = 0.004999875: just below half a cent goes down to nothing.
      expect(quoteTax(39_999n, buyer, rules)).toMatchObject({ taxMicros: 0n, totalMicros: 39_999n });
      // 0.12 × 12.5% = 0.015: 1.5 cents goes up to 2.
      expect(quoteTax(120_000n, buyer, rules).taxMicros).toBe(20_000n);
    }
  });

  it('rounds on the exact product, not a pre-rounded rate or amount', () => {
    // 9.99 × 19% = 1.8981 → 1.90.
    expect(quoteTax(parseMoney('9.99'), profile('DE')).taxMicros).toBe(parseMoney('1.9'));
    // 0.068966 × 7.25% = 0.005000035 → one cent; 0.068965 × 7.25% = 0.0049999625 → none.
    expect(quoteTax(68_966n, profile('US', { state: 'CA' })).taxMicros).toBe(10_000n);
    expect(quoteTax(68_965n, profile('US', { state: 'CA' })).taxMicros).toBe(0n);
  });

  it('total = amount + tax, tax is whole cents, and 0 ≤ tax ≤ amount × rate + half a cent', () => {
    const buyers = [
      profile('GB'),
      profile('IE'),
      profile('US', { state: 'CA' }),
      profile('DE', { vatNumber: 'DE123456789' }),
      profile('BR'),
    ];
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.bigInt({ min: 0n, max: 1_000_000n }),
        fc.constantFrom(...buyers),
        (amountMicros, ratePpm, buyer) => {
          const quote = quoteTax(amountMicros, buyer, flatRules(ratePpm));
          expect(quote.totalMicros).toBe(amountMicros + quote.taxMicros);
          expect(quote.taxMicros % CENT_MICROS).toBe(0n);
          expect(quote.taxMicros).toBeGreaterThanOrEqual(0n);
          // Compared in micros × 1e6 so the bound is exact.
          expect(quote.taxMicros * 1_000_000n).toBeLessThanOrEqual(amountMicros * quote.ratePpm + (CENT_MICROS / 2n) * 1_000_000n);
          // Half-up also means never more than half a cent below the exact tax.
          expect(quote.taxMicros * 1_000_000n).toBeGreaterThan(amountMicros * quote.ratePpm - (CENT_MICROS / 2n) * 1_000_000n);
        },
      ),
    );
  });
});

describe('normalizeVatNumber', () => {
  it.each([
    ['AT', 'ATU12345678', 'ATU12345678'],
    ['BE', 'BE 0123.456.789', 'BE0123456789'],
    ['BE', 'BE1234567890', 'BE1234567890'],
    ['BG', 'BG123456789', 'BG123456789'],
    ['BG', 'BG1234567890', 'BG1234567890'],
    ['HR', 'HR12345678901', 'HR12345678901'],
    ['CY', 'CY12345678L', 'CY12345678L'],
    ['CZ', 'CZ12345678', 'CZ12345678'],
    ['CZ', 'CZ1234567890', 'CZ1234567890'],
    ['DK', 'DK 12 34 56 78', 'DK12345678'],
    ['EE', 'EE123456789', 'EE123456789'],
    ['FI', 'FI12345678', 'FI12345678'],
    ['FR', 'FR 40 303 265 045', 'FR40303265045'],
    ['FR', 'frxa123456789', 'FRXA123456789'],
    ['DE', 'de-123-456-789', 'DE123456789'],
    ['GR', 'EL123456789', 'EL123456789'],
    ['GR', 'GR123456789', 'EL123456789'],
    ['HU', 'HU12345678', 'HU12345678'],
    ['IE', 'IE6388047V', 'IE6388047V'],
    ['IE', 'IE3668997OH', 'IE3668997OH'],
    ['IE', 'IE8Z49289F', 'IE8Z49289F'],
    ['IE', 'IE1+23456A', 'IE1+23456A'],
    ['IT', 'IT12345678901', 'IT12345678901'],
    ['LV', 'LV12345678901', 'LV12345678901'],
    ['LT', 'LT123456789', 'LT123456789'],
    ['LT', 'LT123456789012', 'LT123456789012'],
    ['LU', 'LU12345678', 'LU12345678'],
    ['MT', 'MT12345678', 'MT12345678'],
    ['NL', 'NL123456789B01', 'NL123456789B01'],
    ['NL', 'nl.1234.56.789.b.01', 'NL123456789B01'],
    ['PL', 'PL1234567890', 'PL1234567890'],
    ['PT', 'PT123456789', 'PT123456789'],
    ['RO', 'RO12', 'RO12'],
    ['RO', 'RO1234567890', 'RO1234567890'],
    ['SK', 'SK1234567890', 'SK1234567890'],
    ['SI', 'SI12345678', 'SI12345678'],
    ['ES', 'ESX1234567X', 'ESX1234567X'],
    ['ES', 'ESA12345678', 'ESA12345678'],
    ['ES', 'ES12345678Z', 'ES12345678Z'],
    ['SE', 'SE123456789001', 'SE123456789001'],
  ])('%s: %j is valid as %j', (country, input, normalized) => {
    expect(normalizeVatNumber(country, input)).toBe(normalized);
  });

  it.each([
    ['AT', 'AT12345678', 'AT without the U'],
    ['BE', 'BE2123456789', 'BE starting with 2'],
    ['BE', 'BE123456789', 'BE with 9 digits'],
    ['CY', 'CY123456789', 'CY without the final letter'],
    ['DE', 'DE12345678', 'DE with 8 digits'],
    ['DE', 'DE1234567890', 'DE with 10 digits'],
    ['DE', '123456789', 'no country prefix'],
    ['DE', 'FR40303265045', 'another member state prefix'],
    ['FR', 'DE123456789', 'a German number for France'],
    ['GR', 'GB123456789', 'Greece with a GB prefix'],
    ['IE', 'IE1234567', 'IE without letters'],
    ['IE', 'IE1234567ABC', 'IE with three letters'],
    ['NL', 'NL123456789', 'NL without B01'],
    ['NL', 'NL123456789X01', 'NL with X instead of B'],
    ['ES', 'ES123456789', 'ES with digits at both ends'],
    ['RO', 'RO1', 'RO with 1 digit'],
    ['SE', 'SE123456789012', 'SE not ending in 01'],
    ['DE', 'DE12345678O', 'a letter O for a zero'],
    ['DE', 'DE 123_456_789', 'underscores'],
    ['DE', '', 'an empty string'],
    ['GB', 'GB123456789', 'a non-EU country'],
    ['US', 'US123456789', 'a non-EU country'],
  ])('%s: %j is refused (%s)', (country, input) => {
    expect(normalizeVatNumber(country, input)).toBeNull();
  });
});

describe('isEuCountry', () => {
  it('is true for exactly the 27 member states', () => {
    const members = [
      'AT',
      'BE',
      'BG',
      'HR',
      'CY',
      'CZ',
      'DK',
      'EE',
      'FI',
      'FR',
      'DE',
      'GR',
      'HU',
      'IE',
      'IT',
      'LV',
      'LT',
      'LU',
      'MT',
      'NL',
      'PL',
      'PT',
      'RO',
      'SK',
      'SI',
      'ES',
      'SE',
    ];
    expect(members).toHaveLength(27);
    for (const code of members) expect(isEuCountry(code)).toBe(true);
    for (const code of ['GB', 'UK', 'EL', 'CH', 'NO', 'US', 'XI', '', 'constructor']) expect(isEuCountry(code)).toBe(false);
    expect(Object.keys(DEFAULT_TAX_RULES.euVatRatesPpm).sort()).toEqual([...members].sort());
  });
});

describe('formatRatePercent', () => {
  it.each([
    [200_000n, '20'],
    [72_500n, '7.25'],
    [255_000n, '25.5'],
    [1n, '0.0001'],
    [0n, '0'],
    [1_000_000n, '100'],
    [40_000n, '4'],
    [62_500n, '6.25'],
  ])('%s ppm → %j', (ratePpm, text) => {
    expect(formatRatePercent(ratePpm)).toBe(text);
  });

  it('refuses a negative rate', () => {
    expect(() => formatRatePercent(-1n)).toThrow(RangeError);
  });
});

describe('parseUsStateRates', () => {
  it.each([
    ['CA=7.25,NY=4', { CA: 72_500n, NY: 40_000n }],
    [' ca = 7.25 , tx=6.25 ', { CA: 72_500n, TX: 62_500n }],
    ['WA=6.5', { WA: 65_000n }],
    ['OR=0', { OR: 0n }],
    ['PR=100', { PR: 1_000_000n }],
    ['DC=0.0001', { DC: 1n }],
    ['', {}],
    ['   ', {}],
  ])('parses %j', (text, rates) => {
    expect(parseUsStateRates(text)).toEqual(rates);
  });

  it.each([
    ['CA', /STATE=RATE/],
    ['CA=7.25=1', /STATE=RATE/],
    ['CA=7.25,', /STATE=RATE/],
    ['CA=7.25,,NY=4', /STATE=RATE/],
    ['XX=5', /not a US state code/],
    ['CAL=5', /not a US state code/],
    ['=5', /not a US state code/],
    ['CA=7.25,CA=8', /more than once/],
    ['CA=', /percentage with at most 4 decimals/],
    ['CA=7.12345', /percentage with at most 4 decimals/],
    ['CA=7%', /percentage with at most 4 decimals/],
    ['CA=-1', /percentage with at most 4 decimals/],
    ['CA=1e1', /percentage with at most 4 decimals/],
    ['CA=.5', /percentage with at most 4 decimals/],
    ['CA=7,5', /STATE=RATE/],
    ['CA=100.0001', /above 100%/],
    ['CA=250', /above 100%/],
  ])('refuses %j', (text, message) => {
    expect(() => parseUsStateRates(text)).toThrow(message);
  });
});
