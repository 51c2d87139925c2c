/**
 * Helpers shared by the benchmark scripts (`npm run bench`): settings from the environment,
 * percentiles, CPU accounting from /proc, a lean HTTP GraphQL client, funded fixture wallets
 * created through the API, the closed-loop point runner, the raw posting statement as a baseline,
 * an in-process bench's database, the end-of-run ledger check, and table formatting. No timing
 * assertions: benchmarks print figures.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { logSettingsFromEnv } from '../server/config.js';
import { ensureDatabase } from '../server/database/database.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../server/database/embedded-postgres.js';
import { createOrm, migrate } from '../server/database/orm.js';
import { sql } from '../server/database/sql.js';
import { POST_WALLET_TRANSACTION } from '../server/domain/wallets/post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from '../server/domain/wallets/transaction-enums.js';
import { verifyLedger } from '../server/domain/wallets/verify-ledger.js';
import { configureLogging } from '../server/logging/logger.js';
import { LeanHttpConnection } from './lean-http.js';

// A bench's own process (an app run in-process, as the billing clock bench does) logs warnings and
// errors only, unless LOG_LEVEL says otherwise: a readable line per request on the terminal would
// bury the figures and cost far more than production's JSON line. Server processes a bench starts
// (bench-server.ts) log as production does (NODE_ENV=production: JSON at info), read and dropped.
configureLogging({ level: process.env.LOG_LEVEL ? logSettingsFromEnv(process.env).logLevel : 'warn' });

// ---------------------------------------------------------------------------------------------
// Settings

/** A number from environment variable `name`, or `fallback` when unset. @throws Error when not a number in min..max. */
export function numberFromEnv(name: string, fallback: number, min: number, max: number): number {
  const text = process.env[name];
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name} must be a number in ${min}..${max}, got "${text}"`);
  return value;
}

/** One charge, as a decimal string for GraphQL and in micros for the raw statement. */
export const CHARGE_AMOUNT = '0.01';
/** {@link CHARGE_AMOUNT} in micros. */
export const CHARGE_AMOUNT_MICROS = 10_000n;
/** Description of every bench charge: the end-of-run count of charges in the books selects on it. */
export const CHARGE_DESCRIPTION = 'bench';
/** Credit per wallet: 100 million charges' worth, so no point can run out of funds. */
export const FUNDING_AMOUNT = '1000000';
/** One HTTP request or SQL statement taking longer than this is an error, in ms. */
export const REQUEST_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------------------------------------
// Small helpers

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The median of `values` (the mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest-rank percentile of ascending-sorted values; NaN for none. */
export function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank]!;
}

/** Growable list of latencies in ms. */
export class Latencies {
  private values = new Float64Array(4096);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = value;
  }
  sorted(): Float64Array {
    return this.values.slice(0, this.length).sort();
  }
}

// ---------------------------------------------------------------------------------------------
// CPU accounting from /proc (Linux): who was busy during a point.

const CLOCK_TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of a process in seconds, or NaN when unreadable. */
export function processCpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at state = field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** The postmaster's pid, from the first line of `dataDir`/postmaster.pid; undefined when unreadable. */
export function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds of a PostgreSQL cluster: the postmaster's own time, the time of its children it has
 * reaped (backends that ended: cutime + cstime) and that of its live children; NaN when unreadable.
 */
export function postgresCpuSeconds(postmaster: number | undefined): number {
  if (postmaster === undefined) return Number.NaN;
  const fieldsOf = (pid: string | number) => {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name start at state = field 3: ppid is field 4, utime 14 … cstime 17.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  };
  const reapedTicks = () => {
    const own = fieldsOf(postmaster);
    return Number(own[13]) + Number(own[14]);
  };
  try {
    // A backend reaped during the scan would be counted twice or not at all: scan again then.
    for (let attempt = 0; attempt < 5; attempt++) {
      const reapedBefore = reapedTicks();
      let ticks = 0;
      for (const entry of fs.readdirSync('/proc')) {
        if (!/^[0-9]+$/.test(entry)) continue;
        try {
          const fields = fieldsOf(entry);
          if (Number(entry) === postmaster || Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
        } catch {
          // The process ended between listing and reading.
        }
      }
      if (reapedTicks() === reapedBefore) return (ticks + reapedBefore) / CLOCK_TICKS_PER_SECOND;
    }
    return Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Busy CPU seconds of the whole machine (all cores), or NaN when unreadable. */
export function machineBusyCpuSeconds(): number {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
    return (total - idle) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/**
 * How busy the whole machine is while the bench itself waits `ms`, in % of one core: this host is
 * shared, so a bench says how loaded it was before putting its own load on it.
 */
export async function machineBusyPercent(ms = 1000): Promise<number> {
  const before = machineBusyCpuSeconds();
  const started = performance.now();
  await sleep(ms);
  return (100 * (machineBusyCpuSeconds() - before)) / ((performance.now() - started) / 1000);
}

/** The 1, 5 and 15 minute load averages, space-separated, each with `digits` decimals. */
export function loadAverageText(digits = 2): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(digits))
    .join(' ');
}

/**
 * CPU time per operation in µs of one core, from a use in % of one core and a rate in operations/s:
 * what each operation costs, which a loaded machine changes far less than the rate (it lowers the
 * rate and the % together).
 */
export function cpuMicrosPerOperation(percent: number, operationsPerSecond: number): number {
  return (percent / 100) * (1_000_000 / operationsPerSecond);
}

/** The processes whose CPU a sample tells apart from the rest of the machine. */
export interface CpuSubjects {
  serverPid: number | undefined;
  /** The embedded cluster's postmaster; its backends are counted with it. */
  postgresPid: number | undefined;
}

/** Cumulative CPU seconds at one moment (`at`, performance.now() in ms). */
export interface CpuSample {
  /** The server process (NaN when unreadable). */
  server: number;
  /** The PostgreSQL cluster (NaN when unreadable). */
  postgres: number;
  /** This bench process. */
  bench: number;
  /** The whole machine, all cores. */
  machine: number;
  at: number;
}

/** A {@link CpuSample} now. */
export function sampleCpu(subjects: CpuSubjects): CpuSample {
  const usage = process.cpuUsage();
  return {
    server: processCpuSeconds(subjects.serverPid),
    postgres: postgresCpuSeconds(subjects.postgresPid),
    bench: (usage.user + usage.system) / 1e6,
    machine: machineBusyCpuSeconds(),
    at: performance.now(),
  };
}

/** CPU use between two samples, in % of one core. */
export interface CpuUse {
  serverPercent: number;
  benchPercent: number;
  postgresPercent: number;
  /** The rest of the machine: other engineers' processes, the kernel's own threads. */
  otherPercent: number;
}

/** CPU use between two samples; "other" is the machine's busy time minus the server, the bench and PostgreSQL. */
export function cpuBetween(before: CpuSample, after: CpuSample): CpuUse {
  const seconds = (after.at - before.at) / 1000;
  const server = after.server - before.server;
  const postgres = after.postgres - before.postgres;
  const bench = after.bench - before.bench;
  const machine = after.machine - before.machine;
  const known = (value: number) => (Number.isNaN(value) ? 0 : value);
  return {
    serverPercent: (100 * server) / seconds,
    benchPercent: (100 * bench) / seconds,
    postgresPercent: (100 * postgres) / seconds,
    otherPercent: (100 * (machine - known(server) - known(postgres) - bench)) / seconds,
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP client: node:http with a keep-alive agent (one socket per client), less client CPU per
// request than fetch/undici, which matters when the bench, the server and PostgreSQL share cores.

/** Status and body of one HTTP answer. */
export interface HttpAnswer {
  status: number;
  body: string;
}

/** POSTs `body` to 127.0.0.1:`port`/graphql with a bearer token. @throws on a socket error or after REQUEST_TIMEOUT_MS. */
export function postJson(agent: http.Agent, port: number, token: string, body: string): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}

/** Which client the closed-loop GraphQL points use: `lean` ({@link LeanHttpConnection}, the default) or `node` (node:http). */
export const BENCH_HTTP_CLIENT: 'lean' | 'node' = process.env.BENCH_HTTP_CLIENT === 'node' ? 'node' : 'lean';

/** One closed-loop client's way to POST /graphql with its key, one request at a time. */
export interface GraphqlPoster {
  post(body: string): Promise<HttpAnswer>;
  close(): void;
}

/** A client's {@link GraphqlPoster}: its own lean connection, or with `BENCH_HTTP_CLIENT=node` a node:http agent of one socket. */
export function graphqlPoster(port: number, token: string): GraphqlPoster {
  if (BENCH_HTTP_CLIENT === 'lean') {
    const connection = new LeanHttpConnection(port, token, REQUEST_TIMEOUT_MS);
    return { post: (body) => connection.post(body), close: () => connection.close() };
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return { post: (body) => postJson(agent, port, token, body), close: () => agent.destroy() };
}

/** One GraphQL operation that must succeed; returns `data`. */
export async function graphqlOk<T>(
  agent: http.Agent,
  port: number,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const answer = await postJson(agent, port, token, JSON.stringify({ query, variables }));
  const parsed = JSON.parse(answer.body) as { data?: T; errors?: { message: string }[] };
  if (answer.status !== 200 || parsed.errors?.length || !parsed.data) {
    throw new Error(`GraphQL failed (HTTP ${answer.status}): ${answer.body.slice(0, 500)}`);
  }
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------
// Fixtures: accounts, wallets and funds through the API

/** A funded wallet of an account of its own, and that account's OWNER key. */
export interface BenchWallet {
  accountId: string;
  walletId: string;
  ownerKey: string;
  /** `api_key:<id>` of the OWNER key: what the server records as the actor of its charges. */
  actor: string;
}

/** Creates an account (with its wallet and OWNER key) through the API and funds the wallet with FUNDING_AMOUNT. */
export async function createFundedWallet(agent: http.Agent, port: number, adminToken: string, name: string): Promise<BenchWallet> {
  const created = await graphqlOk<{ createAccount: { account: { id: string }; wallet: { id: string }; apiKey: string } }>(
    agent,
    port,
    adminToken,
    'mutation Create($input: CreateAccountInput!) { createAccount(input: $input) { account { id } wallet { id } apiKey } }',
    { input: { name } },
  );
  const { account, wallet, apiKey } = created.createAccount;
  await graphqlOk(
    agent,
    port,
    adminToken,
    'mutation Fund($input: AdjustWalletInput!) { adjustWallet(input: $input) { transaction { id } } }',
    {
      input: { walletId: wallet.id, amount: FUNDING_AMOUNT, reason: 'bench funding' },
    },
  );
  const me = await graphqlOk<{ me: { apiKeyId: string } }>(agent, port, apiKey, 'query { me { apiKeyId } }', {});
  return { accountId: account.id, walletId: wallet.id, ownerKey: apiKey, actor: `api_key:${me.me.apiKeyId}` };
}

/** Runs `make(i)` for i in 0..count-1, at most `concurrency` at a time. */
export async function inBatches<T>(count: number, concurrency: number, make: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await make(index);
      }
    }),
  );
  return results;
}

// ---------------------------------------------------------------------------------------------
// Output

/** One table row: the first cell left-aligned, the others right-aligned, each in its column's width. */
export function row(columns: readonly (readonly [string, number])[], cells: string[]): string {
  return cells.map((cell, index) => (index === 0 ? cell.padEnd(columns[index]![1]) : cell.padStart(columns[index]![1]))).join('  ');
}

/** `value` with `digits` decimals, or "n/a" when not finite. */
export const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

/**
 * A comma-separated list of integers 1..max from the environment, or `fallback` when unset.
 * @throws Error for anything else.
 */
export function integerListFromEnv(name: string, fallback: number[], max: number): number[] {
  const text = process.env[name];
  if (!text) return fallback;
  const values = text.split(',').map((part) => Number(part.trim()));
  if (values.some((value) => !Number.isInteger(value) || value < 1 || value > max)) {
    throw new Error(`${name} must be a comma-separated list of integers 1..${max}, got "${text}"`);
  }
  return values;
}

/**
 * Runs a bench's `main` and exits with 0 when it returns true, 1 otherwise: cleans up in any
 * case, stops (exit 2) after `runTimeMaxMs`, and cleans up on SIGINT/SIGTERM (exit 130). Cleaning
 * up never waits more than 20 s.
 */
export async function runBench<R>(options: {
  resources: R;
  runTimeMaxMs: number;
  main: (resources: R) => Promise<boolean>;
  cleanUp: (resources: R) => Promise<void>;
  /** Extra diagnostics after `main` threw (already printed). */
  onError?: (resources: R) => void;
}): Promise<never> {
  const { resources, cleanUp } = options;
  const watchdog = setTimeout(() => {
    console.error(`The bench ran longer than ${Math.round(options.runTimeMaxMs / 1000)} s: stopping.`);
    void Promise.race([cleanUp(resources), sleep(20_000)]).finally(() => process.exit(2));
  }, options.runTimeMaxMs);
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping.`);
      void Promise.race([cleanUp(resources), sleep(20_000)]).finally(() => process.exit(130));
    });
  }
  let succeeded = false;
  try {
    succeeded = await options.main(resources);
  } catch (error) {
    console.error(error);
    options.onError?.(resources);
  } finally {
    await cleanUp(resources);
  }
  clearTimeout(watchdog);
  process.exit(succeeded ? 0 : 1);
}

