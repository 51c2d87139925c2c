/**
 * The client's one module for `Money` values: decimal strings such as "12.5", "0.0085" or "-3" with
 * at most {@link MONEY_FRACTION_DIGITS_MAX} fraction digits, as the server's Money scalar sends them.
 * It owns how amounts are shown to people ({@link formatMoney}, the one formatter, and its per-minute
 * form {@link formatPerMinute}; the rule is {@link MoneyPrecision}: amounts to the cent, unit prices and
 * amounts below a cent to every significant digit) and the exact arithmetic on them (integer
 * micro-units as bigint). Every function works on the digits of the string and never goes through a
 * JS number; arithmetic is exact, and only display rounds ({@link microsToChartUnits}, for drawing
 * only, is the one float).
 */

/** Most fraction digits a Money string may carry (micro-units), as the Money scalar defines. */
export const MONEY_FRACTION_DIGITS_MAX = 6;

/** Fewest fraction digits shown: "12.5" reads "12.50"; amounts of money are shown with exactly this many (see {@link MoneyPrecision}). */
export const MONEY_FRACTION_DIGITS_MIN = 2;

/** Micro-units in one major unit: 10^{@link MONEY_FRACTION_DIGITS_MAX}. */
export const MICROS_PER_UNIT = 10n ** BigInt(MONEY_FRACTION_DIGITS_MAX);

/** Symbols written before the amount; any other ISO 4217 code is written as "CAD 12.50". */
const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { USD: '$', GBP: '£', EUR: '€' };

const MONEY_PATTERN = /^(-?)([0-9]+)(?:\.([0-9]+))?$/;

/** A string that is not a Money value: the server broke the scalar's contract, or a caller passed a wrong field. */
export class MoneyFormatError extends Error {
  constructor(amount: string) {
    super(`Not a Money value (a decimal string with at most ${MONEY_FRACTION_DIGITS_MAX} fraction digits): "${amount}"`);
    this.name = 'MoneyFormatError';
  }
}

/** A Money string split into its parts, integer digits without leading zeros, fraction without trailing zeros. */
interface MoneyParts {
  negative: boolean;
  integerDigits: string;
  fractionDigits: string;
}

/** @throws MoneyFormatError when `amount` is not a decimal string with at most 6 fraction digits. */
function parseMoneyParts(amount: string): MoneyParts {
  const match = MONEY_PATTERN.exec(amount);
  if (!match || (match[3] ?? '').length > MONEY_FRACTION_DIGITS_MAX) throw new MoneyFormatError(amount);
  const integerDigits = match[2]!.replace(/^0+(?=[0-9])/, '');
  const fractionDigits = (match[3] ?? '').replace(/0+$/, '');
  const isZero = integerDigits === '0' && fractionDigits === '';
  // "-0" and "-0.000" are zero, which has no sign.
  return { negative: match[1] === '-' && !isZero, integerDigits, fractionDigits };
}

/**
 * How many fraction digits {@link formatMoney} shows.
 * - `'amount'` (the default): an amount of money (a balance, a charge, a total, a budget, a rate of
 *   spending such as a burn rate): 2 fraction digits, rounded half-up on the magnitude (away from
 *   zero), as the server rounds money to the cent (tax, server/domain/payments/tax.ts); except an
 *   amount below one cent that is not zero (|x| < 0.01), which would read "$0.00": it keeps every
 *   significant digit, up to 6 ("$0.0085", "-$0.000001").
 * - `'unit-price'`: the price of one unit (per minute, per SMS, per segment, a connect fee): at
 *   least 2 fraction digits and every significant one, up to 6 ("$0.013", "$0.0085", "$3.00"),
 *   never rounded: a price is what each unit costs, exactly.
 */
export type MoneyPrecision = 'amount' | 'unit-price';

/** Options of {@link formatMoney}. */
export interface FormatMoneyOptions {
  /**
   * `'auto'`: a minus sign for negative amounts only. `'exceptZero'`: also a plus sign for
   * positive amounts, for signed ledger columns. Zero never has a sign (nor an amount that rounds
   * to zero: it is never shown rounded, see {@link MoneyPrecision}). @default 'auto'
   */
  signDisplay?: 'auto' | 'exceptZero';
  /** Amount (2 decimals) or unit price (up to 6): {@link MoneyPrecision}. @default 'amount' */
  precision?: MoneyPrecision;
}

/** One cent (a hundredth of the major unit) in micro-units: amounts of at least this magnitude are shown to the cent. */
const CENT_MICROS = 10n ** BigInt(MONEY_FRACTION_DIGITS_MAX - MONEY_FRACTION_DIGITS_MIN);

/** The shown digits of a magnitude, per {@link MoneyPrecision}: integer digits and fraction digits (at least 2). */
function shownDigits(integerDigits: string, fractionDigits: string, precision: MoneyPrecision): { whole: string; fraction: string } {
  const padded = fractionDigits.padEnd(MONEY_FRACTION_DIGITS_MIN, '0');
  if (precision === 'unit-price' || fractionDigits.length <= MONEY_FRACTION_DIGITS_MIN) return { whole: integerDigits, fraction: padded };
  const magnitude = BigInt(integerDigits) * MICROS_PER_UNIT + BigInt(fractionDigits.padEnd(MONEY_FRACTION_DIGITS_MAX, '0'));
  // Below one cent: every significant digit, or "$0.00" would hide that something was there.
  if (magnitude < CENT_MICROS) return { whole: integerDigits, fraction: padded };
  const cents = (magnitude + CENT_MICROS / 2n) / CENT_MICROS;
  const centsPerUnit = MICROS_PER_UNIT / CENT_MICROS;
  return {
    whole: (cents / centsPerUnit).toString(),
    fraction: (cents % centsPerUnit).toString().padStart(MONEY_FRACTION_DIGITS_MIN, '0'),
  };
}

