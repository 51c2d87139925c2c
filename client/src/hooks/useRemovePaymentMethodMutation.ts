import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { PaymentMethodIdVariables, RemovePaymentMethodMutation } from '../apollo/account-pages-types';
import { PAYMENT_METHODS_QUERY } from './useSavedCards';

/** Removes a saved card (detached from the Stripe Customer). */
export const REMOVE_PAYMENT_METHOD_MUTATION: TypedDocumentNode<RemovePaymentMethodMutation, PaymentMethodIdVariables> = gql`
  mutation RemovePaymentMethod($id: ID!) {
    removePaymentMethod(id: $id) {
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

/** The `removePaymentMethod` mutation; the saved cards are fetched again after it. */
export function useRemovePaymentMethodMutation() {
  return useMutation(REMOVE_PAYMENT_METHOD_MUTATION, { refetchQueries: [PAYMENT_METHODS_QUERY], awaitRefetchQueries: true });
}
