/**
 * `npm run build:server && node dist/bench/usage-server-path.js`: the server's own CPU per recordUsage
 * event on the path between the HTTP body and the answer's JSON, in one process, without PostgreSQL:
 * GraphQL's coercion of the variables, type-graphql's input classes, the resolver, the domain (the
 * postings, their parameters), the parameters' conversion as pg would send them (the batcher's
 * columns, then pg's prepareValue), the rows' conversion to results, GraphQL's completion of the
 * selection and JSON.stringify. The posting batcher is replaced by one that answers every posting at
 * once with a row as the statement would (no database): this measures the code around the statement,
 * which a loaded machine disturbs far less in one process than end to end (bench/request-cpu.ts kind
 * "usage" measures the whole server).
 *
 * Shape "charge" runs the single `charge` mutation the same way (its posting answered alone), in µs
 * per charge: what the cuts for recordUsage do to the single charge's own code.
 *
 * A/B in one run: `BENCH_USAGE_PATH_BASE_DIST=/other/checkout/dist` measures that build too; each
 * round of a build runs in a child process of its own (type-graphql's metadata is process-wide, so two
 * builds' schemas cannot share one), rounds alternate B, A, B, A… and the medians are printed.
 * Each child runs with NODE_ENV=production, as the server does in the other benches (graphql-js's
 * development-mode type checks are not what production pays), and the services' deps carry a clock, as
 * the server's do (each posting then has its time).
 * `BENCH_USAGE_PATH_EVENTS` (default 500), `BENCH_USAGE_PATH_ROUNDS` (default 8),
 * `BENCH_USAGE_PATH_REQUESTS` per round (default 200; charges: 50 times as many). Short rounds and many of them suit a machine
 * whose load drifts: the median of each round's A/B ratio is printed too.
 */
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fixed, numberFromEnv } from './bench-support.js';

const EVENTS = numberFromEnv('BENCH_USAGE_PATH_EVENTS', 500, 1, 1000);
const ROUNDS = numberFromEnv('BENCH_USAGE_PATH_ROUNDS', 8, 1, 100);
const REQUESTS = numberFromEnv('BENCH_USAGE_PATH_REQUESTS', 200, 1, 100_000);
const THIS_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BASE_DIST = process.env.BENCH_USAGE_PATH_BASE_DIST || undefined;

const ACCOUNT_ID = '7a1f3c9e-5b2d-4e8f-9a0b-1c2d3e4f5a6b';
const WALLET_IDS = [
  '0b8e2f4a-6c1d-4e3f-8a9b-0c1d2e3f4a5b',
  '1c9f305b-7d2e-4f40-9bac-1d2e3f4a5b6c',
  '2da0416c-8e3f-4051-acbd-2e3f4a5b6c7d',
  '3eb1527d-9f40-4162-bdce-3f4a5b6c7d8e',
];
const usageQuery = (selection: string) => `mutation Usage($input: RecordUsageInput!) { recordUsage(input: $input) { ${selection} } }`;
/** What each shape sends: "counts" and "results" are recordUsage with two selections, "charge" the single charge (µs per charge). */
const SHAPES = {
  counts: { query: usageQuery('postedCount'), events: EVENTS, requestsPerRound: REQUESTS },
  results: {
    query: usageQuery('postedCount results { index status transaction { id balanceAfter } error { code } }'),
    events: EVENTS,
    requestsPerRound: REQUESTS,
  },
  charge: {
    query:
      'mutation Charge($input: ChargeInput!) { charge(input: $input) { transaction { id amount balanceAfter } wallet { balance } replayed } }',
    events: 1,
    requestsPerRound: REQUESTS * 50,
  },
} as const;
type Shape = keyof typeof SHAPES;

/** What one build gives this bench: its schema and the pieces of its batcher the fake one reuses. */
interface Build {
  schema: import('graphql').GraphQLSchema;
  /** The build's batcher's conversion of members to parameters (its `transpose` when exported). */
  parameters: (members: readonly (readonly unknown[])[]) => unknown[];
  config: Record<string, unknown>;
}

async function loadBuild(dist: string): Promise<Build> {
  const load = (file: string) => import(pathToFileURL(path.join(dist, file)).href);
  const { createSchema } = await load('server/graphql/schema.js');
  const { loadConfig } = await load('server/config.js');
  const batcher = await load('server/database/statement-batcher.js');
  const parameters =
    typeof batcher.transpose === 'function'
      ? (batcher.transpose as Build['parameters'])
      : // The batcher before it exported its conversion: the columns as arrays, which pg converts.
        (members: readonly (readonly unknown[])[]) => members[0]!.map((_, column) => members.map((member) => member[column]));
  return { schema: await createSchema(), parameters, config: loadConfig({}) };
}

/** A posting batcher that answers every member with the row the statement would give, without a database. */
function fakePostings(build: Build) {
  let sequence = 0;
  const rowOf = (values: readonly unknown[], now: number) => {
    sequence += 1;
    return {
      id: String(values[0]),
      account_id: ACCOUNT_ID,
      sequence: String(sequence),
      balance_after_micros: String(1_000_000_000_000 - sequence * 10_000),
      wallet_currency: 'USD',
      wallet_reserved_micros: '0',
      wallet_created_at_ms: now - 86_400_000,
      posted_at_ms: now,
    };
  };
  return {
    // recordUsage: one statement over arrays.
    executeTogether: async (members: readonly (readonly unknown[])[]) => {
      // What pg does to each parameter before writing it to the socket.
      const prepared = build.parameters(members).map((value) => prepareValue(value));
      if (prepared.length === 0) throw new Error('no parameters');
      const now = Date.now();
      return members.map((values) => rowOf(values, now));
    },
    // A single charge: its statement alone, with plain parameters.
    executeAnswering: async (values: readonly unknown[]) => {
      if (values.map((value) => prepareValue(value)).length === 0) throw new Error('no parameters');
      return { row: rowOf(values, Date.now()), check: undefined };
    },
  };
}

