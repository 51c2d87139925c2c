/**
 * `node dist/bench/call-setup.js`: call set-up rate, `startCall`/s and `endCall`/s through GraphQL
 * over HTTP, with N concurrent clients each placing a call and hanging it up, one request at a time
 * (a predictive dialer). The same run measures the server twice on the same database: with call
 * batching off (`CALL_BATCH_SIZE_MAX=1`: each start and each end in a transaction of its own, as
 * before group commit; the baseline) and on (the server's default settings), so `ratio` = on ÷ off
 * is an A/B under the same machine load. Latencies per request as the client sees it (p50/p99, ms);
 * CPU in % of one core (server, bench, PostgreSQL, and "other": the rest of the machine). `stmts/call` and
 * `commits/call`: what PostgreSQL ran per call placed and hung up (pg_stat_statements, pg_stat_database;
 * statistics of every session, the server's jobs included), figures a loaded machine does not change;
 * `server µs/call` and `pg µs/call`: CPU time per call placed and hung up, which it changes far less than the rates;
 * `stmt ms/call`: time PostgreSQL's statements ran per call, summed (row-lock waits included); `WAL rec/call` and
 * `WAL B/call`: the WAL they wrote per call (each heap row and index entry written is a record: load does not change them).
 *
 * Bulk (`BENCH_CALL_BULK_ITEMS=N`, default 0: off): each point is then run a second time with every
 * client sending `startCalls` of N calls on its campaign and `endCalls` of the ones started, one request
 * at a time, on the same server right after the single-mutation point (column `request`: "single" or
 * "bulk×N"); starts/s and ends/s count calls, latencies are per request. The A/B lines compare the two.
 *
 * Scenarios: "one" (every client calls through ONE campaign of one account and wallet: the rows a
 * call start locks are all shared, the dialer case) and "spread" (each client has an account,
 * wallet and campaign of its own). Goal: >= 1,500 startCall/s and >= 1,500 endCall/s on 2 cores.
 *
 * Setup: a throwaway embedded PostgreSQL with default durability (fsync and synchronous_commit on),
 * the server as a child process; accounts, rate plan and campaigns through the API; the billing
 * clock runs (60-second increments: no call lives long enough to be extended). Ends with the ledger
 * invariants check (verifyLedger) and a count of calls against what the bench saw: every call it
 * started is in the books once, ended, with its cost posted. Exits 1 on any error or failed check;
 * the goal is reported, not enforced.
 *
 * Environment: `BENCH_CALL_CLIENTS` (default "32"; a list such as "8,32" runs each), `BENCH_CALL_SECONDS`
 * per point (default 10), `BENCH_CALL_WARMUP_SECONDS` (default 2), `BENCH_CALL_SCENARIOS` (default
 * "one,spread"), `BENCH_CALL_MODES` (default "off,on"; in the order given, repeats allowed; "base" runs
 * the build `BENCH_CALL_BASE_ENTRY` names, e.g. "base,on,on,base" for an A/B of two builds, on a database of its own in the same PostgreSQL: its migrations, its tables), `BENCH_CALL_TOP_STATEMENTS` (print the N most called statements, per mode: ms, executions and WAL records per 1,000 calls placed; default 0), `BENCH_SERVER_POOL_SIZE` (the server's DATABASE_POOL_SIZE; default
 * the server's own), `BENCH_CALL_BULK_ITEMS` (calls per startCalls/endCalls request in the bulk points; default 0, no bulk points), `BENCH_CALL_RATE` (calls placed per second in the single-mutation points, all clients together; default 0: as fast as they go; a paced A/B compares CPU per call at one rate, robust to other work on the machine; paced calls come spread out, so their batches are smaller than at the closed-loop goal point), `BENCH_CALL_X1_ENV`…`BENCH_CALL_X4_ENV` (modes "x1"…"x4": this build with the JSON object of environment variables given, e.g. '{"OUTBOX_TAIL_READ_INTERVAL_MIN_MS":"0"}'), `BENCH_CALL_REQUESTS` ("bulk": the bulk points only), `BENCH_CALL_TOP_BY` ("time": the top statements by total time rather than calls), `BENCH_SERVER_NODE_ARGS` (extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ensureDatabase } from '../server/database/database.js';
import { startEmbeddedPostgres } from '../server/database/embedded-postgres.js';
import { createOrm } from '../server/database/orm.js';
import { sql } from '../server/database/sql.js';
import { verifyLedger } from '../server/domain/wallets/verify-ledger.js';
import pg from 'pg';
import { cleanUpServerBench, SERVER_ENTRY, startServer, stopServer, type ServerBenchResources } from './bench-server.js';
import {
  cpuBetween,
  createFundedWallet,
  fixed,
  graphqlOk,
  graphqlPoster,
  integerListFromEnv,
  Latencies,
  numberFromEnv,
  percentile,
  postmasterPid,
  row,
  sampleCpu,
  type BenchWallet,
  type CpuUse,
  type HttpAnswer,
  runBench,
  sleep,
} from './bench-support.js';

const CLIENT_COUNTS = integerListFromEnv('BENCH_CALL_CLIENTS', [32], 512);
const POINT_SECONDS = numberFromEnv('BENCH_CALL_SECONDS', 10, 1, 600);
const WARMUP_SECONDS = numberFromEnv('BENCH_CALL_WARMUP_SECONDS', 2, 0, 60);
const SCENARIOS = (process.env.BENCH_CALL_SCENARIOS ?? 'one,spread').split(',').map((name) => name.trim()) as Scenario[];
const SERVER_POOL_SIZE = process.env.BENCH_SERVER_POOL_SIZE ? numberFromEnv('BENCH_SERVER_POOL_SIZE', 16, 2, 500) : undefined;
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
/** How many of the most called statements to print at the end (0: none). */
const TOP_STATEMENTS = numberFromEnv('BENCH_CALL_TOP_STATEMENTS', 0, 0, 200);
/**
 * Calls placed per second in the single-mutation points, all clients together (0: as fast as they go).
 * A paced point runs both builds of an A/B at the same rate, so their CPU per call compares even when
 * other work on the machine would have made their closed-loop rates differ.
 */
