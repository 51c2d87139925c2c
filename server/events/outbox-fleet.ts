import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { AlertRecord } from '../domain/alerts/alert-record.js';
import type { TailRow } from '../domain/outbox/outbox.queries.js';
import type { AlertBatch, AlertFeed } from './alert-feed.js';
import { compareOutboxPositions, type OutboxBatch, type OutboxPosition, type OutboxTail } from './outbox-tail.js';
import type { WakeSignal } from './wake-signal.js';
import { log } from '../logging/logger.js';

/** Options of {@link OutboxFleet.start}. */
export interface OutboxFleetOptions {
  /** The fleet's Redis, e.g. `redis://10.0.0.5:6379`. */
  redisUrl: string;
  /** Prefix of the fleet's channels, and part of the election's lock key. */
  keyPrefix: string;
  /** For the election's own connection (outside the pool: it holds the lock for as long as it leads). */
  databaseUrl: string;
  /** This process's tail: fed by the stream, or reading and publishing while this process leads. */
  tail: OutboxTail;
  /** This process's alert feeds (raised, acknowledged), streamed like the tail, each on a channel of its own. */
  alertFeeds: AlertFeed[];
  /** Wait before a failed election connection is opened again, in milliseconds. */
  reconnectDelayMs: number;
  /** TCP keepalive idle time of the election connection, in seconds (then 3 probes 1 s apart). */
  keepaliveIdleSeconds: number;
  /** How often the reader publishes its position when nothing else was published, in milliseconds. */
  heartbeatIntervalMs: number;
  /** Silence from the reader after which this process reads the outbox itself, in milliseconds. */
  staleAfterMs: number;
  /** Where lines for the operator go (becoming or ceasing to be the reader, Redis lost and back). @default the process's logger, at info */
  log?: (line: string) => void;
  onError?: (error: unknown) => void;
}

/** A published batch: `<sender> <from.txId> <from.id> <to.txId> <to.id>` then a newline and the rows as JSON. */
export function encodeOutboxBatch(sender: string, batch: OutboxBatch): string {
  return `${sender} ${batch.from.txId} ${batch.from.id} ${batch.to.txId} ${batch.to.id}\n${JSON.stringify(batch.rows)}`;
}

/** The header of a published batch (its rows are parsed only when needed). */
export function decodeOutboxBatchHeader(message: string): { sender: string; from: OutboxPosition; to: OutboxPosition; rowsJson: string } {
  const newline = message.indexOf('\n');
  const parts = message.slice(0, newline).split(' ');
  if (newline < 0 || parts.length !== 5 || parts.slice(1).some((part) => !/^\d+$/.test(part)))
    throw new Error(`Malformed outbox stream message: ${message.slice(0, 100)}`);
  return {
    sender: parts[0]!,
    from: { txId: parts[1]!, id: parts[2]! },
    to: { txId: parts[3]!, id: parts[4]! },
    rowsJson: message.slice(newline + 1),
  };
}

/** A published alert batch: `<sender> <from> <to>` then a newline and the alerts as JSON (bigints as text, times as epoch ms). */
export function encodeAlertBatch(sender: string, batch: AlertBatch): string {
  const alerts = batch.alerts.map((alert) => ({
    ...alert,
    id: String(alert.id),
    thresholdMicros: alert.thresholdMicros?.toString() ?? null,
    balanceMicros: alert.balanceMicros?.toString() ?? null,
    amountMicros: alert.amountMicros?.toString() ?? null,
    raisedAt: alert.raisedAt.getTime(),
    acknowledgedAt: alert.acknowledgedAt?.getTime() ?? null,
    acknowledgementPosition: alert.acknowledgementPosition?.toString() ?? null,
  }));
  return `${sender} ${batch.from} ${batch.to}\n${JSON.stringify(alerts)}`;
}

