import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** PAUSED: no new calls; calls in progress run on. */
export const PAUSE_CAMPAIGN_MUTATION = graphql(`
  mutation PauseCampaign($id: ID!) {
    pauseCampaign(id: $id) {
      campaign {
        ...CampaignFields
      }
    }
  }
`);

/** The `pauseCampaign` mutation (OWNER, CAMPAIGN_MANAGER, INTEGRATOR). The answer updates the cached campaign. */
export function useCampaignPauseMutation() {
  return useMutation(PAUSE_CAMPAIGN_MUTATION);
}
