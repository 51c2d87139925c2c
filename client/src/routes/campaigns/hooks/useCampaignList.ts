import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** Campaigns per page of the list (the server allows 1..100). @default 20 */
export const CAMPAIGNS_PAGE_SIZE = 20;

/** The caller's campaigns, newest first, one page. */
export const CAMPAIGNS_QUERY = graphql(`
  query Campaigns($first: Int!, $after: String) {
    campaigns(first: $first, after: $after) {
      edges {
        cursor
        node {
          ...CampaignFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/**
 * One page of the campaign list (`after`: the previous page's end cursor, null for the newest).
 * Shown from the cache at once and fetched again on every visit, so a campaign created or changed
 * elsewhere appears; rows then follow their campaigns live (routes/campaigns/CampaignList.tsx).
 */
export function useCampaignList(after: string | null) {
  return useQuery(CAMPAIGNS_QUERY, {
    variables: { first: CAMPAIGNS_PAGE_SIZE, after },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
}
