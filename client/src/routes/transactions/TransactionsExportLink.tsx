import { useState, type MouseEvent } from 'react';
import { browserStorage } from '../../hooks/useApiKey';
import { readApiKey } from '../../utils/api-key-storage';
import {
  defaultExportFileName,
  exportFailureMessage,
  exportFileName,
  transactionExportPath,
  type TransactionExportFilters,
} from './csv-export';

/** Props of {@link TransactionsExportLink}. */
export interface TransactionsExportLinkProps {
  walletId: string;
  /** The history's filters in force: the file holds the same transactions (every page of them). */
  filters: TransactionExportFilters;
}

type ExportState = { kind: 'idle' } | { kind: 'downloading' } | { kind: 'failed'; message: string };

/**
 * "Download CSV": the wallet's history with the filters in force, as the server's export
 * (`GET /export/wallets/:walletId/transactions.csv`). Signed in with e-mail and password, it is a
 * plain link: the browser sends the session cookie and saves the file as it streams. With an API
 * key, which the browser cannot attach to a link, it fetches the file with the Authorization
 * header and saves what arrived.
 */
export function TransactionsExportLink({ walletId, filters }: TransactionsExportLinkProps) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const href = transactionExportPath(walletId, filters);
  const fallbackName = defaultExportFileName(walletId);

  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // Read when clicked, as the Apollo link reads it per request: the key in use now.
    const apiKey = readApiKey(browserStorage());
    if (apiKey === null) {
      setState({ kind: 'idle' });
      return;
    }
    event.preventDefault();
    if (state.kind === 'downloading') return;
    setState({ kind: 'downloading' });
    void downloadWithApiKey(href, apiKey, fallbackName).then(
      () => setState({ kind: 'idle' }),
      (error: unknown) => setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  };

  return (
    <div className="history-export">
      <a className="button" href={href} download={fallbackName} onClick={onClick} aria-disabled={state.kind === 'downloading'}>
        {state.kind === 'downloading' ? 'Preparing CSV…' : 'Download CSV'}
      </a>
      {state.kind === 'failed' && (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}

/**
 * Fetches the export with `Authorization: Bearer <apiKey>` and hands the file to the browser's
 * downloads under the server's file name.
 * @throws Error with the sentence to show when the server refuses or cannot be reached.
 */
async function downloadWithApiKey(href: string, apiKey: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(href, { headers: { authorization: `Bearer ${apiKey}` }, credentials: 'omit' });
  } catch (error) {
    throw new Error(`Cannot reach the server for the export: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new Error(exportFailureMessage(response.status, await response.text().catch(() => '')));
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  try {
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = exportFileName(response.headers.get('content-disposition'), fallbackName);
    anchor.style.display = 'none';
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
  } finally {
    // The click has queued the download; the object URL may go once the browser has read it.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
