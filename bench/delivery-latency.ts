/**
 * The delivery part of `npm run bench`: how long a committed charge takes to reach the
 * `transactionAdded` subscribers of its wallet, with 100 and 1,000 subscribers on ONE wallet and
 * spread over many wallets, on the server process the throughput part used.
 *
 * Method. Subscribers are real graphql-ws clients (`ws` sockets), several subscriptions
 * multiplexed per socket, each selecting only `sequence`. Every subscription starts with
 * `afterSequence` = its wallet's sequence at that moment, so no event can be lost to set-up
 * timing; then one warm-up charge per wallet is sent, and measuring starts only once every
 * subscriber has received it (proof that each subscription is open and following the tail).
 * The load is open-loop: charges are sent on a fixed schedule (BENCH_DELIVERY_RATE per second,
 * lowered where it would mean more than BENCH_DELIVERY_EVENTS_MAX events per second; round-robin
 * over the scenario's wallets) whatever the answers, so a slow server shows up as latency rather
 * than as a lower rate. A charge's sequence comes back in its HTTP answer; each
 * subscriber records, per sequence, when the event arrived. Latency = arrival − arrival of the
 * charge's HTTP answer (the commit is done by then; an event may even beat the answer, which
 * gives a small negative figure), and, second figure, arrival − the moment the request was sent.
 * Afterwards every subscriber's events are checked against the charges of its wallet: each one
 * exactly once (missing, duplicates) and in sequence order.
 *
 * The bench process is a client, not a bystander: it parses every event. Its CPU (% of one core)
 * and event-loop delay are printed next to the figures, with a warning when it nears a full core,
 * because then part of the latency is the bench's own queueing.
 *
 * Diagnostics, to tell where the time goes: server, bench and PostgreSQL CPU per scenario; how
 * many outbox rows the server's tail met out of wallet-sequence order (each costs every subscriber
 * of the wallet a query); with BENCH_PG_STAT_STATEMENTS=1, the server's statements per scenario.
 *
 * Environment: `BENCH_DELIVERY_RATE` (charges/s, default 200), `BENCH_DELIVERY_EVENTS_MAX`
 * (events/s, default 20000, 0 = no cap), `BENCH_DELIVERY_SECONDS` (default 5; 0 skips this part),
 * `BENCH_DELIVERY_SUBSCRIBERS` (default "100,1000"), `BENCH_DELIVERY_SPREAD_WALLETS` (default 100),
 * `BENCH_DELIVERY_SUBSCRIPTIONS_PER_SOCKET` (default 20, at most the server's 50).
 */
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import {
  CHARGE_AMOUNT,
  CHARGE_DESCRIPTION,
  cpuBetween,
  createFundedWallet,
  fixed,
  graphqlOk,
  inBatches,
  integerListFromEnv,
  numberFromEnv,
  percentile,
  postJson,
  row,
  sampleCpu,
  sleep,
  type BenchWallet,
  type CpuSubjects,
  type CpuUse,
  type HttpAnswer,
} from './bench-support.js';

// ---------------------------------------------------------------------------------------------
// Settings

/** Charges per second during a scenario's measurement, all wallets together (before the events cap). */
const DELIVERY_RATE = numberFromEnv('BENCH_DELIVERY_RATE', 200, 1, 2000);
/**
 * Most events per second a scenario may ask the server to deliver (charges/s × subscribers per
 * wallet); a scenario above it runs at a lower charge rate. 0 = no cap. Without it, 1,000
 * subscribers on one wallet at 200 charges/s are 200,000 events/s: more than this 2-core machine
 * can even parse on the client side (the bench spends ~15-20 µs of CPU per event), so the figure
 * would measure the bench, not the server.
 */
const DELIVERY_EVENTS_MAX = numberFromEnv('BENCH_DELIVERY_EVENTS_MAX', 20_000, 0, 10_000_000);
/** Measured load duration of one scenario, in seconds; 0 skips the delivery part. */
const DELIVERY_SECONDS = numberFromEnv('BENCH_DELIVERY_SECONDS', 5, 0, 60);
/** Subscriber counts; each is run on one wallet and spread over SPREAD_WALLETS wallets. */
const SUBSCRIBER_COUNTS = integerListFromEnv('BENCH_DELIVERY_SUBSCRIBERS', [100, 1000], 5000);
/** Wallets of the "spread" scenarios. */
const SPREAD_WALLETS = numberFromEnv('BENCH_DELIVERY_SPREAD_WALLETS', 100, 1, 1000);
/** Subscriptions multiplexed on one socket (the server allows 50). */
const SUBSCRIPTIONS_PER_SOCKET = numberFromEnv('BENCH_DELIVERY_SUBSCRIPTIONS_PER_SOCKET', 20, 1, 50);

