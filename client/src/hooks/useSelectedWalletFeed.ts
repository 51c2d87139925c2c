import { useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import type { SelectedWalletUpdatedSubscriptionVariables } from '../gql/graphql.js';
import { graphql } from '../gql/index.js';

/**
 * The selected wallet's figures now, then after every change of balance, reserved credit or status
 * (a state feed: after a reconnect it starts again with the state then).
 */
export const SELECTED_WALLET_UPDATED_SUBSCRIPTION = graphql(`
  subscription SelectedWalletUpdated($walletId: ID!) {
    walletUpdated(walletId: $walletId) {
      ...WalletSummaryFields
    }
  }
`);

/**
 * Keeps the selected wallet's figures in Apollo's cache current while a page other than the
 * Overview is open (the Overview follows the wallet with its own `walletUpdated`, which writes the
 * same entry: one feed at a time): every state delivered is written over the `Wallet` the account
 * query listed, so the Overview navigated back to and the header's wallet figures start from the
 * newest state the dashboard has, never from the one of the Overview's last visit. Nothing renders
 * from the results here (the cache's readers do). Variables are fixed for the component's life:
 * give it `key={walletId}`.
 */
export function useSelectedWalletFeed(walletId: string): void {
  const [variables] = useState<SelectedWalletUpdatedSubscriptionVariables>(() => ({ walletId }));
  useSubscription(SELECTED_WALLET_UPDATED_SUBSCRIPTION, {
    variables,
    // Written to the cache (the default fetch policy) without re-rendering the frame on each state.
    ignoreResults: true,
    // A failed feed leaves the pages' own feeds and errors in charge; the frame shows nothing for it.
    onError: () => undefined,
  });
}

/** Props of {@link SelectedWalletFeed}. */
export interface SelectedWalletFeedProps {
  walletId: string;
}

/** {@link useSelectedWalletFeed} as a component the account frame mounts once, `key={walletId}`; renders nothing. */
export function SelectedWalletFeed({ walletId }: SelectedWalletFeedProps) {
  useSelectedWalletFeed(walletId);
  return null;
}