const CALL_RATE = numberFromEnv('BENCH_CALL_RATE', 0, 0, 100_000);
/** Calls per startCalls/endCalls request of the bulk points (0: single mutations only). */
const BULK_ITEMS = numberFromEnv('BENCH_CALL_BULK_ITEMS', 0, 0, 1_000);
/** Whether the bulk points run alone (`BENCH_CALL_REQUESTS=bulk`: no single-mutation points, for A/B runs of lists). */
const BULK_ONLY = process.env.BENCH_CALL_REQUESTS === 'bulk';
if (BULK_ONLY && BULK_ITEMS === 0) throw new Error('BENCH_CALL_REQUESTS=bulk needs BENCH_CALL_BULK_ITEMS');
/** How each point sends its calls: one mutation per call, then (with BULK_ITEMS) lists of BULK_ITEMS. */
const REQUEST_KINDS: readonly number[] = BULK_ONLY ? [BULK_ITEMS] : BULK_ITEMS > 0 ? [1, BULK_ITEMS] : [1];
const requestName = (items: number) => (items === 1 ? 'single' : `bulk×${items}`);
const DATABASE_NAME = 'spendwire_call_bench';
const GOAL_PER_SECOND = 1_500;

type Scenario = 'one' | 'spread';
for (const scenario of SCENARIOS) {
  if (scenario !== 'one' && scenario !== 'spread') throw new Error(`BENCH_CALL_SCENARIOS: unknown scenario "${scenario}" (one, spread)`);
}

/**
 * Another build's server entry (e.g. the base commit's `dist/server/main.js`, built in a checkout of
 * its own), measured as mode "base" with its default settings: an A/B of two builds in one run.
 */
const BASE_ENTRY = process.env.BENCH_CALL_BASE_ENTRY ? path.resolve(process.env.BENCH_CALL_BASE_ENTRY) : undefined;

/** The servers of the A/B: batching off (the baseline), on (the defaults), and the other build. */
const ALL_MODES: readonly { name: string; key: string; env: Record<string, string>; entry?: string }[] = [
  { name: 'batching off', key: 'off', env: { CALL_BATCH_SIZE_MAX: '1' } },
  { name: 'batching on', key: 'on', env: {} },
  ...(BASE_ENTRY ? [{ name: 'base build', key: 'base', env: {}, entry: BASE_ENTRY }] : []),
  ...['x1', 'x2', 'x3', 'x4'].flatMap((key) =>
    process.env[`BENCH_CALL_${key.toUpperCase()}_ENV`]
      ? [{ name: `on ${key}`, key, env: JSON.parse(process.env[`BENCH_CALL_${key.toUpperCase()}_ENV`]!) as Record<string, string> }]
      : [],
  ),
];
/** Modes in the order run; one may come twice (e.g. "base,on,on,base" alternates the two builds). */
const MODE_KEYS = (process.env.BENCH_CALL_MODES ?? 'off,on').split(',').map((name) => name.trim());
const MODES = MODE_KEYS.map((key) => {
  const mode = ALL_MODES.find((candidate) => candidate.key === key);
  if (!mode) throw new Error(`BENCH_CALL_MODES: unknown mode "${key}" (off, on, and base with BENCH_CALL_BASE_ENTRY)`);
  return mode;
});

const START_CALL = 'mutation($input: StartCallInput!) { startCall(input: $input) { call { id status } } }';
const END_CALL = 'mutation($input: EndCallInput!) { endCall(input: $input) { call { id status } } }';
const START_CALLS = 'mutation($input: StartCallsInput!) { startCalls(input: $input) { results { call { id status } error { code } } } }';
const END_CALLS = 'mutation($input: EndCallsInput!) { endCalls(input: $input) { results { status call { status } error { code } } } }';

