/**
 * The periods a usage report covers: a calendar day or month in UTC (accounts have no time zone of
 * their own yet; when they do, the bounds move to its midnights). Pure: epoch milliseconds in and out.
 */

/** How long a usage report's period is. */
export enum UsagePeriod {
  DAILY = 'DAILY',
  MONTHLY = 'MONTHLY',
}

/** A period: from its first instant (included) to the next period's first (excluded), epoch ms. */
export interface PeriodBounds {
  period: UsagePeriod;
  startMs: number;
  endMs: number;
}

/** The period of `period` that contains `atMs`. */
export function periodContaining(period: UsagePeriod, atMs: number): PeriodBounds {
  const at = new Date(atMs);
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  if (period === UsagePeriod.DAILY) {
    const startMs = Date.UTC(year, month, at.getUTCDate());
    return { period, startMs, endMs: Date.UTC(year, month, at.getUTCDate() + 1) };
  }
  return { period, startMs: Date.UTC(year, month, 1), endMs: Date.UTC(year, month + 1, 1) };
}

/** The last period of `period` that has ended by `nowMs`: yesterday, or last month (UTC). */
export function lastCompletedPeriod(period: UsagePeriod, nowMs: number): PeriodBounds {
  return periodContaining(period, periodContaining(period, nowMs).startMs - 1);
}

/** "2026-12-05" or "December 2026": how a report names its period. */
export function periodLabel(bounds: PeriodBounds): string {
  const start = new Date(bounds.startMs);
  if (bounds.period === UsagePeriod.DAILY) return start.toISOString().slice(0, 10);
  return `${MONTH_NAMES[start.getUTCMonth()]} ${start.getUTCFullYear()}`;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
