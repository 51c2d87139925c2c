import { useQuery } from '@apollo/client/react';
import type { EstimateCampaignCostQueryVariables } from '../../../gql/graphql.js';
import { graphql } from '../../../gql/index.js';

/** The estimate the create form shows. */
export const CAMPAIGN_ESTIMATE_FIELDS = graphql(`
  fragment CampaignEstimateFields on CampaignCostEstimate {
    currency
    rate {
      ...CallRateFields
    }
    billedSecondsPerCall
    costPerCall
    total
    available
    budget
    shortfall
    coveredCalls
    limitedBy
  }
`);

/** The estimate shown before a campaign is created: the rate that applies, cost per call, total, and what the wallet covers. */
export const ESTIMATE_CAMPAIGN_COST_QUERY = graphql(`
  query EstimateCampaignCost($input: EstimateCampaignCostInput!) {
    estimateCampaignCost(input: $input) {
      ...CampaignEstimateFields
    }
  }
`);

/**
 * The estimate for the form's (debounced, checked) inputs; nothing is asked while they are null.
 * `network-only`: the wallet's available balance moves, so a cached answer would be stale.
 */
export function useCampaignEstimate(variables: EstimateCampaignCostQueryVariables | null) {
  return useQuery(ESTIMATE_CAMPAIGN_COST_QUERY, {
    variables: variables ?? { input: { ratePlanId: '', to: '', calls: 1, averageDurationSeconds: 0, walletId: '' } },
    skip: variables === null,
    fetchPolicy: 'network-only',
  });
}
