import { useMutation } from '@apollo/client/react';
import { PAYMENT_METHODS_QUERY } from '../../../hooks/useSavedCards';
import { graphql } from '../../../gql/index.js';

/**
 * Saves a card through a SetupIntent: SUCCEEDED with the card, REQUIRES_ACTION (3-D Secure at
 * setup, with the client secret; the card is saved when Stripe reports success) or FAILED with why.
 */
export const ADD_PAYMENT_METHOD_MUTATION = graphql(`
  mutation AddPaymentMethod($input: AddPaymentMethodInput!) {
    addPaymentMethod(input: $input) {
      status
      setupIntentId
      clientSecret
      failureReason
      paymentMethod {
        ...SavedCardFields
      }
    }
  }
`);

/** The `addPaymentMethod` mutation; the saved cards are fetched again after it (a new default changes the others). */
export function useAddPaymentMethodMutation() {
  return useMutation(ADD_PAYMENT_METHOD_MUTATION, { refetchQueries: [PAYMENT_METHODS_QUERY], awaitRefetchQueries: true });
}
