/**
 * One chaos scenario, start to verdict: an embedded PostgreSQL of its own, two server processes on
 * it (through a TCP proxy to PostgreSQL in `postgres-stall`, directly otherwise), one shared Stripe sandbox behind a proxy, a real
 * SMTP server and a webhook receiver (each behind a proxy), subscribers on both processes; the
 * storm of mixed operations; the fault injected at 30 % of the operations and healed; then the
 * checks (ledger, balances, events, alerts, webhooks, mails, the books against what clients were
 * told). Shared by `npm run chaos` (bench/chaos.ts) and the short test (test/chaos/storm.test.ts).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureDatabase } from '../../server/database/database.js';
import { embeddedUrl, startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/database/embedded-postgres.js';
import { freePort } from '../../server/database/free-port.js';
import { createOrm } from '../../server/database/orm.js';
import { verifyLedger } from '../../server/domain/wallets/verify-ledger.js';
import { StripeSandbox } from '../../server/stripe-sandbox/stripe-sandbox.js';
import { ApiClient } from './api-client.js';
import { checkStorm, type StormChecks } from './checks.js';
import {
  drawKind,
  endRemainingCalls,
  runOperation,
  seededRandom,
  zipfSampler,
  type OperationContext,
  type OperationRecord,
  type StormWallet,
} from './operations.js';
import { startMailReceiver, startStripeWebhookForwarder, startWebhookReceiver } from './receivers.js';
import { ServerSlot } from './server-processes.js';
import { StormSubscriber } from './subscribers.js';
import { clusterCpuSeconds, CpuMeter, processCpuSeconds } from './cpu-usage.js';
import { SwitchSimulator } from './switch.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';

/** The fault scenarios, in the order `npm run chaos` runs them. */
export const SCENARIOS = [
  'none',
  'kill-9',
  'listen-dropped',
  'smtp-down',
  'webhook-down',
  'webhook-slow',
  'stripe-down',
  'postgres-restart-fast',
  'postgres-restart-immediate',
  'postgres-stall',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** How long a network fault (cut, stall, slow receiver) lasts, in ms. */
export const FAULT_DURATION_MS = 10_000;
/** Share of the operations done when the fault is injected. */
const FAULT_AT_SHARE = 0.3;
/** Longest wait for the service to be whole again after a fault was healed, in ms. */
const RECOVERY_TIMEOUT_MS = 180_000;
/** Zipf exponent of the wallets' popularity: wallet 0 is the hottest. */
const ZIPF_EXPONENT = 1.1;
/** Credit each wallet starts with, in units. */
const STARTING_FUNDS = '200';

export interface StormOptions {
  scenario: ScenarioName;
  /** Compiled server entry (`dist/server/main.js`). */
  serverEntry: string;
  /** Folder the server processes run in (the project root: it resolves node_modules and the client build). */
  projectRoot: string;
  operations: number;
  wallets: number;
  /** Operations in flight at once. */
  clients: number;
  seed: number;
  /** A folder where each server process's output is written (`<scenario>-server-A.log`…); undefined: kept in memory only. */
  logDir?: string;
  /** Longest wait for every backlog (mails, webhooks, top-ups, subscribers) to drain after the storm, in ms. */
  settleTimeoutMs: number;
  /** The servers reach PostgreSQL through the stallable proxy in every scenario, not only in `postgres-stall`. @default false */
  databaseThroughProxy?: boolean;
  /** Wait this long after the set-up and before the storm, and note the CPU each part used meanwhile (profiling), in ms. @default 0 */
  idleBaselineMs?: number;
  /** Node.js options for the server processes (e.g. `--cpu-prof` to profile them). @default none */
  serverNodeArguments?: string[];
  /** The servers' `BILLING_CLOCK_LEAD_MS`: how long before a grant ends the clock extends it (the switch's window to see it). @default the server's, 1000 */
  billingClockLeadMs?: number;
  /** Most seconds the switch may keep a call up past the funded end the books record. @default one 6-second increment */
  unfundedLagSecondsAllowed?: number;
  log: (line: string) => void;
}

export interface StormResult {
  scenario: ScenarioName;
  operations: number;
  acknowledged: number;
  refused: number;
  unknown: number;
  lost: number;
  duplicated: number;
  /** Time from the fault's end until the service was whole again, in ms (NaN: no fault, or it never was). */
  recoveryMs: number;
  durationMs: number;
  retries: number;
  /**
   * Books lag: the most seconds a call's row was seen ACTIVE past its funded time (sampled every
   * 500 ms). Reported, not a verdict: while the database is unreachable nothing can end the row, and
   * the switch hangs the call up at its grant meanwhile.
   */
  unfundedLagSecondsMax: number;
  /** Times each subscriber (one per process) lost its socket and resumed. */
  subscriberResumes: number[];
  checks: StormChecks;
  /** Every broken promise, one line each: empty when the scenario passed. */
  problems: string[];
  /** What was observed that is not a failure (fault effects, redeliveries…). */
  notes: string[];
}

/** Everything a scenario starts, so that clean-up finds it whatever failed. */
interface Resources {
  tempDir?: string;
  cluster?: EmbeddedDatabase;
  proxies: TcpProxy[];
  servers: ServerSlot[];
  subscribers: StormSubscriber[];
  switch?: SwitchSimulator;
  closers: (() => Promise<void>)[];
  api?: ApiClient;
}

const ADMIN = 'sw_admin_chaos_';

/** The postmaster's pid, from the first line of its postmaster.pid; undefined when unreadable. */
function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs one scenario and returns its figures and verdict; never throws for a broken promise, only for a harness failure. */
export async function runStorm(options: StormOptions): Promise<StormResult> {
  const resources: Resources = { proxies: [], servers: [], subscribers: [], closers: [] };
  try {
    return await runStormIn(resources, options);
  } finally {
    await cleanUp(resources, options.log);
  }
}

async function cleanUp(resources: Resources, log: (line: string) => void): Promise<void> {
  const step = async (name: string, work: () => Promise<unknown>) => {
    try {
      await Promise.race([work(), sleep(20_000)]);
    } catch (error) {
      log(`  clean-up: ${name} failed: ${(error as Error).message}`);
    }
  };
  for (const subscriber of resources.subscribers) await step('subscriber', () => subscriber.close());
  resources.switch?.close();
  resources.api?.close();
  await step('servers', () => Promise.all(resources.servers.map((server) => server.stop())));
  for (const close of resources.closers) await step('receiver', close);
  for (const proxy of resources.proxies) await step('proxy', () => proxy.close());
  if (resources.cluster) await step('PostgreSQL', () => resources.cluster!.stop());
  if (resources.tempDir) await fsp.rm(resources.tempDir, { recursive: true, force: true }).catch(() => {});
}

async function runStormIn(resources: Resources, options: StormOptions): Promise<StormResult> {
  const { log, scenario } = options;
  const startedAt = performance.now();
  const runId = `${scenario}-${options.seed}-${randomBytes(3).toString('hex')}`;
  const tempDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'spendwire-chaos-'));
  resources.tempDir = tempDir;
  const notes: string[] = [];

  // PostgreSQL: fsync off (a process crash, not the machine's, is what the scenarios inject).
  const pgDataDir = path.join(tempDir, 'pg');
  const pgPort = await freePort();
  const startCluster = () =>
    startEmbeddedPostgres({ dataDir: pgDataDir, port: pgPort, persistent: true, settings: { fsync: 'off', max_connections: '200' } });
  resources.cluster = await startCluster();
  await ensureDatabase(resources.cluster.serverUrl, 'chaos');
  const directUrl = embeddedUrl(pgPort, 'chaos');
  const pgProxy = await startTcpProxy('127.0.0.1', pgPort);
  resources.proxies.push(pgProxy);

  // One Stripe sandbox for both processes, behind a proxy; its webhooks go to whichever process answers.
  const webhookSecret = `whsec_chaos_${randomBytes(16).toString('hex')}`;
  const sandbox = await StripeSandbox.start({ webhookSecret, host: '127.0.0.1', webhookAttemptsMax: 30 });
  resources.closers.push(() => sandbox.close());
  const stripeProxy = await startTcpProxy('127.0.0.1', sandbox.stripeConnection().port);
  resources.proxies.push(stripeProxy);

  const mail = await startMailReceiver();
  resources.closers.push(() => mail.close());
  const smtpProxy = await startTcpProxy('127.0.0.1', mail.port);
  resources.proxies.push(smtpProxy);
  const hooks = await startWebhookReceiver();
  resources.closers.push(() => hooks.close());
  const hookProxy = await startTcpProxy('127.0.0.1', hooks.port);
  resources.proxies.push(hookProxy);

  const adminToken = `${ADMIN}${randomBytes(18).toString('hex')}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    // Through the proxy only when it is the fault (or asked): every statement of every other scenario
    // would cross the harness's event loop twice for nothing, and the harness shares the CPU with the servers.
    DATABASE_URL: embeddedUrl(scenario === 'postgres-stall' || options.databaseThroughProxy ? pgProxy.port : pgPort, 'chaos'),
    PLATFORM_ADMIN_TOKEN: adminToken,
    NODE_ENV: 'production',
    SIMULATOR: '0',
    RATE_LIMITS: '0',
    SMTP_URL: `smtp://127.0.0.1:${smtpProxy.port}`,
    STRIPE_SECRET_KEY: 'sk_test_chaos',
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_API_URL: `http://127.0.0.1:${stripeProxy.port}`,
    WEBHOOK_ALLOW_PRIVATE_TARGETS: '1',
    // A killed process's mails in flight go out again once their lease ends: 45 s instead of 5 minutes,
    // so that the kill -9 scenario's mails are delivered within the run.
    MAIL_SEND_LEASE_MS: '45000',
    ...(options.billingClockLeadMs === undefined ? {} : { BILLING_CLOCK_LEAD_MS: String(options.billingClockLeadMs) }),
  };
  for (const name of ['A', 'B']) {
    const port = await freePort();
    const dataDir = path.join(tempDir, `server-${name}`);
    await fsp.mkdir(dataDir);
    const slot = new ServerSlot(`server ${name}`, port, options.serverEntry, { ...env, DATA_DIR: dataDir }, options.projectRoot);
    slot.nodeArguments = options.serverNodeArguments ?? [];
    resources.servers.push(slot);
  }
  const [serverA, serverB] = resources.servers as [ServerSlot, ServerSlot];
  if (options.logDir) {
    await fsp.mkdir(options.logDir, { recursive: true });
    serverA.logFile = path.join(options.logDir, `${scenario}-server-A.log`);
    serverB.logFile = path.join(options.logDir, `${scenario}-server-B.log`);
  }
  // One after the other: the first runs the migrations.
  await serverA.start();
  await serverB.start();
  const forwarder = await startStripeWebhookForwarder(() =>
    [serverA, serverB].filter((server) => server.running).map((server) => `http://127.0.0.1:${server.port}`),
  );
  resources.closers.unshift(() => forwarder.close());
  sandbox.setWebhookUrl(`${forwarder.url}/webhooks/stripe`);
  log(`  ${scenario}: PostgreSQL :${pgPort}, servers :${serverA.port} :${serverB.port}, set-up…`);

  const api = new ApiClient({ ports: [serverA.port, serverB.port] }, options.clients);
  resources.api = api;
  const wallets = await setUpWallets(api, adminToken, options.wallets, hookProxy.port, runId);
  const ratePlanId = wallets.ratePlanId;
  const stormWallets = wallets.wallets;

  const subscribers = [serverA, serverB].map(
    (server) =>
      new StormSubscriber(
        `subscriber on ${server.name}`,
        () => server.port,
        adminToken,
        stormWallets.map((wallet) => wallet.walletId),
      ),
  );
  resources.subscribers.push(...subscribers);
  for (const subscriber of subscribers) subscriber.start();

  // The books lag: call rows left ACTIVE past their funded time, sampled on a direct connection (not through the proxy) every 500 ms.
  const monitor = new MonitorConnection(directUrl);
  resources.closers.push(() => monitor.close());
  const unfunded = { maxLagSeconds: 0, samples: 0, stop: false };
  const unfundedLoop = (async () => {
    while (!unfunded.stop) {
      try {
        const { rows } = await monitor.query<{ lag: string | null }>(UNFUNDED_LAG_SQL);
        unfunded.samples++;
        unfunded.maxLagSeconds = Math.max(unfunded.maxLagSeconds, Number(rows[0]?.lag ?? 0));
      } catch {
        // PostgreSQL is restarting: the sample is skipped; the monitor reconnects on its next query.
      }
      await sleep(500);
    }
  })();

  // The storm.
  // The switch carries every call: it hangs each up at its grant unless the poll brought a later one.
  const callSwitch = new SwitchSimulator({
    api,
    pollToken: adminToken,
    // The calls whose grant the clock may extend next, and a margin for a slow answer.
    pollHorizonMs: Math.max(3_000, (options.billingClockLeadMs ?? 1_000) + 2_000),
  });
  resources.switch = callSwitch;
  const context: OperationContext = { api, adminToken, ratePlanId, sandbox, runId, switch: callSwitch };
  const records: OperationRecord[] = [];
  const random = seededRandom(options.seed);
  const pickWallet = zipfSampler(stormWallets.length, ZIPF_EXPONENT, random);
  let next = 0;
  let faultStarted: Promise<FaultReport> | undefined;
  const faultAt = Math.floor(options.operations * FAULT_AT_SHARE);
  const fault = makeFault(scenario, {
    log,
    servers: [serverA, serverB],
    pgProxy,
    stripeProxy,
    smtpProxy,
    hookProxy,
    hooks,
    restartCluster: async (mode) => {
      const pid = postmasterPid(pgDataDir);
      if (pid === undefined) throw new Error('postmaster.pid is missing');
      // SIGINT: fast shutdown (active transactions rolled back, clients told); SIGQUIT: immediate (no shutdown, crash recovery at start).
      process.kill(pid, mode === 'fast' ? 'SIGINT' : 'SIGQUIT');
      while (processAlive(pid)) await sleep(50);
      resources.cluster = await startCluster();
    },
    // The wake signal's connection LISTENs, then sends this process's NOTIFYs: its last statement is one or the other.
    terminateListeners: async () => {
      const { rows } = await monitor.query<{ count: string }>(
        `select count(*) filter (where pg_terminate_backend(pid))::text as count from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid()
            and (query ilike 'listen %' or query ilike 'notify %')`,
      );
      return Number(rows[0]?.count ?? 0);
    },
    probe: () => probeAll(api, adminToken, stormWallets[0]!.walletId),
    backlogs: () => readBacklogs(monitor),
    chargeOnce: async () => {
      // The coldest wallet: an adjustment there is the only event on it in a while.
      const wallet = stormWallets[stormWallets.length - 1]!;
      const data = await api.ok(
        adminToken,
        'mutation A($input: AdjustWalletInput!) { adjustWallet(input: $input) { transaction { sequence } } }',
        { input: { walletId: wallet.walletId, amount: '1', reason: 'chaos listener probe', idempotencyKey: `${runId}-listen-probe` } },
      );
      return { walletId: wallet.walletId, sequence: Number(data.adjustWallet.transaction.sequence) };
    },
    subscribers,
  });
  log(`  ${scenario}: ${options.operations} operations on ${stormWallets.length} wallets, ${options.clients} clients…`);
  // Where the CPU goes: the storm's own processes, sampled each second (a restarted one starts a new count).
  const cpu = new CpuMeter([
    { name: 'harness', pid: () => process.pid, read: processCpuSeconds },
    ...[serverA, serverB].map((server) => ({ name: server.name, pid: () => server.child?.pid, read: processCpuSeconds })),
    { name: 'PostgreSQL', pid: () => postmasterPid(pgDataDir), read: clusterCpuSeconds },
  ]);
  const cpuSampler = setInterval(() => cpu.sample(), 1_000);
  resources.closers.unshift(async () => clearInterval(cpuSampler));
  if (options.idleBaselineMs) {
    // What the storm's processes spend with no client operation at all (clocks, pollers, subscribers).
    const idleStart = cpu.snapshot();
    await sleep(options.idleBaselineMs);
    const idle = cpu.snapshot();
    notes.push(
      `idle for ${(options.idleBaselineMs / 1000).toFixed(0)} s before the storm: ${[...idle].map(([name, seconds]) => `${name} ${(seconds - idleStart.get(name)!).toFixed(2)}`).join(', ')} CPU s`,
    );
  }
  const cpuAtStart = cpu.snapshot();
  const stormStarted = performance.now();
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      while (next < options.operations) {
        const sequence = next++;
        if (sequence === faultAt && fault) faultStarted = fault();
        const wallet = stormWallets[pickWallet()]!;
        const kind = drawKind(random);
        records.push(...(await runOperation(context, kind, wallet, sequence, random)));
      }
    }),
  );
  const stormSeconds = (performance.now() - stormStarted) / 1000;
  const cpuAtEnd = cpu.snapshot();
  notes.push(cpuNote(cpuAtStart, cpuAtEnd, records.length, stormSeconds));
  const faultReport = faultStarted ? await faultStarted : { recoveryMs: Number.NaN, notes: [] as string[] };
  notes.push(...faultReport.notes);
  const cleanUpRecords = await endRemainingCalls(context, stormWallets);
  log(`  ${scenario}: storm done in ${stormSeconds.toFixed(1)} s (${(records.length / stormSeconds).toFixed(0)} operations/s); settling…`);

  // Settle on conditions, polled, never a fixed wait: every durable consumer at or past the outbox's newest row as
  // of now (the storm and its clean-up are over), every alert made meanwhile read by the alert readers and seen by
  // both subscribers, every wallet's last transaction seen by both subscribers (both processes' live tails past it),
  // and no mail, webhook delivery or top-up left pending.
  const outboxEnd = await readOutboxEnd(monitor);
  const settleDeadline = Date.now() + options.settleTimeoutMs;
  let settled = false;
  let waitingFor = 'no reading yet';
  while (Date.now() < settleDeadline) {
    waitingFor = await settleWaitingFor(monitor, outboxEnd, stormWallets, subscribers).catch(
      (error: Error) => `an unreadable database (${error.message})`,
    );
    if (waitingFor === '') {
      settled = true;
      break;
    }
    await sleep(SETTLE_POLL_MS);
  }
  unfunded.stop = true;
  await unfundedLoop;
  if (!settled) notes.push(`not settled within ${Math.round(options.settleTimeoutMs / 1000)} s: waiting for ${waitingFor}`);

  const orm = await createOrm({ databaseUrl: directUrl, poolSizeMax: 2 });
  let violations: Awaited<ReturnType<typeof verifyLedger>>;
  try {
    violations = await verifyLedger(orm.em.fork());
  } finally {
    await orm.close(true);
  }
  const checks = await checkStorm({
    client: monitor,
    wallets: stormWallets,
    records: [...records, ...cleanUpRecords],
    subscribers,
    mail,
    hooks,
    violations,
    switchCalls: [...callSwitch.calls.values()],
    unfundedLagSecondsAllowed: options.unfundedLagSecondsAllowed,
    processKilled: scenario === 'kill-9',
  });
  const problems = checks.problems;
  const acknowledged = records.filter((entry) => entry.outcome !== 'unknown').length;
  notes.push(
    `client retries ${api.retries}; subscriber sockets ${subscribers.map((subscriber) => subscriber.socketCount).join('/')}, ` +
      `resumes ${subscribers.map((subscriber) => subscriber.resumes).join('/')}; ` +
      `books lag (a call row ACTIVE past its funded time) max ${unfunded.maxLagSeconds.toFixed(1)} s (${unfunded.samples} samples); ` +
      `switch polls ${callSwitch.polls} answered, ${callSwitch.pollFailures} failed or timed out`,
  );
  for (const subscriber of subscribers) {
    if (subscriber.refusals.size > 0)
      notes.push(
        `${subscriber.name}: subscriptions refused ${[...subscriber.refusals].map(([code, count]) => `${count}× ${code}`).join(', ')}`,
      );
  }
  const reasons = [...api.retryReasons].sort((a, b) => b[1] - a[1]).slice(0, 5);
  if (reasons.length > 0) notes.push(`retried because: ${reasons.map(([reason, count]) => `${count}× ${reason}`).join('; ')}`);
  const refusals = new Map<string, { count: number; message: string }>();
  for (const entry of records) {
    if (entry.outcome !== 'refused') continue;
    const what = `${entry.kind} ${entry.code}`;
    const known = refusals.get(what) ?? { count: 0, message: entry.message ?? '' };
    known.count++;
    refusals.set(what, known);
  }
  if (refusals.size > 0) {
    notes.push(
      `refused (answered, nothing done): ${[...refusals].map(([what, { count, message }]) => `${count}× ${what} ("${message.slice(0, 70)}")`).join(', ')}`,
    );
  }
  notes.push(
    `server errors: ${[serverA, serverB].map((server) => `${server.name} ${server.errors.unexpected} unexpected (${server.errors.deadlocks} deadlocks)`).join(', ')}`,
  );
  const errorLines = [serverA, serverB].flatMap((server) => server.output.filter((line) => /error|fatal|unhandled/i.test(line)));
  if (errorLines.length > 0)
    notes.push(
      `server error lines kept: ${errorLines.length}, e.g.\n      ${errorLines
        .slice(0, 6)
        .map((line) => line.slice(0, 300))
        .join('\n      ')}`,
    );
  const kinds = new Map<string, number>();
  for (const entry of records) kinds.set(entry.kind, (kinds.get(entry.kind) ?? 0) + 1);
  notes.push(`mix: ${[...kinds].map(([kind, count]) => `${kind} ${count}`).join(', ')}`);
  notes.push(`client wait per kind (n, p50/p95/max ms, share of all waiting): ${latencySummary(records)}`);
  return {
    scenario,
    operations: records.length,
    acknowledged,
    refused: records.filter((entry) => entry.outcome === 'refused').length,
    unknown: records.length - acknowledged,
    lost: checks.lost,
    duplicated: checks.duplicated,
    recoveryMs: faultReport.recoveryMs,
    durationMs: performance.now() - startedAt,
    retries: api.retries,
    unfundedLagSecondsMax: unfunded.maxLagSeconds,
    subscriberResumes: subscribers.map((subscriber) => subscriber.resumes),
    checks,
    problems,
    notes: [...notes, ...checks.notes],
  };
}

