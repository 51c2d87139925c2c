import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

export const REFUND_NUMBER_MUTATION = graphql(`
  mutation RefundNumber($id: ID!) {
    refundNumber(id: $id) {
      phoneNumber {
        ...PhoneNumberRowFields
      }
    }
  }
`);

/** Gives a number back within the refund window (its purchase and first month are credited); the row updates from the cache. */
export function useRefundNumberMutation() {
  return useMutation(REFUND_NUMBER_MUTATION);
}
