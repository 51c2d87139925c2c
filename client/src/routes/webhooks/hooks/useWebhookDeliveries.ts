import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** How many deliveries one page of the log shows (newest first; older pages follow with Older). */
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

/** A page of an endpoint's deliveries, newest first: the newest when `after` is null, else those after that cursor. */
export const WEBHOOK_DELIVERIES_QUERY = graphql(`
  query WebhookDeliveries($id: ID!, $first: Int, $after: String) {
    webhookEndpoint(id: $id) {
      id
      deliveries(first: $first, after: $after) {
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

/** One page of the delivery log of `endpointId` (`after`: null for the newest), asked again every {@link WEBHOOK_DELIVERIES_POLL_MS} while shown. */
export function useWebhookDeliveries(endpointId: string, after: string | null = null) {
  return useQuery(WEBHOOK_DELIVERIES_QUERY, {
    variables: { id: endpointId, first: WEBHOOK_DELIVERIES_SHOWN, after },
    fetchPolicy: 'cache-and-network',
    pollInterval: WEBHOOK_DELIVERIES_POLL_MS,
  });
}

/** `replayWebhookDelivery`; the delivery it answers (PENDING, due now) replaces the cached row. Rejects on failure. */
export function useReplayWebhookDeliveryMutation() {
  return useMutation(REPLAY_WEBHOOK_DELIVERY_MUTATION);
}
