/**
 * Call rating: which rate applies to a number, how many seconds a call is billed and what those
 * seconds cost. Pure: no I/O, and money is always `bigint` micros computed exactly.
 */
import { assert, BadUserInputError } from '../../errors.js';

/** An E.164 number: `+`, a non-zero country code digit, then 7 to 15 digits in all. */
export const E164_PATTERN = /^\+[1-9][0-9]{6,14}$/;

/** Most digits an E.164 number has, and so the longest useful rate prefix, in digits. */
export const PREFIX_LENGTH_MAX = 15;

/** Smallest billing increment a rate may have, in seconds. */
export const INCREMENT_SECONDS_MIN = 1;

/** Largest billing increment a rate may have, in seconds (one hour). */
export const INCREMENT_SECONDS_MAX = 3600;

const MILLISECONDS_PER_SECOND = 1000;
const SECONDS_PER_MINUTE = 60n;

/** Returns true when `text` is an E.164 number such as `+447712345678` (no spaces, no dashes). */
export function isE164(text: string): boolean {
  return E164_PATTERN.test(text);
}

/** The price of calls to the numbers that start with `prefix`. */
export interface Rate {
  /** Leading digits of the number without `+`, e.g. `"447"`; `""` matches every number. */
  prefix: string;
  /** Price of one minute of call, in micros. */
  perMinuteMicros: bigint;
  /** Minimum billed duration of an answered call, in seconds (e.g. 60 in "60/60"). */
  firstIncrementSeconds: number;
  /** Billing step after the first increment, in seconds (e.g. 6 in "30/6"). */
  nextIncrementSeconds: number;
  /** Charged once per answered call on top of the duration price, in micros. */
  connectFeeMicros: bigint;
}

/**
 * The rate whose prefix is the longest prefix of the number's digits (its leading `+` is
 * ignored). A rate with prefix `""` matches every number. When two rates have the same prefix the
 * first in `rates` wins.
 * @returns undefined when no rate matches.
 */
export function findRate<R extends { prefix: string }>(rates: readonly R[], e164: string): R | undefined {
  const digits = e164.startsWith('+') ? e164.slice(1) : e164;
  let best: R | undefined;
  for (const rate of rates) {
    if (!digits.startsWith(rate.prefix)) continue;
    if (best === undefined || rate.prefix.length > best.prefix.length) best = rate;
  }
  return best;
}

/**
 * Seconds billed for a call that lasted `elapsedSeconds` (non-negative, may be fractional): at
 * least `firstIncrementSeconds`, and beyond that rounded up to whole `nextIncrementSeconds`.
 * Elapsed time counts at millisecond precision, so 60.0004 s bills as 60 s at 60/60 while
 * 60.001 s bills as 120 s; the arithmetic is on integer milliseconds so no float error creeps in.
 * A call of 0 s is billed the first increment: callers bill only answered calls.
 * @throws Error (assertion) when elapsed is negative or not finite, or an increment is not a
 * positive integer.
 */
export function billedSeconds(elapsedSeconds: number, firstIncrementSeconds: number, nextIncrementSeconds: number): number {
  assert(Number.isFinite(elapsedSeconds) && elapsedSeconds >= 0, `elapsedSeconds must be finite and >= 0: ${elapsedSeconds}`);
  assert(
    Number.isSafeInteger(firstIncrementSeconds) && firstIncrementSeconds >= 1,
    `firstIncrementSeconds must be a positive integer: ${firstIncrementSeconds}`,
  );
  assert(
    Number.isSafeInteger(nextIncrementSeconds) && nextIncrementSeconds >= 1,
    `nextIncrementSeconds must be a positive integer: ${nextIncrementSeconds}`,
  );
  const elapsedMs = Math.round(elapsedSeconds * MILLISECONDS_PER_SECOND);
  const firstMs = firstIncrementSeconds * MILLISECONDS_PER_SECOND;
  if (elapsedMs <= firstMs) return firstIncrementSeconds;
  const nextMs = nextIncrementSeconds * MILLISECONDS_PER_SECOND;
  const beyondMs = elapsedMs - firstMs;
  // Integer ceiling division: `%` and an exact quotient are exact on safe integers, `Math.ceil(a / b)` may not be.
  const remainderMs = beyondMs % nextMs;
  const increments = (beyondMs - remainderMs) / nextMs + (remainderMs === 0 ? 0 : 1);
  return firstIncrementSeconds + increments * nextIncrementSeconds;
}

/**
 * Price of `seconds` at `perMinuteMicros`, rounded up to the next micro: ceil(perMinute × s / 60).
 * Exact (bigint) and monotone in `seconds`. Always price a running total, never sum the rounded
 * prices of pieces: the differences price(b) − price(a) over consecutive totals then add up to
 * exactly price(total).
 * @throws Error (assertion) when `perMinuteMicros` is negative or `seconds` is not a non-negative integer.
 */
