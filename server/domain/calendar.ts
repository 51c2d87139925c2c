/**
 * The date `months` calendar months after `startMs`, on `anchorDay` of that month (UTC) at the
 * same time of day, or on the month's last day when it is shorter: a subscription bought on
 * Jan 31 renews on Feb 28 (29), then Mar 31: renewals fall on the same day each month as the
 * first purchase.
 */
export function anchoredMonthsLater(startMs: number, anchorDay: number, months: number): number {
  const start = new Date(startMs);
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(
    year,
    month,
    Math.min(anchorDay, lastDay),
    start.getUTCHours(),
    start.getUTCMinutes(),
    start.getUTCSeconds(),
    start.getUTCMilliseconds(),
  );
}
