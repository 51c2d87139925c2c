// Goal: HeavyQueryTurns lets N heavy queries of one key run at once, makes the N+1th wait its turn in arrival order, and never holds back another key. Method: the class alone, turns taken and ended by hand, with the order of resolution recorded.
import { describe, expect, it } from 'vitest';
import { HeavyQueryTurns } from '../../../server/transport/rate-limits/heavy-queries.js';

/** Lets every pending promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('HeavyQueryTurns', () => {
  it('lets N run at once; the N+1th waits, in arrival order, until one ends; other keys never wait', async () => {
    const turns = new HeavyQueryTurns(2);
    const started: string[] = [];
    const first = await turns.take('a');
    const second = await turns.take('a');
    const third = turns.take('a').then((end) => {
      started.push('third');
      return end;
    });
    const fourth = turns.take('a').then((end) => {
      started.push('fourth');
      return end;
    });
    await settle();
    expect(started).toEqual([]);
    expect(turns.waitingFor('a')).toBe(2);
    // Another key has its own turns.
    const other = await turns.take('b');
    first();
    // Ending a turn twice passes on only one turn.
    first();
    await settle();
    expect(started).toEqual(['third']);
    second();
    await settle();
    expect(started).toEqual(['third', 'fourth']);
    (await third)();
    (await fourth)();
    other();
    expect(turns.waitingFor('a')).toBe(0);
    // All ended: a new query runs at once.
    let ran = false;
    void turns.take('a').then(() => (ran = true));
    await settle();
    expect(ran).toBe(true);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => new HeavyQueryTurns(0)).toThrow();
    expect(() => new HeavyQueryTurns(1.5)).toThrow();
  });
});
