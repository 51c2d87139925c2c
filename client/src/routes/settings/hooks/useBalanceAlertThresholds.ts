import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** A wallet's low-balance alert thresholds, highest first (["5", "0"] until someone sets them). */
export const WALLET_BALANCE_ALERTS_QUERY = graphql(`
  query WalletBalanceAlerts($walletId: ID!) {
    wallet(id: $walletId) {
      ...BalanceAlertThresholdsFields
    }
  }
`);

/**
 * The wallet's balance alert thresholds. They are a field of the Wallet (cached by its id), and
 * `setLowBalanceThresholds` answers with the same fragment, so this query follows a save by itself.
 */
export function useBalanceAlertThresholds(walletId: string) {
  return useQuery(WALLET_BALANCE_ALERTS_QUERY, { variables: { walletId }, fetchPolicy: 'cache-and-network' });
}
