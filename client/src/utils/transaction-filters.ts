/** The list's filters as the server applies them; null means "any". */
export interface TransactionFilterCriteria {
  type: string | null;
  kind: string | null;
}

/**
 * Whether a transaction passes the list's filters, as the server's `transactions(type, kind)`
 * decides it: used for rows that arrive live, which the server did not filter.
 */
export function matchesTransactionFilters(row: { type: string; kind: string }, filters: TransactionFilterCriteria): boolean {
  return (filters.type === null || row.type === filters.type) && (filters.kind === null || row.kind === filters.kind);
}
