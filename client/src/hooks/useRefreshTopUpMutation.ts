import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { RefreshTopUpMutation, RefreshTopUpMutationVariables } from '../apollo/types.js';
import { TOP_UP_FIELDS } from './useTopUpMutation.js';

/**
 * Asks Stripe for a top-up's state now rather than waiting for the webhook: after 3-D Secure, and
 * once when the wallet's live transactions show its credit. Never polled.
 */
export const REFRESH_TOP_UP_MUTATION: TypedDocumentNode<RefreshTopUpMutation, RefreshTopUpMutationVariables> = gql`
  mutation RefreshTopUp($id: ID!) {
    refreshTopUp(id: $id) {
      topUp {
        ...TopUpFields
      }
    }
  }
  ${TOP_UP_FIELDS}
`;

/** The `refreshTopUp` mutation. Its promise rejects on failure. */
export function useRefreshTopUpMutation() {
  return useMutation(REFRESH_TOP_UP_MUTATION);
}
