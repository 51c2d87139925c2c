import { gql, type TypedDocumentNode } from '@apollo/client';
import { skipToken, useQuery } from '@apollo/client/react';
import type { WalletTopUpsQuery, WalletTopUpsQueryVariables } from '../apollo/account-pages-types';

/** Most top-ups one list asks for (the server's 1..100). */
export const WALLET_TOP_UPS_MAX = 100;

/** The top-up fields the recent top-ups list and the history's receipts show. */
export const TOP_UP_HISTORY_FIELDS = gql`
  fragment TopUpHistoryFields on TopUp {
    id
    walletId
    origin
    status
    currency
    amount
    tax
    total
    paymentIntentId
    cardBrand
    cardLast4
    receiptNumber
    failureReason
    createdAt
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

/** A wallet's newest card top-ups (any status), with their receipts once they succeeded. */
export const WALLET_TOP_UPS_QUERY: TypedDocumentNode<WalletTopUpsQuery, WalletTopUpsQueryVariables> = gql`
  query WalletTopUps($walletId: ID!, $first: Int!) {
    wallet(id: $walletId) {
      id
      topUps(first: $first) {
        ...TopUpHistoryFields
      }
    }
  }
  ${TOP_UP_HISTORY_FIELDS}
`;

/**
 * The wallet's `first` newest top-ups, or nothing while `enabled` is false. Top-ups are cached by
 * id, so one the checkout follows (its mutations answer with the same TopUp) changes here too.
 */
export function useWalletTopUps(walletId: string, first: number, enabled = true) {
  return useQuery(WALLET_TOP_UPS_QUERY, enabled ? { variables: { walletId, first }, fetchPolicy: 'cache-and-network' } : skipToken);
}
