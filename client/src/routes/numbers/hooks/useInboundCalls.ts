import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** The latest calls received on the account's numbers. */
export const INBOUND_CALLS_QUERY = graphql(`
  query InboundCalls($first: Int!) {
    inboundCalls(first: $first) {
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

/** The latest {@link INBOUND_CALLS_SHOWN} calls received on the account's numbers, newest first. */
export function useInboundCalls() {
  return useQuery(INBOUND_CALLS_QUERY, { variables: { first: INBOUND_CALLS_SHOWN }, fetchPolicy: 'cache-and-network' });
}
