import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';
import { BANK_TRANSFERS_QUERY } from './useBankTransfers';

/** Announces a bank transfer into a wallet: PENDING, nothing credited until support confirms the money arrived. */
export const RECORD_BANK_TRANSFER_MUTATION = graphql(`
  mutation RecordBankTransfer($input: RecordBankTransferInput!) {
    recordBankTransfer(input: $input) {
      bankTransfer {
        id
        amount
        reference
        status
        expectedBy
      }
    }
  }
`);

/** `recordBankTransfer`; the wallet's list is fetched again so the new transfer joins it. Rejects on failure. */
export function useRecordBankTransferMutation() {
  return useMutation(RECORD_BANK_TRANSFER_MUTATION, { refetchQueries: [BANK_TRANSFERS_QUERY], awaitRefetchQueries: true });
}
