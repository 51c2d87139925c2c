/**
 * The periods a usage report covers: a calendar day or month in the account's timezone (the one its
 * spend caps follow, `setAccountTimezone`, default UTC). Where a local day or month begins is worked
 * out by PostgreSQL from its zone rules (`localPeriodSql` in usage-reports.queries.ts), as for spend
 * caps, so a day across a daylight-saving change is 23 or 25 hours long. Pure here: naming a period.
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
  /** The IANA timezone whose midnights bound the period. */
  timeZone: string;
  /** The period's first local day, `YYYY-MM-DD`. */
  localStart: string;
}

/** "2026-12-05" or "December 2026": how a report names its period (its local dates). */
export function periodLabel(bounds: PeriodBounds): string {
  if (bounds.period === UsagePeriod.DAILY) return bounds.localStart;
  const [year, month] = bounds.localStart.split('-');
  return `${MONTH_NAMES[Number(month) - 1]} ${year}`;
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
