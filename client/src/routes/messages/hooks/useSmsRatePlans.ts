import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

export const SMS_RATE_PLANS_QUERY = graphql(`
  query SmsRatePlans {
    ratePlans {
      id
      name
      currency
      rates {
        prefix
        smsPerSegment
      }
    }
  }
`);

/** Every rate plan with its SMS prices (public); the estimator keeps those of the wallet's currency that price SMS. */
export function useSmsRatePlans() {
  return useQuery(SMS_RATE_PLANS_QUERY, { fetchPolicy: 'cache-first' });
}
