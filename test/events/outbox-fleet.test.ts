// Goal: a tail fed by another process's batches hands out every outbox row once, in position order (a gap is read from PostgreSQL first, repeats are dropped, its inbox is bounded), and two server processes sharing a Redis elect one reader whose stream feeds the other, which reads the outbox itself while Redis is cut and returns to the stream after. Method: a real OutboxTail fed hand-made batches of real outbox rows, then two real apps on one database with a real Redis (REDIS_URL, else 127.0.0.1:6379) behind a TCP proxy that can cut it, the real graphql-ws client and charges over HTTP.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertRecord } from '../../server/domain/alerts/alert-record.js';
import { selectTailRowsAfter, type TailRow } from '../../server/domain/outbox/outbox.queries.js';
import { decodeOutboxBatchHeader, encodeOutboxBatch } from '../../server/events/outbox-fleet.js';
import type { WalletEvent } from '../../server/events/wallet-event.js';
import { readWalletEvents } from '../../server/events/wallet-hub.js';
import { OutboxTail, positionOfRow, type OutboxBatch, type OutboxPosition } from '../../server/events/outbox-tail.js';
import { startNetworkCut, type NetworkCut } from '../support/network-cut.js';
import { subscribe, TRANSACTION_ADDED, type AddedTransaction, type Subscriber } from '../support/subscriber.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { lockTable, until } from '../support/waiting.js';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const CHARGE = `mutation($input: ChargeInput!) { charge(input: $input) { transaction { sequence } } }`;

let t: TestApp;
const closers: (() => Promise<unknown>)[] = [];
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => {});
  await t?.close();
});

async function charge(app: TestApp, key: string, walletId: string): Promise<void> {
  await app.ok(key, CHARGE, { input: { walletId, amount: '0.01' } });
}