/** The CPU seconds each part of the storm used per 1,000 operations between two snapshots, and the cores they kept busy. */
function cpuNote(start: Map<string, number>, end: Map<string, number>, operations: number, wallSeconds: number): string {
  let total = 0;
  const parts = [...end].map(([name, seconds]) => {
    const used = seconds - (start.get(name) ?? 0);
    total += used;
    return `${name} ${((1000 * used) / Math.max(1, operations)).toFixed(1)}`;
  });
  return (
    `CPU s per 1,000 storm operations: ${parts.join(', ')}; total ${((1000 * total) / Math.max(1, operations)).toFixed(1)} ` +
    `(${(total / wallSeconds).toFixed(2)} cores busy on average over ${wallSeconds.toFixed(0)} s; 1-minute load ${os.loadavg()[0]!.toFixed(1)})`
  );
}

/** Per operation kind: how many, the median, 95th percentile and longest client wait, and its share of all waiting. */
function latencySummary(records: OperationRecord[]): string {
  const byKind = new Map<string, number[]>();
  let total = 0;
  for (const entry of records) {
    const list = byKind.get(entry.kind) ?? [];
    list.push(entry.durationMs);
    byKind.set(entry.kind, list);
    total += entry.durationMs;
  }
  const at = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
  return [...byKind]
    .map(([kind, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      const sum = sorted.reduce((a, b) => a + b, 0);
      return `${kind} ${sorted.length}, ${at(sorted, 0.5).toFixed(0)}/${at(sorted, 0.95).toFixed(0)}/${sorted[sorted.length - 1]!.toFixed(0)}, ${((100 * sum) / total).toFixed(0)} %`;
    })
    .join('; ');
}

/**
 * Seconds the most overdue active call has run past its funded time (0 when none): the billing
 * clock extends a call up to one lead before its funded time ends, so anything above a few hundred
 * ms means no clock was metering it.
 */
const UNFUNDED_LAG_SQL = `
select greatest(0, max(extract(epoch from clock_timestamp() - (c.started_at + m.funded_seconds * interval '1 second'))))::text as lag
  from call c join call_meter m on m.call_id = c.id where c.status = 'ACTIVE'`;

interface Backlogs {
  mails: number;
  webhooks: number;
  topUps: number;
  total: number;
}

/** Work still due: mails and webhook deliveries pending, card top-ups waiting for Stripe's word. */
async function readBacklogs(client: MonitorConnection): Promise<Backlogs> {
  const { rows } = await client.query<{ mails: string; webhooks: string; top_ups: string }>(`
    select (select count(*) from email_message where status = 'PENDING')::text as mails,
           (select count(*) from webhook_delivery where status = 'PENDING')::text as webhooks,
           (select count(*) from top_up where status = 'PROCESSING')::text as top_ups`);
  const row = rows[0]!;
  const backlogs = { mails: Number(row.mails), webhooks: Number(row.webhooks), topUps: Number(row.top_ups), total: 0 };
  backlogs.total = backlogs.mails + backlogs.webhooks + backlogs.topUps;
  return backlogs;
}

async function readTransactionCounts(client: MonitorConnection, wallets: StormWallet[]): Promise<{ walletId: string; count: number }[]> {
  const { rows } = await client.query<{ id: string; last_sequence: string }>(
    'select id, last_sequence::text from wallet where id = any($1::uuid[])',
    [wallets.map((wallet) => wallet.walletId)],
  );
  return rows.map((row) => ({ walletId: row.id, count: Number(row.last_sequence) }));
}

/** How often the settle conditions are read after the storm, in ms. */
const SETTLE_POLL_MS = 200;

/** The outbox's newest row (its position: transaction id, row id); none when the outbox is empty. */
async function readOutboxEnd(client: MonitorConnection): Promise<{ txId: string; eventId: string } | undefined> {
  const { rows } = await client.query<{ tx_id: string; id: string }>(
    'select tx_id::text, id::text from outbox_event order by tx_id desc, id desc limit 1',
  );
  return rows[0] && { txId: rows[0].tx_id, eventId: rows[0].id };
}

/**
 * What the storm still waits for before its checks, in words; empty once every condition holds: each durable outbox
 * consumer at or past `outboxEnd`, each alert reader at the newest alert and both subscribers holding it, both
 * subscribers holding every storm wallet's last transaction, and no mail, webhook delivery or top-up pending.
 */
async function settleWaitingFor(
  client: MonitorConnection,
  outboxEnd: { txId: string; eventId: string } | undefined,
  wallets: StormWallet[],
  subscribers: StormSubscriber[],
): Promise<string> {
  const waiting: string[] = [];
  if (outboxEnd) {
    const { rows } = await client.query<{ name: string }>(
      'select name from outbox_consumer where (tx_id, event_id) < ($1::xid8, $2::bigint) order by name',
      [outboxEnd.txId, outboxEnd.eventId],
    );
    if (rows.length > 0) waiting.push(`outbox consumers behind the storm's last row: ${rows.map((row) => row.name).join(', ')}`);
  }
  // Read after the consumers: the alerts they made from the storm's rows exist by the time they are past them.
  const { rows: alertRows } = await client.query<{ newest: string | null; behind: string[] }>(
    `select (select max(id) from alert)::text as newest,
            array(select name from alert_reader where alert_id < (select coalesce(max(id), 0) from alert) order by name) as behind`,
  );
  const newestAlert = alertRows[0]?.newest === null || alertRows[0] === undefined ? undefined : Number(alertRows[0].newest);
  if (alertRows[0] && alertRows[0].behind.length > 0)
    waiting.push(`alert readers behind alert ${newestAlert}: ${alertRows[0].behind.join(', ')}`);
  if (newestAlert !== undefined) {
    const behind = subscribers.filter((subscriber) => !subscriber.alertPositions.includes(newestAlert));
    if (behind.length > 0) waiting.push(`alert ${newestAlert} on ${behind.map((subscriber) => subscriber.name).join(', ')}`);
  }
  const counts = await readTransactionCounts(client, wallets);
  for (const subscriber of subscribers) {
    const short = counts.filter(({ walletId, count }) => !subscriber.sequences.get(walletId)!.includes(count) && count > 0).length;
    if (short > 0) waiting.push(`${subscriber.name}: the last transaction of ${short} wallet(s)`);
  }
  const backlogs = await readBacklogs(client);
  if (backlogs.total > 0) waiting.push(`backlogs ${JSON.stringify(backlogs)}`);
  return waiting.join('; ');
}

/** Whether both processes answer a read of the database within 2 s. */
async function probeAll(api: ApiClient, adminToken: string, walletId: string): Promise<boolean> {
  const body = JSON.stringify({ query: 'query P($id: ID!) { wallet(id: $id) { balance } }', variables: { id: walletId } });
  const answers = await Promise.all(
    [0, 1].map((index) =>
      Promise.race([
        api
          .attempt(index, adminToken, body)
          .then((answer) => answer.status === 200 && !answer.body.includes('"errors"'))
          .catch(() => false),
        sleep(2_000).then(() => false),
      ]),
    ),
  );
  return answers.every(Boolean);
}

/** The storm's accounts and wallets, made through the API by the operator and each account's OWNER key. */
async function setUpWallets(
  api: ApiClient,
  adminToken: string,
  count: number,
  hookPort: number,
  runId: string,
): Promise<{ ratePlanId: string; wallets: StormWallet[] }> {
  const plan = await api.ok(adminToken, 'mutation P($input: CreateRatePlanInput!) { createRatePlan(input: $input) { ratePlan { id } } }', {
    input: {
      name: `chaos ${runId}`,
      currency: 'USD',
      rates: [
        {
          prefix: '',
          perMinute: '0.60',
          firstIncrementSeconds: 6,
          nextIncrementSeconds: 6,
          connectFee: '0.01',
          smsPerSegment: '0.05',
          numberPurchase: '1.00',
          numberMonthly: '1.00',
        },
      ],
    },
  });
  const ratePlanId = plan.createRatePlan.ratePlan.id as string;
  const wallets: StormWallet[] = [];
  let nextIndex = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (nextIndex < count) {
        const index = nextIndex++;
        const created = await api.ok(
          adminToken,
          'mutation C($input: CreateAccountInput!) { createAccount(input: $input) { account { id } wallet { id } apiKey } }',
          { input: { name: `chaos ${index}`, currency: 'USD' } },
        );
        const accountId = created.createAccount.account.id as string;
        const walletId = created.createAccount.wallet.id as string;
        const ownerKey = created.createAccount.apiKey as string;
        await api.ok(adminToken, 'mutation B($input: UpdateBillingProfileInput!) { updateBillingProfile(input: $input) { __typename } }', {
          input: { accountId, email: `billing-${index}@chaos.example`, country: 'US', legalName: `Chaos ${index} Inc` },
        });
        await api.ok(
          ownerKey,
          'mutation W($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }',
          { input: { url: `http://127.0.0.1:${hookPort}/hooks/${index}`, eventTypes: ['TRANSACTION_CREATED', 'ALERT_RAISED'] } },
        );
        await api.ok(adminToken, 'mutation F($input: AdjustWalletInput!) { adjustWallet(input: $input) { transaction { id } } }', {
          input: { walletId, amount: STARTING_FUNDS, reason: 'chaos starting funds' },
        });
        const campaign = await api.ok(
          ownerKey,
          'mutation N($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }',
          { input: { walletId, name: `chaos ${index}`, ratePlanId } },
        );
        const campaignId = campaign.createCampaign.campaign.id as string;
        await api.ok(ownerKey, 'mutation S($id: ID!) { startCampaign(id: $id) { campaign { status } } }', { id: campaignId });
        wallets[index] = {
          index,
          accountId,
          walletId,
          ownerKey,
          campaignId,
          activeCallIds: [],
          heldMessageIds: [],
          campaignStopped: false,
          toppedUp: false,
        };
      }
    }),
  );
  return { ratePlanId, wallets };
}

