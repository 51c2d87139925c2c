/**
 * The numbers offered for sale and the refund window. Pure: no I/O, money in bigint micros, times in
 * epoch milliseconds.
 *
 * There is no stock of numbers: any E.164 number priced by a rate that sells numbers may be bought
 * unless an account holds it. A search therefore proposes numbers that start with the digits asked
 * for, filled out to a usual length, and leaves out the held ones.
 */
import { assert } from '../../errors.js';
import { PREFIX_LENGTH_MAX } from '../rating/rating.js';
import { daysMs } from './renewal-date.js';

/** Digits of a proposed number when the digits searched for are shorter (a usual national number with its country code). */
export const OFFERED_NUMBER_DIGITS = 11;

/** Digits a proposal adds at least after those searched for, so a long search still leaves choices. */
export const OFFERED_SUFFIX_DIGITS_MIN = 3;

/**
 * Step between two proposed suffixes: a prime other than 2 and 5, so the suffixes (the step times
 * k, modulo a power of ten) are all different and do not read as a sequence.
 */
const SUFFIX_STEP = 7_919n;
/** Where the proposed suffixes start, so the first proposal is not all zeros. */
const SUFFIX_START = 4_271n;

/**
 * The `index`-th number (0-based) proposed under `digits` (the digits searched for, without "+"):
 * `digits` followed by a suffix that fills it to {@link OFFERED_NUMBER_DIGITS} digits (at least
 * {@link OFFERED_SUFFIX_DIGITS_MIN} more, at most 15 in all). Different indexes below 10^suffix
 * length give different numbers.
 * @throws Error (assertion) when `digits` is not 1 to 12 ASCII digits or `index` is negative.
 */
export function offeredNumber(digits: string, index: number): string {
  assert(/^[1-9][0-9]{0,11}$/.test(digits), `digits must be 1 to 12 digits not starting with 0: "${digits}"`);
  assert(Number.isSafeInteger(index) && index >= 0, `index must be a non-negative integer: ${index}`);
  const length = Math.min(PREFIX_LENGTH_MAX, Math.max(OFFERED_NUMBER_DIGITS, digits.length + OFFERED_SUFFIX_DIGITS_MIN));
  const suffixDigits = length - digits.length;
  const modulus = 10n ** BigInt(suffixDigits);
  const suffix = (SUFFIX_START + SUFFIX_STEP * BigInt(index)) % modulus;
  return `+${digits}${suffix.toString().padStart(suffixDigits, '0')}`;
}

/** How many different numbers {@link offeredNumber} can propose under `digits`. */
export function offeredNumbersMax(digits: string): number {
  const length = Math.min(PREFIX_LENGTH_MAX, Math.max(OFFERED_NUMBER_DIGITS, digits.length + OFFERED_SUFFIX_DIGITS_MIN));
  return 10 ** Math.min(length - digits.length, 15);
}

/** The last moment (epoch ms) a number bought at `purchasedAtMs` may be refunded: exactly `refundDays` days later. */
export function refundableUntilMs(purchasedAtMs: number, refundDays: number): number {
  return purchasedAtMs + daysMs(refundDays);
}

/** True when a number bought at `purchasedAtMs` may still be refunded at `nowMs` (the last millisecond included). */
export function isWithinRefundWindow(purchasedAtMs: number, nowMs: number, refundDays: number): boolean {
  return nowMs <= refundableUntilMs(purchasedAtMs, refundDays);
}
