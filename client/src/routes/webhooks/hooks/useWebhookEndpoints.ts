import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** What the Webhooks page shows of an endpoint. */
export const WEBHOOK_ENDPOINT_FIELDS = graphql(`
  fragment WebhookEndpointFields on WebhookEndpoint {
    id
    url
    description
    eventTypes
    enabled
    createdAt
    updatedAt
  }
`);

/** The caller's account's webhook endpoints, oldest first (OWNER and INTEGRATOR). */
export const WEBHOOK_ENDPOINTS_QUERY = graphql(`
  query WebhookEndpoints {
    webhookEndpoints {
      ...WebhookEndpointFields
    }
  }
`);

/** The account's endpoints, from the cache and then the server. */
export function useWebhookEndpoints() {
  return useQuery(WEBHOOK_ENDPOINTS_QUERY, { fetchPolicy: 'cache-and-network' });
}
