/**
 * `npm run bench:fanout`: 10,000 `transactionAdded` subscribers on ONE server process. Goal:
 * commit → delivery p99 <= 250 ms at 200 charges/s spread over 1,000 wallets, server RSS <= 1 GiB,
 * 0 missing, 0 duplicates. The same run measures a baseline (1,000 subscribers) beside it.
 *
 * Method. A throwaway embedded PostgreSQL and the server as a child process (NODE_ENV=production,
 * its DEFAULT limits: every wallet is its own account, so its 10 subscribers are 10 sockets and 10
 * subscriptions of that account's OWNER key, under SOCKETS_PER_KEY_MAX 20 and
 * SUBSCRIPTIONS_PER_KEY_MAX 500). The load generator runs in separate processes: subscriber pools
 * (`BENCH_FANOUT_WORKERS`, the subscriptions split evenly) and one charger, so the bench's own
 * parsing is not the limit; each one's CPU time is read from /proc and printed in cores (CPU
 * seconds / wall seconds). Subscriptions are real graphql-ws clients (`ws`), one per socket by
 * default, each selecting `{ sequence }` and opened with `afterSequence` = its wallet's sequence
 * − 1: set-up timing cannot lose an event, and the replay of that last transaction tells the
 * subscription is set up and live (no charge is sent while 10,000 set-ups queue at the server);
 * measuring starts once every subscription received it. The charger is open-loop (a fixed schedule, whatever the
 * answers), round-robin over the wallets. Latency = arrival of the event at the subscriber −
 * arrival of the charge's HTTP answer (the commit is done by then; an event may beat the answer:
 * a small negative figure); second figure: − the moment the charge was sent. Times are absolute
 * (`performance.timeOrigin + now()`), comparable across the processes. Afterwards every
 * subscription's events are checked against its wallet's answered charges: exactly once, in order.
 * Server RSS is sampled every 100 ms from /proc.
 *
 * A/B: `BENCH_FANOUT_SERVERS="before=/tmp/base/dist/server/main.js,after=dist/server/main.js"`
 * runs each subscriber count on each build in turn (alternating, on one database and one set of
 * wallets), so both see the same machine load. A baseline build: `git archive <commit> | tar -x -C
 * /tmp/base && ln -s "$PWD/node_modules" /tmp/base/ && (cd /tmp/base && npx tsc -p tsconfig.server.json)`.
 *
 * Open files: the server needs one per socket. When `ulimit -n` is too low the server and workers
 * are started through `sh -c 'ulimit -n N; exec node …'` (up to the hard limit; above it, the bench
 * stops and says so).
 *
 * Environment: `BENCH_FANOUT_SUBSCRIBERS` (default "1000,10000"), `BENCH_FANOUT_WALLETS` (1000),
 * `BENCH_FANOUT_RATE` (charges/s, 200), `BENCH_FANOUT_SECONDS` (measured load, 20),
 * `BENCH_FANOUT_SUBSCRIPTIONS_PER_SOCKET` (1, at most 10 = one wallet's subscribers share a key),
 * `BENCH_FANOUT_WORKERS` (subscriber processes, 4), `BENCH_FANOUT_SERVERS` (above),
 * `BENCH_FANOUT_SERVER_NODE_ARGS` (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"), `BENCH_FANOUT_HEAP_SNAPSHOT=1`
 * (sends the server SIGUSR2 once every subscription is live: run it with --heapsnapshot-signal=SIGUSR2).
 */
import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureDatabase } from '../server/database/database.js';
import { startEmbeddedPostgres } from '../server/database/embedded-postgres.js';
import { createOrm } from '../server/database/orm.js';
import { verifyLedger } from '../server/domain/wallets/verify-ledger.js';
import {
  cleanUpServerBench,
  PROJECT_ROOT,
  residentMib,
  SERVER_ENTRY,
  spawnWithFileDescriptors,
  startServer,
  stopServer,
  type ServerBenchResources,
} from './bench-server.js';
import {
  createFundedWallet,
  fixed,
  inBatches,
  integerListFromEnv,
  numberFromEnv,
  percentile,
  postmasterPid,
  processCpuSeconds,
  row,
  runBench,
  sleep,
  sampleCpu,
  type BenchWallet,
} from './bench-support.js';
import { checkFanout, type ChargeLog, type PoolProgress, type SubscriptionPlan, type SubscriptionRecord } from './fanout-load.js';
import type { WorkerRequest } from './fanout-worker.js';

