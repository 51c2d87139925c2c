/**
 * `node dist/bench/fleet.js` (after `npm run build:server`): the same load on N server processes
 * (default 3) on one PostgreSQL, once as today (every process reads the outbox itself, woken by
 * PostgreSQL NOTIFY) and once as a Redis fleet (REDIS_URL: one elected reader publishes the outbox
 * through Redis pub/sub), alternating when BENCH_FLEET_ROUNDS > 1.
 *
 * Method. Each process gets one graphql-ws socket with a `transactionAdded` subscription to every
 * bench wallet, so every charge is delivered N times (once per process). Closed loop: C clients
 * (default 12) each charge their own wallet through process (client mod N) as fast as answers come,
 * for BENCH_FLEET_SECONDS (default 10). Events/s = events delivered to all subscribers during the
 * load ÷ time from the first charge to the last delivery; latency = arrival − the moment the
 * charge's request was sent. Every subscriber's events are checked after: each charge once, in order.
 * PostgreSQL's own count of statements (pg_stat_statements, its database only) gives the outbox
 * reads: the tails' reads (rows and held-back checks), the alert feeds' reads and the NOTIFYs,
 * during the load and during BENCH_FLEET_IDLE_SECONDS (default 5) with nothing committed.
 *
 * Environment: REDIS_URL (default redis://127.0.0.1:6379), BENCH_FLEET_PROCESSES, BENCH_FLEET_CLIENTS,
 * BENCH_FLEET_SECONDS, BENCH_FLEET_IDLE_SECONDS, BENCH_FLEET_ROUNDS (default 1).
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { ensureDatabase } from '../server/database/database.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../server/database/embedded-postgres.js';
import { startServer, stopServer, type ServerProcess } from './bench-server.js';
import {
  CHARGE_AMOUNT,
  createFundedWallet,
  fixed,
  numberFromEnv,
  postJson,
  row,
  runBench,
  sleep,
  type BenchWallet,
} from './bench-support.js';

const PROCESSES = numberFromEnv('BENCH_FLEET_PROCESSES', 3, 1, 20);
const CLIENTS = numberFromEnv('BENCH_FLEET_CLIENTS', 12, 1, 200);
const SECONDS = numberFromEnv('BENCH_FLEET_SECONDS', 10, 1, 600);
const IDLE_SECONDS = numberFromEnv('BENCH_FLEET_IDLE_SECONDS', 5, 1, 600);
const ROUNDS = numberFromEnv('BENCH_FLEET_ROUNDS', 1, 1, 10);
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const READER_LINE = 'now reads the outbox for the fleet';
const CHARGE_BODY = (walletId: string) =>
  JSON.stringify({
    query: 'mutation C($input: ChargeInput!) { charge(input: $input) { transaction { sequence } } }',
    variables: { input: { walletId, amount: CHARGE_AMOUNT } },
  });

interface Resources {
  tempDir?: string;
  cluster?: EmbeddedDatabase;
  servers: ServerProcess[];
  clients: Client[];
}

interface Mode {
  name: string;
  env: (round: number) => NodeJS.ProcessEnv;
}

const MODES: Mode[] = [
  // An empty REDIS_URL is unset for the server, whatever the bench's own environment holds.
  { name: 'per-process tail (NOTIFY)', env: () => ({ REDIS_URL: '' }) },
  {
    name: 'Redis fleet',
    env: (round) => ({ REDIS_URL, REDIS_KEY_PREFIX: `bench-fleet-${round}-${randomBytes(3).toString('hex')}:` }),
  },
];

/** Statements counted by PostgreSQL in the bench database since the last reset, grouped by what they read. */
interface Reads {
  /** The live tails' reads: rows, and held-back checks. */
  tail: number;
  /** The alert feeds' reads (raised and acknowledged). */
  alertFeeds: number;
  notify: number;
  /** The durable outbox consumers' batches (alert processor, webhook and mail producers), for comparison. */
  consumers: number;
}