/** One closed-loop point: requests answered per second, latency and CPU. */
export interface PointResult {
  chargesPerSecond: number;
  ok: number;
  errors: number;
  firstError: string | undefined;
  p50Ms: number;
  p99Ms: number;
  cpu: CpuUse;
}

/**
 * Runs `clients` loops, each sending one request at a time until the deadline, and measures them.
 * Throughput counts completed successes over the time until the last loop finished.
 */
export async function runClosedLoop(
  clients: number,
  seconds: number,
  cpuSubjects: CpuSubjects,
  sendOne: (client: number) => Promise<string | undefined>,
): Promise<PointResult> {
  const latencies = new Latencies();
  let ok = 0;
  let errors = 0;
  let firstError: string | undefined;
  const cpuBefore = sampleCpu(cpuSubjects);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        let failure: string | undefined;
        try {
          failure = await sendOne(client);
        } catch (error) {
          failure = error instanceof Error ? error.message : String(error);
        }
        latencies.push(performance.now() - sent);
        if (failure === undefined) ok++;
        else {
          errors++;
          firstError ??= failure;
        }
      }
    }),
  );
  const elapsedSeconds = (performance.now() - started) / 1000;
  const cpu = cpuBetween(cpuBefore, sampleCpu(cpuSubjects));
  const sorted = latencies.sorted();
  return {
    chargesPerSecond: ok / elapsedSeconds,
    ok,
    errors,
    firstError,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    cpu,
  };
}

