/**
 * Tax on a purchase, per the billing FAQ we must honour: UK customers pay 20% VAT; EU customers
 * pay their member state's VAT unless they have entered a VAT registration number (reverse
 * charge); US customers pay their state's sales tax where we collect it; everyone else pays none.
 * Pure: no I/O, no floats. Rates are integer parts-per-million (ppm): 20% = 200_000n.
 */
import { formatMoney } from '../wallets/money.js';

/** Parts-per-million in a whole (100%). */
const PPM_PER_UNIT = 1_000_000n;

/** Parts-per-million in one percentage point. */
const PPM_PER_PERCENT = 10_000n;

/** Most fraction digits a percentage may carry and still be a whole number of ppm. */
const PERCENT_FRACTION_DIGITS_MAX = 4;

/**
 * Micros in the minor unit every tax amount is rounded to: one cent (1/100 of the major unit).
 * Every supported currency (USD, EUR, GBP, CAD, AUD) has two decimals, so a total rounded to it
 * can be charged by card exactly.
 */
const TAX_ROUNDING_INCREMENT_MICROS = 10_000n;

/** Where and who the buyer is, as stored on the account. */
export interface BillingProfile {
  /** ISO 3166-1 alpha-2, upper case (e.g. 'GB', 'DE', 'US'), or null when unknown. */
  country: string | null;
  /** For US: the two-letter state code (e.g. 'CA'); otherwise null. */
  state: string | null;
  /** VAT registration number as entered (may contain spaces/dots/dashes), or null. */
  vatNumber: string | null;
}

/** The rates {@link quoteTax} applies. Every rate is in ppm and lies in 0..1_000_000n (0%..100%). */
export interface TaxRules {
  /** UK VAT in ppm. @default 200_000n (20%) */
  ukVatRatePpm: bigint;
  /**
   * Per EU member state standard VAT rate in ppm, keyed by ISO country code ('GR' for Greece).
   * Must hold every member state: an EU buyer without a valid VAT number always pays VAT.
   */
  euVatRatesPpm: Record<string, bigint>;
  /** Per US state sales tax rate in ppm, keyed by state code; a state absent = no tax (no nexus). */
  usStateRatesPpm: Record<string, bigint>;
}

/**
 * The standard VAT rates of the 27 EU member states in 2025, in ppm. Review them when a member
 * state changes its rate (Finland 24 → 25.5 in 2024, Estonia 22 → 24 and Romania 19 → 21 in 2025).
 */
const EU_STANDARD_VAT_RATES_PPM: Readonly<Record<string, bigint>> = Object.freeze({
  AT: 200_000n,
  BE: 210_000n,
  BG: 200_000n,
  HR: 250_000n,
  CY: 190_000n,
  CZ: 210_000n,
  DK: 250_000n,
  EE: 240_000n,
  FI: 255_000n,
  FR: 200_000n,
  DE: 190_000n,
  GR: 240_000n,
  HU: 270_000n,
  IE: 230_000n,
  IT: 220_000n,
  LV: 210_000n,
  LT: 210_000n,
  LU: 170_000n,
  MT: 180_000n,
  NL: 210_000n,
  PL: 230_000n,
  PT: 230_000n,
  RO: 210_000n,
  SK: 230_000n,
  SI: 220_000n,
  ES: 210_000n,
  SE: 250_000n,
});

/**
 * The rules used when {@link quoteTax} is given none: UK VAT 20% and every EU member state's 2025
 * standard rate. The US rates are EXAMPLES only (state base rates, without county and city
 * surcharges): configure the states where the business has nexus, e.g. with
 * {@link parseUsStateRates}. Frozen: copy it to change a rate.
 */
export const DEFAULT_TAX_RULES: TaxRules = Object.freeze({
  ukVatRatePpm: 200_000n,
  euVatRatesPpm: EU_STANDARD_VAT_RATES_PPM,
  usStateRatesPpm: Object.freeze({
    CA: 72_500n,
    NY: 40_000n,
    TX: 62_500n,
    WA: 65_000n,
    FL: 60_000n,
  }),
});

