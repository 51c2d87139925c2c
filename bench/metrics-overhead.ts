/**
 * `npm run build:server && node dist/bench/metrics-overhead.js`: what the Prometheus metrics cost. Two server processes on one
 * PostgreSQL cluster (a database each), one with `METRICS=1` (the default) and one with `METRICS=0`,
 * charged by the same N concurrent clients (each on a wallet of its own, one request at a time) in
 * alternating rounds (on, off, off, on, …) so that the machine's other load falls on both sides
 * alike. Prints charges/s and p50/p99 latency per side and round, the totals, on ÷ off, and what a
 * `/metrics` scrape of the metered server costs (ms, bytes) after the load, and the CPU time counting
 * one operation takes in this process (µs).
 *
 * Environment: `BENCH_CLIENTS` (default 16), `BENCH_ROUNDS` (default 4), `BENCH_SECONDS` per round
 * and side (default 4). Exits 1 on any failed request; the figures are reported, never asserted.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ensureDatabase } from '../server/database/database.js';
import { startEmbeddedPostgres } from '../server/database/embedded-postgres.js';
import {
  CHARGE_AMOUNT,
  createFundedWallet,
  fixed,
  Latencies,
  numberFromEnv,
  percentile,
  postJson,
  row,
  runBench,
  type BenchWallet,
} from './bench-support.js';
import { startServer, stopServer, type ServerProcess } from './bench-server.js';
import type { EmbeddedDatabase } from '../server/database/embedded-postgres.js';
import { getOperationAST, parse, type GraphQLSchema } from 'graphql';
import { createSchema } from '../server/graphql/schema.js';
import { Metrics } from '../server/metrics/metrics.js';
import { OperationLabels } from '../server/metrics/operation-labels.js';

const CLIENTS = numberFromEnv('BENCH_CLIENTS', 16, 1, 256);
const ROUNDS = numberFromEnv('BENCH_ROUNDS', 4, 1, 50);
const SECONDS = numberFromEnv('BENCH_SECONDS', 4, 1, 600);
const CHARGE = 'mutation Charge($input: ChargeInput!) { charge(input: $input) { transaction { id } } }';

interface Resources {
  tempDir?: string;
  cluster?: EmbeddedDatabase;
  servers: ServerProcess[];
}

interface Side {
  name: 'metrics on' | 'metrics off';
  server: ServerProcess;
  wallets: BenchWallet[];
  agent: http.Agent;
  charges: number;
  seconds: number;
  latencies: Latencies;
}

/** N clients charging their own wallets for `seconds`; adds to the side's totals and returns this round's figures. */
async function chargeFor(side: Side, seconds: number): Promise<{ perSecond: number; p50: number; p99: number }> {
  const latencies = new Latencies();
  const endAt = performance.now() + seconds * 1000;
  let charges = 0;
  const startedAt = performance.now();
  await Promise.all(
    side.wallets.map(async (wallet) => {
      while (performance.now() < endAt) {
        const sentAt = performance.now();
        const answer = await postJson(
          side.agent,
          side.server.port,
          wallet.ownerKey,
          JSON.stringify({ query: CHARGE, variables: { input: { walletId: wallet.walletId, amount: CHARGE_AMOUNT } } }),
        );
        if (answer.status !== 200 || answer.body.includes('"errors"')) throw new Error(`charge failed: ${answer.body.slice(0, 300)}`);
        const elapsed = performance.now() - sentAt;
        latencies.push(elapsed);
        side.latencies.push(elapsed);
        charges++;
      }
    }),
  );
  const elapsedSeconds = (performance.now() - startedAt) / 1000;
  side.charges += charges;
  side.seconds += elapsedSeconds;
  const sorted = latencies.sorted();
  return { perSecond: charges / elapsedSeconds, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

/** GET /metrics with the operator token: its time (ms), size (bytes) and status. */
function scrapeOnce(port: number, adminToken: string): Promise<{ ms: number; bytes: number; status: number }> {
  const startedAt = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/metrics', headers: { authorization: `Bearer ${adminToken}` }, agent: false }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => resolve({ ms: performance.now() - startedAt, bytes, status: response.statusCode ?? 0 }));
      })
      .on('error', reject);
  });
}

/** Microseconds of CPU per operation counted as the HTTP plugin does: its label from the document, then the counter and the histogram. */
function countingMicros(): number {
  const metrics = new Metrics({ databaseTimeoutMs: 1_000 });
  const labels = new OperationLabels(schema!);
  const document = parse(CHARGE);
  const operation = getOperationAST(document);
  const iterations = 200_000;
  const startedAt = process.cpuUsage();
  for (let index = 0; index < iterations; index++) {
    const label = labels.of(document, operation);
    metrics.observeOperation('http', label.type, label.operation, index % 10 === 0 ? 'INSUFFICIENT_FUNDS' : undefined, 0.004);
  }
  const used = process.cpuUsage(startedAt);
  return (used.user + used.system) / iterations;
}

