// Goal: with a minimum interval, a process's NOTIFYs wake the other processes at most that often, a
// burst of publishes after the first costing one more NOTIFY at the interval's end, none lost; without
// one, each publish after the last NOTIFY finished sends its own. Method: two real wake signals on the
// test database (a publisher and a listener standing for another process), the listener's wake-ups timed.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PostgresWakeSignal } from '../../server/events/wake-signal.js';
import { createTestDatabase } from '../support/database.js';

/** The spacing under test, in milliseconds: long enough that a loaded machine's delays stay far below it. */
const INTERVAL_MS = 1_500;

let databaseUrl: string;
beforeAll(async () => {
  databaseUrl = await createTestDatabase();
});

const signals: PostgresWakeSignal[] = [];
afterAll(async () => {
  for (const signal of signals) await signal.close();
});

/** A publisher and a listener on a channel of their own; the listener's wake-ups, timed. */
async function pair(publishIntervalMinMs: number) {
  const channel = `spacing_${randomBytes(6).toString('hex')}`;
  const publisher = await PostgresWakeSignal.start(databaseUrl, { channel, publishIntervalMinMs });
  const listener = await PostgresWakeSignal.start(databaseUrl, { channel });
  signals.push(publisher, listener);
  const heardAtMs: number[] = [];
  listener.subscribe(() => heardAtMs.push(performance.now()));
  return { publisher, heardAtMs };
}

it('a burst of publishes sends one NOTIFY at once and one more when the interval since it has passed', async () => {
  const { publisher, heardAtMs } = await pair(INTERVAL_MS);
  const firstAtMs = performance.now();
  for (let i = 0; i < 20; i++) publisher.publish();
  await expect.poll(() => heardAtMs.length, { timeout: 10_000, interval: 5 }).toBe(1);
  expect(heardAtMs[0]! - firstAtMs).toBeLessThan(INTERVAL_MS);
  await expect.poll(() => heardAtMs.length, { timeout: INTERVAL_MS + 10_000, interval: 5 }).toBe(2);
  expect(heardAtMs[1]! - firstAtMs).toBeGreaterThanOrEqual(INTERVAL_MS);
  // One publish more: it too waits for the interval since the last NOTIFY; nothing else came meanwhile.
  const secondSentBeforeMs = heardAtMs[1]!;
  publisher.publish();
  await expect.poll(() => heardAtMs.length, { timeout: INTERVAL_MS + 10_000, interval: 5 }).toBe(3);
  // Its NOTIFY was sent before the listener heard it: half the interval proves the wait without timing the delivery.
  expect(heardAtMs[2]! - secondSentBeforeMs).toBeGreaterThanOrEqual(INTERVAL_MS / 2);
});

it('without an interval (0), a publish after the last NOTIFY finished sends its own at once', async () => {
  const { publisher, heardAtMs } = await pair(0);
  for (let i = 1; i <= 3; i++) {
    publisher.publish();
    await expect.poll(() => heardAtMs.length, { timeout: 10_000, interval: 5 }).toBe(i);
  }
});
