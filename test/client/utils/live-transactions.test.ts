// Goal: the live buffer always holds every transaction after its afterSequence, so "is anything missing above the page?" is answered exactly; method: examples for duplicates, limits and gaps, and a fast-check property over replays with duplicates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addLiveTransaction,
  addLiveTransactions,
  emptyLiveTransactions,
  highestLiveSequence,
  liveTransactionsAfter,
  pageBaseline,
  type LiveTransactions,
} from '../../../client/src/utils/live-transactions.js';

interface Row {
  id: string;
  sequence: string;
}

const row = (sequence: number): Row => ({ id: `t${sequence}`, sequence: String(sequence) });
const sequences = (rows: readonly Row[]) => rows.map((each) => Number(each.sequence));
const addAll = (live: LiveTransactions<Row>, from: number, to: number, maxRows = 100) => {
  let current = live;
  for (let sequence = from; sequence <= to; sequence += 1) current = addLiveTransaction(current, row(sequence), maxRows);
  return current;
};

describe('live transactions', () => {
  it('starts empty at the sequence the subscription resumes after', () => {
    const live = emptyLiveTransactions<Row>('41');
    expect(live.rows).toEqual([]);
    expect(highestLiveSequence(live)).toBe('41');
  });

  it('keeps received transactions newest first and resumes after the highest', () => {
    const live = addAll(emptyLiveTransactions<Row>('10'), 11, 13);
    expect(sequences(live.rows)).toEqual([13, 12, 11]);
    expect(highestLiveSequence(live)).toBe('13');
  });

  it('returns the same object for a duplicate or an already covered sequence', () => {
    const live = addAll(emptyLiveTransactions<Row>('10'), 11, 12);
    expect(addLiveTransaction(live, row(12), 100)).toBe(live);
    expect(addLiveTransaction(live, row(11), 100)).toBe(live);
    expect(addLiveTransaction(live, row(3), 100)).toBe(live);
  });

  it('drops the oldest past maxRows and raises afterSequence to match', () => {
    const live = addAll(emptyLiveTransactions<Row>('0'), 1, 5, 3);
    expect(sequences(live.rows)).toEqual([5, 4, 3]);
    expect(live.afterSequence).toBe('2');
  });

  it('starts a new run when a sequence skips ahead, so the hole is reported, never shown', () => {
    const live = addLiveTransaction(addAll(emptyLiveTransactions<Row>('0'), 1, 2), row(5), 100);
    expect(sequences(live.rows)).toEqual([5]);
    expect(live.afterSequence).toBe('4');
    expect(liveTransactionsAfter(live, '2').complete).toBe(false);
  });

  it('refuses a limit below one', () => {
    expect(() => addLiveTransaction(emptyLiveTransactions<Row>('0'), row(1), 0)).toThrow(RangeError);
  });

  describe('liveTransactionsAfter (what goes on top of the newest page)', () => {
    const live = addAll(emptyLiveTransactions<Row>('10'), 11, 15);

    it('gives the rows after the page, complete when the buffer reaches down to it', () => {
      expect(liveTransactionsAfter(live, '12')).toEqual({ rows: [row(15), row(14), row(13)], complete: true });
      expect(liveTransactionsAfter(live, '10').complete).toBe(true);
    });

    it('is incomplete when transactions between the page and the buffer were not kept', () => {
      expect(liveTransactionsAfter(live, '8')).toEqual({ rows: sequences(live.rows).map(row), complete: false });
    });

    it('is complete and empty when the page is at or past everything received', () => {
      expect(liveTransactionsAfter(live, '15')).toEqual({ rows: [], complete: true });
      expect(liveTransactionsAfter(live, '99')).toEqual({ rows: [], complete: true });
    });

    it('is incomplete for a page older than where the subscription started, even before anything arrived', () => {
      // Transactions 4..20 are neither on the page nor in the buffer: the page must be fetched again.
      expect(liveTransactionsAfter(emptyLiveTransactions<Row>('20'), '3')).toEqual({ rows: [], complete: false });
      expect(liveTransactionsAfter(emptyLiveTransactions<Row>('20'), '20')).toEqual({ rows: [], complete: true });
    });
  });

  it('takes a page baseline from the wallet sequence or the page top, whichever is later', () => {
    expect(pageBaseline('20', [row(20), row(19)])).toBe('20');
    expect(pageBaseline('20', [row(22), row(21)])).toBe('22');
    // A filtered page whose newest match is old: the wallet sequence says how far the page is current.
    expect(pageBaseline('500', [row(7), row(3)])).toBe('500');
    expect(pageBaseline('0', [])).toBe('0');
  });

  it('holds exactly the contiguous run after afterSequence for any replay with duplicates and any limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.array(fc.integer({ min: 0, max: 80 }), { maxLength: 120 }),
        fc.integer({ min: 1, max: 30 }),
        (start, offsets, maxRows) => {
          // A stream that is in order but repeats itself (reconnects replaying what was delivered).
          const delivered = [...offsets].sort((a, b) => a - b).map((offset) => row(start + 1 + offset));
          const live = delivered.reduce(
            (current, each) => addLiveTransaction(current, each, maxRows),
            emptyLiveTransactions<Row>(String(start)),
          );
          const got = sequences(live.rows);
          expect(got.length).toBeLessThanOrEqual(maxRows);
          got.forEach((sequence, index) => {
            expect(sequence).toBe(Number(highestLiveSequence(live)) - index);
          });
          if (got.length > 0) expect(Number(live.afterSequence)).toBe(got.at(-1)! - 1);
        },
      ),
    );
  });

  it('adds a batch in any order like one by one in sequence order', () => {
    const batch = [row(13), row(11), row(12), row(12)];
    expect(addLiveTransactions(emptyLiveTransactions<Row>('10'), batch, 100)).toEqual(addAll(emptyLiveTransactions<Row>('10'), 11, 13));
  });
});
