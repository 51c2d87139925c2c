// Goal: 500 transactionAdded subscribers over 25 wallets (the fan-out bench, short) each receive every
// charge of their wallet exactly once and in order. Method: the bench's own subscriber pool and open-loop
// charger (bench/fanout-load.ts) against a real server, real graphql-ws sockets, charges over HTTP; no
// timing assertions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inBatches } from '../../bench/bench-support.js';
import { checkFanout, runCharges, SubscriberPool, type SubscriptionPlan } from '../../bench/fanout-load.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { until } from '../support/waiting.js';

const WALLETS = 25;
const SUBSCRIBERS = 500;
const CHARGES = 250;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('fan-out to many subscribers', () => {
  it('delivers each of 250 charges over 25 wallets to all 20 subscribers of its wallet exactly once, in order', async () => {
    const wallets = await inBatches(WALLETS, 8, async (index) => {
      const account = await t.createAccount(`fanout ${index}`);
      await t.fund(account.walletId, '1000');
      const { wallet } = await t.ok<{ wallet: { sequence: string } }>(
        account.ownerKey,
        'query($id: ID!) { wallet(id: $id) { sequence } }',
        {
          id: account.walletId,
        },
      );
      return { ...account, base: Number(wallet.sequence) };
    });
    // Subscriptions grouped by wallet, two to a socket: one key's subscriptions share a socket.
    const plans: SubscriptionPlan[] = Array.from({ length: SUBSCRIBERS }, (_, index) => {
      const wallet = index % WALLETS;
      return { wallet, walletId: wallets[wallet]!.walletId, key: wallets[wallet]!.ownerKey, base: wallets[wallet]!.base };
    }).sort((a, b) => a.wallet - b.wallet);
    const pool = new SubscriberPool(plans, {
      url: `${t.url.replace(/^http/, 'ws')}/graphql`,
      subscriptionsPerSocket: 2,
      connectingMax: 32,
    });
    try {
      await pool.open();
      const port = Number(new URL(t.url).port);
      const targets = wallets.map((wallet) => ({ walletId: wallet.walletId, key: wallet.ownerKey }));
      // Each subscription replays its wallet's last transaction first: once every one has it, all are live.
      await until('every subscription to be live', () => pool.progress().live === SUBSCRIBERS || pool.progress().failures > 0);
      const load = await runCharges({ port, targets, count: CHARGES, chargesPerSecond: 250, inFlightMax: 32 });
      expect([load.errors, load.firstError]).toEqual([0, undefined]);
      const expected = SUBSCRIBERS + CHARGES * (SUBSCRIBERS / WALLETS);
      await until('every event to arrive', () => pool.progress().events >= expected || pool.progress().failures > 0);

      const check = checkFanout(pool.collect(), [load]);
      expect({
        delivered: check.delivered,
        missing: check.missing,
        duplicates: check.duplicates,
        outOfOrder: check.outOfOrder,
        unexpected: check.unexpected,
        failures: check.failureReasons,
      }).toEqual({ delivered: CHARGES * (SUBSCRIBERS / WALLETS), missing: 0, duplicates: 0, outOfOrder: 0, unexpected: 0, failures: [] });
      // Nothing more comes after the last charge's events (a duplicate arriving late would show here).
      await t.app.events.tail.caughtUp();
      expect(pool.progress().events).toBe(expected);
    } finally {
      await pool.dispose();
    }
    await t.assertLedger();
  }, 240_000);
});
