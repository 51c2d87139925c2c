/**
 * Display of the server's `DateTime` values (RFC 3339 strings at UTC) and of instants in ms.
 *
 * The rule: every time the dashboard shows is in the browser's own time zone (what the person's
 * clock says) and carries that zone's name as Intl gives it for the locale, so a time is never
 * ambiguous: "6 Dec 2026, 14:05:12 UTC", "6 Dec 2026, 15:05:12 CET", "12/6/2026, 9:05:12 AM EST",
 * or an offset where the locale has no abbreviation ("GMT+1"). Dates alone (a renewal day) need no
 * zone; times of day always have one.
 */

/** Options of {@link formatDateTime} and {@link formatTimeOfDay}; both default to the browser's. */
export interface FormatDateTimeOptions {
  /** BCP 47 locale, e.g. "en-GB". */
  locale?: string;
  /** IANA time zone, e.g. "UTC" or "Europe/London". */
  timeZone?: string;
}

/** The instant of a DateTime string or of ms since the epoch; null when it is not one. */
function instantOf(value: string | number): Date | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A DateTime as a date and time to the second with its zone ("22 Nov 2026, 01:37:12 UTC" in
 * en-GB at UTC). A string that is not a date is returned as it is rather than shown as "Invalid Date".
 */
export function formatDateTime(value: string, options: FormatDateTimeOptions = {}): string {
  const date = instantOf(value);
  if (date === null) return value;
  // timeStyle 'long' is the time with the zone's short name.
  return new Intl.DateTimeFormat(options.locale, { dateStyle: 'medium', timeStyle: 'long', timeZone: options.timeZone }).format(date);
}

/** Options of {@link formatTimeOfDay}. */
export interface FormatTimeOfDayOptions extends FormatDateTimeOptions {
  /** Whether to show the seconds ("14:03:12 UTC") or not ("14:03 UTC"). @default true */
  seconds?: boolean;
}

/**
 * A DateTime string or ms since the epoch as a time of day with its zone ("14:03:12 UTC"), for
 * times within the day on screen (calls, a chart's marks). Anything that is not an instant is
 * returned as text as it is.
 */
export function formatTimeOfDay(value: string | number, options: FormatTimeOfDayOptions = {}): string {
  const date = instantOf(value);
  if (date === null) return String(value);
  return new Intl.DateTimeFormat(options.locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: options.seconds === false ? undefined : '2-digit',
    timeZoneName: 'short',
    timeZone: options.timeZone,
  }).format(date);
}
