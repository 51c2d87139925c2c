import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/**
 * Asks Stripe for a top-up's state now rather than waiting for the webhook: after 3-D Secure, and
 * once when the wallet's live transactions show its credit. Never polled.
 */
export const REFRESH_TOP_UP_MUTATION = graphql(`
  mutation RefreshTopUp($id: ID!) {
    refreshTopUp(id: $id) {
      topUp {
        ...TopUpFields
      }
    }
  }
`);

/** The `refreshTopUp` mutation. Its promise rejects on failure. */
export function useRefreshTopUpMutation() {
  return useMutation(REFRESH_TOP_UP_MUTATION);
}
