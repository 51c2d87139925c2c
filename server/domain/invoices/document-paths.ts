/** Where the HTTP routes serve documents (server/transport/document-routes.ts), as the API hands them out. */

/** `/documents/invoices/<id>.pdf`. */
export function invoicePdfPath(invoiceId: string): string {
  return `/documents/invoices/${invoiceId}.pdf`;
}

/** `/documents/wallets/<walletId>/statements/<YYYY-MM>.pdf` (or `.csv`). */
export function statementPath(walletId: string, month: string, format: 'pdf' | 'csv'): string {
  return `/documents/wallets/${walletId}/statements/${month}.${format}`;
}
