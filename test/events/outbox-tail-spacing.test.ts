// Goal: under load the live tail reads the outbox at most once per `readIntervalMinMs` of wake-ups,
// one read taking every commit of the interval, none lost; a wake-up after a quiet spell and an
// explicit read (caughtUp, gaps) are never delayed. Method: a real tail on the test database, woken by
// hand (its wake signal never fires, its poll is an hour), charges through the API, and the times at
// which the tail's listeners hear of them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OutboxTail } from '../../server/events/outbox-tail.js';
import type { WakeSignal } from '../../server/events/wake-signal.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A wake signal that never fires: the test decides when the tail is woken. */
const SILENT: WakeSignal = { publish() {}, subscribe: () => () => {}, close: async () => {} };

/** The spacing under test, in milliseconds: long enough that a loaded machine's delays stay far below it. */
const INTERVAL_MS = 1_500;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const CHARGE = 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }';

it('reads woken within the interval wait for its end and take every commit of it in one read; readNow and a wake-up after a quiet spell read at once', async () => {
  const { walletId, ownerKey } = await t.createAccount('Spaced');
  await t.fund(walletId, '10');
  const tail = await OutboxTail.start({
    em: t.app.orm.em,
    signal: SILENT,
    batchSize: 500,
    pollIntervalMs: 3_600_000,
    readIntervalMinMs: INTERVAL_MS,
  });
  const heard: { sequence: bigint; atMs: number }[] = [];
  let advances = 0;
  const stops = [
    tail.onWalletEvent(walletId, (event) => heard.push({ sequence: event.sequence, atMs: performance.now() })),
    tail.onAdvance(() => advances++),
  ];
  try {
    // A first wake-up (no read yet) reads at once: nothing new, the position is the head.
    const firstReadFromMs = performance.now();
    await tail.caughtUp();

    // Three commits, each followed by a wake-up, within the interval: nothing is read before its end.
    for (let i = 0; i < 3; i++) {
      await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '1' } });
      tail.wake();
    }
    expect(heard).toEqual([]);
    const advancesBefore = advances;
    await expect.poll(() => heard.length, { timeout: INTERVAL_MS + 10_000, interval: 5 }).toBe(3);
    // One read brought all three, no sooner than the interval after the read before it started.
    expect(advances - advancesBefore).toBe(1);
    expect(heard.map((event) => event.sequence)).toEqual([2n, 3n, 4n]);
    expect(Math.min(...heard.map((event) => event.atMs)) - firstReadFromMs).toBeGreaterThanOrEqual(INTERVAL_MS);
    const spacedReadAtMs = Math.min(...heard.map((event) => event.atMs));

    // An explicit read is never spaced: a commit woken within the interval is read by caughtUp at once.
    await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '1' } });
    tail.wake();
    await tail.caughtUp();
    expect(heard.map((event) => event.sequence)).toEqual([2n, 3n, 4n, 5n]);
    expect(heard.at(-1)!.atMs - spacedReadAtMs).toBeLessThan(INTERVAL_MS);

    // After a quiet spell longer than the interval, a wake-up reads at once (the interval is the wait itself).
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '1' } });
    const wokenAtMs = performance.now();
    tail.wake();
    await expect.poll(() => heard.length, { timeout: 10_000, interval: 5 }).toBe(5);
    expect(heard.at(-1)!.atMs - wokenAtMs).toBeLessThan(INTERVAL_MS);
  } finally {
    for (const stop of stops) stop();
    await tail.stop();
  }
  await t.assertLedger();
});

it('without a spacing (0) every wake-up reads at once', async () => {
  const { walletId, ownerKey } = await t.createAccount('Unspaced');
  await t.fund(walletId, '10');
  const tail = await OutboxTail.start({
    em: t.app.orm.em,
    signal: SILENT,
    batchSize: 500,
    pollIntervalMs: 3_600_000,
    readIntervalMinMs: 0,
  });
  const heard: bigint[] = [];
  const stop = tail.onWalletEvent(walletId, (event) => heard.push(event.sequence));
  try {
    await tail.caughtUp();
    for (const sequence of [2n, 3n]) {
      await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '1' } });
      tail.wake();
      await expect.poll(() => heard.at(-1), { timeout: 10_000, interval: 5 }).toBe(sequence);
    }
  } finally {
    stop();
    await tail.stop();
  }
});
