import { useMutation, useQuery } from '@apollo/client/react';
import { RefundRequestStatus } from '../../../gql/graphql.js';
import { graphql } from '../../../gql/index.js';

/** Requests the queue lists at once (the server allows up to refundRequestsPageSizeMax, default 100). */
export const REFUND_QUEUE_SIZE = 50;

/** Refund requests of every account in some statuses (PENDING and FAILED: the queue; null: all), newest first. */
export const SUPPORT_REFUND_REQUESTS_QUERY = graphql(`
  query SupportRefundRequests($statuses: [RefundRequestStatus!], $first: Int!) {
    refundRequests(statuses: $statuses, first: $first) {
      id
      accountId
      accountName
      walletId
      currency
      amount
      reason
      status
      declineReason
      failureReason
      failedAmount
      failedAt
      attempts
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

/** Retries a FAILED request: the credit that did not reach the card is refunded again. */
export const SUPPORT_RETRY_REFUND_REQUEST_MUTATION = graphql(`
  mutation SupportRetryRefundRequest($id: ID!) {
    retryRefundRequest(id: $id) {
      refundRequest {
        id
        status
        failureReason
        failedAmount
        attempts
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

/** What needs staff: requests waiting for a decision, and approved ones whose card refund failed. */
export const REFUND_QUEUE_STATUSES: RefundRequestStatus[] = [RefundRequestStatus.Pending, RefundRequestStatus.Failed];

/** The requests in `statuses` (null: all), refetched after every decision. */
export function useRefundRequestQueue(statuses: RefundRequestStatus[] | null) {
  return useQuery(SUPPORT_REFUND_REQUESTS_QUERY, {
    variables: { statuses, first: REFUND_QUEUE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
}

/** Approve, decline and retry; each fetches the queue again. Reject on failure. */
export function useRefundRequestDecisions() {
  const options = { refetchQueries: [SUPPORT_REFUND_REQUESTS_QUERY], awaitRefetchQueries: true };
  const [approve] = useMutation(SUPPORT_APPROVE_REFUND_REQUEST_MUTATION, options);
  const [decline] = useMutation(SUPPORT_DECLINE_REFUND_REQUEST_MUTATION, options);
  const [retry] = useMutation(SUPPORT_RETRY_REFUND_REQUEST_MUTATION, options);
  return { approve, decline, retry };
}
