// Goal: a billing clock that comes back late (a stall, a backlog) extends the calls it can still save
// before it ends the calls whose grant ran out meanwhile, although those were due first: ended first,
// in due order, a backlog's lapsed calls took the time the others needed, and after a 1.2 s stall at
// 25,000 calls every call lapsed in turn (`BENCH_CLOCK_STALL_MS`, bench/billing-clock.ts). A lapsed
// call still ends where the switch hung it up, billed to its grant, in the same pass.
// Method: the real server with its clock stepped by hand (ManualClock); the order of the batches is
// read from PostgreSQL (the transaction id that wrote the saved call's meter against the one that
// wrote the lapsed call's end event; one batch writes both under one id); verifyLedger at the end of each test.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.js';
import { endCall } from '../../../server/domain/calls/call.service.js';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { newCallCampaign } from '../../support/call-fixtures.js';
import { runSql } from '../../support/sql.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
const clock = new ManualClock();
/** Lapsed calls ended per batch here: small, so that the boundary is cheap to cross. */
const LAPSED_BATCH_SIZE = 2;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false, billingClockLapsedBatchSize: LAPSED_BATCH_SIZE }, { clock });
});
afterAll(async () => {
  await t?.close();
});

/** A new account's campaign (see newCallCampaign); `hangUpAll()` ends its calls still active, so that the next test's passes meet none. */
async function campaign(numberPrefix: string, funding = '10'): Promise<{ start(): Promise<string>; hangUpAll(): Promise<void> }> {
  const calls = await newCallCampaign(t, funding, numberPrefix);
  return {
    start: () => calls.start(),
    hangUpAll: async () => {
      for (const callId of calls.ids) await endCall(t.app.orm.em.fork(), t.app.spend.callDeps, { principal: calls.principal, callId });
    },
  };
}

interface CallState {
  status: string;
  end_reason: string | null;
  billed_seconds: number;
  funded_seconds: number;
  meter_funded_seconds: number | null;
  /** The transaction that last wrote the call's meter, and the one that ended it (its CALL_UPDATED event's); as numbers. */
  meter_xid: number | null;
  end_xid: number | null;
}

async function readCall(callId: string): Promise<CallState> {
  const [row] = await runSql<CallState>(
    t.app.orm.em.fork(),
    `select c.status, c.end_reason, c.billed_seconds, c.funded_seconds, m.funded_seconds as meter_funded_seconds,
            m.xmin::text::bigint::float8 as meter_xid,
            (select max(e.tx_id::text::bigint)::float8 from outbox_event e
              where e.type = 'CALL_UPDATED' and e.call_id = c.id and c.status <> 'ACTIVE') as end_xid
       from call c left join call_meter m on m.call_id = c.id where c.id = $1`,
    [callId],
  );
  return row!;
}

it('ends a call whose grant it extended and saw run out only after extending a call due after it', async () => {
  clock.advance(10_000);
  const { start, hangUpAll } = await campaign('+4477011');
  // A starts now: its first pass extends it to 2 s, due again at +1 s, its grant running out at +2 s.
  const lapsing = await start();
  await t.app.spend.billingClock.runDue();
  expect((await readCall(lapsing)).meter_funded_seconds).toBe(2);
  // B starts at +1.5 s with no pass after it: due at once, its first second granted (to +2.5 s).
  clock.advance(1_500);
  const saved = await start();

  // The clock comes back at +2.2 s: A (due first, at +1 s) lapsed at +2 s; B (due at +1.5 s) can still be extended.
  clock.advance(700);
  const pass = await t.app.spend.billingClock.runDue();
  const [a, b] = [await readCall(lapsing), await readCall(saved)];
  expect(b).toMatchObject({ status: 'ACTIVE', meter_funded_seconds: 2 });
  expect(a).toMatchObject({ status: 'COMPLETED', end_reason: 'HANGUP', billed_seconds: 2, meter_funded_seconds: null });
  // B's extension committed before A's end: two batches, B's first (one batch would write both under one id).
  expect(b.meter_xid).toBeLessThan(a.end_xid!);
  // A was known lapsed before any claim (its grant as this clock extended it): not claimed until its own batch.
  expect(pass).toMatchObject({ processed: 2, extended: 1, stopped: 1, deferred: 0 });
  await hangUpAll();
  await t.assertLedger();
});

it('leaves a call it finds lapsed only at its claim (never extended here) for a batch after the calls it can still save', async () => {
  clock.advance(10_000);
  const { start, hangUpAll } = await campaign('+4477012');
  // A starts now, its first second granted (due now, its grant running out at +1 s); no pass meets it in time.
  const lapsing = await start();
  clock.advance(800);
  // B starts 0.8 s later: due at once, its grant running out at +1.8 s.
  const saved = await start();

  // The clock comes back at +1.5 s: A lapsed, B can still be extended; both are claimed in one batch.
  clock.advance(700);
  const pass = await t.app.spend.billingClock.runDue();
  const [a, b] = [await readCall(lapsing), await readCall(saved)];
  expect(b).toMatchObject({ status: 'ACTIVE', meter_funded_seconds: 2 });
  expect(a).toMatchObject({ status: 'COMPLETED', end_reason: 'HANGUP', billed_seconds: 1, meter_funded_seconds: null });
  expect(b.meter_xid).toBeLessThan(a.end_xid!);
  // A was claimed twice: left by the first batch (deferred), ended by the second.
  expect(pass).toMatchObject({ processed: 2, extended: 1, stopped: 1, deferred: 1 });
  await hangUpAll();
  await t.assertLedger();
});

it('stops a lapsed call short of funds in the batch that finds it, as before (no money was there to save it)', async () => {
  clock.advance(10_000);
  // 0.01 funds the first second only.
  const { start } = await campaign('+4477013', '0.01');
  const callId = await start();
  clock.advance(1_500);
  const pass = await t.app.spend.billingClock.runDue();
  expect(await readCall(callId)).toMatchObject({ status: 'STOPPED', end_reason: 'INSUFFICIENT_FUNDS', billed_seconds: 1 });
  expect(pass).toMatchObject({ processed: 1, stopped: 1, deferred: 0 });
  await t.assertLedger();
});

it('is 100 lapsed calls a batch by default', () => {
  expect(loadConfig({}).billingClockLapsedBatchSize).toBe(100);
});

it('ends billingClockLapsedBatchSize lapsed calls in one batch, and one more in a second', async () => {
  for (const count of [LAPSED_BATCH_SIZE, LAPSED_BATCH_SIZE + 1]) {
    clock.advance(10_000);
    const { start } = await campaign(`+447701${4 + count}`);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(await start());
    // Extended at once to 2 s (due at +1 s), then not met again until their grants ran out.
    await t.app.spend.billingClock.runDue();
    clock.advance(2_500);
    const pass = await t.app.spend.billingClock.runDue();
    expect(pass).toMatchObject({ processed: count, stopped: count });
    const calls = await Promise.all(ids.map(readCall));
    for (const call of calls) expect(call).toMatchObject({ status: 'COMPLETED', end_reason: 'HANGUP', billed_seconds: 2 });
    const batches = new Set(calls.map((call) => call.end_xid));
    expect(batches.size, `${count} lapsed calls`).toBe(Math.ceil(count / LAPSED_BATCH_SIZE));
  }
  await t.assertLedger();
});
