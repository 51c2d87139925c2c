import { skipToken, useQuery } from '@apollo/client/react';
import { graphql } from '../gql/index.js';

/** Most top-ups one list asks for (the server's 1..100). */
export const WALLET_TOP_UPS_MAX = 100;

/** The top-up fields the recent top-ups list and the history's receipts show. */
export const TOP_UP_HISTORY_FIELDS = graphql(`
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
      ...ReceiptFields
    }
  }
`);

/** A wallet's newest card top-ups (any status), with their receipts once they succeeded. */
export const WALLET_TOP_UPS_QUERY = graphql(`
  query WalletTopUps($walletId: ID!, $first: Int!) {
    wallet(id: $walletId) {
      id
      topUps(first: $first) {
        ...TopUpHistoryFields
      }
    }
  }
`);

/**
 * The wallet's `first` newest top-ups, or nothing while `enabled` is false. Top-ups are cached by
 * id, so one the checkout follows (its mutations answer with the same TopUp) changes here too.
 */
export function useWalletTopUps(walletId: string, first: number, enabled = true) {
  return useQuery(WALLET_TOP_UPS_QUERY, enabled ? { variables: { walletId, first }, fetchPolicy: 'cache-and-network' } : skipToken);
}
