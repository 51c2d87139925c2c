import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** A wallet's month, as the Invoices page shows it. */
export const STATEMENT_QUERY = graphql(`
  query WalletStatement($walletId: ID!, $month: String) {
    statement(walletId: $walletId, month: $month) {
      walletId
      month
      currency
      timeZone
      openingBalance
      credits {
        kind
        amount
        transactions
      }
      debits {
        kind
        amount
        transactions
      }
      totalCredits
      totalDebits
      closingBalance
      pdfUrl
      csvUrl
    }
  }
`);

/** The statement of `walletId` for `month` (YYYY-MM), or, null, for the current month in the account's timezone. */
export function useStatement(walletId: string, month: string | null) {
  return useQuery(STATEMENT_QUERY, { variables: { walletId, month }, fetchPolicy: 'cache-and-network' });
}
