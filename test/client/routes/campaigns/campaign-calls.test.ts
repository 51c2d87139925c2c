// Goal: the detail page's call book follows callUpdated exactly: newest state per call by version (a late or repeated state never rolls a call back), active calls newest first, the most recently ended kept and bounded, calls that ended live marked, and nothing rebuilt when nothing changed; method: examples.
import { describe, expect, it } from 'vitest';
import { activeCallList, applyCallStates, emptyCallBook } from '../../../../client/src/routes/campaigns/campaign-calls.js';
import type { CallFieldsFragment as CallRow } from '../../../../client/src/gql/graphql.js';

function call(
  id: string,
  version: string,
  status: CallRow['status'],
  startedSecond: number,
  endedSecond: number | null = null,
  endReason: CallRow['endReason'] = null,
): CallRow {
  const at = (second: number) => new Date(Date.UTC(2026, 10, 22, 10, 0, second)).toISOString();
  return {
    id,
    to: '+447700900123',
    status,
    endReason,
    startedAt: at(startedSecond),
    endedAt: endedSecond === null ? null : at(endedSecond),
    billedSeconds: 1,
    cost: '0.01',
    perMinute: '0.6',
    version,
  };
}

describe('applyCallStates', () => {
  it('lists active calls newest first and moves ended ones, marked live', () => {
    let book = applyCallStates(emptyCallBook(), [call('a', '1', 'ACTIVE', 1), call('b', '1', 'ACTIVE', 3), call('c', '1', 'ACTIVE', 2)]);
    expect(activeCallList(book).map((c) => c.id)).toEqual(['b', 'c', 'a']);
    book = applyCallStates(book, [call('c', '2', 'STOPPED', 2, 9, 'INSUFFICIENT_FUNDS')]);
    expect(activeCallList(book).map((c) => c.id)).toEqual(['b', 'a']);
    expect(book.ended.map((c) => [c.id, c.status, c.endReason])).toEqual([['c', 'STOPPED', 'INSUFFICIENT_FUNDS']]);
    expect([...book.endedLive]).toEqual(['c']);
  });

  it('ignores a state no newer than the one it has, so a call is never rolled back', () => {
    const ended = applyCallStates(emptyCallBook(), [call('a', '1', 'ACTIVE', 1), call('a', '3', 'COMPLETED', 1, 5, 'HANGUP')]);
    const after = applyCallStates(ended, [call('a', '2', 'ACTIVE', 1), call('a', '3', 'COMPLETED', 1, 5, 'HANGUP')]);
    expect(after).toBe(ended);
    expect(after.active.size).toBe(0);
    // Versions compare as integers, not text: "10" is newer than "9".
    const newer = applyCallStates(emptyCallBook(), [call('x', '9', 'ACTIVE', 1), call('x', '10', 'STOPPED', 1, 4, 'BUDGET_REACHED')]);
    expect(newer.ended[0]?.status).toBe('STOPPED');
  });

  it('keeps the objects of unchanged calls and the same book when nothing changed', () => {
    const book = applyCallStates(emptyCallBook(), [call('a', '1', 'ACTIVE', 1), call('b', '1', 'ACTIVE', 2)]);
    const a = book.active.get('a');
    const next = applyCallStates(book, [call('b', '2', 'COMPLETED', 2, 6, 'HANGUP')]);
    expect(next.active.get('a')).toBe(a);
    expect(applyCallStates(next, [])).toBe(next);
  });

  it('keeps only the most recently ended, and does not mark calls seeded from a query as live', () => {
    const seeded = applyCallStates(
      emptyCallBook(),
      Array.from({ length: 5 }, (_, index) => call(`e${index}`, '2', 'COMPLETED', index, 10 + index, 'HANGUP')),
      3,
    );
    expect(seeded.ended.map((c) => c.id)).toEqual(['e4', 'e3', 'e2']);
    expect(seeded.endedLive.size).toBe(0);
    const refused = applyCallStates(seeded, [call('r', '1', 'REFUSED', 30, 30, 'INSUFFICIENT_FUNDS')], 3);
    expect(refused.ended.map((c) => c.id)).toEqual(['r', 'e4', 'e3']);
    expect(refused.endedLive.size).toBe(0);
  });
});
