// Goal: Migration20261209100000_call_meter_placed_xid gives every call meter the id of the transaction that placed
// it, by default, indexed, and its down() takes exactly that away and up() puts it back. Method: the real server on
// its own PostgreSQL; a meter inserted in a transaction of known id; down() and up() run in a transaction rolled back.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migration20261209100000CallMeterPlacedXid } from '../../server/migrations/Migration20261209100000_call_meter_placed_xid.js';
import { downSqlOf, upSqlOf } from '../support/migration-sql.js';
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

/** call_meter's columns with their types, and its indexes' definitions. */
async function meterShape(): Promise<{ columns: string[]; indexes: string[] }> {
  const columns = await client.query<{ column: string }>(
    `select attname || ' ' || format_type(atttypid, atttypmod) as column from pg_attribute
      where attrelid = 'call_meter'::regclass and attnum > 0 and not attisdropped order by attnum`,
  );
  const indexes = await client.query<{ definition: string }>(
    `select pg_get_indexdef(indexrelid) as definition from pg_index where indrelid = 'call_meter'::regclass order by 1`,
  );
  return { columns: columns.rows.map((row) => row.column), indexes: indexes.rows.map((row) => row.definition) };
}

describe('Migration20261209100000_call_meter_placed_xid', () => {
  it("stamps a started call's meter with the id of the transaction that started it", async () => {
    const { walletId, ownerKey } = await t.createAccount();
    await t.fund(walletId, '10');
    const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '1', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
    const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
    const started = await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900001' } });
    const callId: string = started.startCall.call.id;
    // The meter's placed_xid is the transaction that inserted it: the same as its row version's xmin (never updated
    // since), in the xid8 form.
    const { rows } = await client.query<{ same: boolean }>(
      `select placed_xid::text::bigint % 4294967296 = xmin::text::bigint as same from call_meter where call_id = $1`,
      [callId],
    );
    expect(rows).toEqual([{ same: true }]);
  });

  it('down() drops the column and its index, and up() puts them back (in a transaction rolled back)', async () => {
    try {
      await client.query('begin');
      const now = await meterShape();
      expect(now.columns).toContain('placed_xid xid8');
      expect(now.indexes).toContain('CREATE INDEX call_meter_placed_xid_idx ON public.call_meter USING btree (placed_xid)');
      await client.query(downSqlOf(Migration20261209100000CallMeterPlacedXid));
      const before = await meterShape();
      expect(before.columns).toEqual(now.columns.filter((column) => column !== 'placed_xid xid8'));
      expect(before.indexes).toEqual(now.indexes.filter((index) => !index.includes('call_meter_placed_xid_idx')));
      await client.query(upSqlOf(Migration20261209100000CallMeterPlacedXid));
      expect(await meterShape()).toEqual(now);
    } finally {
      await client.query('rollback');
    }
  });
});
