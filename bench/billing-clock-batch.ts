/**
 * Same-run A/B of the billing clock's batch: what one batch of due calls costs, in µs of CPU per
 * call handled, of the app (this process) and of PostgreSQL, for the clock of another build (the
 * base) and for this build's, on the same calls, in alternating rounds. The figure that says how
 * many concurrent calls a host's clock can meter (its capacity is about the cores it has over
 * these costs), measured so that other processes on a shared machine change it little: they slow
 * both sides alike and CPU time per call moves far less than wall time.
 * Run: `npm run build:server && BENCH_CLOCK_BASE_DIST=../wt-base/dist node dist/bench/billing-clock-batch.js`
 * (the base built with `npm run build:server` in its own checkout; without it only this build runs).
 *
 * Method. A throwaway embedded PostgreSQL with default durability (every batch waits for its WAL
 * flush) and the app in this process with its billing clock OFF (`billingClockEnabled` false):
 * the bench drives two clocks by hand instead, each on its own connection pool and on a manual
 * clock. Fixtures through the API as the other clock bench makes them: BENCH_CLOCK_ACCOUNTS
 * accounts (default 25), each with a wallet funded with 1,000,000 and one running campaign, one
 * rate plan at 0.60/min 1/1. BENCH_CLOCK_CALLS calls (default 10,000) are placed with SQL (call,
 * meter, and the reservations and counters startCall writes), started over one second, each funded
 * for its first second and due at its start. A round gives one side the BENCH_CLOCK_BATCH calls
 * (default 500) due earliest, with its clock at the latest of their due times, and calls its batch
 * once (`runBatch`, the method a pass calls per batch: claim, locks, decisions, writes, commit);
 * every call is extended by one second (nothing is short, nothing lapses), so the calls cycle and
 * both sides handle the same calls in turn. Rounds alternate base, this, this, base, …
 * (BENCH_CLOCK_ROUNDS a side, default 40), after one unrecorded round a side.
 * Each side's CPU is read around its batch only: the app's from process.cpuUsage() (the clock's own
 * work, its driver and the ORM's), PostgreSQL's from /proc (every process of the cluster: the
 * backend, and the WAL writer and checkpointer as they run meanwhile). At the end the ledger
 * invariants are checked (assertLedgerInvariants: reserved credit equals the meters' sum, …).
 *
 * `BENCH_CLOCK_RESCAN_AB=1` also times each side's read of the meters once per round (its private `rescan`, the read
 * a clock makes once a second between its batches), CPU read as around a batch: the base's read of every meter, this
 * build's read of the meters placed since its last read (`billingClockRescanMs` 0 so that each is one), and this
 * build's full read (`billingClockFullRescanMs` 0), which it makes every `billingClockFullRescanMs` instead. Per read
 * is per second of a running clock. The sides' schedules see the calls the other side extended as moved, as a
 * process sees another process's: the base's read re-schedules those (one side's batch a round).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startApp, type RunningApp } from '../server/app.js';
import { loadConfig, type Config } from '../server/config.js';
import { ensureDatabase } from '../server/database/database.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../server/database/embedded-postgres.js';
import type { createOrm } from '../server/database/orm.js';
import type { BillingClock, BillingPass } from '../server/domain/calls/billing-clock.js';
import { claimDueCalls } from '../server/domain/calls/call-meter.queries.js';
import { assertLedgerInvariants } from '../server/domain/wallets/verify-ledger.js';
import {
  fixed,
  loadAverageText,
  machineBusyPercent,
  numberFromEnv,
  postgresCpuSeconds,
  postmasterPid,
  row,
  runBench,
} from './bench-support.js';
import { createClockAccounts, placeCallsWithSql } from './clock-fixtures.js';

const CALLS = numberFromEnv('BENCH_CLOCK_CALLS', 10_000, 100, 100_000);
const ACCOUNTS = numberFromEnv('BENCH_CLOCK_ACCOUNTS', 25, 1, 1_000);
/** Calls per batch (each side's batch is this many calls). */
const BATCH = numberFromEnv('BENCH_CLOCK_BATCH', 500, 1, 1_000);
/**
 * Calls per batch of the base side (`BENCH_CLOCK_BASE_BATCH`, default BENCH_CLOCK_BATCH): a clock whose
 * passes take more calls at once (billingClockLookAheadMs) meets the same load in larger batches, so
 * the two builds may be compared each at the batch size a real run gives it.
 */
