// Goal: the billing clock rewrites an active call's narrow meter row, never its wide call row, with HOT updates
// only (no index touched), and a call's meter row goes away when it ends (hung up or stopped by the clock) with
// its final figures on the call. Method: the real server with its clock stepped by hand (ManualClock), the
// table's counters read from pg_stat_user_tables (flushed by each connection within seconds: waited for).
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../../../server/database/sql.js';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { startCallsOnNewAccount } from '../../support/call-fixtures.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { until } from '../../support/waiting.js';

let t: TestApp;
const clock = new ManualClock();

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false }, { clock });
});
afterAll(async () => {
  await t?.close();
});

const selectTableCounters = sql<{ relname: string; updates: number; hot: number }>(
  `select relname, n_tup_upd::int as updates, n_tup_hot_upd::int as hot from pg_stat_user_tables
    where relname in ('call', 'call_meter')`,
);
const clearStatsSnapshot = sql<never>('select pg_stat_clear_snapshot()');

async function counters(): Promise<{ meter: { updates: number; hot: number }; call: { updates: number; hot: number } }> {
  const em = t.app.orm.em.fork();
  await clearStatsSnapshot.run(em);
  const rows = await selectTableCounters.all(em);
  const of = (name: string) => rows.find((r) => r.relname === name) ?? { updates: 0, hot: 0 };
  return { meter: of('call_meter'), call: of('call') };
}

const selectMeter = sql<{ funded_seconds: number; reserved_micros: string; next_check_at_ms: number }, { callId: string }>(
  `select funded_seconds, reserved_micros::text, (extract(epoch from next_check_at) * 1000)::float8 as next_check_at_ms
     from call_meter where call_id = :callId`,
);
const selectCallRow = sql<
  {
    status: string;
    funded_seconds: number;
    reserved_micros: string;
    billed_seconds: number;
    cost_micros: string;
    next_check_at: string | null;
  },
  { callId: string }
>('select status, funded_seconds, reserved_micros::text, billed_seconds, cost_micros::text, next_check_at from call where id = :callId');

/** Starts `count` calls of a new account's running campaign at 0.60/min 1/1, its wallet funded with `funding`. */
function startCalls(count: number, funding: string): Promise<{ ids: string[]; ownerKey: string }> {
  return startCallsOnNewAccount(t, count, funding, '+4477009');
}

it('extends calls by HOT updates of their meters only: n_tup_hot_upd grows with n_tup_upd, and the call rows are not rewritten', async () => {
  // 60 calls × 20 increments: 1,200 meter updates, many times what the meter's pages hold, so HOT
  // relies on pages being pruned in place.
  const { ids } = await startCalls(60, '1000');
  const before = await counters();
  let extended = 0;
  for (let second = 0; second < 20; second++) {
    clock.advance(1_000);
    extended += (await t.app.spend.billingClock.runDue()).extended;
  }
  expect(extended).toBeGreaterThanOrEqual(60 * 20);
  // Each connection reports its counters when it goes idle (within ~10 s): wait for all the updates.
  await until(
    'the meter updates to be counted',
    async () => (await counters()).meter.updates - before.meter.updates >= extended,
    30_000,
    100,
  );
  const after = await counters();
  expect(after.meter.updates - before.meter.updates).toBe(extended);
  // A version can only be pruned once no open snapshot may still see it. The real clock's passes
  // are a second apart; these run back to back, and on a loaded machine another connection's
  // snapshot (the outbox tail, a consumer) sometimes outlives two of them: 98.3–100 % HOT measured
  // here, and lower under the heaviest load (the full suite beside other work failed 95 %). What the
  // test guards against is far below: an index on a column the clock writes makes it 0 %, and the
  // wide call row was 55 % in the bench; 80 % tells those apart with a margin for the load.
  const updates = after.meter.updates - before.meter.updates;
  expect(after.meter.hot - before.meter.hot).toBeGreaterThanOrEqual(Math.floor(0.8 * updates));
  // The wide call rows were locked, never rewritten, by the clock.
  expect(after.call.updates - before.call.updates).toBe(0);
  const meter = await selectMeter.one(t.app.orm.em.fork(), { callId: ids[0]! });
  expect(meter.funded_seconds).toBeGreaterThanOrEqual(21);
  // 0.01 a second reserved for every funded second.
  expect(BigInt(meter.reserved_micros)).toBe(BigInt(meter.funded_seconds) * 10_000n);
  await t.assertLedger();
});

