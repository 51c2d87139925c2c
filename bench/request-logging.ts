/**
 * `npm run build:server && node dist/bench/request-logging.js`: what the per-request log line
 * (written by the request wrapper with pino, JSON, synchronously) costs. One app in this process, the same clients and
 * requests, rounds alternating A, B, A, B…: A with the logger at `info` writing every request's
 * line to a file (as production writes to stdout), B at `warn` (the line is filtered out before it
 * is built). The machine's noise hits both; each round prints requests/s, the summary the medians
 * and A/B, with the CPU time of this process (server and clients) per request, which a loaded
 * machine disturbs less than the rate.
 *
 * Requests: `{ me { role } }` (no database write: the server's own CPU per request is what the
 * line is compared with) and `charge` of 0.01 (a posting, committed without fsync).
 *
 * Environment: `BENCH_LOG_CLIENTS` (default 8), `BENCH_LOG_SECONDS` per round (default 3),
 * `BENCH_LOG_ROUNDS` per level and kind (default 3).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { startApp, type RunningApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { ensureDatabase } from '../server/database/database.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../server/database/embedded-postgres.js';
import { configureLogging } from '../server/logging/logger.js';
import {
  type BenchWallet,
  CHARGE_AMOUNT,
  CHARGE_DESCRIPTION,
  createFundedWallet,
  fixed,
  numberFromEnv,
  postJson,
  runBench,
} from './bench-support.js';

const CLIENTS = numberFromEnv('BENCH_LOG_CLIENTS', 8, 1, 256);
const SECONDS = numberFromEnv('BENCH_LOG_SECONDS', 3, 1, 60);
const ROUNDS = numberFromEnv('BENCH_LOG_ROUNDS', 3, 1, 20);

interface Resources {
  tempDir?: string;
  cluster?: EmbeddedDatabase;
  apps: RunningApp[];
}

/** Requests per second `clients` keep-alive clients get from `port` in `seconds`, each sending `body()` one at a time. */
async function rate(port: number, tokens: string[], body: (client: number) => string): Promise<{ perSecond: number; cpuUs: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: tokens.length });
  const cpuBefore = process.cpuUsage();
  let done = 0;
  const end = Date.now() + SECONDS * 1000;
  try {
    await Promise.all(
      tokens.map(async (token, client) => {
        while (Date.now() < end) {
          const answer = await postJson(agent, port, token, body(client));
          if (answer.status !== 200 || answer.body.includes('"errors"')) throw new Error(`request failed: ${answer.body.slice(0, 300)}`);
          done++;
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  const cpu = process.cpuUsage(cpuBefore);
  return { perSecond: done / SECONDS, cpuUs: (cpu.user + cpu.system) / done };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(resources: Resources): Promise<boolean> {
  resources.tempDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'spendwire-bench-logging-'));
  resources.cluster = await startEmbeddedPostgres({
    dataDir: path.join(resources.tempDir, 'data'),
    port: 0,
    persistent: false,
    settings: { fsync: 'off', synchronous_commit: 'off' },
  });
  await ensureDatabase(resources.cluster.serverUrl, 'bench');
  const databaseUrl = new URL(resources.cluster.serverUrl);
  databaseUrl.pathname = '/bench';
  const logFile = path.join(resources.tempDir, 'server.log');
  const destination = pino.destination({ dest: logFile, sync: true });
  const adminToken = `bench_admin_${randomUUID()}`;
  const config = loadConfig(
    {},
    {
      port: 0,
      simulatorEnabled: false,
      lifecycleEnabled: false,
      retentionEnabled: false,
      paymentsEnabled: false,
      mailEnabled: false,
      webhooksEnabled: false,
      alertsEnabled: false,
      billingClockEnabled: false,
      rateLimitsEnabled: false,
    },
  );
  configureLogging({ level: 'info', destination });
  const app = await startApp({ config, databaseUrl: databaseUrl.toString(), platformAdminToken: adminToken });
  resources.apps.push(app);
  // The request logger is a child of the process's logger without a level of its own: it follows this.
  const at = (level: 'info' | 'warn') => configureLogging({ level, destination });

  const setupAgent = new http.Agent({ keepAlive: true });
  const wallets: BenchWallet[] = [];
  for (let client = 0; client < CLIENTS; client++)
    wallets.push(await createFundedWallet(setupAgent, app.port, adminToken, `bench ${client}`));
  setupAgent.destroy();
  const tokens = wallets.map((wallet) => wallet.ownerKey);
  const kinds = {
    me: () => JSON.stringify({ query: '{ me { role } }' }),
    charge: (client: number) =>
      JSON.stringify({
        query: 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }',
        variables: { input: { walletId: wallets[client]!.walletId, amount: CHARGE_AMOUNT, description: CHARGE_DESCRIPTION } },
      }),
  };

  console.log(
    `Request log line cost: ${CLIENTS} clients, ${SECONDS} s rounds, ${ROUNDS} rounds per level (A: info, B: warn), alternating.`,
  );
  console.log(
    `Machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}.`,
  );
  for (const [kind, body] of Object.entries(kinds)) {
    at('warn');
    await rate(app.port, tokens, body); // Warm-up.
    const figures: { info: number[]; warn: number[] } = { info: [], warn: [] };
    const cpu: { info: number[]; warn: number[] } = { info: [], warn: [] };
    let bytes = 0;
    let loggedRequests = 0;
    for (let round = 0; round < ROUNDS; round++) {
      at('info');
      const sizeBefore = fs.statSync(logFile).size;
      const withLines = await rate(app.port, tokens, body);
      bytes += fs.statSync(logFile).size - sizeBefore;
      loggedRequests += withLines.perSecond * SECONDS;
      figures.info.push(withLines.perSecond);
      cpu.info.push(withLines.cpuUs);
      at('warn');
      const without = await rate(app.port, tokens, body);
      figures.warn.push(without.perSecond);
      cpu.warn.push(without.cpuUs);
      console.log(
        `  ${kind.padEnd(6)} round ${round + 1}: A (info) ${fixed(withLines.perSecond, 0)}/s, ${fixed(withLines.cpuUs, 0)} µs CPU/request;  ` +
          `B (warn) ${fixed(without.perSecond, 0)}/s, ${fixed(without.cpuUs, 0)} µs CPU/request`,
      );
    }
    const [a, b] = [median(figures.info), median(figures.warn)];
    console.log(
      `  ${kind.padEnd(6)} median: A ${fixed(a, 0)}/s, B ${fixed(b, 0)}/s, A/B = ${fixed(a / b, 3)}; CPU per request (this process: ` +
        `server and clients) A ${fixed(median(cpu.info), 0)} µs, B ${fixed(median(cpu.warn), 0)} µs; ${fixed(bytes / loggedRequests, 0)} bytes logged per request`,
    );
  }
  return true;
}

void runBench<Resources>({
  resources: { apps: [] },
  runTimeMaxMs: 15 * 60_000,
  main,
  cleanUp: async (resources) => {
    for (const app of resources.apps.reverse()) await app.close().catch((error) => console.error('stopping an app:', error));
    resources.apps = [];
    if (resources.cluster) await resources.cluster.stop().catch((error) => console.error('stopping PostgreSQL:', error));
    if (resources.tempDir) await fsp.rm(resources.tempDir, { recursive: true, force: true }).catch(() => {});
  },
});
