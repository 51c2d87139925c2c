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

/** Options of {@link OutboxTail.start}. */
export interface OutboxTailOptions {
  /** For queries (its connection pool; never a transaction). */
  em: EntityManager;
  signal: WakeSignal;
  /** Rows read per query. */
  batchSize: number;
  /** Reads even without a signal this often, in milliseconds: a lost NOTIFY delays, never loses. */
  pollIntervalMs: number;
  /** Where failures of a background read are reported. */
  onError?: (error: unknown) => void;
}

/**
 * One per server process: follows the outbox from the moment it starts and hands each wallet
 * event to this process's listeners of that wallet. Reading is triggered by the wake signal (a
 * commit anywhere), by {@link OutboxTail.wake} (a commit here) and by a slow poll; reads never
 * overlap, and a trigger during a read causes one more read after it.
 */
export class OutboxTail {
  private position: OutboxPosition = { txId: '0', id: '0' };
  private readonly listeners = new Map<string, Set<(event: WalletEvent) => void>>();
  private readonly campaignListeners = new Map<string, Set<(change: EntityChange) => void>>();
  /** Listeners of the inbound calls of an account (calls without a campaign), by account id. */
  private readonly inboundCallListeners = new Map<string, Set<(change: EntityChange) => void>>();
  private readonly walletChangeListeners = new Map<string, Set<() => void>>();
  private reading = false;
  private readAgain = false;
  private stopped = false;
  private pollTimer: NodeJS.Timeout | undefined;
  private heldBackTimer: NodeJS.Timeout | undefined;
  /** The wait before the next held-back check: doubles while reads find nothing new (a long transaction), up to the poll interval. */
  private heldBackDelayMs = HELD_BACK_CHECK_MS;
  private unsubscribe: (() => void) | undefined;
  private idleWaiters: (() => void)[] = [];

  private constructor(private readonly options: OutboxTailOptions) {}

  /** Starts following from the current head of the outbox. */
  static async start(options: OutboxTailOptions): Promise<OutboxTail> {
    const tail = new OutboxTail(options);
    const head = await selectOutboxHead.maybeOne(options.em);
    if (head) tail.position = { txId: head.tx_id, id: head.id };
    tail.unsubscribe = options.signal.subscribe(() => tail.wake());
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

  /** Reads the outbox soon (coalesced with any read in progress). */
  wake(): void {
    if (this.stopped) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = true;
    void this.readUntilCaughtUp();
  }

  /**
   * Rows committed behind a transaction that was still running when the tail read (a job that
   * writes no outbox row, so no wake-up comes when it ends) would wait for the next poll. So,
   * {@link HELD_BACK_CHECK_MS} after the last read (under load another read always comes first and
   * this costs nothing), the tail looks whether committed rows lie beyond its position, and reads
   * again if so; while such reads find nothing new (a long transaction), the wait doubles.
   */
  private scheduleHeldBackCheck(): void {
    clearTimeout(this.heldBackTimer);
    if (this.stopped) return;
    this.heldBackTimer = setTimeout(() => {
      this.heldBackTimer = undefined;
      if (this.reading || this.stopped) return;
      selectHeldBack.maybeOne(this.options.em, { txId: this.position.txId, id: this.position.id }).then(
        (held) => {
          if (held?.held) this.wake();
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
    // wake() starts a read, or, when one is running, asks for one more pass after it.
    this.wake();
    return done;
  }

  private async readUntilCaughtUp(): Promise<void> {
    let progressed = false;
    try {
      do {
        this.readAgain = false;
        for (;;) {
          const rows = await selectTailRowsAfter.all(this.options.em, {
            txId: this.position.txId,
            id: this.position.id,
            limit: this.options.batchSize,
          });
          const last = rows.at(-1);
          if (last) {
            this.position = { txId: last.event_tx_id, id: last.event_id };
            progressed = true;
          }
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
          if (rows.length < this.options.batchSize) break;
        }
        // Rows committed behind a transaction that is still running (a job that writes no outbox
        // row, so no wake-up comes when it ends) are read again shortly, not at the next poll.
      } while (this.readAgain && !this.stopped);
    } catch (error) {
      this.options.onError?.(error);
    } finally {
      this.reading = false;
      this.heldBackDelayMs = progressed ? HELD_BACK_CHECK_MS : Math.min(this.heldBackDelayMs * 2, this.options.pollIntervalMs);
      this.scheduleHeldBackCheck();
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private dispatchChange(row: TailRow): void {
    // A call without a campaign is an inbound call: its listeners follow its account.
    const set =
      row.event_campaign_id === null
        ? this.inboundCallListeners.get(row.event_account_id)
        : this.campaignListeners.get(row.event_campaign_id);
    if (!set) return;
    const change: EntityChange = {
      type: row.event_type as EntityChange['type'],
      accountId: row.event_account_id,
      campaignId: row.event_campaign_id,
      callId: row.event_call_id,
      version: BigInt(row.event_version!),
    };
    for (const listener of [...set]) listener(change);
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
    this.unsubscribe?.();
    if (this.reading) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }
}
