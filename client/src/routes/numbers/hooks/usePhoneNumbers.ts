import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** The fields of a number the list shows and the mutations return. */
export const PHONE_NUMBER_ROW_FIELDS = graphql(`
  fragment PhoneNumberRowFields on PhoneNumber {
    id
    number
    status
    purchasePrice
    monthlyPrice
    purchasedAt
    renewsAt
    graceUntil
    owedAmount
    owedSince
    releasedAt
    releaseReason
    periodsPaid
    refundable
    refundableUntil
  }
`);

export const PHONE_NUMBERS_QUERY = graphql(`
  query PhoneNumbers($walletId: ID!, $first: Int!, $after: String) {
    phoneNumbers(walletId: $walletId, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...PhoneNumberRowFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Numbers per page of the list. */
export const PHONE_NUMBERS_PAGE_SIZE = 20;

/** One page of the wallet's numbers, newest first (held and given up alike). */
export function usePhoneNumbers(walletId: string, after: string | null) {
  return useQuery(PHONE_NUMBERS_QUERY, {
    variables: { walletId, first: PHONE_NUMBERS_PAGE_SIZE, after },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
}
