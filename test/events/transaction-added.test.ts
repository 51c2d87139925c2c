// Goal: transactionAdded delivers every transaction of a wallet exactly once and in sequence order, across
// the replay/live seam, a dropped socket, a second server process and a restart. Method: real servers on one
// database, the real graphql-ws client, charges committing concurrently over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { subscribe, TRANSACTION_ADDED, type AddedTransaction } from '../support/subscriber.js';
import { runSql } from '../support/sql.js';

const CHARGE = `mutation($input: ChargeInput!) { charge(input: $input) { transaction { sequence } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** A second server process on the same database. */
async function startSecondServer(): Promise<RunningApp> {
  const config = loadConfig({}, { port: 0, host: '127.0.0.1' });
  return startApp({ config, databaseUrl: t.app.orm.config.get('clientUrl')!, platformAdminToken: t.adminToken });
}

function charges(key: string, walletId: string, count: number, amount = '0.01') {
  return Promise.all(Array.from({ length: count }, () => t.ok(key, CHARGE, { input: { walletId, amount } })));
}

function expectSequences(received: AddedTransaction[], from: number, to: number) {
  expect(received.map((r) => Number(r.sequence))).toEqual(Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

describe('transactionAdded', () => {
  it('delivers every one of 500 concurrent charges exactly once, in sequence order, to each of 5 subscribers', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    await t.fund(walletId, '1000');
    const subscribers = Array.from({ length: 5 }, () =>
      subscribe(t.url, ownerKey, TRANSACTION_ADDED, { walletId, afterSequence: '1' }, (d) => d.transactionAdded as AddedTransaction),
    );
    try {
      await charges(ownerKey, walletId, 500);
      for (const subscriber of subscribers) {
        const received = await subscriber.waitFor(500);
        expectSequences(received, 2, 501);
        expect(new Set(received.map((r) => r.id)).size).toBe(500);
      }
      // Nothing more arrives: no duplicate trails behind. A socket delivers in order, so once one
      // more charge (sequence 502) has arrived, a duplicate of an earlier event would be in front of it.
      await charges(ownerKey, walletId, 1);
      for (const subscriber of subscribers) {
        const received = await subscriber.waitFor(501);
        expectSequences(received, 2, 502);
        expect(subscriber.received).toHaveLength(501);
        expect(subscriber.errors).toEqual([]);
      }
      await t.assertLedger();
    } finally {
      await Promise.all(subscribers.map((subscriber) => subscriber.close()));
    }
  });

  it('without afterSequence starts live; "0" replays the whole history first', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    await t.fund(walletId, '10');
    await charges(ownerKey, walletId, 3);
    const replaying = subscribe(
      t.url,
      ownerKey,
      TRANSACTION_ADDED,
      { walletId, afterSequence: '0' },
      (d) => d.transactionAdded as AddedTransaction,
    );
    const live = subscribe(t.url, ownerKey, TRANSACTION_ADDED, { walletId }, (d) => d.transactionAdded as AddedTransaction);
    try {
      expectSequences(await replaying.waitFor(4), 1, 4);
      // The live subscriber is established once it sees a new charge; keep charging until it does.
      while (live.received.length === 0) {
        await charges(ownerKey, walletId, 1);
        // The tail has handed the charge on; if the subscriber still got nothing it was not live yet.
        await t.app.events.tail.caughtUp();
      }
      const first = Number(live.received[0]!.sequence);
      expect(first).toBeGreaterThanOrEqual(5);
      await charges(ownerKey, walletId, 5);
      const last = Number(replaying.received.at(-1)!.sequence);
      await live.waitFor(last - first + 1);
      expectSequences(live.received, first, last);
      expectSequences(await replaying.waitFor(last), 1, last);
    } finally {
      await Promise.all([replaying.close(), live.close()]);
    }
  });

  it('resumes after a dropped socket with exactly the missed transactions, while charges keep committing', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    await t.fund(walletId, '1000');
    const first = subscribe(
      t.url,
      ownerKey,
      TRANSACTION_ADDED,
      { walletId, afterSequence: '1' },
      (d) => d.transactionAdded as AddedTransaction,
    );
    const committing = charges(ownerKey, walletId, 300);
    await first.waitFor(50);
    await first.close();
    // What the client had when its socket dropped (messages already in flight are not counted).
    const seen = [...first.received];
    const lastSeen = seen.at(-1)!.sequence;
    const resumed = subscribe(
      t.url,
      ownerKey,
      TRANSACTION_ADDED,
      { walletId, afterSequence: lastSeen },
      (d) => d.transactionAdded as AddedTransaction,
    );
    try {
      await committing;
      await charges(ownerKey, walletId, 20);
      const received = await resumed.waitFor(321 - Number(lastSeen));
      expectSequences(received, Number(lastSeen) + 1, 321);
      expectSequences([...seen, ...received], 2, 321);
    } finally {
      await resumed.close();
    }
  });

  it('delivers to a subscriber on another server process what was committed through this one', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    await t.fund(walletId, '100');
    const other = await startSecondServer();
    const subscriber = subscribe(
      other.url,
      ownerKey,
      TRANSACTION_ADDED,
      { walletId, afterSequence: '1' },
      (d) => d.transactionAdded as AddedTransaction,
    );
    try {
      await charges(ownerKey, walletId, 50);
      expectSequences(await subscriber.waitFor(50), 2, 51);
    } finally {
      await subscriber.close();
      await other.close();
    }
  });

  it('after a server restart, a subscriber resuming on it misses nothing committed meanwhile elsewhere', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    await t.fund(walletId, '100');
    const before = await startSecondServer();
    const first = subscribe(
      before.url,
      ownerKey,
      TRANSACTION_ADDED,
      { walletId, afterSequence: '0' },
      (d) => d.transactionAdded as AddedTransaction,
    );
    await charges(ownerKey, walletId, 10);
    await first.waitFor(11);
    await first.close();
    await before.close();

    await charges(ownerKey, walletId, 15);
    const after = await startSecondServer();
    const resumed = subscribe(
      after.url,
      ownerKey,
      TRANSACTION_ADDED,
      { walletId, afterSequence: '11' },
      (d) => d.transactionAdded as AddedTransaction,
    );
    try {
      const committing = charges(ownerKey, walletId, 5);
      expectSequences(await resumed.waitFor(20), 12, 31);
      await committing;
    } finally {
      await resumed.close();
      await after.close();
    }
  });
});

describe('wake-up signal loss', () => {
  it('a process whose LISTEN connection was killed still delivers (it reconnects, and polls meanwhile)', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    await t.fund(walletId, '100');
    const other = await startSecondServer();
    const subscriber = subscribe(
      other.url,
      ownerKey,
      TRANSACTION_ADDED,
      { walletId, afterSequence: '1' },
      (d) => d.transactionAdded as AddedTransaction,
    );
    try {
      await charges(ownerKey, walletId, 1);
      await subscriber.waitFor(1);
      // Kill every LISTEN connection on the database: both servers' wake-up signals drop.
      const killed = await runSql<{ pid: number }>(
        t.app.orm.em.fork(),
        `select pg_terminate_backend(pid) as pid from pg_stat_activity where datname = current_database() and query ~* '^(listen|notify) spendwire_outbox'`,
      );
      expect(killed.length).toBeGreaterThanOrEqual(2);
      await charges(ownerKey, walletId, 10);
      expectSequences(await subscriber.waitFor(11, 10_000), 2, 12);
    } finally {
      await subscriber.close();
      await other.close();
    }
  });
});
