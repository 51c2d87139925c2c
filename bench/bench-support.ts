/**
 * Helpers shared by the benchmark scripts (`npm run bench`): settings from the environment,
 * percentiles, CPU accounting from /proc, a lean HTTP GraphQL client, funded fixture wallets
 * created through the API, and table formatting. No timing assertions: benchmarks print figures.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { logSettingsFromEnv } from '../server/config.js';
import { configureLogging } from '../server/logging/logger.js';

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
function postgresCpuSeconds(postmaster: number | undefined): number {
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