/**
 * How a purchase is taxed: UK VAT, EU VAT at the buyer's member state rate, EU reverse charge
 * (a valid VAT number; the buyer accounts for the VAT), US state sales tax, or no tax.
 */
export type TaxTreatment = 'UK_VAT' | 'EU_VAT' | 'EU_REVERSE_CHARGE' | 'US_SALES_TAX' | 'NONE';

/** The tax on one purchase, ready for a checkout summary. */
export interface TaxQuote {
  treatment: TaxTreatment;
  /** The rate applied, in ppm; 0n for reverse charge and no tax. */
  ratePpm: bigint;
  /** Tax in micros, a whole number of cents. */
  taxMicros: bigint;
  /** amount + tax, in micros. */
  totalMicros: bigint;
  /** Human label for a checkout summary, e.g. 'VAT 20% (United Kingdom)', 'VAT reverse charge (EU VAT number DE123456789)', 'Sales tax 7.25% (CA)', 'No tax'. */
  label: string;
}

/**
 * English names of the EU member states, keyed by ISO code, for labels. The one list: the API
 * serves it (`euCountries`) to the dashboard, which must not keep its own copy.
 */
const EU_COUNTRY_NAMES: Readonly<Record<string, string>> = Object.freeze({
  AT: 'Austria',
  BE: 'Belgium',
  BG: 'Bulgaria',
  HR: 'Croatia',
  CY: 'Cyprus',
  CZ: 'Czechia',
  DK: 'Denmark',
  EE: 'Estonia',
  FI: 'Finland',
  FR: 'France',
  DE: 'Germany',
  GR: 'Greece',
  HU: 'Hungary',
  IE: 'Ireland',
  IT: 'Italy',
  LV: 'Latvia',
  LT: 'Lithuania',
  LU: 'Luxembourg',
  MT: 'Malta',
  NL: 'Netherlands',
  PL: 'Poland',
  PT: 'Portugal',
  RO: 'Romania',
  SK: 'Slovakia',
  SI: 'Slovenia',
  ES: 'Spain',
  SE: 'Sweden',
});

/**
 * The part after the country prefix of each member state's VAT number, as the European
 * Commission's VIES documents it. A format check only: no check digits, no registry lookup.
 */
const EU_VAT_NUMBER_BODY_PATTERNS: Readonly<Record<string, RegExp>> = Object.freeze({
  AT: /^U[0-9]{8}$/,
  BE: /^[01][0-9]{9}$/,
  BG: /^[0-9]{9,10}$/,
  HR: /^[0-9]{11}$/,
  CY: /^[0-9]{8}[A-Z]$/,
  CZ: /^[0-9]{8,10}$/,
  DK: /^[0-9]{8}$/,
  EE: /^[0-9]{9}$/,
  FI: /^[0-9]{8}$/,
  FR: /^[0-9A-Z]{2}[0-9]{9}$/,
  DE: /^[0-9]{9}$/,
  GR: /^[0-9]{9}$/,
  HU: /^[0-9]{8}$/,
  // Current format: 7 digits and 1 or 2 letters; old format: digit, letter or '+' or '*', 5 digits, letter.
  IE: /^(?:[0-9]{7}[A-Z]{1,2}|[0-9][A-Z+*][0-9]{5}[A-Z])$/,
  IT: /^[0-9]{11}$/,
  LV: /^[0-9]{11}$/,
  LT: /^(?:[0-9]{9}|[0-9]{12})$/,
  LU: /^[0-9]{8}$/,
  MT: /^[0-9]{8}$/,
  NL: /^[0-9]{9}B[0-9]{2}$/,
  PL: /^[0-9]{10}$/,
  PT: /^[0-9]{9}$/,
  RO: /^[0-9]{2,10}$/,
  SK: /^[0-9]{10}$/,
  SI: /^[0-9]{8}$/,
  // First and last characters may each be a letter or a digit, but VIES says not both digits.
  ES: /^(?:[A-Z][0-9]{7}[0-9A-Z]|[0-9]{8}[A-Z])$/,
  SE: /^[0-9]{10}01$/,
});

