// Goal: a reader of the outbox never skips an event, even from a transaction that started first and
// committed last, and a subscriber that falls behind is cut off rather than buffered without end.
// Method: a real outbox tail on the test database, woken by hand, with one ledger transaction held open
// on its own connection while others commit.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { OutboxTail } from '../../server/events/outbox-tail.js';
import type { WakeSignal } from '../../server/events/wake-signal.js';
import type { WalletEvent } from '../../server/events/wallet-event.js';
import { WalletHubs } from '../../server/events/wallet-hub.js';
import { openWalletStream, SubscriberOverflowError } from '../../server/events/wallet-stream.js';
import { POST_WALLET_TRANSACTION } from '../../server/domain/wallets/post-wallet-transaction.js';
import { selectConsumerBatch, selectHeldBack, selectOutboxHead } from '../../server/domain/outbox/outbox.queries.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { until } from '../support/waiting.js';
import { randomUUID } from 'node:crypto';
import { runSql, runSqlTransaction } from '../support/sql.js';

/** A wake signal that never fires: the test decides when the tail reads. */
const SILENT: WakeSignal = { publish() {}, subscribe: () => () => {}, close: async () => {} };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function startTail(): Promise<OutboxTail> {
  return OutboxTail.start({ em: t.app.orm.em, signal: SILENT, batchSize: 500, pollIntervalMs: 3_600_000 });
}

