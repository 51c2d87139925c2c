// Goal: the server rides out PostgreSQL restarts (fast and immediate shutdown) and the loss of its LISTEN connection without a restart of its own: requests meanwhile answer a retryable SERVICE_UNAVAILABLE (HTTP 503) within a bound, never hang; after, the pool, the LISTEN wake-ups, the outbox tail and its subscribers, the alert consumer and the billing clock carry on; every acknowledged charge is there once, every subscriber saw every event once and in order, and the ledger verifies. Method: the real server on an embedded PostgreSQL of this file's own, stopped with SIGINT (fast) or SIGQUIT (immediate) and started again on the same files; clients that retry with their idempotency keys; the real graphql-ws client; pg_terminate_backend of the LISTEN connection.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDatabase } from '../../server/database/database.js';
import { startEmbeddedPostgres, type EmbeddedDatabase, type PostgresShutdownMode } from '../../server/database/embedded-postgres.js';
import { ALERTS_CONSUMER } from '../../server/domain/alerts/raise-alerts.service.js';
import { CHARGE, startRetryingCharges } from '../support/retrying-charges.js';
import { subscribe, TRANSACTION_ADDED, type AddedTransaction } from '../support/subscriber.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { until } from '../support/waiting.js';

const DEADLINE_MS = 4_000;
const POLL_INTERVAL_MS = 1_000;

let folder: string;
let cluster: EmbeddedDatabase;
let t: TestApp;
beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'spendwire-restart-pg-'));
  cluster = await startEmbeddedPostgres({
    dataDir: path.join(folder, 'data'),
    port: 0,
    persistent: false,
    // fsync off costs nothing here (the machine does not crash, only PostgreSQL), but commits stay
    // synchronous: with synchronous_commit off an immediate shutdown loses commits already
    // acknowledged and seen, and the transaction ids after recovery go back below what readers saw.
    settings: { fsync: 'off' },
  });
  await ensureDatabase(cluster.serverUrl, 'spendwire');
  t = await startTestApp(
    { operationDeadlineMs: DEADLINE_MS, outboxPollIntervalMs: POLL_INTERVAL_MS, databaseConnectTimeoutMs: 2_000 },
    { databaseUrl: cluster.urlFor('spendwire') },
  );
});
afterAll(async () => {
  await t?.close();
  await cluster?.stop();
  await fs.rm(folder, { recursive: true, force: true });
});

/** Runs one statement on a connection of the test's own (outside the server's pool). */
async function query<Row extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: cluster.urlFor('spendwire') });
  client.on('error', () => {});
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** The wallet sequences of `received`, as numbers. */
const sequencesOf = (received: AddedTransaction[]) => received.map((transaction) => Number(transaction.sequence));

/** Whether the LISTEN connection of the server is connected and listening, and its backend pid. */
async function listenBackend(): Promise<number | undefined> {
  const rows = await query<{ pid: number }>(
    `select pid from pg_stat_activity where application_name = 'spendwire wake signal (spendwire_outbox)' and datname = 'spendwire'`,
  );
  return rows[0]?.pid;
}