/** One client's campaign (and the key that places its calls). */
interface Dialer {
  ownerKey: string;
  campaignId: string;
}

/** What one point measured. */
interface Point {
  mode: string;
  /** "single", or "bulk×N" for startCalls/endCalls of N calls. */
  request: string;
  scenario: Scenario;
  clients: number;
  starts: number;
  ends: number;
  seconds: number;
  startLatencies: Latencies;
  endLatencies: Latencies;
  errors: Map<string, number>;
  cpu: CpuUse;
  /** Statements PostgreSQL ran per call placed and hung up (pg_stat_statements), all sessions of the database. */
  statementsPerCall: number;
  /** Commits per call placed and hung up (pg_stat_database). */
  commitsPerCall: number;
  /**
   * Milliseconds statements ran per call placed and hung up, summed over statements (pg_stat_statements'
   * execution time, which includes waiting for row locks): where calls queue on shared rows, this grows.
   */
  statementMsPerCall: number;
  /**
   * WAL records and bytes PostgreSQL's statements wrote per call placed and hung up (pg_stat_statements):
   * every heap row and index entry written is a record, so they count the write work, whatever the load.
   */
  walRecordsPerCall: number;
  walBytesPerCall: number;
}

type Resources = ServerBenchResources;

/** Creates a funded account through the API with a running campaign on `ratePlanId`. */
async function dialerFor(
  agent: http.Agent,
  port: number,
  adminToken: string,
  ratePlanId: string,
  name: string,
): Promise<Dialer & BenchWallet> {
  const wallet = await createFundedWallet(agent, port, adminToken, name);
  const created = await graphqlOk<{ createCampaign: { campaign: { id: string } } }>(
    agent,
    port,
    wallet.ownerKey,
    'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }',
    { input: { walletId: wallet.walletId, ratePlanId, name } },
  );
  const campaignId = created.createCampaign.campaign.id;
  await graphqlOk(agent, port, wallet.ownerKey, 'mutation($id: ID!) { startCampaign(id: $id) { campaign { id } } }', { id: campaignId });
  return { ...wallet, campaignId };
}

/** Counts a failure by what it was, in `point.errors`. */
function failureCounter(point: Pick<Point, 'errors'>): (what: string) => void {
  return (what) => point.errors.set(what, (point.errors.get(what) ?? 0) + 1);
}

/**
 * Runs `round` for every dialer (client) again and again, one at a time per client on its own
 * keep-alive connection to the server on `port` (`BENCH_HTTP_CLIENT`: lean unless `node`), until `untilMs`. `nextNumber()` gives the client's next destination number.
 */
async function eachDialerUntil(
  port: number,
  dialers: readonly Dialer[],
  untilMs: number,
  round: (dialer: Dialer, post: (body: string) => Promise<HttpAnswer>, nextNumber: () => string) => Promise<void>,
): Promise<void> {
  await Promise.all(
    dialers.map(async (dialer, client) => {
      const poster = graphqlPoster(port, dialer.ownerKey);
      const post = (body: string) => poster.post(body);
      let sequence = 0;
      const nextNumber = () => {
        sequence += 1;
        return `+1555${String(client).padStart(3, '0')}${String(sequence % 10_000).padStart(4, '0')}`;
      };
      try {
        while (performance.now() < untilMs) await round(dialer, post, nextNumber);
      } finally {
        poster.close();
      }
    }),
  );
}

/**
 * Every client places a call and hangs it up, one request at a time, until `untilMs`; counts what
 * finished after `measureFromMs` (the warm-up's requests are not counted).
 */
async function runPoint(
  port: number,
  dialers: readonly Dialer[],
  measureFromMs: number,
  untilMs: number,
  point: Pick<Point, 'startLatencies' | 'endLatencies' | 'errors'> & { starts: number; ends: number },
  startedCalls: Set<string>,
): Promise<void> {
  const fail = failureCounter(point);
  // Paced (BENCH_CALL_RATE): the clients share one schedule of start times, 1/rate apart.
  let nextSlotMs = performance.now();
  await eachDialerUntil(port, dialers, untilMs, async (dialer, post, nextNumber) => {
    if (CALL_RATE > 0) {
      const slotMs = Math.max(nextSlotMs, performance.now());
      nextSlotMs = slotMs + 1000 / CALL_RATE;
      await sleep(Math.min(slotMs, untilMs) - performance.now());
      if (slotMs >= untilMs) return;
    }
    const to = nextNumber();
    const startedAt = performance.now();
    const start = await post(JSON.stringify({ query: START_CALL, variables: { input: { campaignId: dialer.campaignId, to } } }));
    const started = parseAnswer<{ startCall: { call: { id: string; status: string } } }>(start.body);
    if (started.data?.startCall.call.status !== 'ACTIVE') {
      fail(started.code ?? `startCall ${started.data?.startCall.call.status ?? start.status}`);
      return;
    }
    const callId = started.data.startCall.call.id;
    startedCalls.add(callId);
    const endingAt = performance.now();
    if (startedAt >= measureFromMs) {
      point.starts += 1;
      point.startLatencies.push(endingAt - startedAt);
    }
    const end = await post(JSON.stringify({ query: END_CALL, variables: { input: { callId } } }));
    const ended = parseAnswer<{ endCall: { call: { status: string } } }>(end.body);
    if (ended.data?.endCall.call.status !== 'COMPLETED') {
      fail(ended.code ?? `endCall ${ended.data?.endCall.call.status ?? end.status}`);
      return;
    }
    if (endingAt >= measureFromMs) {
      point.ends += 1;
      point.endLatencies.push(performance.now() - endingAt);
    }
  });
}