// ---------------------------------------------------------------------------------------------
// Settings

const SUBSCRIBER_COUNTS = integerListFromEnv('BENCH_FANOUT_SUBSCRIBERS', [1000, 10_000], 50_000);
const WALLETS = numberFromEnv('BENCH_FANOUT_WALLETS', 1000, 1, 10_000);
const RATE = numberFromEnv('BENCH_FANOUT_RATE', 200, 1, 5000);
const SECONDS = numberFromEnv('BENCH_FANOUT_SECONDS', 20, 1, 600);
const SUBSCRIPTIONS_PER_SOCKET = numberFromEnv('BENCH_FANOUT_SUBSCRIPTIONS_PER_SOCKET', 1, 1, 50);
const WORKERS = numberFromEnv('BENCH_FANOUT_WORKERS', 4, 1, 64);
const SERVER_NODE_ARGS = (process.env.BENCH_FANOUT_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
/** The builds to compare: label → server entry. */
const SERVERS: { label: string; entry: string }[] = (process.env.BENCH_FANOUT_SERVERS ?? `current=${SERVER_ENTRY}`)
  .split(',')
  .map((part) => {
    const [label, entry] = part.split('=');
    if (!label || !entry) throw new Error(`BENCH_FANOUT_SERVERS: "label=path,…" expected, got "${part}"`);
    return { label, entry: path.resolve(PROJECT_ROOT, entry) };
  });

/** Ask the server for a heap snapshot once every subscription is live (it must run with --heapsnapshot-signal=SIGUSR2). */
const HEAP_SNAPSHOT = process.env.BENCH_FANOUT_HEAP_SNAPSHOT === '1';
/** How long the bench leaves the server to write its heap snapshot, in ms. */
const HEAP_SNAPSHOT_WAIT_MS = 20_000;
/** Sockets one worker connects at once while opening. */
const CONNECTING_MAX = 64;
/** Most charge requests in flight at once (the schedule waits beyond it and reports its lag). */
const CHARGES_IN_FLIGHT_MAX = 256;
/** Longest wait for every subscription to be live (its first, replayed event), in ms: 60 s plus 30 ms per subscription. */
const establishTimeoutMs = (subscribers: number) => 60_000 + 30 * subscribers;
/** After the last charge's answer: longest wait for the events still on their way, in ms. */
const DRAIN_TIMEOUT_MS = 15_000;
/** Server RSS sampling interval, in ms. */
const RSS_SAMPLE_MS = 100;
/** Open files a process needs beside its sockets (pool, logs, modules). */
const FILE_DESCRIPTOR_MARGIN = 1000;
const GOAL_SUBSCRIBERS = 10_000;
const GOAL_P99_MS = 250;
const GOAL_RSS_MIB = 1024;

// ---------------------------------------------------------------------------------------------
// Worker processes

/** A load-generator process and one request at a time to it. */
class Worker {
  readonly child: ChildProcess;
  constructor(fileDescriptorsMin: number) {
    this.child = spawnWithFileDescriptors([path.join(PROJECT_ROOT, 'dist/bench/fanout-worker.js')], fileDescriptorsMin, {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  }

  /** Sends `request` and resolves with the worker's next answer. @throws its error answer, or when it exits. */
  ask<T>(request: WorkerRequest): Promise<T> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`a worker exited (${code}) during ${request.type}`));
      this.child.once('exit', onExit);
      this.child.once('message', (message: { type: string; message?: string }) => {
        this.child.off('exit', onExit);
        if (message.type === 'error') reject(new Error(`worker: ${message.message}`));
        else resolve(message as T);
      });
      this.child.send(request);
    });
  }

  cpuSeconds(): number {
    return processCpuSeconds(this.child.pid);
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || !this.child.connected) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ type: 'close' } satisfies WorkerRequest);
    await Promise.race([exited, sleep(10_000)]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

// ---------------------------------------------------------------------------------------------
// One measurement: one build, one subscriber count

interface Measurement {
  label: string;
  subscribers: number;
  sockets: number;
  chargesPerSecond: number;
  charges: number;
  chargeErrors: number;
  firstChargeError?: string;
  scheduleLagMaxMs: number;
  delivered: number;
  missing: number;
  duplicates: number;
  outOfOrder: number;
  unexpected: number;
  failures: number;
  failureReasons: string[];
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  sendP99Ms: number;
  rssStartMib: number;
  rssOpenMib: number;
  rssMaxMib: number;
  establishSeconds: number;
  drainMs: number;
  /** Server CPU per delivered event during the measurement, in µs (charges' own work included). */
  serverMicrosPerEvent: number;
  /** Server CPU per charge during the measurement, in ms (the delivery to its subscribers included). */
  serverMsPerCharge: number;
  /** (RSS once live − RSS at start) / subscribers, in KiB. */
  rssPerSubscriptionKib: number;
  /** Cores used during the measurement (CPU seconds / wall seconds). */
  cores: { server: number; postgres: number; subscribers: number; charger: number; bench: number; other: number };
}

interface Fixture {
  databaseUrl: string;
  adminToken: string;
  tempDir: string;
  postgresPid: number | undefined;
  wallets: BenchWallet[];
}

async function walletSequences(databaseUrl: string, wallets: BenchWallet[]): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ id: string; last_sequence: string }>(
      'select id, last_sequence::text as last_sequence from wallet where id = any($1::uuid[])',
      [wallets.map((wallet) => wallet.walletId)],
    );
    return new Map(result.rows.map((entry) => [entry.id, Number(entry.last_sequence)]));
  } finally {
    await client.end();
  }
}