describe.each(['fast', 'immediate'] as PostgresShutdownMode[])('PostgreSQL restarted (%s shutdown) under load', (mode) => {
  it('answers SERVICE_UNAVAILABLE (503, retryable) while it is down, then everything carries on: no charge lost or doubled, every event once and in order, the ledger clean', async () => {
    const CHARGES = 30; // The balance check below assumes 30.
    const { walletId, ownerKey, accountId } = await t.createAccount(`Restart ${mode}`);
    await t.fund(walletId, '100');
    const subscriber = subscribe<AddedTransaction>(
      t.url,
      ownerKey,
      TRANSACTION_ADDED,
      { walletId, afterSequence: '0' },
      (data) => data.transactionAdded,
    );
    // The billing clock meters a call on another wallet of the account across the restart.
    const callWallet = await t.createAccount(`Restart ${mode} calls`);
    await t.fund(callWallet.walletId, '100');
    const ratePlanId = await t.createRatePlan([{ prefix: '44', perMinute: '0.60', firstIncrementSeconds: 1, nextIncrementSeconds: 1 }]);
    const campaignId = await t.runningCampaign(callWallet.ownerKey, callWallet.walletId, ratePlanId);
    const call = (
      await t.ok(callWallet.ownerKey, `mutation($input: StartCallInput!) { startCall(input: $input) { call { id status } } }`, {
        input: { campaignId, to: '+447700900123' },
      })
    ).startCall.call;
    expect(call.status).toBe('ACTIVE');
    const billedSeconds = async () =>
      (await t.ok(callWallet.ownerKey, `query($id: ID!) { call(id: $id) { billedSeconds } }`, { id: call.id })).call
        .billedSeconds as number;
    await subscriber.waitFor(1);

    const loop = startRetryingCharges(t, ownerKey, walletId, CHARGES, `${mode}-${accountId}`);
    await until('some charges before the restart', () => loop.acknowledged >= 5);
    const listenBefore = await listenBackend();
    expect(listenBefore).toBeDefined();
    const stoppedAtMs = performance.now();
    await cluster.stopServer(mode);
    try {
      await until('requests to meet the stopped database', () => loop.failed.length >= 3, 20_000);
    } finally {
      await cluster.startServer();
    }
    const restartedAtMs = performance.now();
    const acknowledgedAtRestart = loop.acknowledged;
    await until('a charge acknowledged after the restart', () => loop.acknowledged > acknowledgedAtRestart, 20_000);
    const recoveryMs = performance.now() - restartedAtMs;
    await loop.done;
    console.log(
      `${mode} restart: PostgreSQL down ${(restartedAtMs - stoppedAtMs).toFixed(0)} ms, ${loop.failed.length} failed attempts ` +
        `${JSON.stringify([...new Set(loop.failed.map((attempt) => `${attempt.status} ${attempt.code}`))])}, longest answer ` +
        `${Math.max(...loop.failed.map((attempt) => attempt.answeredMs)).toFixed(0)} ms; next charge acknowledged ${recoveryMs.toFixed(0)} ms after PostgreSQL was back`,
    );
    expect(loop.acknowledged).toBe(CHARGES);

    // While it was down: every answer was a retryable SERVICE_UNAVAILABLE with HTTP 503, within the deadline.
    expect(loop.failed.length).toBeGreaterThanOrEqual(3);
    for (const attempt of loop.failed) {
      expect(attempt).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', retryable: true });
      expect(attempt.answeredMs).toBeLessThan(DEADLINE_MS + 1_000);
    }

    // Every event once, in order: the funding, then each charge.
    const received = await subscriber.waitFor(1 + CHARGES, 30_000);
    expect(sequencesOf(received)).toEqual(Array.from({ length: 1 + CHARGES }, (_, index) => index + 1));
    expect(subscriber.errors).toEqual([]);
    const wallet = (await t.ok(ownerKey, `query($id: ID!) { wallet(id: $id) { balance } }`, { id: walletId })).wallet;
    // 100 − 30 × 0.01: each acknowledged charge applied once.
    expect(wallet.balance).toBe('99.7');

    // The LISTEN connection is back (a new backend), the alert consumer reads on, the clock bills on.
    await until('the LISTEN connection to be back', async () => {
      const pid = await listenBackend();
      return pid !== undefined && pid !== listenBefore;
    });
    const [head] = await query<{ tx_id: string; id: string }>(
      'select tx_id::text, id::text from outbox_event order by tx_id desc, id desc limit 1',
    );
    await until(
      'the alert consumer to read past the restart',
      async () =>
        (
          await query<{ caught: boolean }>(
            `select (tx_id, event_id) >= ($2::xid8, $3::bigint) as caught from outbox_consumer where name = $1`,
            [ALERTS_CONSUMER, head!.tx_id, head!.id],
          )
        )[0]?.caught === true,
    );
    const billedAfterRestart = await billedSeconds();
    await until('the billing clock to bill the call on', async () => (await billedSeconds()) > billedAfterRestart, 20_000);
    await t.ok(callWallet.ownerKey, `mutation($input: EndCallInput!) { endCall(input: $input) { call { status } } }`, {
      input: { callId: call.id },
    });
    await subscriber.close();
    await t.assertLedger();
  });
});

describe('the LISTEN connection alone dropped', () => {
  it('loses no event and delivers each within the poll interval; the connection comes back', async () => {
    const { walletId, ownerKey, accountId } = await t.createAccount('Listen dropped');
    await t.fund(walletId, '10');
    const subscriber = subscribe<AddedTransaction>(
      t.url,
      ownerKey,
      TRANSACTION_ADDED,
      { walletId, afterSequence: '0' },
      (data) => data.transactionAdded,
    );
    await subscriber.waitFor(1);
    const pid = await listenBackend();
    expect(pid).toBeDefined();
    await query('select pg_terminate_backend($1)', [pid]);
    const latenciesMs: number[] = [];
    for (let index = 0; index < 5; index++) {
      const committedMs = performance.now();
      await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '0.01', idempotencyKey: `listen-${accountId}-${index}` } });
      await subscriber.waitFor(2 + index, 10_000);
      latenciesMs.push(performance.now() - committedMs);
    }
    expect(sequencesOf(subscriber.received)).toEqual([1, 2, 3, 4, 5, 6]);
    // Late at most by the poll interval (plus the machine's own delay), never lost.
    for (const latencyMs of latenciesMs) expect(latencyMs).toBeLessThan(POLL_INTERVAL_MS + 1_500);
    await until('the LISTEN connection to be back', async () => {
      const now = await listenBackend();
      return now !== undefined && now !== pid;
    });
    await subscriber.close();
    await t.assertLedger();
  });
});