/** Longest wait for every subscriber to receive its wallet's warm-up charge, in ms. */
const ESTABLISH_TIMEOUT_MS = 30_000;
/** After the last charge's answer: longest wait for the events still on their way, in ms. */
const DRAIN_TIMEOUT_MS = 15_000;
/** Most charge requests in flight at once; the schedule waits (and reports its lag) beyond it. */
const CHARGES_IN_FLIGHT_MAX = 256;
/** Sampling interval of the bench's event-loop delay histogram, in ms. */
const LOOP_DELAY_RESOLUTION_MS = 5;
/** Bench CPU above this, in % of one core, earns a warning next to the figures. */
const BENCH_CPU_WARNING_PERCENT = 80;

/** Whether the delivery part runs (`BENCH_DELIVERY_SECONDS` above 0). */
export const DELIVERY_ENABLED = DELIVERY_SECONDS > 0;

/** Upper bound of the delivery part's wall time, for the run's watchdog, in ms. */
export const DELIVERY_RUN_TIME_MAX_MS =
  DELIVERY_SECONDS === 0
    ? 0
    : 60_000 + 2 * SUBSCRIBER_COUNTS.length * (DELIVERY_SECONDS * 1000 + ESTABLISH_TIMEOUT_MS + DRAIN_TIMEOUT_MS + 15_000);

const CHARGE_MUTATION = 'mutation Charge($input: ChargeInput!) { charge(input: $input) { transaction { sequence } } }';
const SUBSCRIPTION =
  'subscription Delivery($walletId: ID!, $afterSequence: String) { transactionAdded(walletId: $walletId, afterSequence: $afterSequence) { sequence } }';

type ScenarioName = 'one wallet' | 'spread';

interface Scenario {
  name: ScenarioName;
  subscribers: number;
  wallets: BenchWallet[];
  /** Charges per second, all wallets together. */
  chargesPerSecond: number;
}

/** DELIVERY_RATE, lowered when it would ask for more than DELIVERY_EVENTS_MAX events per second. */
function scenarioRate(subscribers: number, wallets: number): number {
  if (DELIVERY_EVENTS_MAX === 0) return DELIVERY_RATE;
  return Math.min(DELIVERY_RATE, (DELIVERY_EVENTS_MAX * wallets) / subscribers);
}

// ---------------------------------------------------------------------------------------------
// Per-sequence records. Index i of a wallet's arrays is sequence `base + 1 + i`, where `base` is
// the wallet's sequence when the scenario's subscriptions were opened; index 0 is the warm-up.

/** A Float64Array that grows on write; 0 means "nothing recorded" (performance.now() is > 0). */
class TimeSlots {
  values: Float64Array;
  constructor(capacity: number) {
    this.values = new Float64Array(Math.max(16, capacity));
  }
  get(index: number): number {
    return index < this.values.length ? this.values[index]! : 0;
  }
  set(index: number, time: number): void {
    if (index >= this.values.length) {
      const bigger = new Float64Array(Math.max(index + 1, 2 * this.values.length));
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[index] = time;
  }
}

/** One wallet's charges of a scenario. */
class WalletCharges {
  readonly sentAt: TimeSlots;
  readonly answeredAt: TimeSlots;
  /** Highest index answered, -1 for none. */
  lastIndex = -1;
  ok = 0;
  constructor(
    readonly wallet: BenchWallet,
    readonly base: number,
    capacity: number,
  ) {
    this.sentAt = new TimeSlots(capacity);
    this.answeredAt = new TimeSlots(capacity);
  }
}

/** What one subscription received. */
class Subscriber {
  readonly receivedAt: TimeSlots;
  /** Distinct charges' events received. */
  received = 0;
  duplicates = 0;
  outOfOrder = 0;
  lastSequence: number;
  failure: string | undefined;
  constructor(
    readonly charges: WalletCharges,
    capacity: number,
  ) {
    this.receivedAt = new TimeSlots(capacity);
    this.lastSequence = charges.base;
  }