function sequencesOf(received: AddedTransaction[]): number[] {
  return received.map((transaction) => Number(transaction.sequence));
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/** A tail of the test app's database that reads nothing on its own (fed like a follower). */
async function followerTail(inboxBatchesMax = 1_000): Promise<OutboxTail> {
  const tail = await OutboxTail.start({ em: t.app.orm.em, batchSize: 500, pollIntervalMs: 3_600_000, inboxBatchesMax });
  tail.setSelfReading(false);
  closers.push(() => tail.stop());
  return tail;
}

/** Every outbox row after `position`, read directly. */
async function rowsAfter(position: OutboxPosition): Promise<TailRow[]> {
  return selectTailRowsAfter.all(t.app.orm.em, { txId: position.txId, id: position.id, limit: 500, expandAll: true, walletIds: [] });
}

describe('a tail fed by batches', () => {
  it('reads a gap from PostgreSQL before later rows, and drops repeated and overlapping batches', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    await t.fund(walletId, '10');
    const tail = await followerTail();
    const start = tail.readPosition;
    const seen: number[] = [];
    tail.onWalletEvent(walletId, (event) => seen.push(Number(event.sequence)));
    for (let index = 0; index < 5; index++) await charge(t, ownerKey, walletId);
    let rows: TailRow[] = [];
    let mine: number[] = [];
    await until('the five charges to be readable', async () => {
      rows = await rowsAfter(start);
      mine = rows.flatMap((row, index) => (row.event_type === 'WALLET_TRANSACTION' && row.wallet_id === walletId ? [index] : []));
      return mine.length === 5;
    });
    const at = (index: number) => positionOfRow(rows[index]!);
    const first: OutboxBatch = { from: start, to: at(mine[1]!), rows: rows.slice(0, mine[1]! + 1) };
    // Starts after the third charge: the third is missing from the stream.
    const afterGap: OutboxBatch = { from: at(mine[2]!), to: at(mine[4]!), rows: rows.slice(mine[2]! + 1, mine[4]! + 1) };
    const everything: OutboxBatch = { from: start, to: at(rows.length - 1), rows };
    const readsBefore = tail.databaseReads;

    tail.receive(first);
    tail.receive(first);
    tail.receive(afterGap);
    tail.receive(everything);
    await until('the tail to hand out every batch', () => tail.inboxLength === 0 && seen.length >= 5);
    expect(seen).toEqual(range(2, 6));
    // One read, for the gap; the repeats were dropped without one.
    expect(tail.databaseReads - readsBefore).toBe(1);

    // A heartbeat beyond the position (its rows were lost) reads them.
    await charge(t, ownerKey, walletId);
    let latest: TailRow[] = [];
    await until('the sixth charge to be readable', async () => {
      latest = await rowsAfter(tail.readPosition);
      return latest.some((row) => row.wallet_id === walletId && row.event_wallet_sequence === '7');
    });
    const head = positionOfRow(latest.at(-1)!);
    tail.receive({ from: head, to: head, rows: [] });
    await until('the heartbeat to bring the sixth charge', () => seen.length === 6);
    expect(seen).toEqual(range(2, 7));
    expect(tail.databaseReads - readsBefore).toBe(2);
  });

  it('keeps at most outboxStreamInboxMessagesMax batches while busy: N kept, one more drops the oldest', async () => {
    const max = 2;
    const tail = await followerTail(max);
    const head = tail.readPosition;
    const heartbeat: OutboxBatch = { from: head, to: head, rows: [] };
    // A read held up by a lock keeps the tail busy while batches arrive.
    const lock = await lockTable(t.databaseUrl, 'outbox_event');
    try {
      tail.readNow();
      await until('the read to wait for the lock', async () => (await lock.waiting()) > 0);
      for (let index = 0; index < max; index++) tail.receive(heartbeat);
      expect(tail.inboxLength).toBe(max);
      tail.receive(heartbeat);
      expect(tail.inboxLength).toBe(max);
    } finally {
      await lock.release();
    }
    await tail.caughtUp();
    expect(tail.inboxLength).toBe(0);
  });

  it('round-trips a batch through its message form; a malformed header is refused', () => {
    const batch: OutboxBatch = { from: { txId: '9', id: '99' }, to: { txId: '10', id: '100' }, rows: [] };
    const header = decodeOutboxBatchHeader(encodeOutboxBatch('abc', batch));
    expect(header).toEqual({ sender: 'abc', from: batch.from, to: batch.to, rowsJson: '[]' });
    expect(() => decodeOutboxBatchHeader('abc 1 2 3\n[]')).toThrow(/Malformed/);
    expect(() => decodeOutboxBatchHeader('abc 1 2 3 x\n[]')).toThrow(/Malformed/);
  });
});

