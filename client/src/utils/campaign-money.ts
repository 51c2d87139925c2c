/**
 * Arithmetic on `Money` decimal strings for the campaign pages: sums, running call costs, budget
 * shares and chart heights, all in integer micro-units (bigint), never through a JS float.
 *
 * utils/money.ts owns formatting and keeps its micro-unit conversion private; the conversion
 * below follows the same rules (at most 6 fraction digits) and lets money.ts's own parser reject
 * a malformed string first, so both agree on what a Money string is.
 */
import { MONEY_FRACTION_DIGITS_MAX, microsToMoney, moneyToMicros } from './money.js';

/** Micro-units in one major unit: 10^6. */
export const MICROS_PER_UNIT = 10n ** BigInt(MONEY_FRACTION_DIGITS_MAX);

/** Money strings ⇄ integer micro-units, exactly: money.ts's own parser, re-exported for the campaign maths' callers. */
export { microsToMoney, moneyToMicros };

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
