import { useEffect, useState } from 'react';
import type { WalletSummaryFieldsFragment as WalletSummary } from '../gql/graphql.js';
import { highestLiveSequence } from '../utils/live-transactions';
import { compareSequences, maxSequence } from '../utils/sequence';
import { newestWalletState, walletAfterTransaction } from '../utils/wallet-state';
import { useLiveWallet, type LiveWallet } from './useLiveWallet';

/** Options of {@link useLiveWalletFigures}. */
export interface UseLiveWalletFiguresOptions {
  /** The wallet as the account query (and the cache) has it. */
  wallet: WalletSummary;
  /** Highest sequence seen per wallet, kept by the account frame across pages (routes/account/account-page-props.ts). */
  resumePoints: Map<string, string>;
}

/** What {@link useLiveWalletFigures} returns. */
export interface LiveWalletFigures {
  /** The wallet's two live feeds (hooks/useLiveWallet.ts). */
  live: LiveWallet;
  /** The newest figures the page knows, for the balance card. */
  figures: WalletSummary;
}

/**
 * One wallet, live, for a page of the dashboard: `transactionAdded` resumed after the highest
 * sequence the page frame has for the wallet (an earlier page's, or the account query's), and
 * `balanceChanged`; what it receives moves the frame's resume point on, so the next page resumes
 * without a gap. The figures are the newest by sequence: the query's, `balanceChanged`'s, or the
 * last transaction's balance when the gap-free transaction stream is ahead (the same rule as
 * routes/wallet/WalletView.tsx). Give the component `key={wallet.id}`.
 */
export function useLiveWalletFigures({ wallet, resumePoints }: UseLiveWalletFiguresOptions): LiveWalletFigures {
  const [afterSequence] = useState(() => maxSequence(resumePoints.get(wallet.id) ?? '0', wallet.sequence));
  const live = useLiveWallet({ walletId: wallet.id, afterSequence });

  const highestSeen = highestLiveSequence(live.transactions);
  useEffect(() => {
    resumePoints.set(wallet.id, maxSequence(resumePoints.get(wallet.id) ?? '0', highestSeen));
  }, [resumePoints, wallet.id, highestSeen]);

  const known = newestWalletState(live.wallet, wallet) ?? wallet;
  const latest = live.transactions.rows[0];
  const figures = latest && compareSequences(latest.sequence, known.sequence) > 0 ? walletAfterTransaction(known, latest) : known;
  return { live, figures };
}
