/**
 * `npm run bench`: how many wallet charges per second the product serves through GraphQL over
 * HTTP, next to the very same ledger statement (`POST_WALLET_TRANSACTION`) sent as raw SQL
 * on the same database in the same run, with N concurrent clients each sending one request at a
 * time. Two scenarios: "spread" (each client charges a wallet of its own) and "hot" (every client
 * charges ONE wallet, so all of them queue on its row lock).
 *
 * How to read it: `ratio` = GraphQL charges/s ÷ raw SQL charges/s at the same N; 1.0 would mean
 * the server adds nothing over the database's own cost. Latencies are per request as the client
 * sees it (p50/p99, ms). The CPU table says who was busy during each point, in % of one core
 * (100 % = one core saturated): the server, the bench process, the PostgreSQL cluster (postmaster
 * and backends) and "other", the rest of the machine's busy time (other engineers' processes);
 * `µs/charge` is the server's CPU time per GraphQL charge, the figure to compare across runs.
 * Goal: ratio >= 0.5 at 16 clients (spread). Hot at 64 clients: GraphQL (postings on one wallet
 * coalesced into one statement per batch) >= 4 × the raw single-statement ceiling, taken as the
 * best raw hot rate of the run at any client count (not the collapsed raw figure at 64). A table
 * after the CPU one gives the postings each of the server's posting statements carried per point.
 *
 * "usage": recordUsage requests of `BENCH_USAGE_EVENTS` (default 500) events at `BENCH_USAGE_CLIENTS`
 * (default "4") clients, next to POST_WALLET_TRANSACTIONS over the same arrays as raw
 * SQL; figures in events/s. Goal: >= 30,000 events/s and >= 0.6 × raw.
 *
 * Setup: a throwaway embedded PostgreSQL with DEFAULT durability (fsync and synchronous_commit
 * on: every charge waits for its WAL flush), the server as a child process (its own event loop),
 * accounts, wallets and funds created through the API. Only 127.0.0.1 is used. Ends with the
 * ledger invariants check and a count of the charges in the books against the successes the bench
 * saw, then stops everything and deletes the temp files. Exits 1 on any error or failed check;
 * the goal is reported, not enforced (benchmarks print figures, they do not assert timings).
 *
 * Environment: `BENCH_CLIENTS` (default "1,4,16,64"), `BENCH_SECONDS` per point (default 5),
 * `BENCH_WARMUP_SECONDS` (default 2), `BENCH_SCENARIOS` (default "spread,hot"), `BENCH_SERVER_POOL_SIZE` (the server's DATABASE_POOL_SIZE;
 * default: the server's own default, 16), `BENCH_SERVER_NODE_ARGS` (extra node flags for the
 * server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/spendwire-prof" to profile it), `BENCH_HOT_GOAL_ROUNDS`
 * (default 0: the one-wallet goal also in N paired rounds of raw at 1 client and GraphQL at 64 back to
 * back, its check on the median ratio), `BENCH_HTTP_CLIENT` ("node": node:http instead of the lean connection).
 * Both sides send the statement as the same named prepared statement (parsed and planned once per
 * connection), so the baseline is the best the database can do with it.
 *
 * Then, on the same server process, commit → subscriber delivery latency of `transactionAdded`
 * (bench/delivery-latency.ts, with its own `BENCH_DELIVERY_*` settings). `BENCH_PG_STAT_STATEMENTS=1`
 * loads pg_stat_statements (a small cost of its own) so that part reports the server's statements.
 *
 * A/B of two builds in one run: `BENCH_CHARGE_BASE_ENTRY=<other checkout>/dist/server/main.js` (built
 * there with `npm run build:server`). Every point (scenario × clients, and the usage points) then runs
 * in `BENCH_CHARGE_ROUNDS` (default 2) rounds per build, alternated base, this, this, base, base, this…,
 * so that the host's drift falls on both builds alike. A round starts a fresh server of its build,
 * warms it up with the point's own load for `BENCH_WARMUP_SECONDS` (unrecorded), measures it, stops it,
 * and measures the raw statement right after: that round's baseline. One server runs at a time (an idle
 * one would still tail the outbox the other writes). One row per round: rate, ratio to that round's raw
 * rate, server and PostgreSQL CPU µs per charge (per event on usage rows), commits (and, with
 * BENCH_PG_STAT_STATEMENTS=1, statements) per charge; then per point the medians of each build and
 * this ÷ base. Both builds share the PostgreSQL cluster, the database and the wallets: this build
 * migrates it, and the bench refuses a base that has a migration this build lacks (it would change the
 * schema under this build); this build's extra migrations are listed in the header, and the base must be
 * compatible with them (an added column with a default is; a dropped or renamed one is not). The goal
 * checks, the CPU and posting-statement tables are left out; the delivery part runs on this build.
 * The end checks (ledger invariants, books = the charges both builds acknowledged) cover both.
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { loadConfig, SERVER_NODE_FLAGS } from '../server/config.js';
import { ensureDatabase } from '../server/database/database.js';
import { startEmbeddedPostgres } from '../server/database/embedded-postgres.js';
import { createOrm } from '../server/database/orm.js';
import { POST_WALLET_TRANSACTIONS } from '../server/domain/wallets/post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from '../server/domain/wallets/transaction-enums.js';
import { migrationsList } from '../server/migrations/index.js';
import {
  CHARGE_AMOUNT,
  CHARGE_AMOUNT_MICROS,
  CHARGE_DESCRIPTION,
  checkLedger,
  countBenchCharges,
  cpuMicrosPerOperation,
  createFundedWallet,
  fixed,
  inBatches,
  integerListFromEnv,
  loadAverageText,
  machineBusyPercent,
  median,
  numberFromEnv,
  postJson,
  postmasterPid,
  REQUEST_TIMEOUT_MS,
  row,
  type BenchWallet,
  type CpuSubjects,
  runBench,
  BENCH_HTTP_CLIENT,
  graphqlPoster,
  runClosedLoop,
  runRawChargePoint,
  sleep,
  type PointResult,
} from './bench-support.js';
import { DELIVERY_ENABLED, DELIVERY_RUN_TIME_MAX_MS, runDeliveryBench } from './delivery-latency.js';
import {
  SERVER_ENTRY,
  startServer,
  stopServer,
  cleanUpServerBench,
  type ServerBenchResources,
  type ServerProcess,
} from './bench-server.js';

// ---------------------------------------------------------------------------------------------
// Settings

/** Concurrent clients per point. */
const CLIENT_COUNTS = integerListFromEnv('BENCH_CLIENTS', [1, 4, 16, 64], 512);
/** Measured duration of one point (one side of one scenario at one N), in seconds. */
const POINT_SECONDS = numberFromEnv('BENCH_SECONDS', 5, 0.5, 60);
/** Unrecorded warm-up of each side before the first point, in seconds (JIT, pools, caches). */
const WARMUP_SECONDS = numberFromEnv('BENCH_WARMUP_SECONDS', 2, 0, 30);
/** The server's DATABASE_POOL_SIZE, or undefined for its own default. */
const SERVER_POOL_SIZE = process.env.BENCH_SERVER_POOL_SIZE ? numberFromEnv('BENCH_SERVER_POOL_SIZE', 16, 1, 512) : undefined;
/** Extra flags for the server's node process. */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
/** Load pg_stat_statements (a diagnostic with a small cost of its own): the delivery part then reports the server's statements. */
const STATEMENT_STATISTICS = numberFromEnv('BENCH_PG_STAT_STATEMENTS', 0, 0, 1) === 1;
/**
 * With BENCH_PG_STAT_STATEMENTS=1: how many of the GraphQL side's statements to list after each usage round
 * (or usage point alone), by execution time per event (`BENCH_PG_TOP_STATEMENTS`, 0 = none).
 */
