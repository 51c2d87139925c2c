import type { EntityManager } from '@mikro-orm/postgresql';
import { outsideOperation } from '../database/operation-budget.js';
import type { AlertRecord } from '../domain/alerts/alert-record.js';
import type { AlertKind } from '../domain/alerts/alert-kinds.js';
import { RAISED_ALERTS, type AlertFeedSource } from '../domain/alerts/read-alerts.service.js';
import type { WakeSignal } from './wake-signal.js';

/** The NOTIFY channel the alert processor publishes on after it raised alerts. */
export const ALERT_CHANNEL = 'spendwire_alerts';

/** Options of {@link AlertFeed.start}. */
export interface AlertFeedOptions {
  em: EntityManager;
  /** Told by alert processors (of any process) that they raised alerts; none in a fleet, whose reader is woken through Redis. */
  signal?: WakeSignal;
  /** Reads even without a signal this often, in milliseconds: a lost NOTIFY delays, never loses. */
  pollIntervalMs: number;
  /** Alerts read per query. */
  batchSize: number;
  /** Which feed: alerts as raised (the default) or as acknowledged. */
  source?: AlertFeedSource;
  onError?: (error: unknown) => void;
  /** Most received batches kept waiting (see {@link AlertFeed.receive}); one more drops the oldest. @default 1000 */
  inboxBatchesMax?: number;
}

/**
 * A run of consecutive items of a feed, as one process reads them and hands them to others: every
 * item after position `from` up to and including `to`. No items and `from` = `to` is a heartbeat.
 */
export interface AlertBatch {
  from: bigint;
  to: bigint;
  alerts: AlertRecord[];
}

/**
 * One per server process and source: follows the alert table from the moment it starts and hands
 * every new alert (or acknowledgement), in position order, to this process's listeners. Positions
 * are commit order (alert ids: one alert processor writes at a time, under a lock held to commit;
 * acknowledgement positions: under the acknowledgement head's row lock), so reading
 * `position > last` never skips one.
 *
 * In a fleet (see `outbox-fleet.ts`) only the elected reader's feeds read PostgreSQL and publish
 * what they read ({@link AlertFeed.publisher}); the others are fed those batches
 * ({@link AlertFeed.receive}), reading a gap from PostgreSQL first and dropping repeats by position.
 */
export class AlertFeed {
  private lastId = 0n;
  private readonly listeners = new Set<(alert: AlertRecord) => void>();
  /** A read or the handling of received batches is running (never two at once). */
  private reading = false;
  private readAgain = false;
  private stopped = false;
  /** Whether wake-ups and the poll read PostgreSQL; false while fed by a fleet's reader. */
  private selfReading = true;
  private readonly inbox: AlertBatch[] = [];
  private retryTimer: NodeJS.Timeout | undefined;
  /** Reads of PostgreSQL since the start, for monitoring and benchmarks. */
  databaseReads = 0;
  /** Set while this process is the fleet's reader: told of every batch read from PostgreSQL. */
  publisher: ((batch: AlertBatch) => void) | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private idleWaiters: (() => void)[] = [];

  /** Which feed this follows. */
  readonly source: AlertFeedSource;

  private constructor(private readonly options: AlertFeedOptions) {
    this.source = options.source ?? RAISED_ALERTS;
  }

  static async start(options: AlertFeedOptions): Promise<AlertFeed> {
    const feed = new AlertFeed(options);
    feed.lastId = await feed.source.head(options.em);
    feed.unsubscribe = options.signal?.subscribe(() => feed.wake());
    feed.pollTimer = setInterval(() => feed.wake(), options.pollIntervalMs);
    feed.pollTimer.unref();
    return feed;
  }

  /** The last position handed out here (the retention job keeps the alerts after it). */
  get readPosition(): bigint {
    return this.lastId;
  }

