import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import type { PaymentsConfigQuery, PaymentsConfigQueryVariables } from '../apollo/types.js';

/** How this server takes cards: Stripe Elements (STRIPE) or the offline sandbox's test cards (SANDBOX). */
export const PAYMENTS_CONFIG_QUERY: TypedDocumentNode<PaymentsConfigQuery, PaymentsConfigQueryVariables> = gql`
  query PaymentsConfig {
    paymentsConfig {
      mode
      publishableKey
      sandboxUrl
      testCards {
        id
        label
        brand
        last4
        behaviour
      }
    }
  }
`;

/** The server's payments configuration; it does not change while the page is open. */
export function usePaymentsConfig() {
  return useQuery(PAYMENTS_CONFIG_QUERY, { fetchPolicy: 'cache-first' });
}