const TOP_STATEMENTS = STATEMENT_STATISTICS ? numberFromEnv('BENCH_PG_TOP_STATEMENTS', 0, 0, 100) : 0;
/**
 * Another build's server entry (`BENCH_CHARGE_BASE_ENTRY`, e.g. the base commit's dist/server/main.js built
 * in a checkout of its own): every point then runs on it and on this build in alternating rounds, an
 * A/B in one run. Undefined: this build alone.
 */
const BASE_ENTRY = process.env.BENCH_CHARGE_BASE_ENTRY ? path.resolve(process.env.BENCH_CHARGE_BASE_ENTRY) : undefined;
/** Rounds per build and point with a base build (`BENCH_CHARGE_ROUNDS`), in the order base, this, this, base… */
const ROUNDS = numberFromEnv('BENCH_CHARGE_ROUNDS', 2, 1, 20);
/**
 * Paired rounds of the one-wallet goal (`BENCH_HOT_GOAL_ROUNDS`, default 0: off): each round measures
 * the raw single statement at 1 client (the hot-row ceiling) and GraphQL at 64 clients right next to
 * each other (in alternating order), so the host's drift (this kind of VM's speed moved by up to 60 %
 * within minutes) weighs on both sides of each ratio alike; the goal check then takes the median ratio.
 */
const HOT_GOAL_ROUNDS = numberFromEnv('BENCH_HOT_GOAL_ROUNDS', 0, 0, 20);
if (!Number.isInteger(ROUNDS)) throw new Error(`BENCH_CHARGE_ROUNDS must be an integer, got ${ROUNDS}`);
if (BASE_ENTRY && !fs.existsSync(BASE_ENTRY))
  throw new Error(`BENCH_CHARGE_BASE_ENTRY: ${BASE_ENTRY} is missing (build the base: npm run build:server)`);

/** Whether the usage points run: `BENCH_SCENARIOS` unset or naming "usage". */
const USAGE_SCENARIO = !process.env.BENCH_SCENARIOS || process.env.BENCH_SCENARIOS.split(',').some((part) => part.trim() === 'usage');
/** Concurrent clients of the usage-batch points (recordUsage), from `BENCH_USAGE_CLIENTS`. */
const USAGE_CLIENT_COUNTS = USAGE_SCENARIO ? integerListFromEnv('BENCH_USAGE_CLIENTS', [4], 64) : [];
/** Events per recordUsage request (and per raw statement), from `BENCH_USAGE_EVENTS`. */
const USAGE_EVENTS = numberFromEnv('BENCH_USAGE_EVENTS', 500, 1, 1000);
/** Wallets each usage client spreads its events over, round robin (so each wallet appears many times per request). */
const USAGE_WALLETS_PER_CLIENT = 8;

const DATABASE_NAME = 'spendwire_bench';
const ALL_SCENARIOS = ['spread', 'hot'] as const;
type Scenario = (typeof ALL_SCENARIOS)[number];
/**
 * Scenarios to run, from `BENCH_SCENARIOS` (e.g. "spread" with BENCH_CLIENTS=16 for a quick A/B of the goal point;
 * "usage" for the recordUsage points alone). Unset: spread, hot and usage.
 */
const SCENARIOS: readonly Scenario[] = scenariosFromEnv('BENCH_SCENARIOS');

function scenariosFromEnv(name: string): readonly Scenario[] {
  const text = process.env[name];
  if (!text) return ALL_SCENARIOS;
  const names = text.split(',').map((part) => part.trim());
  const known: readonly string[] = [...ALL_SCENARIOS, 'usage'];
  const unknown = names.filter((part) => !known.includes(part));
  if (unknown.length > 0 || names.length === 0)
    throw new Error(`${name} must be a comma-separated list of ${known.join(', ')}, got "${text}"`);
  return ALL_SCENARIOS.filter((scenario) => names.includes(scenario));
}

const CHARGE_MUTATION = 'mutation Charge($input: ChargeInput!) { charge(input: $input) { transaction { id } } }';

/** Type of the filesystem holding `folder`, from /proc/mounts (longest matching mount point). */
function filesystemOf(folder: string): string {
  try {
    let best = { mountPoint: '', type: 'unknown', device: '' };
    for (const line of fs.readFileSync('/proc/mounts', 'utf8').split('\n')) {
      const [device, mountPoint, type] = line.split(' ');
      if (!device || !mountPoint || !type) continue;
      const inside = folder === mountPoint || folder.startsWith(mountPoint.endsWith('/') ? mountPoint : `${mountPoint}/`);
      if (inside && mountPoint.length >= best.mountPoint.length) best = { mountPoint, type, device };
    }
    return `${best.type} (${best.device} on ${best.mountPoint})`;
  } catch {
    return 'unknown';
  }
}

// ---------------------------------------------------------------------------------------------
// Load generation

async function runGraphqlPoint(port: number, cpuSubjects: CpuSubjects, wallets: BenchWallet[], seconds: number): Promise<PointResult> {
  // Each client's request body is fixed, so it is serialised once, outside the timed loop.
  const bodies = wallets.map((wallet) =>
    JSON.stringify({
      query: CHARGE_MUTATION,
      variables: { input: { walletId: wallet.walletId, amount: CHARGE_AMOUNT, description: CHARGE_DESCRIPTION } },
    }),
  );
  const posters = wallets.map((wallet) => graphqlPoster(port, wallet.ownerKey));
  try {
    return await runClosedLoop(wallets.length, seconds, cpuSubjects, async (client) => {
      const answer = await posters[client]!.post(bodies[client]!);
      if (answer.status !== 200) return `HTTP ${answer.status}: ${answer.body.slice(0, 300)}`;
      const parsed = JSON.parse(answer.body) as { data?: { charge?: { transaction?: { id?: string } } }; errors?: unknown[] };
      if (parsed.errors?.length || !parsed.data?.charge?.transaction?.id) return `GraphQL error: ${answer.body.slice(0, 300)}`;
      return undefined;
    });
  } finally {
    for (const poster of posters) poster.close();
  }
}

const WALLET_BALANCE_MICROS_MAX = loadConfig({}).walletBalanceMicrosMax;

const RECORD_USAGE_MUTATION = 'mutation Usage($input: RecordUsageInput!) { recordUsage(input: $input) { postedCount } }';

/** What the usage rows measure, printed above them. */
const USAGE_LEGEND =
  `usage: recordUsage requests of ${USAGE_EVENTS} events (operator token), each client's events over ${USAGE_WALLETS_PER_CLIENT} wallets of its own ` +
  'round robin; raw: POST_WALLET_TRANSACTIONS with the same arrays (the statement recordUsage runs). Figures are events/s; latencies per request.';

/**
 * recordUsage at N clients, each sending requests of USAGE_EVENTS events spread over its own
 * wallets, as the operator (PLATFORM_ADMIN: any wallet). `chargesPerSecond` counts events.
 */
