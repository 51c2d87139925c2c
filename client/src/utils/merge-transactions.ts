import { compareSequences } from './sequence.js';

/** What merging needs of a transaction: its per-wallet position. */
export interface Sequenced {
  /** Gap-free per-wallet position, a decimal string. */
  sequence: string;
}

/** Options of {@link mergeTransactions}. */
export interface MergeTransactionsOptions {
  /** Keep only this many rows, the newest. @default no limit */
  maxRows?: number;
}

/**
 * Merges `incoming` transactions into the `shown` list of ONE wallet: newest first (highest
 * sequence first), one row per sequence. A sequence in both keeps the shown row, so what is on
 * screen does not flicker; transactions are immutable, so both rows are the same. Neither input
 * needs to be sorted and neither is changed.
 * @throws SequenceFormatError when a row's sequence is not a sequence string.
 */
export function mergeTransactions<T extends Sequenced>(
  shown: readonly T[],
  incoming: readonly T[],
  options: MergeTransactionsOptions = {},
): T[] {
  const bySequence = new Map<string, T>();
  for (const row of [...shown, ...incoming]) {
    if (!bySequence.has(row.sequence)) bySequence.set(row.sequence, row);
  }
  const merged = [...bySequence.values()].sort((a, b) => compareSequences(b.sequence, a.sequence));
  return options.maxRows === undefined ? merged : merged.slice(0, Math.max(0, options.maxRows));
}
