// Goal: a posting statement writes one outbox row per wallet and run of postings that leave the same reserved
// credit, so that the state after EACH transaction (balance, reserved) read back from the outbox is exact, also
// where postings in the statement release holds or a reserved value comes back after a change. Method: the
// in-order posting statement (recordUsage's path) on a wallet with credit reserved, on the real PostgreSQL; the
// outbox rows, the wallet replay (resume path) and the live tail's read compared with the state after each posting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectTailRowsAfter } from '../../../server/domain/outbox/outbox.queries.js';
import { reserveCredit } from '../../../server/domain/wallets/credit.js';
import { parseMoney } from '../../../server/domain/wallets/money.js';
import {
  postWalletTransactionsInOrder,
  type PostWalletTransactionOptions,
} from '../../../server/domain/wallets/post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from '../../../server/domain/wallets/transaction-enums.js';
import { verifyLedger } from '../../../server/domain/wallets/verify-ledger.js';
import { readWalletEvents } from '../../../server/events/wallet-hub.js';
import { toWalletEvent } from '../../../server/events/wallet-event.js';
import { runSql } from '../../support/sql.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** A debit of `amount` that releases `release` of the wallet's reserved credit (negative: reserves more). */
function debit(walletId: string, amount: string, release: string): PostWalletTransactionOptions {
  return {
    walletId,
    accountScope: null,
    deltaMicros: -parseMoney(amount),
    kind: TransactionKind.CHARGE,
    counterparty: PlatformAccountCode.REVENUE,
    description: `debit ${amount}, release ${release}`,
    campaignId: null,
    actor: 'test',
    idempotencyKey: null,
    operation: 'charge',
    walletBalanceMicrosMax: t.config.walletBalanceMicrosMax,
    reservedReleaseMicros: release.startsWith('-') ? -parseMoney(release.slice(1)) : parseMoney(release),
  };
}

describe('outbox runs of a posting statement', () => {
  it('split where the reserved credit changes, so every transaction reads back its own balance and reserved credit', async () => {
    const { walletId } = await t.createAccount('Runs of holds');
    await t.fund(walletId, '20'); // sequence 1
    await reserveCredit(t.app.orm.em.fork(), { walletId, amountMicros: parseMoney('3') });

    // Reserved after each: 3, 2, 2, 3, 3, 0 (the fourth reserves 1 again: the same value as the first
    // run's, after a different one, so it must start a new run), balance 19, 18.5, 18, 17.5, 17, 16.
    const outcomes = await postWalletTransactionsInOrder(t.app.orm.em.fork(), t.app.postings, [
      debit(walletId, '1', '0'),
      debit(walletId, '0.5', '1'),
      debit(walletId, '0.5', '0'),
      debit(walletId, '0.5', '-1'),
      debit(walletId, '0.5', '0'),
      debit(walletId, '1', '3'),
    ]);
    expect(outcomes.map((outcome) => outcome.posted?.transaction.sequence)).toEqual([2n, 3n, 4n, 5n, 6n, 7n]);

    const rows = await runSql(
      t.app.orm.em.fork(),
      `select wallet_sequence::text as sequence, transaction_count, balance_micros::text as balance, reserved_micros::text as reserved
         from outbox_event where type = 'WALLET_TRANSACTION' and wallet_id = $1 order by wallet_sequence`,
      [walletId],
    );
    expect(rows.map((row) => [row.sequence, row.transaction_count, row.balance, row.reserved])).toEqual([
      ['1', 1, '20000000', '0'],
      ['2', 1, '19000000', '3000000'],
      ['4', 2, '18000000', '2000000'],
      ['6', 2, '17000000', '3000000'],
      ['7', 1, '16000000', '0'],
    ]);

    const expected = [
      [1n, 20_000_000n, 0n],
      [2n, 19_000_000n, 3_000_000n],
      [3n, 18_500_000n, 2_000_000n],
      [4n, 18_000_000n, 2_000_000n],
      [5n, 17_500_000n, 3_000_000n],
      [6n, 17_000_000n, 3_000_000n],
      [7n, 16_000_000n, 0n],
    ];
    // The replay (a subscription resuming, a hub filling a gap), from the start and from inside a run.
    const replayed = await readWalletEvents(t.app.orm.em.fork(), walletId, 0n, null, 100);
    expect(replayed.map((event) => [event.sequence, event.balanceMicros, event.reservedMicros])).toEqual(expected);
    const fromInside = await readWalletEvents(t.app.orm.em.fork(), walletId, 4n, 6n, 100);
    expect(fromInside.map((event) => [event.sequence, event.balanceMicros, event.reservedMicros])).toEqual(expected.slice(4, 6));

    // The live tail's read: each row expanded into its transactions, in order, each once, at its row's position.
    const tailRows = (
      await selectTailRowsAfter.all(t.app.orm.em.fork(), { txId: '0', id: '0', limit: 1_000, expandAll: true, walletIds: [] })
    ).filter((row) => row.event_type === 'WALLET_TRANSACTION' && row.wallet_id === walletId);
    expect(tailRows.map(toWalletEvent).map((event) => [event.sequence, event.balanceMicros, event.reservedMicros])).toEqual(expected);
    expect(tailRows.map((row) => row.id)).toEqual(replayed.map((event) => event.transaction.id));
    expect(new Set(tailRows.slice(2, 4).map((row) => row.event_id)).size).toBe(1);

    // Every invariant but the two that tie reserved credit to calls and messages (reserved here directly).
    const violations = (await verifyLedger(t.app.orm.em.fork())).filter(
      (violation) =>
        !violation.invariant.startsWith("each wallet's reserved credit is what its active calls") &&
        !violation.invariant.startsWith('every SMS posting charges one delivered or received message'),
    );
    expect(violations).toEqual([]);
  });

  it('a read never splits a run: its limit counts transactions as well as rows, and a row comes whole or not at all', async () => {
    const { walletId, ownerKey } = await t.createAccount('Runs and limits');
    await t.fund(walletId, '10');
    const usage = (count: number) => Array.from({ length: count }, () => ({ walletId, amount: '0.1' }));
    for (const count of [5, 3]) {
      await t.ok(ownerKey, 'mutation($input: RecordUsageInput!) { recordUsage(input: $input) { postedCount } }', {
        input: { events: usage(count) },
      });
    }
    const [funding] = await runSql(
      t.app.orm.em.fork(),
      `select tx_id::text as tx_id, id::text as id from outbox_event where wallet_id = $1 and wallet_sequence = 1`,
      [walletId],
    );
    // After the funding row: the run of 5 (2..6), then the run of 3 (7..9). A row comes while the rows
    // before it stand for fewer transactions than the limit: a limit of 2 still takes the first run
    // whole and stops there, so does 5; 6 takes the next run too.
    const read = async (limit: number) =>
      (await selectTailRowsAfter.all(t.app.orm.em.fork(), { txId: funding!.tx_id, id: funding!.id, limit, expandAll: true, walletIds: [] }))
        .filter((row) => row.wallet_id === walletId)
        .map((row) => row.event_wallet_sequence);
    expect(await read(2)).toEqual(['2', '3', '4', '5', '6']);
    expect(await read(5)).toEqual(['2', '3', '4', '5', '6']);
    expect(await read(6)).toEqual(['2', '3', '4', '5', '6', '7', '8', '9']);
  });
});
