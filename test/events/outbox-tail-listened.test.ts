// Goal: the live tail reads back the transactions of the wallets listened to in its process only (up
// to `listenedWalletsMax` wallets; one more and it reads every transaction), yet every listener hears
// every transaction once, in order: also when a read ends with rows read without their transactions
// (a run longer than the batch), and when a wallet is first listened to while a read is running.
// Method: a real tail on the test database, woken by hand (its wake signal never fires, its poll is an
// hour); charges and recordUsage statements through the API; the tail's count of transactions read.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import type { WalletEvent } from '../../server/events/wallet-event.js';
import { compareOutboxPositions, OutboxTail } from '../../server/events/outbox-tail.js';
import type { WakeSignal } from '../../server/events/wake-signal.js';
import { runSql } from '../support/sql.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A wake signal that never fires: the test decides when the tail reads. */
const SILENT: WakeSignal = { publish() {}, subscribe: () => () => {}, close: async () => {} };

const CHARGE = 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }';
const RECORD_USAGE = `mutation($input: RecordUsageInput!) { recordUsage(input: $input) { postedCount } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

it('is 256 wallets by default', () => {
  expect(loadConfig({}).outboxTailListenedWalletsMax).toBe(256);
});

it('reads back the transactions of listened wallets only, up to the limit; every listener hears each of its own once', async () => {
  const wallets = await Promise.all(['A', 'B', 'C', 'D'].map((name) => t.createAccount(`Listened ${name}`)));
  for (const wallet of wallets) await t.fund(wallet.walletId, '100');
  const [a, b, c, d] = wallets as [(typeof wallets)[number], (typeof wallets)[number], (typeof wallets)[number], (typeof wallets)[number]];
  // A batch of 3 transactions: a run of 5 is read alone, and must not look like the end of the outbox.
  const tail = await OutboxTail.start({ em: t.app.orm.em, signal: SILENT, batchSize: 3, pollIntervalMs: 3_600_000, listenedWalletsMax: 2 });
  const heard = new Map<string, bigint[]>();
  const listen = (walletId: string) =>
    tail.onWalletEvent(walletId, (event: WalletEvent) => heard.set(walletId, [...(heard.get(walletId) ?? []), event.sequence]));
  const charge = (wallet: { walletId: string; ownerKey: string }) =>
    t.ok(wallet.ownerKey, CHARGE, { input: { walletId: wallet.walletId, amount: '1' } });
  // caughtUp() reads only below the oldest transaction of this database still running: a job of
  // the test app running at that moment holds the last charge back. So read until the tail is past
  // the last outbox row committed (a condition, not a wait that could end early).
  const readThroughCommitted = async (reading = tail.caughtUp()) => {
    const [last] = await runSql<{ txId: string; id: string }>(
      t.app.orm.em.fork(),
      'select tx_id::text as "txId", id::text as id from outbox_event order by tx_id desc, id desc limit 1',
    );
    await reading;
    while (compareOutboxPositions(tail.readPosition, last!) < 0) await tail.caughtUp();
  };
  const stops = [listen(a.walletId), listen(b.walletId)];
  try {
    await readThroughCommitted();

    // 2 wallets listened (the limit): C's rows come without their transactions.
    const before = tail.transactionRowsRead;
    const events = Array.from({ length: 5 }, (_, index) => ({ walletId: c.walletId, amount: '1', description: `c${index}` }));
    expect((await t.ok(c.ownerKey, RECORD_USAGE, { input: { events } })).recordUsage.postedCount).toBe(5);
    await charge(a);
    await charge(b);
    await charge(c);
    await readThroughCommitted();
    expect(heard.get(a.walletId)).toEqual([2n]);
    expect(heard.get(b.walletId)).toEqual([2n]);
    expect(tail.transactionRowsRead - before).toBe(2);

    // A wallet first listened to while a read runs (its list already sent) still hears that read's rows
    // (when a running job held the charge back from that read, a later read lists the wallet anyway).
    await charge(c);
    const reading = tail.caughtUp();
    stops.push(listen(c.walletId));
    await readThroughCommitted(reading);
    expect(heard.get(c.walletId)).toEqual([8n]);

    // 3 wallets listened (one past the limit): every transaction is read back, unlistened D's too.
    const past = tail.transactionRowsRead;
    await charge(d);
    await readThroughCommitted();
    expect(tail.transactionRowsRead - past).toBe(1);
    expect(heard.get(d.walletId)).toBeUndefined();
  } finally {
    for (const stop of stops) stop();
    await tail.stop();
  }
  await t.assertLedger();
});