/**
 * The harness's own connection for its reads (samples, backlogs, checks), straight to PostgreSQL:
 * a connection broken by a restart is replaced, and the query tried once more on the new one.
 */
export class MonitorConnection {
  private client: pg.Client | undefined;

  constructor(private readonly url: string) {}

  async query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.connected();
      try {
        return await client.query<R>(text, values);
      } catch (error) {
        // An error PostgreSQL answered (it has a severity) is the query's; anything else is the connection's.
        if ((error as { severity?: string }).severity !== undefined || attempt > 1) throw error;
        this.drop(client);
      }
    }
  }

  private async connected(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({ connectionString: this.url });
    client.on('error', () => this.drop(client));
    await client.connect();
    this.client = client;
    return client;
  }

  private drop(client: pg.Client): void {
    if (this.client === client) this.client = undefined;
    client.end().catch(() => {});
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }
}

/** What a fault did: how long until the service was whole again after it was healed. */
export interface FaultReport {
  recoveryMs: number;
  notes: string[];
}

interface FaultTools {
  log: (line: string) => void;
  servers: [ServerSlot, ServerSlot];
  pgProxy: TcpProxy;
  stripeProxy: TcpProxy;
  smtpProxy: TcpProxy;
  hookProxy: TcpProxy;
  hooks: { delayMs: number };
  restartCluster(mode: 'fast' | 'immediate'): Promise<void>;
  terminateListeners(): Promise<number>;
  probe(): Promise<boolean>;
  backlogs(): Promise<Backlogs>;
  chargeOnce(): Promise<{ walletId: string; sequence: number }>;
  subscribers: StormSubscriber[];
}

