import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

export const MESSAGE_CAMPAIGNS_QUERY = graphql(`
  query MessageCampaigns($first: Int!) {
    campaigns(first: $first) {
      edges {
        node {
          id
          name
          walletId
        }
      }
    }
  }
`);

/** Campaigns the history's filter offers: the newest this many. */
export const MESSAGE_CAMPAIGNS_MAX = 100;

/** The account's newest campaigns, for the history's campaign filter. */
export function useMessageCampaigns() {
  return useQuery(MESSAGE_CAMPAIGNS_QUERY, { variables: { first: MESSAGE_CAMPAIGNS_MAX }, fetchPolicy: 'cache-and-network' });
}
