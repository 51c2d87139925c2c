import type { EntityManager } from '@mikro-orm/postgresql';
import { executePrepared, type PreparedStatement } from '../database/prepared-statement.js';
import type { OutboxTail } from './outbox-tail.js';
import { toWalletEvent, WALLET_EVENT_COLUMNS, type WalletEvent, type WalletEventRow } from './wallet-event.js';

/** A wallet's events after one sequence, up to another (or without end), oldest first. */
const READ_WALLET_RANGE: PreparedStatement = {
  name: 'spendwire_wallet_events_range',
  text: `select ${WALLET_EVENT_COLUMNS}
    from outbox_event e join wallet_transaction t on t.id = e.transaction_id
   where e.wallet_id = $1 and e.wallet_sequence > $2::bigint and ($3::bigint is null or e.wallet_sequence <= $3::bigint)
   order by e.wallet_sequence
   limit $4`,
};

const WALLET_SEQUENCE: PreparedStatement = {
  name: 'spendwire_wallet_sequence',
  text: 'select last_sequence::text as last_sequence from wallet where id = $1',
};

/** Thrown into a stream whose consumer fell too far behind. */
export class SubscriberOverflowError extends Error {
  override name = 'SubscriberOverflowError';
}

/** Options of {@link openWalletStream}. */
export interface WalletStreamOptions {
  em: EntityManager;
  tail: OutboxTail;
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
}

/**
 * A wallet's events in sequence order, each exactly once: the replay after `afterSequence` from
 * the outbox, then live events from the process's tail. Live events are subscribed to BEFORE the
 * replay is read, and every event is checked against the last sequence delivered: older ones are
 * dropped (the seam's duplicates), and a jump ahead is filled from the outbox first (the tail
 * follows commit order across the database, which for two transactions of one wallet can differ
 * from their sequence order). So there is no gap and no duplicate at the seam, whatever commits
 * meanwhile.
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
  const readRange = async (after: bigint, upTo: bigint | null): Promise<WalletEvent[]> => {
    const rows = await executePrepared<WalletEventRow>(em, READ_WALLET_RANGE, [
      walletId,
      after.toString(),
      upTo === null ? null : upTo.toString(),
      options.replayBatchSize,
    ]);
    return rows.map(toWalletEvent);
  };
  /** Runs steps one at a time, in arrival order. */
  const enqueue = (step: () => Promise<void>) => {
    chain = chain.then(() => (failure || finished ? undefined : step())).catch((error: Error) => fail(error));
  };
  const deliverLive = async (event: WalletEvent) => {
    if (event.sequence <= last) {
      waitingLive--;
      return;
    }
    // Fill a jump ahead from the outbox: every lower sequence of this wallet has committed.
    while (event.sequence > last + 1n && !failure) {
      const gap = await readRange(last, event.sequence - 1n);
      if (gap.length === 0) throw new Error(`Wallet ${walletId}: events ${last + 1n}..${event.sequence - 1n} are missing from the outbox`);
      for (const missing of gap) emit(missing, false);
    }
    if (!failure) emit(event, true);
  };

  const stopListening = options.tail.onWalletEvent(walletId, (event) => {
    if (++waitingLive > options.queueMax) {
      fail(new SubscriberOverflowError(`More than ${options.queueMax} events waiting for this subscriber`));
      return;
    }
    enqueue(() => deliverLive(event));
  });
  enqueue(async () => {
    if (options.afterSequence === null) {
      const [row] = await executePrepared<{ last_sequence: string }>(em, WALLET_SEQUENCE, [walletId]);
      last = BigInt(row?.last_sequence ?? '0');
      return;
    }
    last = options.afterSequence;
    for (;;) {
      const page = await readRange(last, null);
      for (const event of page) emit(event, false);
      if (page.length < options.replayBatchSize || failure) return;
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