/** Polls `whole` every 200 ms from now until it holds; the ms it took, or NaN after RECOVERY_TIMEOUT_MS. */
async function timeUntil(whole: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < RECOVERY_TIMEOUT_MS) {
    if (await whole().catch(() => false)) return performance.now() - started;
    await sleep(200);
  }
  return Number.NaN;
}

/** The scenario's fault: injects, heals, and measures the recovery (resolves when the service is whole again). */
function makeFault(scenario: ScenarioName, tools: FaultTools): (() => Promise<FaultReport>) | undefined {
  const { log } = tools;
  const apiWhole = () => tools.probe();
  const drained = (which: 'mails' | 'webhooks' | 'topUps') => async () => (await tools.probe()) && (await tools.backlogs())[which] === 0;
  switch (scenario) {
    case 'none':
      return undefined;
    case 'kill-9':
      return async () => {
        const victim = tools.servers[1];
        await victim.kill();
        log(`  kill-9: ${victim.name} killed (SIGKILL); restarting it on the same port and data`);
        const started = performance.now();
        await victim.start();
        const restartMs = performance.now() - started;
        const recoveryMs = (await timeUntil(apiWhole)) + restartMs;
        return { recoveryMs, notes: [`restart took ${(restartMs / 1000).toFixed(1)} s`] };
      };
    case 'listen-dropped':
      return async () => {
        const terminated = await tools.terminateListeners();
        log(`  listen-dropped: ${terminated} LISTEN connection(s) terminated`);
        // An event committed right after: how late does it reach the subscribers on both processes?
        const { walletId, sequence } = await tools.chargeOnce();
        const recoveryMs = await timeUntil(async () =>
          tools.subscribers.every((subscriber) => (subscriber.sequences.get(walletId) ?? []).includes(sequence)),
        );
        return { recoveryMs, notes: [`${terminated} LISTEN backend(s) terminated`] };
      };
    case 'smtp-down':
      return async () => {
        tools.smtpProxy.cut();
        await sleep(FAULT_DURATION_MS);
        tools.smtpProxy.restore();
        return { recoveryMs: await timeUntil(drained('mails')), notes: [] };
      };
    case 'webhook-down':
      return async () => {
        tools.hookProxy.cut();
        await sleep(FAULT_DURATION_MS);
        tools.hookProxy.restore();
        return { recoveryMs: await timeUntil(drained('webhooks')), notes: [] };
      };
    case 'webhook-slow':
      return async () => {
        tools.hooks.delayMs = FAULT_DURATION_MS;
        await sleep(FAULT_DURATION_MS * 2);
        tools.hooks.delayMs = 0;
        return { recoveryMs: await timeUntil(drained('webhooks')), notes: [] };
      };
    case 'stripe-down':
      return async () => {
        tools.stripeProxy.cut();
        await sleep(FAULT_DURATION_MS);
        tools.stripeProxy.restore();
        return { recoveryMs: await timeUntil(drained('topUps')), notes: [] };
      };
    case 'postgres-restart-fast':
    case 'postgres-restart-immediate':
      return async () => {
        const mode = scenario === 'postgres-restart-fast' ? 'fast' : 'immediate';
        const started = performance.now();
        await tools.restartCluster(mode);
        const restartMs = performance.now() - started;
        log(`  ${scenario}: PostgreSQL restarted (${mode} shutdown) in ${(restartMs / 1000).toFixed(1)} s`);
        return { recoveryMs: await timeUntil(apiWhole), notes: [`PostgreSQL down ${(restartMs / 1000).toFixed(1)} s`] };
      };
    case 'postgres-stall':
      return async () => {
        tools.pgProxy.stall();
        await sleep(FAULT_DURATION_MS);
        tools.pgProxy.release();
        return { recoveryMs: await timeUntil(apiWhole), notes: [] };
      };
  }
}
