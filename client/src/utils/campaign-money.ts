/**
 * Arithmetic on `Money` decimal strings for the campaign pages: sums, running call costs, budget
 * shares and chart heights, all in integer micro-units (bigint), never through a JS float.
 *
 * utils/money.ts owns formatting and keeps its micro-unit conversion private; the conversion
 * below follows the same rules (at most 6 fraction digits) and lets money.ts's own parser reject
 * a malformed string first, so both agree on what a Money string is.
 */
import { compareMoney, MONEY_FRACTION_DIGITS_MAX } from './money.js';

/** Micro-units in one major unit: 10^6. */
export const MICROS_PER_UNIT = 10n ** BigInt(MONEY_FRACTION_DIGITS_MAX);

const MONEY_PATTERN = /^(-?)([0-9]+)(?:\.([0-9]+))?$/;

/**
 * A Money string as integer micro-units: "12.5" → 12_500_000n, "-0.000001" → -1n.
 * @throws MoneyFormatError (from utils/money.ts) when `amount` is not a Money string.
 */
export function moneyToMicros(amount: string): bigint {
  // compareMoney parses both sides with money.ts's own rules and throws MoneyFormatError on a bad one.
  compareMoney(amount, '0');
  const match = MONEY_PATTERN.exec(amount)!;
  const micros = BigInt(match[2]!) * MICROS_PER_UNIT + BigInt((match[3] ?? '').padEnd(MONEY_FRACTION_DIGITS_MAX, '0'));
  return match[1] === '-' ? -micros : micros;
}

/** Integer micro-units as the shortest Money string: 12_500_000n → "12.5", -3_000_000n → "-3", 0n → "0". */
export function microsToMoney(micros: bigint): string {
  const magnitude = micros < 0n ? -micros : micros;
  const fraction = (magnitude % MICROS_PER_UNIT).toString().padStart(MONEY_FRACTION_DIGITS_MAX, '0').replace(/0+$/, '');
  const digits = `${magnitude / MICROS_PER_UNIT}${fraction === '' ? '' : `.${fraction}`}`;
  return micros < 0n ? `-${digits}` : digits;
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
