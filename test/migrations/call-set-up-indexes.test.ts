// Goal: a call's start and end write its row and its outbox rows into only the indexes some query
// reads (Migration20261208130000_call_set_up_indexes), and the call's idempotency key still makes
// concurrent starts one call. Method: the real server over HTTP on its own PostgreSQL; calls started
// and ended through the API; each index of `call` and `outbox_event` the rows are in is found by
// evaluating the index's predicate on them (a non-HOT write enters a row in exactly those indexes).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../server/database/sql.js';
import { Migration20261208130000CallSetUpIndexes } from '../../server/migrations/Migration20261208130000_call_set_up_indexes.js';
import { downSqlOf, upSqlOf } from '../support/migration-sql.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false });
});
afterAll(async () => {
  await t?.close();
});

const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { id status } } }`;
const END_CALL = `mutation($input: EndCallInput!) { endCall(input: $input) { call { id status } } }`;

const selectIndexes = sql<{ name: string; predicate: string | null }, { table: string }>(
  `select i.indexrelid::regclass::text as name, pg_get_expr(i.indpred, i.indrelid) as predicate
     from pg_index i where i.indrelid = :table::regclass order by 1`,
);

/** The indexes of `table` that hold at least one of its rows matching `where` (an SQL condition on `$1`): their names, sorted. */
async function indexesHolding(table: 'call' | 'outbox_event', where: string, value: string): Promise<string[]> {
  const em = t.app.orm.em.fork();
  const holding: string[] = [];
  for (const index of await selectIndexes.all(em, { table })) {
    const rows = await em
      .getConnection()
      .execute<{ n: number }[]>(`select count(*)::int as n from ${table} where (${where}) and (${index.predicate ?? 'true'})`, [value]);
    if (rows[0]!.n > 0) holding.push(index.name);
  }
  return holding;
}

describe('Migration20261208130000_call_set_up_indexes', () => {
  it("enters a keyless call's row and its outbox rows in the indexes a query reads, and no other", async () => {
    const { walletId, ownerKey } = await t.createAccount('Indexed calls');
    await t.fund(walletId, '10');
    const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '1', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
    const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);

    const started = await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900001' } });
    const callId: string = started.startCall.call.id;
    expect(started.startCall.call.status).toBe('ACTIVE');
    // Before: also call_active_idx and the (campaign_id, idempotency_key) constraint's index.
    expect(await indexesHolding('call', 'id = ?', callId)).toEqual(['call_campaign_idx', 'call_pkey', 'call_wallet_active_idx']);
    // Before: also outbox_event_campaign_idx and outbox_event_wallet_idx (wallet_id null).
    expect(await indexesHolding('outbox_event', 'call_id = ?', callId)).toEqual(['outbox_event_pkey', 'outbox_event_position_idx']);

    expect((await t.ok(ownerKey, END_CALL, { input: { callId } })).endCall.call.status).toBe('COMPLETED');
    // The ended row's new version (a non-HOT update): before, also the idempotency constraint's index.
    expect(await indexesHolding('call', 'id = ?', callId)).toEqual([
      'call_campaign_ended_idx',
      'call_campaign_idx',
      'call_pkey',
      'call_transaction_idx',
      'call_wallet_ended_idx',
    ]);
    expect(await indexesHolding('outbox_event', 'call_id = ?', callId)).toEqual(['outbox_event_pkey', 'outbox_event_position_idx']);
    // The wallet's events (the cost posted) are still in the wallet index its readers use.
    expect(await indexesHolding('outbox_event', 'wallet_id = ?', walletId)).toContain('outbox_event_wallet_idx');
    await t.assertLedger();
  });

  it('keeps a key unique per campaign: concurrent starts with one key are one call, and the key is in its index', async () => {
    const { walletId, ownerKey } = await t.createAccount('Keyed calls');
    await t.fund(walletId, '10');
    const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '1', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
    const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);

    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900002', idempotencyKey: 'one-key' } }),
      ),
    );
    const ids = new Set(answers.map((answer) => answer.startCall.call.id as string));
    expect(ids.size).toBe(1);
    const [callId] = [...ids];
    expect(await indexesHolding('call', 'id = ?', callId!)).toContain('call_campaign_id_idempotency_key_key');
    // The index refuses a second row with the key, under the name the services match a duplicate by.
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    await expect(
      client.query(
        `insert into call (id, account_id, direction, campaign_id, wallet_id, to_number, status, rate_prefix, per_minute_micros,
             first_increment_seconds, next_increment_seconds, connect_fee_micros, started_at, ended_at, end_reason, idempotency_key)
           select gen_random_uuid(), account_id, direction, campaign_id, wallet_id, to_number, 'REFUSED', rate_prefix, per_minute_micros,
             first_increment_seconds, next_increment_seconds, connect_fee_micros, started_at, started_at, 'INSUFFICIENT_FUNDS', idempotency_key
             from call where id = $1`,
        [callId],
      ),
    ).rejects.toMatchObject({ code: '23505', constraint: 'call_campaign_id_idempotency_key_key' });
    await client.end();
  });

  it('down() puts the four indexes back as they were, and up() takes them out again (in a transaction rolled back)', async () => {
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    const definitions = async () =>
      (
        await client.query<{ definition: string }>(
          `select pg_get_indexdef(i.indexrelid) as definition from pg_index i
            where i.indrelid in ('call'::regclass, 'outbox_event'::regclass) order by 1`,
        )
      ).rows.map((row) => row.definition);
    try {
      await client.query('begin');
      const now = await definitions();
      await client.query(downSqlOf(Migration20261208130000CallSetUpIndexes));
      const before = await definitions();
      expect(before.filter((definition) => !now.includes(definition))).toEqual(
        [
          "CREATE INDEX call_active_idx ON public.call USING btree (id) WHERE (status = 'ACTIVE'::text)",
          'CREATE INDEX outbox_event_campaign_idx ON public.outbox_event USING btree (campaign_id, id) WHERE (campaign_id IS NOT NULL)',
          'CREATE INDEX outbox_event_wallet_idx ON public.outbox_event USING btree (wallet_id, wallet_sequence)',
          'CREATE UNIQUE INDEX call_campaign_id_idempotency_key_key ON public.call USING btree (campaign_id, idempotency_key)',
        ].sort(),
      );
      const constraint = await client.query(
        `select 1 from pg_constraint where conname = 'call_campaign_id_idempotency_key_key' and contype = 'u'`,
      );
      expect(constraint.rowCount).toBe(1);
      await client.query(upSqlOf(Migration20261208130000CallSetUpIndexes));
      expect(await definitions()).toEqual(now);
    } finally {
      await client.query('rollback');
      await client.end();
    }
  });
});
