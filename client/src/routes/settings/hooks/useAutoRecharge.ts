import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** Every field of a wallet's automatic funding settings; the two funding mutations answer with them too. */
export const AUTO_RECHARGE_FIELDS = graphql(`
  fragment AutoRechargeFields on AutoRecharge {
    walletId
    enabled
    threshold
    target
    inFlightTopUpId
    lastAttemptAt
    consecutiveFailures
    pausedAt
    pausedReason
    monthlyEnabled
    monthlyDay
    monthlyAmount
  }
`);

/** A wallet's automatic funding settings (null when never set). */
export const WALLET_FUNDING_QUERY = graphql(`
  query WalletFunding($walletId: ID!) {
    wallet(id: $walletId) {
      id
      currency
      autoRecharge {
        ...AutoRechargeFields
      }
    }
  }
`);

/**
 * The wallet's auto-recharge and monthly recharge settings. AutoRecharge has no id of its own: it
 * is kept inside its Wallet in the cache, and the funding mutations write their answer there
 * (routes/settings/hooks/useSetAutoRechargeMutation.ts), so this query follows them.
 */
export function useAutoRecharge(walletId: string) {
  return useQuery(WALLET_FUNDING_QUERY, { variables: { walletId }, fetchPolicy: 'cache-and-network' });
}
