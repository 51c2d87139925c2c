import { outsideOperation } from '../database/operation-budget.js';
import type { AlertFeed } from './alert-feed.js';
import type { OutboxTail } from './outbox-tail.js';
import type { WakeSignal } from './wake-signal.js';
import type { WalletHubs } from './wallet-hub.js';

/** A process's live-event machinery, as resolvers see it. */
export interface Events {
  /** Follows the outbox and hands events to this process's subscribers. */
  tail: OutboxTail;
  /** Per-wallet ordering and fan-out over the tail: what subscriptions listen to. */
  hubs: WalletHubs;
  /** Follows the alerts (every account's, in position order) for this process's alert subscribers. */
  alerts: AlertFeed;
  /** Follows the acknowledgements (every account's, in acknowledgement order) for this process's alertAcknowledged subscribers. */
  acknowledgements: AlertFeed;
  /** Tells this process and every other that alerts were just acknowledged through here. */
  acknowledged(): void;
  /** Tells this process and every other that something was just committed through here. */
  committed(): void;
}

/**
 * The {@link Events} of a tail and its wake signal. `onCommitted` is told of this process's own
 * commits too (the wake signal does not echo a process's own NOTIFY back to it): the alert
 * processor and the webhook producer.
 */
export function createEvents(
  tail: OutboxTail,
  hubs: WalletHubs,
  signal: WakeSignal,
  alertFeeds: { raised: AlertFeed; acknowledged: AlertFeed; signal: WakeSignal },
  onCommitted: () => void = () => {},
): Events {
  return {
    tail,
    hubs,
    alerts: alertFeeds.raised,
    acknowledgements: alertFeeds.acknowledged,
    acknowledged() {
      outsideOperation(() => {
        alertFeeds.acknowledged.wake();
        alertFeeds.signal.publish();
      });
    },
    committed() {
      // The wake-ups start process-wide work (tail reads, jobs): never part of the committing operation.
      outsideOperation(() => {
        tail.wake();
        signal.publish();
        onCommitted();
      });
    },
  };
}
