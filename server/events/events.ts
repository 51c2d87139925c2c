import type { OutboxTail } from './outbox-tail.js';
import type { WakeSignal } from './wake-signal.js';
import type { WalletHubs } from './wallet-hub.js';

/** A process's live-event machinery, as resolvers see it. */
export interface Events {
  /** Follows the outbox and hands events to this process's subscribers. */
  tail: OutboxTail;
  /** Per-wallet ordering and fan-out over the tail: what subscriptions listen to. */
  hubs: WalletHubs;
  /** Tells this process and every other that something was just committed through here. */
  committed(): void;
}

/**
 * The {@link Events} of a tail and its wake signal. `onCommitted` is told of this process's own
 * commits too (the signal only reaches the others): e.g. the webhook producer.
 */
export function createEvents(tail: OutboxTail, hubs: WalletHubs, signal: WakeSignal, onCommitted?: () => void): Events {
  return {
    tail,
    hubs,
    committed() {
      tail.wake();
      onCommitted?.();
      signal.publish();
    },
  };
}
