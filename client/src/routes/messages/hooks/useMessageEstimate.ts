import { useLazyQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

export const ESTIMATE_MESSAGE_QUERY = graphql(`
  query EstimateMessage($input: EstimateMessageInput!) {
    estimateMessage(input: $input) {
      currency
      encoding
      characters
      units
      segments
      recipients {
        to
        prefix
        perSegment
        price
      }
      total
    }
  }
`);

/** Prices a message without sending it, when asked. */
export function useMessageEstimate() {
  return useLazyQuery(ESTIMATE_MESSAGE_QUERY, { fetchPolicy: 'network-only' });
}