/**
 * The dashboard's one formatter of money: a Money string in a currency, with comma thousands
 * separators and the currency's symbol ("$", "£", "€") or ISO code ("CAD 12.50"), to the digits
 * {@link MoneyPrecision} gives: ("98.3115", "USD") → "$98.31", ("12.345", "USD") → "$12.35",
 * ("0.0085", "USD") → "$0.0085" (below a cent), ("-1234.5", "GBP") → "-£1,234.50",
 * ("0.013", "USD", { precision: 'unit-price' }) → "$0.013".
 * @throws MoneyFormatError when `amount` is not a Money string.
 */
export function formatMoney(amount: string, currency: string, options: FormatMoneyOptions = {}): string {
  const { negative, integerDigits, fractionDigits } = parseMoneyParts(amount);
  const { whole, fraction } = shownDigits(integerDigits, fractionDigits, options.precision ?? 'amount');
  const grouped = whole.replace(/\B(?=(?:[0-9]{3})+$)/g, ',');
  const number = `${grouped}.${fraction}`;
  const isZero = integerDigits === '0' && fractionDigits === '';
  const sign = negative ? '-' : options.signDisplay === 'exceptZero' && !isZero ? '+' : '';
  const code = currency.trim().toUpperCase();
  const symbol = CURRENCY_SYMBOLS[code];
  if (symbol !== undefined) return `${sign}${symbol}${number}`;
  return code === '' ? `${sign}${number}` : `${sign}${code} ${number}`;
}

/**
 * The sign of a Money string: -1, 0 or 1.
 * @throws MoneyFormatError when `amount` is not a Money string.
 */
export function moneySign(amount: string): -1 | 0 | 1 {
  const { negative, integerDigits, fractionDigits } = parseMoneyParts(amount);
  if (integerDigits === '0' && fractionDigits === '') return 0;
  return negative ? -1 : 1;
}

/**
 * The Money string with the opposite sign, digits untouched: "0.42" → "-0.42", "-3" → "3",
 * "0" → "0". Used to show a DEBIT's always-positive amount as a negative movement.
 * @throws MoneyFormatError when `amount` is not a Money string.
 */
export function negateMoney(amount: string): string {
  const sign = moneySign(amount);
  if (sign === 0) return amount.replace(/^-/, '');
  return sign < 0 ? amount.slice(1) : `-${amount}`;
}

/** A Money string as integer micro-units. */
export function moneyToMicros(amount: string): bigint {
  const { negative, integerDigits, fractionDigits } = parseMoneyParts(amount);
  const micros = BigInt(integerDigits) * MICROS_PER_UNIT + BigInt(fractionDigits.padEnd(MONEY_FRACTION_DIGITS_MAX, '0'));
  return negative ? -micros : micros;
}

/** Integer micro-units as the shortest Money string: 12_500_000n → "12.5", -3_000_000n → "-3", 0n → "0". */
export function microsToMoney(micros: bigint): string {
  const magnitude = micros < 0n ? -micros : micros;
  const fraction = (magnitude % MICROS_PER_UNIT).toString().padStart(MONEY_FRACTION_DIGITS_MAX, '0').replace(/0+$/, '');
  const digits = `${magnitude / MICROS_PER_UNIT}${fraction === '' ? '' : `.${fraction}`}`;
  return micros < 0n ? `-${digits}` : digits;
}

/**
 * `minuend − subtrahend`, exactly, in integer micro-units: ("12.5", "0.25") → "12.25",
 * ("1", "3") → "-2". The result is the shortest Money string (no trailing zeros, "0" for zero).
 * @throws MoneyFormatError when either argument is not a Money string.
 */
export function subtractMoney(minuend: string, subtrahend: string): string {
  return microsToMoney(moneyToMicros(minuend) - moneyToMicros(subtrahend));
}

/**
 * Orders two Money strings by value, exactly: ("10", "9.999999") → 1, ("25", "25.00") → 0,
 * ("-1", "0") → -1.
 * @throws MoneyFormatError when either argument is not a Money string.
 */
export function compareMoney(left: string, right: string): -1 | 0 | 1 {
  const difference = moneyToMicros(left) - moneyToMicros(right);
  if (difference === 0n) return 0;
  return difference < 0n ? -1 : 1;
}

/**
 * The exact sum of Money strings, as the shortest Money string ("0" for none).
 * @throws MoneyFormatError when one is not a Money string.
 */
export function sumMoney(...amounts: string[]): string {
  return microsToMoney(amounts.reduce((total, amount) => total + moneyToMicros(amount), 0n));
}

/**
 * A money amount as a plain number of major units, for drawing only (chart heights): never for
 * arithmetic or display. Exact to the micro for amounts below 2^53 micros (9 billion units).
 */
export function microsToChartUnits(micros: bigint): number {
  return Number(micros) / Number(MICROS_PER_UNIT);
}

/**
 * A per-minute amount in a currency: by default a rate of spending (a burn rate), shown as an
 * amount ("$6.39/min"; "£0.0085/min" below a cent); with `precision: 'unit-price'` the price of
 * one minute, every significant digit ("$0.013/min"). See {@link MoneyPrecision}.
 */
export function formatPerMinute(perMinuteMicros: bigint, currency: string, precision: MoneyPrecision = 'amount'): string {
  return `${formatMoney(microsToMoney(perMinuteMicros), currency, { precision })}/min`;
}