async function readStatements(databaseUrl: string): Promise<Reads> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ query: string; calls: string }>(
      `select query, calls::text from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())`,
    );
    const reads: Reads = { tail: 0, alertFeeds: 0, notify: 0, consumers: 0 };
    if (process.env.BENCH_FLEET_STATEMENTS === '1') {
      const top = [...rows].sort((a, b) => Number(b.calls) - Number(a.calls)).slice(0, 15);
      for (const { query, calls } of top) {
        const text = query.replace(/\s+/g, ' ');
        const from = text.search(/ from /i);
        console.log(`  ${calls.padStart(7)}  ${text.slice(0, 60)} … ${text.slice(from, from + 140)}`);
      }
    }
    for (const { query, calls } of rows) {
      const text = query.replace(/\s+/g, ' ').toLowerCase();
      if (
        text.includes("left join wallet_transaction t on e.type = 'wallet_transaction'") ||
        text.includes('select exists (select 1 from outbox_event e')
      )
        reads.tail += Number(calls);
      else if (
        text.includes('from alert a where a.id > $1 and ($2::uuid is null') ||
        text.includes('where a.acknowledgement_position > $1')
      )
        reads.alertFeeds += Number(calls);
      else if (text.startsWith('notify')) reads.notify += Number(calls);
      else if (text.includes('from outbox_event e where (e.tx_id, e.id) >')) reads.consumers += Number(calls);
    }
    return reads;
  } finally {
    await client.end();
  }
}

async function resetStatements(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('select pg_stat_statements_reset()');
  await client.end();
}

interface Result {
  mode: string;
  charges: number;
  chargesPerSecond: number;
  eventsPerSecond: number;
  p50: number;
  p99: number;
  missing: number;
  duplicates: number;
  outOfOrder: number;
  load: Reads;
  loadSeconds: number;
  idle: Reads;
}