/** The header of a published alert batch (its alerts are decoded only when needed). */
export function decodeAlertBatchHeader(message: string): { sender: string; from: bigint; to: bigint; alertsJson: string } {
  const newline = message.indexOf('\n');
  const parts = message.slice(0, newline).split(' ');
  if (newline < 0 || parts.length !== 3 || parts.slice(1).some((part) => !/^\d+$/.test(part)))
    throw new Error(`Malformed alert stream message: ${message.slice(0, 100)}`);
  return { sender: parts[0]!, from: BigInt(parts[1]!), to: BigInt(parts[2]!), alertsJson: message.slice(newline + 1) };
}

/** The alerts of a published alert batch. */
export function decodeAlerts(alertsJson: string): AlertRecord[] {
  const bigintOrNull = (text: string | null) => (text === null ? null : BigInt(text));
  // biome-ignore lint/suspicious/noExplicitAny: the JSON form written by encodeAlertBatch, mapped field by field.
  return (JSON.parse(alertsJson) as any[]).map((alert) => ({
    ...alert,
    id: BigInt(alert.id),
    thresholdMicros: bigintOrNull(alert.thresholdMicros),
    balanceMicros: bigintOrNull(alert.balanceMicros),
    amountMicros: bigintOrNull(alert.amountMicros),
    raisedAt: new Date(alert.raisedAt),
    acknowledgedAt: alert.acknowledgedAt === null ? null : new Date(alert.acknowledgedAt),
    acknowledgementPosition: bigintOrNull(alert.acknowledgementPosition),
  }));
}

/** The lock every process of a fleet waits for; its holder reads the outbox for all. */
export function outboxReaderLockKey(keyPrefix: string): string {
  return `spendwire_outbox_reader:${keyPrefix}`;
}

/**
 * A wake-up signal over one Redis channel: publishing is coalesced (while a PUBLISH is in flight,
 * further publishes collapse into one more) and fails silently while Redis is unreachable (a lost
 * signal costs latency, never an event: readers poll). A process's own signals are not echoed to it.
 */
class RedisWakeSignal implements WakeSignal {
  private readonly listeners = new Set<() => void>();
  private publishing = false;
  private publishAgain = false;

  constructor(
    private readonly publisher: Redis,
    private readonly channel: string,
    private readonly sender: string,
  ) {}

  publish(): void {
    if (this.publishing) {
      this.publishAgain = true;
      return;
    }
    this.publishing = true;
    this.publisher
      .publish(this.channel, this.sender)
      .catch(() => {})
      .finally(() => {
        this.publishing = false;
        if (this.publishAgain) {
          this.publishAgain = false;
          this.publish();
        }
      });
  }

  /** A message on the channel: wakes the listeners unless it is this process's own. */
  heard(message: string): void {
    if (message === this.sender) return;
    for (const listener of [...this.listeners]) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}

/**
 * Fans the outbox out to a fleet of server processes through Redis, so that PostgreSQL is read by
 * one process, not by each.
 *
 * - **Election.** Every process waits, on a dedicated PostgreSQL connection, for one advisory lock
 *   (`pg_advisory_lock`, session level). Its holder is the reader: its tail reads the outbox (woken
 *   by commits anywhere through the `<prefix>outbox-wake` channel, by its own commits and by the
 *   poll) and publishes every batch it read on `<prefix>outbox`, plus a heartbeat with its position.
 *   When the holder dies PostgreSQL ends its session and the next waiter gets the lock at once (a
 *   killed process's socket closes with it; a vanished machine's session ends by TCP keepalive).
 * - **Followers.** Every other process stops reading on its own and hands its tail the published
 *   batches; the tail drops rows at or before its position and reads a gap from PostgreSQL before
 *   later rows. So two readers at once (an old one that has not noticed yet) cost duplicates that
 *   are dropped, never a wrong order.
 * - **Fallback.** A process that hears nothing from a reader for `staleAfterMs` (no reader yet,
 *   Redis unreachable, its subscription lost) reads the outbox itself until the stream resumes; a
 *   reconnect to Redis reads at once what may have been missed meanwhile.
 */
export class OutboxFleet {
  /** This process's id in the stream (its own messages are recognised and skipped). */
  readonly processId = randomBytes(8).toString('hex');
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly dataChannel: string;
  private readonly wakeChannel: string;
  private readonly alertChannel: string;
  private readonly outboxWake: RedisWakeSignal;
  /** Each alert feed's data channel. */
  private readonly alertFeedChannels: Map<string, AlertFeed>;
  private readonly alertWake: RedisWakeSignal;
  private lockClient: pg.Client | undefined;
  private leading = false;
  private stopped = false;
  private lastHeardAtMs = Number.NEGATIVE_INFINITY;
  private lastPublishedAtMs = Number.NEGATIVE_INFINITY;
  private electionTimer: NodeJS.Timeout | undefined;
  private tickTimer: NodeJS.Timeout | undefined;
  private redisDownLogged = false;
  /** Batches published and stream messages received, for monitoring and benchmarks. */
  readonly counts = { published: 0, publishFailures: 0, received: 0, receivedDropped: 0, malformed: 0 };

