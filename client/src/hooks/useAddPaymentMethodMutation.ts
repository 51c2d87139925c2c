import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { AddPaymentMethodMutation, AddPaymentMethodMutationVariables } from '../apollo/account-pages-types';
import { PAYMENT_METHODS_QUERY } from './useSavedCards';

/**
 * Saves a card through a SetupIntent: SUCCEEDED with the card, REQUIRES_ACTION (3-D Secure at
 * setup, with the client secret; the card is saved when Stripe reports success) or FAILED with why.
 */
export const ADD_PAYMENT_METHOD_MUTATION: TypedDocumentNode<AddPaymentMethodMutation, AddPaymentMethodMutationVariables> = gql`
  mutation AddPaymentMethod($input: AddPaymentMethodInput!) {
    addPaymentMethod(input: $input) {
      status
      setupIntentId
      clientSecret
      failureReason
      paymentMethod {
        id
        brand
        last4
        expMonth
        expYear
        isDefault
      }
    }
  }
`;

/** The `addPaymentMethod` mutation; the saved cards are fetched again after it (a new default changes the others). */
export function useAddPaymentMethodMutation() {
  return useMutation(ADD_PAYMENT_METHOD_MUTATION, { refetchQueries: [PAYMENT_METHODS_QUERY], awaitRefetchQueries: true });
}
