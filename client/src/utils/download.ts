/**
 * Downloads of files the server serves behind the caller's credential (documents, the history export):
 * the name a file is saved under and what to say when the server refuses. Pure; the download itself is
 * `components/DownloadLink.tsx`'s.
 */

/**
 * The file name of a `Content-Disposition` header (`attachment; filename="x.csv"`, or RFC 5987's
 * `filename*=UTF-8''x.csv`, which wins), with any folder part dropped; `fallback` when there is none.
 */
export function attachmentFileName(contentDisposition: string | null, fallback: string): string {
  if (contentDisposition === null) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(contentDisposition)?.[1];
  let name: string | undefined;
  if (extended !== undefined) {
    try {
      name = decodeURIComponent(extended.trim());
    } catch {
      name = undefined;
    }
  }
  name ??= /filename\s*=\s*"([^"]*)"/.exec(contentDisposition)?.[1] ?? /filename\s*=\s*([^;\s]+)/.exec(contentDisposition)?.[1];
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base ? base : fallback;
}

/**
 * What to tell the person when a download (`what`: "download", "export") answered `status` with
 * `bodyText`: the server's `{ error: { message } }` when there is one, else the sentence `byStatus`
 * has for the status, else a generic one.
 */
export function downloadFailureSentence(
  what: string,
  status: number,
  bodyText: string,
  byStatus: Readonly<Record<number, string>> = {},
): string {
  try {
    const message = (JSON.parse(bodyText) as { error?: { message?: unknown } } | null)?.error?.message;
    if (typeof message === 'string' && message.trim() !== '') return `The ${what} failed: ${message.trim()}`;
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  return byStatus[status] ?? `The ${what} failed (HTTP ${status}). Try again in a moment.`;
}

/** The last path segment of a document's path, the name it is saved under when the server names none. */
export function documentFileName(path: string): string {
  return path.split('/').pop() || 'document';
}

/** Sentences for refused document downloads that carry no message of their own. */
const DOCUMENT_FAILURES_BY_STATUS: Readonly<Record<number, string>> = {
  401: 'The download was refused: this API key is unknown or revoked.',
  404: 'This document is not visible with this credential.',
};

/** What to tell the person when a billing document's download answered `status` with `bodyText`. */
export function documentFailureMessage(status: number, bodyText: string): string {
  return downloadFailureSentence('download', status, bodyText, DOCUMENT_FAILURES_BY_STATUS);
}
