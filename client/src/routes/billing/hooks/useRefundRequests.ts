import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** How many of the wallet's refund requests the page lists, newest first. */
export const REFUND_REQUESTS_SHOWN = 10;

/** The wallet's refundable credit and its refund requests, newest first. */
export const WALLET_REFUND_REQUESTS_QUERY = graphql(`
  query WalletRefundRequests($walletId: ID!, $first: Int!) {
    wallet(id: $walletId) {
      id
      currency
      balance
      refundable
    }
    refundRequests(walletId: $walletId, first: $first) {
      id
      amount
      currency
      reason
      status
      declineReason
      failureReason
      failedAmount
      failedAt
      createdAt
      decidedAt
    }
  }
`);

/** The refundable credit and refund requests of `walletId`. */
export function useRefundRequests(walletId: string) {
  return useQuery(WALLET_REFUND_REQUESTS_QUERY, {
    variables: { walletId, first: REFUND_REQUESTS_SHOWN },
    fetchPolicy: 'cache-and-network',
  });
}
