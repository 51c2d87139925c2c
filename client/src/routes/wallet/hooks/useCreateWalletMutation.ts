import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** Opens a further wallet in the account (owners only). */
export const CREATE_WALLET_MUTATION = graphql(`
  mutation CreateWallet($input: CreateWalletInput!) {
    createWallet(input: $input) {
      wallet {
        ...WalletSummaryFields
        name
      }
    }
  }
`);

/** The `createWallet` mutation; the caller refetches the account's wallets. Its promise rejects on failure. */
export function useCreateWalletMutation() {
  return useMutation(CREATE_WALLET_MUTATION);
}