  /** The hot path: one event, as cheap as it can be. */
  onEvent(sequenceText: string, now: number): void {
    const sequence = Number(sequenceText);
    const index = sequence - this.charges.base - 1;
    if (sequence <= this.lastSequence) {
      // Either seen before (a duplicate) or an earlier sequence after a later one (disorder).
      if (index < 0 || this.receivedAt.get(index) !== 0) this.duplicates++;
      else {
        this.outOfOrder++;
        this.receivedAt.set(index, now);
        this.received++;
      }
      return;
    }
    this.lastSequence = sequence;
    this.receivedAt.set(index, now);
    this.received++;
  }
}

// ---------------------------------------------------------------------------------------------
// Subscriptions

interface SubscriberSockets {
  clients: Client[];
  subscribers: Subscriber[];
  /** Close codes other than a normal closure, seen before the bench hung up. */
  abnormalCloses: string[];
  dispose(): Promise<void>;
}

/**
 * Opens `count` subscriptions, assigned to the scenario's wallets round-robin and packed
 * SUBSCRIPTIONS_PER_SOCKET to a socket. One wallet: sockets authenticate with the wallet account's
 * OWNER key. Spread: a socket holds subscriptions of different accounts' wallets, which only the
 * platform admin token may do (an account in this bench has one wallet).
 */
function openSubscribers(options: {
  port: number;
  token: string;
  count: number;
  charges: WalletCharges[];
  capacity: number;
}): SubscriberSockets {
  const subscribers = Array.from(
    { length: options.count },
    (_, index) => new Subscriber(options.charges[index % options.charges.length]!, options.capacity),
  );
  const clients: Client[] = [];
  const abnormalCloses: string[] = [];
  let disposing = false;
  for (let first = 0; first < subscribers.length; first += SUBSCRIPTIONS_PER_SOCKET) {
    const client = createClient({
      url: `ws://127.0.0.1:${options.port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${options.token}` },
      // A failure must show up in the figures, not be papered over by a reconnect.
      retryAttempts: 0,
      on: {
        closed: (event) => {
          const { code, reason } = event as { code: number; reason: string };
          if (!disposing && code !== 1000) abnormalCloses.push(`${code} ${reason}`);
        },
      },
    });
    clients.push(client);
    for (const subscriber of subscribers.slice(first, first + SUBSCRIPTIONS_PER_SOCKET)) {
      client.subscribe<{ transactionAdded: { sequence: string } }>(
        {
          query: SUBSCRIPTION,
          variables: { walletId: subscriber.charges.wallet.walletId, afterSequence: String(subscriber.charges.base) },
        },
        {
          next: (result) => {
            const sequence = result.data?.transactionAdded?.sequence;
            if (sequence === undefined) subscriber.failure ??= `event without data: ${JSON.stringify(result).slice(0, 300)}`;
            else subscriber.onEvent(sequence, performance.now());
          },
          error: (error) => {
            if (disposing) return;
            const { code, reason } = error as { code?: number; reason?: string };
            subscriber.failure ??= code !== undefined ? `socket closed ${code} ${reason ?? ''}` : JSON.stringify(error).slice(0, 300);
          },
          complete: () => {
            if (!disposing) subscriber.failure ??= 'completed by the server';
          },
        },
      );
    }
  }
  return {
    clients,
    subscribers,
    abnormalCloses,
    async dispose() {
      disposing = true;
      await Promise.all(clients.map((client) => client.dispose()));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Charges

/** Sends one charge on `charges.wallet` and records when it was sent and answered, by sequence. */
async function sendCharge(agent: http.Agent, port: number, charges: WalletCharges, body: string): Promise<string | undefined> {
  const sentAt = performance.now();
  let answer: HttpAnswer;
  try {
    answer = await postJson(agent, port, charges.wallet.ownerKey, body);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const answeredAt = performance.now();
  if (answer.status !== 200) return `HTTP ${answer.status}: ${answer.body.slice(0, 300)}`;
  const parsed = JSON.parse(answer.body) as { data?: { charge?: { transaction?: { sequence?: string } } }; errors?: unknown[] };
  const sequence = parsed.data?.charge?.transaction?.sequence;
  if (parsed.errors?.length || sequence === undefined) return `GraphQL error: ${answer.body.slice(0, 300)}`;
  const index = Number(sequence) - charges.base - 1;
  if (index < 0 || charges.answeredAt.get(index) !== 0) return `sequence ${sequence} answered twice or below the base ${charges.base}`;
  charges.sentAt.set(index, sentAt);
  charges.answeredAt.set(index, answeredAt);
  charges.lastIndex = Math.max(charges.lastIndex, index);
  charges.ok++;
  return undefined;
}

interface LoadResult {
  ok: number;
  errors: number;
  firstError: string | undefined;
  /** Largest delay of a send behind its schedule (in-flight cap or a busy event loop), in ms. */
  scheduleLagMaxMs: number;
  /** Answered charges per second over the load's wall time. */
  chargesPerSecond: number;
  /** HTTP round trip of the charges, in ms. */
  chargeP50Ms: number;
  chargeP99Ms: number;
}

/** Open-loop load: charge k is due at start + k / chargesPerSecond, on wallet k mod W. */
async function runLoad(
  agent: http.Agent,
  port: number,
  charges: WalletCharges[],
  bodies: string[],
  chargesPerSecond: number,
): Promise<LoadResult> {
  const total = Math.max(1, Math.round(chargesPerSecond * DELIVERY_SECONDS));
  const intervalMs = 1000 / chargesPerSecond;
  const roundTrips = new Float64Array(total);
  let sent = 0;
  let answered = 0;
  let ok = 0;
  let errors = 0;
  let firstError: string | undefined;
  let inFlight = 0;
  let scheduleLagMaxMs = 0;
  const started = performance.now();
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));

  const send = (k: number) => {
    const walletIndex = k % charges.length;
    const sentAt = performance.now();
    inFlight++;
    void sendCharge(agent, port, charges[walletIndex]!, bodies[walletIndex]!).then((failure) => {
      roundTrips[answered++] = performance.now() - sentAt;
      inFlight--;
      if (failure === undefined) ok++;
      else {
        errors++;
        firstError ??= failure;
      }
      if (answered === total) finish();
      else pump();
    });
  };
  let timer: NodeJS.Timeout | undefined;
  const pump = () => {
    clearTimeout(timer);
    timer = undefined;
    const now = performance.now();
    while (sent < total && started + sent * intervalMs <= now && inFlight < CHARGES_IN_FLIGHT_MAX) {
      scheduleLagMaxMs = Math.max(scheduleLagMaxMs, now - (started + sent * intervalMs));
      send(sent++);
    }
    // Beyond the in-flight cap the next answer calls pump; otherwise wait for the next due time.
    if (sent < total && inFlight < CHARGES_IN_FLIGHT_MAX)
      timer = setTimeout(pump, Math.max(0, started + sent * intervalMs - performance.now()));
  };
  pump();
  await finished;
  const seconds = (performance.now() - started) / 1000;
  const sorted = roundTrips.slice(0, answered).sort();
  return {
    ok,
    errors,
    firstError,
    scheduleLagMaxMs,
    chargesPerSecond: ok / seconds,
    chargeP50Ms: percentile(sorted, 0.5),
    chargeP99Ms: percentile(sorted, 0.99),
  };
}

// ---------------------------------------------------------------------------------------------
// Server-side diagnostics from the database: what the delivery path asked of PostgreSQL.

/**
 * Outbox rows of these wallets after their bases that the server's tail reads in a different
 * order than their wallet sequence. The tail follows (tx_id, id), and a transaction takes its
 * tx_id before it queues for the wallet's row lock, so on a busy wallet the two orders can differ;
 * every such row makes each subscriber of the wallet fill the "gap" with a query of its own.
 */
async function countTailReorders(database: pg.Client, charges: WalletCharges[]): Promise<number> {
  const result = await database.query<{ reorders: string }>(
    `select count(*)::text as reorders from (
       select e.wallet_sequence, max(e.wallet_sequence) over (partition by e.wallet_id order by e.tx_id, e.id
                                                             rows between unbounded preceding and 1 preceding) as highest_before
         from outbox_event e join unnest($1::uuid[], $2::bigint[]) as s(wallet_id, base) on s.wallet_id = e.wallet_id
        where e.wallet_sequence > s.base) o
      where o.wallet_sequence < o.highest_before`,
    [charges.map((walletCharges) => walletCharges.wallet.walletId), charges.map((walletCharges) => String(walletCharges.base))],
  );
  return Number(result.rows[0]?.reorders ?? 0);
}

/** The server's delivery-path statements, recognised by their text in pg_stat_statements. */
const STATEMENT_KINDS = [
  ['charge', 'with input as'],
  ['tail read', 'where (e.tx_id, e.id) >'],
  ['wallet range', 'where e.wallet_id = $1 and e.wallet_sequence >'],
  ['wallet seq', 'select last_sequence::text'],
  ['notify', 'notify '],
] as const;
type StatementKind = (typeof STATEMENT_KINDS)[number][0] | 'other';

/** Calls and execution time per statement kind. */
type StatementTotals = Map<StatementKind, { calls: number; totalMs: number }>;

/** Cumulative pg_stat_statements totals of the bench database, per kind; the bench's own queries excluded. */
async function statementTotals(database: pg.Client): Promise<StatementTotals> {
  const result = await database.query<{ query: string; calls: string; total_ms: number }>(
    `select query, calls::text as calls, total_exec_time as total_ms from pg_stat_statements
      where dbid = (select oid from pg_database where datname = current_database())
        and query not like '%pg_stat_statements%' and query not like '%highest_before%'`,
  );
  const totals: StatementTotals = new Map();
  for (const { query, calls, total_ms: totalMs } of result.rows) {
    const kind = STATEMENT_KINDS.find(([, marker]) => query.includes(marker))?.[0] ?? 'other';
    const entry = totals.get(kind) ?? { calls: 0, totalMs: 0 };
    entry.calls += Number(calls);
    entry.totalMs += totalMs;
    totals.set(kind, entry);
  }
  return totals;
}

function statementsBetween(before: StatementTotals, after: StatementTotals): StatementTotals {
  const difference: StatementTotals = new Map();
  for (const [kind, entry] of after) {
    const earlier = before.get(kind) ?? { calls: 0, totalMs: 0 };
    difference.set(kind, { calls: entry.calls - earlier.calls, totalMs: entry.totalMs - earlier.totalMs });
  }
  return difference;
}

// ---------------------------------------------------------------------------------------------
// One scenario

interface ScenarioResult {
  name: ScenarioName;
  subscribers: number;
  /** Scheduled charges per second. */
  chargesPerSecond: number;
  wallets: number;
  sockets: number;
  /** Charges answered OK, warm-up included. */
  chargesOk: number;
  load: LoadResult;
  /** Measured events received (warm-up excluded). */
  delivered: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  fromSendP50Ms: number;
  fromSendP99Ms: number;
  fromSendMaxMs: number;
  /** Events that arrived before the charge's HTTP answer did. */
  beforeAnswer: number;
  missing: number;
  duplicates: number;
  outOfOrder: number;
  /** Events for sequences the bench never saw answered (a charge that failed on its way back). */
  unexpected: number;
  /** Subscription failures and abnormal socket closes, first few. */
  failures: string[];
  failureCount: number;
  cpu: CpuUse;
  benchLoopDelayP99Ms: number;
  benchLoopDelayMaxMs: number;
  establishSeconds: number;
  drainMs: number;
  /** See {@link countTailReorders}. */
  tailReorders: number;
  /** Server statements during the measurement, when pg_stat_statements is on. */
  statements: StatementTotals | undefined;
}

async function walletSequence(agent: http.Agent, port: number, wallet: BenchWallet): Promise<number> {
  const data = await graphqlOk<{ wallet: { sequence: string } }>(
    agent,
    port,
    wallet.ownerKey,
    'query Sequence($id: ID!) { wallet(id: $id) { sequence } }',
    {
      id: wallet.walletId,
    },
  );
  return Number(data.wallet.sequence);
}

/** Waits until `done()` or `timeoutMs`, checking every few ms; true when done. */
async function waitUntil(done: () => boolean, timeoutMs: number, stepMs = 5): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await sleep(stepMs);
  }
  return true;
}

