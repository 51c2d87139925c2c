import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';
import { WALLET_REFUND_REQUESTS_QUERY } from './useRefundRequests';

/** Withdraws a PENDING refund request. */
export const CANCEL_REFUND_REQUEST_MUTATION = graphql(`
  mutation CancelRefundRequest($id: ID!) {
    cancelRefundRequest(id: $id) {
      refundRequest {
        id
        status
      }
    }
  }
`);

/** `cancelRefundRequest`; the wallet's requests are fetched again. Rejects on failure. */
export function useCancelRefundRequestMutation() {
  return useMutation(CANCEL_REFUND_REQUEST_MUTATION, { refetchQueries: [WALLET_REFUND_REQUESTS_QUERY], awaitRefetchQueries: true });
}