let schema: GraphQLSchema | undefined;

async function main(resources: Resources): Promise<boolean> {
  schema = await createSchema();
  resources.tempDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'spendwire-bench-metrics-'));
  resources.cluster = await startEmbeddedPostgres({ dataDir: path.join(resources.tempDir, 'postgres'), port: 0, persistent: false });
  const adminToken = `sw_admin_${randomBytes(24).toString('base64url')}`;
  const sides: Side[] = [];
  for (const [name, metrics] of [
    ['metrics on', '1'],
    ['metrics off', '0'],
  ] as const) {
    const database = name === 'metrics on' ? 'metrics_on' : 'metrics_off';
    await ensureDatabase(resources.cluster.serverUrl, database);
    const server = await startServer({
      databaseUrl: resources.cluster.urlFor(database),
      adminToken,
      dataDir: path.join(resources.tempDir, database),
      env: { METRICS: metrics, GRAPHQL_MUTATIONS_PER_WINDOW_MAX: '100000000', GRAPHQL_QUERIES_PER_WINDOW_MAX: '100000000' },
    });
    resources.servers.push(server);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
    const wallets: BenchWallet[] = [];
    for (let index = 0; index < CLIENTS; index++) wallets.push(await createFundedWallet(agent, server.port, adminToken, `bench ${index}`));
    sides.push({ name, server, wallets, agent, charges: 0, seconds: 0, latencies: new Latencies() });
  }
  const offScrape = await scrapeOnce(sides[1]!.server.port, adminToken);
  if (offScrape.status !== 404) throw new Error(`/metrics with METRICS=0 answered ${offScrape.status}, not 404`);

  console.log(`Metrics overhead: ${CLIENTS} clients charging their own wallets, ${ROUNDS} rounds × ${SECONDS} s per side, alternating.`);
  console.log(
    `Machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')} at start.`,
  );
  const columns = [
    ['round', 7],
    ['side', 12],
    ['charges/s', 10],
    ['p50 ms', 8],
    ['p99 ms', 8],
  ] as const;
  console.log(
    row(
      columns,
      columns.map(([title]) => title),
    ),
  );
  for (let round = 1; round <= ROUNDS; round++) {
    // on, off | off, on | …: neither side always goes first.
    const order = round % 2 === 1 ? sides : [...sides].reverse();
    for (const side of order) {
      const figures = await chargeFor(side, SECONDS);
      console.log(row(columns, [String(round), side.name, fixed(figures.perSecond, 0), fixed(figures.p50, 2), fixed(figures.p99, 2)]));
    }
  }
  const [on, off] = sides as [Side, Side];
  console.log('');
  for (const side of sides) {
    const sorted = side.latencies.sorted();
    console.log(
      row(columns, [
        'total',
        side.name,
        fixed(side.charges / side.seconds, 0),
        fixed(percentile(sorted, 0.5), 2),
        fixed(percentile(sorted, 0.99), 2),
      ]),
    );
  }
  console.log(`on ÷ off (charges/s): ${fixed(on.charges / on.seconds / (off.charges / off.seconds), 3)}`);
  const scrapes = [];
  for (let index = 0; index < 5; index++) scrapes.push(await scrapeOnce(on.server.port, adminToken));
  if (scrapes.some((scrape) => scrape.status !== 200)) throw new Error('a /metrics scrape failed');
  const scrapeMs = scrapes.map((scrape) => scrape.ms).sort((a, b) => a - b);
  console.log(`/metrics scrape of the metered server: median ${fixed(scrapeMs[2]!, 1)} ms, ${scrapes[0]!.bytes} bytes.`);
  console.log(
    `What counting one operation costs in this process (label from its document, counter, histogram): ${fixed(countingMicros(), 2)} µs.`,
  );
  console.log(
    `Load average at the end: ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}.`,
  );
  for (const side of sides) side.agent.destroy();
  return true;
}

void runBench<Resources>({
  resources: { servers: [] },
  runTimeMaxMs: 600_000,
  main,
  cleanUp: async (resources) => {
    for (const server of resources.servers) await stopServer(server).catch((error) => console.error('stopping a server:', error));
    resources.servers = [];
    if (resources.cluster) await resources.cluster.stop().catch((error) => console.error('stopping PostgreSQL:', error));
    if (resources.tempDir) await fsp.rm(resources.tempDir, { recursive: true, force: true }).catch(() => {});
  },
});
