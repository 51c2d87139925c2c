// Goal: the billing clock's batch as it is now cut for cost (issue 18 item 4): a pass takes the calls due within
// `billingClockLookAheadMs` (at the boundary and not a millisecond past it), still stops a call short of funds no
// earlier than its funded end (not within the look-ahead before it), reads only the columns it decides on yet hands a
// stopped call's whole row to its event and cost posting, posts the costs of the calls a batch stops together, and
// keeps the books clean against endCall running at the same time. Method: the real server with its clock stepped by
// hand (ManualClock), the calls' rows read back from PostgreSQL, and verifyLedger at the end of each test.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.js';
import { sql } from '../../../server/database/sql.js';
import { claimDueCalls } from '../../../server/domain/calls/call-meter.queries.js';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { startCallsOnNewAccount } from '../../support/call-fixtures.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
const clock = new ManualClock();
const LOOK_AHEAD_MS = loadConfig({}).billingClockLookAheadMs;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false }, { clock });
});
afterAll(async () => {
  await t?.close();
});

const selectCall = sql<
  {
    status: string;
    end_reason: string | null;
    funded_seconds: number;
    billed_seconds: number;
    cost_micros: string;
    started_at_ms: number;
    ended_at_ms: number | null;
    version: string;
    transaction_id: string | null;
    meter_funded_seconds: number | null;
  },
  { callId: string }
>(
  `select c.status, c.end_reason, c.funded_seconds, c.billed_seconds, c.cost_micros::text,
          (extract(epoch from c.started_at) * 1000)::float8 as started_at_ms, (extract(epoch from c.ended_at) * 1000)::float8 as ended_at_ms,
          c.version::text, c.transaction_id, m.funded_seconds as meter_funded_seconds
     from call c left join call_meter m on m.call_id = c.id where c.id = :callId`,
);

/** Starts `count` calls of a new account's running campaign at 0.60/min 1/1, its wallet funded with `funding`. */
function startCalls(count: number, funding: string): Promise<{ ids: string[]; ownerKey: string }> {
  return startCallsOnNewAccount(t, count, funding, '+4477008');
}

/** Moves the manual clock to `atMs` (forward only) and runs one pass. */
async function passAt(atMs: number): Promise<void> {
  clock.advance(atMs - clock.now());
  await t.app.spend.billingClock.runDue();
}

it('takes a call due exactly billingClockLookAheadMs after the pass, and not one due a millisecond later', async () => {
  expect(LOOK_AHEAD_MS).toBeGreaterThan(0);
  clock.advance(10_000);
  const { ids } = await startCalls(1, '10');
  const callId = ids[0]!;
  // A 1/1 call is due at its start (its first second funded, the lead capped at the increment): the pass extends it to 2 s.
  await passAt(clock.now());
  const started = await selectCall.one(t.app.orm.em.fork(), { callId });
  expect(started.meter_funded_seconds).toBe(2);
  // Due next at start + 1 s: a pass LOOK_AHEAD_MS + 1 before leaves it, a pass LOOK_AHEAD_MS before takes it.
  const dueMs = started.started_at_ms + 1_000;
  await passAt(dueMs - LOOK_AHEAD_MS - 1);
  expect((await selectCall.one(t.app.orm.em.fork(), { callId })).meter_funded_seconds).toBe(2);
  await passAt(dueMs - LOOK_AHEAD_MS);
  expect((await selectCall.one(t.app.orm.em.fork(), { callId })).meter_funded_seconds).toBe(3);
  await t.assertLedger();
});

it('stops a call short of funds at the first pass at or after the end of its funded time, not within the look-ahead before it', async () => {
  clock.advance(10_000);
  // 0.01 funds the first second only: the next increment cannot be had.
  const { ids } = await startCalls(1, '0.01');
  const callId = ids[0]!;
  await passAt(clock.now());
  const started = await selectCall.one(t.app.orm.em.fork(), { callId });
  expect(started).toMatchObject({ status: 'ACTIVE', meter_funded_seconds: 1 });
  const fundedUntilMs = started.started_at_ms + 1_000;
  // Short now, and tried once more at the end of its funded second: money may come back until then, so a pass
  // a millisecond before that end leaves it running even though the end is within its look-ahead.
  await passAt(fundedUntilMs - LOOK_AHEAD_MS);
  await passAt(fundedUntilMs - 1);
  expect((await selectCall.one(t.app.orm.em.fork(), { callId })).status).toBe('ACTIVE');
  await passAt(fundedUntilMs);
  const stopped = await selectCall.one(t.app.orm.em.fork(), { callId });
  expect(stopped).toMatchObject({
    status: 'STOPPED',
    end_reason: 'INSUFFICIENT_FUNDS',
    funded_seconds: 1,
    billed_seconds: 1,
    cost_micros: '10000',
    ended_at_ms: fundedUntilMs,
    meter_funded_seconds: null,
  });
  await t.assertLedger();
});