/**
 * Every client sends startCalls of `items` calls on its campaign and endCalls of the ones started, one
 * request at a time, until `untilMs`; counts the calls of the requests sent after `measureFromMs`.
 */
async function runBulkPoint(
  port: number,
  dialers: readonly Dialer[],
  items: number,
  measureFromMs: number,
  untilMs: number,
  point: Pick<Point, 'startLatencies' | 'endLatencies' | 'errors'> & { starts: number; ends: number },
  startedCalls: Set<string>,
): Promise<void> {
  const fail = failureCounter(point);
  await eachDialerUntil(port, dialers, untilMs, async (dialer, post, nextNumber) => {
    const calls = Array.from({ length: items }, () => ({ campaignId: dialer.campaignId, to: nextNumber() }));
    const startedAt = performance.now();
    const start = await post(JSON.stringify({ query: START_CALLS, variables: { input: { calls } } }));
    const started = parseAnswer<{
      startCalls: { results: { call: { id: string; status: string } | null; error: { code: string } | null }[] };
    }>(start.body);
    if (!started.data) {
      fail(started.code ?? `startCalls ${start.status}`);
      return;
    }
    const callIds: string[] = [];
    for (const result of started.data.startCalls.results) {
      if (result.call?.status === 'ACTIVE') callIds.push(result.call.id);
      else fail(result.error?.code ?? `startCalls ${result.call?.status}`);
    }
    for (const callId of callIds) startedCalls.add(callId);
    const endingAt = performance.now();
    if (startedAt >= measureFromMs) {
      point.starts += callIds.length;
      point.startLatencies.push(endingAt - startedAt);
    }
    if (callIds.length === 0) return;
    const end = await post(JSON.stringify({ query: END_CALLS, variables: { input: { calls: callIds.map((callId) => ({ callId })) } } }));
    const ended = parseAnswer<{
      endCalls: { results: { status: string; call: { status: string } | null; error: { code: string } | null }[] };
    }>(end.body);
    if (!ended.data) {
      fail(ended.code ?? `endCalls ${end.status}`);
      return;
    }
    let endedCount = 0;
    for (const result of ended.data.endCalls.results) {
      if (result.status === 'ENDED' && result.call?.status === 'COMPLETED') endedCount += 1;
      else fail(result.error?.code ?? `endCalls ${result.status}`);
    }
    if (endingAt >= measureFromMs) {
      point.ends += endedCount;
      point.endLatencies.push(performance.now() - endingAt);
    }
  });
}

function parseAnswer<T>(body: string): { data?: T; code?: string } {
  const parsed = JSON.parse(body) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (parsed.errors?.length) return { code: parsed.errors[0]!.extensions?.code ?? parsed.errors[0]!.message.slice(0, 60) };
  return { data: parsed.data };
}

const COLUMNS = [
  ['mode', 13],
  ['request', 9],
  ['scenario', 8],
  ['clients', 7],
  ['start/s', 8],
  ['p50 ms', 7],
  ['p99 ms', 7],
  ['end/s', 8],
  ['p50 ms', 7],
  ['p99 ms', 7],
  ['errors', 6],
  ['stmts/call', 10],
  ['commits/call', 12],
  ['stmt ms/call', 12],
  ['WAL rec/call', 12],
  ['WAL B/call', 10],
  ['server%', 7],
  ['pg%', 5],
  ['server µs/call', 14],
  ['pg µs/call', 10],
  ['bench%', 6],
  ['other%', 6],
] as const;

function printPoint(point: Point): void {
  const starts = point.startLatencies.sorted();
  const ends = point.endLatencies.sorted();
  const errors = [...point.errors.values()].reduce((sum, n) => sum + n, 0);
  console.log(
    row(COLUMNS, [
      point.mode,
      point.request,
      point.scenario,
      String(point.clients),
      fixed(point.starts / point.seconds, 0),
      fixed(percentile(starts, 0.5), 1),
      fixed(percentile(starts, 0.99), 1),
      fixed(point.ends / point.seconds, 0),
      fixed(percentile(ends, 0.5), 1),
      fixed(percentile(ends, 0.99), 1),
      String(errors),
      fixed(point.statementsPerCall, 1),
      fixed(point.commitsPerCall, 2),
      fixed(point.statementMsPerCall, 1),
      fixed(point.walRecordsPerCall, 1),
      fixed(point.walBytesPerCall, 0),
      fixed(point.cpu.serverPercent, 0),
      fixed(point.cpu.postgresPercent, 0),
      fixed(cpuPerCallMicros(point, point.cpu.serverPercent), 0),
      fixed(cpuPerCallMicros(point, point.cpu.postgresPercent), 0),
      fixed(point.cpu.benchPercent, 0),
      fixed(point.cpu.otherPercent, 0),
    ]),
  );
  if (errors > 0) console.log(`  errors: ${JSON.stringify(Object.fromEntries(point.errors))}`);
}

