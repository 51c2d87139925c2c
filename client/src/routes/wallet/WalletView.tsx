import { useEffect, useState } from 'react';
import type { Role, WalletSummaryFieldsFragment as WalletSummary } from '../../gql/graphql.js';
import { BalanceSummary } from '../../components/BalanceSummary';
import { useLiveWallet } from '../../hooks/useLiveWallet';
import { highestLiveSequence } from '../../utils/live-transactions';
import { compareSequences, maxSequence } from '../../utils/sequence';
import { canTopUp } from '../../utils/payment-choice';
import { newestWalletState, walletAfterTransaction } from '../../utils/wallet-state';
import { TopUpPanel } from './TopUpPanel';
import { WalletTransactions } from './WalletTransactions';

/**
 * The highest sequence the page has seen per wallet id, kept by the page across wallet switches so
 * a wallet shown again resumes where it stopped. A registry, never rendered.
 */
export type ResumePoints = Map<string, string>;

/** Props of {@link WalletView}. Give it `key={wallet.id}`: each wallet has its own subscriptions. */
export interface WalletViewProps {
  /** The wallet as the account query (and the cache) has it. */
  wallet: WalletSummary;
  resumePoints: ResumePoints;
  /** The key's role: the top-up card is shown only to roles that may top up. */
  role: Role;
}

/**
 * One wallet, live: its balance card, the top-up card next to it (for roles that may top up) and
 * its transactions, fed by `balanceChanged` and `transactionAdded`. The subscription resumes after
 * the highest sequence the page has for the wallet (from an earlier visit, or the account
 * query's), so switching back and forth loses nothing.
 */
export function WalletView({ wallet, resumePoints, role }: WalletViewProps) {
  const [afterSequence] = useState(() => maxSequence(resumePoints.get(wallet.id) ?? '0', wallet.sequence));
  const live = useLiveWallet({ walletId: wallet.id, afterSequence });

  const highestSeen = highestLiveSequence(live.transactions);
  useEffect(() => {
    resumePoints.set(wallet.id, maxSequence(resumePoints.get(wallet.id) ?? '0', highestSeen));
  }, [resumePoints, wallet.id, highestSeen]);

  // The newest figures by sequence: the query's (which a late answer may have rolled back),
  // balanceChanged's, or the last transaction's balance when the gap-free transaction stream is
  // ahead (balanceChanged misses what commits while it (re)subscribes).
  const known = newestWalletState(live.wallet, wallet) ?? wallet;
  const latest = live.transactions.rows[0];
  const figures = latest && compareSequences(latest.sequence, known.sequence) > 0 ? walletAfterTransaction(known, latest) : known;

  const showTopUp = canTopUp(role);
  return (
    <>
      <div className={showTopUp ? 'wallet-overview wallet-overview--with-top-up' : 'wallet-overview'}>
        <section className="card" aria-label="Balances">
          <BalanceSummary wallet={figures} />
        </section>
        {showTopUp && <TopUpPanel wallet={wallet} role={role} liveRows={live.transactions.rows} />}
      </div>
      <WalletTransactions walletId={wallet.id} currency={wallet.currency} live={live.transactions} liveError={live.error} />
    </>
  );
}
