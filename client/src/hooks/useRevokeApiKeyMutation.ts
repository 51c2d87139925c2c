import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { RevokeApiKeyMutation, RevokeApiKeyMutationVariables } from '../apollo/account-pages-types';
import { API_KEY_ROW_FIELDS } from './useApiKeys';

/** Revokes a key at once: the next request with it is UNAUTHENTICATED. */
export const REVOKE_API_KEY_MUTATION: TypedDocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables> = gql`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      key {
        ...ApiKeyRowFields
      }
    }
  }
  ${API_KEY_ROW_FIELDS}
`;

/** The `revokeApiKey` mutation; the answer (cached by id) marks the key revoked in the list. Its promise rejects on failure. */
export function useRevokeApiKeyMutation() {
  return useMutation(REVOKE_API_KEY_MUTATION);
}
