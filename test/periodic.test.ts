// Goal: Periodic runs never overlap, a wake-up brings a run forward, and a burst of coalesced
// wake-ups costs one run. Method: a real Periodic with a long interval and a controllable job; what is
// still to come is read from its pending timers, never inferred from a fixed wait.
import { afterEach, expect, it } from 'vitest';
import { Periodic } from '../server/periodic.js';
import { until } from './support/waiting.js';

let periodic: Periodic | undefined;
afterEach(async () => {
  await periodic?.stop();
});

/** A job that counts its runs and can be held open. */
function countingJob() {
  const state = { runs: 0, running: 0, overlapped: false, release: undefined as (() => void) | undefined, hold: false };
  const work = async () => {
    state.running++;
    if (state.running > 1) state.overlapped = true;
    state.runs++;
    if (state.hold) await new Promise<void>((resolve) => (state.release = resolve));
    state.running--;
  };
  return { state, work };
}

it('runs once for a burst of coalesced wake-ups, after the delay', async () => {
  const { state, work } = countingJob();
  periodic = new Periodic(work, 3_600_000);
  periodic.start();
  await expect.poll(() => state.runs).toBe(1);
  for (let i = 0; i < 100; i++) periodic.wakeCoalesced(30);
  expect(state.runs).toBe(1);
  await expect.poll(() => state.runs).toBe(2);
  // Nothing else is pending: once the run has ended, the next one is an hour away and no wake-up waits.
  await until('the second run ended', () => periodic!.pending.nextRunAtMs !== Number.POSITIVE_INFINITY);
  expect(periodic.pending.nextRunAtMs).toBeGreaterThan(Date.now() + 3_000_000);
  expect(periodic.pending.coalescing).toBe(false);
  expect(state.runs).toBe(2);
});

it('a coalesced wake-up during a run makes one more run after it, never an overlapping one', async () => {
  const { state, work } = countingJob();
  periodic = new Periodic(work, 3_600_000);
  state.hold = true;
  periodic.start();
  await expect.poll(() => state.runs).toBe(1);
  periodic.wakeCoalesced(1);
  // The first wake-up fires during the held run; the second is then coalesced anew.
  await until('the first coalesced wake-up fired', () => !periodic!.pending.coalescing);
  periodic.wakeCoalesced(1);
  state.hold = false;
  state.release!();
  await expect.poll(() => state.runs).toBe(2);
  expect(state.overlapped).toBe(false);
});

it('a stopped Periodic ignores coalesced wake-ups', async () => {
  const { state, work } = countingJob();
  periodic = new Periodic(work, 3_600_000);
  periodic.start();
  await expect.poll(() => state.runs).toBe(1);
  periodic.wakeCoalesced(10);
  await periodic.stop();
  // Nothing is left that could run: no run due, no wake-up waiting.
  expect(periodic.pending).toEqual({ nextRunAtMs: Number.POSITIVE_INFINITY, coalescing: false });
  expect(state.runs).toBe(1);
});

it('coalesced wake-ups with a minimum interval run no sooner than that after the last run started, and after the delay alone once it has passed', async () => {
  const { state, work } = countingJob();
  const startedAtMs: number[] = [];
  const timedWork = async () => {
    startedAtMs.push(Date.now());
    await work();
  };
  const intervalMinMs = 400;
  periodic = new Periodic(timedWork, 3_600_000);
  periodic.start();
  await expect.poll(() => state.runs).toBe(1);
  // A burst right after a run: one run, no sooner than the interval after the first started (not 1 ms after the wake-up).
  for (let i = 0; i < 50; i++) periodic.wakeCoalesced(1, intervalMinMs);
  await expect.poll(() => state.runs, { timeout: 5_000 }).toBe(2);
  expect(startedAtMs[1]! - startedAtMs[0]!).toBeGreaterThanOrEqual(intervalMinMs);
  // Once the interval has passed since the last run started, a wake-up waits only for its delay.
  await until('the interval since the last run passed', () => Date.now() - startedAtMs[1]! > intervalMinMs);
  const wokenAtMs = Date.now();
  periodic.wakeCoalesced(1, intervalMinMs);
  await expect.poll(() => state.runs, { timeout: 5_000 }).toBe(3);
  expect(startedAtMs[2]! - wokenAtMs).toBeLessThan(intervalMinMs);
  expect(state.overlapped).toBe(false);
});
