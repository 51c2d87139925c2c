import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** The top-up fields the top-up panel follows; both top-up mutations spread this fragment. */
/** A top-up's receipt, as the receipt card and the history show it. */
export const RECEIPT_FIELDS = graphql(`
  fragment ReceiptFields on Receipt {
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
`);

export const TOP_UP_FIELDS = graphql(`
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
      ...ReceiptFields
    }
  }
`);

/**
 * Pays into a wallet by card: the server creates and confirms a Stripe PaymentIntent for the
 * amount plus tax and answers with the top-up (PROCESSING, REQUIRES_ACTION, FAILED…). The wallet
 * is credited later, when Stripe's confirmation is applied.
 */
export const TOP_UP_MUTATION = graphql(`
  mutation TopUp($input: TopUpInput!) {
    topUp(input: $input) {
      topUp {
        ...TopUpFields
      }
    }
  }
`);

/** The `topUp` mutation. Its promise rejects on failure; the caller decides about retries (utils/top-up-attempt.ts). */
export function useTopUpMutation() {
  return useMutation(TOP_UP_MUTATION);
}
