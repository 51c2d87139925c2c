/**
 * Money as integer micro-units (1/1,000,000 of a currency's major unit), and the one place that
 * turns decimal strings into micros and back. Pure: no I/O, no floats.
 */

/** Micro-units in one major unit of any currency (1 USD = 1,000,000 micros). */
export const MICROS_PER_UNIT = 1_000_000n;

/** Most fraction digits a decimal money string may carry (micro precision). */
export const MONEY_FRACTION_DIGITS_MAX = 6;

/** Largest value a PostgreSQL `bigint` holds; every micros amount must fit in it. */
export const BIGINT_MAX = 9_223_372_036_854_775_807n;

/** Smallest value a PostgreSQL `bigint` holds. */
export const BIGINT_MIN = -9_223_372_036_854_775_808n;

/** ISO 4217 currencies a wallet may hold. */
export const SUPPORTED_CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD'] as const;

/** One of {@link SUPPORTED_CURRENCIES}. */
export type Currency = (typeof SUPPORTED_CURRENCIES)[number];

/** Returns true when `code` is a supported ISO 4217 currency code (upper case, exact). */
export function isSupportedCurrency(code: string): code is Currency {
  return (SUPPORTED_CURRENCIES as readonly string[]).includes(code);
}

/** Why a string is not a money amount; `parseMoney` throws it. */
export class MoneyFormatError extends Error {
  override name = 'MoneyFormatError';
}

const MONEY_PATTERN = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]{1,6}))?$/;

/**
 * Parses a decimal string such as `"12.5"`, `"0.0085"` or `"-3"` into micros.
 * Accepted: an optional leading `-`, an integer part without superfluous leading zeros, and at
 * most 6 fraction digits after a `.`. Rejected: exponents, `+`, spaces, empty parts (`"1."`,
 * `".5"`), more than 6 decimals and values outside PostgreSQL's bigint range in micros.
 * `"-0"` parses to 0.
 * @throws MoneyFormatError with a message fit to show to the caller.
 */
export function parseMoney(text: string): bigint {
  const match = MONEY_PATTERN.exec(text);
  if (!match) {
    if (/^-?[0-9]+\.[0-9]{7,}$/.test(text)) {
      throw new MoneyFormatError(`Money has at most ${MONEY_FRACTION_DIGITS_MAX} decimal places: "${text}"`);
    }
    throw new MoneyFormatError(`Money must be a decimal string like "12.5" or "0.0085": "${text}"`);
  }
  const [, sign, whole, fraction = ''] = match;
  // The whole units' digits followed by the fraction's, padded to six, are the micros' digits: one
  // bigint from one string (no product and sum of two).
  const magnitude = BigInt(whole! + fraction.padEnd(MONEY_FRACTION_DIGITS_MAX, '0'));
  const micros = sign === '-' ? -magnitude : magnitude;
  if (micros > BIGINT_MAX || micros < BIGINT_MIN) {
    throw new MoneyFormatError(`Money is out of range: "${text}"`);
  }
  return micros;
}

/**
 * Formats micros as the canonical decimal string: no `+`, no trailing fraction zeros, no `.` when
 * the amount is whole, `"0"` for zero. `formatMoney(parseMoney(s))` is the canonical form of `s`.
 */
export function formatMoney(micros: bigint): string {
  const negative = micros < 0n;
  // Cut from the magnitude's digits (the last six are the fraction), rather than by dividing: one
  // bigint conversion and no regular expression (every Money of every answer comes through here).
  const digits = (negative ? -micros : micros).toString();
  const wholeLength = digits.length - MONEY_FRACTION_DIGITS_MAX;
  const whole = wholeLength > 0 ? digits.slice(0, wholeLength) : '0';
  const fraction = wholeLength >= 0 ? digits.slice(wholeLength) : digits.padStart(MONEY_FRACTION_DIGITS_MAX, '0');
  let fractionLength = MONEY_FRACTION_DIGITS_MAX;
  while (fractionLength > 0 && fraction.charCodeAt(fractionLength - 1) === ZERO_CODE) fractionLength -= 1;
  const sign = negative ? '-' : '';
  return fractionLength === 0 ? sign + whole : `${sign}${whole}.${fraction.slice(0, fractionLength)}`;
}

/** The character code of the digit 0. */
const ZERO_CODE = 48;

