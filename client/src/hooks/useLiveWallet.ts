import type { ErrorLike } from '@apollo/client';
import { useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import type {
  BalanceChangedSubscriptionVariables,
  TransactionAddedSubscriptionVariables,
  TransactionRowFieldsFragment as TransactionRow,
  WalletSummaryFieldsFragment as WalletSummary,
} from '../gql/graphql.js';
import { addLiveTransaction, emptyLiveTransactions, type LiveTransactions } from '../utils/live-transactions';
import { newestWalletState } from '../utils/wallet-state';
import { graphql } from '../gql/index.js';

/**
 * Most live transactions kept per wallet, the newest. More than this many above the newest page
 * makes the page fetch itself again (routes/wallet/WalletTransactions.tsx). @default 100
 */
export const LIVE_TRANSACTIONS_MAX = 100;

/** The wallet after each change, from the next change on. */
export const BALANCE_CHANGED_SUBSCRIPTION = graphql(`
  subscription BalanceChanged($walletId: ID!) {
    balanceChanged(walletId: $walletId) {
      ...WalletSummaryFields
    }
  }
`);

/**
 * Every transaction after `$afterSequence`, in order, then live ones. The variable's name makes
 * the live socket resume it after a reconnect (apollo/resumable-subscriptions.ts).
 */
export const TRANSACTION_ADDED_SUBSCRIPTION = graphql(`
  subscription TransactionAdded($walletId: ID!, $afterSequence: String) {
    transactionAdded(walletId: $walletId, afterSequence: $afterSequence) {
      ...TransactionRowFields
    }
  }
`);

/** Options of {@link useLiveWallet}. */
export interface UseLiveWalletOptions {
  walletId: string;
  /** The highest sequence the page already has for this wallet: transactions after it are replayed. */
  afterSequence: string;
}

/** What {@link useLiveWallet} returns. */
export interface LiveWallet {
  /** The newest state `balanceChanged` delivered, or null before the first change. */
  wallet: WalletSummary | null;
  /** Every transaction after `afterSequence` received so far (the newest {@link LIVE_TRANSACTIONS_MAX}). */
  transactions: LiveTransactions<TransactionRow>;
  /** Why a subscription stopped (refused key, wallet gone…), or null while both run. */
  error: ErrorLike | null;
}

/**
 * A wallet's two subscriptions: `transactionAdded` from `afterSequence` on and `balanceChanged`.
 * Both start when the component mounts and keep their variables for its life: give the component
 * `key={walletId}` so another wallet starts afresh. The variables never follow the transactions
 * received (that would restart the subscription on each); after a lost socket, the live socket
 * resumes `transactionAdded` from the last sequence delivered on its own.
 *
 * `transactionAdded` bypasses Apollo's cache (the rows live here, bounded; thousands of
 * normalised transactions would only grow memory). `balanceChanged` writes the wallet to the cache,
 * so every query showing it (the wallet picker) follows.
 */
export function useLiveWallet(options: UseLiveWalletOptions): LiveWallet {
  const [transactionVariables] = useState<TransactionAddedSubscriptionVariables>(() => ({
    walletId: options.walletId,
    afterSequence: options.afterSequence,
  }));
  const [balanceVariables] = useState<BalanceChangedSubscriptionVariables>(() => ({ walletId: options.walletId }));
  const [transactions, setTransactions] = useState(() => emptyLiveTransactions<TransactionRow>(options.afterSequence));
  const [wallet, setWallet] = useState<WalletSummary | null>(null);
  const [error, setError] = useState<ErrorLike | null>(null);

  useSubscription(TRANSACTION_ADDED_SUBSCRIPTION, {
    variables: transactionVariables,
    fetchPolicy: 'no-cache',
    // Each result is taken in onData; re-rendering on the hook's own `data` too would be wasted.
    ignoreResults: true,
    onData: ({ data }) => {
      const row = data.data?.transactionAdded;
      if (row) setTransactions((live) => addLiveTransaction(live, row, LIVE_TRANSACTIONS_MAX));
    },
    onError: setError,
  });
  useSubscription(BALANCE_CHANGED_SUBSCRIPTION, {
    variables: balanceVariables,
    ignoreResults: true,
    onData: ({ data }) => {
      const next = data.data?.balanceChanged;
      if (next) setWallet((current) => newestWalletState(current, next) ?? null);
    },
    onError: setError,
  });

  return { wallet, transactions, error };
}
