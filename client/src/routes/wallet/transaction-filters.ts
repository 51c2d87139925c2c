/**
 * The transaction history's filters: what the form holds (dates as the date inputs give them),
 * what the server is sent (`Wallet.transactions` and the CSV export take the same filters, dates as
 * RFC 3339 instants), and how a transaction that arrived live is judged against them, as the
 * server would. Pure: no DOM.
 */

/** The list's filters as the server applies them; null (or absent) means "any". */
export interface TransactionFilterCriteria {
  type: string | null;
  kind: string | null;
  status?: string | null;
  /** Created at or after this instant (RFC 3339), inclusive. */
  from?: string | null;
  /** Created before this instant (RFC 3339), exclusive. */
  to?: string | null;
  campaignId?: string | null;
}

/** The fields of a transaction the filters look at; `createdAt` and `campaignId` may be unknown (not selected). */
export interface FilterableTransaction {
  type: string;
  kind: string;
  status?: string;
  createdAt?: string;
  /** Absent when the row's query did not select it: the row's campaign is then unknown here. */
  campaignId?: string | null;
}

/**
 * How a row fares against the filters: `match`, `no-match`, or `unknown` when a filter looks at a
 * field the row does not carry (a campaign filter on a live row without `campaignId`): only the
 * server can tell then.
 */
export type TransactionFilterVerdict = 'match' | 'no-match' | 'unknown';

/**
 * Whether a transaction passes the list's filters, as the server's `transactions(type, kind,
 * status, from, to, campaignId)` decides it: used for rows that arrive live, which the server did
 * not filter. A field the filters need but the row lacks makes the verdict `unknown`, unless
 * another filter already rules the row out.
 */
export function transactionFilterVerdict(row: FilterableTransaction, filters: TransactionFilterCriteria): TransactionFilterVerdict {
  if (filters.type != null && row.type !== filters.type) return 'no-match';
  if (filters.kind != null && row.kind !== filters.kind) return 'no-match';
  let unknown = false;
  if (filters.status != null) {
    if (row.status === undefined) unknown = true;
    else if (row.status !== filters.status) return 'no-match';
  }
  if (filters.from != null || filters.to != null) {
    const createdMs = row.createdAt === undefined ? Number.NaN : Date.parse(row.createdAt);
    if (Number.isNaN(createdMs)) unknown = true;
    else {
      if (filters.from != null && createdMs < Date.parse(filters.from)) return 'no-match';
      if (filters.to != null && createdMs >= Date.parse(filters.to)) return 'no-match';
    }
  }
  if (filters.campaignId != null) {
    if (row.campaignId === undefined) unknown = true;
    else if (row.campaignId?.toLowerCase() !== filters.campaignId.toLowerCase()) return 'no-match';
  }
  return unknown ? 'unknown' : 'match';
}

/** Whether a transaction surely passes the list's filters ({@link transactionFilterVerdict} is `match`). */
export function matchesTransactionFilters(row: FilterableTransaction, filters: TransactionFilterCriteria): boolean {
  return transactionFilterVerdict(row, filters) === 'match';
}

/** Whether any filter is set. */
export function hasTransactionFilters(filters: TransactionFilterCriteria): boolean {
  return [filters.type, filters.kind, filters.status, filters.from, filters.to, filters.campaignId].some((value) => value != null);
}

const DATE_INPUT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The year, month (1–12) and day of a date input's value ("2026-11-01"), or null when it is not a real date. */
function dateParts(date: string): { year: number; month: number; day: number } | null {
  const match = DATE_INPUT_PATTERN.exec(date.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date rolls 2026-02-30 over into March: a date that does not come back the same does not exist.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}

/**
 * The instant a calendar day starts in the browser's time zone, as RFC 3339 at UTC:
 * "2026-11-01" in London (UTC+0 then) → "2026-11-01T00:00:00.000Z". Null when `date` is not a real
 * date in the date input's format (YYYY-MM-DD).
 */
export function startOfLocalDay(date: string): string | null {
  const parts = dateParts(date);
  if (parts === null) return null;
  return new Date(parts.year, parts.month - 1, parts.day).toISOString();
}

/** The instant the day after `date` starts (browser's time zone): the exclusive end of a range that includes `date`. */
export function startOfNextLocalDay(date: string): string | null {
  const parts = dateParts(date);
  if (parts === null) return null;
  return new Date(parts.year, parts.month - 1, parts.day + 1).toISOString();
}

/** What {@link dateRangeOf} found: the instants to send, or why the dates cannot be used. */
export type DateRangeCheck =
  | { valid: true; from: string | null; to: string | null }
  | { valid: false; field: 'from' | 'to'; message: string };

/**
 * The server's `from` (inclusive) and `to` (exclusive) for the days the form's date inputs name,
 * both days included: from the start of `fromDate` to the start of the day after `toDate`, in the
 * browser's time zone. Empty inputs (null or "") leave that end open.
 */
export function dateRangeOf(fromDate: string | null, toDate: string | null): DateRangeCheck {
  const fromText = fromDate?.trim() ?? '';
  const toText = toDate?.trim() ?? '';
  const from = fromText === '' ? null : startOfLocalDay(fromText);
  if (fromText !== '' && from === null) return { valid: false, field: 'from', message: 'Enter the start date as YYYY-MM-DD.' };
  const to = toText === '' ? null : startOfNextLocalDay(toText);
  if (toText !== '' && to === null) return { valid: false, field: 'to', message: 'Enter the end date as YYYY-MM-DD.' };
  if (from !== null && to !== null && Date.parse(to) <= Date.parse(from)) {
    return { valid: false, field: 'to', message: 'The end date is before the start date.' };
  }
  return { valid: true, from, to };
}
