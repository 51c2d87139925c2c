import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** Most campaigns the history's campaign filter lists: the newest, one page of the server's 1..100. */
export const CAMPAIGN_FILTER_OPTIONS_MAX = 100;

/** The caller's newest campaigns, just what the campaign filter needs. */
/** A campaign as the history's campaign filter lists it. */
export const CAMPAIGN_OPTION_FIELDS = graphql(`
  fragment CampaignOptionFields on Campaign {
    id
    name
    walletId
    status
  }
`);

export const CAMPAIGN_OPTIONS_QUERY = graphql(`
  query CampaignOptions($first: Int!) {
    campaigns(first: $first) {
      edges {
        node {
          ...CampaignOptionFields
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

/** The account's newest {@link CAMPAIGN_FILTER_OPTIONS_MAX} campaigns, for the history's campaign filter. */
export function useCampaignFilterOptions() {
  return useQuery(CAMPAIGN_OPTIONS_QUERY, { variables: { first: CAMPAIGN_FILTER_OPTIONS_MAX }, fetchPolicy: 'cache-and-network' });
}
