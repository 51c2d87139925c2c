import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import type { CampaignRatePlansQuery, CampaignRatePlansQueryVariables } from '../utils/campaign-types';

/** Every rate plan with the rate fields that price calls (prices are public to every caller). */
export const CAMPAIGN_RATE_PLANS_QUERY: TypedDocumentNode<CampaignRatePlansQuery, CampaignRatePlansQueryVariables> = gql`
  query CampaignRatePlans {
    ratePlans {
      id
      name
      currency
      rates {
        prefix
        perMinute
        firstIncrementSeconds
        nextIncrementSeconds
        connectFee
      }
    }
  }
`;

/**
 * The rate plans: the create form lists those of the wallet's currency, and the detail page
 * meters running calls with their plan's increments and connect fee. Plans change rarely: from
 * the cache when there.
 */
export function useCampaignRatePlans() {
  return useQuery(CAMPAIGN_RATE_PLANS_QUERY, { fetchPolicy: 'cache-first' });
}