async function runScenario(options: DeliveryBenchOptions & { database: pg.Client; scenario: Scenario }): Promise<ScenarioResult> {
  const { port, scenario } = options;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const perWallet = Math.ceil((scenario.chargesPerSecond * DELIVERY_SECONDS * 1.1) / scenario.wallets.length) + 8;
  const bases = await inBatches(scenario.wallets.length, 8, (index) => walletSequence(agent, port, scenario.wallets[index]!));
  const charges = scenario.wallets.map((wallet, index) => new WalletCharges(wallet, bases[index]!, perWallet));
  const bodies = scenario.wallets.map((wallet) =>
    JSON.stringify({
      query: CHARGE_MUTATION,
      variables: { input: { walletId: wallet.walletId, amount: CHARGE_AMOUNT, description: CHARGE_DESCRIPTION } },
    }),
  );
  const token = scenario.name === 'one wallet' ? scenario.wallets[0]!.ownerKey : options.adminToken;
  const establishStarted = performance.now();
  const sockets = openSubscribers({ port, token, count: scenario.subscribers, charges, capacity: perWallet });
  const failures: string[] = [];
  const failureCount = () =>
    sockets.subscribers.filter((subscriber) => subscriber.failure !== undefined).length + sockets.abnormalCloses.length;
  try {
    // Warm-up: one charge per wallet; every subscriber receiving it proves its subscription is live.
    let warmupErrors = 0;
    let warmupFirstError: string | undefined;
    await inBatches(charges.length, 8, async (index) => {
      const failure = await sendCharge(agent, port, charges[index]!, bodies[index]!);
      if (failure !== undefined) {
        warmupErrors++;
        warmupFirstError ??= failure;
      }
    });
    if (warmupErrors > 0) throw new Error(`${warmupErrors} warm-up charges failed, first: ${warmupFirstError}`);
    const established = await waitUntil(
      () => failureCount() > 0 || sockets.subscribers.every((subscriber) => subscriber.received >= 1),
      ESTABLISH_TIMEOUT_MS,
    );
    const waiting = sockets.subscribers.filter((subscriber) => subscriber.received < 1).length;
    if (!established || failureCount() > 0) {
      const reasons = [
        ...sockets.abnormalCloses,
        ...sockets.subscribers.flatMap((subscriber) => (subscriber.failure ? [subscriber.failure] : [])),
      ];
      throw new Error(
        `${scenario.name} ${scenario.subscribers}: ${waiting} of ${scenario.subscribers} subscribers did not receive the warm-up charge within ` +
          `${ESTABLISH_TIMEOUT_MS} ms; failures: ${reasons.slice(0, 3).join('; ') || 'none'}`,
      );
    }
    const establishSeconds = (performance.now() - establishStarted) / 1000;

    // Measurement: the load, then the events still on their way.
    const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
    loopDelay.enable();
    const statementsBefore = options.statementStatistics ? await statementTotals(options.database) : undefined;
    const cpuBefore = sampleCpu(options.cpuSubjects);
    const load = await runLoad(agent, port, charges, bodies, scenario.chargesPerSecond);
    const expectedTotal = () => sockets.subscribers.reduce((sum, subscriber) => sum + subscriber.charges.ok, 0);
    const receivedTotal = () => sockets.subscribers.reduce((sum, subscriber) => sum + subscriber.received, 0);
    const drainStarted = performance.now();
    const expected = expectedTotal();
    await waitUntil(() => receivedTotal() >= expected || failureCount() > 0, DRAIN_TIMEOUT_MS);
    const drainMs = performance.now() - drainStarted;
    const cpu = cpuBetween(cpuBefore, sampleCpu(options.cpuSubjects));
    loopDelay.disable();
    const statements = statementsBefore ? statementsBetween(statementsBefore, await statementTotals(options.database)) : undefined;
    const tailReorders = await countTailReorders(options.database, charges);

    // Every subscriber against the charges of its wallet; index 0 is the warm-up, not measured.
    const latencyCount = expected;
    const fromAnswer = new Float64Array(latencyCount);
    const fromSend = new Float64Array(latencyCount);
    let delivered = 0;
    let beforeAnswer = 0;
    let missing = 0;
    let duplicates = 0;
    let outOfOrder = 0;
    let unexpected = 0;
    for (const subscriber of sockets.subscribers) {
      const walletCharges = subscriber.charges;
      duplicates += subscriber.duplicates;
      outOfOrder += subscriber.outOfOrder;
      const lastIndex = Math.max(walletCharges.lastIndex, subscriber.lastSequence - walletCharges.base - 1);
      for (let index = 0; index <= lastIndex; index++) {
        const answeredAt = walletCharges.answeredAt.get(index);
        const receivedAt = subscriber.receivedAt.get(index);
        if (answeredAt === 0) {
          if (receivedAt !== 0) unexpected++;
          continue;
        }
        if (receivedAt === 0) {
          missing++;
          continue;
        }
        if (index === 0) continue;
        if (receivedAt < answeredAt) beforeAnswer++;
        fromAnswer[delivered] = receivedAt - answeredAt;
        fromSend[delivered] = receivedAt - walletCharges.sentAt.get(index);
        delivered++;
      }
      if (subscriber.failure) failures.push(subscriber.failure);
    }
    failures.push(...sockets.abnormalCloses);
    const answerSorted = fromAnswer.slice(0, delivered).sort();
    const sendSorted = fromSend.slice(0, delivered).sort();
    return {
      name: scenario.name,
      subscribers: scenario.subscribers,
      chargesPerSecond: scenario.chargesPerSecond,
      wallets: scenario.wallets.length,
      sockets: sockets.clients.length,
      chargesOk: load.ok + charges.length,
      load,
      delivered,
      p50Ms: percentile(answerSorted, 0.5),
      p99Ms: percentile(answerSorted, 0.99),
      maxMs: delivered > 0 ? answerSorted[delivered - 1]! : Number.NaN,
      fromSendP50Ms: percentile(sendSorted, 0.5),
      fromSendP99Ms: percentile(sendSorted, 0.99),
      fromSendMaxMs: delivered > 0 ? sendSorted[delivered - 1]! : Number.NaN,
      beforeAnswer,
      missing,
      duplicates,
      outOfOrder,
      unexpected,
      failures: [...new Set(failures)].slice(0, 5),
      failureCount: failures.length,
      cpu,
      // The histogram holds whole timer intervals: the delay is what exceeds the resolution.
      benchLoopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_DELAY_RESOLUTION_MS),
      benchLoopDelayMaxMs: Math.max(0, loopDelay.max / 1e6 - LOOP_DELAY_RESOLUTION_MS),
      establishSeconds,
      drainMs,
      tailReorders,
      statements,
    };
  } finally {
    await sockets.dispose();
    agent.destroy();
    // Give the server a moment to end the closed sockets' streams before the next scenario.
    await sleep(500);
  }
}

