import { useMutation } from '@apollo/client/react';
import { API_KEYS_QUERY } from './useApiKeys';
import { graphql } from '../../../gql/index.js';

/** Creates a key of the account with a role and a name; the answer's secret is shown once. */
export const CREATE_API_KEY_MUTATION = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      apiKey
      key {
        ...ApiKeyRowFields
      }
    }
  }
`);

/** The `createApiKey` mutation; the keys list is fetched again after it. Its promise rejects on failure. */
export function useCreateApiKeyMutation() {
  return useMutation(CREATE_API_KEY_MUTATION, { refetchQueries: [API_KEYS_QUERY] });
}
