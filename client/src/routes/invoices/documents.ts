/** Pure helpers of the Invoices page: months, file names, download failures. */

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

/** The last path segment of a document's path, the name it is saved under when the server names none. */
export function fileNameOf(path: string): string {
  return path.split('/').pop() || 'document';
}

/** The file name of a `Content-Disposition` header (`attachment; filename="x.pdf"`), or `fallback`. */
export function dispositionFileName(contentDisposition: string | null, fallback: string): string {
  const name = /filename\s*=\s*"([^"]*)"/
    .exec(contentDisposition ?? '')?.[1]
    ?.split(/[\\/]/)
    .pop()
    ?.trim();
  return name ? name : fallback;
}

/** What to tell the person when a download answered `status` with `bodyText` (the server's `{ error: { message } }` when there is one). */
export function downloadFailureMessage(status: number, bodyText: string): string {
  try {
    const message = (JSON.parse(bodyText) as { error?: { message?: unknown } } | null)?.error?.message;
    if (typeof message === 'string' && message.trim() !== '') return `The download failed: ${message.trim()}`;
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  if (status === 401) return 'The download was refused: this API key is unknown or revoked.';
  if (status === 404) return 'This document is not visible with this credential.';
  return `The download failed (HTTP ${status}). Try again in a moment.`;
}