export function priceMicros(perMinuteMicros: bigint, seconds: number): bigint {
  assert(perMinuteMicros >= 0n, `perMinuteMicros must be >= 0: ${perMinuteMicros}`);
  assert(Number.isSafeInteger(seconds) && seconds >= 0, `seconds must be a non-negative integer: ${seconds}`);
  const numerator = perMinuteMicros * BigInt(seconds);
  return (numerator + SECONDS_PER_MINUTE - 1n) / SECONDS_PER_MINUTE;
}

/**
 * Cost of one answered call billed `billedSeconds` (see {@link billedSeconds}), in micros:
 * the connect fee plus the duration price.
 * @throws Error (assertion) as {@link priceMicros}, or when the connect fee is negative.
 */
export function callCostMicros(rate: Pick<Rate, 'perMinuteMicros' | 'connectFeeMicros'>, billedSeconds: number): bigint {
  assert(rate.connectFeeMicros >= 0n, `connectFeeMicros must be >= 0: ${rate.connectFeeMicros}`);
  return rate.connectFeeMicros + priceMicros(rate.perMinuteMicros, billedSeconds);
}

/**
 * Price of extending a call already funded for `fundedSeconds` by one `nextIncrementSeconds`
 * step, in micros: price(funded + next) − price(funded). Summing these over a call's steps gives
 * exactly the price of its total (no rounding drift).
 * @throws Error (assertion) as {@link priceMicros}, or when the increment is not a positive integer.
 */
export function incrementPriceMicros(perMinuteMicros: bigint, fundedSeconds: number, nextIncrementSeconds: number): bigint {
  assert(
    Number.isSafeInteger(nextIncrementSeconds) && nextIncrementSeconds >= 1,
    `nextIncrementSeconds must be a positive integer: ${nextIncrementSeconds}`,
  );
  return priceMicros(perMinuteMicros, fundedSeconds + nextIncrementSeconds) - priceMicros(perMinuteMicros, fundedSeconds);
}

/**
 * Pre-campaign estimate, in micros: `calls` answered calls each lasting `averageDurationSeconds`,
 * each billed as {@link callCostMicros} of {@link billedSeconds}. An estimate, not a reservation.
 * @throws Error (assertion) when `calls` is not a non-negative integer, or as {@link billedSeconds}.
 */
export function estimateCampaignCostMicros(rate: Omit<Rate, 'prefix'>, calls: number, averageDurationSeconds: number): bigint {
  assert(Number.isSafeInteger(calls) && calls >= 0, `calls must be a non-negative integer: ${calls}`);
  const seconds = billedSeconds(averageDurationSeconds, rate.firstIncrementSeconds, rate.nextIncrementSeconds);
  return BigInt(calls) * callCostMicros(rate, seconds);
}

/**
 * For subscription plans: how many of `billedSeconds` the remaining allowance covers and how many
 * are overage. A negative allowance left counts as none.
 */
export function allowanceSplit(billedSeconds: number, allowanceSecondsLeft: number): { coveredSeconds: number; overageSeconds: number } {
  assert(Number.isSafeInteger(billedSeconds) && billedSeconds >= 0, `billedSeconds must be a non-negative integer: ${billedSeconds}`);
  const coveredSeconds = Math.min(billedSeconds, Math.max(0, allowanceSecondsLeft));
  return { coveredSeconds, overageSeconds: billedSeconds - coveredSeconds };
}

/**
 * Returns `value` when it is a whole number of seconds within
 * {@link INCREMENT_SECONDS_MIN}..{@link INCREMENT_SECONDS_MAX}.
 * @throws BadUserInputError (`field`) otherwise.
 */
export function validateIncrementSeconds(field: string, value: number): number {
  if (!Number.isInteger(value) || value < INCREMENT_SECONDS_MIN || value > INCREMENT_SECONDS_MAX) {
    throw new BadUserInputError(
      field,
      `${field} must be a whole number of seconds from ${INCREMENT_SECONDS_MIN} to ${INCREMENT_SECONDS_MAX}`,
    );
  }
  return value;
}

/**
 * Normalizes a rate prefix: an optional leading `+` is dropped, the rest must be 0 to
 * {@link PREFIX_LENGTH_MAX} ASCII digits (`""` means every number). A prefix starting with `0` is
 * refused because no E.164 number starts with 0: it is a national-format mistake that would
 * silently match nothing.
 * @returns the prefix without `+`.
 * @throws BadUserInputError (`field`) otherwise.
 */
export function validatePrefix(field: string, value: string): string {
  const prefix = value.startsWith('+') ? value.slice(1) : value;
  if (!/^[0-9]*$/.test(prefix)) {
    throw new BadUserInputError(field, `${field} must be digits only, optionally after a "+"`);
  }
  if (prefix.length > PREFIX_LENGTH_MAX) {
    throw new BadUserInputError(field, `${field} must be at most ${PREFIX_LENGTH_MAX} digits`);
  }
  if (prefix.startsWith('0')) {
    throw new BadUserInputError(field, `${field} must not start with 0: use the international form without the trunk prefix`);
  }
  return prefix;
}
