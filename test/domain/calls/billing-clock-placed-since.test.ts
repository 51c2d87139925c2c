// Goal: between its full reads, the billing clock learns of calls placed elsewhere by reading only the meters placed
// since its last read's snapshot, and misses none: not a call whose start took its transaction id before another's
// and committed after the clock had read that other one, not a call of a batch that failed; and the choice of read
// flips exactly at its intervals. Method: the real server with its clock off and time stepped by hand (ManualClock);
// a BillingClock of the test's own, whose full read is an hour away once made; calls started through the server's
// service with nothing telling that clock (as another process's), one held back on a row lock taken by a raw
// connection; a batch failed by ending its connection while it waits on a wallet lock.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.js';
import { sql } from '../../../server/database/sql.js';
import { Role } from '../../../server/domain/accounts/role.js';
import { BillingClock, rescanKind } from '../../../server/domain/calls/billing-clock.js';
import { startCall } from '../../../server/domain/calls/call.service.js';
import { ManualClock } from '../../../server/domain/calls/clock.js';
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

const selectMeter = sql<{ funded_seconds: number; placed_xid: string }, { callId: string }>(
  'select funded_seconds, placed_xid::text from call_meter where call_id = :callId',
);
const END_CALL = `mutation($input: EndCallInput!) { endCall(input: $input) { call { id status } } }`;

/** A funded account with a running campaign whose calls' first increment is 60 s (then 6 s), and a starter of its calls as another process. */
async function callingAccount() {
  const { accountId, walletId, ownerKey } = await t.createAccount();
  await t.fund(walletId, '100');
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 60, nextIncrementSeconds: 6 }]);
  const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
  // As another process would start it: the same service, but nothing tells this process's (or the test's) clock.
  const elsewhere = { ...t.app.spend.callDeps, callStarted: undefined };
  const principal = { role: Role.OWNER, accountId, apiKeyId: null, actor: 'other-process' };
  const start = (to: string) => startCall(t.app.orm.em.fork(), elsewhere, { principal, campaignId, to });
  return { accountId, walletId, ownerKey, start };
}

/** The test's clock: reads every meter once (its first pass), then only the meters placed since, every pass. */
function survivingClock(): BillingClock {
  return new BillingClock({
    em: t.app.orm.em,
    clock,
    config: { ...t.config, billingClockRescanMs: 0, billingClockFullRescanMs: 3_600_000 },
    committed: () => {},
    postings: t.app.postings,
  });
}

/**
 * Waits until a backend of the test's database other than `client`'s waits for a row lock (the only one the test
 * holds is `client`'s, on the row of `table`); its pid. (pg_stat_activity's text of a pipelined statement may be
 * another statement's, so the waiter is found by its lock.)
 */
async function blockedBackend(client: pg.Client, table: string): Promise<number> {
  let pid: number | undefined;
  await until(`a statement to wait for the row of ${table} the test holds`, async () => {
    const { rows } = await client.query<{ pid: number }>(
      `select distinct l.pid from pg_locks l join pg_stat_activity a on a.pid = l.pid
        where not l.granted and a.datname = current_database() and l.pid <> pg_backend_pid()`,
    );
    pid = rows.length === 1 ? rows[0]!.pid : undefined;
    return pid !== undefined;
  });
  return pid!;
}