/** The 27 EU member states (code and English name), by code: the countries whose buyers pay EU VAT or reverse-charge it. */
export function euCountries(): { code: string; name: string }[] {
  return Object.entries(EU_COUNTRY_NAMES)
    .map(([code, name]) => ({ code, name }))
    .sort((left, right) => (left.code < right.code ? -1 : left.code > right.code ? 1 : 0));
}

/** True for the 27 EU member states (not GB). `country` is an ISO 3166-1 alpha-2 code, upper case. */
export function isEuCountry(country: string): boolean {
  return Object.hasOwn(EU_VAT_NUMBER_BODY_PATTERNS, country);
}

/** The prefix a member state's VAT numbers carry: its ISO code, except 'EL' for Greece. */
function vatPrefix(country: string): string {
  return country === 'GR' ? 'EL' : country;
}

/**
 * Normalizes a VAT number (upper case; spaces, dots and dashes removed) and checks its FORMAT for
 * the EU member state `country` (ISO code, 'GR' for Greece). The number must start with that
 * state's prefix, as on invoices and in VIES: a number without it, or with another state's, is
 * refused, because formats overlap (a German 'DE123456789' would pass as a French body). Greece's
 * prefix is 'EL'; 'GR' is accepted too and normalized to 'EL'. Checks the format only, not that the
 * number is registered.
 * @returns the normalized number, e.g. 'DE123456789', or null when it is invalid or `country` is
 * not an EU member state.
 */
export function normalizeVatNumber(country: string, vatNumber: string): string | null {
  const countryCode = country.trim().toUpperCase();
  const bodyPattern = EU_VAT_NUMBER_BODY_PATTERNS[countryCode];
  if (!Object.hasOwn(EU_VAT_NUMBER_BODY_PATTERNS, countryCode) || bodyPattern === undefined) return null;
  const compact = vatNumber.toUpperCase().replace(/[\s.-]/g, '');
  const prefix = vatPrefix(countryCode);
  const acceptedPrefixes = countryCode === 'GR' ? ['EL', 'GR'] : [prefix];
  const matchedPrefix = acceptedPrefixes.find((candidate) => compact.startsWith(candidate));
  if (matchedPrefix === undefined) return null;
  const body = compact.slice(matchedPrefix.length);
  return bodyPattern.test(body) ? `${prefix}${body}` : null;
}

/**
 * Formats a ppm rate as a percentage decimal string without trailing zeros:
 * 200_000n → '20', 72_500n → '7.25', 255_000n → '25.5', 1n → '0.0001'.
 * @throws RangeError when the rate is negative.
 */
