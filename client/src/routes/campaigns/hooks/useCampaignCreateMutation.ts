import { useMutation } from '@apollo/client/react';
import { CAMPAIGNS_QUERY } from './useCampaignList';
import { graphql } from '../../../gql/index.js';

/** Creates a campaign in DRAFT; `startCampaign` lets it place calls. */
export const CREATE_CAMPAIGN_MUTATION = graphql(`
  mutation CreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      campaign {
        ...CampaignFields
      }
    }
  }
`);

/** The `createCampaign` mutation; the list is fetched again so the new campaign appears at the top. Its promise rejects on failure; the form shows why. */
export function useCampaignCreateMutation() {
  return useMutation(CREATE_CAMPAIGN_MUTATION, { refetchQueries: [CAMPAIGNS_QUERY], awaitRefetchQueries: true });
}
