import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** The latest calls received on the numbers of one wallet. */
export const INBOUND_CALLS_QUERY = graphql(`
  query InboundCalls($walletId: ID!, $first: Int!) {
    inboundCalls(walletId: $walletId, first: $first) {
      edges {
        node {
          id
          direction
          from
          to
          status
          endReason
          startedAt
          billedSeconds
          cost
        }
      }
    }
  }
`);

/** Calls received shown on the Numbers page. */
export const INBOUND_CALLS_SHOWN = 20;

/** The latest {@link INBOUND_CALLS_SHOWN} calls received on the numbers of wallet `walletId`, newest first. */
export function useInboundCalls(walletId: string) {
  return useQuery(INBOUND_CALLS_QUERY, { variables: { walletId, first: INBOUND_CALLS_SHOWN }, fetchPolicy: 'cache-and-network' });
}