it("deletes a call's meter when it is hung up, and puts its final figures on the call", async () => {
  const { ids, ownerKey } = await startCalls(1, '10');
  const callId = ids[0]!;
  for (let second = 0; second < 3; second++) {
    clock.advance(1_000);
    await t.app.spend.billingClock.runDue();
  }
  const live = await selectMeter.one(t.app.orm.em.fork(), { callId });
  const fields = 'id status startedAt fundedUntil billedSeconds reserved';
  const during = await t.ok(ownerKey, `query($id: ID!) { call(id: $id) { ${fields} } }`, { id: callId });
  // The API reads an active call's figures from its meter: 0.01 held per funded second.
  expect((Date.parse(during.call.fundedUntil) - Date.parse(during.call.startedAt)) / 1000).toBe(live.funded_seconds);
  expect(during.call.reserved).toBe(String(Number(live.reserved_micros) / 1e6));
  const ended = await t.ok(ownerKey, `mutation($input: EndCallInput!) { endCall(input: $input) { call { ${fields} } } }`, {
    input: { callId },
  });
  expect(ended.endCall.call.status).toBe('COMPLETED');
  expect(await selectMeter.maybeOne(t.app.orm.em.fork(), { callId })).toBeUndefined();
  const row = await selectCallRow.one(t.app.orm.em.fork(), { callId });
  expect(row).toMatchObject({
    status: 'COMPLETED',
    funded_seconds: live.funded_seconds,
    reserved_micros: live.reserved_micros,
    next_check_at: null,
  });
  await t.assertLedger();
});

it('deletes the meter of a call the clock stops when its wallet runs dry, and puts its final figures on the call', async () => {
  // 0.05 funds 5 seconds at 0.60/min.
  const { ids } = await startCalls(1, '0.05');
  const callId = ids[0]!;
  for (let second = 0; second < 8; second++) {
    clock.advance(1_000);
    await t.app.spend.billingClock.runDue();
  }
  expect(await selectMeter.maybeOne(t.app.orm.em.fork(), { callId })).toBeUndefined();
  const row = await selectCallRow.one(t.app.orm.em.fork(), { callId });
  expect(row).toEqual({
    status: 'STOPPED',
    funded_seconds: 5,
    reserved_micros: '50000',
    billed_seconds: 5,
    cost_micros: '50000',
    next_check_at: null,
  });
  await t.assertLedger();
});

it('ends a call with its meter as a clock batch that held the call while endCall waited left it (one more second reserved)', async () => {
  const { ids, ownerKey } = await startCalls(1, '10');
  const callId = ids[0]!;
  // What a clock batch of another process does to the call, on a connection of the test's own: lock the
  // call row, reserve one more second (meter, wallet, campaign), and commit only once endCall waits.
  const clockBatch = new pg.Client({ connectionString: t.databaseUrl });
  await clockBatch.connect();
  try {
    await clockBatch.query('begin');
    await clockBatch.query('select 1 from call where id = $1 for update', [callId]);
    const ending = t.ok(ownerKey, 'mutation($input: EndCallInput!) { endCall(input: $input) { call { status reserved } } }', {
      input: { callId },
    });
    await until('endCall to wait for the call row', async () => {
      const { rows } = await clockBatch.query<{ n: number }>(
        `select count(*)::int as n from pg_locks l join pg_class r on r.oid = l.relation where r.relname = 'call' and not l.granted`,
      );
      const { rows: tuples } = await clockBatch.query<{ n: number }>(
        `select count(*)::int as n from pg_locks where locktype = 'transactionid' and not granted`,
      );
      return rows[0]!.n + tuples[0]!.n > 0;
    });
    await clockBatch.query(
      `update call_meter set funded_seconds = funded_seconds + 1, reserved_micros = reserved_micros + 10000,
              next_check_at = next_check_at + interval '1 second' where call_id = $1`,
      [callId],
    );
    await clockBatch.query(
      'update wallet set reserved_micros = reserved_micros + 10000 where id = (select wallet_id from call where id = $1)',
      [callId],
    );
    await clockBatch.query(
      'update campaign set committed_micros = committed_micros + 10000 where id = (select campaign_id from call where id = $1)',
      [callId],
    );
    await clockBatch.query('commit');
    const ended = await ending;
    expect(ended.endCall.call.status).toBe('COMPLETED');
  } finally {
    await clockBatch.end();
  }
  // The release and the campaign's committed credit must count the second reserved while endCall waited.
  const row = await selectCallRow.one(t.app.orm.em.fork(), { callId });
  expect(row.funded_seconds).toBe(2);
  await t.assertLedger();
});

it('stops after the current batch when the clock is far behind (its calls are due again at once), not once the backlog is gone', async () => {
  // 1,000 s behind: without the stop, this run would take 1,000 batches of this one call.
  await startCalls(1, '100');
  clock.advance(1_000_000);
  const run = t.app.spend.billingClock.runDue();
  await t.app.spend.billingClock.stop();
  const pass = await run;
  // At most one batch: each active call (this one and the first test's) extended at most once.
  const { n } = await sql<{ n: number }>('select count(*)::int as n from call_meter').one(t.app.orm.em.fork());
  expect(pass.extended).toBeLessThanOrEqual(n);
  await t.assertLedger();
});