async function runUsageGraphqlPoint(
  port: number,
  adminToken: string,
  cpuSubjects: CpuSubjects,
  walletsByClient: BenchWallet[][],
  seconds: number,
): Promise<PointResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: walletsByClient.length });
  const bodies = walletsByClient.map((wallets) =>
    JSON.stringify({
      query: RECORD_USAGE_MUTATION,
      variables: {
        input: {
          events: Array.from({ length: USAGE_EVENTS }, (_, index) => ({
            walletId: wallets[index % wallets.length]!.walletId,
            amount: CHARGE_AMOUNT,
            description: CHARGE_DESCRIPTION,
          })),
        },
      },
    }),
  );
  try {
    const point = await runClosedLoop(walletsByClient.length, seconds, cpuSubjects, async (client) => {
      const answer = await postJson(agent, port, adminToken, bodies[client]!);
      if (answer.status !== 200) return `HTTP ${answer.status}: ${answer.body.slice(0, 300)}`;
      const parsed = JSON.parse(answer.body) as { data?: { recordUsage?: { postedCount?: number } }; errors?: unknown[] };
      if (parsed.errors?.length || parsed.data?.recordUsage?.postedCount !== USAGE_EVENTS)
        return `GraphQL error: ${answer.body.slice(0, 300)}`;
      return undefined;
    });
    return { ...point, chargesPerSecond: point.chargesPerSecond * USAGE_EVENTS };
  } finally {
    agent.destroy();
  }
}

/** The same events as raw SQL: POST_WALLET_TRANSACTIONS over arrays of USAGE_EVENTS, the statement recordUsage runs. */
async function runUsageRawPoint(
  databaseUrl: string,
  cpuSubjects: CpuSubjects,
  walletsByClient: BenchWallet[][],
  seconds: number,
): Promise<PointResult> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: walletsByClient.length, statement_timeout: REQUEST_TIMEOUT_MS });
  const connections = await Promise.all(walletsByClient.map(() => pool.connect()));
  const column = <T>(value: T) => Array.from({ length: USAGE_EVENTS }, () => value);
  const fixedColumns = walletsByClient.map((wallets) => {
    const walletIds = Array.from({ length: USAGE_EVENTS }, (_, index) => wallets[index % wallets.length]!.walletId);
    return { walletIds };
  });
  try {
    const point = await runClosedLoop(walletsByClient.length, seconds, cpuSubjects, async (client) => {
      const { walletIds } = fixedColumns[client]!;
      // Parameters as recordUsage passes them for the operator (no tenant scope), each the array of every event's value.
      const result = await connections[client]!.query({
        name: POST_WALLET_TRANSACTIONS.name,
        text: POST_WALLET_TRANSACTIONS.text,
        values: [
          Array.from({ length: USAGE_EVENTS }, () => randomUUID()),
          walletIds,
          column(null),
          column((-CHARGE_AMOUNT_MICROS).toString()),
          column(WALLET_BALANCE_MICROS_MAX.toString()),
          column(TransactionKind.CHARGE),
          column(PlatformAccountCode.REVENUE),
          column(CHARGE_DESCRIPTION),
          column(null),
          column('platform_admin'),
          column(null),
          column('charge'),
          // The request hash goes only with an idempotency key (none here), as the server sends it.
          column(null),
          column('0'),
          column(null),
          column(null),
        ],
      });
      return result.rowCount === USAGE_EVENTS ? undefined : `statement posted ${result.rowCount} of ${USAGE_EVENTS} rows`;
    });
    return { ...point, chargesPerSecond: point.chargesPerSecond * USAGE_EVENTS };
  } finally {
    for (const connection of connections) connection.release();
    await pool.end();
  }
}

/** The raw side of a charge point: POST_WALLET_TRANSACTION as the server sends it for each wallet's OWNER key. */
function runRawPoint(databaseUrl: string, cpuSubjects: CpuSubjects, wallets: BenchWallet[], seconds: number): Promise<PointResult> {
  return runRawChargePoint({
    databaseUrl,
    targets: wallets.map((wallet) => ({ walletId: wallet.walletId, accountScope: wallet.accountId, actor: wallet.actor })),
    seconds,
    cpuSubjects,
    walletBalanceMicrosMax: WALLET_BALANCE_MICROS_MAX,
  });
}

/** The server's posting statements so far: how many ran and how many postings they carried (its `/metrics` histogram). */
interface PostingStatements {
  statements: number;
  postings: number;
}

/**
 * Reads `spendwire_posting_batch_members` (one observation per posting statement, of the postings it
 * carried) from the server's `/metrics` with the operator token; undefined when metrics are off.
 */
