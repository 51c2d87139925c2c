/**
 * The load generator's two halves for the fan-out bench (`bench/fanout-10k.ts`) and its short
 * correctness test: a pool of `transactionAdded` subscribers that records, per subscription, every
 * sequence it receives and when; and an open-loop charger that records, per charge, its wallet,
 * sequence and when it was sent and answered. Both run inside worker processes in the bench (so the
 * load generator is not the limit) and in-process in the test. Times are absolute milliseconds
 * (`performance.timeOrigin + performance.now()`), comparable across processes of one machine.
 */
import http from 'node:http';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { CHARGE_AMOUNT, CHARGE_DESCRIPTION, postJson } from './bench-support.js';

/** Now, in absolute milliseconds with sub-millisecond precision, comparable across processes. */
export const absoluteNow = () => performance.timeOrigin + performance.now();

const SUBSCRIPTION =
  'subscription Fanout($walletId: ID!, $afterSequence: String) { transactionAdded(walletId: $walletId, afterSequence: $afterSequence) { sequence } }';
const CHARGE_MUTATION = 'mutation Charge($input: ChargeInput!) { charge(input: $input) { transaction { sequence } } }';

/** One subscription to open: its wallet (by index into the run's wallets), its key, where it starts. */
export interface SubscriptionPlan {
  wallet: number;
  walletId: string;
  key: string;
  /**
   * The wallet's sequence when the subscription is planned (at least 1: a funded wallet). It opens
   * with afterSequence = base − 1, so its first event, the replay of `base`, says that its set-up
   * is done and it follows the wallet live.
   */
  base: number;
}

/** What one subscription received: sequences and their arrival times, in arrival order. */
export interface SubscriptionRecord {
  wallet: number;
  base: number;
  sequences: number[];
  times: number[];
  failure?: string;
}

/** Counts a pool reports while it runs. */
export interface PoolProgress {
  /** Subscriptions that received at least one event (the replay of their base: set up and live). */
  live: number;
  events: number;
  failures: number;
  firstFailure?: string;
  sockets: number;
  socketsConnected: number;
}

/**
 * Opens subscriptions packed `subscriptionsPerSocket` to a socket; a socket only carries one key's
 * subscriptions (the plans must come grouped by key for packing to help). Sockets are connected at
 * most `connectingMax` at a time, so 10,000 subscribers do not all knock at once.
 */
export class SubscriberPool {
  private readonly records: SubscriptionRecord[];
  private readonly clients: Client[] = [];
  private disposing = false;
  private connected = 0;
  private failureCount = 0;
  private firstFailure: string | undefined;
  private eventCount = 0;
  private liveCount = 0;

  constructor(
    private readonly plans: SubscriptionPlan[],
    private readonly options: { url: string; subscriptionsPerSocket: number; connectingMax: number },
  ) {
    this.records = plans.map((plan) => ({ wallet: plan.wallet, base: plan.base, sequences: [], times: [] }));
  }

