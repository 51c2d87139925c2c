// Goal: the queries that lock a wallet to move its money let writers take turns but never make a foreign-key check of a row referencing the wallet wait (FOR NO KEY UPDATE, not FOR UPDATE): the chaos storm met deadlock cycles between call starts, the billing clock and number purchases through such waits. Method: the real server's queries on its own PostgreSQL; one transaction holds each lock while a second session, with a 1 s lock_timeout, takes the foreign key's lock (which must not wait) and a writer's lock (which must).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transaction, type SqlTransaction } from '../../../server/database/sql.js';
import { lockStartWallets } from '../../../server/domain/calls/call-batches.queries.js';
import { lockBatchWallets } from '../../../server/domain/calls/calls.queries.js';
import { lockWalletCredit, lockWallets, lockWalletsCredit } from '../../../server/domain/messaging/messaging.queries.js';
import { lockRefundWallet } from '../../../server/domain/payments/refunds.queries.js';
import { lockAccountWallets } from '../../../server/domain/spend-caps/spend-caps.queries.js';
import { lockWalletForFee, lockWalletForRenewal } from '../../../server/domain/subscriptions/subscriptions.queries.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
let other: pg.Client;
let walletId: string;
let accountId: string;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false, lifecycleEnabled: false });
  ({ walletId, accountId } = await t.createAccount('Locks'));
  other = new pg.Client({ connectionString: t.databaseUrl });
  await other.connect();
  await other.query("set lock_timeout = '1s'");
});
afterAll(async () => {
  await other?.end();
  await t?.close();
});

const LOCKS: [string, (tx: SqlTransaction) => Promise<unknown>][] = [
  ['lockStartWallets (call starts)', (tx) => lockStartWallets.all(tx, { walletIds: [walletId] })],
  ['lockBatchWallets (billing clock)', (tx) => lockBatchWallets.all(tx, { walletIds: [walletId] })],
  ['lockWalletCredit (messages)', (tx) => lockWalletCredit.one(tx, { walletId })],
  ['lockWallets (messages)', (tx) => lockWallets.all(tx, { walletIds: [walletId] })],
  ['lockWalletsCredit (message holds)', (tx) => lockWalletsCredit.all(tx, { walletIds: [walletId] })],
  ['lockRefundWallet (refunds)', (tx) => lockRefundWallet.one(tx, { walletId })],
  ['lockWalletForFee (plans)', (tx) => lockWalletForFee.one(tx, { walletId, accountScope: null })],
  ['lockWalletForRenewal (plans)', (tx) => lockWalletForRenewal.one(tx, { walletId })],
  ['lockAccountWallets (spend caps)', (tx) => lockAccountWallets.all(tx, { accountId })],
];

/** What `statement` did in the other session, in its own transaction, while the lock is held. */
async function whileHeld(lock: (tx: SqlTransaction) => Promise<unknown>, statement: string): Promise<'done' | string> {
  return transaction(t.app.orm.em.fork(), async (tx) => {
    await lock(tx);
    await other.query('begin');
    try {
      await other.query(statement, [walletId]);
      return 'done';
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    } finally {
      await other.query('rollback');
    }
  });
}

describe('wallet locks', () => {
  it.each(LOCKS)('%s: a foreign-key check on the wallet does not wait; another writer does', async (_name, lock) => {
    expect(await whileHeld(lock, 'select 1 from wallet where id = $1 for key share')).toBe('done');
    // 55P03: lock_not_available (the 1 s lock_timeout ran out): writers still take turns.
    expect(await whileHeld(lock, 'select 1 from wallet where id = $1 for no key update')).toBe('55P03');
  });
});
