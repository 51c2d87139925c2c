// Goal: sequences compare as integers of any size, never as text or floats; method: examples at the edges (length, 2^53) and a fast-check property against bigint.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSequences, isSequence, maxSequence, nextSequence, SequenceFormatError } from '../../../client/src/utils/sequence.js';

describe('sequences', () => {
  it('compares by value, not as text', () => {
    expect(compareSequences('9', '10')).toBeLessThan(0);
    expect(compareSequences('10', '9')).toBeGreaterThan(0);
    expect(compareSequences('42', '42')).toBe(0);
    expect(maxSequence('9', '10')).toBe('10');
    expect(maxSequence('0', '0')).toBe('0');
  });

  it('stays exact beyond 2^53, where JS numbers do not', () => {
    expect(compareSequences('9007199254740993', '9007199254740992')).toBeGreaterThan(0);
    expect(nextSequence('9007199254740992')).toBe('9007199254740993');
    expect(nextSequence('0')).toBe('1');
  });

  it('rejects what is not a sequence', () => {
    for (const value of ['', '-1', '01', '1.5', ' 1', 'abc']) {
      expect(isSequence(value)).toBe(false);
      expect(() => compareSequences(value, '1')).toThrow(SequenceFormatError);
    }
    expect(isSequence('0')).toBe(true);
  });

  it('agrees with bigint comparison everywhere', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 70n }), fc.bigInt({ min: 0n, max: 2n ** 70n }), (a, b) => {
        expect(Math.sign(compareSequences(a.toString(), b.toString()))).toBe(a < b ? -1 : a > b ? 1 : 0);
        // biome-ignore lint/complexity/useMathMinMax: bigints; Math.max throws a TypeError on them.
        expect(maxSequence(a.toString(), b.toString())).toBe((a > b ? a : b).toString());
      }),
    );
  });
});