/**
 * CPU time per call placed and hung up, in µs of one core: a figure the machine's load changes far
 * less than the rates (a busy machine slows every request, but each costs about the same work).
 */
function cpuPerCallMicros(point: Point, percent: number): number {
  const pairs = Math.max(1, (point.starts + point.ends) / 2);
  return ((percent / 100) * point.seconds * 1_000_000) / pairs;
}

const countCalls = sql<{ total: number; ended: number; posted: number }, { callIds: string[] }>(
  `select count(*)::int as total, count(*) filter (where status = 'COMPLETED')::int as ended,
          count(*) filter (where transaction_id is not null)::int as posted
     from call where id = any(:callIds::uuid[])`,
);

async function main(resources: Resources): Promise<boolean> {
  if (!fs.existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run \`npm run build:server\` first.`);
  const maxClients = Math.max(...CLIENT_COUNTS);
  resources.tempDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'spendwire-call-bench-'));
  const postgresDir = path.join(resources.tempDir, 'postgres');
  // Default durability on purpose (no fsync=off): a call starts once its WAL is flushed.
  resources.cluster = await startEmbeddedPostgres({
    dataDir: postgresDir,
    port: 0,
    persistent: false,
    settings: { max_connections: String(Math.max(100, maxClients + 60)), shared_preload_libraries: 'pg_stat_statements' },
  });
  // One database per build: this build's modes share one, the base build has its own (its schema is
  // its own migrations'), both on the same PostgreSQL, so that an A/B of a migration compares the
  // two schemas and each build's tables grow only with its own calls.
  const books = new Map<string, Book>();
  const bookFor = async (mode: { key: string }): Promise<Book> => {
    const name = mode.key === 'base' ? `${DATABASE_NAME}_base` : DATABASE_NAME;
    const existing = books.get(name);
    if (existing) return existing;
    await ensureDatabase(resources.cluster!.serverUrl, name);
    const url = resources.cluster!.urlFor(name);
    // Statements and commits per call: figures the machine's load does not change (times it does).
    const statistics = new pg.Client({ connectionString: url });
    statistics.on('error', () => {});
    await statistics.connect();
    await statistics.query('create extension if not exists pg_stat_statements');
    const book: Book = { name, url, statistics, startedCalls: new Set<string>() };
    books.set(name, book);
    return book;
  };
  const databaseWork = async (statistics: pg.Client): Promise<DatabaseWork> => {
    const { rows } = await statistics.query<{
      statements: string;
      commits: string;
      statement_ms: string;
      wal_records: string;
      wal_bytes: string;
    }>(
      `select s.statements, d.xact_commit::text as commits, s.statement_ms, s.wal_records, s.wal_bytes
         from pg_stat_database d
         cross join lateral (
           select coalesce(sum(calls), 0)::text as statements, coalesce(sum(total_exec_time), 0)::text as statement_ms,
                  coalesce(sum(wal_records), 0)::text as wal_records, coalesce(sum(wal_bytes), 0)::text as wal_bytes
             from pg_stat_statements where dbid = d.datid) s
        where d.datname = current_database()`,
    );
    const work = rows[0]!;
    return {
      statements: Number(work.statements),
      commits: Number(work.commits),
      statementMs: Number(work.statement_ms),
      walRecords: Number(work.wal_records),
      walBytes: Number(work.wal_bytes),
    };
  };
  const adminToken = `sw_admin_${randomBytes(24).toString('base64url')}`;

  console.log(
    `Call set-up: ${SCENARIOS.join(', ')} at ${CLIENT_COUNTS.join(', ')} clients, ${POINT_SECONDS} s per point after ${WARMUP_SECONDS} s warm-up; ` +
      `${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((value) => value.toFixed(1))
        .join(' ')}`,
  );
  console.log(
    row(
      COLUMNS,
      COLUMNS.map(([name]) => name),
    ),
  );
  const points: Point[] = [];
  // Each mode's statements (pg_stat_statements, reset as the mode begins): time and calls per 1,000 calls it placed.
  const modeStatements: { mode: string; calls: number; statements: Map<string, StatementWork> }[] = [];
  for (const [modeIndex, mode] of MODES.entries()) {
    // Names of what this mode creates (plan, accounts, campaigns): a mode that runs twice makes new ones.
    const label = `${mode.name} #${modeIndex + 1}`;
    const { url: databaseUrl, statistics, startedCalls } = await bookFor(mode);
    if (TOP_STATEMENTS > 0) await statistics.query('select pg_stat_statements_reset()');
    const callsBefore = startedCalls.size;
    resources.server = await startServer({
      databaseUrl,
      adminToken,
      dataDir: path.join(resources.tempDir, 'server-data'),
      poolSize: SERVER_POOL_SIZE,
      nodeArgs: SERVER_NODE_ARGS,
      entry: mode.entry,
      env: {
        GRAPHQL_MUTATIONS_PER_WINDOW_MAX: '100000000',
        GRAPHQL_QUERIES_PER_WINDOW_MAX: '100000000',
        CONCURRENT_CALLS_MAX: '1000000',
        ...mode.env,
      },
    });
    const server = resources.server;
    const subjects = { serverPid: server.child.pid, postgresPid: postmasterPid(postgresDir) };
    const setupAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const rate = await graphqlOk<{ createRatePlan: { ratePlan: { id: string } } }>(
      setupAgent,
      server.port,
      adminToken,
      'mutation($input: CreateRatePlanInput!) { createRatePlan(input: $input) { ratePlan { id } } }',
      {
        input: {
          name: `bench ${label}`,
          currency: 'USD',
          rates: [{ prefix: '', perMinute: '0.01', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }],
        },
      },
    );
    const ratePlanId = rate.createRatePlan.ratePlan.id;
    for (const scenario of SCENARIOS) {
      for (const clients of CLIENT_COUNTS) {
        const dialers: Dialer[] = [];
        if (scenario === 'one') {
          const dialer = await dialerFor(setupAgent, server.port, adminToken, ratePlanId, `one ${label} ${clients}`);
          for (let i = 0; i < clients; i++) dialers.push(dialer);
        } else {
          for (let i = 0; i < clients; i++)
            dialers.push(await dialerFor(setupAgent, server.port, adminToken, ratePlanId, `spread ${label} ${clients} ${i}`));
        }
        for (const items of REQUEST_KINDS) {
          const point = {
            mode: mode.name,
            request: requestName(items),
            scenario,
            clients,
            starts: 0,
            ends: 0,
            seconds: POINT_SECONDS,
            startLatencies: new Latencies(),
            endLatencies: new Latencies(),
            errors: new Map<string, number>(),
          };
          const began = performance.now();
          const measureFromMs = began + WARMUP_SECONDS * 1000;
          let before = sampleCpu(subjects);
          let workBefore = await databaseWork(statistics);
          const cpuAtMeasure = setTimeout(() => {
            before = sampleCpu(subjects);
            void databaseWork(statistics).then((work) => (workBefore = work));
          }, WARMUP_SECONDS * 1000);
          if (items === 1) await runPoint(server.port, dialers, measureFromMs, measureFromMs + POINT_SECONDS * 1000, point, startedCalls);
          else await runBulkPoint(server.port, dialers, items, measureFromMs, measureFromMs + POINT_SECONDS * 1000, point, startedCalls);
          clearTimeout(cpuAtMeasure);
          // Requests still running at the end finish after it: the rate counts what finished within it.
          point.seconds = (performance.now() - measureFromMs) / 1000;
          const cpu = cpuBetween(before, sampleCpu(subjects));
          // The cumulative statistics reach pg_stat_database within a second of a transaction's end.
          await sleep(1_500);
          const workAfter = await databaseWork(statistics);
          const pairs = Math.max(1, (point.starts + point.ends) / 2);
          const measured: Point = {
            ...point,
            cpu,
            statementsPerCall: (workAfter.statements - workBefore.statements) / pairs,
            commitsPerCall: (workAfter.commits - workBefore.commits) / pairs,
            statementMsPerCall: (workAfter.statementMs - workBefore.statementMs) / pairs,
            walRecordsPerCall: (workAfter.walRecords - workBefore.walRecords) / pairs,
            walBytesPerCall: (workAfter.walBytes - workBefore.walBytes) / pairs,
          };
          points.push(measured);
          printPoint(measured);
        }
      }
    }
    setupAgent.destroy();
    if (TOP_STATEMENTS > 0) {
      // Read before the server stops: its jobs' statements while the calls ran count, its shutdown's do not.
      const { rows } = await statistics.query<{ ms: number; calls: string; wal_records: string; query: string }>(
        `select s.total_exec_time as ms, s.calls::text, s.wal_records::text, regexp_replace(s.query, '\\s+', ' ', 'g') as query
           from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = current_database()`,
      );
      modeStatements.push({
        mode: mode.name,
        calls: startedCalls.size - callsBefore,
        statements: new Map(
          rows.map((statement) => [
            statement.query,
            { ms: statement.ms, calls: Number(statement.calls), walRecords: Number(statement.wal_records) },
          ]),
        ),
      });
    }
    await stopServer(server);
    resources.server = undefined;
  }

  // Each mode against "batching on" (the mean of its points when a mode ran more than once).
  const modeNames = [...new Set(MODES.map((mode) => mode.name))];
  if (modeNames.length > 1 && modeNames.includes('batching on')) {
    console.log('\nA/B (same run; "batching on" is this build with its default settings):');
    const mean = (name: string, request: string, scenario: Scenario, clients: number, pick: (p: Point) => number) => {
      const matching = points.filter((p) => p.mode === name && p.request === request && p.scenario === scenario && p.clients === clients);
      return matching.reduce((sum, p) => sum + pick(p), 0) / matching.length;
    };
    const perCall = (p: Point) => ({
      server: cpuPerCallMicros(p, p.cpu.serverPercent),
      postgres: cpuPerCallMicros(p, p.cpu.postgresPercent),
    });
    for (const request of REQUEST_KINDS.map(requestName)) {
      for (const scenario of SCENARIOS) {
        for (const clients of CLIENT_COUNTS) {
          const figures = (name: string) => ({
            starts: mean(name, request, scenario, clients, (p) => p.starts / p.seconds),
            ends: mean(name, request, scenario, clients, (p) => p.ends / p.seconds),
            serverMicros: mean(name, request, scenario, clients, (p) => perCall(p).server),
            postgresMicros: mean(name, request, scenario, clients, (p) => perCall(p).postgres),
            statements: mean(name, request, scenario, clients, (p) => p.statementsPerCall),
            commits: mean(name, request, scenario, clients, (p) => p.commitsPerCall),
            walRecords: mean(name, request, scenario, clients, (p) => p.walRecordsPerCall),
            walBytes: mean(name, request, scenario, clients, (p) => p.walBytesPerCall),
          });
          const on = figures('batching on');
          for (const other of modeNames.filter((name) => name !== 'batching on')) {
            const them = figures(other);
            console.log(
              `  ${request} ${scenario} at ${clients} clients: starts ${fixed(on.starts, 0)}/s vs ${other} ${fixed(them.starts, 0)}/s ` +
                `(${fixed(on.starts / them.starts, 2)}×), ends ${fixed(on.ends, 0)}/s vs ${fixed(them.ends, 0)}/s (${fixed(on.ends / them.ends, 2)}×); ` +
                `per call: server ${fixed(on.serverMicros, 0)} vs ${fixed(them.serverMicros, 0)} µs (${fixed(on.serverMicros / them.serverMicros, 2)}×), ` +
                `pg ${fixed(on.postgresMicros, 0)} vs ${fixed(them.postgresMicros, 0)} µs (${fixed(on.postgresMicros / them.postgresMicros, 2)}×), ` +
                `stmts ${fixed(on.statements, 2)} vs ${fixed(them.statements, 2)}, commits ${fixed(on.commits, 3)} vs ${fixed(them.commits, 3)}, ` +
                `WAL records ${fixed(on.walRecords, 1)} vs ${fixed(them.walRecords, 1)}, WAL bytes ${fixed(on.walBytes, 0)} vs ${fixed(them.walBytes, 0)}`,
            );
          }
          console.log(
            `  ${request} ${scenario} at ${clients} clients: goal ${GOAL_PER_SECOND}/s each ` +
              `${on.starts >= GOAL_PER_SECOND && on.ends >= GOAL_PER_SECOND ? 'reached' : 'not reached'}`,
          );
        }
      }
    }
  }

  if (BULK_ITEMS > 0 && !BULK_ONLY) {
    // startCalls/endCalls lists against single mutations: the same mode, scenario and clients, same run.
    console.log(`\nBulk (${requestName(BULK_ITEMS)}) against single mutations (same run, same server):`);
    const meanOf = (request: string, name: string, scenario: Scenario, clients: number, pick: (p: Point) => number) => {
      const matching = points.filter((p) => p.request === request && p.mode === name && p.scenario === scenario && p.clients === clients);
      return matching.reduce((sum, p) => sum + pick(p), 0) / matching.length;
    };
    for (const name of [...new Set(MODES.map((mode) => mode.name))]) {
      for (const scenario of SCENARIOS) {
        for (const clients of CLIENT_COUNTS) {
          const rates = (request: string) => ({
            starts: meanOf(request, name, scenario, clients, (p) => p.starts / p.seconds),
            ends: meanOf(request, name, scenario, clients, (p) => p.ends / p.seconds),
          });
          const single = rates('single');
          const bulk = rates(requestName(BULK_ITEMS));
          console.log(
            `  ${name}, ${scenario} at ${clients} clients: starts ${fixed(bulk.starts, 0)}/s vs single ${fixed(single.starts, 0)}/s ` +
              `(${fixed(bulk.starts / single.starts, 2)}×), ends ${fixed(bulk.ends, 0)}/s vs ${fixed(single.ends, 0)}/s ` +
              `(${fixed(bulk.ends / single.ends, 2)}×); goal ${GOAL_PER_SECOND}/s each ` +
              `${bulk.starts >= GOAL_PER_SECOND && bulk.ends >= GOAL_PER_SECOND ? 'reached' : 'not reached'} in bulk`,
          );
        }
      }
    }
  }

  if (TOP_STATEMENTS > 0) {
    // Where PostgreSQL's work went, per mode (setup and the server's jobs included): each statement's
    // time and executions per 1,000 calls the mode placed (the mean of a mode's runs), the most costly
    // (or most called) over all modes first. Times move with the machine's load; executions do not.
    const byTime = process.env.BENCH_CALL_TOP_BY === 'time';
    const names = [...new Set(modeStatements.map((entry) => entry.mode))];
    const perThousand = (name: string, query: string, pick: (figures: StatementWork) => number) => {
      const runs = modeStatements.filter((entry) => entry.mode === name);
      return (
        runs.reduce(
          (sum, run) => sum + (pick(run.statements.get(query) ?? { ms: 0, calls: 0, walRecords: 0 }) * 1000) / Math.max(1, run.calls),
          0,
        ) / runs.length
      );
    };
    const queries = [...new Set(modeStatements.flatMap((entry) => [...entry.statements.keys()]))];
    const weight = (query: string) => names.reduce((sum, name) => sum + perThousand(name, query, (f) => (byTime ? f.ms : f.calls)), 0);
    const top = queries
      .map((query) => ({ query, weight: weight(query) }))
      .sort((a, b) => b.weight - a.weight)
      .slice(0, TOP_STATEMENTS);
    console.log(
      `\nMost ${byTime ? 'costly' : 'called'} statements per mode (ms and executions per 1,000 calls placed; setup and jobs included): ` +
        names.map((name) => `${name} [ms, execs, WAL records]`).join(' | '),
    );
    for (const { query } of top) {
      const cells = names.map(
        (name) =>
          `${fixed(
            perThousand(name, query, (f) => f.ms),
            0,
          ).padStart(7)} ${fixed(
            perThousand(name, query, (f) => f.calls),
            1,
          ).padStart(7)} ${fixed(
            perThousand(name, query, (f) => f.walRecords),
            0,
          ).padStart(7)}`,
      );
      console.log(`  ${cells.join(' | ')}  ${query.slice(0, 160)}`);
    }
  }
  for (const book of books.values()) await book.statistics.end();

  // The books of each database: every call the bench saw start is there once, ended and posted; the ledger holds.
  const errors = points.reduce((sum, p) => sum + [...p.errors.values()].reduce((a, b) => a + b, 0), 0);
  let allHold = errors === 0;
  for (const book of books.values()) {
    const orm = await createOrm({ databaseUrl: book.url, poolSizeMax: 2 });
    try {
      const ids = [...book.startedCalls];
      const counted = await countCalls.one(orm.em.fork(), { callIds: ids });
      const callsHold = counted.total === ids.length && counted.ended === ids.length && counted.posted === ids.length;
      console.log(
        `\nCalls (${book.name}): ${ids.length} started by the bench, ${counted.total} in the books, ${counted.ended} completed, ` +
          `${counted.posted} posted: ${callsHold ? 'match' : 'MISMATCH'}; errors seen (all databases): ${errors}`,
      );
      const violations = await verifyLedger(orm.em.fork());
      if (violations.length === 0) console.log(`Ledger invariants (${book.name}): all hold (verifyLedger).`);
      else {
        console.log(`Ledger invariants (${book.name}): ${violations.length} BROKEN (verifyLedger):`);
        for (const violation of violations.slice(0, 20)) console.log(`  ${JSON.stringify(violation)}`);
      }
      allHold &&= callsHold && violations.length === 0;
    } finally {
      await orm.close(true);
    }
  }
  return allHold;
}

