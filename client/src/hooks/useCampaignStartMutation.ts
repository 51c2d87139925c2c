import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { CampaignTransitionMutationVariables, StartCampaignMutation } from '../utils/campaign-types';
import { CAMPAIGN_FIELDS } from './useCampaignUpdates';

/** RUNNING: the campaign may place calls (also resumes a paused or stopped one). */
export const START_CAMPAIGN_MUTATION: TypedDocumentNode<StartCampaignMutation, CampaignTransitionMutationVariables> = gql`
  mutation StartCampaign($id: ID!) {
    startCampaign(id: $id) {
      campaign {
        ...CampaignFields
      }
    }
  }
  ${CAMPAIGN_FIELDS}
`;

/** The `startCampaign` mutation (OWNER, CAMPAIGN_MANAGER, INTEGRATOR). The answer updates the cached campaign. */
export function useCampaignStartMutation() {
  return useMutation(START_CAMPAIGN_MUTATION);
}