async function runMode(resources: Resources, mode: Mode, round: number): Promise<Result> {
  const cluster = resources.cluster!;
  const modeEnv = mode.env(round);
  const databaseName = `fleet_${round}_${modeEnv.REDIS_URL ? 'redis' : 'notify'}`;
  await ensureDatabase(cluster.serverUrl, databaseName);
  const databaseUrl = cluster.urlFor(databaseName);
  const setup = new pg.Client({ connectionString: databaseUrl });
  await setup.connect();
  await setup.query('create extension if not exists pg_stat_statements');
  await setup.end();

  const adminToken = `sw_admin_${randomBytes(24).toString('base64url')}`;
  const env: NodeJS.ProcessEnv = {
    ...modeEnv,
    GRAPHQL_MUTATIONS_PER_WINDOW_MAX: '100000000',
    GRAPHQL_QUERIES_PER_WINDOW_MAX: '100000000',
    RETENTION_ENABLED: '0',
  };
  // One after another: on a loaded machine three starting at once miss the start timeout.
  const servers: ServerProcess[] = [];
  for (let index = 0; index < PROCESSES; index++) {
    const server = await startServer({ databaseUrl, adminToken, dataDir: path.join(resources.tempDir!, `${databaseName}-${index}`), env });
    servers.push(server);
    resources.servers.push(server);
  }
  if (env.REDIS_URL) {
    const deadline = Date.now() + 30_000;
    while (!servers.some((server) => server.output.some((line) => line.includes(READER_LINE)))) {
      if (Date.now() > deadline) throw new Error('No process became the fleet reader within 30 s');
      await sleep(50);
    }
  }
  let agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS + 4 });
  const wallets: BenchWallet[] = [];
  for (let index = 0; index < CLIENTS; index++)
    wallets.push(await createFundedWallet(agent, servers[0]!.port, adminToken, `fleet ${index}`));

  // arrivals[process][wallet]: the sequences received, in arrival order, with their arrival times.
  const arrivals = servers.map(() => wallets.map(() => ({ sequences: [] as number[], times: [] as number[] })));
  const clients = servers.map((server, processIndex) => {
    const client = createClient({
      url: `ws://127.0.0.1:${server.port}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${adminToken}` },
    });
    wallets.forEach((wallet, walletIndex) => {
      client.subscribe(
        {
          query: 'subscription S($walletId: ID!) { transactionAdded(walletId: $walletId, afterSequence: "1") { sequence } }',
          variables: { walletId: wallet.walletId },
        },
        {
          next: (value) => {
            const target = arrivals[processIndex]![walletIndex]!;
            target.sequences.push(Number((value.data as { transactionAdded: { sequence: string } }).transactionAdded.sequence));
            target.times.push(performance.now());
          },
          error: (error) => console.error(`subscription error on process ${processIndex}:`, error),
          complete: () => {},
        },
      );
    });
    return client;
  });
  resources.clients.push(...clients);
  const allHave = (count: number) => arrivals.every((perWallet) => perWallet.every((wallet) => wallet.sequences.length >= count));
  const waitAll = async (count: number, timeoutMs: number) => {
    const deadline = performance.now() + timeoutMs;
    while (!allHave(count)) {
      if (performance.now() > deadline) return false;
      await sleep(2);
    }
    return true;
  };
  // Warm-up: one charge per wallet, and every subscription has it (each is open and live).
  await Promise.all(
    wallets.map((wallet, index) => postJson(agent, servers[index % PROCESSES]!.port, wallet.ownerKey, CHARGE_BODY(wallet.walletId))),
  );
  if (!(await waitAll(1, 30_000))) throw new Error('The warm-up charges did not reach every subscriber');

  await resetStatements(databaseUrl);
  await sleep(IDLE_SECONDS * 1000);
  const idle = await readStatements(databaseUrl);

  // A fresh agent: the server closes sockets idle for 5 s, and a reused one may be reset under the first charge.
  agent.destroy();
  agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS + 4 });
  await resetStatements(databaseUrl);
  // sent[wallet][sequence] = when its request was sent.
  const sent = wallets.map(() => new Map<number, number>());
  const startedAt = performance.now();
  const endAt = startedAt + SECONDS * 1000;
  await Promise.all(
    wallets.map(async (wallet, index) => {
      const port = servers[index % PROCESSES]!.port;
      const body = CHARGE_BODY(wallet.walletId);
      while (performance.now() < endAt) {
        const at = performance.now();
        const answer = await postJson(agent, port, wallet.ownerKey, body);
        const sequence = Number(
          (JSON.parse(answer.body) as { data: { charge: { transaction: { sequence: string } } } }).data.charge.transaction.sequence,
        );
        sent[index]!.set(sequence, at);
      }
    }),
  );
  const charges = sent.reduce((sum, perWallet) => sum + perWallet.size, 0);
  const chargesSeconds = (performance.now() - startedAt) / 1000;
  // Sequence 1 is the funding, 2 the warm-up: the last charge of a wallet is 2 + its charges.
  const expected = wallets.map((_, index) => 2 + sent[index]!.size);
  const deadline = performance.now() + 60_000;
  while (
    !arrivals.every((perWallet) => perWallet.every((wallet, index) => wallet.sequences.length >= expected[index]! - 1)) &&
    performance.now() < deadline
  )
    await sleep(2);
  const lastArrival = Math.max(...arrivals.flat().map((wallet) => wallet.times.at(-1) ?? 0));
  const loadSeconds = (lastArrival - startedAt) / 1000;
  const load = await readStatements(databaseUrl);

  const latencies: number[] = [];
  let missing = 0;
  let duplicates = 0;
  let outOfOrder = 0;
  for (const perWallet of arrivals) {
    perWallet.forEach((wallet, walletIndex) => {
      const seen = new Set<number>();
      // Subscriptions start after the funding, sequence 1.
      let previous = 1;
      wallet.sequences.forEach((sequence, index) => {
        if (seen.has(sequence)) duplicates++;
        seen.add(sequence);
        if (sequence !== previous + 1) outOfOrder++;
        previous = sequence;
        const sentAt = sent[walletIndex]!.get(sequence);
        if (sentAt !== undefined) latencies.push(wallet.times[index]! - sentAt);
      });
      for (let sequence = 2; sequence <= expected[walletIndex]!; sequence++) if (!seen.has(sequence)) missing++;
    });
  }
  latencies.sort((a, b) => a - b);
  const at = (fraction: number) => latencies[Math.min(latencies.length - 1, Math.floor(fraction * latencies.length))] ?? Number.NaN;

  await Promise.all(clients.map((client) => client.dispose()));
  await Promise.all(servers.map((server) => stopServer(server)));
  agent.destroy();
  return {
    mode: mode.name,
    charges,
    chargesPerSecond: charges / chargesSeconds,
    eventsPerSecond: latencies.length / loadSeconds,
    p50: at(0.5),
    p99: at(0.99),
    missing,
    duplicates,
    outOfOrder,
    load,
    loadSeconds,
    idle,
  };
}

