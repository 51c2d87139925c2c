import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import type { EstimateCampaignCostQuery, EstimateCampaignCostQueryVariables } from '../utils/campaign-types';

/** Seed 004's pre-campaign estimate: the rate that applies, cost per call, total, and what the wallet covers. */
export const ESTIMATE_CAMPAIGN_COST_QUERY: TypedDocumentNode<EstimateCampaignCostQuery, EstimateCampaignCostQueryVariables> = gql`
  query EstimateCampaignCost($input: EstimateCampaignCostInput!) {
    estimateCampaignCost(input: $input) {
      currency
      rate {
        prefix
        perMinute
        firstIncrementSeconds
        nextIncrementSeconds
        connectFee
      }
      billedSecondsPerCall
      costPerCall
      total
      available
      shortfall
      coveredCalls
    }
  }
`;

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
