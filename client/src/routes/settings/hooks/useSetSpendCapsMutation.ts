import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';
import { SPEND_CAPS_QUERY } from './useSpendCaps';

/** Sets the daily and monthly caps of a wallet, or of the account in a currency. OWNER and PLATFORM_ADMIN. */
export const SET_SPEND_CAPS_MUTATION = graphql(`
  mutation SetSpendCaps($input: SetSpendCapsInput!) {
    setSpendCaps(input: $input) {
      spendCap {
        scope
        walletId
        currency
      }
    }
  }
`);

/** The `setSpendCaps` mutation; the caps query is read again after it. Its promise rejects on failure; the form shows why. */
export function useSetSpendCapsMutation() {
  return useMutation(SET_SPEND_CAPS_MUTATION, { refetchQueries: [SPEND_CAPS_QUERY], awaitRefetchQueries: true });
}