  /** Opens every socket and subscription; resolves once every socket has connected (or failed). */
  async open(): Promise<void> {
    const groups: number[][] = [];
    for (let index = 0; index < this.plans.length; index++) {
      const last = groups.at(-1);
      if (last && last.length < this.options.subscriptionsPerSocket && this.plans[last[0]!]!.key === this.plans[index]!.key)
        last.push(index);
      else groups.push([index]);
    }
    let next = 0;
    const openOne = (members: number[]) =>
      new Promise<void>((settle) => {
        const client = createClient({
          url: this.options.url,
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${this.plans[members[0]!]!.key}` },
          // A failure must show up in the figures, not be papered over by a reconnect.
          retryAttempts: 0,
          on: {
            connected: () => {
              this.connected++;
              settle();
            },
            closed: (event) => {
              const { code, reason } = event as { code: number; reason: string };
              if (!this.disposing && code !== 1000) this.fail(`socket closed ${code} ${reason}`);
              settle();
            },
          },
        });
        this.clients.push(client);
        for (const index of members) this.subscribe(client, index);
      });
    await Promise.all(
      Array.from({ length: Math.min(this.options.connectingMax, groups.length) }, async () => {
        while (next < groups.length) await openOne(groups[next++]!);
      }),
    );
  }

  private fail(reason: string): void {
    this.failureCount++;
    this.firstFailure ??= reason;
  }

  private subscribe(client: Client, index: number): void {
    const plan = this.plans[index]!;
    const record = this.records[index]!;
    client.subscribe<{ transactionAdded: { sequence: string } }>(
      { query: SUBSCRIPTION, variables: { walletId: plan.walletId, afterSequence: String(plan.base - 1) } },
      {
        next: (result) => {
          const sequence = result.data?.transactionAdded?.sequence;
          if (sequence === undefined) {
            record.failure ??= `event without data: ${JSON.stringify(result).slice(0, 300)}`;
            this.fail(record.failure);
            return;
          }
          if (record.sequences.length === 0) this.liveCount++;
          record.sequences.push(Number(sequence));
          record.times.push(absoluteNow());
          this.eventCount++;
        },
        error: (error) => {
          if (this.disposing) return;
          const { code, reason } = error as { code?: number; reason?: string };
          record.failure ??= code !== undefined ? `socket closed ${code} ${reason ?? ''}` : JSON.stringify(error).slice(0, 300);
          this.fail(record.failure);
        },
        complete: () => {
          if (this.disposing) return;
          record.failure ??= 'completed by the server';
          this.fail(record.failure);
        },
      },
    );
  }

  progress(): PoolProgress {
    return {
      live: this.liveCount,
      events: this.eventCount,
      failures: this.failureCount,
      firstFailure: this.firstFailure,
      sockets: this.clients.length,
      socketsConnected: this.connected,
    };
  }

  /** Everything received so far. */
  collect(): SubscriptionRecord[] {
    return this.records;
  }

  async dispose(): Promise<void> {
    this.disposing = true;
    await Promise.all(this.clients.map((client) => client.dispose()));
  }
}

/** A wallet the charger charges, and the key it charges with. */
export interface ChargeTarget {
  walletId: string;
  key: string;
}

/** What a charger did: per charge, parallel arrays (the wallet's index, its sequence, sent and answered at). */
export interface ChargeLog {
  wallets: number[];
  sequences: number[];
  sentAt: number[];
  answeredAt: number[];
  errors: number;
  firstError?: string;
  /** Largest delay of a send behind its schedule (in-flight cap or a busy event loop), in ms. */
  scheduleLagMaxMs: number;
  /** Wall time from the first send to the last answer, in ms. */
  wallMs: number;
}

/**
 * Open-loop load: charge k is due at start + k / chargesPerSecond, on wallet k mod W (whatever the
 * answers, so a slow server shows up as latency, not as a lower rate), at most `inFlightMax` at
 * once. `count` charges in all.
 */
export async function runCharges(options: {
  port: number;
  targets: ChargeTarget[];
  count: number;
  chargesPerSecond: number;
  inFlightMax: number;
}): Promise<ChargeLog> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.inFlightMax });
  const bodies = options.targets.map((target) =>
    JSON.stringify({
      query: CHARGE_MUTATION,
      variables: { input: { walletId: target.walletId, amount: CHARGE_AMOUNT, description: CHARGE_DESCRIPTION } },
    }),
  );
  const log: ChargeLog = { wallets: [], sequences: [], sentAt: [], answeredAt: [], errors: 0, scheduleLagMaxMs: 0, wallMs: 0 };
  const intervalMs = 1000 / options.chargesPerSecond;
  const started = performance.now();
  let sent = 0;
  let answered = 0;
  let inFlight = 0;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const fail = (reason: string) => {
    log.errors++;
    log.firstError ??= reason;
  };
  const send = (k: number) => {
    const wallet = k % options.targets.length;
    const sentAt = absoluteNow();
    inFlight++;
    postJson(agent, options.port, options.targets[wallet]!.key, bodies[wallet]!)
      .then((answer) => {
        const answeredAt = absoluteNow();
        if (answer.status !== 200) return fail(`HTTP ${answer.status}: ${answer.body.slice(0, 300)}`);
        const parsed = JSON.parse(answer.body) as { data?: { charge?: { transaction?: { sequence?: string } } }; errors?: unknown[] };
        const sequence = parsed.data?.charge?.transaction?.sequence;
        if (parsed.errors?.length || sequence === undefined) return fail(`GraphQL error: ${answer.body.slice(0, 300)}`);
        log.wallets.push(wallet);
        log.sequences.push(Number(sequence));
        log.sentAt.push(sentAt);
        log.answeredAt.push(answeredAt);
      })
      .catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)))
      .finally(() => {
        inFlight--;
        if (++answered === options.count) finish();
        else pump();
      });
  };
  let timer: NodeJS.Timeout | undefined;
  const pump = () => {
    clearTimeout(timer);
    timer = undefined;
    const now = performance.now();
    while (sent < options.count && started + sent * intervalMs <= now && inFlight < options.inFlightMax) {
      log.scheduleLagMaxMs = Math.max(log.scheduleLagMaxMs, now - (started + sent * intervalMs));
      send(sent++);
    }
    if (sent < options.count && inFlight < options.inFlightMax)
      timer = setTimeout(pump, Math.max(0, started + sent * intervalMs - performance.now()));
  };
  if (options.count > 0) {
    pump();
    await finished;
  }
  log.wallMs = performance.now() - started;
  agent.destroy();
  return log;
}

/** Completeness and latency of a run: every subscription against the charges of its wallet. */
export interface FanoutCheck {
  /** Events received for answered charges. */
  delivered: number;
  /** Answered charges' events a subscription never received. */
  missing: number;
  /** Events a subscription received more than once. */
  duplicates: number;
  /** Events received after a higher sequence. */
  outOfOrder: number;
  /** Events of sequences no charge was answered with (a charge that failed on its way back). */
  unexpected: number;
  /** Event arrival − arrival of the charge's HTTP answer, ms, ascending. */
  fromAnswerMs: Float64Array;
  /** Event arrival − the moment the charge was sent, ms, ascending. */
  fromSendMs: Float64Array;
  /** Subscriptions that failed, and the first reasons. */
  failures: number;
  failureReasons: string[];
}

/**
 * Checks every subscription's events against the answered charges of its wallet: each exactly
 * once, in order, after the replay of its base (which counts for duplicates and order only).
 */
export function checkFanout(records: SubscriptionRecord[], logs: ChargeLog[]): FanoutCheck {
  // Per wallet: sequence → index into the flattened charge arrays.
  const byWallet = new Map<number, Map<number, { sentAt: number; answeredAt: number }>>();
  for (const log of logs) {
    for (let index = 0; index < log.wallets.length; index++) {
      let charges = byWallet.get(log.wallets[index]!);
      if (!charges) {
        charges = new Map();
        byWallet.set(log.wallets[index]!, charges);
      }
      charges.set(log.sequences[index]!, { sentAt: log.sentAt[index]!, answeredAt: log.answeredAt[index]! });
    }
  }
  const fromAnswer: number[] = [];
  const fromSend: number[] = [];
  let missing = 0;
  let duplicates = 0;
  let outOfOrder = 0;
  let unexpected = 0;
  let failures = 0;
  const failureReasons = new Set<string>();
  for (const record of records) {
    if (record.failure) {
      failures++;
      if (failureReasons.size < 5) failureReasons.add(record.failure);
    }
    const charges = byWallet.get(record.wallet) ?? new Map();
    const seen = new Set<number>();
    let highest = record.base - 1;
    for (let index = 0; index < record.sequences.length; index++) {
      const sequence = record.sequences[index]!;
      if (seen.has(sequence)) {
        duplicates++;
        continue;
      }
      seen.add(sequence);
      if (sequence < highest) outOfOrder++;
      highest = Math.max(highest, sequence);
      if (sequence === record.base) continue;
      const charge = charges.get(sequence);
      if (!charge) {
        unexpected++;
        continue;
      }
      fromAnswer.push(record.times[index]! - charge.answeredAt);
      fromSend.push(record.times[index]! - charge.sentAt);
    }
    for (const sequence of charges.keys()) if (sequence > record.base && !seen.has(sequence)) missing++;
  }
  return {
    delivered: fromAnswer.length,
    missing,
    duplicates,
    outOfOrder,
    unexpected,
    fromAnswerMs: Float64Array.from(fromAnswer).sort(),
    fromSendMs: Float64Array.from(fromSend).sort(),
    failures,
    failureReasons: [...failureReasons],
  };
}
