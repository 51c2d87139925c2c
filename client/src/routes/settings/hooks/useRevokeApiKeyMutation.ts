import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** Revokes a key at once: the next request with it is UNAUTHENTICATED. */
export const REVOKE_API_KEY_MUTATION = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      key {
        ...ApiKeyRowFields
      }
    }
  }
`);

/** The `revokeApiKey` mutation; the answer (cached by id) marks the key revoked in the list. Its promise rejects on failure. */
export function useRevokeApiKeyMutation() {
  return useMutation(REVOKE_API_KEY_MUTATION);
}
