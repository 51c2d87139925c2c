import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { TopUpMutation, TopUpMutationVariables } from '../apollo/types.js';

/** The top-up fields the top-up panel follows; both top-up mutations spread this fragment. */
export const TOP_UP_FIELDS = gql`
  fragment TopUpFields on TopUp {
    id
    walletId
    status
    currency
    amount
    tax
    taxRate
    taxLabel
    total
    clientSecret
    paymentIntentId
    cardBrand
    cardLast4
    failureCode
    failureReason
    updatedAt
    receipt {
      receiptNumber
      transactionId
      topUpId
      amount
      tax
      taxRate
      taxLabel
      total
      currency
      paidAt
      cardBrand
      cardLast4
      paymentIntentId
    }
  }
`;

/**
 * Pays into a wallet by card: the server creates and confirms a Stripe PaymentIntent for the
 * amount plus tax and answers with the top-up (PROCESSING, REQUIRES_ACTION, FAILED…). The wallet
 * is credited later, when Stripe's confirmation is applied.
 */
export const TOP_UP_MUTATION: TypedDocumentNode<TopUpMutation, TopUpMutationVariables> = gql`
  mutation TopUp($input: TopUpInput!) {
    topUp(input: $input) {
      topUp {
        ...TopUpFields
      }
    }
  }
  ${TOP_UP_FIELDS}
`;

/** The `topUp` mutation. Its promise rejects on failure; the caller decides about retries (utils/top-up-attempt.ts). */
export function useTopUpMutation() {
  return useMutation(TOP_UP_MUTATION);
}
