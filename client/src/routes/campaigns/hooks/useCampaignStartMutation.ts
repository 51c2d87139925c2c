import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** RUNNING: the campaign may place calls (also resumes a paused or stopped one). */
export const START_CAMPAIGN_MUTATION = graphql(`
  mutation StartCampaign($id: ID!) {
    startCampaign(id: $id) {
      campaign {
        ...CampaignFields
      }
    }
  }
`);

/** The `startCampaign` mutation (OWNER, CAMPAIGN_MANAGER, INTEGRATOR). The answer updates the cached campaign. */
export function useCampaignStartMutation() {
  return useMutation(START_CAMPAIGN_MUTATION);
}