// ---------------------------------------------------------------------------------------------
// Output and entry point

const COLUMNS = [
  ['scenario', 10],
  ['subscribers', 11],
  ['wallets', 7],
  ['sockets', 7],
  ['charges/s', 9],
  ['events', 8],
  ['p50 ms', 7],
  ['p99 ms', 7],
  ['max ms', 7],
  ['send p50', 8],
  ['p99', 6],
  ['max', 6],
  ['missing', 7],
  ['dup', 4],
  ['order', 5],
  ['bench CPU', 9],
] as const;

const LOAD_COLUMNS = [
  ['scenario', 10],
  ['subscribers', 11],
  ['done/s', 6],
  ['charge p50', 10],
  ['p99', 6],
  ['lag max', 7],
  ['server', 6],
  ['bench', 5],
  ['pg', 5],
  ['other', 5],
  ['loop p99', 8],
  ['max', 6],
  ['early', 6],
  ['setup s', 7],
  ['drain ms', 8],
  ['reorders', 8],
] as const;

const STATEMENT_COLUMNS = [
  ['scenario', 10],
  ['subscribers', 11],
  ['charges', 7],
  ['tail reads', 10],
  ['mean ms', 7],
  ['wallet range', 12],
  ['mean ms', 7],
  ['per charge', 10],
  ['notify', 6],
  ['other', 6],
] as const;

