// Goal: randomUuids gives what crypto.randomUUID gives (version 4, RFC 9562 variant, lower-case canonical
// text) for any count, across its buffer fills, without repeats. Method: counts at the fill's edges and
// a property over counts, each id checked against the canonical pattern and isUuid.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUuid, randomUuids } from '../../server/domain/ids.js';

const VERSION_4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomUuids', () => {
  it.each([0, 1, 2, 500, 1023, 1024, 1025, 2049])('makes %i distinct version 4 UUIDs', (count) => {
    const uuids = randomUuids(count);
    expect(uuids).toHaveLength(count);
    for (const uuid of uuids) {
      expect(uuid).toMatch(VERSION_4);
      expect(isUuid(uuid)).toBe(true);
    }
    expect(new Set(uuids).size).toBe(count);
  });

  it('never repeats an id across calls, and uses every hex digit in each free position (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (count) => {
        const uuids = randomUuids(count);
        for (const uuid of uuids) expect(uuid).toMatch(VERSION_4);
        expect(new Set(uuids).size).toBe(count);
      }),
      { numRuns: 100 },
    );
    // The free positions are random: across 2,000 ids every digit turns up in the first one, and the
    // variant position takes each of 8, 9, a, b.
    const uuids = randomUuids(2000);
    expect(new Set(uuids.map((uuid) => uuid[0])).size).toBe(16);
    expect(new Set(uuids.map((uuid) => uuid[19]))).toEqual(new Set(['8', '9', 'a', 'b']));
    expect(new Set([...uuids, ...randomUuids(2000)]).size).toBe(4000);
  });
});