/** Starts a charge of `walletId` inside an open transaction on its own connection; commit or roll back later. */
async function openCharge(walletId: string): Promise<{ commit(): Promise<void>; client: pg.Client }> {
  const client = new pg.Client({ connectionString: t.app.orm.config.get('clientUrl') });
  await client.connect();
  await client.query('begin');
  const { rowCount } = await client.query(POST_WALLET_TRANSACTION.text, [
    randomUUID(),
    walletId,
    null,
    '-10000',
    '10000000000000000',
    'CHARGE',
    'REVENUE',
    'held open',
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
  return {
    client,
    async commit() {
      await client.query('commit');
      await client.end();
    },
  };
}

describe('outbox order', () => {
  it('delivers a transaction that started first but committed last, and holds back the ones behind it until then', async () => {
    const [x, y] = await Promise.all([t.createAccount('X'), t.createAccount('Y')]);
    await Promise.all([t.fund(x.walletId, '10'), t.fund(y.walletId, '10')]);
    const tail = await startTail();
    const seen: string[] = [];
    const stops = [x, y].map((w) =>
      tail.onWalletEvent(w.walletId, (event) => seen.push(`${event.walletId === x.walletId ? 'x' : 'y'}${event.sequence}`)),
    );
    try {
      const early = await openCharge(x.walletId); // takes its transaction id (and outbox row id) first
      await t.ok(y.ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
        input: { walletId: y.walletId, amount: '1' },
      });
      await tail.caughtUp();
      // y's charge committed, but an older transaction is still running: it must wait behind it.
      expect(seen).toEqual([]);

      await early.commit();
      // Both now, in commit-independent id order; y2 may wait a moment longer when a background
      // transaction of this database (the billing clock's claim, a consumer) began before its
      // commit and still runs: the tail holds rows back behind any running transaction, by design.
      await expect.poll(() => [...seen], { timeout: 5_000, interval: 5 }).toEqual(['x2', 'y2']);

      // A naive reader resuming after the highest id it had would skip the late commit: ids are not commit order.
      const rows = await runSql<{ wallet_id: string; id: string }>(
        t.app.orm.em.fork(),
        `select wallet_id, id::text from outbox_event where wallet_id in ($1, $2) and wallet_sequence = 2 order by id`,
        [x.walletId, y.walletId],
      );
      expect(rows.map((row) => row.wallet_id)).toEqual([x.walletId, y.walletId]);
    } finally {
      for (const stop of stops) stop();
      await tail.stop();
    }
  });

  it('reads rows held back by a transaction that writes no outbox row soon after it ends, with no wake-up', async () => {
    const y = await t.createAccount('Held back');
    await t.fund(y.walletId, '10');
    const tail = await startTail(); // silent signal, hourly poll: only its own held-back check can read again
    const seen: bigint[] = [];
    const stop = tail.onWalletEvent(y.walletId, (event) => seen.push(event.sequence));
    // A job's transaction: it takes a transaction id first and never writes to the outbox.
    const job = new pg.Client({ connectionString: t.app.orm.config.get('clientUrl') });
    await job.connect();
    try {
      await job.query('begin');
      await job.query('select pg_current_xact_id()');
      await t.ok(y.ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
        input: { walletId: y.walletId, amount: '1' },
      });
      await tail.caughtUp();
      // The tail may start below the funding (sequence 1) when another transaction was open at that
      // moment, and then delivers it: only the charge, held back behind the job, must wait.
      expect(seen).not.toContain(2n);
      const endedAt = Date.now();
      await job.query('commit');
      await expect.poll(() => seen.filter((sequence) => sequence === 2n), { timeout: 5_000, interval: 5 }).toEqual([2n]);
      // Delivered by the held-back check (within its doubling waits), not by the hourly poll.
      expect(Date.now() - endedAt).toBeLessThan(3_000);
    } finally {
      await job.end();
      stop();
      await tail.stop();
    }
  });

  it('the held-back check answers without visiting the rows of transactions still running: 5,000 of them cost it a few index pages, in its generic plan too', async () => {
    const y = await t.createAccount('Held-back check');
    await t.fund(y.walletId, '1');
    const head = await selectOutboxHead.one(t.app.orm.em.fork());
    const position = { txId: head.tx_id, id: head.id };
    // A batch still running with 5,000 outbox rows beyond the position (as a start batch of 1,000 calls has thousands).
    const batch = new pg.Client({ connectionString: t.app.orm.config.get('clientUrl') });
    await batch.connect();
    try {
      await batch.query('begin');
      await batch.query(
        `insert into outbox_event (type, account_id, campaign_id, version)
         select 'CAMPAIGN_UPDATED', $1, gen_random_uuid(), 1 from generate_series(1, 5000)`,
        [y.accountId],
      );
      // Nothing a read would return yet, and a transaction is running (the tail looks again later).
      const checked = await selectHeldBack.one(t.app.orm.em.fork(), position);
      expect(checked).toEqual({ held: false, running: true });
      // The prepared statement's generic plan (what the server runs after five executions), explained.
      const explained = await runSqlTransaction(t.app.orm.em.fork(), async (query) => {
        await query('set local plan_cache_mode = force_generic_plan');
        await query(`prepare held_back_probe(xid8, bigint) as ${selectHeldBack.text}`);
        const [row] = await query<{ 'QUERY PLAN': [{ Plan: { 'Shared Hit Blocks': number; 'Shared Read Blocks': number } }] }>(
          `explain (analyze, buffers, format json) execute held_back_probe('${position.txId}', ${position.id})`,
        );
        await query('deallocate held_back_probe');
        return row!['QUERY PLAN'][0].Plan;
      });
      // As EXISTS, the generic plan scanned the whole table, the 5,000 uncommitted rows' pages included (80+ pages).
      expect(explained['Shared Hit Blocks'] + explained['Shared Read Blocks']).toBeLessThan(30);
      await batch.query('commit');
      expect((await selectHeldBack.one(t.app.orm.em.fork(), position)).held).toBe(true);
    } finally {
      await batch.end();
    }
  });

  it('a transaction of ANOTHER database on the same PostgreSQL server holds back neither the tail, a consumer nor the head', async () => {
    // A migration or a bulk load in a sibling database (the test suite's, or another application's
    // on a shared server) takes a transaction id and keeps it; it can write no row of this outbox.
    const y = await t.createAccount('Other database');
    await t.fund(y.walletId, '10');
    const tail = await startTail();
    const seen: bigint[] = [];
    const stop = tail.onWalletEvent(y.walletId, (event) => seen.push(event.sequence));
    const elsewhere = new pg.Client({ connectionString: inject('postgresServerUrl') });
    await elsewhere.connect();
    try {
      await elsewhere.query('begin');
      await elsewhere.query('select pg_current_xact_id()');
      const charged = await t.ok(y.ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
        input: { walletId: y.walletId, amount: '1' },
      });
      const transactionId: string = charged.charge.transaction.id;
      // Read while the other database's transaction is still open (this database's own background
      // work may hold the horizon for a moment: poll, with the other transaction open throughout).
      await expect
        .poll(
          async () => {
            await tail.caughtUp();
            return seen.filter((sequence) => sequence === 2n);
          },
          { timeout: 10_000, interval: 20 },
        )
        .toEqual([2n]);
      const em = t.app.orm.em.fork();
      const batch = await selectConsumerBatch.all(em, { txId: '0', eventId: '0', limit: 1_000_000 });
      const row = batch.find((candidate) => candidate.transaction_id === transactionId);
      expect(row).toBeDefined();
      const head = await selectOutboxHead.one(em);
      expect(BigInt(head.tx_id)).toBeGreaterThanOrEqual(BigInt(row!.tx_id));
      // The other database's transaction was open (with its id) all along.
      expect((await elsewhere.query('select pg_current_xact_id_if_assigned() is not null as open')).rows[0].open).toBe(true);
    } finally {
      await elsewhere.query('rollback').catch(() => {});
      await elsewhere.end();
      stop();
      await tail.stop();
    }
  });

  it('a reader started while a transaction is open still gets that transaction when it commits', async () => {
    const x = await t.createAccount('X2');
    await t.fund(x.walletId, '10');
    const early = await openCharge(x.walletId);
    const tail = await startTail(); // its head is below the open transaction
    const seen: bigint[] = [];
    const stop = tail.onWalletEvent(x.walletId, (event) => seen.push(event.sequence));
    try {
      await early.commit();
      await tail.caughtUp();
      expect(seen).toEqual([2n]);
    } finally {
      stop();
      await tail.stop();
    }
  });
});

