/**
 * The billing-clock part of `npm run bench`: how late the billing clock reserves the next
 * increment of 10,000 concurrent calls at 1-second increments (lag p50/p99/max) and how many
 * increments it reserves per second, batched (`billingClockBatchSize` 1000, the default) next to
 * one transaction per call (`billingClockBatchSize` 1) in the same run, on the same database.
 * Goal: p99 <= 100 ms at 10,000 calls, and at 25,000 (the headroom goal): the 25,000 run is
 * `BENCH_CLOCK_CALLS=25000 BENCH_CLOCK_ACCOUNTS=25 BENCH_CLOCK_BATCH_SIZES=1000 node dist/bench/billing-clock.js`
 * (one transaction per call cannot keep up at 10,000 already; its run is left out there).
 * Alone: `npm run build:server && node dist/bench/billing-clock.js`.
 *
 * Method. A throwaway embedded PostgreSQL with DEFAULT durability (every batch waits for its WAL
 * flush) and the app in THIS process (`startApp`) on the real clock with its billing clock
 * running. Fixtures go through the API over HTTP as the operator and each account's OWNER key:
 * BENCH_CLOCK_ACCOUNTS accounts, each with a wallet funded with 1,000,000 (the calls cannot run
 * dry) and one running campaign, on one rate plan with prefix "" at 0.60/min, 1/1 increments.
 * Calls are placed through the real service (`startCall`, as each account's OWNER principal),
 * round-robin over the accounts, paced over BENCH_CLOCK_PLACEMENT_SECONDS with at most
 * PLACEMENT_CONCURRENCY in flight: a call is due every second from its start (the lead is capped
 * at the 1-second increment), so start times spread over at least a second spread the due times
 * over the whole second, as real traffic does. On a 2-core machine startCall does ~150-300 calls/s
 * (about a dozen statements and a commit each, and it waits for wallet locks the clock holds), so
 * placing 10,000 takes 40-70 s rather than the 1 s asked for: the due times are spread evenly all
 * the same. After BENCH_CLOCK_WARMUP_SECONDS the clock's lag samples are discarded;
 * BENCH_CLOCK_SECONDS later they are taken again.
 *
 * How to read it. A clock that handles fewer increments per second than are due (10,000/s here)
 * falls further behind every second: its lag is then no latency but a backlog, and its size
 * depends on how long the run has lasted (placing included). "behind" at the start and at the end
 * of the window says which way it is going; "unfunded" counts the calls talking on time nobody
 * has reserved credit for.
 *
 * Figures. Lag = `BillingClock.takeLagSamples()`: per call handled, the clock's time after the
 * batch committed minus the call's due time. increments/s = the growth of the active calls'
 * funded seconds (a database sum before and after the window; 1 second = 1 increment) divided by
 * the window. Diagnostics: batches, rows per batch and wall ms per batch transaction (the bench
 * wraps the clock's batch method to time it; nothing else changes) and what that allows (capacity =
 * calls handled per second of batch time), how far behind the clock was at the start and at the
 * end of the window (how late the oldest due call not yet handled was), active calls already past
 * their funded time (running on credit nobody reserved), the CPU of this process (the app and
 * its clock: the bench only waits during the window) and of the PostgreSQL cluster, and the app
 * process's event-loop utilisation; startCall and endCall round trips while placing and hanging up.
 *
 * Same-run A/B of the meter (issue 18 item 4). After each batched run's window, with the calls
 * still active and the clock stopped (the calls are then hung up without it), the bench times the clock's per-call work both ways on
 * the same calls: `wide` = the claim and the update of the whole `call` row as the clock did them
 * before the meter (the statements copied here), `meter` = the clock's claim and its update of the
 * narrow `call_meter` row (the statements it runs now); each side writes back the calls' own figures,
 * AB_ROUNDS batches of `billingClockBatchSize` calls each, alternating which side goes first, each
 * batch its own committed transaction; with the HOT share of each table's updates meanwhile.
 *
 * Between the two runs every call is hung up through `endCall` (with the clock still running, as
 * in production; stopped after a batched run's window, for the A/B above) and the app is closed; the second run starts a new app on the same database with
 * the other batch size and places new calls on the same campaigns. At the end every call is hung
 * up again and the ledger invariants are checked (`assertLedgerInvariants`), with the number of
 * calls completed and their costs posted. Exits 1 on any error or failed check; the goal is
 * reported, not enforced (benchmarks print figures, they do not assert timings).
 *
 * Environment: `BENCH_CLOCK_PLACEMENT` (`service`, the default, or `sql`: see PLACE_WITH_SQL),
 * `BENCH_CLOCK_CALLS` (default 10000), `BENCH_CLOCK_ACCOUNTS` (default 10; the calls
 * are split evenly), `BENCH_CLOCK_SECONDS` (measured window, default 15), `BENCH_CLOCK_WARMUP_SECONDS`
 * (default 3), `BENCH_CLOCK_PLACEMENT_SECONDS` (the pace asked for, default 1; the service may
 * take longer, which the output says), `BENCH_CLOCK_BATCH_SIZES` (default "1000,1"),
 * `BENCH_PG_STAT_STATEMENTS=1` (loads pg_stat_statements, a small cost of its own, and prints the
 * execution time of each of the clock's statements per batch during each window),
 * `BENCH_CLOCK_ADMISSION_BEHIND_MS` (the server's `billingClockAdmissionBehindMs`, default the
 * server's, and 0 for the one-call-per-batch baseline when unset; 0: starts are never refused; a
 * start refused because the clock is behind is tried again 100 ms later, as a dialer would, and the
 * placement line counts them). Grants lapsing fail the run of the product's batch size only: the
 * baseline's lapse (it cannot keep up with 10,000 calls) is printed, not failed,
 * `BENCH_CLOCK_VACUUM=1` (runs `vacuum (analyze) call` after placing the calls, as autovacuum
 * eventually would; by default autovacuum has usually not visited the table yet, so the planner
 * has no statistics of the calls just placed). After each window the bench prints the plan PostgreSQL
 * picks for the clock's rescan query, and the dead row versions and HOT share of the updates of
 * `call` and of `call_meter` (which the clock rewrites), since both move the figures a lot.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver, performance } from 'node:perf_hooks';
import pg from 'pg';
import { startApp, type RunningApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { ensureDatabase } from '../server/database/database.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../server/database/embedded-postgres.js';
import { createOrm } from '../server/database/orm.js';
import { sql } from '../server/database/sql.js';
import { authenticate } from '../server/domain/accounts/authenticate.service.js';
import type { Principal } from '../server/domain/accounts/principal.js';
import type { BillingClock, BillingPass } from '../server/domain/calls/billing-clock.js';
import { claimDueCalls, selectMetersPlacedSince, updateBatchMeters } from '../server/domain/calls/call-meter.queries.js';
import { CallStatus, type CallRecord } from '../server/domain/calls/call-record.js';
import { BillingClockBehindError } from '../server/errors.js';
import { endCall, startCall } from '../server/domain/calls/call.service.js';
import { assertLedgerInvariants } from '../server/domain/wallets/verify-ledger.js';
import {
  cpuBetween,
  fixed,
  inBatches,
  integerListFromEnv,
  Latencies,
  machineBusyCpuSeconds,
  numberFromEnv,
  percentile,
  postmasterPid,
  row,
  sampleCpu,
  sleep,
  type CpuSubjects,
  type CpuUse,
  runBench,
} from './bench-support.js';
import { CLOCK_PER_MINUTE, createClockAccounts, placeCallsWithSql as placeCallsWithSqlIn, type ClockAccount } from './clock-fixtures.js';

/** The calls' books after a run: placed, completed, still active, ended without their cost posted, and credit still reserved. */
const selectCallBooks = sql<{ total: number; completed: number; active: number; unposted: number; reserved: string }>(
  `select count(*)::int as total, count(*) filter (where status = 'COMPLETED')::int as completed,
          count(*) filter (where status = 'ACTIVE')::int as active,
          count(*) filter (where status <> 'ACTIVE' and transaction_id is null)::int as unposted,
          (select coalesce(sum(reserved_micros), 0)::text from wallet) as reserved
     from call`,
);

