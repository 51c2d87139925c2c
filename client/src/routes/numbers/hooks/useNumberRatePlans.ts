import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

export const NUMBER_RATE_PLANS_QUERY = graphql(`
  query NumberRatePlans {
    ratePlans {
      id
      name
      currency
      rates {
        prefix
        numberPurchase
        numberMonthly
      }
    }
  }
`);

/** Every rate plan with its number prices (public); the page keeps those of the wallet's currency that sell numbers. */
export function useNumberRatePlans() {
  return useQuery(NUMBER_RATE_PLANS_QUERY, { fetchPolicy: 'cache-first' });
}
