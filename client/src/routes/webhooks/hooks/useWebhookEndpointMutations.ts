import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';
import { WEBHOOK_ENDPOINTS_QUERY } from './useWebhookEndpoints';

/** Registers an endpoint; the answer carries its signing secret, shown this once. */
export const CREATE_WEBHOOK_ENDPOINT_MUTATION = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      endpoint {
        ...WebhookEndpointFields
      }
      secret
    }
  }
`);

/** Changes an endpoint's URL, event types, description or enabled. */
export const UPDATE_WEBHOOK_ENDPOINT_MUTATION = graphql(`
  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      endpoint {
        ...WebhookEndpointFields
      }
    }
  }
`);

/** Deletes an endpoint with its delivery log. */
export const DELETE_WEBHOOK_ENDPOINT_MUTATION = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id) {
      endpoint {
        id
      }
    }
  }
`);

/** Replaces an endpoint's signing secret at once; the new one is shown this once. */
export const ROTATE_WEBHOOK_ENDPOINT_SECRET_MUTATION = graphql(`
  mutation RotateWebhookEndpointSecret($id: ID!) {
    rotateWebhookEndpointSecret(id: $id) {
      endpoint {
        ...WebhookEndpointFields
      }
      secret
    }
  }
`);

/** `createWebhookEndpoint`; the list is fetched again so the new endpoint joins it. Rejects on failure. */
export function useCreateWebhookEndpointMutation() {
  return useMutation(CREATE_WEBHOOK_ENDPOINT_MUTATION, { refetchQueries: [WEBHOOK_ENDPOINTS_QUERY], awaitRefetchQueries: true });
}

/** `updateWebhookEndpoint`; the endpoint it answers replaces the cached one (same id). Rejects on failure. */
export function useUpdateWebhookEndpointMutation() {
  return useMutation(UPDATE_WEBHOOK_ENDPOINT_MUTATION);
}

/** `deleteWebhookEndpoint`; the endpoint leaves the cache, and so every list. Rejects on failure. */
export function useDeleteWebhookEndpointMutation() {
  return useMutation(DELETE_WEBHOOK_ENDPOINT_MUTATION, {
    update(cache, result) {
      const deleted = result.data?.deleteWebhookEndpoint.endpoint;
      if (!deleted) return;
      cache.evict({ id: cache.identify({ __typename: 'WebhookEndpoint', id: deleted.id }) });
      cache.gc();
    },
  });
}

/** `rotateWebhookEndpointSecret`. Rejects on failure. */
export function useRotateWebhookEndpointSecretMutation() {
  return useMutation(ROTATE_WEBHOOK_ENDPOINT_SECRET_MUTATION);
}