function readPostingStatements(port: number, adminToken: string): Promise<PostingStatements | undefined> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, path: '/metrics', method: 'GET', headers: { authorization: `Bearer ${adminToken}` } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          if (response.statusCode !== 200) return resolve(undefined);
          const text = Buffer.concat(chunks).toString('utf8');
          const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
          resolve({
            statements: value('spendwire_posting_batch_members_count'),
            postings: value('spendwire_posting_batch_members_sum'),
          });
        });
        response.on('error', reject);
      },
    );
    request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error(`/metrics: no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    request.on('error', reject);
    request.end();
  });
}

/** Postings per statement between two readings (NaN when metrics are off or nothing ran). */
function postingsPerStatement(
  before: PostingStatements | undefined,
  after: PostingStatements | undefined,
): { statements: number; mean: number } {
  if (!before || !after) return { statements: Number.NaN, mean: Number.NaN };
  const statements = after.statements - before.statements;
  return { statements, mean: (after.postings - before.postings) / statements };
}

// ---------------------------------------------------------------------------------------------
// Output

const COLUMNS = [
  ['scenario', 8],
  ['clients', 7],
  ['graphql/s', 9],
  ['p50 ms', 7],
  ['p99 ms', 7],
  ['raw sql/s', 9],
  ['p50 ms', 7],
  ['p99 ms', 7],
  ['ratio', 6],
  ['errors', 6],
] as const;

/** A point's row of the COLUMNS table: both sides' rates and latencies, their ratio and the errors. */
function pointRow(name: string, clients: number, graphql: PointResult, raw: PointResult): string {
  return row(COLUMNS, [
    name,
    String(clients),
    fixed(graphql.chargesPerSecond, 0),
    fixed(graphql.p50Ms, 2),
    fixed(graphql.p99Ms, 2),
    fixed(raw.chargesPerSecond, 0),
    fixed(raw.p50Ms, 2),
    fixed(raw.p99Ms, 2),
    fixed(graphql.chargesPerSecond / raw.chargesPerSecond, 2),
    String(graphql.errors + raw.errors),
  ]);
}

const BATCH_COLUMNS = [
  ['scenario', 8],
  ['clients', 7],
  ['statements', 10],
  ['postings/stmt', 13],
  ['stmts/s', 7],
  ['charges', 7],
] as const;

const CPU_COLUMNS = [
  ['scenario', 8],
  ['clients', 7],
  ['gql: server', 11],
  ['µs/charge', 9],
  ['bench', 6],
  ['pg', 6],
  ['other', 6],
  ['raw: bench', 10],
  ['pg', 6],
  ['other', 6],
] as const;

// ---------------------------------------------------------------------------------------------
// Main

type Resources = ServerBenchResources;
const cleanUp = cleanUpServerBench;

/** Which build a server of the run is: this checkout's, or `BENCH_CHARGE_BASE_ENTRY`'s. */
type Build = 'this' | 'base';

/** What every part of a run shares: the database, the token, and the fixtures. */
interface RunContext {
  resources: Resources;
  databaseUrl: string;
  postgresDir: string;
  adminToken: string;
  /** Starts a server of `build` on the bench database (it migrates at start), kept in `resources.server`. */
  startBuild: (build: Build) => Promise<ServerProcess>;
  walletsFor: (side: 'graphql' | 'raw', scenario: Scenario, clients: number) => BenchWallet[];
  usageWalletsFor: (side: 'graphql' | 'raw', clients: number) => BenchWallet[][];
}

/** What the measuring part of a run hands to the end checks. */
interface Measured {
  /** Charges (usage events included) the bench saw succeed, warm-ups included. */
  chargesOk: number;
  errors: number;
  /** False when the delivery part failed. */
  passed: boolean;
}

async function main(resources: Resources): Promise<boolean> {
  if (!fs.existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run \`npm run build:server\` (npm run bench does).`);
  // Before anything starts: a base whose schema this build's does not include cannot share the database.
  const schemaNote = BASE_ENTRY ? await compareBaseMigrations(BASE_ENTRY) : undefined;
  const maxClients = Math.max(...CLIENT_COUNTS);

  resources.tempDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'spendwire-bench-'));
  const postgresDir = path.join(resources.tempDir, 'postgres');
  resources.cluster = await startEmbeddedPostgres({
    dataDir: postgresDir,
    port: 0,
    persistent: false,
    // Default durability on purpose (no fsync=off): a charge is only done once its WAL is flushed.
    // Enough connections for the raw side's pool plus the server's pool plus the checks.
    settings: {
      max_connections: String(Math.max(100, maxClients * 2 + 40)),
      ...(STATEMENT_STATISTICS ? { shared_preload_libraries: 'pg_stat_statements' } : {}),
    },
  });
  await ensureDatabase(resources.cluster.serverUrl, DATABASE_NAME);
  const databaseUrl = resources.cluster.urlFor(DATABASE_NAME);
  if (STATEMENT_STATISTICS) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query('create extension if not exists pg_stat_statements');
    await client.end();
  }

  const adminToken = `sw_admin_${randomBytes(24).toString('base64url')}`;
  const dataDir = path.join(resources.tempDir, 'server-data');
  const startBuild = async (build: Build): Promise<ServerProcess> => {
    resources.server = await startServer({
      databaseUrl,
      adminToken,
      dataDir,
      poolSize: SERVER_POOL_SIZE,
      nodeArgs: SERVER_NODE_ARGS,
      entry: build === 'base' ? BASE_ENTRY : SERVER_ENTRY,
      // Rate limits stay on (RATE_LIMITS=0 in the bench's environment turns them off, for an A/B), so
      // their per-request cost is measured, but set far above what this bench sends: the hot scenario
      // charges through one key, and the delivery part opens 1,000 subscriptions (20 sockets) on one.
      env: {
        GRAPHQL_MUTATIONS_PER_WINDOW_MAX: '100000000',
        GRAPHQL_QUERIES_PER_WINDOW_MAX: '100000000',
        SOCKETS_PER_KEY_MAX: '1000',
        SUBSCRIPTIONS_PER_KEY_MAX: '100000',
      },
    });
    return resources.server;
  };
  // This build's server first: it migrates the database to this build's schema (a base's server
  // then finds nothing of its own pending: compareBaseMigrations checked that) and makes the fixtures.
  const server = await startBuild('this');
  const serverPid = server.child.pid;

  const settings = new pg.Client({ connectionString: databaseUrl });
  await settings.connect();
  const setting = async (name: string) =>
    (await settings.query<{ value: string }>(`select current_setting($1) as value`, [name])).rows[0]!.value;
  const postgresVersion = await setting('server_version');
  const fsync = await setting('fsync');
  const synchronousCommit = await setting('synchronous_commit');
  const walSyncMethod = await setting('wal_sync_method');
  await settings.end();

  // Fixtures: separate wallets for the GraphQL side and the raw side, so each side's wallets
  // carry only its own history; each spread wallet belongs to an account of its own.
  const setupAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const setupStarted = performance.now();
  const maxUsageClients = USAGE_CLIENT_COUNTS.length > 0 ? Math.max(...USAGE_CLIENT_COUNTS) : 0;
  const usageWalletCount = maxUsageClients * USAGE_WALLETS_PER_CLIENT;
  const wallets = await inBatches(2 * maxClients + 2 + 2 * usageWalletCount, 8, (index) =>
    createFundedWallet(setupAgent, server.port, adminToken, `bench ${index}`),
  );
  const usageWallets = {
    graphql: wallets.slice(2 * maxClients + 2, 2 * maxClients + 2 + usageWalletCount),
    raw: wallets.slice(2 * maxClients + 2 + usageWalletCount),
  };
  const usageWalletsFor = (side: 'graphql' | 'raw', clients: number) =>
    Array.from({ length: clients }, (_, client) =>
      usageWallets[side].slice(client * USAGE_WALLETS_PER_CLIENT, (client + 1) * USAGE_WALLETS_PER_CLIENT),
    );
  setupAgent.destroy();
  const fixtures: Record<'graphql' | 'raw', Record<Scenario, BenchWallet[]>> = {
    graphql: { spread: wallets.slice(0, maxClients), hot: [wallets[2 * maxClients]!] },
    raw: { spread: wallets.slice(maxClients, 2 * maxClients), hot: [wallets[2 * maxClients + 1]!] },
  };
  const walletsFor = (side: 'graphql' | 'raw', scenario: Scenario, clients: number) =>
    scenario === 'spread' ? fixtures[side].spread.slice(0, clients) : Array.from({ length: clients }, () => fixtures[side].hot[0]!);
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  // This machine is shared: say how busy it was before the bench put any load on it.
  const idleMachinePercent = await machineBusyPercent();

  const cpuModel = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    BASE_ENTRY
      ? 'Spendwire charge throughput, A/B of two server builds: GraphQL over HTTP vs the same ledger statement as raw SQL'
      : 'Spendwire charge throughput: GraphQL over HTTP vs the same ledger statement as raw SQL',
  );
  console.log(
    `Machine: ${os.cpus().length} cores (${cpuModel}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}; ` +
      `Node ${process.version}; PostgreSQL ${postgresVersion} (embedded)`,
  );
  console.log(
    `Durability: fsync=${fsync}, synchronous_commit=${synchronousCommit}, wal_sync_method=${walSyncMethod} (PostgreSQL defaults; ` +
      `every charge waits for its WAL flush); data on ${filesystemOf(postgresDir)}`,
  );
  console.log(
    `Machine busy before the load (1 s, bench idle): ${fixed(idleMachinePercent, 0)} % of one core, load average ` +
      `${loadAverageText()}${idleMachinePercent > 20 ? ' — other processes are busy: expect noisy figures' : ''}`,
  );
  console.log(
    `GraphQL side: server in a child process (${BASE_ENTRY ? 'a fresh one per round' : `pid ${serverPid}`}, NODE_ENV=production, SIMULATOR=0, DATABASE_POOL_SIZE=${SERVER_POOL_SIZE ?? '16 (server default)'}` +
      `, node ${[...SERVER_NODE_FLAGS, ...SERVER_NODE_ARGS].join(' ')}); ` +
      `client: ${BENCH_HTTP_CLIENT === 'lean' ? 'one lean keep-alive HTTP/1.1 connection per client (BENCH_HTTP_CLIENT=node: node:http)' : 'node:http keep-alive Agent, one socket per client'}, ` +
      "mutation with variables, OWNER key of the wallet's account",
  );
  console.log(
    'Raw side: pg.Pool of N connections in the bench process, one held per client, POST_WALLET_TRANSACTION as the same named ' +
      'prepared statement the server uses, with the parameters chargeWallet passes; separate wallets from the GraphQL side',
  );
  console.log(
    (BASE_ENTRY
      ? `Each point: ${POINT_SECONDS} s per side and round, GraphQL first; `
      : `Each point: ${POINT_SECONDS} s per side, GraphQL first, after a ${WARMUP_SECONDS} s unrecorded warm-up of each side; `) +
      `${CHARGE_AMOUNT} per charge; clients ${CLIENT_COUNTS.join(', ')}; ` +
      `${wallets.length} accounts created and funded via the API in ${setupSeconds.toFixed(1)} s`,
  );
  console.log('spread: each client charges a wallet of its own; hot: all clients charge one wallet (row-lock contention)');
  if (BASE_ENTRY) {
    console.log(
      `Builds: this = ${SERVER_ENTRY}; base = ${BASE_ENTRY}. Both on the same PostgreSQL and the same database and wallets, one server at a time`,
    );
    console.log(`Schema: ${schemaNote}`);
    console.log(
      `Rounds: ${ROUNDS} per build and point, in the order ${roundOrder().join(', ')}; each round starts a fresh server of its build, ` +
        `warms it up with the point's own load for ${WARMUP_SECONDS} s (unrecorded), measures it for ${POINT_SECONDS} s, stops it, ` +
        `then measures the raw statement for ${POINT_SECONDS} s: that round's baseline. Goal checks: run without BENCH_CHARGE_BASE_ENTRY`,
    );
  } else {
    console.log('Goal: ratio >= 0.5 at 16 clients (spread)');
  }
  console.log('');

  const context: RunContext = { resources, databaseUrl, postgresDir, adminToken, startBuild, walletsFor, usageWalletsFor };
  let measured: Measured;
  if (BASE_ENTRY) {
    await stopServer(server);
    resources.server = undefined;
    measured = await measureTwoBuilds(context);
  } else {
    measured = await measureThisBuild(context, server);
  }

  if (resources.server) {
    const last = resources.server;
    if (last.stderrLines > 0) {
      console.log('');
      console.log(`The server wrote ${last.stderrLines} lines to stderr; the last ones:`);
      for (const line of last.output.filter((text) => text.startsWith('[server stderr]')).slice(-10)) console.log(`  ${line}`);
    }
    // Stop the server before checking, so the check sees the final books and nothing else runs.
    await stopServer(last);
    resources.server = undefined;
  }
  console.log('');

  const orm = await createOrm({ databaseUrl, poolSizeMax: 2 });
  try {
    let ledgerHolds = await checkLedger(orm.em.fork());
    // Every charge the bench saw succeed (on either build) must be in the books, and no other charge.
    const recorded = await countBenchCharges(orm.em.fork());
    console.log(
      `Charges recorded in wallet_transaction: ${recorded}; successes counted by the bench (warm-up included): ${measured.chargesOk} → ` +
        `${recorded === measured.chargesOk ? 'match' : 'MISMATCH'}`,
    );
    ledgerHolds &&= recorded === measured.chargesOk;
    return measured.errors === 0 && ledgerHolds && measured.passed;
  } finally {
    await orm.close(true);
  }
}