// pg's own conversion of a parameter (lib/utils.js), as the client applies it to every value.
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue: (value: unknown) => unknown };

/** One round of one build (in a child process): µs of CPU per event (per charge) for each shape, as JSON on stdout. */
async function childRound(dist: string): Promise<void> {
  // The build's own copy of graphql (another checkout's node_modules is another module to graphql's realm check).
  const { execute, parse } = createRequire(path.join(dist, 'server/main.js'))('graphql') as typeof import('graphql');
  const build = await loadBuild(dist);
  const usageBody = JSON.stringify({
    variables: {
      input: {
        events: Array.from({ length: EVENTS }, (_, index) => ({
          walletId: WALLET_IDS[index % WALLET_IDS.length],
          amount: '0.01',
          description: 'bench',
        })),
      },
    },
  });
  const chargeBody = JSON.stringify({ variables: { input: { walletId: WALLET_IDS[0], amount: '0.01', description: 'bench' } } });
  const principal = { role: 'OWNER', accountId: ACCOUNT_ID, apiKeyId: null, actor: 'api_key:bench' };
  const microsPerEvent: Record<string, number> = {};
  for (const selection of Object.keys(SHAPES) as Shape[]) {
    const shape = SHAPES[selection];
    const document = parse(shape.query);
    const body = shape.events === 1 ? chargeBody : usageBody;
    const contextValue = {
      em: { isInTransaction: () => false },
      principal,
      config: build.config,
      // The server's deps carry its clock (app.ts), so each posting has its time as recordUsage gives it there.
      spend: { deps: { postings: fakePostings(build), committed: () => {}, clock: { now: () => Date.now() } } },
    };
    const request = async () => {
      // As the transport does: the body's JSON, the execution, the answer's JSON.
      const { variables } = JSON.parse(body) as { variables: Record<string, unknown> };
      const result = await execute({ schema: build.schema, document, variableValues: variables, contextValue });
      if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
      return JSON.stringify(result).length;
    };
    // Warm-up (the JIT), unrecorded.
    for (let index = 0; index < 30 * (shape.requestsPerRound / REQUESTS); index++) await request();
    const before = process.cpuUsage();
    for (let index = 0; index < shape.requestsPerRound; index++) await request();
    const used = process.cpuUsage(before);
    microsPerEvent[selection] = (used.user + used.system) / (shape.requestsPerRound * shape.events);
  }
  console.log(JSON.stringify(microsPerEvent));
}

async function main(): Promise<void> {
  const builds = [...(BASE_DIST ? [{ name: 'B (base)', dist: BASE_DIST }] : []), { name: 'A (this build)', dist: THIS_DIST }];
  console.log(
    `recordUsage server path without the database, µs of CPU per event; ${EVENTS} events per request, ${REQUESTS} requests per round, ` +
      `${ROUNDS} rounds per build; load average ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
  );
  const results = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const build of builds) {
      const output = execFileSync(process.execPath, [fileURLToPath(import.meta.url)], {
        // NODE_ENV=production as the server runs in the other benches (bench-server.ts): graphql-js's
        // development instanceOf check costs several µs per event of input coercion.
        env: { ...process.env, NODE_ENV: 'production', BENCH_USAGE_PATH_CHILD_DIST: build.dist },
        encoding: 'utf8',
      });
      const measured = JSON.parse(output.trim().split('\n').at(-1)!) as Record<string, number>;
      for (const [selection, micros] of Object.entries(measured)) {
        const key = `${build.name}|${selection}`;
        results.set(key, [...(results.get(key) ?? []), micros]);
        console.log(`${build.name.padEnd(16)} ${selection.padEnd(8)} ${fixed(micros, 2).padStart(8)} µs/event`);
      }
    }
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((left, right) => left - right);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  console.log('\nMedians, µs per event (charge: per charge):');
  for (const selection of Object.keys(SHAPES)) {
    const medians = builds.map((build) => median(results.get(`${build.name}|${selection}`)!));
    const delta =
      medians.length === 2
        ? `; A − B = ${fixed(medians[1]! - medians[0]!, 2)} (${fixed((100 * (medians[1]! - medians[0]!)) / medians[0]!, 1)} %)`
        : '';
    // Each round's A against the B just before it: the load of the shared machine drifts slower than a round pair.
    const pairs =
      builds.length === 2
        ? results.get(`A (this build)|${selection}`)!.map((a, round) => a / results.get(`B (base)|${selection}`)![round]!)
        : [];
    const paired = pairs.length > 0 ? `; median of the rounds' A/B ${fixed(median(pairs), 3)}` : '';
    console.log(
      `  ${selection}: ${builds.map((build, index) => `${build.name} ${fixed(medians[index]!, 2)}`).join(', ')}${delta}${paired}`,
    );
  }
}

if (process.env.BENCH_USAGE_PATH_CHILD_DIST) await childRound(process.env.BENCH_USAGE_PATH_CHILD_DIST);
else await main();
