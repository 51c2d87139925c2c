import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import type { WalletBalanceAlertsQuery, WalletBalanceAlertsQueryVariables } from '../apollo/account-pages-types';
import { BALANCE_ALERT_THRESHOLDS_FIELDS } from '../routes/settings/BalanceAlertThresholdList';

/** A wallet's low-balance alert thresholds, highest first (["5", "0"] until someone sets them). */
export const WALLET_BALANCE_ALERTS_QUERY: TypedDocumentNode<WalletBalanceAlertsQuery, WalletBalanceAlertsQueryVariables> = gql`
  query WalletBalanceAlerts($walletId: ID!) {
    wallet(id: $walletId) {
      ...BalanceAlertThresholdsFields
    }
  }
  ${BALANCE_ALERT_THRESHOLDS_FIELDS}
`;

/**
 * The wallet's balance alert thresholds. They are a field of the Wallet (cached by its id), and
 * `setLowBalanceThresholds` answers with the same fragment, so this query follows a save by itself.
 */
export function useBalanceAlertThresholds(walletId: string) {
  return useQuery(WALLET_BALANCE_ALERTS_QUERY, { variables: { walletId }, fetchPolicy: 'cache-and-network' });
}
