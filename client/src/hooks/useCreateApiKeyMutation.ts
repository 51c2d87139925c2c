import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { CreateApiKeyMutation, CreateApiKeyMutationVariables } from '../apollo/account-pages-types';
import { API_KEY_ROW_FIELDS, API_KEYS_QUERY } from './useApiKeys';

/** Creates a key of the account with a role and a name; the answer's secret is shown once. */
export const CREATE_API_KEY_MUTATION: TypedDocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables> = gql`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      apiKey
      key {
        ...ApiKeyRowFields
      }
    }
  }
  ${API_KEY_ROW_FIELDS}
`;

/** The `createApiKey` mutation; the keys list is fetched again after it. Its promise rejects on failure. */
export function useCreateApiKeyMutation() {
  return useMutation(CREATE_API_KEY_MUTATION, { refetchQueries: [API_KEYS_QUERY] });
}
