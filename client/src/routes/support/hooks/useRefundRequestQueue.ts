import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** Requests the queue lists at once (the server allows up to refundRequestsPageSizeMax, default 100). */
export const REFUND_QUEUE_SIZE = 50;

/** Refund requests of every account in one status (PENDING: the queue), newest first, with the wallet's refundable credit now. */
export const SUPPORT_REFUND_REQUESTS_QUERY = graphql(`
  query SupportRefundRequests($status: RefundRequestStatus, $first: Int!) {
    refundRequests(status: $status, first: $first) {
      id
      accountId
      accountName
      walletId
      currency
      amount
      reason
      status
      declineReason
      createdAt
      decidedAt
      requestedBy {
        kind
        id
        name
        email
        role
        staff
      }
      decidedBy {
        kind
        id
        name
        email
        role
        staff
      }
    }
  }
`);

/** Approves a request: its amount is refunded to the cards that paid. */
export const SUPPORT_APPROVE_REFUND_REQUEST_MUTATION = graphql(`
  mutation SupportApproveRefundRequest($id: ID!) {
    approveRefundRequest(id: $id) {
      refundRequest {
        id
        status
        transactionId
      }
      wallet {
        id
        balance
        refundable
      }
    }
  }
`);

/** Declines a request with the reason the owner is mailed. */
export const SUPPORT_DECLINE_REFUND_REQUEST_MUTATION = graphql(`
  mutation SupportDeclineRefundRequest($input: DeclineRefundRequestInput!) {
    declineRefundRequest(input: $input) {
      refundRequest {
        id
        status
        declineReason
      }
    }
  }
`);

/** The requests of one status (null: all), refetched after every decision. */
export function useRefundRequestQueue(status: 'PENDING' | null) {
  return useQuery(SUPPORT_REFUND_REQUESTS_QUERY, {
    variables: { status, first: REFUND_QUEUE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
}

/** Approve and decline; each fetches the queue again. Reject on failure. */
export function useRefundRequestDecisions() {
  const options = { refetchQueries: [SUPPORT_REFUND_REQUESTS_QUERY], awaitRefetchQueries: true };
  const [approve] = useMutation(SUPPORT_APPROVE_REFUND_REQUEST_MUTATION, options);
  const [decline] = useMutation(SUPPORT_DECLINE_REFUND_REQUEST_MUTATION, options);
  return { approve, decline };
}
