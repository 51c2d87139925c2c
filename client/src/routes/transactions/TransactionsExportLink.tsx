import { DownloadLink } from '../../components/DownloadLink';
import { defaultExportFileName, exportFailureMessage, transactionExportPath, type TransactionExportFilters } from './csv-export';

/** Props of {@link TransactionsExportLink}. */
export interface TransactionsExportLinkProps {
  walletId: string;
  /** The history's filters in force: the file holds the same transactions (every page of them). */
  filters: TransactionExportFilters;
}

/**
 * "Download CSV": the wallet's history with the filters in force, as the server's export
 * (`GET /export/wallets/:walletId/transactions.csv`), through the shared authenticated download.
 */
export function TransactionsExportLink({ walletId, filters }: TransactionsExportLinkProps) {
  return (
    <DownloadLink
      href={transactionExportPath(walletId, filters)}
      fallbackName={defaultExportFileName(walletId)}
      busyText="Preparing CSV…"
      failureMessage={exportFailureMessage}
      what="export"
      className="history-export"
      block
    >
      Download CSV
    </DownloadLink>
  );
}
