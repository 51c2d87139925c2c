import { useMutation } from '@apollo/client/react';
import { PAYMENT_METHODS_QUERY } from '../../../hooks/useSavedCards';
import { graphql } from '../../../gql/index.js';

/** Removes a saved card (detached from the Stripe Customer). */
export const REMOVE_PAYMENT_METHOD_MUTATION = graphql(`
  mutation RemovePaymentMethod($id: ID!) {
    removePaymentMethod(id: $id) {
      paymentMethod {
        ...SavedCardFields
      }
    }
  }
`);

/** The `removePaymentMethod` mutation; the saved cards are fetched again after it. */
export function useRemovePaymentMethodMutation() {
  return useMutation(REMOVE_PAYMENT_METHOD_MUTATION, { refetchQueries: [PAYMENT_METHODS_QUERY], awaitRefetchQueries: true });
}