async function measure(
  resources: ServerBenchResources,
  fixture: Fixture,
  build: { label: string; entry: string },
  subscribers: number,
): Promise<Measurement> {
  const sockets = Math.ceil(subscribers / SUBSCRIPTIONS_PER_SOCKET);
  resources.server = await startServer({
    databaseUrl: fixture.databaseUrl,
    adminToken: fixture.adminToken,
    dataDir: path.join(fixture.tempDir, 'server-data'),
    entry: build.entry,
    nodeArgs: SERVER_NODE_ARGS,
    fileDescriptorsMin: sockets + FILE_DESCRIPTOR_MARGIN,
  });
  const server = resources.server;
  const serverPid = server.child.pid;
  const rssStartMib = residentMib(serverPid);
  const workers = Array.from({ length: WORKERS }, () => new Worker(Math.ceil(sockets / WORKERS) + FILE_DESCRIPTOR_MARGIN));
  const charger = new Worker(CHARGES_IN_FLIGHT_MAX + FILE_DESCRIPTOR_MARGIN);
  try {
    const bases = await walletSequences(fixture.databaseUrl, fixture.wallets);
    // Subscription i follows wallet i mod W; grouped by wallet, so a socket holds one key's subscriptions.
    const plans: SubscriptionPlan[] = Array.from({ length: subscribers }, (_, index) => {
      const wallet = index % fixture.wallets.length;
      const { walletId, ownerKey } = fixture.wallets[wallet]!;
      return { wallet, walletId, key: ownerKey, base: bases.get(walletId)! };
    }).sort((a, b) => a.wallet - b.wallet);
    const url = `ws://127.0.0.1:${server.port}/graphql`;
    const share = Math.ceil(plans.length / WORKERS / SUBSCRIPTIONS_PER_SOCKET) * SUBSCRIPTIONS_PER_SOCKET;
    const establishStarted = performance.now();
    await Promise.all(
      workers.map((worker, index) =>
        worker.ask({
          type: 'open',
          url,
          subscriptionsPerSocket: SUBSCRIPTIONS_PER_SOCKET,
          connectingMax: CONNECTING_MAX,
          plans: plans.slice(index * share, (index + 1) * share),
        }),
      ),
    );
    const progress = async () => {
      const answers = await Promise.all(workers.map((worker) => worker.ask<{ progress: PoolProgress }>({ type: 'progress' })));
      return answers.reduce(
        (sum, { progress: next }) => ({
          live: sum.live + next.live,
          events: sum.events + next.events,
          failures: sum.failures + next.failures,
          firstFailure: sum.firstFailure ?? next.firstFailure,
        }),
        { live: 0, events: 0, failures: 0, firstFailure: undefined as string | undefined },
      );
    };
    const targets = fixture.wallets.map((wallet) => ({ walletId: wallet.walletId, key: wallet.ownerKey }));
    const deadline = performance.now() + establishTimeoutMs(subscribers);
    for (;;) {
      const now = await progress();
      if (now.failures > 0) throw new Error(`${now.failures} subscriptions failed while opening, first: ${now.firstFailure}`);
      if (now.live === subscribers) break;
      if (performance.now() > deadline)
        throw new Error(
          `${subscribers - now.live} of ${subscribers} subscriptions did not receive their first (replayed) event within ${establishTimeoutMs(subscribers)} ms`,
        );
      await sleep(200);
    }
    const establishSeconds = (performance.now() - establishStarted) / 1000;
    const rssOpenMib = residentMib(serverPid);
    if (HEAP_SNAPSHOT) {
      // With BENCH_FANOUT_SERVER_NODE_ARGS="--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=…": what the open subscriptions hold.
      server.child.kill('SIGUSR2');
      await sleep(HEAP_SNAPSHOT_WAIT_MS);
    }

    // Measurement: the open-loop load, then the events still on their way.
    let rssMaxMib = rssOpenMib;
    const rssSampler = setInterval(() => (rssMaxMib = Math.max(rssMaxMib, residentMib(serverPid) || 0)), RSS_SAMPLE_MS);
    const cpu = () => ({
      ...sampleCpu({ serverPid, postgresPid: fixture.postgresPid }),
      subscribers: workers.reduce((sum, worker) => sum + worker.cpuSeconds(), 0),
      charger: charger.cpuSeconds(),
    });
    const before = cpu();
    const count = Math.round(RATE * SECONDS);
    const load = await charger.ask<{ log: ChargeLog }>({
      type: 'charge',
      port: server.port,
      targets,
      count,
      chargesPerSecond: RATE,
      inFlightMax: CHARGES_IN_FLIGHT_MAX,
    });
    // Each answered charge owes one event to each subscription of its wallet.
    const perWallet = new Map<number, number>();
    for (const plan of plans) perWallet.set(plan.wallet, (perWallet.get(plan.wallet) ?? 0) + 1);
    const expected = subscribers + load.log.wallets.reduce((sum, wallet) => sum + (perWallet.get(wallet) ?? 0), 0);
    const drainStarted = performance.now();
    let drainMs = Number.NaN;
    // A charge that failed on its way back (a timeout) may still have committed: its events come
    // on top of the expected ones, so then wait for the events to stop coming as well.
    let lastEvents = -1;
    let quietSince = performance.now();
    for (;;) {
      const now = await progress();
      if (now.events >= expected && Number.isNaN(drainMs)) drainMs = performance.now() - drainStarted;
      if (now.events !== lastEvents) {
        lastEvents = now.events;
        quietSince = performance.now();
      }
      const settled = load.log.errors === 0 || performance.now() - quietSince > 1000;
      if ((now.events >= expected && settled) || now.failures > 0 || performance.now() - drainStarted > DRAIN_TIMEOUT_MS) break;
      await sleep(20);
    }
    if (Number.isNaN(drainMs)) drainMs = performance.now() - drainStarted;
    const after = cpu();
    clearInterval(rssSampler);
    const wallSeconds = (after.at - before.at) / 1000;
    const cores = (key: keyof Omit<typeof before, 'at'>) => (after[key] - before[key]) / wallSeconds;
    const known = ['server', 'postgres', 'subscribers', 'charger', 'bench'] as const;

    const records = (
      await Promise.all(workers.map((worker) => worker.ask<{ records: SubscriptionRecord[] }>({ type: 'collect' })))
    ).flatMap((answer) => answer.records);
    const check = checkFanout(records, [load.log]);
    return {
      label: build.label,
      subscribers,
      sockets,
      chargesPerSecond: load.log.wallets.length / (load.log.wallMs / 1000),
      charges: load.log.wallets.length,
      chargeErrors: load.log.errors,
      firstChargeError: load.log.firstError,
      scheduleLagMaxMs: load.log.scheduleLagMaxMs,
      delivered: check.delivered,
      missing: check.missing,
      duplicates: check.duplicates,
      outOfOrder: check.outOfOrder,
      unexpected: check.unexpected,
      failures: check.failures,
      failureReasons: check.failureReasons,
      p50Ms: percentile(check.fromAnswerMs, 0.5),
      p99Ms: percentile(check.fromAnswerMs, 0.99),
      maxMs: check.fromAnswerMs.at(-1) ?? Number.NaN,
      sendP99Ms: percentile(check.fromSendMs, 0.99),
      rssStartMib,
      rssOpenMib,
      rssMaxMib,
      establishSeconds,
      drainMs,
      serverMicrosPerEvent: ((after.server - before.server) * 1e6) / Math.max(1, check.delivered),
      serverMsPerCharge: ((after.server - before.server) * 1e3) / Math.max(1, load.log.wallets.length),
      rssPerSubscriptionKib: ((rssOpenMib - rssStartMib) * 1024) / subscribers,
      cores: {
        server: cores('server'),
        postgres: cores('postgres'),
        subscribers: cores('subscribers'),
        charger: cores('charger'),
        bench: cores('bench'),
        other: cores('machine') - known.reduce((sum, key) => sum + (Number.isNaN(cores(key)) ? 0 : cores(key)), 0),
      },
    };
  } finally {
    await Promise.all([...workers, charger].map((worker) => worker.close()));
    await stopServer(server);
    resources.server = undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Output and entry point

const COLUMNS = [
  ['build', 8],
  ['subscribers', 11],
  ['sockets', 7],
  ['charges/s', 9],
  ['events', 7],
  ['p50 ms', 7],
  ['p99 ms', 7],
  ['max ms', 7],
  ['send p99', 8],
  ['missing', 7],
  ['dup', 4],
  ['order', 5],
  ['RSS start', 9],
  ['open', 6],
  ['max MiB', 7],
] as const;

const CPU_COLUMNS = [
  ['build', 8],
  ['subscribers', 11],
  ['server', 6],
  ['pg', 5],
  ['subscribers', 11],
  ['charger', 7],
  ['bench', 5],
  ['other', 5],
  ['lag max ms', 10],
  ['setup s', 7],
  ['drain ms', 8],
  ['srv µs/event', 12],
  ['ms/charge', 9],
  ['KiB/sub', 7],
] as const;

function printRow(result: Measurement): void {
  console.log(
    row(COLUMNS, [
      result.label,
      String(result.subscribers),
      String(result.sockets),
      fixed(result.chargesPerSecond, 0),
      String(result.delivered),
      fixed(result.p50Ms, 1),
      fixed(result.p99Ms, 1),
      fixed(result.maxMs, 1),
      fixed(result.sendP99Ms, 1),
      String(result.missing),
      String(result.duplicates),
      String(result.outOfOrder),
      fixed(result.rssStartMib, 0),
      fixed(result.rssOpenMib, 0),
      fixed(result.rssMaxMib, 0),
    ]),
  );
}

async function main(resources: ServerBenchResources): Promise<boolean> {
  resources.tempDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'spendwire-fanout-'));
  const postgresDir = path.join(resources.tempDir, 'postgres');
  resources.cluster = await startEmbeddedPostgres({
    dataDir: postgresDir,
    port: 0,
    persistent: false,
    settings: { max_connections: '200' },
  });
  await ensureDatabase(resources.cluster.serverUrl, 'spendwire_fanout');
  const databaseUrl = resources.cluster.urlFor('spendwire_fanout');
  const adminToken = `sw_admin_${randomBytes(24).toString('base64url')}`;

  // Fixtures through the API of a first server (the migrations run there).
  resources.server = await startServer({ databaseUrl, adminToken, dataDir: path.join(resources.tempDir, 'server-data') });
  const setupStarted = performance.now();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const port = resources.server.port;
  const wallets = await inBatches(WALLETS, 16, (index) => createFundedWallet(agent, port, adminToken, `bench fanout ${index}`));
  agent.destroy();
  await stopServer(resources.server);
  resources.server = undefined;
  const fixture: Fixture = { databaseUrl, adminToken, tempDir: resources.tempDir, postgresPid: postmasterPid(postgresDir), wallets };

  console.log('Fan-out: transactionAdded subscribers on one server process (graphql-ws), load generator in separate processes');
  console.log(
    `${WALLETS} wallets, each its own account (made and funded via the API in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s); ` +
      `subscription i follows wallet i mod ${WALLETS} with that account's OWNER key, ${SUBSCRIPTIONS_PER_SOCKET} per socket, ` +
      `selecting { sequence }, over ${WORKERS} subscriber processes; server with its default limits (SOCKETS_PER_KEY_MAX, SUBSCRIPTIONS_PER_KEY_MAX)`,
  );
  console.log(
    `Load: ${RATE} charges/s for ${SECONDS} s, open-loop, round-robin over the wallets, from one charger process; ` +
      `machine: ${os.cpus().length} cores, shared with whatever else runs (figures are noisy: compare rows of one run)`,
  );
  console.log(
    "Latency: event arrival − arrival of the charge's HTTP answer (commit done); send = − the moment it was sent. RSS of the " +
      'server in MiB: at start, once every subscription is live, and the highest sample during the load.',
  );
  console.log(`Goal: ${GOAL_SUBSCRIBERS} subscribers, p99 <= ${GOAL_P99_MS} ms, RSS <= ${GOAL_RSS_MIB} MiB, 0 missing, 0 duplicates`);
  console.log('');
  console.log(
    row(
      COLUMNS,
      COLUMNS.map(([title]) => title),
    ),
  );
  const results: Measurement[] = [];
  let passed = true;
  for (const subscribers of SUBSCRIBER_COUNTS) {
    for (const build of SERVERS) {
      try {
        const result = await measure(resources, fixture, build, subscribers);
        results.push(result);
        printRow(result);
      } catch (error) {
        // One build or count failing (e.g. subscriptions not live in time) must not hide the others.
        passed = false;
        console.log(`FAILED: ${build.label} ${subscribers}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  console.log('');
  console.log(
    'Cores used during each measurement (CPU seconds / wall seconds, load start → last event): server process, PostgreSQL cluster, ' +
      'the subscriber processes together, the charger, this bench, the rest of the machine; lag = how late the charger sent a charge; ' +
      'srv µs/event and ms/charge = server CPU per delivered event and per charge; KiB/sub = server RSS growth per live subscription ' +
      '(the least noisy figures on a shared machine)',
  );
  console.log(
    row(
      CPU_COLUMNS,
      CPU_COLUMNS.map(([title]) => title),
    ),
  );
  for (const result of results) {
    console.log(
      row(CPU_COLUMNS, [
        result.label,
        String(result.subscribers),
        fixed(result.cores.server, 2),
        fixed(result.cores.postgres, 2),
        fixed(result.cores.subscribers, 2),
        fixed(result.cores.charger, 2),
        fixed(result.cores.bench, 2),
        fixed(result.cores.other, 2),
        fixed(result.scheduleLagMaxMs, 1),
        fixed(result.establishSeconds, 1),
        fixed(result.drainMs, 0),
        fixed(result.serverMicrosPerEvent, 0),
        fixed(result.serverMsPerCharge, 2),
        fixed(result.rssPerSubscriptionKib, 1),
      ]),
    );
  }

  console.log('');
  for (const result of results) {
    const problems: string[] = [];
    if (result.missing > 0) problems.push(`${result.missing} events missing`);
    if (result.duplicates > 0) problems.push(`${result.duplicates} duplicates`);
    if (result.outOfOrder > 0) problems.push(`${result.outOfOrder} out of order`);
    if (result.unexpected > 0) problems.push(`${result.unexpected} events of charges never answered`);
    if (result.chargeErrors > 0) problems.push(`${result.chargeErrors} charges failed, first: ${result.firstChargeError}`);
    if (result.failures > 0) problems.push(`${result.failures} subscriptions failed: ${result.failureReasons.join('; ')}`);
    if (problems.length > 0) {
      passed = false;
      console.log(`FAILED: ${result.label} ${result.subscribers}: ${problems.join('; ')}`);
    }
    if (result.subscribers === GOAL_SUBSCRIBERS) {
      const met = result.p99Ms <= GOAL_P99_MS && result.rssMaxMib <= GOAL_RSS_MIB && problems.length === 0;
      console.log(
        `Goal check (${result.label}): ${GOAL_SUBSCRIBERS} subscribers at ${fixed(result.chargesPerSecond, 0)} charges/s: ` +
          `p99 ${fixed(result.p99Ms, 1)} ms, RSS max ${fixed(result.rssMaxMib, 0)} MiB, ${result.missing} missing, ${result.duplicates} duplicates → ` +
          `${met ? 'MET' : 'NOT MET'}`,
      );
    }
  }

  const orm = await createOrm({ databaseUrl, poolSizeMax: 2 });
  try {
    const violations = await verifyLedger(orm.em.fork());
    console.log(violations.length === 0 ? 'Ledger invariants: all hold (verifyLedger).' : `Ledger invariants: ${violations.length} BROKEN`);
    passed &&= violations.length === 0;
  } finally {
    await orm.close(true);
  }
  return passed;
}

const resources: ServerBenchResources = {};
await runBench({
  resources,
  runTimeMaxMs:
    600_000 +
    SUBSCRIBER_COUNTS.length *
      SERVERS.length *
      (SECONDS * 1000 + establishTimeoutMs(Math.max(...SUBSCRIBER_COUNTS)) + DRAIN_TIMEOUT_MS + 60_000),
  main,
  cleanUp: cleanUpServerBench,
  onError: (r) => {
    if (r.server) console.error(r.server.output.slice(-30).join('\n'));
  },
});