const BASE_BATCH = numberFromEnv('BENCH_CLOCK_BASE_BATCH', BATCH, 1, 1_000);
/** Recorded batches per side. */
const ROUNDS = numberFromEnv('BENCH_CLOCK_ROUNDS', 40, 1, 1_000);
/** The base build's dist folder (its `server/` is imported from there); unset: this build only. */
const BASE_DIST = process.env.BENCH_CLOCK_BASE_DIST ? path.resolve(process.env.BENCH_CLOCK_BASE_DIST) : undefined;
/** Load pg_stat_statements and print the statements of the recorded rounds, by execution time (a small cost of its own). */
const STATEMENT_STATISTICS = numberFromEnv('BENCH_PG_STAT_STATEMENTS', 0, 0, 1) === 1;
/**
 * `BENCH_CLOCK_TRIGGER_AB=1`: instead of two builds, this build's clock twice, with the WALLET_UPDATED
 * trigger of wallets one event insert per wallet (`row`: as Migration20261122050000_wallet_updated
 * made it) on one side and one per statement (`statement`: a statement trigger with transition tables, tried and not kept: it would run on every wallet update, the posting statements' included, for at most 0.91× of the clock's PostgreSQL time) on the other,
 * swapped between batches (outside the timed window).
 */
const TRIGGER_AB = numberFromEnv('BENCH_CLOCK_TRIGGER_AB', 0, 0, 1) === 1;
/** `BENCH_CLOCK_RESCAN_AB=1`: time each side's read of the meters once per round too (see the top). */
const RESCAN_AB = numberFromEnv('BENCH_CLOCK_RESCAN_AB', 0, 0, 1) === 1;
/** `BENCH_CLOCK_EXPLAIN=1`: print EXPLAIN (ANALYZE, BUFFERS) of this build's claim of one batch at the end (rolled back). */
const EXPLAIN = numberFromEnv('BENCH_CLOCK_EXPLAIN', 0, 0, 1) === 1;
const ROW_TRIGGER = `
create or replace function spendwire_bench_wallet_updated_row() returns trigger language plpgsql as $$
begin
  insert into outbox_event (type, account_id, wallet_id) values ('WALLET_UPDATED', new.account_id, new.id);
  return null;
end $$;
drop trigger wallet_updated on wallet;
create trigger wallet_updated after update on wallet
  for each row when (old.reserved_micros is distinct from new.reserved_micros or old.status is distinct from new.status)
  execute function spendwire_bench_wallet_updated_row()`;
const STATEMENT_TRIGGER = `
drop trigger wallet_updated on wallet;
create trigger wallet_updated after update on wallet referencing old table as old_rows new table as new_rows
  for each statement execute function spendwire_wallet_updated()`;
const DATABASE_NAME = 'spendwire_bench_clock_batch';

/** A clock the bench sets: each side's batch runs at the due time of its latest call. */
class SetClock {
  at = Date.now();
  now(): number {
    return this.at;
  }
}

/** One side of the A/B: a billing clock of one build, on its own pool, and what its batches cost. */
interface Side {
  name: string;
  /** Calls per batch. */
  batch: number;
  /** DDL run before each of its batches, outside the timed window (BENCH_CLOCK_TRIGGER_AB). */
  before?: string;
  runBatch: (ids: string[], nowMs: number) => Promise<BillingPass>;
  /** The clock's read of the meters, as it makes it once a second (its private `rescan`). */
  rescan: () => Promise<void>;
  clock: SetClock;
  close: () => Promise<void>;
  wallMs: number[];
  appCpuUs: number[];
  pgCpuUs: number[];
  calls: number;
  /** Per timed read of the meters (BENCH_CLOCK_RESCAN_AB): wall ms, app and PostgreSQL CPU µs. */
  rescanWallMs: number[];
  rescanAppCpuUs: number[];
  rescanPgCpuUs: number[];
}

interface Resources {
  tempDir?: string;
  cluster?: EmbeddedDatabase;
  app?: RunningApp;
  database?: pg.Client;
  sides: Side[];
}

