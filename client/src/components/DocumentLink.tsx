import { documentFailureMessage, documentFileName } from '../utils/download';
import { DownloadLink } from './DownloadLink';

/** Props of {@link DocumentLink}. */
export interface DocumentLinkProps {
  /** The document's path on the server (`Invoice.pdfUrl`, `WalletStatement.csvUrl`…). */
  href: string;
  /** The link's words, e.g. "PDF". */
  children: string;
  /** What a screen reader announces, e.g. "Download invoice SW-2026-000001 as PDF". */
  label: string;
}

/** A billing document's download (an invoice, a credit note, a statement): {@link DownloadLink} with the documents' file names and sentences. */
export function DocumentLink({ href, children, label }: DocumentLinkProps) {
  return (
    <DownloadLink
      href={href}
      fallbackName={documentFileName(href)}
      label={label}
      failureMessage={documentFailureMessage}
      className="document-link"
    >
      {children}
    </DownloadLink>
  );
}
