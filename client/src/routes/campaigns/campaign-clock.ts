/**
 * One ticking clock shared by every running timer on the page: a single timer for any number of
 * calls, ticking on whole seconds while anything listens and stopped when nothing does. Shaped
 * for React's `useSyncExternalStore` (routes/campaigns/hooks/useCampaignClock.ts): `now` returns the same value
 * between ticks, so a render never sees the time move under it.
 */

/** How often the clock ticks, in milliseconds. @default 1000 */
export const CAMPAIGN_CLOCK_INTERVAL_MS = 1000;

/** What the clock needs from its surroundings (the browser's, or a test's fakes). */
export interface TickingClockOptions {
  /** @default {@link CAMPAIGN_CLOCK_INTERVAL_MS} */
  intervalMs?: number;
  /** The current time, epoch ms. */
  readNow: () => number;
  /** Runs `callback` once after `delayMs` (setTimeout). */
  schedule: (callback: () => void, delayMs: number) => unknown;
  /** Cancels what {@link schedule} returned (clearTimeout). */
  cancel: (handle: unknown) => void;
}

/** A shared clock. */
export interface TickingClock {
  /** Adds a listener, called after each tick; the first one starts the clock. Returns the unsubscribe, whose last call stops it. */
  subscribe: (listener: () => void) => () => void;
  /**
   * The time of the last tick, epoch ms. While nothing listens: the current time rounded down to
   * the interval, so two reads in the same second agree.
   */
  now: () => number;
  /** How many listeners it has (for tests and diagnostics). */
  listenerCount: () => number;
}

/** Creates a clock; it does nothing until its first listener subscribes. */
export function createTickingClock(options: TickingClockOptions): TickingClock {
  const intervalMs = options.intervalMs ?? CAMPAIGN_CLOCK_INTERVAL_MS;
  const listeners = new Set<() => void>();
  let snapshotMs = Math.floor(options.readNow() / intervalMs) * intervalMs;
  let handle: unknown = null;

  const scheduleNext = () => {
    // Aligned to whole intervals, so every timer on the page changes together, once a second.
    const nowMs = options.readNow();
    handle = options.schedule(tick, intervalMs - (((nowMs % intervalMs) + intervalMs) % intervalMs) || intervalMs);
  };
  const tick = () => {
    handle = null;
    if (listeners.size === 0) return;
    snapshotMs = options.readNow();
    for (const listener of [...listeners]) listener();
    if (listeners.size > 0 && handle === null) scheduleNext();
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (handle === null) {
        // What `now` gave the render before this subscription (the time rounded down), unless a
        // new interval began since: the render that subscribed then needs no second pass.
        const rounded = Math.floor(options.readNow() / intervalMs) * intervalMs;
        if (rounded > snapshotMs) snapshotMs = rounded;
        scheduleNext();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && handle !== null) {
          options.cancel(handle);
          handle = null;
        }
      };
    },
    now() {
      if (listeners.size === 0) {
        const rounded = Math.floor(options.readNow() / intervalMs) * intervalMs;
        if (rounded > snapshotMs) snapshotMs = rounded;
      }
      return snapshotMs;
    },
    listenerCount: () => listeners.size,
  };
}
