import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** How many bank transfers the page lists, newest first. */
export const BANK_TRANSFERS_SHOWN = 20;

/** The wallet's bank transfers, newest first: PENDING ones are credit on its way. */
export const BANK_TRANSFERS_QUERY = graphql(`
  query WalletBankTransfers($walletId: ID!, $first: Int) {
    wallet(id: $walletId) {
      id
      currency
      bankTransfers(first: $first) {
        id
        amount
        reference
        status
        expectedBy
        createdAt
        settledAt
      }
    }
  }
`);

/** The bank transfers of `walletId`. */
export function useBankTransfers(walletId: string) {
  return useQuery(BANK_TRANSFERS_QUERY, { variables: { walletId, first: BANK_TRANSFERS_SHOWN }, fetchPolicy: 'cache-and-network' });
}
