// Goal: a network between the server and PostgreSQL that stalls for seconds (no reset, just silence) bounds every wait: requests answer a retryable 503 within the deadline, the pool is not held for good, and after the stall everything carries on: every acknowledged charge is there once, the subscriber sees every event once and in order, the ledger verifies. Method: the real server connected to the tests' PostgreSQL through a loopback TCP proxy (test/support/network-cut.ts) that stops passing bytes on demand, a client retrying charges with idempotency keys, the real graphql-ws client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionGovernorOf } from '../../server/database/operation-budget.js';
import { createTestDatabase } from '../support/database.js';
import { startNetworkCut, type NetworkCut } from '../support/network-cut.js';
import { startRetryingCharges } from '../support/retrying-charges.js';
import { subscribe, TRANSACTION_ADDED, type AddedTransaction } from '../support/subscriber.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { until } from '../support/waiting.js';

const DEADLINE_MS = 3_000;
const STALL_MS = 5_000;

let proxy: NetworkCut;
let t: TestApp;
beforeAll(async () => {
  const databaseUrl = new URL(await createTestDatabase());
  proxy = await startNetworkCut(`http://127.0.0.1:${databaseUrl.port}`);
  databaseUrl.port = new URL(proxy.url).port;
  t = await startTestApp(
    {
      operationDeadlineMs: DEADLINE_MS,
      databaseStatementTimeoutMs: 1_000,
      databaseQueryTimeoutMs: 2_000,
      databaseConnectTimeoutMs: 1_000,
      databasePoolAcquireTimeoutMs: 2_000,
      // Every request looks its key up, so requests meet the stall from their first statement.
      apiKeyCacheTtlMs: 0,
    },
    { databaseUrl: databaseUrl.toString().replace('localhost', '127.0.0.1') },
  );
});
afterAll(async () => {
  proxy?.unstall();
  await t?.close();
  await proxy?.close();
});

describe(`a network stall of ${STALL_MS / 1_000} s between the server and PostgreSQL`, () => {
  it('answers 503 retryable within the deadline while it lasts; after it, no charge lost or doubled, every event once and in order, the pool free, the ledger clean', async () => {
    const CHARGES = 20; // The balance check below assumes 20.
    const { walletId, ownerKey, accountId } = await t.createAccount('Stall');
    await t.fund(walletId, '10');
    const subscriber = subscribe<AddedTransaction>(
      t.url,
      ownerKey,
      TRANSACTION_ADDED,
      { walletId, afterSequence: '0' },
      (data) => data.transactionAdded,
    );
    await subscriber.waitFor(1);
    const charges = startRetryingCharges(t, ownerKey, walletId, CHARGES, `stall-${accountId}`);
    const { failed } = charges;
    await until('some charges before the stall', () => charges.acknowledged >= 3);
    proxy.stall();
    const stalledAtMs = performance.now();
    try {
      await until('requests to meet the stall', () => failed.length >= 2, 20_000);
      // The stall lasts its time whatever the requests do meanwhile.
      await until('the stall to last its time', () => performance.now() - stalledAtMs >= STALL_MS, STALL_MS + 5_000, 50);
    } finally {
      proxy.unstall();
    }
    await charges.done;
    expect(charges.acknowledged).toBe(CHARGES);
    const codes = Object.fromEntries(
      [...new Set(failed.map((attempt) => attempt.code))].map((code) => [code, failed.filter((attempt) => attempt.code === code).length]),
    );
    console.log(
      `stall of ${STALL_MS} ms: ${failed.length} failed attempts ${JSON.stringify(codes)}, longest answer ${Math.max(...failed.map((attempt) => attempt.answeredMs)).toFixed(0)} ms; the last charge acknowledged ${(performance.now() - stalledAtMs - STALL_MS).toFixed(0)} ms after the stall`,
    );
    for (const attempt of failed) {
      expect(attempt.status).toBe(503);
      expect(['SERVICE_UNAVAILABLE', 'OPERATION_TIMEOUT']).toContain(attempt.code);
      expect(attempt.retryable).toBe(true);
      expect(attempt.answeredMs).toBeLessThan(DEADLINE_MS + 1_000);
    }
    const received = await subscriber.waitFor(1 + CHARGES, 30_000);
    expect(received.map((transaction) => Number(transaction.sequence))).toEqual(
      Array.from({ length: 1 + CHARGES }, (_, index) => index + 1),
    );
    const wallet = (await t.ok(ownerKey, `query($id: ID!) { wallet(id: $id) { balance } }`, { id: walletId })).wallet;
    // 10 − 20 × 0.01: each acknowledged charge applied once, retried ones included.
    expect(wallet.balance).toBe('9.8');
    // The pool was not held for good: no request holds or waits for a connection any more.
    const governor = connectionGovernorOf(t.app.orm.em.getConnection().getKnex().client)!;
    await until(
      'requests to let go of every connection',
      () => governor.requestConnectionsHeld === 0 && governor.requestConnectionsWaiting === 0,
    );
    await subscriber.close();
    await t.assertLedger();
  });
});
