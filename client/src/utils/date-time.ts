/** Display of the server's `DateTime` values (RFC 3339 strings at UTC). */

/** Options of {@link formatDateTime}; both default to the browser's. */
export interface FormatDateTimeOptions {
  /** BCP 47 locale, e.g. "en-GB". */
  locale?: string;
  /** IANA time zone, e.g. "UTC" or "Europe/London". */
  timeZone?: string;
}

/**
 * A DateTime as a local date and time to the second ("22 Nov 2026, 01:37:12" in en-GB).
 * A string that is not a date is returned as it is rather than shown as "Invalid Date".
 */
export function formatDateTime(value: string, options: FormatDateTimeOptions = {}): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(options.locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: options.timeZone }).format(date);
}
