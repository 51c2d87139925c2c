import type { EntityManager } from '@mikro-orm/postgresql';
import {
  selectHeldBack,
  selectOutboxHead,
  selectTailRowsAfter,
  type OutboxPosition,
  type TailRow,
} from '../domain/outbox/outbox.queries.js';

export type { OutboxPosition } from '../domain/outbox/outbox.queries.js';
import { toWalletEvent, type WalletEvent } from './wallet-event.js';
import type { WakeSignal } from './wake-signal.js';

/** A change of a campaign or of one of its calls: listeners re-read its current state. */
export interface EntityChange {
  type: 'CAMPAIGN_UPDATED' | 'CALL_UPDATED';
  accountId: string;
  /** The campaign, or the call's campaign; null for an inbound call (listened to by account). */
  campaignId: string | null;
  /** Set for CALL_UPDATED. */
  callId: string | null;
  /** The object's version after the change: a state at or above it already includes the change. */
  version: bigint;
}

/** How long after its last read the tail looks for rows held back behind a running transaction, in milliseconds. */
const HELD_BACK_CHECK_MS = 10;

/** Orders rows by their wallet sequence (a bigint as text: no sign, no leading zeros), as numbers. */
function byWalletSequence(a: TailRow, b: TailRow): number {
  const x = a.event_wallet_sequence;
  const y = b.event_wallet_sequence;
  return x.length !== y.length ? x.length - y.length : x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The wallet transactions that tail rows stand for: one per row read with its transaction, a row's
 * `transaction_count` for one read without (its wallet not listened to), 1 for other types.
 */
function transactionsRead(rows: readonly TailRow[]): number {
  let transactions = 0;
  for (const row of rows)
    transactions += row.event_type === 'WALLET_TRANSACTION' && row.wallet_id === null ? row.event_transaction_count : 1;
  return transactions;
}

/** Orders two decimal strings of non-negative integers (no sign, no leading zeros) as numbers. */
function compareDecimal(x: string, y: string): number {
  return x.length !== y.length ? x.length - y.length : x < y ? -1 : x > y ? 1 : 0;
}

/** Orders outbox positions: by writer's transaction id, then row id (the order readers follow). */
export function compareOutboxPositions(a: OutboxPosition, b: OutboxPosition): number {
  return compareDecimal(a.txId, b.txId) || compareDecimal(a.id, b.id);
}

/** The position of a row of the tail. */
export function positionOfRow(row: TailRow): OutboxPosition {
  return { txId: row.event_tx_id, id: row.event_id };
}

/**
 * A run of consecutive outbox rows, as one process reads them and hands them to others: every row
 * after `from` up to and including `to`, in position order. No rows and `from` = `to` is a
 * heartbeat: the sender has read up to there.
 */
export interface OutboxBatch {
  from: OutboxPosition;
  to: OutboxPosition;
  rows: TailRow[];
}

/** Options of {@link OutboxTail.start}. */
export interface OutboxTailOptions {
  /** For queries (its connection pool; never a transaction). */
  em: EntityManager;
  /** Wakes the tail on commits elsewhere; none in a fleet, whose reader is woken through Redis. */
  signal?: WakeSignal;
  /** Rows read per query. */
  batchSize: number;
  /** Reads even without a signal this often, in milliseconds: a lost NOTIFY delays, never loses. */
  pollIntervalMs: number;
  /**
   * Least time between the starts of two reads that wake-ups ({@link OutboxTail.wake}) cause, in
   * milliseconds: a wake-up sooner than that after the last read waits for the rest of it, with
   * every other wake-up meanwhile (`outboxTailReadIntervalMinMs`). {@link OutboxTail.readNow} is
   * never delayed. @default 0
   */
  readIntervalMinMs?: number;
  /** Where failures of a background read are reported. */
  onError?: (error: unknown) => void;
  /** Most received batches kept waiting (see {@link OutboxTail.receive}); one more drops the oldest. @default 1000 */
  inboxBatchesMax?: number;
  /**
   * Most wallets listened to in this process for which a read brings back only their transactions
   * (`outboxTailListenedWalletsMax`); with more, or as a fleet's reader (which publishes what it
   * reads to every process), a read brings back every transaction. @default 256
   */
  listenedWalletsMax?: number;
}

/**
 * One per server process: follows the outbox from the moment it starts and hands each wallet
 * event to this process's listeners of that wallet. Reading is triggered by the wake signal (a
 * commit anywhere), by {@link OutboxTail.wake} (a commit here) and by a slow poll; reads never
 * overlap, and a trigger during a read causes one more read after it.
 *
 * In a fleet (see `outbox-fleet.ts`) one process reads and publishes what it read
 * ({@link OutboxTail.publisher}); the others stop reading on their own
 * ({@link OutboxTail.setSelfReading}) and are fed the published batches
 * ({@link OutboxTail.receive}): a batch that starts beyond this tail's position is preceded by a
 * read of the gap from PostgreSQL, and rows at or before the position are dropped, so the rows are
 * handed out in position order, each once, whatever is lost, repeated or published twice.
 */
export class OutboxTail {
  private position: OutboxPosition = { txId: '0', id: '0' };
  private readonly listeners = new Map<string, Set<(event: WalletEvent) => void>>();
  private readonly campaignListeners = new Map<string, Set<(change: EntityChange) => void>>();
  /** Listeners of the inbound calls of an account (calls without a campaign), by account id. */
  private readonly inboundCallListeners = new Map<string, Set<(change: EntityChange) => void>>();
  private readonly walletChangeListeners = new Map<string, Set<() => void>>();
  /** A read or the handling of received batches is running (never two at once). */
  private reading = false;
  private readAgain = false;
  private stopped = false;
  /** Whether wake-ups, the poll and held-back checks read the outbox; false while fed by a fleet's reader. */
  private selfReading = true;
  /** Batches received from the fleet's reader, not yet handled. */
  private readonly inbox: OutboxBatch[] = [];
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly advanceListeners = new Set<() => void>();
  /** Reads of the outbox from PostgreSQL (rows and held-back checks) since the start, for monitoring and benchmarks. */
  databaseReads = 0;
  /** Of those, reads of a gap in the received batches (a lost message, a reconnect, a new reader). */
  gapReads = 0;
  /** Wallet transactions read back with their outbox rows since the start (see {@link OutboxTailOptions.listenedWalletsMax}). */
  transactionRowsRead = 0;
  /** Times this tail went back to reading the outbox on its own (see {@link setSelfReading}). */
  selfReadingStarts = 0;
  /** Set while this process is the fleet's reader: told of every batch read from PostgreSQL. */
  publisher: ((batch: OutboxBatch) => void) | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private heldBackTimer: NodeJS.Timeout | undefined;
  /** The wait before the next held-back check: doubles while reads find nothing new (a long transaction), up to the poll interval. */
  private heldBackDelayMs = HELD_BACK_CHECK_MS;
  private unsubscribe: (() => void) | undefined;
  private idleWaiters: (() => void)[] = [];
  /** When the last read of the outbox started (performance.now()). */
  private lastReadStartedAtMs = Number.NEGATIVE_INFINITY;
  /** A wake-up waiting for {@link OutboxTailOptions.readIntervalMinMs} to pass since the last read. */
  private spacedReadTimer: NodeJS.Timeout | undefined;

  private constructor(private readonly options: OutboxTailOptions) {}

  /** Starts following from the current head of the outbox. */
  static async start(options: OutboxTailOptions): Promise<OutboxTail> {
    const tail = new OutboxTail(options);
    const head = await selectOutboxHead.maybeOne(options.em);
    if (head) tail.position = { txId: head.tx_id, id: head.id };
    tail.unsubscribe = options.signal?.subscribe(() => tail.wake());
    tail.pollTimer = setInterval(() => tail.wake(), options.pollIntervalMs);
    tail.pollTimer.unref();
    return tail;
  }

  /** Where the tail has read up to: every row at or before it has been handed out (the retention job keeps what lies after). */
  get readPosition(): OutboxPosition {
    return this.position;
  }

  /** Calls `listener` with every event of `walletId` committed from now on. Returns the unsubscribe. */
  onWalletEvent(walletId: string, listener: (event: WalletEvent) => void): () => void {
    let set = this.listeners.get(walletId);
    if (!set) {
      set = new Set();
      this.listeners.set(walletId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(walletId) === set) this.listeners.delete(walletId);
    };
  }

  /** Calls `listener` with every change of campaign `campaignId` or of its calls committed from now on. Returns the unsubscribe. */
  onCampaignChange(campaignId: string, listener: (change: EntityChange) => void): () => void {
    let set = this.campaignListeners.get(campaignId);
    if (!set) {
      set = new Set();
      this.campaignListeners.set(campaignId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.campaignListeners.get(campaignId) === set) this.campaignListeners.delete(campaignId);
    };
  }

  /**
   * Calls `listener` with each change of an inbound call of account `accountId` committed from now
   * on (CALL_UPDATED rows without a campaign). Returns the unsubscribe.
   */
  onInboundCallChange(accountId: string, listener: (change: EntityChange) => void): () => void {
    let set = this.inboundCallListeners.get(accountId);
    if (!set) {
      set = new Set();
      this.inboundCallListeners.set(accountId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.inboundCallListeners.get(accountId) === set) this.inboundCallListeners.delete(accountId);
    };
  }

  /**
   * Calls `listener` after each read that found any change of wallet `walletId` committed from
   * now on: a transaction, a reservation or a status change (once per read, however many).
   * Returns the unsubscribe.
   */
  onWalletChange(walletId: string, listener: () => void): () => void {
    let set = this.walletChangeListeners.get(walletId);
    if (!set) {
      set = new Set();
      this.walletChangeListeners.set(walletId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.walletChangeListeners.get(walletId) === set) this.walletChangeListeners.delete(walletId);
    };
  }

  /**
   * Calls `listener` after each read or received batch that moved the position (new rows are
   * readable: outbox consumers may have work). Returns the unsubscribe.
   */
  onAdvance(listener: () => void): () => void {
    this.advanceListeners.add(listener);
    return () => this.advanceListeners.delete(listener);
  }

  /**
   * Something was committed: reads the outbox soon (coalesced with any read in progress, and no
   * sooner than `readIntervalMinMs` after the last read started), unless fed by a fleet's reader.
   */
  wake(): void {
    if (!this.selfReading || this.stopped || this.spacedReadTimer) return;
    const waitMs = this.lastReadStartedAtMs + (this.options.readIntervalMinMs ?? 0) - performance.now();
    if (waitMs <= 0) {
      this.readNow();
      return;
    }
    // Under load the next commit comes before the interval is over: one read then takes them all.
    this.spacedReadTimer = setTimeout(() => {
      this.spacedReadTimer = undefined;
      if (this.selfReading) this.readNow();
    }, waitMs);
    this.spacedReadTimer.unref();
  }

  /** Reads the outbox from PostgreSQL soon, whoever feeds this tail (coalesced with any read in progress). */
  readNow(): void {
    if (this.stopped) return;
    this.readAgain = true;
    this.pump();
  }

  /**
   * Whether this tail reads the outbox on its own (wake-ups, the poll, held-back checks): true
   * alone or as the fleet's reader, false while the fleet's reader feeds it. Turning it on reads at
   * once (catching up on anything the stream did not bring).
   */
  setSelfReading(on: boolean): void {
    if (this.selfReading === on) return;
    this.selfReading = on;
    if (on) {
      this.selfReadingStarts++;
      this.readNow();
    } else clearTimeout(this.heldBackTimer);
  }

  /** True while the tail reads the outbox on its own. */
  get isSelfReading(): boolean {
    return this.selfReading;
  }

  /**
   * Hands out a batch read by another process: rows at or before this tail's position are dropped
   * (repeats), and when the batch starts beyond the position the gap is read from PostgreSQL first.
   */
  receive(batch: OutboxBatch): void {
    if (this.stopped) return;
    // Dropping a waiting batch is safe: the next one starts beyond the position, which reads the gap.
    if (this.inbox.length >= (this.options.inboxBatchesMax ?? 1_000)) this.inbox.shift();
    this.inbox.push(batch);
    this.pump();
  }

  /** Batches received and not yet handled (for tests and monitoring). */
  get inboxLength(): number {
    return this.inbox.length;
  }

  private pump(): void {
    if (this.reading || this.stopped) return;
    this.reading = true;
    void this.run();
  }

  /**
   * Rows committed behind a transaction that was still running when the tail read (a job that
   * writes no outbox row, so no wake-up comes when it ends) would wait for the next poll. So,
   * {@link HELD_BACK_CHECK_MS} after the last read (under load another read always comes first and
   * this costs nothing), the tail looks whether committed rows that a read would return lie beyond
   * its position, and reads again if so; while none do but a transaction is still running (a long
   * job), or while such reads find nothing new, it looks again, the wait doubling.
   */
  private scheduleHeldBackCheck(): void {
    clearTimeout(this.heldBackTimer);
    if (this.stopped) return;
    if (!this.selfReading) return;
    this.heldBackTimer = setTimeout(() => {
      this.heldBackTimer = undefined;
      // A read already waiting for its turn looks further than this check would.
      if (this.reading || this.stopped || !this.selfReading || this.spacedReadTimer) return;
      this.databaseReads++;
      selectHeldBack.maybeOne(this.options.em, { txId: this.position.txId, id: this.position.id }).then(
        (held) => {
          if (held?.held) this.wake();
          else if (held?.running && !this.reading && !this.stopped) {
            // Rows may be held back behind a transaction still running: look again, the wait doubling.
            this.heldBackDelayMs = Math.min(this.heldBackDelayMs * 2, this.options.pollIntervalMs);
            this.scheduleHeldBackCheck();
          }
        },
        (error) => this.options.onError?.(error),
      );
    }, this.heldBackDelayMs);
    this.heldBackTimer.unref();
  }

  /**
   * Resolves once the tail has read everything committed before this call that no transaction
   * still running holds back (for tests and shutdown).
   */
  async caughtUp(): Promise<void> {
    const done = new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    // readNow() starts a read, or, when one is running, asks for one more pass after it.
    this.readNow();
    if (this.stopped) for (const resolve of this.idleWaiters.splice(0)) resolve();
    return done;
  }

  /**
   * The tail's one worker: reads when asked, then hands out the received batches in order (a
   * batch beyond the position first reads the gap). Runs until nothing is left to do.
   */
  private async run(): Promise<void> {
    let progressed = false;
    /** The head batch already caused a read of its gap: if the gap is still there, retry later rather than spin. */
    let gapRead = false;
    try {
      for (;;) {
        if (this.stopped) break;
        if (this.readAgain) {
          this.readAgain = false;
          if (await this.readFromDatabase()) progressed = true;
          continue;
        }
        const batch = this.inbox[0];
        if (!batch) break;
        if (compareOutboxPositions(batch.to, this.position) <= 0) {
          this.inbox.shift();
          continue;
        }
        if (compareOutboxPositions(batch.from, this.position) > 0) {
          // Rows between our position and the batch were missed (a lost message, a reconnect, a new
          // reader that started elsewhere): read them from PostgreSQL before handing out later rows.
          if (gapRead) break;
          gapRead = true;
          this.gapReads++;
          this.readAgain = true;
          continue;
        }
        this.inbox.shift();
        gapRead = false;
        const rows = batch.rows.filter((row) => compareOutboxPositions(positionOfRow(row), this.position) > 0);
        if (rows.length > 0) {
          this.handle(rows);
          progressed = true;
        }
      }
    } catch (error) {
      this.options.onError?.(error);
    } finally {
      this.reading = false;
      if (this.selfReading) {
        this.heldBackDelayMs = progressed ? HELD_BACK_CHECK_MS : Math.min(this.heldBackDelayMs * 2, this.options.pollIntervalMs);
        this.scheduleHeldBackCheck();
      }
      // A failed read, or a gap still open, leaves batches waiting: try again a poll interval later
      // (or at the next batch received, whichever comes first).
      clearTimeout(this.retryTimer);
      if (this.inbox.length > 0 && !this.stopped) {
        this.retryTimer = setTimeout(() => this.pump(), this.options.pollIntervalMs);
        this.retryTimer.unref();
      }
      if (progressed) for (const listener of [...this.advanceListeners]) listener();
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  /** Reads every row committed after the position (below the oldest running transaction); true when it found any. */
  private async readFromDatabase(): Promise<boolean> {
    let progressed = false;
    for (;;) {
      const from = this.position;
      const rows = await this.readRowsAfter(from);
      if (rows.length > 0) {
        this.handle(rows);
        progressed = true;
        // Published as read: the position moved by exactly these rows, so the batch says so.
        this.publisher?.({ from, to: this.position, rows });
      }
      if (transactionsRead(rows) < this.options.batchSize) return progressed;
      if (this.stopped) return progressed;
    }
  }

  /**
   * One read after `from`, with the transactions of the wallets listened to here (of every wallet
   * as a fleet's reader, or past `listenedWalletsMax`). A wallet first listened to, or a publisher
   * set, while the read ran would miss transactions the read left out: then it is read again whole.
   */
  private async readRowsAfter(from: OutboxPosition): Promise<TailRow[]> {
    const read = async (expandAll: boolean) => {
      this.databaseReads++;
      this.lastReadStartedAtMs = performance.now();
      const rows = await selectTailRowsAfter.all(this.options.em, {
        txId: from.txId,
        id: from.id,
        limit: this.options.batchSize,
        expandAll,
        walletIds: expandAll ? [] : [...this.listeners.keys()],
      });
      for (const row of rows) if (row.wallet_id !== null) this.transactionRowsRead++;
      return rows;
    };
    const expandAll = this.publisher !== undefined || this.listeners.size > (this.options.listenedWalletsMax ?? 256);
    const rows = await read(expandAll);
    if (expandAll) return rows;
    const missed = (row: TailRow) =>
      row.event_type === 'WALLET_TRANSACTION' && row.wallet_id === null && this.listeners.has(row.event_wallet_id!);
    return this.publisher !== undefined || rows.some(missed) ? read(true) : rows;
  }

  /** Hands out rows after the position, in position order, and moves the position to the last. */
  private handle(rows: TailRow[]): void {
    this.position = positionOfRow(rows.at(-1)!);
    // Commit order and a wallet's sequence order can differ (a charge takes its transaction
    // id before it waits for the wallet's lock): put each wallet's events of the batch in
    // sequence order, which spares the hubs most gap-filling queries.
    // An event is built only for a wallet someone here listens to at that moment: most rows
    // are of wallets nobody watches, and building one cost ~4 % of the server's CPU per charge.
    const walletRows = rows.filter((row) => row.event_type === 'WALLET_TRANSACTION').sort(byWalletSequence);
    for (const row of walletRows) if (this.listeners.has(row.wallet_id)) this.dispatch(toWalletEvent(row));
    for (const row of rows) if (row.event_type === 'CAMPAIGN_UPDATED' || row.event_type === 'CALL_UPDATED') this.dispatchChange(row);
    if (this.walletChangeListeners.size > 0) {
      const changed = new Set(rows.map((row) => row.event_wallet_id).filter((id): id is string => id !== null));
      for (const walletId of changed) for (const listener of [...(this.walletChangeListeners.get(walletId) ?? [])]) listener();
    }
  }

  private dispatchChange(row: TailRow): void {
    // A call without a campaign is an inbound call: its listeners follow its account.
    const set =
      row.event_campaign_id === null
        ? this.inboundCallListeners.get(row.event_account_id)
        : this.campaignListeners.get(row.event_campaign_id);
    if (!set) return;
    const type = row.event_type as EntityChange['type'];
    const listeners = [...set];
    // A call batch writes one row for its calls of a campaign (`event_call_ids`, `event_call_versions`):
    // each call's change, as a row of its own (one call, or none) gives it.
    const callIds = row.event_call_ids ?? [row.event_call_id];
    const versions = row.event_call_versions ?? [row.event_version!];
    for (let at = 0; at < callIds.length; at++) {
      const change: EntityChange = {
        type,
        accountId: row.event_account_id,
        campaignId: row.event_campaign_id,
        callId: callIds[at] ?? null,
        version: BigInt(versions[at]!),
      };
      for (const listener of listeners) listener(change);
    }
  }

  private dispatch(event: WalletEvent): void {
    const set = this.listeners.get(event.walletId);
    if (!set) return;
    for (const listener of [...set]) listener(event);
  }

  /** True from start until {@link stop}: the tail follows the outbox (readiness reports it). */
  get running(): boolean {
    return !this.stopped;
  }

  /** Stops following; resolves once a read in progress has finished (so the pool can close). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearTimeout(this.heldBackTimer);
    clearTimeout(this.retryTimer);
    clearTimeout(this.spacedReadTimer);
    this.spacedReadTimer = undefined;
    this.publisher = undefined;
    this.unsubscribe?.();
    if (this.reading) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }
}
