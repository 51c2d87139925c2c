import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** A campaign's new name and budget (its cap on spend); its status is left as it is. */
export const UPDATE_CAMPAIGN_MUTATION = graphql(`
  mutation UpdateCampaign($input: UpdateCampaignInput!) {
    updateCampaign(input: $input) {
      campaign {
        ...CampaignFields
      }
    }
  }
`);

/** The `updateCampaign` mutation (OWNER, CAMPAIGN_MANAGER, INTEGRATOR, PLATFORM_ADMIN). The answer updates the cached campaign. */
export function useCampaignUpdateMutation() {
  return useMutation(UPDATE_CAMPAIGN_MUTATION);
}