/** Symbols written before an amount for people (as the dashboard shows them); other codes are written "CAD 12.50". */
const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { USD: '$', GBP: '£', EUR: '€' };

/** Fraction digits of an amount shown to people: 12.5 reads "12.50", 12.345 reads "12.35". */
const DISPLAY_FRACTION_DIGITS = 2;

/** One cent (a hundredth of the major unit) in micro-units: amounts of at least this magnitude are shown to the cent. */
const CENT_MICROS = MICROS_PER_UNIT / 10n ** BigInt(DISPLAY_FRACTION_DIGITS);

/**
 * How {@link formatMoneyForPeople} writes the currency: `'symbol'` as the dashboard does (a symbol
 * before the amount, comma thousands separators: "$1,234.50", "CAD 12.50"); `'code'` as the alert
 * and notification texts do (the ISO code after, no separators: "1234.50 USD").
 */
export type MoneyForPeopleStyle = 'symbol' | 'code';

/**
 * How many fraction digits {@link formatMoneyForPeople} shows (the dashboard's rule,
 * client/src/utils/money.ts `MoneyPrecision`):
 * - `'amount'` (the default): an amount of money: 2 fraction digits, rounded half-up on the
 *   magnitude (away from zero), as money is rounded to the cent elsewhere on the server (tax,
 *   server/domain/payments/tax.ts); except a non-zero amount below one cent, which keeps every
 *   significant digit up to 6 ("0.0085 GBP") rather than read "0.00".
 * - `'unit-price'`: the price of one unit (per minute, per SMS, per segment, a connect fee): at
 *   least 2 fraction digits and every significant one up to 6, never rounded ("0.013 USD").
 */
export type MoneyForPeoplePrecision = 'amount' | 'unit-price';

/**
 * The one formatter of amounts shown to people on the server (e-mails, alerts, notifications; the
 * dashboard has its own in client/src/utils/money.ts, which the symbol style matches), to the digits
 * {@link MoneyForPeoplePrecision} gives.
 * Symbol style: (98_311_500n, "USD") → "$98.31", (12_345_000n, "USD") → "$12.35", (8_500n, "USD") →
 * "$0.0085", (-1_234_500_000n, "GBP") → "-£1,234.50", (12_500_000n, "CAD") → "CAD 12.50".
 * Code style: (5_000_000n, "USD") → "5.00 USD", (8_500n, "GBP") → "0.0085 GBP", (-3_500_000n, "USD") → "-3.50 USD".
 * Unit price: (13_000n, "USD", 'symbol', 'unit-price') → "$0.013".
 * API values and error messages use the canonical {@link formatMoney} instead.
 */
export function formatMoneyForPeople(
  micros: bigint,
  currency: string,
  style: MoneyForPeopleStyle = 'symbol',
  precision: MoneyForPeoplePrecision = 'amount',
): string {
  const negative = micros < 0n;
  const magnitude = negative ? -micros : micros;
  let wholeDigits: string;
  let fraction: string;
  if (precision === 'unit-price' || magnitude < CENT_MICROS || magnitude % CENT_MICROS === 0n) {
    wholeDigits = (magnitude / MICROS_PER_UNIT).toString();
    fraction = (magnitude % MICROS_PER_UNIT)
      .toString()
      .padStart(MONEY_FRACTION_DIGITS_MAX, '0')
      .replace(/0+$/, '')
      .padEnd(DISPLAY_FRACTION_DIGITS, '0');
  } else {
    const cents = (magnitude + CENT_MICROS / 2n) / CENT_MICROS;
    const centsPerUnit = MICROS_PER_UNIT / CENT_MICROS;
    wholeDigits = (cents / centsPerUnit).toString();
    fraction = (cents % centsPerUnit).toString().padStart(DISPLAY_FRACTION_DIGITS, '0');
  }
  const sign = negative ? '-' : '';
  const code = currency.trim();
  if (style === 'code') return `${sign}${wholeDigits}.${fraction} ${code}`;
  const whole = wholeDigits.replace(/\B(?=(?:[0-9]{3})+$)/g, ',');
  const symbol = CURRENCY_SYMBOLS[code];
  return symbol === undefined ? `${sign}${code} ${whole}.${fraction}` : `${sign}${symbol}${whole}.${fraction}`;
}
