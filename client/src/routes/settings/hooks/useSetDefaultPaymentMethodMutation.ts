import { useMutation } from '@apollo/client/react';
import { PAYMENT_METHODS_QUERY } from '../../../hooks/useSavedCards';
import { graphql } from '../../../gql/index.js';

/** Makes a saved card the default: the one automatic funding charges and checkout picks first. */
export const SET_DEFAULT_PAYMENT_METHOD_MUTATION = graphql(`
  mutation SetDefaultPaymentMethod($id: ID!) {
    setDefaultPaymentMethod(id: $id) {
      paymentMethod {
        ...SavedCardFields
      }
    }
  }
`);

/**
 * The `setDefaultPaymentMethod` mutation. The answer names only the new default, so the cached
 * list is put in step at once (the others not default, the default first, as the server orders
 * them) rather than showing two defaults until the saved cards, fetched again after it, arrive.
 */
export function useSetDefaultPaymentMethodMutation() {
  return useMutation(SET_DEFAULT_PAYMENT_METHOD_MUTATION, {
    update: (cache, { data }) => {
      const chosen = data?.setDefaultPaymentMethod.paymentMethod;
      const list = chosen ? cache.readQuery({ query: PAYMENT_METHODS_QUERY }) : null;
      if (!chosen || !list) return;
      const cards = list.paymentMethods.map((card) => ({ ...card, isDefault: card.id === chosen.id }));
      cards.sort((left, right) => Number(right.isDefault) - Number(left.isDefault));
      cache.writeQuery({ query: PAYMENT_METHODS_QUERY, data: { paymentMethods: cards } });
    },
    refetchQueries: [PAYMENT_METHODS_QUERY],
    awaitRefetchQueries: true,
  });
}
