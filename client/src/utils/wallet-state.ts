import { subtractMoney } from './money.js';
import { compareSequences } from './sequence.js';

/** The wallet figures the balance card shows; `sequence` is the last transaction they include. */
export interface WalletFigures {
  balance: string;
  reserved: string;
  available: string;
  sequence: string;
}

/**
 * The most recent of several states of one wallet: the one with the highest sequence; on a tie
 * the first given. Missing states (null, undefined) are skipped; undefined when none is left.
 * Sources answer out of order (a query sent before a change may answer after the change was
 * pushed), so "last received" is not "newest".
 */
export function newestWalletState<W extends Pick<WalletFigures, 'sequence'>>(...states: (W | null | undefined)[]): W | undefined {
  let newest: W | undefined;
  for (const state of states) {
    if (state && (newest === undefined || compareSequences(state.sequence, newest.sequence) > 0)) newest = state;
  }
  return newest;
}

/**
 * `wallet` moved forward to a later transaction: balance = the transaction's `balanceAfter`,
 * reserved unchanged, available = balance − reserved. Used when the transaction stream (which
 * resumes without gaps) is ahead of `balanceChanged` (which starts from the next change, so it
 * misses what committed while it (re)subscribed). Every change of a wallet is a transaction today,
 * and reserved changes only with one, so the figures are the wallet's at that sequence until a
 * `balanceChanged` for it brings the reserved amount too.
 * @throws MoneyFormatError when an amount is not a Money string.
 */
export function walletAfterTransaction<W extends WalletFigures>(wallet: W, transaction: { sequence: string; balanceAfter: string }): W {
  return {
    ...wallet,
    balance: transaction.balanceAfter,
    available: subtractMoney(transaction.balanceAfter, wallet.reserved),
    sequence: transaction.sequence,
  };
}