function latencyRow(result: ScenarioResult): string {
  return row(COLUMNS, [
    result.name,
    String(result.subscribers),
    String(result.wallets),
    String(result.sockets),
    fixed(result.chargesPerSecond, 0),
    String(result.delivered),
    fixed(result.p50Ms, 1),
    fixed(result.p99Ms, 1),
    fixed(result.maxMs, 1),
    fixed(result.fromSendP50Ms, 1),
    fixed(result.fromSendP99Ms, 1),
    fixed(result.fromSendMaxMs, 1),
    String(result.missing),
    String(result.duplicates),
    String(result.outOfOrder),
    `${fixed(result.cpu.benchPercent, 0)} %`,
  ]);
}

/** Options of {@link runDeliveryBench}. */
export interface DeliveryBenchOptions {
  /** The server's port on 127.0.0.1. */
  port: number;
  /** The platform admin token: creates the fixtures and holds the spread scenarios' sockets. */
  adminToken: string;
  /** The server and the PostgreSQL cluster, for the CPU figures. */
  cpuSubjects: CpuSubjects;
  /** The bench database, for diagnostics (the bench's own connection, not the server's). */
  databaseUrl: string;
  /** pg_stat_statements is loaded and created in the bench database: report the server's statements per scenario. */
  statementStatistics: boolean;
}

