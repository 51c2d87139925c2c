/**
 * The transaction history's CSV export (`GET /export/wallets/:walletId/transactions.csv`, README
 * "History export"): its URL with the history's filters, the file name the server gives it, and
 * what to say when the server refuses. Pure: the download itself is components/DownloadLink.tsx's.
 */
import { attachmentFileName, downloadFailureSentence } from '../../utils/download.js';

/** Path of a wallet's export, before its id. */
export const TRANSACTION_EXPORT_PATH_PREFIX = '/export/wallets';

/** The export's filters, as the server's query parameters; null leaves one out. Dates are RFC 3339 instants. */
export interface TransactionExportFilters {
  type: string | null;
  kind: string | null;
  status: string | null;
  /** Inclusive. */
  from: string | null;
  /** Exclusive. */
  to: string | null;
  campaignId: string | null;
}

/** The query parameters, in the order the URL lists them. */
const EXPORT_PARAMETERS = [
  'type',
  'kind',
  'status',
  'from',
  'to',
  'campaignId',
] as const satisfies readonly (keyof TransactionExportFilters)[];

/**
 * The same-origin path of a wallet's CSV export with the filters that are set, e.g.
 * `/export/wallets/4b03…/transactions.csv?kind=TOP_UP&from=2026-11-01T00%3A00%3A00.000Z`; without
 * filters, no query string.
 */
export function transactionExportPath(walletId: string, filters: TransactionExportFilters): string {
  const query = new URLSearchParams();
  for (const name of EXPORT_PARAMETERS) {
    const value = filters[name];
    if (value !== null && value !== '') query.set(name, value);
  }
  const search = query.toString();
  return `${TRANSACTION_EXPORT_PATH_PREFIX}/${encodeURIComponent(walletId)}/transactions.csv${search === '' ? '' : `?${search}`}`;
}

/** The file name a download is saved under when the server names none: `transactions-<walletId>.csv`. */
export function defaultExportFileName(walletId: string): string {
  return `transactions-${walletId}.csv`;
}

/** The file name of the export's `Content-Disposition` header, or `fallback` (see utils/download.ts). */
export const exportFileName = attachmentFileName;

/** Sentences for the export's HTTP refusals that carry no message of their own. */
const FAILURES_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'The server refused the export’s filters.',
  401: 'The export was refused: this API key is unknown or revoked.',
  403: 'This role may not export this wallet’s history.',
  404: 'This wallet is not visible with this credential.',
};

/** What to tell the person when the export answered `status` with `bodyText` (the server's message when it sent one). */
export function exportFailureMessage(status: number, bodyText: string): string {
  return downloadFailureSentence('export', status, bodyText, FAILURES_BY_STATUS);
}