// ---------------------------------------------------------------------------------------------
// Batchers: how many members each of their runs carried

/** The counters every batcher keeps (the posting statement batcher and the transaction batchers alike). */
export interface BatcherCounters {
  /** Members run alone. */
  singles: number;
  /** Runs (statements or transactions) that carried more than one member. */
  batches: number;
  /** Members those runs carried. */
  batchedMembers: number;
}

/**
 * Runs `measure` and says how many members each run of the batcher whose counters `counters()` reads
 * carried meanwhile (1 = each alone); NaN when there is no batcher (`counters()` undefined) or no run.
 */
export async function measureBatching<T>(
  counters: () => BatcherCounters | undefined,
  measure: () => Promise<T>,
): Promise<{ result: T; runs: number; membersPerRun: number }> {
  const read = counters();
  const before = read && { ...read };
  const result = await measure();
  const after = counters();
  if (!before || !after) return { result, runs: Number.NaN, membersPerRun: Number.NaN };
  const runs = after.singles - before.singles + after.batches - before.batches;
  const members = after.singles - before.singles + after.batchedMembers - before.batchedMembers;
  return { result, runs, membersPerRun: members / runs };
}

// ---------------------------------------------------------------------------------------------
// The raw posting statement: the database's own cost of a charge, the baseline the benches compare with

