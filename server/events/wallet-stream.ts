import type { EntityManager } from '@mikro-orm/postgresql';
import { ResumeWindowExceededError } from '../errors.js';
import type { WalletEvent } from './wallet-event.js';
import { readWalletEvents, readWalletSequence, type WalletHubs } from './wallet-hub.js';

/** Thrown into a stream whose consumer fell too far behind. */
export class SubscriberOverflowError extends Error {
  override name = 'SubscriberOverflowError';
}

/** Options of {@link openWalletStream}. */
export interface WalletStreamOptions {
  em: EntityManager;
  hubs: WalletHubs;
  walletId: string;
  /** Replay every event after this sequence first; null starts with the next event. */
  afterSequence: bigint | null;
  /**
   * Most live events waiting for a consumer that does not keep up (received from the tail but not
   * yet taken by the consumer); one more fails the stream with SubscriberOverflowError. The replay
   * does not count: it reads the next page only when the consumer has taken the previous one.
   */
  queueMax: number;
  /** Rows per replay query. */
  replayBatchSize: number;
  /**
   * Whether the consumer needs the wallet's state after each event (reserved credit), which only
   * the outbox records: a replay reaching a transaction whose outbox row retention has deleted then
   * fails with ResumeWindowExceededError. Without it, transactions replay from any sequence. @default false
   */
  walletStateRequired?: boolean;
  /** Called once the stream knows where it starts (its replay, if any, read): events committed after it are delivered. */
  onStarted?: () => void;
}

/**
 * A wallet's events in sequence order, each exactly once: the replay after `afterSequence` from
 * the outbox, then live events from the process's wallet hub. Live events are subscribed to
 * BEFORE the replay is read, and every event is checked against the last sequence delivered: older
 * ones are dropped (the seam's duplicates), and a jump ahead is filled from the outbox first. So
 * there is no gap and no duplicate at the seam, whatever commits meanwhile.
 */
export function openWalletStream(options: WalletStreamOptions): AsyncIterableIterator<WalletEvent> {
  const { em, walletId } = options;
  /** Events ready for the consumer; `live` marks those counted in waitingLive. */
  const ready: { event: WalletEvent; live: boolean }[] = [];
  let last = 0n;
  /** Live events received from the tail and not yet taken by the consumer (or dropped as duplicates). */
  let waitingLive = 0;
  let failure: Error | undefined;
  let finished = false;
  let wakeConsumer: (() => void) | undefined;
  let wakeReplay: (() => void) | undefined;
  let chain: Promise<void> = Promise.resolve();

  const notify = () => {
    const wake = wakeConsumer;
    wakeConsumer = undefined;
    wake?.();
  };
  const fail = (error: Error) => {
    if (failure || finished) return;
    failure = error;
    stopListening();
    notify();
    wakeReplay?.();
  };
  const emit = (event: WalletEvent, live: boolean) => {
    last = event.sequence;
    ready.push({ event, live });
    notify();
  };
  const readRange = async (after: bigint, upTo: bigint | null) => {
    const events = await readWalletEvents(em, walletId, after, upTo, options.replayBatchSize);
    if (options.walletStateRequired && events.some((event) => event.reservedMicros === null)) throw resumeWindowExceeded(after);
    return events;
  };
  /** Steps queued on `chain` and not yet finished. */
  let pendingSteps = 0;
  /** Runs steps one at a time, in arrival order. */
  const enqueue = (step: () => Promise<void>) => {
    pendingSteps++;
    chain = chain
      .then(() => (failure || finished ? undefined : step()))
      .catch((error: Error) => fail(error))
      .finally(() => pendingSteps--);
  };
  const deliverLive = async (event: WalletEvent) => {
    if (event.sequence <= last) {
      waitingLive--;
      return;
    }
    // The hub hands events in order without gaps, so a jump can only come at the seam with the
    // replay; fill it from the outbox (every lower sequence of this wallet has committed).
    while (event.sequence > last + 1n && !failure) {
      const gap = await readRange(last, event.sequence - 1n);
      if (gap.length === 0) throw new Error(`Wallet ${walletId}: events ${last + 1n}..${event.sequence - 1n} are missing from the outbox`);
      for (const missing of gap) emit(missing, false);
    }
    if (!failure) emit(event, true);
  };

  const stopListening = options.hubs.subscribe(walletId, (event) => {
    if (++waitingLive > options.queueMax) {
      fail(new SubscriberOverflowError(`More than ${options.queueMax} events waiting for this subscriber`));
      return;
    }
    // The common case, once past the seam: nothing queued, and the hub's next event is the next
    // sequence. Take it at once: a thousand subscribers of one wallet each get every event, so
    // a promise chain per event per subscriber is what would cost.
    if (pendingSteps === 0 && !failure && !finished) {
      if (event.sequence <= last) {
        waitingLive--;
        return;
      }
      if (event.sequence === last + 1n) {
        emit(event, true);
        return;
      }
    }
    enqueue(() => deliverLive(event));
  });
  enqueue(async () => {
    if (options.afterSequence === null) {
      last = await readWalletSequence(em, walletId);
      options.onStarted?.();
      return;
    }
    last = options.afterSequence;
    for (;;) {
      const page = await readRange(last, null);
      for (const event of page) emit(event, false);
      if (page.length < options.replayBatchSize || failure) return options.onStarted?.();
      // Backpressure: the next page only once the consumer has taken this one.
      while (ready.length > 0 && !failure && !finished) await new Promise<void>((resolve) => (wakeReplay = resolve));
    }
  });

  const finish = () => {
    finished = true;
    stopListening();
    notify();
    wakeReplay?.();
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next(): Promise<IteratorResult<WalletEvent>> {
      for (;;) {
        if (failure) {
          finish();
          throw failure;
        }
        const item = ready.shift();
        if (item) {
          if (item.live) waitingLive--;
          if (ready.length === 0) {
            const resume = wakeReplay;
            wakeReplay = undefined;
            resume?.();
          }
          return { done: false, value: item.event };
        }
        if (finished) return { done: true, value: undefined };
        await new Promise<void>((resolve) => (wakeConsumer = resolve));
      }
    },
    async return(): Promise<IteratorResult<WalletEvent>> {
      finish();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown): Promise<IteratorResult<WalletEvent>> {
      finish();
      throw error;
    },
  };
}

/** The error of a wallet-state replay from `afterSequence` that reaches past the outbox's retention. */
export function resumeWindowExceeded(afterSequence: bigint): ResumeWindowExceededError {
  return new ResumeWindowExceededError(
    `afterSequence ${afterSequence} is older than the outbox keeps wallet states (outboxResumeWindowMs): subscribe without afterSequence and read the wallet, or resume transactionAdded, which replays from any sequence`,
    'afterSequence',
    'outboxResumeWindowMs',
  );
}

/**
 * Whether the outbox still holds the wallet's state after transaction `sequence` (false once
 * retention has deleted its row; true when there is no such transaction yet).
 */
export async function walletStateKept(em: EntityManager, walletId: string, sequence: bigint): Promise<boolean> {
  const [row] = await readWalletEvents(em, walletId, sequence - 1n, sequence, 1);
  return row === undefined || row.reservedMicros !== null;
}