// ---------------------------------------------------------------------------------------------
// Settings

/** Concurrent calls of each run. */
const CALLS = numberFromEnv('BENCH_CLOCK_CALLS', 10_000, 1, 100_000);
/** Accounts (each with one wallet and one running campaign) the calls are split over. */
const ACCOUNTS = numberFromEnv('BENCH_CLOCK_ACCOUNTS', 10, 1, 1_000);
/** Measured window of each run, in seconds. */
const MEASURE_SECONDS = numberFromEnv('BENCH_CLOCK_SECONDS', 15, 1, 120);
/** Unrecorded time between the last call placed and the window, in seconds. */
const WARMUP_SECONDS = numberFromEnv('BENCH_CLOCK_WARMUP_SECONDS', 3, 0, 60);
/** Placement pace asked for: call i is not started before i × this / CALLS, in seconds. */
const PLACEMENT_SECONDS = numberFromEnv('BENCH_CLOCK_PLACEMENT_SECONDS', 1, 0, 120);
/** billingClockBatchSize of each run, in order; the first is the product's default. */
const BATCH_SIZES = integerListFromEnv('BENCH_CLOCK_BATCH_SIZES', [1_000, 1], 100_000);
/**
 * `sql`: place the calls with one SQL statement per table instead of `startCall` (the same rows,
 * reservations and counters a start writes, without its outbox events), and leave them active at
 * the end (the books are then checked with the calls active). For a machine too busy for ~25,000
 * `startCall`s and `endCall`s within the run's time (a shared 2-core machine did 11 a second).
 * One batch size only. Default `service`.
 */
/** The clock's rescan of every active call's meter, ms (`BENCH_CLOCK_RESCAN_MS`, default the server's). */
const RESCAN_MS = numberFromEnv('BENCH_CLOCK_RESCAN_MS', loadConfig({}).billingClockRescanMs, 100, 600_000);
/**
 * The clock's full read of every active call's meter, ms (`BENCH_CLOCK_FULL_RESCAN_MS`, default the server's; 1000 reads
 * every meter every second, as the clock did before it read only the meters placed since its last read).
 */
const FULL_RESCAN_MS = numberFromEnv('BENCH_CLOCK_FULL_RESCAN_MS', loadConfig({}).billingClockFullRescanMs, 100, 600_000);
const PLACE_WITH_SQL = (process.env.BENCH_CLOCK_PLACEMENT ?? 'service') === 'sql';
/** Load pg_stat_statements (a diagnostic with a small cost of its own) and report the clock's statements per window. */
const STATEMENT_STATISTICS = numberFromEnv('BENCH_PG_STAT_STATEMENTS', 0, 0, 1) === 1;
/**
 * Run `vacuum (analyze) call` once the calls are placed, before the warm-up: the state autovacuum
 * would reach on a database that has been running for a while. Off by default: the bench measures
 * the product as it runs on a fresh database, where autovacuum has not visited the table yet.
 */
const VACUUM_BEFORE_WARMUP = numberFromEnv('BENCH_CLOCK_VACUUM', 0, 0, 1) === 1;
/**
 * Print what the clock did in each slice of TIMELINE_SLICE_MS from the placement to the end of the
 * window (batches, calls extended and ended, batch and cost-posting time, reads of the meters, how
 * late the loop's timers ran): what a run whose calls lapsed needs to be read.
 */
const TIMELINE = numberFromEnv('BENCH_CLOCK_TIMELINE', 0, 0, 1) === 1;
const TIMELINE_SLICE_MS = 500;
/**
 * Stop the clock for this long after the warm-up, then start it again before the window: calls
 * whose grant runs out meanwhile lapse (ended as hang-ups at their grants), and the window shows
 * whether the clock saves the others or loses them too (0: no stall, the default).
 */
const STALL_MS = numberFromEnv('BENCH_CLOCK_STALL_MS', 0, 0, 60_000);
/** Most lapsed calls the clock ends per batch (`billingClockLapsedBatchSize`). */
const LAPSED_BATCH_SIZE = numberFromEnv('BENCH_CLOCK_LAPSED_BATCH_SIZE', loadConfig({}).billingClockLapsedBatchSize, 1, 100_000);

/**
 * The server's `billingClockAdmissionBehindMs` (`BENCH_CLOCK_ADMISSION_BEHIND_MS`; default the
 * server's, 0: never refuse, as before the setting). A placement refused (BILLING_CLOCK_BEHIND) is
 * tried again after {@link ADMISSION_RETRY_MS}, as a dialer would.
 */
const ADMISSION_BEHIND_MS = numberFromEnv('BENCH_CLOCK_ADMISSION_BEHIND_MS', loadConfig({}).billingClockAdmissionBehindMs, 0, 60_000);
/**
 * The threshold of a run with `batchSize`: {@link ADMISSION_BEHIND_MS} for the product's batch size;
 * 0 for the baseline of another (one transaction per call) unless BENCH_CLOCK_ADMISSION_BEHIND_MS is
 * set. That baseline cannot keep up with the goal's calls (~270 a second against 10,000 due): with
 * admission its placement was held to about its capacity (10,000 calls in 219 s, 16,750 refusals),
 * and its grants lapsed all the same, so it shows its capacity without it, as before the setting.
 */
function admissionBehindMsOf(batchSize: number): number {
  return isBaseline(batchSize) && process.env.BENCH_CLOCK_ADMISSION_BEHIND_MS === undefined ? 0 : ADMISSION_BEHIND_MS;
}

/** The product's `billingClockBatchSize`: the run the goal is checked on. */
const PRODUCT_BATCH_SIZE = loadConfig({}).billingClockBatchSize;

/**
 * Whether a run with `batchSize` is a baseline (not the product's batch size): it cannot keep up
 * with the goal's calls, so it runs without admission ({@link admissionBehindMsOf}) and its grants
 * lapsing is printed, not failed.
 */
function isBaseline(batchSize: number): boolean {
  return batchSize !== PRODUCT_BATCH_SIZE;
}
/** How long a placement refused because the clock is behind waits before it is tried again, in ms. */
const ADMISSION_RETRY_MS = 100;

/** startCall and endCall requests in flight at once (the app's pool has 16 connections; the clock needs one). */
const PLACEMENT_CONCURRENCY = 8;
/** The goal: lag p99 at or below this, in ms, at each of {@link GOAL_CALLS} calls. */
const GOAL_P99_MS = 100;
/** The call counts the goal is stated for: today's load and the headroom asked for. */
const GOAL_CALLS: readonly number[] = [10_000, 25_000];
/** 1/1 increments at CLOCK_PER_MINUTE (0.60/min): each second of each call reserves 0.01. */
const INCREMENT_SECONDS = 1;
const DATABASE_NAME = 'spendwire_bench_clock';

// ---------------------------------------------------------------------------------------------
// Fixtures

/** One account of the bench: its wallet, its running campaign and its OWNER principal. */
interface CallAccount extends ClockAccount {
  principal: Principal;
}

