import { skipToken, useQuery } from '@apollo/client/react';
import { graphql } from '../gql/index.js';

/** The account's saved cards, default first. OWNER and CAMPAIGN_MANAGER only (others: FORBIDDEN). */
/** A saved card as the checkout and the settings list it; every query and mutation answering cards spreads it. */
export const SAVED_CARD_FIELDS = graphql(`
  fragment SavedCardFields on PaymentMethod {
    id
    brand
    last4
    expMonth
    expYear
    isDefault
  }
`);

export const PAYMENT_METHODS_QUERY = graphql(`
  query PaymentMethods {
    paymentMethods {
      ...SavedCardFields
    }
  }
`);

/**
 * The account's saved cards, fetched only when `allowed` (the key's role may list them): an
 * INTEGRATOR key pays with a new card or the default card without seeing the list.
 */
export function useSavedCards(allowed: boolean) {
  return useQuery(PAYMENT_METHODS_QUERY, allowed ? { fetchPolicy: 'cache-and-network' } : skipToken);
}