  private constructor(private readonly options: OutboxFleetOptions) {
    this.dataChannel = `${options.keyPrefix}outbox`;
    this.wakeChannel = `${options.keyPrefix}outbox-wake`;
    this.alertChannel = `${options.keyPrefix}alerts`;
    this.alertFeedChannels = new Map(options.alertFeeds.map((feed) => [`${options.keyPrefix}alert-feed:${feed.source.name}`, feed]));
    const retryStrategy = (attempt: number) => Math.min(attempt * 100, 1_000);
    // Publishing fails at once while Redis is unreachable (queued messages would arrive late and
    // in a burst; the stream does not need them), the subscription is restored by ioredis.
    this.publisher = new Redis(options.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy,
      connectionName: `spendwire-pub-${this.processId}`,
    });
    this.subscriber = new Redis(options.redisUrl, { retryStrategy, connectionName: `spendwire-sub-${this.processId}` });
    this.outboxWake = new RedisWakeSignal(this.publisher, this.wakeChannel, this.processId);
    this.alertWake = new RedisWakeSignal(this.publisher, this.alertChannel, this.processId);
  }

  /**
   * Connects to Redis and joins the election, in the background: the process serves at once,
   * reading the outbox itself until it hears a reader (or becomes it).
   */
  static start(options: OutboxFleetOptions): OutboxFleet {
    const fleet = new OutboxFleet(options);
    fleet.listen();
    fleet.elect();
    fleet.tickTimer = setInterval(() => fleet.tick(), Math.max(10, Math.min(options.heartbeatIntervalMs, options.staleAfterMs / 3)));
    fleet.tickTimer.unref();
    return fleet;
  }

  /**
   * Tells the fleet's reader that alerts were raised or acknowledged (`<prefix>alerts`): its alert
   * feeds read them and publish them to every process. The reader's own wake-ups reach its feeds
   * directly (the caller wakes them), so it publishes nothing.
   */
  readonly alertSignal: WakeSignal = {
    publish: () => {
      if (!this.leading && !this.stopped) this.alertWake.publish();
    },
    subscribe: () => () => {},
    close: async () => {},
  };

  /** True while this process holds the lock and reads the outbox for the fleet. */
  get isReader(): boolean {
    return this.leading;
  }

  /**
   * The commit wake-up of the fleet: tells the reader that something was committed. The reader's
   * own commits wake its tail directly (the caller does), so it publishes nothing.
   */
  readonly commitSignal: WakeSignal = {
    publish: () => {
      if (!this.leading && !this.stopped) this.outboxWake.publish();
    },
    subscribe: () => () => {},
    close: async () => {},
  };

  private log(line: string): void {
    if (this.options.log) this.options.log(line);
    else log.info(line);
  }

