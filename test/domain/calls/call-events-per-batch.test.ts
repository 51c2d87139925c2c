// Goal: a call batch writes one CALL_UPDATED outbox row per campaign (per account for inbound calls) for its calls
// (Migration20261209120000_call_events_per_batch), and callUpdated and inboundCallUpdated subscribers still get every call's
// change; a lone call keeps its row of its own; the table refuses a malformed list; down() writes the
// batch rows again as one row per call. Method: the real server and PostgreSQL, calls placed and hung up as lists (startCalls,
// endCalls: one batch each, so the grouping is certain), the real graphql-ws client, the outbox read back with SQL.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { Migration20261209120000CallEventsPerBatch } from '../../../server/migrations/Migration20261209120000_call_events_per_batch.js';
import { downSqlOf, upSqlOf } from '../../support/migration-sql.js';
import { subscribe } from '../../support/subscriber.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { until } from '../../support/waiting.js';

let t: TestApp;
let client: pg.Client;
const clock = new ManualClock();
beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false }, { clock });
  client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await t?.close();
});

const CALL_UPDATED = `subscription($campaignId: ID!) { callUpdated(campaignId: $campaignId) { id status version } }`;
const START_CALLS = `mutation($input: StartCallsInput!) { startCalls(input: $input) { results { status call { id status version } } } }`;
const END_CALLS = `mutation($input: EndCallsInput!) { endCalls(input: $input) { results { status call { id status version } } } }`;
const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { id version } } }`;
const START_INBOUND = `mutation($input: StartInboundCallInput!) { startInboundCall(input: $input) { call { id } } }`;
const INBOUND_CALL_UPDATED = `subscription($numberId: ID!) { inboundCallUpdated(numberId: $numberId) { id status version } }`;
const PURCHASE = `mutation($input: PurchaseNumberInput!) { purchaseNumber(input: $input) { phoneNumber { id } } }`;

/** The CALL_UPDATED rows of `campaignId`, oldest first. */
async function callRows(campaignId: string) {
  const { rows } = await client.query<{
    call_id: string | null;
    version: string;
    call_ids: string[] | null;
    call_versions: string[] | null;
  }>(
    `select call_id, version::text, call_ids::text[], call_versions::text[] from outbox_event
      where type = 'CALL_UPDATED' and campaign_id = $1 order by id`,
    [campaignId],
  );
  return rows;
}

/** A campaign on a funded wallet: its id and the owner's key. */
async function campaign(name: string): Promise<{ campaignId: string; ownerKey: string }> {
  const { walletId, ownerKey } = await t.createAccount(name);
  await t.fund(walletId, '100');
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
  return { campaignId: await t.runningCampaign(ownerKey, walletId, ratePlanId), ownerKey };
}

describe('CALL_UPDATED rows per call batch', () => {
  it("writes one row for a batch's calls of a campaign, and the subscriber gets every call's start and end", async () => {
    const { campaignId, ownerKey } = await campaign('Batched call events');
    const feed = subscribe(t.url, ownerKey, CALL_UPDATED, { campaignId }, (d) => d.callUpdated);
    // The feed is registered once its (empty) initial load is done: a lone call started now is seen live.
    const lone = (await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900100' } })).startCall.call;
    await until('the lone call to be seen', () => feed.received.some((c: any) => c.id === lone.id), 10_000, 10);

    const count = 12;
    const started = await t.ok(ownerKey, START_CALLS, {
      input: { calls: Array.from({ length: count }, (_, i) => ({ campaignId, to: `+4477009001${String(i).padStart(2, '0')}` })) },
    });
    const calls: { id: string; version: string }[] = started.startCalls.results.map((r: any) => r.call);
    expect(started.startCalls.results.every((r: any) => r.status === 'STARTED' && r.call.status === 'ACTIVE')).toBe(true);
    const ids = calls.map((call) => call.id);

    // The lone call's row is as before; the list's calls share one row, in id order, each at the version it answered with.
    const afterStart = await callRows(campaignId);
    expect(afterStart).toHaveLength(2);
    expect(afterStart[0]).toEqual({ call_id: lone.id, version: String(lone.version), call_ids: null, call_versions: null });
    const byId = [...calls].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(afterStart[1]).toEqual({
      call_id: null,
      version: byId
        .map((call) => BigInt(call.version))
        .reduce((a, b) => (a > b ? a : b))
        .toString(),
      call_ids: byId.map((call) => call.id),
      call_versions: byId.map((call) => String(call.version)),
    });
    await until(
      'every listed call to be seen ACTIVE',
      () => ids.every((id) => feed.received.some((c: any) => c.id === id && c.status === 'ACTIVE')),
      10_000,
      10,
    );

    clock.advance(5_000);
    const ended = await t.ok(ownerKey, END_CALLS, { input: { calls: [...ids, lone.id].map((callId) => ({ callId })) } });
    expect(ended.endCalls.results.every((r: any) => r.status === 'ENDED' && r.call.status === 'COMPLETED')).toBe(true);
    const afterEnd = await callRows(campaignId);
    expect(afterEnd).toHaveLength(3);
    expect([...afterEnd[2]!.call_ids!].sort()).toEqual([...ids, lone.id].sort());
    await until(
      'every call to be seen COMPLETED',
      () => [...ids, lone.id].every((id) => feed.received.some((c: any) => c.id === id && c.status === 'COMPLETED')),
      10_000,
      10,
    );
    // Each call's states arrive in version order, each once.
    for (const id of [...ids, lone.id]) {
      const versions = feed.received.filter((c: any) => c.id === id).map((c: any) => BigInt(c.version));
      expect(versions).toEqual([...versions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(new Set(versions).size).toBe(versions.length);
    }
    expect(feed.errors).toEqual([]);
    await feed.close();
    await t.assertLedger();
  });

  it("writes one row for a batch's inbound calls of an account, and the number's subscriber gets every call's end", async () => {
    const { walletId, ownerKey } = await t.createAccount('Batched inbound events');
    await t.fund(walletId, '100');
    const plan = await t.ok(t.adminToken, `mutation($input: CreateRatePlanInput!) { createRatePlan(input: $input) { ratePlan { id } } }`, {
      input: {
        name: 'Inbound batches',
        currency: 'USD',
        rates: [
          {
            prefix: '',
            perMinute: '0.6',
            firstIncrementSeconds: 60,
            nextIncrementSeconds: 60,
            numberPurchase: '1',
            numberMonthly: '1',
            inboundPerMinute: '0.6',
          },
        ],
      },
    });
    const ratePlanId: string = plan.createRatePlan.ratePlan.id;
    const number = (await t.ok(ownerKey, PURCHASE, { input: { walletId, ratePlanId, number: '+447700900300' } })).purchaseNumber
      .phoneNumber;
    const feed = subscribe(t.url, ownerKey, INBOUND_CALL_UPDATED, { numberId: number.id }, (d) => d.inboundCallUpdated);
    const first = (await t.ok(ownerKey, START_INBOUND, { input: { numberId: number.id, from: '+12025550100' } })).startInboundCall.call;
    await until('the first inbound call to be seen', () => feed.received.some((c: any) => c.id === first.id), 10_000, 10);
    const ids: string[] = [first.id];
    for (let i = 1; i < 6; i++) {
      ids.push((await t.ok(ownerKey, START_INBOUND, { input: { numberId: number.id, from: `+1202555010${i}` } })).startInboundCall.call.id);
    }
    clock.advance(5_000);
    // One list: one end batch, so one row for the account's inbound calls, listing all six.
    const ended = await t.ok(ownerKey, END_CALLS, { input: { calls: ids.map((callId) => ({ callId })) } });
    expect(ended.endCalls.results.every((r: any) => r.status === 'ENDED')).toBe(true);
    const { rows } = await client.query<{ call_ids: string[] }>(
      `select call_ids::text[] from outbox_event where type = 'CALL_UPDATED' and campaign_id is null and call_ids is not null and account_id = (select account_id from wallet where id = $1)`,
      [walletId],
    );
    expect(rows.map((row) => [...row.call_ids].sort())).toEqual([[...ids].sort()]);
    await until(
      'every inbound call to be seen COMPLETED',
      () => ids.every((id) => feed.received.some((c: any) => c.id === id && c.status === 'COMPLETED')),
      10_000,
      10,
    );
    expect(feed.errors).toEqual([]);
    await feed.close();
    await t.assertLedger();
  });

  it('refuses a row that lists calls unless it is a CALL_UPDATED row of two or more calls with as many versions', async () => {
    const { campaignId } = await campaign('Checked call lists');
    const { rows } = await client.query<{ account_id: string }>('select account_id from campaign where id = $1', [campaignId]);
    const accountId = rows[0]!.account_id;
    const insert = (callId: string | null, callIds: string[] | null, versions: number[] | null) =>
      client.query(
        `insert into outbox_event (type, account_id, campaign_id, call_id, version, call_ids, call_versions)
         values ('CALL_UPDATED', $1, $2, $3, 2, $4, $5)`,
        [accountId, campaignId, callId, callIds, versions],
      );
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    const refused = { code: '23514', constraint: 'outbox_event_call_ids_check' };
    await expect(insert(null, [a], [1])).rejects.toMatchObject(refused);
    await expect(insert(null, [a, b], [1])).rejects.toMatchObject(refused);
    await expect(insert(a, [a, b], [1, 2])).rejects.toMatchObject(refused);
    await expect(insert(null, [a, b], null)).rejects.toMatchObject(refused);
  });

  it('down() writes each listed call as a row of its own and drops the lists; up() adds them again (in a transaction rolled back)', async () => {
    const { campaignId, ownerKey } = await campaign('Taken back');
    const started = await t.ok(ownerKey, START_CALLS, {
      input: { calls: [0, 1, 2].map((i) => ({ campaignId, to: `+44770090020${i}` })) },
    });
    const calls: { id: string; version: string }[] = started.startCalls.results.map((r: any) => r.call);
    const columns = async () =>
      (
        await client.query<{ name: string }>(
          `select attname as name from pg_attribute where attrelid = 'outbox_event'::regclass and attnum > 0 and not attisdropped order by 1`,
        )
      ).rows.map((row) => row.name);
    try {
      await client.query('begin');
      const now = await columns();
      await client.query(downSqlOf(Migration20261209120000CallEventsPerBatch));
      const before = await columns();
      expect(now.filter((name) => !before.includes(name))).toEqual(['call_ids', 'call_versions']);
      const { rows } = await client.query<{ call_id: string; version: string }>(
        `select call_id, version::text from outbox_event where type = 'CALL_UPDATED' and campaign_id = $1 and call_id is not null order by call_id`,
        [campaignId],
      );
      expect(rows).toEqual(
        [...calls].sort((a, b) => (a.id < b.id ? -1 : 1)).map((call) => ({ call_id: call.id, version: String(call.version) })),
      );
      await client.query(upSqlOf(Migration20261209120000CallEventsPerBatch));
      expect(await columns()).toEqual(now);
    } finally {
      await client.query('rollback');
    }
  });
});
