/**
 * When a number's months begin. Pure: UTC calendar arithmetic on epoch milliseconds.
 *
 * Month k of a number (k = 0 the purchase month) starts k calendar months after the purchase, on
 * the purchase's day of the month (its anchor day) or the month's last day when the month is
 * shorter, at the purchase's time of day. Each date is computed from the purchase, never from the
 * previous renewal, so a short month does not pull later renewals earlier: Jan 31 → Feb 28 →
 * Mar 31 → Apr 30.
 */
import { assert } from '../../errors.js';
import { anchoredMonthsLater } from '../calendar.js';

/** Day of the month (UTC, 1..31) of `epochMs`: the anchor day of a number bought then. */
export function anchorDayOf(epochMs: number): number {
  return new Date(epochMs).getUTCDate();
}

/**
 * The start of the number's month `monthsAfter` (≥ 0), in epoch milliseconds: `monthsAfter`
 * calendar months after `purchasedAtMs`, the day clamped to the month's last day.
 * @throws Error (assertion) when `monthsAfter` is not a non-negative integer or the time is not finite.
 */
export function renewalAtMs(purchasedAtMs: number, monthsAfter: number): number {
  assert(Number.isFinite(purchasedAtMs), `purchasedAtMs must be finite: ${purchasedAtMs}`);
  assert(Number.isSafeInteger(monthsAfter) && monthsAfter >= 0, `monthsAfter must be a non-negative integer: ${monthsAfter}`);
  return anchoredMonthsLater(purchasedAtMs, anchorDayOf(purchasedAtMs), monthsAfter);
}

/** Milliseconds in `days` days. */
export function daysMs(days: number): number {
  return days * 86_400_000;
}

/**
 * How many months are due by `nowMs` after `periodsPaid` months were paid: month k (k ≥ 2) falls
 * due at {@link renewalAtMs}(purchasedAtMs, k − 1). 0 when the next month is not due yet.
 * @throws Error (assertion) when `periodsPaid` is not a positive integer.
 */
export function monthsDueBy(purchasedAtMs: number, periodsPaid: number, nowMs: number): number {
  assert(Number.isSafeInteger(periodsPaid) && periodsPaid >= 1, `periodsPaid must be a positive integer: ${periodsPaid}`);
  let months = 0;
  while (renewalAtMs(purchasedAtMs, periodsPaid + months) <= nowMs) months += 1;
  return months;
}