/**
 * This build alone, on the server `server` (kept running into the delivery part): every point
 * GraphQL then raw, then the CPU, posting-statement and goal tables.
 */
async function measureThisBuild(context: RunContext, server: ServerProcess): Promise<Measured> {
  const { databaseUrl, adminToken, walletsFor, usageWalletsFor } = context;
  const cpuSubjects: CpuSubjects = { serverPid: server.child.pid, postgresPid: postmasterPid(context.postgresDir) };
  const maxClients = Math.max(...CLIENT_COUNTS);
  let warmupCharges = 0;
  if (WARMUP_SECONDS > 0) {
    const warmClients = Math.min(4, maxClients);
    const warmGraphql = await runGraphqlPoint(server.port, cpuSubjects, walletsFor('graphql', 'spread', warmClients), WARMUP_SECONDS);
    const warmRaw = await runRawPoint(databaseUrl, cpuSubjects, walletsFor('raw', 'spread', warmClients), WARMUP_SECONDS);
    warmupCharges = warmGraphql.ok + warmRaw.ok;
  }

  console.log(
    row(
      COLUMNS,
      COLUMNS.map(([title]) => title),
    ),
  );
  const results: {
    scenario: Scenario;
    clients: number;
    graphql: PointResult;
    raw: PointResult;
    batches: { statements: number; mean: number };
  }[] = [];
  for (const scenario of SCENARIOS) {
    for (const clients of CLIENT_COUNTS) {
      const statementsBefore = await readPostingStatements(server.port, adminToken);
      const graphql = await runGraphqlPoint(server.port, cpuSubjects, walletsFor('graphql', scenario, clients), POINT_SECONDS);
      const batches = postingsPerStatement(statementsBefore, await readPostingStatements(server.port, adminToken));
      const raw = await runRawPoint(databaseUrl, cpuSubjects, walletsFor('raw', scenario, clients), POINT_SECONDS);
      results.push({ scenario, clients, graphql, raw, batches });
      console.log(pointRow(scenario, clients, graphql, raw));
    }
  }

  const usageResults: { clients: number; graphql: PointResult; raw: PointResult }[] = [];
  if (USAGE_CLIENT_COUNTS.length > 0) {
    console.log('');
    console.log(USAGE_LEGEND);
    console.log(
      row(
        COLUMNS,
        COLUMNS.map(([title]) => title),
      ),
    );
    for (const clients of USAGE_CLIENT_COUNTS) {
      const graphql = await runUsageGraphqlPoint(server.port, adminToken, cpuSubjects, usageWalletsFor('graphql', clients), POINT_SECONDS);
      const raw = await runUsageRawPoint(databaseUrl, cpuSubjects, usageWalletsFor('raw', clients), POINT_SECONDS);
      usageResults.push({ clients, graphql, raw });
      console.log(pointRow('usage', clients, graphql, raw));
    }
  }

  console.log('');
  console.log(
    `CPU during each point, % of one core (${os.cpus().length} cores = ${100 * os.cpus().length} %); µs/charge = the server's CPU per ` +
      'GraphQL charge (per event on usage rows), in µs of one core; pg = the PostgreSQL cluster; other = the rest of the machine (other processes: the figures are noisy when it is high)',
  );
  console.log(
    row(
      CPU_COLUMNS,
      CPU_COLUMNS.map(([title]) => title),
    ),
  );
  for (const { scenario, clients, graphql, raw } of [...results, ...usageResults.map((result) => ({ ...result, scenario: 'usage' }))]) {
    console.log(
      row(CPU_COLUMNS, [
        scenario,
        String(clients),
        fixed(graphql.cpu.serverPercent, 0),
        fixed(cpuMicrosPerOperation(graphql.cpu.serverPercent, graphql.chargesPerSecond), 0),
        fixed(graphql.cpu.benchPercent, 0),
        fixed(graphql.cpu.postgresPercent, 0),
        fixed(graphql.cpu.otherPercent, 0),
        fixed(raw.cpu.benchPercent, 0),
        fixed(raw.cpu.postgresPercent, 0),
        fixed(raw.cpu.otherPercent, 0),
      ]),
    );
  }

  console.log('');
  console.log(
    "Posting statements on the GraphQL side (the server's spendwire_posting_batch_members histogram): postings per statement " +
      '(1 = each alone; on one wallet, how many coalesced into one statement and commit)',
  );
  console.log(
    row(
      BATCH_COLUMNS,
      BATCH_COLUMNS.map(([title]) => title),
    ),
  );
  for (const { scenario, clients, graphql, batches } of results) {
    console.log(
      row(BATCH_COLUMNS, [
        scenario,
        String(clients),
        fixed(batches.statements, 0),
        fixed(batches.mean, 1),
        fixed(batches.statements / POINT_SECONDS, 0),
        fixed(graphql.ok, 0),
      ]),
    );
  }

  console.log('');
  const totalErrors = [...results, ...usageResults].reduce((sum, result) => sum + result.graphql.errors + result.raw.errors, 0);
  console.log(`Errors: ${totalErrors}`);
  for (const { scenario, clients, graphql, raw } of [...results, ...usageResults.map((result) => ({ ...result, scenario: 'usage' }))]) {
    if (graphql.firstError) console.log(`  ${scenario} ${clients} graphql: ${graphql.errors} errors, first: ${graphql.firstError}`);
    if (raw.firstError) console.log(`  ${scenario} ${clients} raw: ${raw.errors} errors, first: ${raw.firstError}`);
  }

  const goal = results.find((result) => result.scenario === 'spread' && result.clients === 16);
  if (goal) {
    const ratio = goal.graphql.chargesPerSecond / goal.raw.chargesPerSecond;
    console.log(`Goal check: ratio at 16 clients (spread) = ${ratio.toFixed(2)} → ${ratio >= 0.5 ? 'MET' : 'NOT MET'} (goal >= 0.5)`);
  } else {
    console.log('Goal check: not measured (16 is not in BENCH_CLIENTS)');
  }

  const hot64 = results.find((result) => result.scenario === 'hot' && result.clients === 64);
  if (hot64) {
    // The ceiling is the BEST raw hot-row rate of the run (any client count): at 64 clients the raw
    // single statement collapses on the row-lock queue, and dividing by that would overstate the gain.
    const rawHot = results.filter((result) => result.scenario === 'hot').map((result) => result.raw);
    const ceiling = Math.max(...rawHot.map((raw) => raw.chargesPerSecond));
    const ceilingClients = results.find((result) => result.scenario === 'hot' && result.raw.chargesPerSecond === ceiling)!.clients;
    const ratio = hot64.graphql.chargesPerSecond / ceiling;
    console.log(
      `Goal check: one wallet at 64 clients through GraphQL (coalesced) = ${fixed(hot64.graphql.chargesPerSecond, 0)}/s = ${ratio.toFixed(2)} × ` +
        `the best raw single-statement hot-row rate of this run (${fixed(ceiling, 0)}/s at ${ceilingClients} clients; ` +
        `${hot64.raw.chargesPerSecond.toFixed(0)}/s at 64) → ${ratio >= 4 ? 'MET' : 'NOT MET'} (goal >= 4)` +
        (rawHot.length < 3 ? '; run hot at 1, 4, 16 and 64 clients for a fair ceiling' : ''),
    );
  }
  const hotGoalCharges = HOT_GOAL_ROUNDS > 0 ? await runHotGoalRounds(context, server, cpuSubjects) : 0;
  for (const { clients, graphql, raw } of usageResults) {
    const ratio = graphql.chargesPerSecond / raw.chargesPerSecond;
    console.log(
      `Goal check: usage at ${clients} clients = ${fixed(graphql.chargesPerSecond, 0)} events/s (goal >= 30000: ${graphql.chargesPerSecond >= 30_000 ? 'MET' : 'NOT MET'}), ` +
        `${ratio.toFixed(2)} × raw arrays (goal >= 0.6: ${ratio >= 0.6 ? 'MET' : 'NOT MET'})`,
    );
  }

  // Delivery latency on the same server process, after the throughput points.
  const delivery = await runDeliveryBench({
    port: server.port,
    adminToken,
    cpuSubjects,
    databaseUrl,
    statementStatistics: STATEMENT_STATISTICS,
  });
  const chargesOk =
    warmupCharges +
    results.reduce((sum, result) => sum + result.graphql.ok + result.raw.ok, 0) +
    usageResults.reduce((sum, result) => sum + (result.graphql.ok + result.raw.ok) * USAGE_EVENTS, 0) +
    hotGoalCharges +
    delivery.chargesOk;
  return { chargesOk, errors: totalErrors, passed: delivery.passed };
}

