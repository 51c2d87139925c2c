// Goal: the WALLET_UPDATED outbox rows are written once per statement
// (Migration20261210090000_wallet_updated_per_statement): one per wallet whose reserved credit or
// status the statement changed, none for a balance or any other column, in the writer's
// transaction, as the per-row trigger wrote them; but none for a wallet the statement also posted on
// (its last_sequence moved), whose WALLET_TRANSACTION row stands for the change. Method: the real
// server's database; statements run in transactions that are rolled back, under the new trigger and
// under the old one (the migration's down(), in the same kind of transaction), and a call started
// and ended through the API (a live walletUpdated subscriber seeing the release is
// test/graphql/calls/campaign-subscriptions.test.ts).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migration20261210090000WalletUpdatedPerStatement } from '../../server/migrations/Migration20261210090000_wallet_updated_per_statement.js';
import { downSqlOf } from '../support/migration-sql.js';
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

const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { id status } } }`;
const END_CALL = `mutation($input: EndCallInput!) { endCall(input: $input) { call { id status } } }`;

/** The outbox rows the current transaction wrote so far: type and wallet, in write order. */
async function eventsOfThisTransaction(): Promise<{ type: string; wallet_id: string | null }[]> {
  const { rows } = await client.query<{ type: string; wallet_id: string | null }>(
    'select type, wallet_id from outbox_event where tx_id = pg_current_xact_id() order by id',
  );
  return rows;
}

/**
 * Runs, in one transaction that is rolled back (after `setUp`, e.g. the old trigger): one statement
 * reserving credit on `reserve`, suspending `suspend`, changing only the balance and `updated_at`
 * of `balanceOnly`, and changing the reserved credit of `posted` with its balance and last_sequence
 * moved as a posting moves them; then one that touches `updated_at` of all of them. The outbox rows of each.
 */
async function statementsEvents(
  wallets: { reserve: string[]; suspend: string; balanceOnly: string; posted: string },
  setUp = '',
): Promise<{ changing: { type: string; wallet_id: string | null }[]; touching: { type: string; wallet_id: string | null }[] }> {
  await client.query('begin');
  try {
    if (setUp) await client.query(setUp);
    const all = [...wallets.reserve, wallets.suspend, wallets.balanceOnly, wallets.posted];
    await client.query(
      `update wallet set
         reserved_micros = reserved_micros + case when id = any($1::uuid[]) or id = $5::uuid then 1000 else 0 end,
         status = case when id = $2::uuid then 'SUSPENDED' else status end,
         suspended_at = case when id = $2::uuid then now() else suspended_at end,
         balance_micros = balance_micros + case when id = $3::uuid or id = $5::uuid then 1 else 0 end,
         last_sequence = last_sequence + case when id = $5::uuid then 1 else 0 end,
         updated_at = now()
       where id = any($4::uuid[])`,
      [wallets.reserve, wallets.suspend, wallets.balanceOnly, all, wallets.posted],
    );
    const changing = await eventsOfThisTransaction();
    await client.query('update wallet set updated_at = now() where id = any($1::uuid[])', [all]);
    const touching = (await eventsOfThisTransaction()).slice(changing.length);
    return { changing, touching };
  } finally {
    await client.query('rollback');
  }
}

describe('Migration20261210090000_wallet_updated_per_statement', () => {
  it('writes one WALLET_UPDATED row per wallet whose reserved credit or status changed, in wallet id order, and none for the rest', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { walletId } = await t.createAccount(`Per statement ${i}`);
      await t.fund(walletId, '10');
      ids.push(walletId);
    }
    const wallets = { reserve: ids.slice(0, 3), suspend: ids[3]!, balanceOnly: ids[4]!, posted: ids[5]! };
    // The posted wallet's own row is its posting's WALLET_TRANSACTION (not written by this bare UPDATE).
    const { changing, touching } = await statementsEvents(wallets);
    const changed = [...wallets.reserve, wallets.suspend].sort();
    expect(changing).toEqual(changed.map((walletId) => ({ type: 'WALLET_UPDATED', wallet_id: walletId })));
    expect(touching).toEqual([]);

    // The per-row trigger (the migration's down(), rolled back with the rest) wrote the same rows,
    // and one more for the posted wallet.
    const before = await statementsEvents(wallets, downSqlOf(Migration20261210090000WalletUpdatedPerStatement));
    const byWallet = (rows: { wallet_id: string | null }[]) => rows.map((row) => row.wallet_id).sort();
    expect(byWallet(before.changing)).toEqual([...changed, wallets.posted].sort());
    expect(before.touching).toEqual([]);
    // Both transactions were rolled back: the trigger in place is the statement's, and nothing changed.
    const { rows } = await client.query<{ action_orientation: string }>(
      `select action_orientation from information_schema.triggers where event_object_table = 'wallet' and trigger_name = 'wallet_updated'`,
    );
    expect(rows.map((row) => row.action_orientation)).toEqual(['STATEMENT']);
    const reserved = await client.query<{ reserved: string }>(
      'select sum(reserved_micros)::text as reserved from wallet where id = any($1::uuid[])',
      [ids],
    );
    expect(reserved.rows[0]!.reserved).toBe('0');
    await t.assertLedger();
  });

  it("writes a call's reservation as WALLET_UPDATED, and its end (cost posted, reservation released) as the posting's row alone", async () => {
    const { walletId, ownerKey } = await t.createAccount('Per statement calls');
    await t.fund(walletId, '10');
    const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '1', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
    const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);

    const eventsOfCallTransaction = async (callId: string, version: number) => {
      const { rows } = await client.query<{ type: string; wallet_id: string | null }>(
        `select e.type, e.wallet_id from outbox_event e
          where e.tx_id = (select c.tx_id from outbox_event c where c.call_id = $1 and c.version = $2)
            and e.type in ('WALLET_UPDATED', 'WALLET_TRANSACTION')
          order by e.type`,
        [callId, version],
      );
      return rows;
    };
    const callId: string = (await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900001' } })).startCall.call.id;
    expect(await eventsOfCallTransaction(callId, 1)).toEqual([{ type: 'WALLET_UPDATED', wallet_id: walletId }]);
    expect((await t.ok(ownerKey, END_CALL, { input: { callId } })).endCall.call.status).toBe('COMPLETED');
    expect(await eventsOfCallTransaction(callId, 2)).toEqual([{ type: 'WALLET_TRANSACTION', wallet_id: walletId }]);
    const { rows } = await client.query<{ reserved_micros: string }>('select reserved_micros::text from wallet where id = $1', [walletId]);
    expect(rows[0]!.reserved_micros).toBe('0');
    await t.assertLedger();
  });
});