/** What PostgreSQL's statements did in a database, summed (pg_stat_statements, pg_stat_database). */
interface DatabaseWork {
  statements: number;
  commits: number;
  statementMs: number;
  walRecords: number;
  walBytes: number;
}

/** One statement's totals over a mode: time (ms), executions and WAL records. */
interface StatementWork {
  ms: number;
  calls: number;
  walRecords: number;
}

/** A database of the run: the calls started on it, and the session that reads its statistics. */
interface Book {
  name: string;
  url: string;
  statistics: pg.Client;
  startedCalls: Set<string>;
}

const resources: Resources = {};
const pointCount = MODES.length * SCENARIOS.length * CLIENT_COUNTS.length * REQUEST_KINDS.length;
/** Hard cap on the whole run, in ms: setup per point (spread accounts), every point with slack, and the checks. */
const RUN_TIME_MAX_MS = 180_000 + pointCount * ((WARMUP_SECONDS + POINT_SECONDS) * 1000 + 60_000 + Math.max(...CLIENT_COUNTS) * 1_000);
await runBench({
  resources,
  runTimeMaxMs: RUN_TIME_MAX_MS,
  main,
  cleanUp: cleanUpServerBench,
  onError: (r) => {
    if (r.server) console.error(r.server.output.slice(-30).join('\n'));
  },
});