describe('a subscriber that falls behind', () => {
  async function burst(queueMax: number, charges: number): Promise<{ delivered: WalletEvent[]; error: unknown }> {
    const w = await t.createAccount('Burst');
    await t.fund(w.walletId, '100');
    const tail = await startTail();
    const hubs = new WalletHubs({ em: t.app.orm.em, tail, batchSize: 500 });
    let started = false;
    const stream = openWalletStream({
      em: t.app.orm.em,
      hubs,
      walletId: w.walletId,
      afterSequence: null,
      queueMax,
      replayBatchSize: 500,
      onStarted: () => (started = true),
    });
    const handed: WalletEvent[] = [];
    const stopCounting = hubs.subscribe(w.walletId, (event) => handed.push(event));
    try {
      // Once the stream and the hub know the wallet's starting sequence, commit a burst the tail will read in one batch.
      await until('the stream knows where it starts', () => started);
      await hubs.settled(w.walletId);
      for (let i = 0; i < charges; i++) {
        await t.ok(w.ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
          input: { walletId: w.walletId, amount: '1' },
        });
      }
      await tail.caughtUp();
      // The hub hands events on asynchronously after the tail's read: wait until it has handed all of
      // them (to this listener, and so, in the same call, to the stream registered before it).
      await expect.poll(() => handed.length).toBe(charges);
      const delivered: WalletEvent[] = [];
      let error: unknown;
      try {
        while (delivered.length < charges) delivered.push((await stream.next()).value as WalletEvent);
      } catch (caught) {
        error = caught;
      }
      return { delivered, error };
    } finally {
      stopCounting();
      await stream.return?.();
      await tail.stop();
    }
  }

  it('holds up to queueMax live events for a consumer that is not reading', async () => {
    const { delivered, error } = await burst(5, 5);
    expect(error).toBeUndefined();
    expect(delivered.map((event) => event.sequence)).toEqual([2n, 3n, 4n, 5n, 6n]);
  });

  it('fails the stream with SubscriberOverflowError at queueMax + 1', async () => {
    const { delivered, error } = await burst(5, 6);
    expect(error).toBeInstanceOf(SubscriberOverflowError);
    expect(delivered).toEqual([]);
  });
});
