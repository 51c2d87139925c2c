import { useLazyQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

export const AVAILABLE_PHONE_NUMBERS_QUERY = graphql(`
  query AvailablePhoneNumbers($walletId: ID!, $ratePlanId: ID!, $startsWith: String, $first: Int) {
    availablePhoneNumbers(walletId: $walletId, ratePlanId: $ratePlanId, startsWith: $startsWith, first: $first) {
      number
      ratePrefix
      currency
      purchasePrice
      monthlyPrice
      firstCharge
      firstRenewalAt
      refundableUntil
    }
  }
`);

/** Numbers proposed per search. */
export const AVAILABLE_NUMBERS_PER_SEARCH = 10;

/** A search for numbers to buy, run when asked; always from the network (another account may have bought one). */
export function useAvailableNumbers() {
  return useLazyQuery(AVAILABLE_PHONE_NUMBERS_QUERY, { fetchPolicy: 'network-only' });
}
