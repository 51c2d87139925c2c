import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';
import { WALLET_REFUND_REQUESTS_QUERY } from './useRefundRequests';

/** Asks for a refund of unused paid credit: PENDING until platform staff decide it. */
export const REQUEST_REFUND_MUTATION = graphql(`
  mutation RequestRefund($input: RequestRefundInput!) {
    requestRefund(input: $input) {
      refundRequest {
        id
        amount
        status
      }
    }
  }
`);

/** `requestRefund`; the wallet's requests are fetched again. Rejects on failure. */
export function useRequestRefundMutation() {
  return useMutation(REQUEST_REFUND_MUTATION, { refetchQueries: [WALLET_REFUND_REQUESTS_QUERY], awaitRefetchQueries: true });
}
