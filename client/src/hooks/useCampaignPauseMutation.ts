import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { CampaignTransitionMutationVariables, PauseCampaignMutation } from '../utils/campaign-types';
import { CAMPAIGN_FIELDS } from './useCampaignUpdates';

/** PAUSED: no new calls; calls in progress run on. */
export const PAUSE_CAMPAIGN_MUTATION: TypedDocumentNode<PauseCampaignMutation, CampaignTransitionMutationVariables> = gql`
  mutation PauseCampaign($id: ID!) {
    pauseCampaign(id: $id) {
      campaign {
        ...CampaignFields
      }
    }
  }
  ${CAMPAIGN_FIELDS}
`;

/** The `pauseCampaign` mutation (OWNER, CAMPAIGN_MANAGER, INTEGRATOR). The answer updates the cached campaign. */
export function useCampaignPauseMutation() {
  return useMutation(PAUSE_CAMPAIGN_MUTATION);
}
