/**
 * `npm run build:server && node dist/bench/request-cpu.js`: the server's CPU time per GraphQL
 * request over HTTP, in µs of one core, for `{ me { role } }` (no database statement: the
 * transport, Apollo, the context and the credential cache, i.e. the floor every request pays) and
 * for `charge` of 0.01 (the floor plus the posting), and for `recordUsage` of
 * `BENCH_REQUEST_CPU_USAGE_EVENTS` (default 500) charges of 0.01 spread round robin over
 * `BENCH_REQUEST_CPU_USAGE_WALLETS` (default 4) wallets of the client's account, sent with its OWNER
 * key: kind "usage" asks for `postedCount` alone (as the charge bench's usage point does), kind
 * "usage-results" for every event's result (`results { index status transaction { id balanceAfter }
 * error { code } }`, what a client that reconciles event by event reads). The usage kinds also print
 * µs per event. Figures are CPU per request, which a loaded machine disturbs far less than requests/s.
 *
 * A/B in one run: `BENCH_REQUEST_CPU_BASE_ENTRY=/path/to/other/dist/server/main.js` (another build,
 * e.g. the base commit's in a second worktree) starts that server and this build's in turn on the
 * same database, rounds alternating B(ase), A, B, A…, and prints the medians and A − B.
 * `BENCH_REQUEST_CPU_BASE_ENV="NAME=value …"` adds environment to the B side only (with or without
 * another build: e.g. "LOG_LEVEL=warn" measures the request log line). Without either, this build alone.
 * `BENCH_REQUEST_CPU_TOGETHER=1` (A/B only): both servers run the whole time and the rounds are
 * short slices alternating between them (B, A, then A, B, …) for each kind, so a machine whose load
 * drifts from one minute to the next weighs on both sides alike (use `BENCH_REQUEST_CPU_SECONDS=1`
 * and more rounds, e.g. 20); each server warms up once per kind.
 *
 * Environment: `BENCH_REQUEST_CPU_CLIENTS` (default 8), `BENCH_REQUEST_CPU_SECONDS` per round and
 * kind (default 3), `BENCH_REQUEST_CPU_ROUNDS` per build (default 3), `BENCH_REQUEST_CPU_KINDS`
 * (default "me,charge"; also "usage", "usage-results"), `BENCH_REQUEST_CPU_NODE_ARGS` (extra node flags for the servers, e.g.
 * "--cpu-prof --cpu-prof-dir=DIR"; bench/cpu-profile-summary.ts reads the profiles).
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
  CHARGE_DESCRIPTION,
  type BenchWallet,
  createFundedWallet,
  fixed,
  FUNDING_AMOUNT,
  graphqlOk,
  inBatches,
  machineBusyCpuSeconds,
  median,
  numberFromEnv,
  postJson,
  processCpuSeconds,
  runBench,
} from './bench-support.js';
import { cleanUpServerBench, SERVER_ENTRY, startServer, stopServer, type ServerBenchResources } from './bench-server.js';

const CLIENTS = numberFromEnv('BENCH_REQUEST_CPU_CLIENTS', 8, 1, 256);
/** Events per recordUsage request of the usage kinds. */
const USAGE_EVENTS = numberFromEnv('BENCH_REQUEST_CPU_USAGE_EVENTS', 500, 1, 1000);
/** Wallets of each client's account its usage events go to, round robin (the account's first and more made for it). */
const USAGE_WALLETS = numberFromEnv('BENCH_REQUEST_CPU_USAGE_WALLETS', 4, 1, 10);
const SECONDS = numberFromEnv('BENCH_REQUEST_CPU_SECONDS', 3, 1, 600);
const ROUNDS = numberFromEnv('BENCH_REQUEST_CPU_ROUNDS', 3, 1, 100);
const BASE_ENTRY = process.env.BENCH_REQUEST_CPU_BASE_ENTRY || undefined;
/** Extra environment of the B side only, `NAME=value` pairs split by spaces (e.g. "LOG_LEVEL=warn": a setting's A/B on one build). */
const BASE_ENV = Object.fromEntries(
  (process.env.BENCH_REQUEST_CPU_BASE_ENV ?? '')
    .split(' ')
    .filter(Boolean)
    .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
);
/** Extra node flags for the servers (e.g. "--cpu-prof --cpu-prof-dir=DIR"). */
const NODE_ARGS = (process.env.BENCH_REQUEST_CPU_NODE_ARGS ?? '').split(' ').filter(Boolean);
/** A/B with both servers up and short alternating slices (see the top of this file). */
const TOGETHER = process.env.BENCH_REQUEST_CPU_TOGETHER === '1';
/** Unrecorded requests per client before each round (the server's JIT, pools and caches warm); a usage request counts as 5. */
const WARM_UP_REQUESTS_PER_CLIENT = 50;

