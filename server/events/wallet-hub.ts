import type { EntityManager } from '@mikro-orm/postgresql';
import { outsideOperation } from '../database/operation-budget.js';
import { selectWalletEventRange, selectWalletSequence } from '../domain/outbox/wallet-events.queries.js';
import type { OutboxTail } from './outbox-tail.js';
import { toWalletEvent, type WalletEvent } from './wallet-event.js';

/** A wallet's events after `after` and up to `upTo` (or all), at most `limit`, in sequence order. */
export async function readWalletEvents(
  em: EntityManager,
  walletId: string,
  after: bigint,
  upTo: bigint | null,
  limit: number,
): Promise<WalletEvent[]> {
  const rows = await selectWalletEventRange.all(em, { walletId, after, upTo, limit });
  return rows.map(toWalletEvent);
}

/** The wallet's last sequence now (0 for an unknown wallet). */
export async function readWalletSequence(em: EntityManager, walletId: string): Promise<bigint> {
  const row = await selectWalletSequence.maybeOne(em, { walletId });
  return BigInt(row?.last_sequence ?? '0');
}

interface Hub {
  listeners: Set<(event: WalletEvent) => void>;
  /** Last sequence handed to the listeners; undefined until the hub knows where the wallet stood. */
  last: bigint | undefined;
  /** Events that arrived before `last` was known. */
  early: WalletEvent[];
  chain: Promise<void>;
  stop: () => void;
}

/**
 * One per process, over the outbox tail: for each wallet that has subscribers here, puts the
 * wallet's events into sequence order ONCE (dropping repeats, and filling a jump with one outbox
 * query) and hands each event to every subscriber of that wallet synchronously. Without it each
 * subscriber would reorder, and query, on its own: a thousand subscribers of a busy wallet would
 * each query the outbox for the same gap.
 */
export class WalletHubs {
  private readonly hubs = new Map<string, Hub>();

  /** Subscribers of every wallet in this process, and wallets with at least one (for tests and monitoring). */
  counts(): { subscribers: number; wallets: number } {
    let subscribers = 0;
    for (const hub of this.hubs.values()) subscribers += hub.listeners.size;
    return { subscribers, wallets: this.hubs.size };
  }

  constructor(private readonly options: { em: EntityManager; tail: OutboxTail; batchSize: number; onError?: (error: unknown) => void }) {}

  /**
   * Calls `listener` with each event of `walletId` committed from now on, in sequence order,
   * each once, with no gap from the first one it gets. Returns the unsubscribe.
   */
  subscribe(walletId: string, listener: (event: WalletEvent) => void): () => void {
    let hub = this.hubs.get(walletId);
    // The hub serves every subscriber of the wallet: its reads belong to no operation.
    if (!hub) hub = outsideOperation(() => this.open(walletId));
    hub.listeners.add(listener);
    const opened = hub;
    return () => {
      opened.listeners.delete(listener);
      if (opened.listeners.size === 0 && this.hubs.get(walletId) === opened) {
        opened.stop();
        this.hubs.delete(walletId);
      }
    };
  }

  /**
   * Resolves once the hub of `walletId` (if any) has handled everything it was given so far: it
   * knows where the wallet stood when it opened (for tests that commit right after subscribing).
   */
  async settled(walletId: string): Promise<void> {
    await this.hubs.get(walletId)?.chain;
  }

  private open(walletId: string): Hub {
    const hub: Hub = { listeners: new Set(), last: undefined, early: [], chain: Promise.resolve(), stop: () => {} };
    this.hubs.set(walletId, hub);
    hub.stop = this.options.tail.onWalletEvent(walletId, (event) => {
      if (hub.last === undefined) hub.early.push(event);
      else this.enqueue(hub, () => this.deliver(walletId, hub, event));
    });
    this.enqueue(hub, async () => {
      hub.last = await readWalletSequence(this.options.em, walletId);
      const early = hub.early.sort((a, b) => (a.sequence < b.sequence ? -1 : a.sequence > b.sequence ? 1 : 0));
      hub.early = [];
      for (const event of early) await this.deliver(walletId, hub, event);
    });
    return hub;
  }

  private enqueue(hub: Hub, step: () => Promise<void>): void {
    hub.chain = hub.chain.then(step).catch((error: unknown) => this.options.onError?.(error));
  }

  private async deliver(walletId: string, hub: Hub, event: WalletEvent): Promise<void> {
    if (event.sequence <= hub.last!) return;
    // The tail follows commit order across the database, which for two charges of one wallet can
    // differ from their sequence order: fill the jump once, for every subscriber.
    while (event.sequence > hub.last! + 1n) {
      const missing = await readWalletEvents(this.options.em, walletId, hub.last!, event.sequence - 1n, this.options.batchSize);
      if (missing.length === 0)
        throw new Error(`Wallet ${walletId}: events ${hub.last! + 1n}..${event.sequence - 1n} are missing from the outbox`);
      for (const earlier of missing) this.hand(hub, earlier);
    }
    this.hand(hub, event);
  }

  private hand(hub: Hub, event: WalletEvent): void {
    hub.last = event.sequence;
    for (const listener of [...hub.listeners]) listener(event);
  }
}
