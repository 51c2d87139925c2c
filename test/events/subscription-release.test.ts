// Goal: a closed transactionAdded or alertRaised subscription releases its hub or feed listener, and its
// memory, at once, even on an idle wallet. Method: the real server and graphql-ws client open and close
// SUBSCRIPTION_CYCLES (5,000) subscriptions of each kind (10,000 in all) on idle wallets, in batches; the server's own counts
// must return to baseline exactly and the heap (after forced collections) near its baseline.
import v8 from 'node:v8';
import vm from 'node:vm';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TRANSACTION_ADDED } from '../support/subscriber.js';

/** Open/close cycles of each kind (env SUBSCRIPTION_CYCLES for a longer run). */
const CYCLES = Number(process.env.SUBSCRIPTION_CYCLES ?? 5_000);
/** Subscriptions of each kind open at once. */
const BATCH = 250;
const WALLETS = 10;
/** Heap growth over the run that counts as "near baseline", in bytes (a leak of 10k costs > 100 MB). */
const HEAP_GROWTH_BYTES_MAX = 16 * 1024 * 1024;

const ALERT_RAISED = `subscription { alertRaised { id kind } }`;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

let t: TestApp;
let token: string;
let walletIds: string[];
let client: Client;
beforeAll(async () => {
  t = await startTestApp({ subscriptionsPerSocketMax: 2 * BATCH });
  // The operator's token may subscribe to every account's wallets and alerts: one socket serves all.
  token = t.adminToken;
  walletIds = [];
  for (let i = 0; i < WALLETS; i++) walletIds.push((await t.createAccount(`Idle ${i}`)).walletId);
  client = createClient({
    url: `${t.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${token}` },
  });
});
afterAll(async () => {
  await client?.dispose();
  await t?.close();
});

/** Open subscriptions as the server counts them: hub subscribers, wallets with a hub, alert feed listeners. */
function counts() {
  const hubs = t.app.events.hubs.counts();
  return { hubSubscribers: hubs.subscribers, hubWallets: hubs.wallets, alertListeners: t.app.events.alerts.listenerCount() };
}

/** Resolves once `condition()` holds, checking after each turn of the event loop; false after `timeoutMs`. */
async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return true;
}

function heapUsedBytes(): number {
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Opens `count` subscriptions of each kind, waits until the server holds every one, closes them and
 * waits (bounded) until the server has let them go. Returns whether it did.
 */
async function cycle(count: number, releaseTimeoutMs: number): Promise<boolean> {
  const before = counts();
  const errors: unknown[] = [];
  const sink = { next: () => {}, error: (error: unknown) => errors.push(error), complete: () => {} };
  const closers: (() => void)[] = [];
  for (let i = 0; i < count; i++) {
    closers.push(client.subscribe({ query: TRANSACTION_ADDED, variables: { walletId: walletIds[i % walletIds.length] } }, sink));
    closers.push(client.subscribe({ query: ALERT_RAISED }, sink));
  }
  const opened = await until(() => {
    const now = counts();
    return now.hubSubscribers === before.hubSubscribers + count && now.alertListeners === before.alertListeners + count;
  }, 20_000);
  expect(errors).toEqual([]);
  expect(opened).toBe(true);
  for (const close of closers) close();
  return until(() => {
    const now = counts();
    return (
      now.hubSubscribers === before.hubSubscribers && now.alertListeners === before.alertListeners && now.hubWallets === before.hubWallets
    );
  }, releaseTimeoutMs);
}

describe('closing subscriptions', () => {
  it(`releases hub and feed listeners and memory at once: ${CYCLES} open/close cycles of transactionAdded and alertRaised`, async () => {
    const baseline = counts();
    // Warm up (JIT, caches, the socket) before the heap's baseline.
    let released = await cycle(BATCH, 10_000);
    const heapBefore = heapUsedBytes();
    for (let done = 0; done < CYCLES; done += BATCH) {
      // Once a batch has leaked, the rest need not wait for a release that will not come.
      released = (await cycle(Math.min(BATCH, CYCLES - done), released ? 10_000 : 0)) && released;
    }
    await until(() => JSON.stringify(counts()) === JSON.stringify(baseline), released ? 10_000 : 1_000);
    const after = counts();
    const heapAfter = heapUsedBytes();
    console.log(
      `subscription churn: ${CYCLES} cycles of each kind; counts before ${JSON.stringify(baseline)} after ${JSON.stringify(after)}; ` +
        `heap before ${(heapBefore / 2 ** 20).toFixed(1)} MB after ${(heapAfter / 2 ** 20).toFixed(1)} MB`,
    );
    expect(after).toEqual(baseline);
    expect(released).toBe(true);
    expect(heapAfter - heapBefore).toBeLessThan(HEAP_GROWTH_BYTES_MAX);
  }, 180_000);
});
