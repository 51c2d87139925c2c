/** Wait before the first reconnect attempt, in milliseconds. */
export const RECONNECT_DELAY_BASE_MS = 1_000;

/** Longest wait between reconnect attempts, in milliseconds. */
export const RECONNECT_DELAY_MAX_MS = 30_000;

/**
 * How long to wait before reconnect attempt `retries` (0 for the first): exponential back-off,
 * 1 s, 2 s, 4 s … capped at 30 s, with "equal jitter" (a random point in the upper half) so the
 * dashboards of a fleet that lost the same server do not all come back in the same millisecond.
 * @param random a number in [0, 1), `Math.random()` in the browser.
 * @returns milliseconds in [cap/2, cap) where cap = min(30 000, 1 000 × 2^retries).
 */
export function reconnectDelayMs(retries: number, random: number): number {
  const exponent = Math.min(Math.max(0, Math.floor(retries)), 30);
  const cap = Math.min(RECONNECT_DELAY_MAX_MS, RECONNECT_DELAY_BASE_MS * 2 ** exponent);
  const clamped = Math.min(Math.max(random, 0), 1);
  return Math.floor(cap / 2 + (cap / 2) * clamped);
}
