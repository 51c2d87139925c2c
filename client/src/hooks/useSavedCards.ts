import { gql, type TypedDocumentNode } from '@apollo/client';
import { skipToken, useQuery } from '@apollo/client/react';
import type { PaymentMethodsQuery, PaymentMethodsQueryVariables } from '../apollo/types.js';

/** The account's saved cards, default first. OWNER and CAMPAIGN_MANAGER only (others: FORBIDDEN). */
export const PAYMENT_METHODS_QUERY: TypedDocumentNode<PaymentMethodsQuery, PaymentMethodsQueryVariables> = gql`
  query PaymentMethods {
    paymentMethods {
      id
      brand
      last4
      expMonth
      expYear
      isDefault
    }
  }
`;

/**
 * The account's saved cards, fetched only when `allowed` (the key's role may list them): an
 * INTEGRATOR key pays with a new card or the default card without seeing the list.
 */
export function useSavedCards(allowed: boolean) {
  return useQuery(PAYMENT_METHODS_QUERY, allowed ? { fetchPolicy: 'cache-and-network' } : skipToken);
}
