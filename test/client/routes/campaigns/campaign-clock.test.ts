// Goal: one shared clock drives every call timer: it ticks on whole seconds only while someone listens, stops when the last one leaves, and gives the same time between ticks; method: a fake time source and scheduler.
import { describe, expect, it } from 'vitest';
import { createTickingClock } from '../../../../client/src/routes/campaigns/campaign-clock.js';

function fakeTime(startMs: number) {
  let nowMs = startMs;
  const timers = new Map<number, { atMs: number; callback: () => void }>();
  let nextId = 1;
  return {
    readNow: () => nowMs,
    schedule: (callback: () => void, delayMs: number) => {
      const id = nextId++;
      timers.set(id, { atMs: nowMs + delayMs, callback });
      return id;
    },
    cancel: (handle: unknown) => void timers.delete(handle as number),
    pending: () => timers.size,
    advanceTo(targetMs: number) {
      for (;;) {
        const due = [...timers.entries()].filter(([, timer]) => timer.atMs <= targetMs).sort((a, b) => a[1].atMs - b[1].atMs)[0];
        if (!due) break;
        timers.delete(due[0]);
        nowMs = due[1].atMs;
        due[1].callback();
      }
      nowMs = targetMs;
    },
  };
}

describe('createTickingClock', () => {
  it('does nothing until someone listens, then ticks once a second on whole seconds', () => {
    const time = fakeTime(10_400);
    const clock = createTickingClock({ ...time, intervalMs: 1000 });
    expect(time.pending()).toBe(0);
    expect(clock.now()).toBe(10_000);
    const ticks: number[] = [];
    const unsubscribe = clock.subscribe(() => ticks.push(clock.now()));
    expect(time.pending()).toBe(1);
    time.advanceTo(13_500);
    expect(ticks).toEqual([11_000, 12_000, 13_000]);
    // Between ticks the time does not move.
    expect(clock.now()).toBe(13_000);
    unsubscribe();
    expect(time.pending()).toBe(0);
  });

  it('has one timer for any number of listeners and stops with the last one', () => {
    const time = fakeTime(0);
    const clock = createTickingClock({ ...time, intervalMs: 1000 });
    let calls = 0;
    const unsubscribers = Array.from({ length: 200 }, () => clock.subscribe(() => calls++));
    expect(time.pending()).toBe(1);
    expect(clock.listenerCount()).toBe(200);
    time.advanceTo(2_000);
    expect(calls).toBe(400);
    for (const unsubscribe of unsubscribers.slice(1)) unsubscribe();
    expect(time.pending()).toBe(1);
    unsubscribers[0]!();
    expect(time.pending()).toBe(0);
    time.advanceTo(5_000);
    expect(calls).toBe(400);
  });

  it('a listener leaving during a tick is not called after', () => {
    const time = fakeTime(0);
    const clock = createTickingClock({ ...time, intervalMs: 1000 });
    const seen: string[] = [];
    let unsubscribeB: () => void = () => undefined;
    clock.subscribe(() => {
      seen.push('a');
      unsubscribeB();
    });
    unsubscribeB = clock.subscribe(() => seen.push('b'));
    time.advanceTo(2_000);
    expect(seen.filter((name) => name === 'b').length).toBeLessThanOrEqual(1);
    expect(seen.filter((name) => name === 'a')).toHaveLength(2);
  });
});