/** Accounts, wallets (funded with FUNDING_AMOUNT), one rate plan and one running campaign per account, through the API. */
async function createAccounts(app: RunningApp, adminToken: string): Promise<CallAccount[]> {
  const accounts = await createClockAccounts(app, adminToken, {
    count: ACCOUNTS,
    name: 'bench clock',
    incrementSeconds: INCREMENT_SECONDS,
  });
  return Promise.all(
    accounts.map(async (account) => ({
      ...account,
      // The principal the API would resolve for this key on every request.
      principal: await authenticate(app.orm.em.fork(), { authorization: `Bearer ${account.ownerKey}`, platformAdminToken: adminToken }),
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// Batch timing: the clock's private batch method, wrapped on this one instance

/** What the clock's batches did since the last reset. */
interface BatchStats {
  /** Batches that handled at least one call. */
  batches: number;
  /** Calls handled by them. */
  rows: number;
  /** Wall time of those batches (claim, every statement, commit, cost postings), in ms. */
  busyMs: number;
  maxMs: number;
  /** Batches that found nothing due (a poll). */
  empty: number;
}

const emptyStats = (): BatchStats => ({ batches: 0, rows: 0, busyMs: 0, maxMs: 0, empty: 0 });

/**
 * Times every batch of `clock` by wrapping its private `runBatch` on this instance: the batch
 * itself is unchanged, and its public API says nothing about batches. Returns a live record;
 * `reset()` starts a new one. @throws Error when the method is gone (the bench must then be updated).
 */
function timeBatches(clock: BillingClock, timeline?: Timeline): { current(): BatchStats; reset(): BatchStats } {
  const target = clock as unknown as {
    runBatch?: (...args: unknown[]) => Promise<BillingPass>;
    postStopped?: (calls: readonly unknown[]) => Promise<void>;
  };
  const original = target.runBatch;
  const originalPostStopped = target.postStopped;
  if (typeof original !== 'function') throw new Error('BillingClock.runBatch is gone: update bench/billing-clock.ts');
  if (timeline) {
    if (typeof originalPostStopped !== 'function') throw new Error('BillingClock.postStopped is gone: update bench/billing-clock.ts');
    target.postStopped = async function (this: unknown, calls: readonly unknown[]) {
      const started = performance.now();
      await originalPostStopped.call(clock, calls);
      const slice = timeline.at(started);
      slice.postingMs += performance.now() - started;
      slice.posted += calls.length;
    };
  }
  let stats = emptyStats();
  target.runBatch = async function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    const pass = await original.apply(clock, args);
    const elapsedMs = performance.now() - started;
    if (timeline) {
      const slice = timeline.at(started);
      slice.batches++;
      slice.batchMs += elapsedMs;
      slice.extended += pass.extended;
      slice.stopped += pass.stopped;
      // (`deferred` is absent from the passes of builds before it, run as a base.)
      const deferred = (pass as { deferred?: number }).deferred ?? 0;
      slice.deferred += deferred;
      slice.unclaimed += (args[0] as string[]).length - pass.processed - deferred;
    }
    if (pass.processed === 0) stats.empty++;
    else {
      stats.batches++;
      stats.rows += pass.processed;
      stats.busyMs += elapsedMs;
      stats.maxMs = Math.max(stats.maxMs, elapsedMs);
    }
    return pass;
  };
  return {
    current: () => stats,
    reset: () => {
      const previous = stats;
      stats = emptyStats();
      return previous;
    },
  };
}

/** One slice of the timeline (BENCH_CLOCK_TIMELINE=1): what the clock did in it; times in ms. */
interface TimelineSlice {
  batches: number;
  /** Wall time of the batches that started in the slice (their cost postings included). */
  batchMs: number;
  extended: number;
  stopped: number;
  /** Calls a batch found lapsed and left for a batch of lapsed calls. */
  deferred: number;
  /** Calls a batch took as due but did not claim. */
  unclaimed: number;
  posted: number;
  postingMs: number;
  rescansPlaced: number;
  rescansFull: number;
  failedPasses: number;
  /** The largest delay of a 50 ms timer in the slice: how long the event loop kept work waiting. */
  timerDelayMaxMs: number;
}

/** The clock's activity slice by slice from `startMs` (performance.now()). */
class Timeline {
  readonly slices: TimelineSlice[] = [];
  private sampler: NodeJS.Timeout | undefined;

  constructor(readonly startMs: number) {}

  at(ms: number): TimelineSlice {
    const index = Math.max(0, Math.floor((ms - this.startMs) / TIMELINE_SLICE_MS));
    while (this.slices.length <= index)
      this.slices.push({
        batches: 0,
        batchMs: 0,
        extended: 0,
        stopped: 0,
        deferred: 0,
        unclaimed: 0,
        posted: 0,
        postingMs: 0,
        rescansPlaced: 0,
        rescansFull: 0,
        failedPasses: 0,
        timerDelayMaxMs: 0,
      });
    return this.slices[index]!;
  }

  /** Samples the clock's reads and failed passes, and the loop's timer delay, every 50 ms. */
  sample(clock: BillingClock): void {
    let last = { placed: clock.rescans.placed, full: clock.rescans.full, failed: clock.passesFailed };
    let expected = performance.now() + 50;
    this.sampler = setInterval(() => {
      const now = performance.now();
      const slice = this.at(now);
      slice.timerDelayMaxMs = Math.max(slice.timerDelayMaxMs, now - expected);
      expected = now + 50;
      slice.rescansPlaced += clock.rescans.placed - last.placed;
      slice.rescansFull += clock.rescans.full - last.full;
      slice.failedPasses += clock.passesFailed - last.failed;
      last = { placed: clock.rescans.placed, full: clock.rescans.full, failed: clock.passesFailed };
    }, 50);
  }

  stop(): void {
    clearInterval(this.sampler);
  }

  print(label: string, marks: Record<string, number>): void {
    console.log(
      `\nTimeline of ${label} (slices of ${TIMELINE_SLICE_MS} ms from the placement's start; ${Object.entries(marks)
        .map(([name, ms]) => `${name} at ${((ms - this.startMs) / 1000).toFixed(1)} s`)
        .join(', ')}):`,
    );
    console.log('     s  batches  batch ms  extended  stopped  deferred  unclaimed  posted  posting ms  reads p/f  failed  timer delay ms');
    this.slices.forEach((slice, index) => {
      const cells = [
        ((index * TIMELINE_SLICE_MS) / 1000).toFixed(1).padStart(6),
        String(slice.batches).padStart(8),
        slice.batchMs.toFixed(0).padStart(9),
        String(slice.extended).padStart(9),
        String(slice.stopped).padStart(8),
        String(slice.deferred).padStart(9),
        String(slice.unclaimed).padStart(10),
        String(slice.posted).padStart(7),
        slice.postingMs.toFixed(0).padStart(11),
        `${slice.rescansPlaced}/${slice.rescansFull}`.padStart(10),
        String(slice.failedPasses).padStart(7),
        slice.timerDelayMaxMs.toFixed(0).padStart(15),
      ];
      console.log(cells.join(' '));
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The clock's statements, from pg_stat_statements (BENCH_PG_STAT_STATEMENTS=1)

/** The billing clock's statements, told apart by a fragment of their text; anything else is "other". */
const CLOCK_STATEMENTS = [
  ['claim due calls (for update … skip locked)', 'skip locked'],
  ['lock wallets', 'from wallet where id = any'],
  ['lock campaigns', 'from campaign where id = any'],
  ['update meters (unnest)', 'update call_meter m set'],
  ['stop calls (unnest)', 'update call c set funded_seconds'],
  ['update wallets', 'update wallet w set reserved_micros'],
  ['update campaigns', 'update campaign m set committed_micros'],
  ['insert outbox events', 'insert into outbox_event'],
] as const;

type StatementTimes = Map<string, { calls: number; totalMs: number }>;

/** Execution time per clock statement since the last pg_stat_statements_reset(), in this database. */
async function readStatementTimes(database: pg.Client): Promise<StatementTimes> {
  const { rows } = await database.query<{ query: string; calls: string; total_ms: number }>(
    `select query, calls::text, total_exec_time as total_ms from pg_stat_statements
      where dbid = (select oid from pg_database where datname = current_database())`,
  );
  const times: StatementTimes = new Map();
  for (const statement of rows) {
    const text = statement.query.replace(/\s+/g, ' ').toLowerCase();
    // The bench's own reads are not the clock's.
    if (text.includes('pg_stat_statements') || text.includes('coalesce(sum(m.funded_seconds)') || text.includes('spendwire_bench_ab'))
      continue;
    const kind = CLOCK_STATEMENTS.find(([, fragment]) => text.includes(fragment))?.[0] ?? 'other (begin, commit, outbox tail, …)';
    const sum = times.get(kind) ?? { calls: 0, totalMs: 0 };
    sum.calls += Number(statement.calls);
    sum.totalMs += statement.total_ms;
    times.set(kind, sum);
  }
  return times;
}

// ---------------------------------------------------------------------------------------------
// The claim query's plan and the call table's state

/** What PostgreSQL makes of the clock's rescan query and the tables it writes, at one moment. */
interface ClaimState {
  /** Plan nodes of the rescan query (the meters placed since a snapshot), depth first, e.g. "Index Scan (call_meter_placed_xid_idx)". */
  plan: string;
  /** Rows the planner expects the rescan to return. */
  estimatedRows: number;
  /** Dead row versions, HOT updates in % of all updates so far, autovacuum and autoanalyze runs: of `call` and of `call_meter`. */
  tables: Map<string, { deadRows: number; updates: number; hotPercent: number; autovacuums: number; autoanalyzes: number }>;
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Plan Rows': number;
  Plans?: PlanNode[];
}

/**
 * EXPLAIN (no ANALYZE) of the clock's rescan query, the one it runs every second (the meters placed since a snapshot,
 * taken now), and the counters of the tables it writes.
 */
async function readClaimState(database: pg.Client): Promise<ClaimState> {
  const snapshot = (await database.query<{ snapshot: string }>('select pg_current_snapshot()::text as snapshot')).rows[0]!.snapshot;
  const { rows } = await database.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
    `explain (format json) ${selectMetersPlacedSince.text}`,
    selectMetersPlacedSince.values({ since: snapshot }),
  );
  // Every node, depth first (the join's inner side, the meters' scan, is its second child).
  const nodes: string[] = [];
  const top = rows[0]!['QUERY PLAN'][0]!.Plan;
  const visit = (node: PlanNode) => {
    nodes.push(node['Index Name'] ? `${node['Node Type']} (${node['Index Name']})` : node['Node Type']);
    for (const child of node.Plans ?? []) visit(child);
  };
  visit(top);
  const estimatedRows = top['Plan Rows'];
  await database.query('select pg_stat_clear_snapshot()');
  const { rows: counters } = await database.query<{
    relname: string;
    dead: number;
    hot: number;
    updates: number;
    autovacuums: number;
    autoanalyzes: number;
  }>(
    `select relname, n_dead_tup::int as dead, n_tup_hot_upd::float8 as hot, n_tup_upd::float8 as updates,
            autovacuum_count::int as autovacuums, autoanalyze_count::int as autoanalyzes
       from pg_stat_user_tables where relname in ('call', 'call_meter')`,
  );
  return {
    plan: nodes.join(' → '),
    estimatedRows,
    tables: new Map(
      counters.map((table) => [
        table.relname,
        {
          deadRows: table.dead,
          updates: table.updates,
          hotPercent: table.updates === 0 ? Number.NaN : (100 * table.hot) / table.updates,
          autovacuums: table.autovacuums,
          autoanalyzes: table.autoanalyzes,
        },
      ]),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Same-run A/B of the clock's per-call statements: the wide call row against the narrow meter

/**
 * The baseline: the clock's claim and write of each batch before the meter (the statements as
 * they were, copied): every increment locked the call row and wrote a new version of the whole
 * wide row. The bench runs them on the same calls as the meter's, writing back each call's own
 * figures (nothing changes but the version), so both sides do the same work on the same data.
 */
const WIDE_CLAIM = `select c.id, c.account_id, c.campaign_id, c.wallet_id, c.to_number, c.status, c.end_reason, c.rate_prefix,
  c.per_minute_micros::text, c.first_increment_seconds, c.next_increment_seconds, c.connect_fee_micros::text,
  (extract(epoch from c.started_at) * 1000)::float8 as started_at_ms, (extract(epoch from c.ended_at) * 1000)::float8 as ended_at_ms,
  c.funded_seconds, c.reserved_micros::text, c.billed_seconds, c.cost_micros::text,
  (extract(epoch from c.next_check_at) * 1000)::float8 as next_check_at_ms, c.transaction_id, c.idempotency_key, c.version::text,
  (extract(epoch from c.created_at) * 1000000)::bigint::text as created_at_us, c.subscription_id, c.allowance_seconds,
  c.direction, c.number_id, c.from_number
  from call c where c.id = any($1::uuid[]) and c.status = 'ACTIVE' and c.next_check_at <= $2 for update skip locked /* spendwire_bench_ab */`;
const WIDE_UPDATE = `update call c set funded_seconds = u.funded_seconds, reserved_micros = u.reserved_micros, next_check_at = u.next_check_at,
          status = u.status, end_reason = u.end_reason, ended_at = u.ended_at, billed_seconds = u.billed_seconds,
          cost_micros = u.cost_micros, allowance_seconds = u.allowance_seconds, version = c.version + 1, updated_at = now()
     from unnest($1::uuid[], $2::int[], $3::bigint[], $4::timestamptz[], $5::text[], $6::text[],
                 $7::timestamptz[], $8::int[], $9::bigint[], $10::int[])
          as u(id, funded_seconds, reserved_micros, next_check_at, status, end_reason, ended_at, billed_seconds, cost_micros, allowance_seconds)
    where c.id = u.id
    returning c.id, c.version::text /* spendwire_bench_ab */`;

interface ClaimedRow {
  id: string;
  funded_seconds: number;
  reserved_micros: string;
  allowance_seconds: number;
  next_check_at_ms: number;
  status: string;
}

/** Rounds of the A/B (each side once per round, alternating which goes first). */
const AB_ROUNDS = 10;

/** Per side, the wall ms of each batch (begin, claim, write, commit) of `batchSize` calls, and its HOT updates. */
interface StatementAb {
  batchSize: number;
  wideMs: Float64Array;
  meterMs: Float64Array;
  /** HOT updates in % of the A/B's updates, per table (from pg_stat_user_tables, once every connection has reported). */
  wideHotPercent: number;
  meterHotPercent: number;
}

/**
 * Times the clock's claim + write of a batch of `batchSize` active calls, both ways, on the bench's
 * own connection while the app runs: the calls in placement order (as the clock meets them: calls
 * placed together fall due together), a different batch each round, the two sides alternating.
 */
async function compareStatements(database: pg.Client, batchSize: number): Promise<StatementAb> {
  const { rows: all } = await database.query<{ id: string }>(
    'select c.id from call c join call_meter m on m.call_id = c.id order by c.started_at, c.id /* spendwire_bench_ab */',
  );
  const future = new Date(Date.now() + 3_600_000).toISOString();
  const wide = async (ids: string[]) => {
    const { rows } = await database.query<ClaimedRow>(WIDE_CLAIM, [ids, future]);
    await database.query(WIDE_UPDATE, [
      rows.map((r) => r.id),
      rows.map((r) => r.funded_seconds),
      rows.map((r) => r.reserved_micros),
      rows.map((r) => new Date(r.next_check_at_ms).toISOString()),
      rows.map((r) => r.status),
      rows.map(() => null),
      rows.map(() => null),
      rows.map(() => 0),
      rows.map(() => '0'),
      rows.map((r) => r.allowance_seconds),
    ]);
  };
  const meter = async (ids: string[]) => {
    const { rows } = await database.query<ClaimedRow>(claimDueCalls.text, claimDueCalls.values({ callIds: ids, now: future }));
    const params = {
      ids: rows.map((r) => r.id),
      fundedSeconds: rows.map((r) => r.funded_seconds),
      reservedMicros: rows.map((r) => r.reserved_micros),
      allowanceSeconds: rows.map((r) => r.allowance_seconds),
      nextCheckAts: rows.map((r) => new Date(r.next_check_at_ms).toISOString()),
    };
    await database.query(updateBatchMeters.text, updateBatchMeters.values(params));
  };
  const timed = async (work: (ids: string[]) => Promise<void>, ids: string[]) => {
    const started = performance.now();
    await database.query('begin');
    await work(ids);
    await database.query('commit');
    return performance.now() - started;
  };
  const tableCounters = async () => {
    await database.query('select pg_stat_force_next_flush(), pg_stat_clear_snapshot()');
    const { rows } = await database.query<{ relname: string; updates: number; hot: number }>(
      `select relname, n_tup_upd::float8 as updates, n_tup_hot_upd::float8 as hot from pg_stat_user_tables
        where relname in ('call', 'call_meter')`,
    );
    return new Map(rows.map((r) => [r.relname, r]));
  };
  const before = await tableCounters();
  const wideMs: number[] = [];
  const meterMs: number[] = [];
  const batches = Math.max(1, Math.floor(all.length / batchSize));
  for (let round = 0; round < AB_ROUNDS; round++) {
    const ids = all.slice((round % batches) * batchSize, ((round % batches) + 1) * batchSize).map((r) => r.id);
    if (round % 2 === 0) {
      wideMs.push(await timed(wide, ids));
      meterMs.push(await timed(meter, ids));
    } else {
      meterMs.push(await timed(meter, ids));
      wideMs.push(await timed(wide, ids));
    }
  }
  const after = await tableCounters();
  const hotPercent = (table: string) => {
    const updates = after.get(table)!.updates - before.get(table)!.updates;
    return updates === 0 ? Number.NaN : (100 * (after.get(table)!.hot - before.get(table)!.hot)) / updates;
  };
  return {
    batchSize,
    wideMs: Float64Array.from(wideMs).sort(),
    meterMs: Float64Array.from(meterMs).sort(),
    wideHotPercent: hotPercent('call'),
    meterHotPercent: hotPercent('call_meter'),
  };
}

// ---------------------------------------------------------------------------------------------
// One run

interface RunResult {
  batchSize: number;
  label: string;
  /** Calls placed and active during the window. */
  calls: number;
  placementSeconds: number;
  /** Lag samples of the window, ascending, in ms. */
  lags: Float64Array;
  windowSeconds: number;
  incrementsPerSecond: number;
  batches: BatchStats;
  /** Calls due and not yet handled at the end of the window. */
  backlog: number;
  /** How late the oldest unhandled due call was at the start of the window, in ms (0 without a backlog). */
  behindAtStartMs: number;
  /** The same at the end of the window. */
  behindAtEndMs: number;
  /** Active calls past their funded time at the end of the window. */
  unfunded: number;
  cpu: CpuUse;
  /** Event-loop utilisation of this process during the window, 0..1. */
  loopUtilisation: number;
  /** How late the loop ran a timer during the window, p99 and max, in ms (monitorEventLoopDelay). */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** The GC's pauses during the window: ms per second, and the longest, in ms. */
  gcMsPerSecond: number;
  gcMaxMs: number;
  /** Placements refused because the clock was behind (BILLING_CLOCK_BEHIND), each tried again. */
  admissionRefusals: number;
  /** startCall round trips while placing, ascending, in ms. */
  startMs: Float64Array;
  endSeconds: number;
  /** endCall round trips (with its cost posting) while hanging up, ascending, in ms. */
  endMs: Float64Array;
  /** Calls endCall completed (not already stopped by the server). */
  completed: number;
  /** The clock's statements during the window; undefined without BENCH_PG_STAT_STATEMENTS=1. */
  statements: StatementTimes | undefined;
  /** Seconds `vacuum (analyze) call` took before the warm-up; undefined without BENCH_CLOCK_VACUUM=1. */
  vacuumSeconds: number | undefined;
  /** The rescan query's plan and the tables at the end of the window. */
  claim: ClaimState;
  /** The wide-row baseline next to the meter, after the window (batched runs only). */
  ab: StatementAb | undefined;
  /** Set when calls were not all active through the window (the clock let grants lapse): what was seen. */
  lapsed: string | undefined;
}

/** Sum of the active calls' funded seconds (on their meters), and the backlog figures, read on the bench's own connection. */
async function readCallFigures(
  database: pg.Client,
): Promise<{ fundedSeconds: number; backlog: number; oldestDueMs: number; unfunded: number; active: number }> {
  const { rows } = await database.query<{
    funded: string;
    backlog: number;
    oldest_due_ms: number | null;
    unfunded: number;
    active: number;
  }>(
    `select coalesce(sum(m.funded_seconds), 0)::text as funded,
            count(*) filter (where m.next_check_at <= now())::int as backlog,
            (extract(epoch from now() - min(m.next_check_at) filter (where m.next_check_at <= now())) * 1000)::float8 as oldest_due_ms,
            count(*) filter (where c.started_at + m.funded_seconds * interval '1 second' < now())::int as unfunded,
            count(*)::int as active
       from call c join call_meter m on m.call_id = c.id where c.status = 'ACTIVE'`,
  );
  const figures = rows[0]!;
  return {
    fundedSeconds: Number(figures.funded),
    backlog: figures.backlog,
    oldestDueMs: figures.oldest_due_ms ?? 0,
    unfunded: figures.unfunded,
    active: figures.active,
  };
}

/** Places CALLS calls round-robin over `accounts`, paced over PLACEMENT_SECONDS; returns their ids and owners. */
async function placeCalls(
  app: RunningApp,
  accounts: CallAccount[],
  run: number,
  roundTrips: Latencies,
): Promise<{ id: string; account: CallAccount }[]> {
  const started = performance.now();
  const spacingMs = (PLACEMENT_SECONDS * 1000) / CALLS;
  return inBatches(CALLS, PLACEMENT_CONCURRENCY, async (index) => {
    const dueMs = started + index * spacingMs - performance.now();
    if (dueMs > 0) await sleep(dueMs);
    const account = accounts[index % accounts.length]!;
    // Distinct E.164 numbers per run, so every call of the bench is told apart in the data.
    const to = `+44${7000 + run}${String(index).padStart(6, '0')}`;
    let call: CallRecord;
    for (;;) {
      const sentAt = performance.now();
      try {
        call = await startCall(app.orm.em.fork(), app.spend.callDeps, {
          principal: account.principal,
          campaignId: account.campaignId,
          to,
        });
        roundTrips.push(performance.now() - sentAt);
        break;
      } catch (error) {
        // The clock is behind the calls already up: nothing was written; the dialer waits and tries again.
        if (!(error instanceof BillingClockBehindError)) throw error;
        await sleep(ADMISSION_RETRY_MS);
      }
    }
    if (call.status !== CallStatus.ACTIVE) throw new Error(`call ${index} was ${call.status} (${call.endReason}), expected ACTIVE`);
    return { id: call.id, account };
  });
}

/**
 * BENCH_CLOCK_PLACEMENT=sql: the calls, their meters, and the reservations and counters startCall
 * would write for them (wallet reserved, campaign committed and active calls, account active
 * calls), in one transaction; start times spread over the last second, so their due times spread
 * over every second. The app's clock finds them at its next rescan (within a second), so each is
 * placed with {@link PLACED_FUNDED_SECONDS} already granted (as if extended four times) and due one
 * increment before that grant ends: a call placed with only its first second would reach the
 * clock with its grant run out, and the clock ends such a call where the switch hung it up instead
 * of extending it (startCall hands a new call to the clock at once, and places no such call).
 */
/**
 * Seconds a call placed with SQL has been granted (and holds) when placed: more than the placing
 * transaction (its calls are invisible to the clock until it commits), the clock's rescan interval
 * (1 s) and an increment together. It was 3: on a host where placing 25,000 calls took 1.2–1.6 s,
 * the first calls' grants ran out before the clock's rescan found them, their ends took the clock's
 * batches, and every call lapsed in turn (all 25,000 ended as hang-ups, on every build): the bench
 * then measured its own set-up, not the clock's steady state.
 */
const PLACED_FUNDED_SECONDS = numberFromEnv('BENCH_CLOCK_PLACED_FUNDED_SECONDS', 5, 2, 60);

async function placeCallsWithSql(
  database: pg.Client,
  accounts: CallAccount[],
  run: number,
): Promise<{ id: string; account: CallAccount }[]> {
  await placeCallsWithSqlIn(database, accounts, {
    calls: CALLS,
    fromMs: Date.now() - 1_000,
    fundedSeconds: PLACED_FUNDED_SECONDS,
    numberPrefix: `+44${run + 7000}`,
  });
  const byCampaign = new Map(accounts.map((account) => [account.campaignId, account]));
  const { rows } = await database.query<{ id: string; campaign_id: string }>(
    `select c.id, c.campaign_id from call c join call_meter m on m.call_id = c.id`,
  );
  return rows.map((r) => ({ id: r.id, account: byCampaign.get(r.campaign_id)! }));
}

/** Hangs up every call through endCall; returns how many it completed (the others had been stopped by the clock). */
async function endCalls(app: RunningApp, calls: { id: string; account: CallAccount }[], roundTrips: Latencies): Promise<number> {
  const ended = await inBatches(calls.length, PLACEMENT_CONCURRENCY, async (index) => {
    const { id, account } = calls[index]!;
    const sentAt = performance.now();
    const call = await endCall(app.orm.em.fork(), app.spend.callDeps, { principal: account.principal, callId: id });
    roundTrips.push(performance.now() - sentAt);
    return call.status === CallStatus.COMPLETED ? 1 : 0;
  });
  return ended.reduce<number>((sum, value) => sum + value, 0);
}

async function runOnce(options: {
  databaseUrl: string;
  adminToken: string;
  batchSize: number;
  run: number;
  accounts: CallAccount[] | undefined;
  database: pg.Client;
  cpuSubjects: CpuSubjects;
  resources: Resources;
}): Promise<{ result: RunResult; accounts: CallAccount[] }> {
  const { batchSize } = options;
  const config = loadConfig(
    {},
    {
      port: 0,
      host: '127.0.0.1',
      billingClockEnabled: true,
      billingClockBatchSize: batchSize,
      billingClockLapsedBatchSize: LAPSED_BATCH_SIZE,
      billingClockAdmissionBehindMs: admissionBehindMsOf(batchSize),
      concurrentCallsPerAccountMax: Math.max(loadConfig({}).concurrentCallsPerAccountMax, Math.ceil(CALLS / ACCOUNTS)),
      billingClockRescanMs: RESCAN_MS,
      billingClockFullRescanMs: FULL_RESCAN_MS,
    },
  );
  const app = await startApp({ config, databaseUrl: options.databaseUrl, platformAdminToken: options.adminToken });
  options.resources.app = app;
  const accounts = options.accounts ?? (await createAccounts(app, options.adminToken));

  const placementStarted = performance.now();
  const timeline = TIMELINE ? new Timeline(placementStarted) : undefined;
  timeline?.sample(app.spend.billingClock);
  const batchTimes = timeBatches(app.spend.billingClock, timeline);
  const startMs = new Latencies();
  const calls = PLACE_WITH_SQL
    ? await placeCallsWithSql(options.database, accounts, options.run)
    : await placeCalls(app, accounts, options.run, startMs);
  const placementSeconds = (performance.now() - placementStarted) / 1000;
  const admissionRefusals = app.spend.billingClock.admissionRefusals;
  let vacuumSeconds: number | undefined;
  if (VACUUM_BEFORE_WARMUP) {
    const vacuumStarted = performance.now();
    await options.database.query('vacuum (analyze) call');
    vacuumSeconds = (performance.now() - vacuumStarted) / 1000;
  }

  await sleep(WARMUP_SECONDS * 1000);
  let stalledAt: number | undefined;
  if (STALL_MS > 0) {
    // A stall of the clock (a frozen process, a database pause): every call whose grant runs out
    // meanwhile lapses, and the clock must end those and extend the rest as fast as it can after.
    stalledAt = performance.now();
    await app.spend.billingClock.stop();
    await sleep(STALL_MS);
    app.spend.billingClock.start();
  }
  app.spend.billingClock.takeLagSamples();
  batchTimes.reset();
  const before = await readCallFigures(options.database);
  if (STATEMENT_STATISTICS) await options.database.query('select pg_stat_statements_reset()');
  const cpuBefore = sampleCpu(options.cpuSubjects);
  const loopBefore = performance.eventLoopUtilization();
  // How long timers waited for the loop (what a batch due now waits before it can start), and the GC's pauses.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const gcPausesMs: number[] = [];
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcPausesMs.push(entry.duration);
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  const windowStarted = performance.now();

  await sleep(MEASURE_SECONDS * 1000);

  const lags = app.spend.billingClock.takeLagSamples();
  const batches = batchTimes.reset();
  const windowSeconds = (performance.now() - windowStarted) / 1000;
  const loop = performance.eventLoopUtilization(loopBefore);
  timeline?.stop();
  timeline?.print(`${CALLS} calls, ${batchSize}/batch`, {
    placed: placementStarted + placementSeconds * 1000,
    ...(stalledAt === undefined ? {} : { 'clock stopped': stalledAt }),
    window: windowStarted,
  });
  loopDelay.disable();
  gcObserver.disconnect();
  const cpu = cpuBetween(cpuBefore, sampleCpu(options.cpuSubjects));
  const after = await readCallFigures(options.database);
  const statements = STATEMENT_STATISTICS ? await readStatementTimes(options.database) : undefined;
  const claim = await readClaimState(options.database);
  // Calls the clock ended as lapsed (it fell more than an increment behind) fail the run, after its
  // figures are printed: how far behind, at what cost per call, is what says why.
  let lapsed: string | undefined;
  if (before.active !== CALLS || after.active !== CALLS) {
    const ends = await options.database.query<{ status: string; end_reason: string | null; calls: number }>(
      'select status, end_reason, count(*)::int as calls from call group by 1, 2 order by 1, 2',
    );
    const endsText = ends.rows.map((row) => `${row.status}/${row.end_reason ?? '-'} ${row.calls}`).join(', ');
    lapsed = `expected ${CALLS} active calls, saw ${before.active} then ${after.active} (calls by status/end reason: ${endsText})`;
    // After a stall (BENCH_CLOCK_STALL_MS) lapses are what is measured: how many calls the clock saved.
    if (STALL_MS > 0) {
      console.log(
        `After a ${STALL_MS} ms stall of the clock: ${after.active} of ${CALLS} calls still active at the window's end (${endsText})`,
      );
      lapsed = undefined;
    }
  }
  // After the window, with the clock stopped (so that neither side waits for its locks or its CPU):
  // the same batches both ways. endCall needs no clock.
  let ab: StatementAb | undefined;
  if (batchSize > 1) {
    await app.spend.billingClock.stop();
    ab = await compareStatements(options.database, batchSize);
  }

  const endStarted = performance.now();
  const endMs = new Latencies();
  // Calls placed with SQL stay active (hanging 25,000 up through endCall is what a busy machine cannot do in time).
  const completed = PLACE_WITH_SQL ? 0 : await endCalls(app, calls, endMs);
  const endSeconds = (performance.now() - endStarted) / 1000;
  options.resources.app = undefined;
  await app.close();

  return {
    accounts,
    result: {
      batchSize,
      label: batchSize === 1 ? 'per call (1/batch)' : `batched (${batchSize}/batch)`,
      calls: CALLS,
      placementSeconds,
      admissionRefusals,
      lags: Float64Array.from(lags).sort(),
      windowSeconds,
      incrementsPerSecond: (after.fundedSeconds - before.fundedSeconds) / INCREMENT_SECONDS / windowSeconds,
      batches,
      backlog: after.backlog,
      behindAtStartMs: before.oldestDueMs,
      behindAtEndMs: after.oldestDueMs,
      unfunded: after.unfunded,
      cpu,
      loopUtilisation: loop.utilization,
      // The histogram counts the 10 ms sampling interval in: what it measures is the delay beyond it.
      loopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - 10),
      loopDelayMaxMs: Math.max(0, loopDelay.max / 1e6 - 10),
      gcMsPerSecond: gcPausesMs.reduce((sum, ms) => sum + ms, 0) / windowSeconds,
      gcMaxMs: Math.max(0, ...gcPausesMs),
      startMs: startMs.sorted(),
      endSeconds,
      endMs: endMs.sorted(),
      completed,
      statements,
      vacuumSeconds,
      claim,
      ab,
      lapsed,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Output

const COLUMNS = [
  ['run', 20],
  ['calls', 6],
  ['lag p50 ms', 10],
  ['lag p99 ms', 10],
  ['lag max ms', 10],
  ['increments/s', 12],
] as const;

const DIAGNOSTIC_COLUMNS = [
  ['run', 20],
  ['samples', 7],
  ['batches/s', 9],
  ['rows/batch', 10],
  ['ms/batch', 8],
  ['max ms', 7],
  ['capacity/s', 10],
  ['behind start ms', 15],
  ['end ms', 7],
  ['backlog', 7],
  ['unfunded', 8],
  ['app CPU', 7],
  ['loop', 5],
  ['pg CPU', 6],
  ['other', 6],
  ['delay p99', 9],
  ['delay max', 9],
  ['gc ms/s', 7],
  ['gc max', 6],
] as const;

const AB_COLUMNS = [
  ['side', 24],
  ['calls', 6],
  ['p50 ms', 8],
  ['mean ms', 8],
  ['max ms', 8],
  ['calls/s', 8],
  ['% HOT', 6],
] as const;

const STATEMENT_COLUMNS = [
  ['run / statement', 42],
  ['calls', 6],
  ['mean ms', 8],
  ['ms/batch', 8],
  ['% of batch', 10],
] as const;

// ---------------------------------------------------------------------------------------------
// Main

interface Resources {
  tempDir?: string;
  cluster?: EmbeddedDatabase;
  app?: RunningApp;
  database?: pg.Client;
}

async function cleanUp(resources: Resources): Promise<void> {
  if (resources.app) await resources.app.close().catch((error) => console.error('stopping the app:', error));
  if (resources.database) await resources.database.end().catch(() => {});
  if (resources.cluster) await resources.cluster.stop().catch((error) => console.error('stopping PostgreSQL:', error));
  if (resources.tempDir) await fsp.rm(resources.tempDir, { recursive: true, force: true }).catch(() => {});
  resources.app = undefined;
  resources.database = undefined;
  resources.cluster = undefined;
  resources.tempDir = undefined;
}

async function main(resources: Resources): Promise<boolean> {
  const benchStarted = performance.now();
  if (PLACE_WITH_SQL && BATCH_SIZES.length !== 1)
    throw new Error('BENCH_CLOCK_PLACEMENT=sql takes one batch size (BENCH_CLOCK_BATCH_SIZES)');
  resources.tempDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'spendwire-bench-clock-'));
  const postgresDir = path.join(resources.tempDir, 'postgres');
  // Default durability on purpose (no fsync=off): every batch waits for its WAL flush.
  resources.cluster = await startEmbeddedPostgres({
    dataDir: postgresDir,
    port: 0,
    persistent: false,
    settings: STATEMENT_STATISTICS ? { shared_preload_libraries: 'pg_stat_statements' } : {},
  });
  await ensureDatabase(resources.cluster.serverUrl, DATABASE_NAME);
  const databaseUrl = resources.cluster.urlFor(DATABASE_NAME);
  const cpuSubjects: CpuSubjects = { serverPid: undefined, postgresPid: postmasterPid(postgresDir) };
  const adminToken = `sw_admin_${randomBytes(24).toString('base64url')}`;

  // The bench's own connection, for its reads only (not the app's pool).
  resources.database = new pg.Client({ connectionString: databaseUrl });
  await resources.database.connect();
  const database = resources.database;
  if (STATEMENT_STATISTICS) await database.query('create extension if not exists pg_stat_statements');
  const postgresVersion = (await database.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
  const fsync = (await database.query<{ fsync: string }>('show fsync')).rows[0]!.fsync;
  const synchronousCommit = (await database.query<{ synchronous_commit: string }>('show synchronous_commit')).rows[0]!.synchronous_commit;

  // This machine is shared: say how busy it was before the bench put any load on it.
  const busyBefore = machineBusyCpuSeconds();
  await sleep(1000);
  const idleMachinePercent = 100 * (machineBusyCpuSeconds() - busyBefore);

  const defaults = loadConfig({});
  const cpuModel = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `Spendwire billing clock: lag with ${CALLS.toLocaleString('en-US')} concurrent calls at ${INCREMENT_SECONDS}-second increments`,
  );
  console.log(
    `Machine: ${os.cpus().length} cores (${cpuModel}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}; ` +
      `Node ${process.version}; PostgreSQL ${postgresVersion} (embedded, fsync=${fsync}, synchronous_commit=${synchronousCommit})`,
  );
  console.log(
    `Machine busy before the load (1 s, bench idle): ${fixed(idleMachinePercent, 0)} % of one core, load average ` +
      `${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}${idleMachinePercent > 20 ? ' — other processes are busy: expect noisy figures' : ''}`,
  );
  console.log(
    `App in this process on the real clock: clock every ${defaults.billingClockIntervalMs} ms, lead ${defaults.billingClockLeadMs} ms ` +
      `(capped at the increment), pool ${defaults.databasePoolSize}; ${ACCOUNTS} accounts × ${Math.ceil(CALLS / ACCOUNTS)} calls, one wallet ` +
      `and one running campaign each, rate "" ${CLOCK_PER_MINUTE}/min ${INCREMENT_SECONDS}/${INCREMENT_SECONDS}; ` +
      (PLACE_WITH_SQL
        ? 'calls placed with SQL (BENCH_CLOCK_PLACEMENT=sql: started over the last second, left active at the end)'
        : `calls placed with startCall (OWNER principal, ${PLACEMENT_CONCURRENCY} in flight, paced over ≥ ${PLACEMENT_SECONDS} s)`),
  );
  console.log(
    `Each run: ${WARMUP_SECONDS} s warm-up after the last call is placed, then ${MEASURE_SECONDS} s measured; lag = clock time after the ` +
      "batch commit − due time, per call handled; increments/s = growth of the active calls' funded seconds ÷ the window" +
      (VACUUM_BEFORE_WARMUP ? '; `vacuum (analyze) call` after placing (BENCH_CLOCK_VACUUM=1)' : ''),
  );
  console.log('');

  // Each row is printed as soon as its run ends, so a long run shows progress.
  console.log(
    row(
      COLUMNS,
      COLUMNS.map(([title]) => title),
    ),
  );
  const results: RunResult[] = [];
  let accounts: CallAccount[] | undefined;
  for (const [run, batchSize] of BATCH_SIZES.entries()) {
    const outcome = await runOnce({ databaseUrl, adminToken, batchSize, run, accounts, database, cpuSubjects, resources });
    accounts = outcome.accounts;
    const result = outcome.result;
    results.push(result);
    console.log(
      row(COLUMNS, [
        result.label,
        String(result.calls),
        fixed(percentile(result.lags, 0.5), 1),
        fixed(percentile(result.lags, 0.99), 1),
        fixed(percentile(result.lags, 1), 1),
        fixed(result.incrementsPerSecond, 0),
      ]),
    );
  }
  console.log(
    `goal: p99 ≤ ${GOAL_P99_MS} ms at ${CALLS.toLocaleString('en-US')} calls (due: ${(CALLS / INCREMENT_SECONDS).toLocaleString('en-US')} increments/s)`,
  );

  console.log('');
  console.log(
    'Diagnostics over each window: samples = calls handled; ms/batch = wall time of one batch transaction (claim, statements, ' +
      'commit); capacity/s = calls handled per second of batch time (the most the clock could do if it never waited); behind = how late ' +
      'the oldest due call not yet handled was at the start and at the end of the window; backlog = calls due and not handled at the ' +
      'end; unfunded = active calls past their funded time at the end; CPU in % of one core (app = this process: the app and its clock; pg = the PostgreSQL ' +
      "cluster; other = the rest of the machine); loop = the app's event-loop utilisation; delay = how late the loop ran a " +
      "timer (p99, max; beyond its 10 ms sampling), ms; gc = the garbage collector's pauses, ms per second and the longest",
  );
  console.log(
    row(
      DIAGNOSTIC_COLUMNS,
      DIAGNOSTIC_COLUMNS.map(([title]) => title),
    ),
  );
  for (const result of results) {
    const { batches } = result;
    console.log(
      row(DIAGNOSTIC_COLUMNS, [
        result.label,
        String(result.lags.length),
        fixed(batches.batches / result.windowSeconds, 0),
        fixed(batches.rows / batches.batches, 0),
        fixed(batches.busyMs / batches.batches, 2),
        fixed(batches.maxMs, 1),
        fixed(batches.rows / (batches.busyMs / 1000), 0),
        fixed(result.behindAtStartMs, 0),
        fixed(result.behindAtEndMs, 0),
        String(result.backlog),
        String(result.unfunded),
        fixed(result.cpu.benchPercent, 0),
        fixed(100 * result.loopUtilisation, 0),
        fixed(result.cpu.postgresPercent, 0),
        fixed(result.cpu.otherPercent, 0),
        fixed(result.loopDelayP99Ms, 1),
        fixed(result.loopDelayMaxMs, 1),
        fixed(result.gcMsPerSecond, 1),
        fixed(result.gcMaxMs, 1),
      ]),
    );
  }
  if (STATEMENT_STATISTICS) {
    console.log('');
    console.log(
      "The clock's statements during each window (pg_stat_statements): calls, mean execution ms, execution ms per batch, and that " +
        "in % of a batch's wall time (the rest: round trips, the commit's WAL flush, the app's own work)",
    );
    console.log(
      row(
        STATEMENT_COLUMNS,
        STATEMENT_COLUMNS.map(([title]) => title),
      ),
    );
    for (const result of results) {
      console.log(result.label);
      for (const [kind, { calls, totalMs }] of [...(result.statements ?? [])].sort(([, a], [, b]) => b.totalMs - a.totalMs)) {
        console.log(
          row(STATEMENT_COLUMNS, [
            `  ${kind}`,
            String(calls),
            fixed(totalMs / calls, 2),
            fixed(totalMs / result.batches.batches, 2),
            fixed((100 * totalMs) / result.batches.busyMs, 0),
          ]),
        );
      }
    }
  }
  console.log('');
  for (const result of results) {
    const behindMs = admissionBehindMsOf(result.batchSize);
    console.log(
      `${result.label}: ${result.calls} calls placed in ${result.placementSeconds.toFixed(1)} s ` +
        `(${fixed(result.calls / result.placementSeconds, 0)}/s, startCall p50 ${fixed(percentile(result.startMs, 0.5), 1)} ms, ` +
        `p99 ${fixed(percentile(result.startMs, 0.99), 1)} ms; ${result.admissionRefusals} refused while the clock was more than ` +
        `${behindMs} ms behind${behindMs === 0 ? ': admission off' : ''}, each tried again ${ADMISSION_RETRY_MS} ms later), hung up in ${result.endSeconds.toFixed(1)} s ` +
        `(${fixed(result.calls / result.endSeconds, 0)}/s, endCall p50 ${fixed(percentile(result.endMs, 0.5), 1)} ms, ` +
        `p99 ${fixed(percentile(result.endMs, 0.99), 1)} ms; ${result.completed} completed by endCall)`,
    );
  }
  for (const result of results) {
    const { claim } = result;
    const tables = [...claim.tables]
      .map(
        ([name, table]) =>
          `${name}: ${table.deadRows} dead row versions, ${table.updates} updates, ${fixed(table.hotPercent, 1)} % HOT, ` +
          `autovacuum ${table.autovacuums}×, autoanalyze ${table.autoanalyzes}×`,
      )
      .join('; ');
    console.log(
      `${result.label}: rescan plan at the end of the window: ${claim.plan}, expecting ${claim.estimatedRows} rows ` +
        `(${result.calls} active); so far: ${tables}` +
        (result.vacuumSeconds === undefined ? '' : `; vacuum (analyze) before the warm-up took ${result.vacuumSeconds.toFixed(1)} s`),
    );
  }
  const abs = results.filter((result) => result.ab !== undefined);
  if (abs.length > 0) {
    console.log('');
    console.log(
      "Same-run A/B of the clock's per-call statements after the window (clock stopped), on the same active calls (placement order, as the clock " +
        `meets them), ${AB_ROUNDS} batches a side, alternating: wide = lock the call row and write a new version of it (the clock ` +
        'before the meter); meter = lock the call row and its meter, write the narrow meter row (now). ms/batch = begin, claim, write, commit.',
    );
    console.log(
      row(
        AB_COLUMNS,
        AB_COLUMNS.map(([title]) => title),
      ),
    );
    for (const result of abs) {
      const ab = result.ab!;
      const mean = (values: Float64Array) => values.reduce((sum, value) => sum + value, 0) / values.length;
      for (const [side, values, hot] of [
        ['wide call row (before)', ab.wideMs, ab.wideHotPercent],
        ['call_meter (now)', ab.meterMs, ab.meterHotPercent],
      ] as const) {
        console.log(
          row(AB_COLUMNS, [
            `${side}`,
            String(ab.batchSize),
            fixed(percentile(values, 0.5), 2),
            fixed(mean(values), 2),
            fixed(percentile(values, 1), 2),
            fixed((ab.batchSize * 1000) / mean(values), 0),
            fixed(hot, 1),
          ]),
        );
      }
      console.log(`meter / wide, mean ms per batch: ${fixed(mean(ab.meterMs) / mean(ab.wideMs), 2)}`);
    }
  }
  const goal = results.find((result) => !isBaseline(result.batchSize));
  // Only the product's batch size must keep every grant: the baseline of one transaction per call
  // cannot keep up with the goal's calls (its capacity is in the table above), so its grants lapse.
  for (const result of results) {
    if (!result.lapsed) continue;
    console.log(
      !isBaseline(result.batchSize)
        ? `${result.label}: FAILED, grants lapsed: ${result.lapsed}`
        : `${result.label}: grants lapsed, as expected of this baseline at ${CALLS.toLocaleString('en-US')} calls (its capacity is above): ${result.lapsed}`,
    );
  }
  if (goal && GOAL_CALLS.includes(CALLS)) {
    const p99 = percentile(goal.lags, 0.99);
    const met = p99 <= GOAL_P99_MS && goal.lapsed === undefined;
    console.log(
      `Goal check: ${goal.label}, ${CALLS.toLocaleString('en-US')} calls: p99 = ${fixed(p99, 1)} ms${goal.lapsed ? ', grants lapsed' : ''} → ${met ? 'MET' : 'NOT MET'} (goal ≤ ${GOAL_P99_MS} ms)`,
    );
  } else {
    console.log(`Goal check: not measured (needs BENCH_CLOCK_CALLS in ${GOAL_CALLS.join(', ')} and batch size ${PRODUCT_BATCH_SIZE})`);
  }

  // The books, with every app closed: every call ended, every cost posted, every invariant.
  await database.end();
  resources.database = undefined;
  const orm = await createOrm({ databaseUrl, poolSizeMax: 2 });
  let booksHold = false;
  try {
    const calls = await selectCallBooks.one(orm.em.fork());
    const placed = CALLS * results.length;
    const allEnded = PLACE_WITH_SQL
      ? calls.total === placed && (STALL_MS > 0 || calls.active === placed) && calls.unposted === 0
      : calls.total === placed && calls.active === 0 && calls.unposted === 0 && calls.reserved === '0';
    await assertLedgerInvariants(orm.em.fork());
    booksHold = allEnded;
    console.log(
      `Calls: ${calls.total} placed, ${calls.completed} completed, ${calls.active} active, ${calls.unposted} without their cost posted, ` +
        `wallets' reserved credit ${calls.reserved}; ledger invariants: all hold (assertLedgerInvariants) → ${allEnded ? 'OK' : 'FAILED'}`,
    );
  } catch (error) {
    console.log(`Ledger invariants: BROKEN: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await orm.close(true);
  }
  console.log(`Total bench time: ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
  return booksHold && results.every((result) => result.lapsed === undefined || isBaseline(result.batchSize));
}

const resources: Resources = {};
/** Hard cap on the whole run, in ms: set-up, each run's placement, warm-up, window and hang-ups with slack, and the checks. */
// Placing and hanging up take ~100 s each per 10,000 calls on a 2-core machine: the slack grows with the calls.
const RUN_TIME_MAX_MS =
  120_000 +
  BATCH_SIZES.length *
    (2 * PLACEMENT_SECONDS * 1000 + (WARMUP_SECONDS + MEASURE_SECONDS) * 1000 + 240_000 * Math.max(1, Math.ceil(CALLS / 10_000)));
await runBench({ resources, runTimeMaxMs: RUN_TIME_MAX_MS, main, cleanUp });
