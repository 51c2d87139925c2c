import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** The key fields the keys list shows (never the secret, which only `createApiKey` answers, once). */
export const API_KEY_ROW_FIELDS = graphql(`
  fragment ApiKeyRowFields on ApiKey {
    id
    name
    role
    prefix
    createdAt
    revokedAt
  }
`);

/** The account's API keys, newest first, revoked ones included. */
export const API_KEYS_QUERY = graphql(`
  query ApiKeys($accountId: ID!) {
    account(id: $accountId) {
      id
      apiKeys {
        ...ApiKeyRowFields
      }
    }
  }
`);

/** The API key this page's requests carry (null: a session, or the operator's token). */
export const CREDENTIAL_IN_USE_QUERY = graphql(`
  query CredentialInUse {
    me {
      apiKeyId
    }
  }
`);

/** The account's keys (OWNER only: others are refused FORBIDDEN). */
export function useApiKeys(accountId: string) {
  return useQuery(API_KEYS_QUERY, { variables: { accountId }, fetchPolicy: 'cache-and-network' });
}

/**
 * The id of the API key in use, so the list can warn before it is revoked. Never through the
 * cache: `Principal` has no id, and writing this one field over the `me` the account query keeps
 * would replace it (Apollo does not merge objects without an id) and send that query back to the
 * network.
 */
export function useCredentialInUse() {
  return useQuery(CREDENTIAL_IN_USE_QUERY, { fetchPolicy: 'no-cache' });
}