export function formatRatePercent(ratePpm: bigint): string {
  if (ratePpm < 0n) throw new RangeError(`A tax rate cannot be negative: ${ratePpm} ppm`);
  const whole = ratePpm / PPM_PER_PERCENT;
  const fraction = (ratePpm % PPM_PER_PERCENT).toString().padStart(PERCENT_FRACTION_DIGITS_MAX, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** Asserts a configured rate is a whole number of ppm in 0%..100%; a rule outside it is a bug. */
function assertRate(ratePpm: bigint, what: string): bigint {
  if (ratePpm < 0n || ratePpm > PPM_PER_UNIT) {
    throw new RangeError(`Tax rule ${what} must be 0..${PPM_PER_UNIT} ppm (0%..100%), got ${ratePpm}`);
  }
  return ratePpm;
}

/**
 * Tax on `amountMicros` at `ratePpm`, rounded half-up to the cent on the exact product
 * amount × rate / 1e6: 0.005 of a cent or more goes up, anything less goes down.
 */
function roundedTaxMicros(amountMicros: bigint, ratePpm: bigint): bigint {
  const divisor = PPM_PER_UNIT * TAX_ROUNDING_INCREMENT_MICROS;
  // Both factors are non-negative, so bigint's truncating division is floor and this is half-up.
  const cents = (amountMicros * ratePpm + divisor / 2n) / divisor;
  return cents * TAX_ROUNDING_INCREMENT_MICROS;
}

function quote(amountMicros: bigint, treatment: TaxTreatment, ratePpm: bigint, label: string): TaxQuote {
  const taxMicros = roundedTaxMicros(amountMicros, ratePpm);
  return { treatment, ratePpm, taxMicros, totalMicros: amountMicros + taxMicros, label };
}

/**
 * Tax on a purchase of `amountMicros` by the buyer `profile`, under `rules`
 * (@default {@link DEFAULT_TAX_RULES}):
 * - 'GB' (or its alias 'UK'): UK VAT, whatever VAT number is on file.
 * - An EU member state: reverse charge at 0 when the VAT number's format is valid for that state
 *   ({@link normalizeVatNumber}); otherwise that state's VAT (an invalid number does not exempt).
 * - 'US': the state's configured rate; a state without one (or no state) is not taxed.
 * - Any other or unknown country: no tax.
 * Tax is rounded half-up to the currency's minor unit (cents: 10_000 micros) so the total can be
 * charged by card exactly.
 * @throws RangeError when `amountMicros` is negative or an applicable rule rate lies outside
 * 0..1_000_000 ppm; Error when `rules` lacks the buyer's EU member state.
 */
export function quoteTax(amountMicros: bigint, profile: BillingProfile, rules: TaxRules = DEFAULT_TAX_RULES): TaxQuote {
  if (amountMicros < 0n) {
    throw new RangeError(`Cannot quote tax on a negative amount: ${formatMoney(amountMicros)}`);
  }
  const country = profile.country?.trim().toUpperCase() ?? null;

  if (country === 'GB' || country === 'UK') {
    const ratePpm = assertRate(rules.ukVatRatePpm, 'ukVatRatePpm');
    return quote(amountMicros, 'UK_VAT', ratePpm, `VAT ${formatRatePercent(ratePpm)}% (United Kingdom)`);
  }

  if (country !== null && isEuCountry(country)) {
    const vatNumber = profile.vatNumber === null ? null : normalizeVatNumber(country, profile.vatNumber);
    if (vatNumber !== null) {
      return quote(amountMicros, 'EU_REVERSE_CHARGE', 0n, `VAT reverse charge (EU VAT number ${vatNumber})`);
    }
    const configured = rules.euVatRatesPpm[country];
    // Charging nothing for a missing member state would break the FAQ's promise to charge EU VAT.
    if (!Object.hasOwn(rules.euVatRatesPpm, country) || configured === undefined) {
      throw new Error(`Tax rules have no VAT rate for EU member state ${country}`);
    }
    const ratePpm = assertRate(configured, `euVatRatesPpm.${country}`);
    return quote(amountMicros, 'EU_VAT', ratePpm, `VAT ${formatRatePercent(ratePpm)}% (${EU_COUNTRY_NAMES[country] ?? country})`);
  }

  if (country === 'US') {
    const state = profile.state?.trim().toUpperCase() || null;
    const configured = state === null ? undefined : rules.usStateRatesPpm[state];
    if (state === null || !Object.hasOwn(rules.usStateRatesPpm, state) || configured === undefined) {
      return quote(amountMicros, 'NONE', 0n, `No sales tax (${state ?? 'state unknown'})`);
    }
    const ratePpm = assertRate(configured, `usStateRatesPpm.${state}`);
    return quote(amountMicros, 'US_SALES_TAX', ratePpm, `Sales tax ${formatRatePercent(ratePpm)}% (${state})`);
  }

  return quote(amountMicros, 'NONE', 0n, 'No tax');
}
