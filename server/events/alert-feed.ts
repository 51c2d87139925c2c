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
  /** Told by alert processors (of any process) that they raised alerts. */
  signal: WakeSignal;
  /** Reads even without a signal this often, in milliseconds: a lost NOTIFY delays, never loses. */
  pollIntervalMs: number;
  /** Alerts read per query. */
  batchSize: number;
  /** Which feed: alerts as raised (the default) or as acknowledged. */
  source?: AlertFeedSource;
  onError?: (error: unknown) => void;
}

/**
 * One per server process and source: follows the alert table from the moment it starts and hands
 * every new alert (or acknowledgement), in position order, to this process's listeners. Positions
 * are commit order (alert ids: one alert processor writes at a time, under a lock held to commit;
 * acknowledgement positions: under the acknowledgement head's row lock), so reading
 * `position > last` never skips one.
 */
export class AlertFeed {
  private lastId = 0n;
  private readonly listeners = new Set<(alert: AlertRecord) => void>();
  private reading = false;
  private readAgain = false;
  private stopped = false;
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
    feed.unsubscribe = options.signal.subscribe(() => feed.wake());
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

  /** Reads new alerts soon (coalesced with a read in progress). */
  wake(): void {
    if (this.stopped) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = true;
    // The feed serves every alert subscriber of the process: its reads belong to no operation.
    void outsideOperation(() => this.readUntilCaughtUp());
  }

  /** Resolves once every alert committed before this call has been handed out. */
  async caughtUp(): Promise<void> {
    const done = new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    this.wake();
    return done;
  }

  private async readUntilCaughtUp(): Promise<void> {
    try {
      do {
        this.readAgain = false;
        for (;;) {
          const alerts = await this.source.readAfter(this.options.em, { afterId: this.lastId, limit: this.options.batchSize });
          for (const alert of alerts) {
            this.lastId = this.source.positionOf(alert);
            for (const listener of [...this.listeners]) listener(alert);
          }
          if (alerts.length < this.options.batchSize) break;
        }
      } while (this.readAgain && !this.stopped);
    } catch (error) {
      this.options.onError?.(error);
    } finally {
      this.reading = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  /** Stops following; resolves once a read in progress has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
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
