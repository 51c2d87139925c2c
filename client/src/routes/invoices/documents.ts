/** Pure helpers of the Invoices page: months, file names, download failures. */
import { attachmentFileName, documentFailureMessage, documentFileName } from '../../utils/download.js';

/** The current calendar month in UTC, `YYYY-MM` (the account's own may be a month ahead or behind near its end). */
export function currentMonth(nowMs: number = Date.now()): string {
  return new Date(nowMs).toISOString().slice(0, 7);
}

/** The later of two `YYYY-MM` months (`b` may be missing). */
export function latestMonth(a: string, b: string | undefined): string {
  return b !== undefined && b > a ? b : a;
}

/** True for a `YYYY-MM` month. */
export function isMonth(value: string): boolean {
  return /^[0-9]{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** The name a document is saved under when the server names none (see utils/download.ts). */
export const fileNameOf = documentFileName;

/** The file name of a document's `Content-Disposition` header, or `fallback` (see utils/download.ts). */
export const dispositionFileName = attachmentFileName;

/** What to tell the person when a document's download was refused (see utils/download.ts). */
export const downloadFailureMessage = documentFailureMessage;
