/**
 * A call's running timer and cost, computed in the page from its `startedAt` and its rate: the
 * server sends a call's state only when it starts and ends, so the seconds and the cost shown
 * between those moments are worked out here on every tick of one shared clock, with the server's
 * rounding rules (server/domain/rating/rating.ts): billed seconds are at least the first increment
 * and then whole next increments, the price of n seconds is ⌈per-minute × n / 60⌉ micro-units
 * (on the total, never summed per piece), plus the connect fee.
 *
 * What the page shows is what hanging up now would cost. It can run ahead of the server's figure
 * when the wallet cannot fund the next increment (the server then stops the call and its final
 * cost arrives), and a subscription plan's allowance (not known here) makes the real cost lower.
 */
import type { CallRateFieldsFragment as CallRate, CallFieldsFragment as CallRow } from '../../gql/graphql.js';
import { microsToMoney, moneyToMicros } from '../../utils/money.js';

/** Milliseconds per second. */
const MILLISECONDS_PER_SECOND = 1000;

/** Seconds per minute, for ⌈per-minute × seconds / 60⌉. */
const SECONDS_PER_MINUTE = 60n;

/** How a call is priced as it runs: its per-minute price, increments and connect fee. */
export interface CallMeterRate {
  /** Money per minute. */
  perMinute: string;
  /** Money charged once per connected call. */
  connectFee: string;
  /** Minimum billed seconds, ≥ 1. */
  firstIncrementSeconds: number;
  /** Billing step after the first increment, in seconds, ≥ 1. */
  nextIncrementSeconds: number;
}

/**
 * Milliseconds from `startedAt` (an RFC 3339 DateTime) to `nowMs`; 0 when `nowMs` is earlier (a
 * browser clock behind the server's) or `startedAt` is not a date.
 */
export function callElapsedMs(startedAt: string, nowMs: number): number {
  const startedMs = Date.parse(startedAt);
  if (Number.isNaN(startedMs)) return 0;
  return Math.max(0, Math.floor(nowMs - startedMs));
}

/**
 * The rate whose prefix is the longest prefix of the number's digits (its "+" ignored), as the
 * server picks it; "" matches every number; undefined when none matches.
 */
export function findCallRate<R extends Pick<CallRate, 'prefix'>>(rates: readonly R[], to: string): R | undefined {
  const digits = to.startsWith('+') ? to.slice(1) : to;
  let best: R | undefined;
  for (const rate of rates) {
    if (digits.startsWith(rate.prefix) && (best === undefined || rate.prefix.length > best.prefix.length)) best = rate;
  }
  return best;
}

/**
 * How a call is metered: its own per-minute price (what the server rated it at), with the
 * increments and connect fee of the rate plan's rate for its number; without the plan (still
 * loading, or no rate matches) per-second billing and no connect fee, the closest a running
 * figure can get without them.
 */
export function callMeterRate(call: Pick<CallRow, 'to' | 'perMinute'>, rates: readonly CallRate[] | undefined): CallMeterRate {
  const rate = rates === undefined ? undefined : findCallRate(rates, call.to);
  return {
    perMinute: call.perMinute,
    connectFee: rate?.connectFee ?? '0',
    firstIncrementSeconds: rate?.firstIncrementSeconds ?? 1,
    nextIncrementSeconds: rate?.nextIncrementSeconds ?? 1,
  };
}

/**
 * Seconds billed for a call that has lasted `elapsedMs` (integer milliseconds): at least the
 * first increment, then rounded up to whole next increments. 60.000 s bills 60 s at 60/60 and
 * 60.001 s bills 120 s. Integer arithmetic, as the server's.
 * @throws RangeError when an increment is not a positive integer.
 */
export function billedSecondsAt(elapsedMs: number, firstIncrementSeconds: number, nextIncrementSeconds: number): number {
  if (!Number.isSafeInteger(firstIncrementSeconds) || firstIncrementSeconds < 1)
    throw new RangeError(`firstIncrementSeconds must be a positive integer: ${firstIncrementSeconds}`);
  if (!Number.isSafeInteger(nextIncrementSeconds) || nextIncrementSeconds < 1)
    throw new RangeError(`nextIncrementSeconds must be a positive integer: ${nextIncrementSeconds}`);
  const elapsed = Math.max(0, Math.round(elapsedMs));
  const firstMs = firstIncrementSeconds * MILLISECONDS_PER_SECOND;
  if (elapsed <= firstMs) return firstIncrementSeconds;
  const nextMs = nextIncrementSeconds * MILLISECONDS_PER_SECOND;
  const beyondMs = elapsed - firstMs;
  const remainderMs = beyondMs % nextMs;
  return firstIncrementSeconds + ((beyondMs - remainderMs) / nextMs + (remainderMs === 0 ? 0 : 1)) * nextIncrementSeconds;
}

/**
 * What hanging up after `elapsedMs` costs: connect fee + ⌈per-minute × billed seconds / 60⌉
 * micro-units, as a Money string. ("0.6" a minute at 1/1 after 2.5 s → "0.03".)
 * @throws MoneyFormatError for a bad price, RangeError for a bad increment.
 */
export function runningCallCost(rate: CallMeterRate, elapsedMs: number): string {
  const seconds = billedSecondsAt(elapsedMs, rate.firstIncrementSeconds, rate.nextIncrementSeconds);
  const numerator = moneyToMicros(rate.perMinute) * BigInt(seconds);
  return microsToMoney(moneyToMicros(rate.connectFee) + (numerator + SECONDS_PER_MINUTE - 1n) / SECONDS_PER_MINUTE);
}

/**
 * Whole seconds as a call timer: "0:07", "12:34", "1:02:03". Fractions are dropped, negatives read
 * as zero.
 */
export function formatCallDuration(seconds: number): string {
  const whole = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  const secondsText = String(rest).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secondsText}` : `${minutes}:${secondsText}`;
}

/**
 * How long an ended call lasted, in whole seconds (ended − started); null while it runs or when
 * a date is missing or malformed. A refused call lasted 0 s.
 */
export function endedCallSeconds(call: Pick<CallRow, 'startedAt' | 'endedAt'>): number | null {
  if (call.endedAt === null) return null;
  const startedMs = Date.parse(call.startedAt);
  const endedMs = Date.parse(call.endedAt);
  if (Number.isNaN(startedMs) || Number.isNaN(endedMs)) return null;
  return Math.max(0, Math.floor((endedMs - startedMs) / MILLISECONDS_PER_SECOND));
}

/**
 * A number of seconds ahead, roughly, for "runs dry in …": "45 s", "3 min 20 s", "2 h 5 min",
 * "3 d 4 h". Negative reads as "0 s".
 */
export function formatTimeLeft(seconds: number): string {
  const whole = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) {
    const rest = whole % 60;
    return rest === 0 ? `${Math.floor(whole / 60)} min` : `${Math.floor(whole / 60)} min ${rest} s`;
  }
  if (whole < 86_400) {
    const minutes = Math.floor((whole % 3600) / 60);
    return minutes === 0 ? `${Math.floor(whole / 3600)} h` : `${Math.floor(whole / 3600)} h ${minutes} min`;
  }
  const hours = Math.floor((whole % 86_400) / 3600);
  return hours === 0 ? `${Math.floor(whole / 86_400)} d` : `${Math.floor(whole / 86_400)} d ${hours} h`;
}
