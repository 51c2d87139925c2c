import { useState, type MouseEvent } from 'react';
import { browserStorage } from '../hooks/useApiKey';
import { readApiKey } from '../utils/api-key-storage';
import { attachmentFileName } from '../utils/download';

/** Props of {@link DownloadLink}. */
export interface DownloadLinkProps {
  /** The file's same-origin path (`Invoice.pdfUrl`, the history export's URL…). */
  href: string;
  /** The name the file is saved under when the server names none. */
  fallbackName: string;
  /** The link's words, e.g. "PDF" or "Download CSV". */
  children: string;
  /** The words while an API-key download is being fetched. @default "Preparing…" */
  busyText?: string;
  /** What a screen reader announces instead of the words, e.g. "Download invoice SW-2026-000001 as PDF". */
  label?: string;
  /** The sentence to show when the server answers `status` with `bodyText`. */
  failureMessage: (status: number, bodyText: string) => string;
  /** What the download is, for "Cannot reach the server for the …". @default "download" */
  what?: string;
  /** The wrapper's class (it holds the link and, after a failure, the sentence). */
  className?: string;
  /** A block wrapper (`div`, the sentence a paragraph) rather than an inline one (`span`). @default false */
  block?: boolean;
}

type DownloadState = { kind: 'idle' } | { kind: 'downloading' } | { kind: 'failed'; message: string };

/**
 * A download of a file the server serves behind the caller's credential. Signed in with e-mail and
 * password it is a plain link: the browser sends the session cookie and saves the file as it streams.
 * With an API key, which a link cannot carry, it fetches the file with the Authorization header and
 * saves what arrived under the server's file name; a refusal is shown beside the link.
 */
export function DownloadLink({
  href,
  fallbackName,
  children,
  busyText = 'Preparing…',
  label,
  failureMessage,
  what = 'download',
  className,
  block = false,
}: DownloadLinkProps) {
  const [state, setState] = useState<DownloadState>({ kind: 'idle' });
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
    void downloadWithApiKey({ href, apiKey, fallbackName, failureMessage, what }).then(
      () => setState({ kind: 'idle' }),
      (error: unknown) => setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  };
  const Wrapper = block ? 'div' : 'span';
  const Sentence = block ? 'p' : 'span';
  return (
    <Wrapper className={className}>
      <a
        className="button"
        href={href}
        download={fallbackName}
        aria-label={label}
        onClick={onClick}
        aria-disabled={state.kind === 'downloading'}
      >
        {state.kind === 'downloading' ? busyText : children}
      </a>
      {state.kind === 'failed' && (
        <Sentence className="field-error" role="alert">
          {state.message}
        </Sentence>
      )}
    </Wrapper>
  );
}

/**
 * Fetches `href` with `Authorization: Bearer <apiKey>` and hands the file to the browser's downloads.
 * @throws Error with the sentence to show when the server refuses or cannot be reached.
 */
async function downloadWithApiKey(options: {
  href: string;
  apiKey: string;
  fallbackName: string;
  failureMessage: (status: number, bodyText: string) => string;
  what: string;
}): Promise<void> {
  let response: Response;
  try {
    response = await fetch(options.href, { headers: { authorization: `Bearer ${options.apiKey}` }, credentials: 'omit' });
  } catch (error) {
    throw new Error(`Cannot reach the server for the ${options.what}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new Error(options.failureMessage(response.status, await response.text().catch(() => '')));
  const url = URL.createObjectURL(await response.blob());
  try {
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = attachmentFileName(response.headers.get('content-disposition'), options.fallbackName);
    anchor.style.display = 'none';
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
  } finally {
    // The click has queued the download; the object URL may go once the browser has read it.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