/**
 * The one-wallet goal in HOT_GOAL_ROUNDS paired rounds (see there): each round's raw rate at 1 client,
 * GraphQL rate at 64 clients, their ratio and the server's CPU per charge, then the median ratio as
 * the goal check. Returns the charges that succeeded (for the books check). Errors fail the check.
 */
async function runHotGoalRounds(context: RunContext, server: ServerProcess, cpuSubjects: CpuSubjects): Promise<number> {
  console.log('');
  console.log(
    `One wallet, paired rounds (BENCH_HOT_GOAL_ROUNDS=${HOT_GOAL_ROUNDS}, ${POINT_SECONDS} s a side): raw single statement at 1 client ` +
      'and GraphQL at 64 clients back to back, in alternating order',
  );
  const columns: [string, number][] = [
    ['round', 5],
    ['raw 1/s', 9],
    ['graphql 64/s', 12],
    ['ratio', 6],
    ['µs/charge', 9],
    ['errors', 6],
  ];
  console.log(
    row(
      columns,
      columns.map(([title]) => title),
    ),
  );
  const ratios: number[] = [];
  let ok = 0;
  let errors = 0;
  for (let round = 1; round <= HOT_GOAL_ROUNDS; round++) {
    const raw1 = () => runRawPoint(context.databaseUrl, cpuSubjects, context.walletsFor('raw', 'hot', 1), POINT_SECONDS);
    const graphql64 = () => runGraphqlPoint(server.port, cpuSubjects, context.walletsFor('graphql', 'hot', 64), POINT_SECONDS);
    let raw: PointResult;
    let graphql: PointResult;
    if (round % 2 === 1) {
      raw = await raw1();
      graphql = await graphql64();
    } else {
      graphql = await graphql64();
      raw = await raw1();
    }
    const ratio = graphql.chargesPerSecond / raw.chargesPerSecond;
    ratios.push(ratio);
    ok += raw.ok + graphql.ok;
    errors += raw.errors + graphql.errors;
    console.log(
      row(columns, [
        String(round),
        fixed(raw.chargesPerSecond, 0),
        fixed(graphql.chargesPerSecond, 0),
        ratio.toFixed(2),
        fixed(cpuMicrosPerOperation(graphql.cpu.serverPercent, graphql.chargesPerSecond), 0),
        String(raw.errors + graphql.errors),
      ]),
    );
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  const median =
    sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  console.log(
    `Goal check (paired rounds): one wallet at 64 clients = median ${median.toFixed(2)} × the raw single statement at 1 client ` +
      `(rounds ${sorted.map((value) => value.toFixed(2)).join(', ')}) → ${median >= 4 && errors === 0 ? 'MET' : 'NOT MET'} (goal >= 4)`,
  );
  return ok;
}

/** The builds in the order of their rounds: base, this, this, base, base, this… (ROUNDS each). */
function roundOrder(): Build[] {
  return Array.from({ length: 2 * ROUNDS }, (_, index) => {
    const pair: Build[] = Math.floor(index / 2) % 2 === 0 ? ['base', 'this'] : ['this', 'base'];
    return pair[index % 2]!;
  });
}

/** One round of one point: a build's GraphQL side and the raw baseline measured right after it. */
interface Round {
  point: string;
  build: Build;
  graphql: PointResult;
  /**
   * Commits and statements per charge (per event on usage points) of the GraphQL side: all sessions of
   * the database, the server's background work included; statements NaN without pg_stat_statements.
   */
  work: { commits: number; statements: number };
  raw: PointResult;
}

/**
 * Time a backend takes at most to publish its transactions to pg_stat_database once idle, in ms
 * (PostgreSQL flushes a backend's cumulative statistics at most once a second, and at its exit).
 */
const STATISTICS_FLUSH_MS = 1_200;

/** Commits (pg_stat_database) and, with pg_stat_statements loaded, statements run so far in the bench database. */
async function readDatabaseWork(client: pg.Client): Promise<{ commits: number; statements: number }> {
  const { rows } = await client.query<{ commits: string; statements: string | null }>(
    `select d.xact_commit::text as commits,
            ${STATEMENT_STATISTICS ? '(select coalesce(sum(calls), 0) from pg_stat_statements where dbid = d.datid)::text' : 'null'} as statements
       from pg_stat_database d where d.datname = current_database()`,
  );
  return { commits: Number(rows[0]!.commits), statements: rows[0]!.statements === null ? Number.NaN : Number(rows[0]!.statements) };
}

/** Forgets pg_stat_statements' figures so far, when {@link TOP_STATEMENTS} asks for a list. */
async function resetTopStatements(client: pg.Client): Promise<void> {
  if (TOP_STATEMENTS > 0) await client.query('select pg_stat_statements_reset()');
}

/**
 * Prints the bench database's statements since {@link resetTopStatements} by execution time, per
 * `operations` (events on usage points): where PostgreSQL's time per event goes.
 */
async function printTopStatements(client: pg.Client, label: string, operations: number): Promise<void> {
  if (TOP_STATEMENTS === 0 || operations === 0) return;
  const { rows } = await client.query<{ query: string; calls: string; total_ms: number; rows: string }>(
    `select s.query, s.calls::text, s.total_exec_time as total_ms, s.rows::text
       from pg_stat_statements s join pg_database d on d.oid = s.dbid
      where d.datname = current_database() and s.query not like '%pg_stat_statements%'
      order by s.total_exec_time desc limit $1`,
    [TOP_STATEMENTS],
  );
  console.log(`  ${label}: top statements by execution time, µs and calls per event (${operations} events)`);
  for (const statement of rows)
    console.log(
      `    ${fixed((statement.total_ms * 1000) / operations, 2).padStart(7)} µs  ${fixed(Number(statement.calls) / operations, 4).padStart(7)} calls  ${fixed(Number(statement.rows) / operations, 3).padStart(7)} rows  ${statement.query.replace(/\s+/g, ' ').slice(0, 150)}`,
    );
}

/** The figures of a round compared across builds (per charge, or per event on usage points). */
const ROUND_FIGURES = {
  rate: (round: Round) => round.graphql.chargesPerSecond,
  ratio: (round: Round) => round.graphql.chargesPerSecond / round.raw.chargesPerSecond,
  serverMicros: (round: Round) => cpuMicrosPerOperation(round.graphql.cpu.serverPercent, round.graphql.chargesPerSecond),
  postgresMicros: (round: Round) => cpuMicrosPerOperation(round.graphql.cpu.postgresPercent, round.graphql.chargesPerSecond),
  rawPostgresMicros: (round: Round) => cpuMicrosPerOperation(round.raw.cpu.postgresPercent, round.raw.chargesPerSecond),
  commits: (round: Round) => round.work.commits,
  statements: (round: Round) => round.work.statements,
} as const;

const ROUND_COLUMNS = [
  ['point', 10],
  ['round', 5],
  ['build', 5],
  ['graphql/s', 9],
  ['p50 ms', 7],
  ['p99 ms', 7],
  ['raw sql/s', 9],
  ['ratio', 6],
  ['server µs', 9],
  ['pg µs', 6],
  ['raw pg µs', 9],
  ['commits', 7],
  ['stmts', 6],
  ['other %', 7],
  ['errors', 6],
] as const;

/**
 * Both builds, point by point: each point runs in 2 × ROUNDS rounds alternating the builds
 * (roundOrder), each round on a fresh server of its build followed by its own raw baseline; one row
 * per round, then the medians of each build and this ÷ base per point. Only one server runs at a
 * time: an idle second server would still read the outbox the other one writes (every process tails
 * it) and skew the PostgreSQL figures. The delivery part, when on, runs on this build afterwards.
 */
async function measureTwoBuilds(context: RunContext): Promise<Measured> {
  const { databaseUrl, adminToken, walletsFor, usageWalletsFor, resources } = context;
  const points: { name: string; clients: number; usage: boolean; scenario: Scenario }[] = [
    ...SCENARIOS.flatMap((scenario) => CLIENT_COUNTS.map((clients) => ({ name: scenario, clients, usage: false, scenario }))),
    ...USAGE_CLIENT_COUNTS.map((clients) => ({ name: 'usage', clients, usage: true, scenario: 'spread' as Scenario })),
  ];
  console.log(
    'One row per round. Rates in charges/s (events/s on usage rows); ratio = GraphQL ÷ the raw rate of the same round; server µs and pg µs = ' +
      "CPU of the server and of the PostgreSQL cluster per GraphQL charge (per event), in µs of one core; raw pg µs = PostgreSQL's CPU per raw " +
      'charge (a control: it moves with the machine, not with the build); commits and stmts = what PostgreSQL committed and ran per GraphQL charge ' +
      "(per event), every session of the database (the server's background work included; stmts with BENCH_PG_STAT_STATEMENTS=1): figures the " +
      "machine's load does not move; other % = the rest of the machine during the GraphQL side, % of one core.",
  );
  if (USAGE_CLIENT_COUNTS.length > 0) console.log(USAGE_LEGEND);
  console.log(
    row(
      ROUND_COLUMNS,
      ROUND_COLUMNS.map(([title]) => title),
    ),
  );
  const rounds: Round[] = [];
  let chargesOk = 0;
  let errors = 0;
  const firstErrors: string[] = [];
  const stderrTails: string[] = [];
  const order = roundOrder();
  const statistics = new pg.Client({ connectionString: databaseUrl });
  statistics.on('error', () => {});
  await statistics.connect();
  for (const point of points) {
    const label = `${point.name} ${point.clients}`;
    for (const [index, build] of order.entries()) {
      const server = await context.startBuild(build);
      const cpuSubjects: CpuSubjects = { serverPid: server.child.pid, postgresPid: postmasterPid(context.postgresDir) };
      const runGraphql = (seconds: number) =>
        point.usage
          ? runUsageGraphqlPoint(server.port, adminToken, cpuSubjects, usageWalletsFor('graphql', point.clients), seconds)
          : runGraphqlPoint(server.port, cpuSubjects, walletsFor('graphql', point.scenario, point.clients), seconds);
      const perRequest = point.usage ? USAGE_EVENTS : 1;
      if (WARMUP_SECONDS > 0) {
        const warm = await runGraphql(WARMUP_SECONDS);
        chargesOk += warm.ok * perRequest;
        errors += warm.errors;
        if (warm.firstError)
          firstErrors.push(`${label} round ${index + 1} ${build} warm-up: ${warm.errors} errors, first: ${warm.firstError}`);
      }
      // The warm-up's (and the start's) commits reach pg_stat_database within a second of their end: let them land before counting.
      await sleep(STATISTICS_FLUSH_MS);
      if (point.usage) await resetTopStatements(statistics);
      const workBefore = await readDatabaseWork(statistics);
      const graphql = await runGraphql(POINT_SECONDS);
      if (server.stderrLines > 0) {
        stderrTails.push(`${label} round ${index + 1} (${build}): ${server.stderrLines} lines on stderr, the last ones:`);
        for (const line of server.output.filter((text) => text.startsWith('[server stderr]')).slice(-5)) stderrTails.push(`  ${line}`);
      }
      // Stopped, the server's sessions have published all they did (a backend flushes its statistics as it exits).
      await stopServer(server);
      resources.server = undefined;
      const workAfter = await readDatabaseWork(statistics);
      const operations = graphql.ok * perRequest;
      const work = {
        commits: (workAfter.commits - workBefore.commits) / operations,
        statements: (workAfter.statements - workBefore.statements) / operations,
      };
      if (point.usage) await printTopStatements(statistics, `${label} round ${index + 1} ${build}`, operations);
      const raw = point.usage
        ? await runUsageRawPoint(databaseUrl, cpuSubjects, usageWalletsFor('raw', point.clients), POINT_SECONDS)
        : await runRawPoint(databaseUrl, cpuSubjects, walletsFor('raw', point.scenario, point.clients), POINT_SECONDS);
      chargesOk += (graphql.ok + raw.ok) * perRequest;
      errors += graphql.errors + raw.errors;
      if (graphql.firstError)
        firstErrors.push(`${label} round ${index + 1} ${build} graphql: ${graphql.errors} errors, first: ${graphql.firstError}`);
      if (raw.firstError) firstErrors.push(`${label} round ${index + 1} raw: ${raw.errors} errors, first: ${raw.firstError}`);
      const round: Round = { point: label, build, graphql, work, raw };
      rounds.push(round);
      console.log(
        row(ROUND_COLUMNS, [
          label,
          String(index + 1),
          build,
          fixed(graphql.chargesPerSecond, 0),
          fixed(graphql.p50Ms, 2),
          fixed(graphql.p99Ms, 2),
          fixed(raw.chargesPerSecond, 0),
          fixed(ROUND_FIGURES.ratio(round), 2),
          fixed(ROUND_FIGURES.serverMicros(round), 0),
          fixed(ROUND_FIGURES.postgresMicros(round), 0),
          fixed(ROUND_FIGURES.rawPostgresMicros(round), 0),
          fixed(work.commits, 3),
          fixed(work.statements, 2),
          fixed(graphql.cpu.otherPercent, 0),
          String(graphql.errors + raw.errors),
        ]),
      );
    }
  }

  console.log('');
  console.log(`Medians of each build's rounds (${ROUNDS} per build), this ÷ base (same run, rounds alternated):`);
  for (const point of points) {
    const label = `${point.name} ${point.clients}`;
    const medianOf = (build: Build, figure: (round: Round) => number) =>
      median(rounds.filter((round) => round.point === label && round.build === build).map(figure));
    const compare = (name: string, figure: (round: Round) => number, digits: number, unit = '') => {
      const mine = medianOf('this', figure);
      const theirs = medianOf('base', figure);
      return `${name} ${fixed(mine, digits)}${unit} vs ${fixed(theirs, digits)}${unit} (${fixed(mine / theirs, 2)}×)`;
    };
    console.log(
      `  ${label}: ${[
        compare(point.usage ? 'events/s' : 'charges/s', ROUND_FIGURES.rate, 0),
        compare('ratio to raw', ROUND_FIGURES.ratio, 2),
        compare('server', ROUND_FIGURES.serverMicros, 0, ' µs'),
        compare('pg', ROUND_FIGURES.postgresMicros, 0, ' µs'),
        compare('raw pg', ROUND_FIGURES.rawPostgresMicros, 0, ' µs'),
        compare('commits', ROUND_FIGURES.commits, 3),
        ...(STATEMENT_STATISTICS ? [compare('stmts', ROUND_FIGURES.statements, 2)] : []),
      ].join('; ')}`,
    );
  }

  await statistics.end();

  console.log('');
  console.log(`Errors: ${errors}`);
  for (const line of firstErrors) console.log(`  ${line}`);
  if (stderrTails.length > 0) {
    console.log('');
    for (const line of stderrTails) console.log(line);
  }

  let passed = true;
  if (DELIVERY_ENABLED) {
    console.log('');
    console.log('Delivery latency, on this build:');
    const server = await context.startBuild('this');
    const delivery = await runDeliveryBench({
      port: server.port,
      adminToken,
      cpuSubjects: { serverPid: server.child.pid, postgresPid: postmasterPid(context.postgresDir) },
      databaseUrl,
      statementStatistics: STATEMENT_STATISTICS,
    });
    chargesOk += delivery.chargesOk;
    passed = delivery.passed;
  }
  return { chargesOk, errors, passed };
}

/**
 * Compares the base build's migrations (its dist/server/migrations/index.js, next to its entry) with
 * this build's. Both builds share one database, migrated by this build: a base with a migration this
 * build lacks would change the schema under this build, so that refuses. Returns the line the header
 * prints: the migrations this build has beyond the base, which the base then runs alongside.
 * @throws Error when the base's list cannot be read or has a migration this build lacks.
 */
async function compareBaseMigrations(baseEntry: string): Promise<string> {
  const listPath = path.join(path.dirname(baseEntry), 'migrations', 'index.js');
  if (!fs.existsSync(listPath))
    throw new Error(`BENCH_CHARGE_BASE_ENTRY: ${listPath} is missing: the base's migrations cannot be compared`);
  const base = (await import(pathToFileURL(listPath).href)) as { migrationsList?: { name: string }[] };
  if (!Array.isArray(base.migrationsList)) throw new Error(`BENCH_CHARGE_BASE_ENTRY: ${listPath} exports no migrationsList`);
  const baseNames = new Set(base.migrationsList.map((migration) => migration.name));
  const thisNames = new Set(migrationsList.map((migration) => migration.name));
  const baseOnly = [...baseNames].filter((name) => !thisNames.has(name));
  if (baseOnly.length > 0) {
    throw new Error(
      `BENCH_CHARGE_BASE_ENTRY: the base has migrations this build lacks (${baseOnly.join(', ')}): both builds share one database ` +
        'migrated by this build, so the base must not be ahead of it; run the bench from the newer checkout with the older as the base',
    );
  }
  const thisOnly = [...thisNames].filter((name) => !baseNames.has(name));
  return thisOnly.length === 0
    ? 'both builds have the same migrations'
    : `the database has this build's schema; ${thisOnly.length === 1 ? 'one of its migrations is' : `${thisOnly.length} of its migrations are`} ` +
        `not in the base (${thisOnly.join(', ')}), ` +
        'so the base runs on a schema newer than its own: it must be compatible with it (an added column with a default is; a dropped or renamed one is not)';
}

const resources: Resources = {};
const pointCount = CLIENT_COUNTS.length * SCENARIOS.length + USAGE_CLIENT_COUNTS.length;
/**
 * Hard cap on the whole run, in ms: setup, warm-up, every point with slack, the delivery part, and
 * the checks; with a base build, every round of every point with a server start (up to 60 s) of its own.
 */
const RUN_TIME_MAX_MS =
  120_000 +
  DELIVERY_RUN_TIME_MAX_MS +
  (BASE_ENTRY
    ? pointCount * 2 * ROUNDS * (60_000 + WARMUP_SECONDS * 1000 + 2 * (POINT_SECONDS * 1000 + 5_000)) + 60_000
    : 2 * WARMUP_SECONDS * 1000 + pointCount * 2 * (POINT_SECONDS * 1000 + 5_000));
await runBench({
  resources,
  runTimeMaxMs: RUN_TIME_MAX_MS,
  main,
  cleanUp,
  onError: (r) => {
    if (r.server) console.error(r.server.output.slice(-30).join('\n'));
  },
});
