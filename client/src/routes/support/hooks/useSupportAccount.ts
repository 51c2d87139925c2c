import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** Transactions, bank transfers, sender IDs, campaigns and alerts shown per account page (recent ones: the owner's own pages page further). */
export const SUPPORT_ACCOUNT_LIST_SIZE = 20;

/** An account as support sees it: wallets and balances, recent transactions with who did them, sender IDs, campaigns, alerts. */
export const SUPPORT_ACCOUNT_QUERY = graphql(`
  query SupportAccount($accountId: ID!, $first: Int!) {
    account(id: $accountId) {
      id
      name
      createdAt
      status
      closedAt
      wallets {
        id
        currency
        balance
        reserved
        available
        sequence
        status
        suspendedAt
        refundable
        transactions(first: $first) {
          edges {
            node {
              id
              sequence
              type
              kind
              amount
              balanceAfter
              description
              status
              createdAt
              actor {
                ...SupportActorFields
              }
            }
          }
        }
        bankTransfers(first: $first) {
          id
          amount
          reference
          status
          expectedBy
          createdAt
          settledAt
          recordedBy {
            ...SupportActorFields
          }
          settledBy {
            ...SupportActorFields
          }
        }
      }
    }
    senderIds(accountId: $accountId, first: $first) {
      edges {
        node {
          id
          walletId
          sender
          status
          monthlyFee
          decisionReason
          renewsAt
          graceUntil
          cancelReason
          createdAt
        }
      }
      pageInfo {
        hasNextPage
      }
    }
    campaigns(accountId: $accountId, first: $first) {
      edges {
        node {
          id
          walletId
          name
          status
          budget
          spent
          activeCalls
          createdAt
        }
      }
    }
    alerts(accountId: $accountId, first: $first) {
      edges {
        node {
          ...SupportAlertFields
        }
      }
    }
  }
`);

/** The account page's data; `refetch` after a support action (the owner's pages update live on their own). */
export function useSupportAccount(accountId: string) {
  return useQuery(SUPPORT_ACCOUNT_QUERY, {
    variables: { accountId, first: SUPPORT_ACCOUNT_LIST_SIZE },
    fetchPolicy: 'cache-and-network',
  });
}