describe('two processes sharing a Redis', () => {
  let reader: TestApp;
  let follower: TestApp;
  let cut: NetworkCut;
  const prefix = `test-fleet-${randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    const fleet = {
      redisKeyPrefix: prefix,
      outboxPollIntervalMs: 200,
      outboxStreamHeartbeatIntervalMs: 200,
    };
    reader = await startTestApp({ ...fleet, redisUrl: REDIS_URL }, { databaseUrl: t.databaseUrl, adminToken: t.adminToken });
    closers.push(() => reader.close());
    await until('the first process to become the reader', () => reader.app.fleet!.isReader);
    // The second reaches Redis through a proxy the test can cut.
    const redis = new URL(REDIS_URL);
    cut = await startNetworkCut(`http://${redis.hostname}:${redis.port || 6379}`);
    closers.push(() => cut.close());
    const proxied = new URL(REDIS_URL);
    proxied.hostname = '127.0.0.1';
    proxied.port = new URL(cut.url).port;
    follower = await startTestApp({ ...fleet, redisUrl: proxied.toString() }, { databaseUrl: t.databaseUrl, adminToken: t.adminToken });
    closers.push(() => follower.close());
  });

  it('the follower is fed by the reader: every transaction once, in order, without reading the outbox itself', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    await t.fund(walletId, '10');
    const tail = follower.app.events.tail;
    await until('the follower to hear the stream', () => !tail.isSelfReading);
    expect(follower.app.fleet!.isReader).toBe(false);
    const subscriber: Subscriber<AddedTransaction> = subscribe(
      follower.url,
      ownerKey,
      TRANSACTION_ADDED,
      { walletId, afterSequence: '1' },
      (d) => d.transactionAdded,
    );
    closers.push(() => subscriber.close());
    const readsBefore = tail.databaseReads;
    const gapReadsBefore = tail.gapReads;
    const selfReadingStartsBefore = tail.selfReadingStarts;
    // Through both processes, several at once.
    await Promise.all(range(1, 30).map((index) => charge(index % 2 === 0 ? reader : follower, ownerKey, walletId)));
    await subscriber.waitFor(30);
    expect(sequencesOf(subscriber.received)).toEqual(range(2, 31));
    // No message was lost. The follower read nothing itself, unless the stream went quiet for the
    // stale time (a loaded machine's pause), when it rightly reads for itself meanwhile.
    expect(tail.gapReads - gapReadsBefore).toBe(0);
    if (tail.selfReadingStarts === selfReadingStartsBefore) expect(tail.databaseReads - readsBefore).toBe(0);
    // Events rebuilt from the stream are the events read from PostgreSQL, field for field.
    const streamed: WalletEvent[] = [];
    const stop = tail.onWalletEvent(walletId, (event) => streamed.push(event));
    closers.push(async () => stop());
    await charge(reader, ownerKey, walletId);
    await until('the follower to get one more event', () => streamed.length === 1);
    const [read] = await readWalletEvents(t.app.orm.em, walletId, 31n, 32n, 1);
    expect(streamed[0]).toEqual(read);
    expect(follower.app.fleet!.counts.received).toBeGreaterThan(0);
  });

  it('alerts reach the follower through the stream, decoded as raised, without its feed reading PostgreSQL', async () => {
    const { accountId, walletId, ownerKey } = await t.createAccount();
    await t.fund(walletId, '10');
    const feed = follower.app.events.alerts;
    await until('the follower to hear the stream', () => !feed.isSelfReading);
    const received: AlertRecord[] = [];
    const unsubscribe = feed.onAlert((alert) => {
      if (alert.accountId === accountId) received.push(alert);
    });
    closers.push(async () => unsubscribe());
    const readsBefore = feed.databaseReads;
    // From 10 to 4: below the default 5 threshold.
    await reader.ok(ownerKey, CHARGE, { input: { walletId, amount: '6' } });
    await until('the low-balance alert on the follower', () => received.some((alert) => alert.kind === 'LOW_BALANCE'));
    const alert = received.find((candidate) => candidate.kind === 'LOW_BALANCE')!;
    const [stored] = await reader.app.events.alerts.source.readAfter(reader.app.orm.em, { afterId: alert.id - 1n, limit: 1 });
    expect(alert).toEqual(stored);
    expect(feed.databaseReads - readsBefore).toBe(0);
  });

  it('with Redis cut the follower reads the outbox itself, and returns to the stream when it is back: nothing lost or repeated', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    await t.fund(walletId, '10');
    const tail = follower.app.events.tail;
    await until('the follower to hear the stream', () => !tail.isSelfReading);
    const subscriber = subscribe(follower.url, ownerKey, TRANSACTION_ADDED, { walletId, afterSequence: '1' }, (d) => d.transactionAdded);
    closers.push(() => subscriber.close());
    for (let index = 0; index < 5; index++) await charge(reader, ownerKey, walletId);
    await subscriber.waitFor(5);

    cut.cut();
    await until('the follower to read the outbox itself', () => tail.isSelfReading);
    const readsBefore = tail.databaseReads;
    for (let index = 0; index < 5; index++) await charge(reader, ownerKey, walletId);
    await subscriber.waitFor(10);
    expect(tail.databaseReads).toBeGreaterThan(readsBefore);

    cut.restore();
    await until('the follower to return to the stream', () => !tail.isSelfReading, 20_000);
    for (let index = 0; index < 5; index++) await charge(reader, ownerKey, walletId);
    await subscriber.waitFor(15);
    expect(sequencesOf(subscriber.received)).toEqual(range(2, 16));
    expect(subscriber.errors).toEqual([]);
    await t.assertLedger();
  });
});