async function main(resources: Resources): Promise<boolean> {
  resources.tempDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'spendwire-bench-fleet-'));
  resources.cluster = await startEmbeddedPostgres({
    dataDir: path.join(resources.tempDir, 'postgres'),
    port: 0,
    persistent: false,
    settings: { max_connections: '300', shared_preload_libraries: 'pg_stat_statements' },
  });
  console.log(
    `Fleet bench: ${PROCESSES} processes, ${CLIENTS} clients (one wallet each, every process subscribed to every wallet), ${SECONDS} s load, ${IDLE_SECONDS} s idle, ${ROUNDS} round(s); ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}.`,
  );
  const results: Result[] = [];
  for (let round = 0; round < ROUNDS; round++) for (const mode of MODES) results.push(await runMode(resources, mode, round));

  const columns = [
    ['mode', 26],
    ['charges/s', 10],
    ['events/s', 9],
    ['p50 ms', 7],
    ['p99 ms', 7],
    ['miss', 5],
    ['dup', 4],
    ['order', 6],
    ['tail reads/s', 13],
    ['per charge', 11],
    ['feed reads/s', 13],
    ['NOTIFY/s', 9],
    ['consumer/s', 11],
    ['idle tail/s', 12],
    ['idle feeds/s', 13],
  ] as const;
  console.log(
    row(
      columns,
      columns.map(([name]) => name),
    ),
  );
  for (const result of results) {
    console.log(
      row(columns, [
        result.mode,
        fixed(result.chargesPerSecond, 0),
        fixed(result.eventsPerSecond, 0),
        fixed(result.p50, 1),
        fixed(result.p99, 1),
        String(result.missing),
        String(result.duplicates),
        String(result.outOfOrder),
        fixed(result.load.tail / result.loadSeconds, 1),
        fixed(result.load.tail / result.charges, 3),
        fixed(result.load.alertFeeds / result.loadSeconds, 1),
        fixed(result.load.notify / result.loadSeconds, 1),
        fixed(result.load.consumers / result.loadSeconds, 1),
        fixed(result.idle.tail / IDLE_SECONDS, 1),
        fixed(result.idle.alertFeeds / IDLE_SECONDS, 1),
      ]),
    );
  }
  return results.every((result) => result.missing === 0 && result.duplicates === 0 && result.outOfOrder === 0);
}

await runBench<Resources>({
  resources: { servers: [], clients: [] },
  runTimeMaxMs: 30 * 60_000,
  main,
  cleanUp: async (resources) => {
    await Promise.all(resources.clients.map((client) => client.dispose()));
    await Promise.all(resources.servers.map((server) => stopServer(server)));
    await resources.cluster?.stop().catch(() => {});
    if (resources.tempDir) await fsp.rm(resources.tempDir, { recursive: true, force: true });
  },
});
