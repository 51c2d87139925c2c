// Goal: one statement that changes many wallets writes one WALLET_UPDATED outbox event per wallet whose reserved
// credit or status changed, none for a wallet it changed otherwise, in wallet id order, in its own transaction
// (Migration20261208140000_wallet_updated_per_statement: one insert per statement instead of one per wallet).
// Method: the real server's PostgreSQL; three funded wallets updated by one statement in a transaction on a client
// of the test's own, the outbox read before and after its commit and after a rollback.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let client: pg.Client;
beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false });
  client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await t?.close();
});

/** The WALLET_UPDATED events of `walletIds` in outbox order: their wallets. */
async function walletEvents(walletIds: string[]): Promise<string[]> {
  const { rows } = await client.query<{ wallet_id: string }>(
    `select wallet_id from outbox_event where type = 'WALLET_UPDATED' and wallet_id = any($1::uuid[]) order by id`,
    [walletIds],
  );
  return rows.map((row) => row.wallet_id);
}

/** One statement over three wallets: reserves 1 micro on the first two, touches only updated_at on the third. */
const UPDATE = `update wallet w set reserved_micros = w.reserved_micros + u.delta, updated_at = now()
                  from unnest($1::uuid[], $2::bigint[]) as u(id, delta) where w.id = u.id`;

it('writes one WALLET_UPDATED event per wallet whose reserved credit changed, in wallet id order, with the statement', async () => {
  const wallets: string[] = [];
  for (let i = 0; i < 3; i++) {
    const { walletId } = await t.createAccount(`per statement ${i}`);
    await t.fund(walletId, '1');
    wallets.push(walletId);
  }
  const before = await walletEvents(wallets);
  // The reserving wallets listed out of id order: the events come in id order all the same.
  const reserving = [...wallets.slice(0, 2)].sort().reverse();
  const untouched = wallets[2]!;

  await client.query('begin');
  await client.query(UPDATE, [
    [...reserving, untouched],
    ['1', '1', '0'],
  ]);
  await client.query('rollback');
  expect(await walletEvents(wallets)).toEqual(before);

  await client.query('begin');
  await client.query(UPDATE, [
    [...reserving, untouched],
    ['1', '1', '0'],
  ]);
  await client.query('commit');
  expect(await walletEvents(wallets)).toEqual([...before, ...[...reserving].sort()]);

  // A statement that changes no wallet's reserved credit or status writes no event.
  await client.query(UPDATE, [wallets, ['0', '0', '0']]);
  expect(await walletEvents(wallets)).toEqual([...before, ...[...reserving].sort()]);
  // Give the micros back, so the books balance.
  await client.query(UPDATE, [reserving, ['-1', '-1']]);
  await t.assertLedger();
});