/** A billing clock of the build whose `server/` is at `serverDir`, on its own pool of 2, driven by hand. */
async function openSide(
  name: string,
  serverDir: string,
  databaseUrl: string,
  config: Config,
  app: RunningApp,
  batch: number,
): Promise<Side> {
  const { createOrm: createSideOrm } = (await import(path.join(serverDir, 'database/orm.js'))) as { createOrm: typeof createOrm };
  const { BillingClock: SideClock } = (await import(path.join(serverDir, 'domain/calls/billing-clock.js'))) as {
    BillingClock: typeof BillingClock;
  };
  const orm = await createSideOrm({ databaseUrl, poolSizeMax: 2 });
  const clock = new SetClock();
  const billing = new SideClock({ em: orm.em, clock, config, committed: () => {}, postings: app.postings });
  const target = billing as unknown as {
    runBatch?: (ids: string[], nowMs: number) => Promise<BillingPass>;
    rescan?: () => Promise<void>;
  };
  if (typeof target.runBatch !== 'function') throw new Error(`${name}: BillingClock.runBatch is gone: update bench/billing-clock-batch.ts`);
  if (typeof target.rescan !== 'function') throw new Error(`${name}: BillingClock.rescan is gone: update bench/billing-clock-batch.ts`);
  return {
    name,
    batch,
    runBatch: (ids, nowMs) => target.runBatch!.call(billing, ids, nowMs),
    rescan: () => target.rescan!.call(billing),
    clock,
    close: () => orm.close(true),
    wallMs: [],
    appCpuUs: [],
    pgCpuUs: [],
    calls: 0,
    rescanWallMs: [],
    rescanAppCpuUs: [],
    rescanPgCpuUs: [],
  };
}

/** One read of the meters by `side`, timed as a batch is; recorded when `record`. */
async function runRescan(side: Side, postgresPid: number | undefined, record: boolean): Promise<void> {
  const pgBefore = postgresCpuSeconds(postgresPid);
  const appBefore = process.cpuUsage();
  const started = performance.now();
  await side.rescan();
  const wallMs = performance.now() - started;
  const app = process.cpuUsage(appBefore);
  const pgSeconds = postgresCpuSeconds(postgresPid) - pgBefore;
  if (!record) return;
  side.rescanWallMs.push(wallMs);
  side.rescanAppCpuUs.push(app.user + app.system);
  side.rescanPgCpuUs.push(pgSeconds * 1e6);
}

/** One batch of `side`: the BATCH calls due earliest, at the latest of their due times; its cost is recorded when `record`. */
async function runRound(database: pg.Client, side: Side, postgresPid: number | undefined, record: boolean): Promise<void> {
  const { rows } = await database.query<{ id: string; due_ms: number }>(
    `select call_id as id, (extract(epoch from next_check_at) * 1000)::float8 as due_ms from call_meter
      order by next_check_at, call_id limit $1`,
    [side.batch],
  );
  // Due times carry microseconds; the clock works in whole milliseconds.
  const nowMs = Math.ceil(Math.max(...rows.map((r) => r.due_ms)));
  side.clock.at = nowMs;
  if (side.before) await database.query(side.before);
  // PostgreSQL's CPU is read outside the app's window: reading it (a /proc file per backend) is the bench's work.
  const pgBefore = postgresCpuSeconds(postgresPid);
  const appBefore = process.cpuUsage();
  const started = performance.now();
  const pass = await side.runBatch(
    rows.map((r) => r.id),
    nowMs,
  );
  const wallMs = performance.now() - started;
  const app = process.cpuUsage(appBefore);
  const pgSeconds = postgresCpuSeconds(postgresPid) - pgBefore;
  if (pass.processed !== rows.length || pass.extended !== rows.length) {
    throw new Error(`${side.name}: a batch of ${rows.length} due calls handled ${pass.processed} and extended ${pass.extended}`);
  }
  if (!record) return;
  side.wallMs.push(wallMs);
  side.appCpuUs.push(app.user + app.system);
  side.pgCpuUs.push(pgSeconds * 1e6);
  side.calls += rows.length;
}

const COLUMNS = [
  ['side', 28],
  ['batches', 7],
  ['calls', 7],
  ['ms/batch', 8],
  ['calls/s', 8],
  ['app µs/call', 11],
  ['pg µs/call', 10],
  ['sum µs/call', 11],
] as const;