describe('the billing clock between full reads', () => {
  it('meters a call whose start committed after the clock had read a call started later, without a full read', async () => {
    const late = await callingAccount();
    const early = await callingAccount();
    const survivor = survivingClock();
    await survivor.runDue();
    expect(survivor.rescans).toEqual({ full: 1, placed: 0 });

    // The late call's start locks its wallet (taking its transaction id) and then waits for its account, which a
    // raw connection holds; meanwhile the other call starts and commits, and the clock reads the placed meters.
    const holder = new pg.Client({ connectionString: t.databaseUrl });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select id from account where id = $1 for no key update', [late.accountId]);
      const lateStart = late.start('+447700900101');
      await blockedBackend(holder, 'account');
      const other = await early.start('+447700900102');
      await survivor.runDue();
      expect(survivor.rescans.placed).toBe(1);
      await holder.query('commit');
      const lateCall = await lateStart;

      const em = t.app.orm.em.fork();
      const lateMeter = await selectMeter.one(em, { callId: lateCall.id });
      const otherMeter = await selectMeter.one(em, { callId: other.id });
      // The premise: the late call's transaction id is the older one, so a watermark of the newest id (or of the
      // start times) read so far would have stepped over it.
      expect(BigInt(lateMeter.placed_xid)).toBeLessThan(BigInt(otherMeter.placed_xid));
      expect(lateMeter.funded_seconds).toBe(60);

      // Both calls' first increment runs out within the lead: one pass extends both, having read only placed meters.
      clock.advance(60_000);
      const pass = await survivor.runDue();
      expect(pass.extended).toBe(2);
      expect(survivor.rescans.full).toBe(1);
      expect((await selectMeter.one(em, { callId: lateCall.id })).funded_seconds).toBe(66);
      expect((await selectMeter.one(em, { callId: other.id })).funded_seconds).toBe(66);
      await t.ok(late.ownerKey, END_CALL, { input: { callId: lateCall.id } });
      await t.ok(early.ownerKey, END_CALL, { input: { callId: other.id } });
    } finally {
      await holder.end();
    }
    await t.assertLedger();
  });

  it('puts the calls of a failed batch back on its schedule, so the next pass meters them without a full read', async () => {
    const account = await callingAccount();
    const call = await account.start('+447700900201');
    const survivor = survivingClock();
    await survivor.runDue(); // the full read: the call is known, due in 59 s (its grant: 60 s)
    const holder = new pg.Client({ connectionString: t.databaseUrl });
    await holder.connect();
    try {
      // The batch claims the call, then waits on its wallet; its connection is ended there: the batch fails.
      await holder.query('begin');
      await holder.query('select id from wallet where id = $1 for no key update', [account.walletId]);
      // Due (59 s: the lead before its grant ends at 60 s), and well within its grant.
      clock.advance(59_500);
      const failing = survivor.runDue();
      const pid = await blockedBackend(holder, 'wallet');
      await holder.query('select pg_terminate_backend($1)', [pid]);
      await expect(failing).rejects.toThrow(/terminating connection/);
      await holder.query('rollback');
      // The ended backend releases its claim on the call as it exits, after its error has reached the clock.
      await until('the ended backend to be gone', async () => {
        const { rows } = await holder.query('select 1 from pg_stat_activity where pid = $1', [pid]);
        return rows.length === 0;
      });
    } finally {
      await holder.end();
    }
    expect((await selectMeter.one(t.app.orm.em.fork(), { callId: call.id })).funded_seconds).toBe(60);

    clock.advance(t.config.billingClockIntervalMs);
    const pass = await survivor.runDue();
    expect(pass.extended).toBe(1);
    expect(survivor.rescans.full).toBe(1);
    expect((await selectMeter.one(t.app.orm.em.fork(), { callId: call.id })).funded_seconds).toBe(66);
    await t.ok(account.ownerKey, END_CALL, { input: { callId: call.id } });
    await t.assertLedger();
  });
});

describe('rescanKind', () => {
  const config = { billingClockRescanMs: 1_000, billingClockFullRescanMs: 30_000 };

  it('reads every meter once billingClockFullRescanMs has passed since the last full read, and not 1 ms before', () => {
    expect(rescanKind(1_000, 29_999, config)).toBe('placed');
    expect(rescanKind(1_000, 30_000, config)).toBe('full');
    // Never read: everything.
    expect(rescanKind(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, config)).toBe('full');
  });

  it('reads nothing until billingClockRescanMs has passed since the last read (a failed one too), then reads', () => {
    expect(rescanKind(999, 5_000, config)).toBeNull();
    expect(rescanKind(1_000, 5_000, config)).toBe('placed');
    // A first full read that failed is tried again a rescan interval later, not at every pass.
    expect(rescanKind(999, Number.POSITIVE_INFINITY, config)).toBeNull();
    expect(rescanKind(1_000, Number.POSITIVE_INFINITY, config)).toBe('full');
  });

  it('has the defaults the README states: placed meters every second, every meter every 30 s', () => {
    const defaults = loadConfig({});
    expect(defaults.billingClockRescanMs).toBe(1_000);
    expect(defaults.billingClockFullRescanMs).toBe(30_000);
  });
});
