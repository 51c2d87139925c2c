import { mergeTransactions, type Sequenced } from './merge-transactions.js';
import { compareSequences, maxSequence, nextSequence } from './sequence.js';

/**
 * The transactions of one wallet that arrived live (`transactionAdded`), kept so they can be
 * merged onto a fetched page. Its invariant: `rows` holds EVERY transaction of the wallet with a
 * sequence above `afterSequence`, up to the highest one received, newest first. Sequences are
 * gap-free per wallet, so that is a contiguous run and "do I have everything after N?" is a
 * comparison, not a search.
 */
export interface LiveTransactions<T extends Sequenced> {
  /** Every transaction after this sequence (up to the highest received) is in `rows`. */
  readonly afterSequence: string;
  /** Newest first, sequences afterSequence+1 … highest, contiguous. */
  readonly rows: readonly T[];
}

/** Nothing received yet; the subscription asks for everything after `afterSequence`. */
export function emptyLiveTransactions<T extends Sequenced>(afterSequence: string): LiveTransactions<T> {
  return { afterSequence, rows: [] };
}

/** The highest sequence received, or `afterSequence` when none: where a subscription resumes. */
export function highestLiveSequence<T extends Sequenced>(live: LiveTransactions<T>): string {
  return live.rows[0]?.sequence ?? live.afterSequence;
}

/**
 * Adds one received transaction, keeping at most `maxRows` (the newest; dropping the oldest
 * raises `afterSequence`). A sequence already covered (a duplicate, or one at or below
 * `afterSequence`) returns `live` itself, so React skips the render. A sequence that skips ahead
 * (the stream lost something, which the server promises not to do) starts a new run at it: what
 * is before it is then reported missing by {@link liveTransactionsAfter} instead of shown with a
 * hole.
 * @throws RangeError when maxRows < 1.
 */
export function addLiveTransaction<T extends Sequenced>(live: LiveTransactions<T>, row: T, maxRows: number): LiveTransactions<T> {
  if (!(maxRows >= 1)) throw new RangeError(`maxRows must be at least 1, got ${maxRows}`);
  const highest = highestLiveSequence(live);
  if (compareSequences(row.sequence, highest) <= 0) return live;
  if (row.sequence !== nextSequence(highest)) {
    return { afterSequence: (BigInt(row.sequence) - 1n).toString(), rows: [row] };
  }
  const rows = [row, ...live.rows];
  if (rows.length <= maxRows) return { afterSequence: live.afterSequence, rows };
  const kept = rows.slice(0, maxRows);
  return { afterSequence: (BigInt(kept.at(-1)!.sequence) - 1n).toString(), rows: kept };
}

/** Adds several received transactions in any order; see {@link addLiveTransaction}. */
export function addLiveTransactions<T extends Sequenced>(
  live: LiveTransactions<T>,
  rows: readonly T[],
  maxRows: number,
): LiveTransactions<T> {
  return mergeTransactions([], rows)
    .reverse()
    .reduce<LiveTransactions<T>>((current, row) => addLiveTransaction(current, row, maxRows), live);
}

/** What {@link liveTransactionsAfter} returns. */
export interface LiveTransactionsAfter<T extends Sequenced> {
  /** The received transactions after the given sequence, newest first. */
  rows: T[];
  /**
   * False when some transactions after the given sequence were not kept (dropped past the limit
   * or never received): `rows` then has a hole below it, and the page should be fetched again.
   */
  complete: boolean;
}

/**
 * The live transactions newer than `sequence` (the newest page's {@link pageBaseline}), and
 * whether that is all of them.
 */
export function liveTransactionsAfter<T extends Sequenced>(live: LiveTransactions<T>, sequence: string): LiveTransactionsAfter<T> {
  const rows = live.rows.filter((row) => compareSequences(row.sequence, sequence) > 0);
  const nothingNewer = compareSequences(highestLiveSequence(live), sequence) <= 0;
  return { rows, complete: nothingNewer || compareSequences(live.afterSequence, sequence) <= 0 };
}

/**
 * The sequence up to which a fetched newest page already accounts for every transaction that
 * matches its filters: the later of the wallet's `sequence` returned WITH the page and the
 * page's top row. The server resolves `wallet.sequence` before it lists the page, so the page
 * has every matching transaction up to it; a transaction after it that the page also holds is
 * merged away by sequence.
 *
 * The `sequence` must come from the same response as the rows: a wallet sequence that Apollo's
 * normalized cache updated later (from `balanceChanged` or another query) would hide the rows in
 * between. The page query therefore does not use the cache.
 */
export function pageBaseline(walletSequence: string, rows: readonly Sequenced[]): string {
  return rows.reduce((baseline, row) => maxSequence(baseline, row.sequence), walletSequence);
}