  private listen(): void {
    const { tail } = this.options;
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.dataChannel) this.heardBatch(message);
      else if (channel === this.wakeChannel) {
        if (this.leading) tail.wake();
      } else if (channel === this.alertChannel) {
        if (this.leading) this.alertWake.heard(message);
      } else {
        const feed = this.alertFeedChannels.get(channel);
        if (feed) this.heardAlertBatch(feed, message);
      }
    });
    // The reader's alert feeds read when an alert processor (of any process) says it raised or acknowledged some.
    for (const feed of this.options.alertFeeds) this.alertWake.subscribe(() => feed.wake());
    this.subscriber.on('ready', () => {
      if (this.redisDownLogged) this.log('Redis is reachable again: the outbox stream resumes.');
      this.redisDownLogged = false;
      // Whatever was published while this process was not subscribed is read from PostgreSQL.
      tail.readNow();
      for (const feed of this.options.alertFeeds) feed.readNow();
    });
    const lost = (error?: unknown) => {
      if (this.stopped) return;
      if (!this.redisDownLogged) {
        this.redisDownLogged = true;
        this.log(
          `Redis unreachable (${error instanceof Error ? error.message : 'connection closed'}): this process reads the outbox itself until it is back.`,
        );
      }
      this.setSelfReading(true);
    };
    this.subscriber.on('error', lost);
    this.subscriber.on('close', () => lost());
    this.publisher.on('error', () => {});
    void this.subscriber.subscribe(this.dataChannel, ...this.alertFeedChannels.keys()).catch(() => {});
  }

  /** Whether the tail and the alert feeds read PostgreSQL on their own, or are fed by the stream. */
  private setSelfReading(on: boolean): void {
    this.options.tail.setSelfReading(on);
    for (const feed of this.options.alertFeeds) feed.setSelfReading(on);
  }

  private heardAlertBatch(feed: AlertFeed, message: string): void {
    this.heardStreamBatch(
      message,
      decodeAlertBatchHeader,
      (header) => header.to <= feed.readPosition,
      (header) => decodeAlerts(header.alertsJson),
      (header, alerts) => feed.receive({ from: header.from, to: header.to, alerts }),
    );
  }

  private heardBatch(message: string): void {
    const { tail } = this.options;
    this.heardStreamBatch(
      message,
      decodeOutboxBatchHeader,
      (header) => compareOutboxPositions(header.to, tail.readPosition) <= 0,
      (header) => JSON.parse(header.rowsJson) as TailRow[],
      (header, rows) => tail.receive({ from: header.from, to: header.to, rows }),
    );
  }

  /**
   * One batch heard on the stream (outbox rows or an alert feed's alerts): the header is read, this
   * process's own batches skipped, hearing a reader ends reading on our own, a batch already handed
   * out here (a repeat, or read by this process itself) is dropped before its body is even parsed,
   * and the rest is delivered. A message we cannot read is as good as lost: the next one shows the
   * gap, which is then read from PostgreSQL.
   */
  private heardStreamBatch<Header extends { sender: string }, Body>(
    message: string,
    decodeHeader: (message: string) => Header,
    handledAlready: (header: Header) => boolean,
    decodeBody: (header: Header) => Body,
    deliver: (header: Header, body: Body) => void,
  ): void {
    const header = this.decoded(() => decodeHeader(message));
    if (header === undefined || header.sender === this.processId) return;
    this.counts.received++;
    this.lastHeardAtMs = performance.now();
    if (!this.leading) this.setSelfReading(false);
    if (handledAlready(header)) {
      this.counts.receivedDropped++;
      return;
    }
    const body = this.decoded(() => decodeBody(header));
    if (body !== undefined) deliver(header, body);
  }

  /** `decode()`'s result, or undefined (counted as malformed and reported) when it throws. */
  private decoded<T>(decode: () => T): T | undefined {
    try {
      return decode();
    } catch (error) {
      this.counts.malformed++;
      this.options.onError?.(error);
      return undefined;
    }
  }

  /** Opens the election connection and waits for the lock on it; on any failure, tries again later. */
  private elect(): void {
    if (this.stopped) return;
    const { databaseUrl, keepaliveIdleSeconds, keyPrefix } = this.options;
    const client = new pg.Client({
      connectionString: databaseUrl,
      keepAlive: true,
      keepAliveInitialDelayMillis: keepaliveIdleSeconds * 1_000,
      application_name: 'spendwire outbox reader election',
    });
    this.lockClient = client;
    const failed = (error?: unknown) => {
      if (this.lockClient !== client) return;
      this.lockClient = undefined;
      client.end().catch(() => {});
      if (this.leading) this.stepDown(error);
      if (this.stopped) return;
      this.electionTimer = setTimeout(() => this.elect(), this.options.reconnectDelayMs);
      this.electionTimer.unref();
    };
    client.on('error', failed);
    client.on('end', () => failed());
    (async () => {
      await client.connect();
      // PostgreSQL probes the idle session too, so a vanished machine's lock is released; the
      // wait for the lock must not be cut by a database-wide timeout.
      await client.query(
        `select set_config('tcp_keepalives_idle', $1, false), set_config('tcp_keepalives_interval', '1', false),
                set_config('tcp_keepalives_count', '3', false), set_config('statement_timeout', '0', false),
                set_config('lock_timeout', '0', false)`,
        [String(keepaliveIdleSeconds)],
      );
      await client.query('select pg_advisory_lock(hashtextextended($1, 0))', [outboxReaderLockKey(keyPrefix)]);
    })().then(
      () => {
        if (this.lockClient === client && !this.stopped) this.lead();
      },
      (error: unknown) => failed(error),
    );
  }

  private lead(): void {
    const { tail } = this.options;
    this.leading = true;
    tail.publisher = (batch) => this.publish(batch);
    for (const [channel, feed] of this.alertFeedChannels) feed.publisher = (batch) => this.publishAlerts(channel, batch);
    void this.subscriber.subscribe(this.wakeChannel, this.alertChannel).catch(() => {});
    this.setSelfReading(true);
    // Read at once: commits made while no process was the reader wake nobody.
    tail.readNow();
    for (const feed of this.options.alertFeeds) feed.readNow();
    this.heartbeat();
    this.log(`This process now reads the outbox for the fleet (Redis channel ${this.dataChannel}).`);
  }

  private stepDown(error: unknown): void {
    this.leading = false;
    this.options.tail.publisher = undefined;
    for (const feed of this.options.alertFeeds) feed.publisher = undefined;
    void this.subscriber.unsubscribe(this.wakeChannel, this.alertChannel).catch(() => {});
    this.log(
      `This process no longer reads the outbox for the fleet (${error instanceof Error ? error.message : 'its election connection closed'}).`,
    );
  }

  private publish(batch: OutboxBatch): void {
    this.lastPublishedAtMs = performance.now();
    this.publisher.publish(this.dataChannel, encodeOutboxBatch(this.processId, batch)).then(
      () => this.counts.published++,
      // Lost: followers see the gap at the next message (or go stale and read themselves).
      () => this.counts.publishFailures++,
    );
  }

  private publishAlerts(channel: string, batch: AlertBatch): void {
    this.lastPublishedAtMs = performance.now();
    this.publisher.publish(channel, encodeAlertBatch(this.processId, batch)).then(
      () => this.counts.published++,
      () => this.counts.publishFailures++,
    );
  }

  private heartbeat(): void {
    const position = this.options.tail.readPosition;
    this.publish({ from: position, to: position, rows: [] });
    for (const [channel, feed] of this.alertFeedChannels) {
      const feedPosition = feed.readPosition;
      this.publishAlerts(channel, { from: feedPosition, to: feedPosition, alerts: [] });
    }
  }

  private tick(): void {
    if (this.stopped) return;
    const now = performance.now();
    if (this.leading) {
      if (now - this.lastPublishedAtMs >= this.options.heartbeatIntervalMs) this.heartbeat();
      return;
    }
    const healthy = this.subscriber.status === 'ready' && now - this.lastHeardAtMs < this.options.staleAfterMs;
    this.setSelfReading(!healthy);
  }

  /** Leaves the election (releasing the lock, so another process takes over at once) and closes Redis. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.electionTimer);
    clearInterval(this.tickTimer);
    if (this.leading) {
      this.leading = false;
      this.options.tail.publisher = undefined;
      for (const feed of this.options.alertFeeds) feed.publisher = undefined;
    }
    const client = this.lockClient;
    this.lockClient = undefined;
    await client?.end().catch(() => {});
    this.subscriber.disconnect();
    this.publisher.disconnect();
    await this.outboxWake.close();
    await this.alertWake.close();
  }
}
