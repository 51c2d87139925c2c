import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** Every rate plan with the rate fields that price calls (prices are public to every caller). */
/** The part of a rate that prices a call as it runs (the create form's estimate and the detail page's meter). */
export const CALL_RATE_FIELDS = graphql(`
  fragment CallRateFields on Rate {
    prefix
    perMinute
    firstIncrementSeconds
    nextIncrementSeconds
    connectFee
  }
`);

/** A rate plan as the create form and the detail page use it: its rates price calls. */
export const RATE_PLAN_OPTION_FIELDS = graphql(`
  fragment RatePlanOptionFields on RatePlan {
    id
    name
    currency
    rates {
      ...CallRateFields
    }
  }
`);

export const CAMPAIGN_RATE_PLANS_QUERY = graphql(`
  query CampaignRatePlans {
    ratePlans {
      ...RatePlanOptionFields
    }
  }
`);

/**
 * The rate plans: the create form lists those of the wallet's currency, and the detail page
 * meters running calls with their plan's increments and connect fee. Plans change rarely: from
 * the cache when there.
 */
export function useCampaignRatePlans() {
  return useQuery(CAMPAIGN_RATE_PLANS_QUERY, { fetchPolicy: 'cache-first' });
}
