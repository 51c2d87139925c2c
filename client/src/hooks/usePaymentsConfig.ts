import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql/index.js';

/** How this server takes cards: Stripe Elements (STRIPE) or the offline sandbox's test cards (SANDBOX). */
/** A test card the sandbox offers at checkout. */
export const SANDBOX_TEST_CARD_FIELDS = graphql(`
  fragment SandboxTestCardFields on SandboxTestCard {
    id
    label
    brand
    last4
    behaviour
  }
`);

/** How the checkout takes cards: Stripe Elements or the sandbox, and the sandbox's test cards. */
export const PAYMENTS_CONFIG_FIELDS = graphql(`
  fragment PaymentsConfigFields on PaymentsConfig {
    mode
    publishableKey
    sandboxUrl
    testCards {
      ...SandboxTestCardFields
    }
  }
`);

export const PAYMENTS_CONFIG_QUERY = graphql(`
  query PaymentsConfig {
    paymentsConfig {
      ...PaymentsConfigFields
    }
  }
`);

/** The server's payments configuration; it does not change while the page is open. */
export function usePaymentsConfig() {
  return useQuery(PAYMENTS_CONFIG_QUERY, { fetchPolicy: 'cache-first' });
}