it("claims only the columns a batch decides on, and gives a stopped call's event and cost posting its whole row", async () => {
  // The claim reads none of the call's other columns (to_number, idempotency key, version, …).
  for (const column of ['to_number', 'idempotency_key', 'c.version', 'rate_prefix', 'from_number', 'created_at', 'transaction_id']) {
    expect(claimDueCalls.text).not.toContain(column);
  }
  clock.advance(10_000);
  // 0.03 funds 3 seconds: the clock extends twice, then stops the call and posts its cost.
  const { ids } = await startCalls(1, '0.03');
  const callId = ids[0]!;
  for (let step = 0; step < 6; step++) await passAt(clock.now() + 500);
  const row = await selectCall.one(t.app.orm.em.fork(), { callId });
  expect(row).toMatchObject({ status: 'STOPPED', end_reason: 'INSUFFICIENT_FUNDS', billed_seconds: 3, cost_micros: '30000' });
  // Posted from the row the stop returned: its ledger transaction is recorded on the call.
  expect(row.transaction_id).not.toBeNull();
  const event = await sql<{ version: string }, { callId: string }>(
    `select version::text from outbox_event where type = 'CALL_UPDATED' and call_id = :callId order by id desc limit 1`,
  ).one(t.app.orm.em.fork(), { callId });
  expect(event.version).toBe(row.version);
  await t.assertLedger();
});

it('keeps the books clean when endCall hangs calls up while clock passes extend and stop them', async () => {
  clock.advance(10_000);
  // 40 calls of one wallet funded for about 4 seconds each at most: the clock extends, runs short and stops some
  // while endCall ends the others, each taking the call's meter lock the other waits for.
  const { ids, ownerKey } = await startCalls(40, '1.6');
  await passAt(clock.now());
  const end = (callId: string) =>
    t.ok(ownerKey, 'mutation($input: EndCallInput!) { endCall(input: $input) { call { status } } }', { input: { callId } });
  for (let round = 0; round < 6; round++) {
    clock.advance(700);
    const hangUps = ids.slice(round * 5, round * 5 + 5);
    const [pass, ...ended] = await Promise.all([t.app.spend.billingClock.runDue(), ...hangUps.map(end)]);
    expect(pass.processed).toBeGreaterThanOrEqual(0);
    for (const result of ended) expect(['COMPLETED', 'STOPPED']).toContain(result.endCall.call.status);
  }
  for (let step = 0; step < 8; step++) await passAt(clock.now() + 1_000);
  const calls = await Promise.all(ids.map((callId) => selectCall.one(t.app.orm.em.fork(), { callId })));
  // Every call ended, once, with no meter left; the hung-up ones as COMPLETED, the rest stopped by the clock.
  for (const call of calls) {
    expect(call.status).not.toBe('ACTIVE');
    expect(call.meter_funded_seconds).toBeNull();
    expect(call.billed_seconds).toBeLessThanOrEqual(call.funded_seconds);
  }
  expect(calls.filter((call) => call.status === 'COMPLETED').length).toBeGreaterThan(0);
  expect(calls.filter((call) => call.status === 'STOPPED').length).toBeGreaterThan(0);
  await t.assertLedger();
});

it('posts the costs of the calls one batch stops together: one statement records their transactions, not one per call', async () => {
  clock.advance(10_000);
  const { ids } = await startCalls(30, '10');
  await passAt(clock.now());
  // Five seconds without a pass: every grant lapsed, and the next pass ends all 30 calls where the switch hung them up.
  clock.advance(5_000);
  const originalQuery = pg.Client.prototype.query;
  const sent: string[] = [];
  pg.Client.prototype.query = function recordingQuery(this: pg.Client, ...args: unknown[]) {
    const [config] = args;
    sent.push(typeof config === 'string' ? config : String((config as { text?: string })?.text ?? ''));
    return (originalQuery as (...all: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
  try {
    await t.app.spend.billingClock.runDue();
  } finally {
    pg.Client.prototype.query = originalQuery;
  }
  const calls = await Promise.all(ids.map((callId) => selectCall.one(t.app.orm.em.fork(), { callId })));
  for (const call of calls) {
    expect(call).toMatchObject({ status: 'COMPLETED', end_reason: 'HANGUP', billed_seconds: 2 });
    expect(call.transaction_id).not.toBeNull();
  }
  const recordings = sent.filter((text) => /^update call c? ?set transaction_id/.test(text.trim()));
  expect(recordings).toHaveLength(1);
  await t.assertLedger();
});
