import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';
import type { MessageStatus } from '../../../gql/graphql.js';

export const MESSAGES_QUERY = graphql(`
  query Messages($walletId: ID!, $campaignId: ID, $status: MessageStatus, $first: Int!, $after: String) {
    messages(walletId: $walletId, campaignId: $campaignId, status: $status, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          campaignId
          direction
          from
          to
          segments
          encoding
          price
          hold
          status
          createdAt
          finalizedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Messages per page of the history. */
export const MESSAGES_PAGE_SIZE = 20;

/** One page of the wallet's messages, newest first, optionally of one campaign and one status. */
export function useMessages(walletId: string, filters: { campaignId: string | null; status: MessageStatus | null }, after: string | null) {
  return useQuery(MESSAGES_QUERY, {
    variables: { walletId, campaignId: filters.campaignId, status: filters.status, first: MESSAGES_PAGE_SIZE, after },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
}
