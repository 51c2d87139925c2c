// Goal: live transactions merge into the shown list newest first, each sequence once, whatever the order and overlap; method: examples plus a fast-check property over random splits of one ledger.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeTransactions } from '../../../client/src/utils/merge-transactions.js';

interface Row {
  id: string;
  sequence: string;
  origin?: string;
}

const row = (sequence: number, origin?: string): Row => ({ id: `t${sequence}`, sequence: String(sequence), origin });
const sequences = (rows: readonly Row[]) => rows.map((each) => Number(each.sequence));

describe('mergeTransactions', () => {
  it('puts new transactions on top of a newest-first page', () => {
    expect(sequences(mergeTransactions([row(5), row(4), row(3)], [row(6), row(7)]))).toEqual([7, 6, 5, 4, 3]);
  });

  it('drops a transaction the list already shows, keeping the shown row', () => {
    const merged = mergeTransactions([row(5, 'page'), row(4, 'page')], [row(5, 'live'), row(6, 'live')]);
    expect(sequences(merged)).toEqual([6, 5, 4]);
    expect(merged[1]!.origin).toBe('page');
  });

  it('drops duplicates inside the incoming batch (a replay after a reconnect)', () => {
    expect(sequences(mergeTransactions([], [row(2), row(3), row(2), row(3), row(4)]))).toEqual([4, 3, 2]);
  });

  it('orders by value, so "10" comes above "9"', () => {
    expect(sequences(mergeTransactions([row(9), row(8)], [row(10)]))).toEqual([10, 9, 8]);
  });

  it('keeps the newest maxRows when asked', () => {
    expect(sequences(mergeTransactions([row(3), row(2), row(1)], [row(4)], { maxRows: 2 }))).toEqual([4, 3]);
    expect(mergeTransactions([row(1)], [], { maxRows: 0 })).toEqual([]);
  });

  it('changes neither input', () => {
    const shown = [row(2), row(1)];
    const incoming = [row(3)];
    mergeTransactions(shown, incoming);
    expect(sequences(shown)).toEqual([2, 1]);
    expect(sequences(incoming)).toEqual([3]);
  });

  it('gives every sequence of both inputs exactly once, newest first, however they overlap', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 60 }),
        (shownSequences, incomingSequences) => {
          const shown = [...shownSequences].sort((a, b) => b - a).map((each) => row(each));
          const incoming = incomingSequences.map((each) => row(each));
          const merged = sequences(mergeTransactions(shown, incoming));
          const expected = [...new Set([...shownSequences, ...incomingSequences])].sort((a, b) => b - a);
          expect(merged).toEqual(expected);
        },
      ),
    );
  });
});