/** The wallet one client of a raw point charges, and as whom, as chargeWallet passes them. */
export interface RawChargeTarget {
  walletId: string;
  /** The tenant scope ($3): the wallet's account, or null for the operator (any tenant). */
  accountScope: string | null;
  /** The actor recorded on the transaction. */
  actor: string;
}

/**
 * One client per target, each on a pooled connection of its own (opened before timing starts),
 * sending POST_WALLET_TRANSACTION (the server's own named prepared statement, so parsed and planned
 * once per connection) for a charge of CHARGE_AMOUNT on its target, one at a time for `seconds`,
 * with the parameters chargeWallet passes. A refused charge (no row) counts as an error.
 */
export async function runRawChargePoint(options: {
  databaseUrl: string;
  targets: readonly RawChargeTarget[];
  seconds: number;
  cpuSubjects: CpuSubjects;
  /** The wallet balance cap the server passes ($5), in micros. */
  walletBalanceMicrosMax: bigint;
}): Promise<PointResult> {
  const { targets } = options;
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: targets.length, statement_timeout: REQUEST_TIMEOUT_MS });
  const connections = await Promise.all(targets.map(() => pool.connect()));
  try {
    return await runClosedLoop(targets.length, options.seconds, options.cpuSubjects, async (client) => {
      const target = targets[client]!;
      // Parameters in the order of POST_WALLET_TRANSACTION's JSDoc, with the values chargeWallet passes.
      const result = await connections[client]!.query({
        name: POST_WALLET_TRANSACTION.name,
        text: POST_WALLET_TRANSACTION.text,
        values: [
          randomUUID(),
          target.walletId,
          target.accountScope,
          (-CHARGE_AMOUNT_MICROS).toString(),
          options.walletBalanceMicrosMax.toString(),
          TransactionKind.CHARGE,
          PlatformAccountCode.REVENUE,
          CHARGE_DESCRIPTION,
          null,
          target.actor,
          null,
          'charge',
          null, // the request hash: only with an idempotency key, as the server sends it
          '0',
          null,
          null,
        ],
      });
      return result.rowCount === 1 ? undefined : `statement posted ${result.rowCount} rows (refused)`;
    });
  } finally {
    for (const connection of connections) connection.release();
    await pool.end();
  }
}