  /** Calls `listener` with every alert committed from now on, in position order. Returns the unsubscribe. */
  onAlert(listener: (alert: AlertRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Listeners (open alert streams) in this process, for tests and monitoring. */
  listenerCount(): number {
    return this.listeners.size;
  }

  /** Alerts were raised or acknowledged: reads soon (coalesced with a read in progress), unless fed by a fleet's reader. */
  wake(): void {
    if (this.selfReading) this.readNow();
  }

  /** Reads PostgreSQL soon, whoever feeds this feed (coalesced with a read in progress). */
  readNow(): void {
    if (this.stopped) return;
    this.readAgain = true;
    this.pump();
  }

  /** Whether the feed reads PostgreSQL on its own (wake-ups, the poll); turning it on reads at once. */
  setSelfReading(on: boolean): void {
    if (this.selfReading === on) return;
    this.selfReading = on;
    if (on) this.readNow();
  }

  /** True while the feed reads PostgreSQL on its own. */
  get isSelfReading(): boolean {
    return this.selfReading;
  }

  /**
   * Hands out a batch read by another process: items at or before this feed's position are
   * dropped (repeats), and when the batch starts beyond the position the gap is read first.
   */
  receive(batch: AlertBatch): void {
    if (this.stopped) return;
    // Dropping a waiting batch is safe: the next one starts beyond the position, which reads the gap.
    if (this.inbox.length >= (this.options.inboxBatchesMax ?? 1_000)) this.inbox.shift();
    this.inbox.push(batch);
    this.pump();
  }

  /** Resolves once every alert committed before this call has been handed out. */
  async caughtUp(): Promise<void> {
    const done = new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    this.readNow();
    if (this.stopped) for (const resolve of this.idleWaiters.splice(0)) resolve();
    return done;
  }

  private pump(): void {
    if (this.reading || this.stopped) return;
    this.reading = true;
    // The feed serves every alert subscriber of the process: its reads belong to no operation.
    void outsideOperation(() => this.run());
  }

  /** The feed's one worker: reads when asked, then hands out received batches in order (a gap is read first). */
  private async run(): Promise<void> {
    /** The head batch already caused a read of its gap: if the gap is still there, retry later rather than spin. */
    let gapRead = false;
    try {
      for (;;) {
        if (this.stopped) break;
        if (this.readAgain) {
          this.readAgain = false;
          await this.readFromDatabase();
          continue;
        }
        const batch = this.inbox[0];
        if (!batch) break;
        if (batch.to <= this.lastId) {
          this.inbox.shift();
          continue;
        }
        if (batch.from > this.lastId) {
          if (gapRead) break;
          gapRead = true;
          this.readAgain = true;
          continue;
        }
        this.inbox.shift();
        gapRead = false;
        for (const alert of batch.alerts) if (this.source.positionOf(alert) > this.lastId) this.hand(alert);
      }
    } catch (error) {
      this.options.onError?.(error);
    } finally {
      this.reading = false;
      clearTimeout(this.retryTimer);
      if (this.inbox.length > 0 && !this.stopped) {
        this.retryTimer = setTimeout(() => this.pump(), this.options.pollIntervalMs);
        this.retryTimer.unref();
      }
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private async readFromDatabase(): Promise<void> {
    for (;;) {
      const from = this.lastId;
      this.databaseReads++;
      const alerts = await this.source.readAfter(this.options.em, { afterId: from, limit: this.options.batchSize });
      for (const alert of alerts) this.hand(alert);
      if (alerts.length > 0) this.publisher?.({ from, to: this.lastId, alerts });
      if (alerts.length < this.options.batchSize || this.stopped) return;
    }
  }

  private hand(alert: AlertRecord): void {
    this.lastId = this.source.positionOf(alert);
    for (const listener of [...this.listeners]) listener(alert);
  }

  /** Stops following; resolves once a read in progress has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearTimeout(this.retryTimer);
    this.publisher = undefined;
    this.unsubscribe?.();
    if (this.reading) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }
}

/** Raised inside a stream whose consumer fell more than `queueMax` alerts behind. */
export class AlertSubscriberOverflowError extends Error {
  constructor() {
    super('Alert subscriber fell behind: resume with afterPosition');
  }
}

/** Options of {@link openAlertStream}. */
export interface AlertStreamOptions {
  em: EntityManager;
  feed: AlertFeed;
  /** Replay alerts after this position first; null: only alerts committed from now on. */
  afterId: bigint | null;
  /** Only this account's alerts; null: every account's. */
  accountId: string | null;
  /** Only these kinds; null: every kind. */
  kinds: readonly AlertKind[] | null;
  /** Most alerts waiting for a slow consumer before the stream fails with {@link AlertSubscriberOverflowError}. */
  queueMax: number;
  /** Alerts read per replay query. */
  replayBatchSize: number;
}

/**
 * Every matching alert after `afterId` (or from now on), in position order, exactly once: the live
 * listener is registered before the replay is read, and an alert arriving both ways is delivered
 * once (positions only grow).
 */
export function openAlertStream(options: AlertStreamOptions): AsyncIterableIterator<AlertRecord> {
  const source = options.feed.source;
  const matches = (alert: AlertRecord) =>
    (options.accountId === null || alert.accountId === options.accountId) && (options.kinds === null || options.kinds.includes(alert.kind));
  const live: AlertRecord[] = [];
  let overflowed = false;
  let done = false;
  let wake: (() => void) | undefined;
  const unsubscribe = options.feed.onAlert((alert) => {
    if (done || !matches(alert)) return;
    if (live.length >= options.queueMax) overflowed = true;
    else live.push(alert);
    wake?.();
  });
  let position: bigint | null = options.afterId;
  let replaying = true;
  const replayed: AlertRecord[] = [];

  const finish = (): IteratorResult<AlertRecord> => {
    done = true;
    unsubscribe();
    wake?.();
    return { done: true, value: undefined };
  };

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next(): Promise<IteratorResult<AlertRecord>> {
      while (!done) {
        if (replaying) {
          if (position === null) {
            position = await source.head(options.em);
            replaying = false;
            continue;
          }
          if (replayed.length === 0) {
            const page = await source.readAfter(options.em, {
              afterId: position,
              limit: options.replayBatchSize,
              accountId: options.accountId,
              kinds: options.kinds,
            });
            if (page.length === 0) {
              replaying = false;
              continue;
            }
            replayed.push(...page);
          }
          const alert = replayed.shift()!;
          position = source.positionOf(alert);
          return { done: false, value: alert };
        }
        if (overflowed) {
          finish();
          throw new AlertSubscriberOverflowError();
        }
        const alert = live.shift();
        if (alert !== undefined) {
          if (source.positionOf(alert) <= position!) continue;
          position = source.positionOf(alert);
          return { done: false, value: alert };
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
      return { done: true, value: undefined };
    },
    async return(): Promise<IteratorResult<AlertRecord>> {
      return finish();
    },
    async throw(error: unknown): Promise<IteratorResult<AlertRecord>> {
      finish();
      throw error;
    },
  };
}
