import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** How many of an endpoint's newest deliveries the log shows. */
export const WEBHOOK_DELIVERIES_SHOWN = 20;

/** How often an open delivery log asks for news (new deliveries, attempts, retries), in milliseconds. */
export const WEBHOOK_DELIVERIES_POLL_MS = 2_000;

/** One row of the delivery log. */
export const WEBHOOK_DELIVERY_FIELDS = graphql(`
  fragment WebhookDeliveryFields on WebhookDelivery {
    id
    eventId
    eventType
    status
    attemptCount
    nextAttemptAt
    deliveredAt
    createdAt
    lastAttempt {
      id
      attemptedAt
      statusCode
      error
      durationMs
      succeeded
    }
  }
`);

/** An endpoint's newest deliveries. */
export const WEBHOOK_DELIVERIES_QUERY = graphql(`
  query WebhookDeliveries($id: ID!, $first: Int) {
    webhookEndpoint(id: $id) {
      id
      deliveries(first: $first) {
        edges {
          cursor
          node {
            ...WebhookDeliveryFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/** Sends one delivery again now (same event id), with a fresh retry window. */
export const REPLAY_WEBHOOK_DELIVERY_MUTATION = graphql(`
  mutation ReplayWebhookDelivery($id: ID!) {
    replayWebhookDelivery(id: $id) {
      delivery {
        ...WebhookDeliveryFields
      }
    }
  }
`);

/** The delivery log of `endpointId`, asked again every {@link WEBHOOK_DELIVERIES_POLL_MS} while shown. */
export function useWebhookDeliveries(endpointId: string) {
  return useQuery(WEBHOOK_DELIVERIES_QUERY, {
    variables: { id: endpointId, first: WEBHOOK_DELIVERIES_SHOWN },
    fetchPolicy: 'cache-and-network',
    pollInterval: WEBHOOK_DELIVERIES_POLL_MS,
  });
}

/** `replayWebhookDelivery`; the delivery it answers (PENDING, due now) replaces the cached row. Rejects on failure. */
export function useReplayWebhookDeliveryMutation() {
  return useMutation(REPLAY_WEBHOOK_DELIVERY_MUTATION);
}