async function main(resources: Resources): Promise<boolean> {
  const benchStarted = performance.now();
  resources.tempDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'spendwire-bench-clock-batch-'));
  const postgresDir = path.join(resources.tempDir, 'postgres');
  resources.cluster = await startEmbeddedPostgres({
    dataDir: postgresDir,
    port: 0,
    persistent: false,
    settings: STATEMENT_STATISTICS ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' } : {},
  });
  await ensureDatabase(resources.cluster.serverUrl, DATABASE_NAME);
  const databaseUrl = resources.cluster.urlFor(DATABASE_NAME);
  const postgresPid = postmasterPid(postgresDir);
  const adminToken = `sw_admin_${randomBytes(24).toString('base64url')}`;
  const idlePercent = await machineBusyPercent();
  const config = loadConfig(
    {},
    {
      port: 0,
      host: '127.0.0.1',
      billingClockEnabled: false,
      // Background work the batches would otherwise share their CPU windows with.
      alertsEnabled: false,
      outboxPollIntervalMs: 3_600_000,
      socketCredentialCheckIntervalMs: 3_600_000,
      rateLimitsEnabled: false,
      concurrentCallsPerAccountMax: Math.max(loadConfig({}).concurrentCallsPerAccountMax, Math.ceil(CALLS / ACCOUNTS)),
    },
  );
  const app = await startApp({ config, databaseUrl, platformAdminToken: adminToken });
  resources.app = app;
  resources.database = new pg.Client({ connectionString: databaseUrl });
  await resources.database.connect();
  const database = resources.database;
  const accounts = await createClockAccounts(app, adminToken, { count: ACCOUNTS, name: 'bench clock batch', incrementSeconds: 1 });
  // Each funded for its first second and due at its start.
  await placeCallsWithSql(database, accounts, { calls: CALLS, fromMs: Date.now(), fundedSeconds: 1, numberPrefix: '+4479' });

  const thisServer = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../server');
  if (TRIGGER_AB) {
    resources.sides.push({
      ...(await openSide('wallet trigger per row', thisServer, databaseUrl, config, app, BATCH)),
      before: ROW_TRIGGER,
    });
    resources.sides.push({
      ...(await openSide('wallet trigger per statement', thisServer, databaseUrl, config, app, BATCH)),
      before: STATEMENT_TRIGGER,
    });
  } else {
    if (BASE_DIST) resources.sides.push(await openSide('base build', path.join(BASE_DIST, 'server'), databaseUrl, config, app, BASE_BATCH));
    // Each read of this build's clock is then one of the placed meters (after its first, a full one).
    const placedReads = RESCAN_AB ? ({ billingClockRescanMs: 0 } as Partial<Config>) : {};
    resources.sides.push(await openSide('this build', thisServer, databaseUrl, { ...config, ...placedReads }, app, BATCH));
    if (RESCAN_AB) {
      const fullReads = { billingClockRescanMs: 0, billingClockFullRescanMs: 0 } as Partial<Config>;
      resources.sides.push(await openSide('this build, full reads', thisServer, databaseUrl, { ...config, ...fullReads }, app, BATCH));
    }
  }
  const sides = resources.sides;
  if (sides.some((side) => side.batch * 2 > CALLS)) throw new Error('BENCH_CLOCK_CALLS must be at least twice the largest batch');

  console.log(`Spendwire billing clock: one batch's cost per call handled, ${sides.map((s) => s.name).join(' vs ')}, same run`);
  console.log(
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}); busy before the load ${fixed(idlePercent, 0)} % of one core; ` +
      `load average ${loadAverageText()}`,
  );
  console.log(
    `${CALLS.toLocaleString('en-US')} active calls over ${ACCOUNTS} accounts (one wallet and one running campaign each); batches of ` +
      `${sides.map((side) => `${side.batch} (${side.name})`).join(', ')} calls due earliest, every call extended by 1 s; ${ROUNDS} recorded batches a side, alternating (A B B A …), after one unrecorded each`,
  );
  for (const side of sides) {
    await runRound(database, side, postgresPid, false);
    if (RESCAN_AB) await runRescan(side, postgresPid, false);
  }
  if (STATEMENT_STATISTICS) {
    await database.query('create extension if not exists pg_stat_statements');
    await database.query('select pg_stat_statements_reset()');
  }
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      await runRound(database, side, postgresPid, true);
      if (RESCAN_AB) await runRescan(side, postgresPid, true);
    }
  }
  const loadAfter = loadAverageText();

  console.log('');
  console.log(
    row(
      COLUMNS,
      COLUMNS.map(([title]) => title),
    ),
  );
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const perCall = (side: Side) => ({
    app: sum(side.appCpuUs) / side.calls,
    pg: sum(side.pgCpuUs) / side.calls,
    wallMs: sum(side.wallMs) / side.wallMs.length,
  });
  for (const side of sides) {
    const cost = perCall(side);
    console.log(
      row(COLUMNS, [
        side.name,
        String(side.wallMs.length),
        String(side.calls),
        fixed(cost.wallMs, 2),
        fixed((1000 * side.calls) / sum(side.wallMs), 0),
        fixed(cost.app, 1),
        fixed(cost.pg, 1),
        fixed(cost.app + cost.pg, 1),
      ]),
    );
  }
  if (sides.length === 2) {
    const [base, current] = sides.map(perCall) as [ReturnType<typeof perCall>, ReturnType<typeof perCall>];
    console.log(
      `this / base: app CPU per call ${fixed(current.app / base.app, 2)}, PostgreSQL CPU per call ${fixed(current.pg / base.pg, 2)}, ` +
        `both ${fixed((current.app + current.pg) / (base.app + base.pg), 2)}, wall per batch ${fixed(current.wallMs / base.wallMs, 2)}`,
    );
  }
  if (RESCAN_AB) {
    console.log('');
    console.log('Reads of the meters (once a second in a running clock), per read:');
    for (const side of sides) {
      const reads = side.rescanWallMs.length;
      console.log(
        `  ${side.name.padEnd(26)} ${reads} reads: ${fixed(sum(side.rescanWallMs) / reads, 2)} ms, app ${fixed(sum(side.rescanAppCpuUs) / reads, 0)} µs, ` +
          `PostgreSQL ${fixed(sum(side.rescanPgCpuUs) / reads, 0)} µs of CPU`,
      );
    }
  }
  console.log(`Load average after: ${loadAfter}`);
  if (STATEMENT_STATISTICS) {
    const { rows } = await database.query<{ query: string; calls: string; total_ms: number; mean_ms: number }>(
      `select query, calls::text, total_exec_time as total_ms, mean_exec_time as mean_ms from pg_stat_statements
        where dbid = (select oid from pg_database where datname = current_database()) and query not like '%call_meter\n      order by%'
        order by total_exec_time desc limit 20`,
    );
    console.log('Statements of the recorded rounds (both sides), by execution time: ms total, executions, mean ms');
    for (const statement of rows) {
      console.log(
        `  ${fixed(statement.total_ms, 0).padStart(7)}  ${statement.calls.padStart(6)}  ${fixed(statement.mean_ms, 3).padStart(8)}  ` +
          statement.query.replace(/\s+/g, ' ').slice(0, 110),
      );
    }
  }

  if (EXPLAIN) {
    const { rows: due } = await database.query<{ id: string }>(
      'select call_id as id from call_meter order by next_check_at, call_id limit $1',
      [BATCH],
    );
    await database.query('begin');
    const { rows: plan } = await database.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${claimDueCalls.text}`,
      claimDueCalls.values({ callIds: due.map((r) => r.id), now: new Date(Date.now() + 3_600_000).toISOString() }),
    );
    await database.query('rollback');
    console.log(`The claim of ${due.length} calls (EXPLAIN ANALYZE, rolled back):`);
    for (const line of plan) console.log(`  ${line['QUERY PLAN'].slice(0, 160)}`);
  }
  for (const side of sides) await side.close();
  resources.sides = [];
  let holds = false;
  try {
    await assertLedgerInvariants(app.orm.em.fork());
    const { rows } = await database.query<{ active: number }>('select count(*)::int as active from call_meter');
    holds = rows[0]!.active === CALLS;
    console.log(`Ledger invariants: all hold; ${rows[0]!.active} of ${CALLS} calls active → ${holds ? 'OK' : 'FAILED'}`);
  } catch (error) {
    console.log(`Ledger invariants: BROKEN: ${error instanceof Error ? error.message : String(error)}`);
  }
  console.log(`Total bench time: ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
  return holds;
}

async function cleanUp(resources: Resources): Promise<void> {
  for (const side of resources.sides) await side.close().catch(() => {});
  resources.sides = [];
  if (resources.database) await resources.database.end().catch(() => {});
  if (resources.app) await resources.app.close().catch((error) => console.error('stopping the app:', error));
  if (resources.cluster) await resources.cluster.stop().catch((error) => console.error('stopping PostgreSQL:', error));
  if (resources.tempDir) await fsp.rm(resources.tempDir, { recursive: true, force: true }).catch(() => {});
  resources.database = undefined;
  resources.app = undefined;
  resources.cluster = undefined;
  resources.tempDir = undefined;
}

await runBench({ resources: { sides: [] } as Resources, runTimeMaxMs: 300_000, main, cleanUp });