/** Outcome of {@link runDeliveryBench}. */
export interface DeliveryBenchResult {
  /** Charges the delivery part saw succeed (warm-ups included), for the run's ledger count. */
  chargesOk: number;
  /** False when an event was missing, duplicated or out of order, or a charge or subscription failed. */
  passed: boolean;
}

/**
 * Runs every delivery scenario on the given server and prints the figures. The goal (p99 <= 50 ms
 * at 1,000 subscribers) is reported, not enforced; completeness is: any missing, duplicated or
 * out-of-order event, or any failure, makes `passed` false.
 * @throws Error when fixtures cannot be created or subscribers never become live.
 */
export async function runDeliveryBench(options: DeliveryBenchOptions): Promise<DeliveryBenchResult> {
  if (DELIVERY_SECONDS === 0) {
    console.log('Delivery latency: skipped (BENCH_DELIVERY_SECONDS=0)');
    return { chargesOk: 0, passed: true };
  }
  const setupAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const setupStarted = performance.now();
  const wallets = await inBatches(SPREAD_WALLETS, 8, (index) =>
    createFundedWallet(setupAgent, options.port, options.adminToken, `bench delivery ${index}`),
  );
  setupAgent.destroy();
  const setupSeconds = (performance.now() - setupStarted) / 1000;

  const scenario = (name: ScenarioName, subscribers: number, walletCount: number): Scenario => ({
    name,
    subscribers,
    wallets: wallets.slice(0, walletCount),
    chargesPerSecond: scenarioRate(subscribers, walletCount),
  });
  const scenarios = [
    ...SUBSCRIBER_COUNTS.map((subscribers) => scenario('one wallet', subscribers, 1)),
    ...SUBSCRIBER_COUNTS.map((subscribers) => scenario('spread', subscribers, Math.min(SPREAD_WALLETS, subscribers))),
  ];

  console.log('');
  console.log('Commit → subscriber delivery latency (transactionAdded over graphql-ws), same server process as above');
  console.log(
    `Subscribers: graphql-ws client on ws sockets, ${SUBSCRIPTIONS_PER_SOCKET} subscriptions per socket, selecting only { sequence }, ` +
      `each opened with afterSequence = its wallet's sequence; one wallet: sockets use the account's OWNER key; spread: subscribers ` +
      `round-robin over the wallets, sockets use the platform admin token (one socket holds many accounts' wallets)`,
  );
  const cap =
    DELIVERY_EVENTS_MAX === 0
      ? 'nothing (no cap)'
      : `${DELIVERY_EVENTS_MAX} events/s (BENCH_DELIVERY_EVENTS_MAX; the bench's client has to parse them on this machine too)`;
  console.log(
    `Load: ${DELIVERY_RATE} charges/s (BENCH_DELIVERY_RATE), lowered where it would exceed ${cap}; ` +
      `open-loop (fixed schedule, at most ${CHARGES_IN_FLIGHT_MAX} in flight) for ${DELIVERY_SECONDS} s, round-robin over the scenario's wallets, ` +
      `after one warm-up charge per wallet that every subscriber must receive first; ` +
      `${wallets.length} accounts created and funded via the API in ${setupSeconds.toFixed(1)} s`,
  );
  console.log(
    "Latency: event arrival − arrival of the charge's HTTP answer (commit done; < 0 when the event beat the answer); " +
      '"send": − the moment the charge request was sent. Every subscriber must receive every charge of its wallet exactly once, in order ' +
      `(missing = not received ${DRAIN_TIMEOUT_MS / 1000} s after the last charge's answer; order = received after a higher sequence).`,
  );
  console.log('Goal: p99 <= 50 ms at 1,000 subscribers');
  console.log('');
  console.log(
    row(
      COLUMNS,
      COLUMNS.map(([title]) => title),
    ),
  );

  // Each row is printed as soon as its scenario ends, so a long run shows progress.
  const database = new pg.Client({ connectionString: options.databaseUrl });
  await database.connect();
  const results: ScenarioResult[] = [];
  try {
    for (const next of scenarios) {
      const result = await runScenario({ ...options, database, scenario: next });
      results.push(result);
      console.log(latencyRow(result));
    }
  } finally {
    await database.end();
  }

  console.log('');
  console.log(
    'Load and CPU during each measurement (load start → last event): done/s = charges answered per second; charge p50/p99 = their ' +
      'HTTP round trip (ms); lag = how late the schedule sent a charge (ms); CPU in % of one core (pg = the PostgreSQL cluster, ' +
      "other = the rest of the machine); loop = the bench's " +
      "event-loop delay (ms); early = events that arrived before their charge's HTTP answer; setup = subscribe + warm-up; " +
      "reorders = outbox rows the server's tail reads in another order than their wallet sequence (each makes every subscriber " +
      'of the wallet query the outbox)',
  );
  console.log(
    row(
      LOAD_COLUMNS,
      LOAD_COLUMNS.map(([title]) => title),
    ),
  );
  for (const result of results) {
    console.log(
      row(LOAD_COLUMNS, [
        result.name,
        String(result.subscribers),
        fixed(result.load.chargesPerSecond, 0),
        fixed(result.load.chargeP50Ms, 1),
        fixed(result.load.chargeP99Ms, 1),
        fixed(result.load.scheduleLagMaxMs, 1),
        fixed(result.cpu.serverPercent, 0),
        fixed(result.cpu.benchPercent, 0),
        fixed(result.cpu.postgresPercent, 0),
        fixed(result.cpu.otherPercent, 0),
        fixed(result.benchLoopDelayP99Ms, 1),
        fixed(result.benchLoopDelayMaxMs, 1),
        String(result.beforeAnswer),
        fixed(result.establishSeconds, 1),
        fixed(result.drainMs, 0),
        String(result.tailReorders),
      ]),
    );
  }
  if (options.statementStatistics) {
    console.log('');
    console.log(
      'Server statements during each measurement (pg_stat_statements): calls and mean execution ms; per charge = wallet range reads per charge',
    );
    console.log(
      row(
        STATEMENT_COLUMNS,
        STATEMENT_COLUMNS.map(([title]) => title),
      ),
    );
    for (const result of results) {
      const of = (kind: StatementKind) => result.statements?.get(kind) ?? { calls: 0, totalMs: 0 };
      const mean = (kind: StatementKind) => of(kind).totalMs / of(kind).calls;
      console.log(
        row(STATEMENT_COLUMNS, [
          result.name,
          String(result.subscribers),
          String(of('charge').calls),
          String(of('tail read').calls),
          fixed(mean('tail read'), 2),
          String(of('wallet range').calls),
          fixed(mean('wallet range'), 2),
          fixed(of('wallet range').calls / of('charge').calls, 1),
          String(of('notify').calls),
          String(of('other').calls),
        ]),
      );
    }
  }

  console.log('');
  let passed = true;
  for (const result of results) {
    const label = `${result.name} ${result.subscribers}`;
    if (result.cpu.benchPercent >= BENCH_CPU_WARNING_PERCENT) {
      console.log(
        `WARNING: ${label}: the bench process used ${result.cpu.benchPercent.toFixed(0)} % of a core (event-loop delay p99 ` +
          `${result.benchLoopDelayP99Ms.toFixed(1)} ms): part of the latency above is the client's own queueing.`,
      );
    }
    const problems: string[] = [];
    if (result.missing > 0) problems.push(`${result.missing} events missing`);
    if (result.duplicates > 0) problems.push(`${result.duplicates} duplicates`);
    if (result.outOfOrder > 0) problems.push(`${result.outOfOrder} out of order`);
    if (result.unexpected > 0) problems.push(`${result.unexpected} events of charges the bench never saw answered`);
    if (result.load.errors > 0) problems.push(`${result.load.errors} charges failed, first: ${result.load.firstError}`);
    if (result.failureCount > 0)
      problems.push(`${result.failureCount} subscription failures/abnormal closes: ${result.failures.join('; ')}`);
    if (problems.length > 0) {
      passed = false;
      console.log(`FAILED: ${label}: ${problems.join('; ')}`);
    }
  }
  const totalMissing = results.reduce((sum, result) => sum + result.missing, 0);
  const totalDuplicates = results.reduce((sum, result) => sum + result.duplicates, 0);
  console.log(`Delivery completeness: ${totalMissing} missing, ${totalDuplicates} duplicates → ${passed ? 'OK' : 'FAILED'}`);
  for (const result of results.filter((candidate) => candidate.subscribers === 1000)) {
    const met = result.p99Ms <= 50;
    console.log(
      `Goal check: ${result.name}, 1,000 subscribers at ${fixed(result.chargesPerSecond, 0)} charges/s: p99 = ${fixed(result.p99Ms, 1)} ms ` +
        `(from send ${fixed(result.fromSendP99Ms, 1)} ms) → ${met ? 'MET' : 'NOT MET'} (goal <= 50 ms)`,
    );
  }
  return { chargesOk: results.reduce((sum, result) => sum + result.chargesOk, 0), passed };
}
