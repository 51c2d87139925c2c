import { useSyncExternalStore } from 'react';
import { createTickingClock } from '../campaign-clock';

/**
 * The page's one ticking clock (routes/campaigns/campaign-clock.ts): every running call timer reads it, so
 * 200 timers cost one setTimeout a second and one React render pass, not 200 intervals.
 */
const CAMPAIGN_CLOCK = createTickingClock({
  readNow: () => Date.now(),
  schedule: (callback, delayMs) => setTimeout(callback, delayMs),
  cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

/**
 * The time of the clock's last tick, epoch ms; the component renders again on each tick (once a
 * second, on whole seconds) while mounted. Only rendering: nothing here asks the server.
 */
export function useCampaignClock(): number {
  // The server snapshot is the same clock: static rendering (tests) shows the time of the render.
  return useSyncExternalStore(CAMPAIGN_CLOCK.subscribe, CAMPAIGN_CLOCK.now, CAMPAIGN_CLOCK.now);
}
