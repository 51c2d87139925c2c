/**
 * `npm run chaos` (after `npm run build:server`: `node dist/bench/chaos.js`): the chaos storm. For
 * each scenario, its own embedded PostgreSQL, two server processes, subscribers on both, a real
 * SMTP server, a webhook receiver and a shared Stripe sandbox; CHAOS_OPERATIONS mixed operations
 * through the public API on Zipf-skewed wallets with one fault injected (see bench/chaos/storm.ts),
 * then the checks. Prints one table: scenario, operations, acknowledged, lost, duplicated, recovery
 * time, run time, switch lag (the most seconds the simulated switch kept a call up past the funded
 * end the books record: part of the verdict, at most one 6 s increment), books lag (the most seconds
 * a call's row stayed ACTIVE past its funded time: reported only), verdict; then every broken
 * promise. Exits 1 when any scenario broke one.
 *
 * Environment: CHAOS_OPERATIONS (default 10000 per scenario), CHAOS_SCENARIOS (comma-separated
 * names, default all), CHAOS_SEED (default 1), CHAOS_WALLETS (default 200), CHAOS_CLIENTS
 * (operations in flight, default 16), CHAOS_SETTLE_SECONDS (longest wait for the backlogs after
 * the storm, default 240), CHAOS_LOG_DIR (a folder for each server process's output; default:
 * none, the last lines are kept in memory), CHAOS_SERVER_NODE_ARGUMENTS (Node.js options for the
 * server processes, space-separated, e.g. `--cpu-prof --cpu-prof-dir=/tmp/profiles`),
 * CHAOS_IDLE_BASELINE_SECONDS (wait this long before the storm and note the CPU used meanwhile;
 * default 0), CHAOS_DATABASE_THROUGH_PROXY (1: the servers reach PostgreSQL through the stallable
 * proxy in every scenario; default: only in postgres-stall), CHAOS_BILLING_CLOCK_LEAD_MS (the servers'
 * BILLING_CLOCK_LEAD_MS: how long before a grant ends the billing clock extends it, the switch's window
 * to see the new grant; default: the server's, 1000).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixed, numberFromEnv, row } from './bench-support.js';
import { SCENARIOS, runStorm, type ScenarioName, type StormResult } from './chaos/storm.js';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OPERATIONS = numberFromEnv('CHAOS_OPERATIONS', 10_000, 10, 1_000_000);
const SEED = numberFromEnv('CHAOS_SEED', 1, 0, 2 ** 31);
const WALLETS = numberFromEnv('CHAOS_WALLETS', 200, 2, 10_000);
const CLIENTS = numberFromEnv('CHAOS_CLIENTS', 16, 1, 500);
const SETTLE_SECONDS = numberFromEnv('CHAOS_SETTLE_SECONDS', 240, 10, 3_600);
/** A whole run stops after this long, whatever it is doing, in ms. */
const RUN_TIME_MAX_MS = 3 * 3_600_000;

function scenariosFromEnv(): ScenarioName[] {
  const text = process.env.CHAOS_SCENARIOS;
  if (!text) return [...SCENARIOS];
  const names = text.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(SCENARIOS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`CHAOS_SCENARIOS: unknown ${unknown.join(', ')}; known: ${SCENARIOS.join(', ')}`);
  return names as ScenarioName[];
}

const COLUMNS = [
  ['scenario', 27],
  ['operations', 10],
  ['acknowledged', 12],
  ['unknown', 7],
  ['lost', 4],
  ['duplicated', 10],
  ['recovery s', 10],
  ['run s', 6],
  ['switch lag s', 12],
  ['books lag s', 11],
  ['verdict', 7],
] as const;

function printTable(results: StormResult[]): void {
  console.log(
    `\n${row(
      COLUMNS,
      COLUMNS.map(([name]) => name),
    )}`,
  );
  for (const result of results) {
    console.log(
      row(COLUMNS, [
        result.scenario,
        String(result.operations),
        String(result.acknowledged),
        String(result.unknown),
        String(result.lost),
        String(result.duplicated),
        Number.isNaN(result.recoveryMs) ? '–' : fixed(result.recoveryMs / 1000, 1),
        fixed(result.durationMs / 1000, 0),
        result.checks && Number.isFinite(result.checks.switch.lagSecondsMax) ? fixed(result.checks.switch.lagSecondsMax, 2) : '–',
        fixed(result.unfundedLagSecondsMax, 1),
        result.problems.length === 0 ? 'PASS' : 'FAIL',
      ]),
    );
  }
  for (const result of results) {
    console.log(`\n${result.scenario}: ${result.problems.length === 0 ? 'every check holds' : `${result.problems.length} broken`}`);
    for (const problem of result.problems) console.log(`  FAIL ${problem}`);
    for (const note of result.notes) console.log(`  note ${note}`);
  }
}

const scenarios = scenariosFromEnv();
const watchdog = setTimeout(() => {
  console.error(`The chaos run took longer than ${RUN_TIME_MAX_MS / 60_000} minutes: stopping.`);
  process.exit(2);
}, RUN_TIME_MAX_MS);
watchdog.unref();
console.log(
  `Chaos storm: ${scenarios.length} scenario(s), ${OPERATIONS} operations each on ${WALLETS} wallets, ${CLIENTS} clients, seed ${SEED}.`,
);
const results: StormResult[] = [];
for (const scenario of scenarios) {
  try {
    const result = await runStorm({
      scenario,
      serverEntry: path.join(PROJECT_ROOT, 'dist/server/main.js'),
      projectRoot: PROJECT_ROOT,
      operations: OPERATIONS,
      wallets: WALLETS,
      clients: CLIENTS,
      seed: SEED,
      settleTimeoutMs: SETTLE_SECONDS * 1000,
      log: (line) => console.log(line),
      logDir: process.env.CHAOS_LOG_DIR || undefined,
      databaseThroughProxy: process.env.CHAOS_DATABASE_THROUGH_PROXY === '1',
      idleBaselineMs: numberFromEnv('CHAOS_IDLE_BASELINE_SECONDS', 0, 0, 3_600) * 1000,
      serverNodeArguments: process.env.CHAOS_SERVER_NODE_ARGUMENTS?.split(' ').filter(Boolean),
      billingClockLeadMs: process.env.CHAOS_BILLING_CLOCK_LEAD_MS
        ? numberFromEnv('CHAOS_BILLING_CLOCK_LEAD_MS', 1_000, 1, 60_000)
        : undefined,
    });
    results.push(result);
    console.log(`  ${scenario}: ${result.problems.length === 0 ? 'PASS' : `FAIL (${result.problems.length})`}`);
    // Each scenario's row as soon as it ends: a long run stopped part-way still tells what it measured.
    printTable([result]);
  } catch (error) {
    console.error(`  ${scenario}: the harness failed:`, error);
    results.push({
      scenario,
      operations: 0,
      acknowledged: 0,
      refused: 0,
      unknown: 0,
      lost: 0,
      duplicated: 0,
      recoveryMs: Number.NaN,
      durationMs: 0,
      retries: 0,
      unfundedLagSecondsMax: 0,
      subscriberResumes: [],
      checks: undefined as never,
      problems: [`the harness failed: ${(error as Error).message.split('\n')[0]}`],
      notes: [],
    });
  }
}
printTable(results);
process.exit(results.every((result) => result.problems.length === 0) ? 0 : 1);
