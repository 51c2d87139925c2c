import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { CreateCampaignMutation, CreateCampaignMutationVariables } from '../utils/campaign-types';
import { CAMPAIGNS_QUERY } from './useCampaignList';
import { CAMPAIGN_FIELDS } from './useCampaignUpdates';

/** Creates a campaign in DRAFT; `startCampaign` lets it place calls. */
export const CREATE_CAMPAIGN_MUTATION: TypedDocumentNode<CreateCampaignMutation, CreateCampaignMutationVariables> = gql`
  mutation CreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      campaign {
        ...CampaignFields
      }
    }
  }
  ${CAMPAIGN_FIELDS}
`;

/** The `createCampaign` mutation; the list is fetched again so the new campaign appears at the top. Its promise rejects on failure; the form shows why. */
export function useCampaignCreateMutation() {
  return useMutation(CREATE_CAMPAIGN_MUTATION, { refetchQueries: [CAMPAIGNS_QUERY], awaitRefetchQueries: true });
}