// ---------------------------------------------------------------------------------------------
// An in-process bench's database, and the end-of-run checks

/** What a bench that runs the domain in its own process holds: its temp folder, its PostgreSQL cluster, its ORM. */
export interface InProcessBenchResources {
  tempDir?: string;
  cluster?: EmbeddedDatabase;
  orm?: MikroORM;
}

/**
 * A temp folder (`os.tmpdir()/<tempPrefix>…`), a throwaway embedded PostgreSQL in it with default
 * durability (fsync and synchronous_commit on), database `databaseName`, and an ORM on it with the
 * migrations applied; each is kept in `resources` as soon as it exists, for {@link cleanUpInProcessBench}.
 */
export async function openInProcessBenchDatabase(
  resources: InProcessBenchResources,
  options: { tempPrefix: string; databaseName: string; maxConnections: number; poolSizeMax: number },
): Promise<{ postgresDir: string; databaseUrl: string; orm: MikroORM }> {
  resources.tempDir = await fsp.mkdtemp(path.join(os.tmpdir(), options.tempPrefix));
  const postgresDir = path.join(resources.tempDir, 'postgres');
  resources.cluster = await startEmbeddedPostgres({
    dataDir: postgresDir,
    port: 0,
    persistent: false,
    settings: { max_connections: String(options.maxConnections) },
  });
  await ensureDatabase(resources.cluster.serverUrl, options.databaseName);
  const databaseUrl = resources.cluster.urlFor(options.databaseName);
  resources.orm = await createOrm({ databaseUrl, poolSizeMax: options.poolSizeMax });
  await migrate(resources.orm);
  return { postgresDir, databaseUrl, orm: resources.orm };
}

/** Closes the ORM, stops PostgreSQL and deletes the temp folder; the first two steps' failures are ignored. */
export async function cleanUpInProcessBench(resources: InProcessBenchResources): Promise<void> {
  await resources.orm?.close(true).catch(() => {});
  await resources.cluster?.stop().catch(() => {});
  if (resources.tempDir) await fsp.rm(resources.tempDir, { recursive: true, force: true });
  resources.orm = undefined;
  resources.cluster = undefined;
  resources.tempDir = undefined;
}

/** The charges the books recorded with the bench's description (checked against the successes a bench counted). */
const selectBenchCharges = sql<{ charges: string }, { description: string }>(
  `select count(*)::text as charges from wallet_transaction where kind = 'CHARGE' and description = :description`,
);

/** How many charges with CHARGE_DESCRIPTION the books hold. */
export async function countBenchCharges(em: EntityManager): Promise<number> {
  return Number((await selectBenchCharges.one(em, { description: CHARGE_DESCRIPTION })).charges);
}

/** Runs verifyLedger and prints the verdict, with up to 3 rows of each broken invariant; true when all hold. */
export async function checkLedger(em: EntityManager): Promise<boolean> {
  const violations = await verifyLedger(em);
  if (violations.length === 0) {
    console.log('Ledger invariants: all hold (verifyLedger).');
    return true;
  }
  console.log(`Ledger invariants: ${violations.length} BROKEN (verifyLedger):`);
  for (const violation of violations) console.log(`  ${violation.invariant}: ${JSON.stringify(violation.rows.slice(0, 3))}`);
  return false;
}
