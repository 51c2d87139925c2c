import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** Replaces the fields given of the billing profile; BAD_USER_INPUT names the field refused (nothing is stored then). */
export const UPDATE_BILLING_PROFILE_MUTATION = graphql(`
  mutation UpdateBillingProfile($input: UpdateBillingProfileInput!) {
    updateBillingProfile(input: $input) {
      billingProfile {
        ...BillingProfileFields
      }
    }
  }
`);

/** The `updateBillingProfile` mutation; the stored profile comes back and replaces the cached one. Rejects on failure. */
export function useUpdateBillingProfileMutation() {
  return useMutation(UPDATE_BILLING_PROFILE_MUTATION);
}
