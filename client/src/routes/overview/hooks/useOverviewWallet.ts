import type { ErrorLike } from '@apollo/client';
import { useSubscription } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import { OVERVIEW_WALLET_UPDATED_SUBSCRIPTION } from '../overview-documents';
import type { OverviewWalletFieldsFragment as OverviewWallet, OverviewWalletUpdatedSubscriptionVariables } from '../../../gql/graphql.js';

/** What {@link useOverviewWallet} returns. */
export interface OverviewWalletFeed {
  /** The newest state `walletUpdated` delivered, or null before the first (the feed starts with the state now). */
  wallet: OverviewWallet | null;
  /** Why the feed stopped (socket refused, wallet gone…), or null while it runs. */
  error: ErrorLike | null;
  /** Subscribes again after an error; the last state stays on screen meanwhile. */
  retry: () => void;
}

/**
 * The wallet's `walletUpdated` state feed: its figures, burn inputs, status and auto-recharge line,
 * now and after every change. It writes the wallet into Apollo's cache (the account query's wallet
 * list and the header follow); on every other page the account frame's feed does
 * (hooks/useSelectedWalletFeed.ts), so one feed at a time keeps the cached figures current. Variables are fixed for the component's life: give it `key={walletId}`.
 */
export function useOverviewWallet(walletId: string): OverviewWalletFeed {
  const [variables] = useState<OverviewWalletUpdatedSubscriptionVariables>(() => ({ walletId }));
  const [wallet, setWallet] = useState<OverviewWallet | null>(null);
  const [error, setError] = useState<ErrorLike | null>(null);
  const { restart } = useSubscription(OVERVIEW_WALLET_UPDATED_SUBSCRIPTION, {
    variables,
    // Each state is taken in onData, where it survives a restart after an error.
    ignoreResults: true,
    onData: ({ data }) => {
      const next = data.data?.walletUpdated;
      if (next) {
        setWallet(next);
        setError(null);
      }
    },
    onError: setError,
  });
  const retry = useCallback(() => {
    setError(null);
    restart();
  }, [restart]);
  return { wallet, error, retry };
}
