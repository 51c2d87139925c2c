import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';
import { PHONE_NUMBERS_QUERY } from './usePhoneNumbers';

export const PURCHASE_NUMBER_MUTATION = graphql(`
  mutation PurchaseNumber($input: PurchaseNumberInput!) {
    purchaseNumber(input: $input) {
      phoneNumber {
        ...PhoneNumberRowFields
      }
    }
  }
`);

/** Buys a number (one debit of its price and first month); the list is fetched again after it. */
export function usePurchaseNumberMutation() {
  return useMutation(PURCHASE_NUMBER_MUTATION, { refetchQueries: [PHONE_NUMBERS_QUERY] });
}