/** One client's fixtures: its account's first wallet (with the OWNER key) and the wallets its usage events go to. */
interface BenchClient {
  wallet: BenchWallet;
  usageWalletIds: string[];
}

/** A recordUsage request body of USAGE_EVENTS charges over the client's usage wallets, asking for `selection`. */
const usageBody = (client: BenchClient, selection: string) =>
  JSON.stringify({
    query: `mutation Usage($input: RecordUsageInput!) { recordUsage(input: $input) { ${selection} } }`,
    variables: {
      input: {
        events: Array.from({ length: USAGE_EVENTS }, (_, index) => ({
          walletId: client.usageWalletIds[index % client.usageWalletIds.length]!,
          amount: CHARGE_AMOUNT,
          description: CHARGE_DESCRIPTION,
        })),
      },
    },
  });

/** Each kind: its request body, and the events one request carries (µs per event = µs per request ÷ this). */
const KINDS = {
  me: { events: 1, body: () => JSON.stringify({ query: 'query Me { me { role } }' }) },
  charge: {
    events: 1,
    body: (client: BenchClient) =>
      JSON.stringify({
        query: 'mutation Charge($input: ChargeInput!) { charge(input: $input) { transaction { id } } }',
        variables: { input: { walletId: client.wallet.walletId, amount: CHARGE_AMOUNT, description: CHARGE_DESCRIPTION } },
      }),
  },
  usage: { events: USAGE_EVENTS, body: (client: BenchClient) => usageBody(client, 'postedCount') },
  'usage-results': {
    events: USAGE_EVENTS,
    body: (client: BenchClient) => usageBody(client, 'postedCount results { index status transaction { id balanceAfter } error { code } }'),
  },
} as const;
type Kind = keyof typeof KINDS;
/** Whether an answer of `kind` is the expected success (every usage event posted). */
function answeredOk(kind: Kind, body: string): boolean {
  if (body.includes('"errors"')) return false;
  return KINDS[kind].events === 1 || body.includes(`"postedCount":${USAGE_EVENTS}`);
}
/** The kinds measured, from `BENCH_REQUEST_CPU_KINDS` (default "me,charge"). */
const KINDS_MEASURED = (process.env.BENCH_REQUEST_CPU_KINDS ?? 'me,charge').split(',').map((kind) => {
  if (!(kind in KINDS)) throw new Error(`BENCH_REQUEST_CPU_KINDS: unknown kind ${kind} (${Object.keys(KINDS).join(', ')})`);
  return kind as Kind;
});

interface Round {
  requestsPerSecond: number;
  serverMicrosPerRequest: number;
  /** The machine's busy time outside the server during the round, % of one core. */
  otherPercent: number;
  /**
   * With both servers up: the measured server's CPU per request less the idle one's CPU in the same
   * round (its background work, which both builds share), µs per request.
   */
  netMicrosPerRequest?: number;
}

/** `CLIENTS` loops of one request at a time for `SECONDS`; the server's CPU per successful request. */
async function runRound(
  port: number,
  serverPid: number,
  wallets: BenchClient[],
  kind: Kind,
  warmUp = true,
  idlePid?: number,
): Promise<Round> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const bodies = wallets.map((client) => KINDS[kind].body(client));
  const send = async (client: number) => {
    const answer = await postJson(agent, port, wallets[client]!.wallet.ownerKey, bodies[client]!);
    if (answer.status !== 200 || !answeredOk(kind, answer.body))
      throw new Error(`${kind}: HTTP ${answer.status} ${answer.body.slice(0, 300)}`);
  };
  try {
    await Promise.all(
      wallets.map(async (_, client) => {
        const warmUpRequests = KINDS[kind].events > 1 ? WARM_UP_REQUESTS_PER_CLIENT / 5 : WARM_UP_REQUESTS_PER_CLIENT;
        for (let index = 0; warmUp && index < warmUpRequests; index++) await send(client);
      }),
    );
    let ok = 0;
    const serverBefore = processCpuSeconds(serverPid);
    const idleBefore = idlePid === undefined ? 0 : processCpuSeconds(idlePid);
    const machineBefore = machineBusyCpuSeconds();
    const started = performance.now();
    const deadline = started + SECONDS * 1000;
    await Promise.all(
      wallets.map(async (_, client) => {
        while (performance.now() < deadline) {
          await send(client);
          ok++;
        }
      }),
    );
    const elapsedSeconds = (performance.now() - started) / 1000;
    const serverSeconds = processCpuSeconds(serverPid) - serverBefore;
    const idleSeconds = idlePid === undefined ? undefined : processCpuSeconds(idlePid) - idleBefore;
    const machineSeconds = machineBusyCpuSeconds() - machineBefore;
    return {
      requestsPerSecond: ok / elapsedSeconds,
      serverMicrosPerRequest: (serverSeconds * 1e6) / ok,
      otherPercent: (100 * (machineSeconds - serverSeconds)) / elapsedSeconds,
      netMicrosPerRequest: idleSeconds === undefined ? undefined : ((serverSeconds - idleSeconds) * 1e6) / ok,
    };
  } finally {
    agent.destroy();
  }
}

