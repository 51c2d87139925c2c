import { useState, type MouseEvent } from 'react';
import { browserStorage } from '../../hooks/useApiKey';
import { readApiKey } from '../../utils/api-key-storage';
import { dispositionFileName, downloadFailureMessage, fileNameOf } from './documents';

/** Props of {@link DocumentLink}. */
export interface DocumentLinkProps {
  /** The document's path on the server (`Invoice.pdfUrl`, `WalletStatement.csvUrl`…). */
  href: string;
  /** The link's words, e.g. "PDF". */
  children: string;
  /** What a screen reader announces, e.g. "Download invoice SW-2026-000001 as PDF". */
  label: string;
}

type DownloadState = { kind: 'idle' } | { kind: 'downloading' } | { kind: 'failed'; message: string };

/**
 * A download of a billing document. Signed in with e-mail and password it is a plain link (the browser
 * sends the session cookie); with an API key, which a link cannot carry, it fetches the file with the
 * Authorization header and saves what arrived.
 */
export function DocumentLink({ href, children, label }: DocumentLinkProps) {
  const [state, setState] = useState<DownloadState>({ kind: 'idle' });
  const fallbackName = fileNameOf(href);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const apiKey = readApiKey(browserStorage());
    if (apiKey === null) return;
    event.preventDefault();
    if (state.kind === 'downloading') return;
    setState({ kind: 'downloading' });
    void downloadWithApiKey(href, apiKey, fallbackName).then(
      () => setState({ kind: 'idle' }),
      (error: unknown) => setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  };
  return (
    <span className="document-link">
      <a
        className="button"
        href={href}
        download={fallbackName}
        aria-label={label}
        onClick={onClick}
        aria-disabled={state.kind === 'downloading'}
      >
        {state.kind === 'downloading' ? 'Preparing…' : children}
      </a>
      {state.kind === 'failed' && (
        <span className="field-error" role="alert">
          {state.message}
        </span>
      )}
    </span>
  );
}

async function downloadWithApiKey(href: string, apiKey: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(href, { headers: { authorization: `Bearer ${apiKey}` }, credentials: 'omit' });
  } catch (error) {
    throw new Error(`Cannot reach the server for the download: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new Error(downloadFailureMessage(response.status, await response.text().catch(() => '')));
  const url = URL.createObjectURL(await response.blob());
  try {
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = dispositionFileName(response.headers.get('content-disposition'), fallbackName);
    anchor.style.display = 'none';
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
  } finally {
    // The click has queued the download; the object URL may go once the browser has read it.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
