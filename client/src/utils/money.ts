/**
 * The client's one module for `Money` values: decimal strings such as "12.5", "0.0085" or "-3" with
 * at most {@link MONEY_FRACTION_DIGITS_MAX} fraction digits, as the server's Money scalar sends them.
 * It owns how amounts are shown to people ({@link formatMoney}, {@link formatPerMinute}) and the exact
 * arithmetic on them (integer micro-units as bigint). Every function works on the digits of the string
 * and never goes through a JS number, so "1234567.123456" is shown exactly and nothing is ever rounded
 * ({@link microsToChartUnits}, for drawing only, is the one exception).
 */

/** Most fraction digits a Money string may carry (micro-units), as the Money scalar defines. */
export const MONEY_FRACTION_DIGITS_MAX = 6;

/** Fewest fraction digits shown: "12.5" reads "12.50". */
export const MONEY_FRACTION_DIGITS_MIN = 2;

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

/** Options of {@link formatMoney}. */
export interface FormatMoneyOptions {
  /**
   * `'auto'`: a minus sign for negative amounts only. `'exceptZero'`: also a plus sign for
   * positive amounts, for signed ledger columns. Zero never has a sign. @default 'auto'
   */
  signDisplay?: 'auto' | 'exceptZero';
}

/**
 * Formats a Money string in a currency: ("98.3115", "USD") → "$98.3115", ("12.5", "USD") →
 * "$12.50", ("-1234.5", "GBP") → "-£1,234.50", ("12.5", "CAD") → "CAD 12.50". Shows at least
 * 2 fraction digits and every significant one given (up to 6), with comma thousands separators.
 * @throws MoneyFormatError when `amount` is not a Money string.
 */
export function formatMoney(amount: string, currency: string, options: FormatMoneyOptions = {}): string {
  const { negative, integerDigits, fractionDigits } = parseMoneyParts(amount);
  const grouped = integerDigits.replace(/\B(?=(?:[0-9]{3})+$)/g, ',');
  const number = `${grouped}.${fractionDigits.padEnd(MONEY_FRACTION_DIGITS_MIN, '0')}`;
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

/** Micro-units in one major unit: 10^{@link MONEY_FRACTION_DIGITS_MAX}. */
/** Micro-units in one major unit: 10^6. */
export const MICROS_PER_UNIT = 10n ** BigInt(MONEY_FRACTION_DIGITS_MAX);

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

/** A per-minute amount in a currency, as {@link formatMoney} writes amounts: (6_000_000n, "USD") → "$6.00/min", (8_500n, "GBP") → "£0.0085/min". */
export function formatPerMinute(perMinuteMicros: bigint, currency: string): string {
  return `${formatMoney(microsToMoney(perMinuteMicros), currency)}/min`;
}