/** The bench's resources: with both servers up (`BENCH_REQUEST_CPU_TOGETHER`), the second one too. */
interface RequestCpuResources extends ServerBenchResources {
  otherServer?: ServerBenchResources['server'];
}

async function main(resources: RequestCpuResources): Promise<boolean> {
  resources.tempDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'spendwire-request-cpu-'));
  resources.cluster = await startEmbeddedPostgres({ dataDir: path.join(resources.tempDir, 'postgres'), port: 0, persistent: false });
  await ensureDatabase(resources.cluster.serverUrl, 'bench');
  const databaseUrl = resources.cluster.urlFor('bench');
  const adminToken = `sw_admin_${randomBytes(24).toString('base64url')}`;
  const sideB = BASE_ENTRY !== undefined || Object.keys(BASE_ENV).length > 0;
  const builds: { name: string; entry: string; env?: NodeJS.ProcessEnv }[] = sideB
    ? [
        { name: 'B (base)', entry: BASE_ENTRY ?? SERVER_ENTRY, env: BASE_ENV },
        { name: 'A (this build)', entry: SERVER_ENTRY },
      ]
    : [{ name: 'A (this build)', entry: SERVER_ENTRY }];
  const start = async (build: { entry: string; env?: NodeJS.ProcessEnv }) =>
    startServer({
      databaseUrl,
      adminToken,
      dataDir: path.join(resources.tempDir!, 'server-data'),
      entry: build.entry,
      nodeArgs: NODE_ARGS,
      env: { GRAPHQL_MUTATIONS_PER_WINDOW_MAX: '100000000', GRAPHQL_QUERIES_PER_WINDOW_MAX: '100000000', ...build.env },
    });

  resources.server = await start(builds[0]!);
  const setupAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const usageMeasured = KINDS_MEASURED.some((kind) => KINDS[kind].events > 1);
  const wallets = await inBatches(CLIENTS, 8, async (index): Promise<BenchClient> => {
    const wallet = await createFundedWallet(setupAgent, resources.server!.port, adminToken, `cpu ${index}`);
    const usageWalletIds = [wallet.walletId];
    // More wallets of the same account (so the OWNER key may charge them all), funded like the first.
    while (usageMeasured && usageWalletIds.length < USAGE_WALLETS) {
      const created = await graphqlOk<{ createWallet: { wallet: { id: string } } }>(
        setupAgent,
        resources.server!.port,
        adminToken,
        'mutation Create($input: CreateWalletInput!) { createWallet(input: $input) { wallet { id } } }',
        { input: { accountId: wallet.accountId, currency: 'USD', name: `usage ${usageWalletIds.length}` } },
      );
      await graphqlOk(
        setupAgent,
        resources.server!.port,
        adminToken,
        'mutation Fund($input: AdjustWalletInput!) { adjustWallet(input: $input) { transaction { id } } }',
        { input: { walletId: created.createWallet.wallet.id, amount: FUNDING_AMOUNT, reason: 'bench funding' } },
      );
      usageWalletIds.push(created.createWallet.wallet.id);
    }
    return { wallet, usageWalletIds };
  });
  setupAgent.destroy();
  await stopServer(resources.server);
  resources.server = undefined;

  console.log(
    `Server CPU per GraphQL request over HTTP, µs of one core; ${CLIENTS} clients, ${SECONDS} s per round and kind, ${ROUNDS} rounds per build; ` +
      `machine: ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
  );
  if (usageMeasured) console.log(`usage: ${USAGE_EVENTS} events per request over ${USAGE_WALLETS} wallets of the client's account`);
  console.log(
    `build            kind             req/s   server µs/req   µs/event   other %${TOGETHER && builds.length === 2 ? '   net µs/req' : ''}`,
  );
  const results = new Map<string, Round[]>();
  const record = (build: { name: string }, kind: Kind, result: Round) => {
    const key = `${build.name}|${kind}`;
    results.set(key, [...(results.get(key) ?? []), result]);
    console.log(
      `${build.name.padEnd(16)} ${kind.padEnd(14)} ${fixed(result.requestsPerSecond, 0).padStart(7)} ${fixed(result.serverMicrosPerRequest, 0).padStart(15)} ${fixed(result.serverMicrosPerRequest / KINDS[kind].events, 1).padStart(10)} ${fixed(result.otherPercent, 0).padStart(9)}${result.netMicrosPerRequest === undefined ? '' : fixed(result.netMicrosPerRequest, 0).padStart(13)}`,
    );
  };
  if (TOGETHER && builds.length === 2) {
    // Both servers up at once; the one not being measured idles (its background work is not counted).
    resources.server = await start(builds[0]!);
    resources.otherServer = await start(builds[1]!);
    const servers = [resources.server, resources.otherServer];
    for (const kind of KINDS_MEASURED) {
      for (let round = 0; round < ROUNDS; round++) {
        for (const index of round % 2 === 0 ? [0, 1] : [1, 0]) {
          const server = servers[index]!;
          const idle = servers[1 - index]!;
          record(builds[index]!, kind, await runRound(server.port, server.child.pid!, wallets, kind, round < 2, idle.child.pid!));
        }
      }
    }
    await stopServer(resources.otherServer);
    resources.otherServer = undefined;
    await stopServer(resources.server);
    resources.server = undefined;
  }
  for (let round = 0; round < (TOGETHER && builds.length === 2 ? 0 : ROUNDS); round++) {
    for (const build of builds) {
      resources.server = await start(build);
      for (const kind of KINDS_MEASURED) {
        record(build, kind, await runRound(resources.server.port, resources.server.child.pid!, wallets, kind));
      }
      await stopServer(resources.server);
      resources.server = undefined;
    }
  }
  console.log('');
  console.log('Medians of the rounds, server µs per request:');
  for (const kind of KINDS_MEASURED) {
    const medians = builds.map((build) => median(results.get(`${build.name}|${kind}`)!.map((result) => result.serverMicrosPerRequest)));
    const line = builds.map((build, index) => `${build.name} ${fixed(medians[index]!, 0)}`).join(', ');
    // Each round's A against the B of the same round (adjacent in time): the drift of a loaded machine cancels out.
    const pairs =
      builds.length === 2
        ? results
            .get(`${builds[1]!.name}|${kind}`)!
            .map((a, index) => a.serverMicrosPerRequest / results.get(`${builds[0]!.name}|${kind}`)![index]!.serverMicrosPerRequest)
        : [];
    const delta =
      medians.length === 2
        ? `; A − B = ${fixed(medians[1]! - medians[0]!, 0)} µs (${fixed((100 * (medians[1]! - medians[0]!)) / medians[0]!, 1)} %); median of the rounds' A/B ${fixed(median(pairs), 3)}, A below B in ${pairs.filter((ratio) => ratio < 1).length} of ${pairs.length}`
        : '';
    const perEvent =
      KINDS[kind].events > 1
        ? `; per event: ${builds.map((build, index) => `${build.name} ${fixed(medians[index]! / KINDS[kind].events, 1)}`).join(', ')}`
        : '';
    console.log(`  ${kind}: ${line}${delta}${perEvent}`);
    if (TOGETHER && builds.length === 2) {
      const net = (name: string) => results.get(`${name}|${kind}`)!.map((result) => result.netMicrosPerRequest!);
      const [netB, netA] = [net(builds[0]!.name), net(builds[1]!.name)];
      const netPairs = netA.map((a, index) => a / netB[index]!);
      console.log(
        `  ${kind}, net of the idle server's background: B ${fixed(median(netB), 0)}, A ${fixed(median(netA), 0)}; median of the rounds' A/B ${fixed(median(netPairs), 3)}, A below B in ${netPairs.filter((ratio) => ratio < 1).length} of ${netPairs.length}`,
      );
    }
  }
  return true;
}

void runBench({
  resources: {} as RequestCpuResources,
  runTimeMaxMs: 30 * 60_000,
  main,
  cleanUp: async (resources) => {
    if (resources.otherServer) await stopServer(resources.otherServer).catch((error) => console.error('stopping the server:', error));
    await cleanUpServerBench(resources);
  },
});
