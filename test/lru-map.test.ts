// Goal: LruMap keeps at most entriesMax entries and evicts the least recently used (a read counts as a use); 0 keeps none. Method: plain calls.
import { expect, it } from 'vitest';
import { LruMap } from '../server/lru-map.js';

it('keeps N entries, evicts the least recently used at N + 1 (a read refreshes), and keeps none at 0', () => {
  const map = new LruMap<string, number>(2);
  map.set('a', 1);
  map.set('b', 2);
  expect(map.size).toBe(2);
  expect(map.get('a')).toBe(1); // a is now more recent than b
  map.set('c', 3);
  expect([map.has('a'), map.has('b'), map.has('c')]).toEqual([true, false, true]);
  map.set('a', 10); // rewriting refreshes too
  map.set('d', 4);
  expect([map.has('a'), map.has('c'), map.has('d')]).toEqual([true, false, true]);
  expect(map.get('a')).toBe(10);
  expect(map.get('b')).toBeUndefined();

  const none = new LruMap<string, number>(0);
  none.set('a', 1);
  expect(none.size).toBe(0);
  expect(none.get('a')).toBeUndefined();
});
