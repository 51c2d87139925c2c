// Goal: a subscriber that lets more than subscriberQueueMax live events pile up is hung up on with 4413,
// and can resume from its last sequence without loss. Method: real server with a queue of 2; charges
// committed in ONE database transaction reach the server's tail in one read, all at once. (The exact
// boundary, queueMax vs queueMax + 1, is tested on the stream itself in outbox-order.test.ts: here the
// socket may take one event while the others arrive.)
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST_WALLET_TRANSACTION } from '../../server/domain/wallets/post-wallet-transaction.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { subscribe, TRANSACTION_ADDED, type AddedTransaction } from '../support/subscriber.js';

const QUEUE_MAX = 2;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ subscriberQueueMax: QUEUE_MAX });
});
afterAll(async () => {
  await t?.close();
});

/** Commits `count` charges of `walletId` in one transaction, then wakes the server's tail. */
async function chargeTogether(walletId: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: t.app.orm.config.get('clientUrl') });
  await client.connect();
  try {
    await client.query('begin');
    for (let i = 0; i < count; i++) {
      const { rowCount } = await client.query(POST_WALLET_TRANSACTION.text, [
        randomUUID(),
        walletId,
        null,
        '-10000',
        '10000000000000000',
        'CHARGE',
        'REVENUE',
        `together ${i}`,
        null,
        'test',
        null,
        'charge',
        'x',
        '0',
        null,
        null,
      ]);
      expect(rowCount).toBe(1);
    }
    await client.query('commit');
  } finally {
    await client.end();
  }
  t.app.events.committed();
}

describe('a subscriber that falls behind', () => {
  it(`keeps up with ${QUEUE_MAX} events arriving at once`, async () => {
    const { walletId } = await t.createAccount();
    await t.fund(walletId, '10');
    const subscriber = subscribe(
      t.url,
      t.adminToken,
      TRANSACTION_ADDED,
      { walletId, afterSequence: '1' },
      (d) => d.transactionAdded as AddedTransaction,
    );
    try {
      await chargeTogether(walletId, 1);
      await subscriber.waitFor(1);
      await chargeTogether(walletId, QUEUE_MAX);
      expect((await subscriber.waitFor(1 + QUEUE_MAX)).map((r) => r.sequence)).toEqual(['2', '3', '4']);
      expect(subscriber.errors).toEqual([]);
    } finally {
      await subscriber.close();
    }
  });

  it('is closed with 4413 when a burst overflows its queue, and resumes from its last sequence without loss', async () => {
    const { walletId } = await t.createAccount();
    await t.fund(walletId, '10');
    const subscriber = subscribe(
      t.url,
      t.adminToken,
      TRANSACTION_ADDED,
      { walletId, afterSequence: '1' },
      (d) => d.transactionAdded as AddedTransaction,
    );
    const closed = new Promise<number>((resolve) => subscriber.client.on('closed', (event) => resolve((event as { code: number }).code)));
    try {
      await chargeTogether(walletId, 1);
      await subscriber.waitFor(1);
      await chargeTogether(walletId, 10);
      expect(await closed).toBe(4413);
      const seen = [...subscriber.received];
      const lastSeen = seen.at(-1)!.sequence;
      expect(Number(lastSeen)).toBeLessThan(12);
      const resumed = subscribe(
        t.url,
        t.adminToken,
        TRANSACTION_ADDED,
        { walletId, afterSequence: lastSeen },
        (d) => d.transactionAdded as AddedTransaction,
      );
      try {
        const rest = await resumed.waitFor(12 - Number(lastSeen));
        expect([...seen, ...rest].map((r) => Number(r.sequence))).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      } finally {
        await resumed.close();
      }
    } finally {
      await subscriber.close();
    }
  });
});
