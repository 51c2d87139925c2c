// Goal: reconnects back off exponentially to a 30 s cap with jitter, so a fleet of dashboards does not stampede a restarted server; method: boundary examples of the pure delay function.
import { describe, expect, it } from 'vitest';
import { RECONNECT_DELAY_MAX_MS, reconnectDelayMs } from '../../../client/src/utils/reconnect-delay.js';

describe('reconnectDelayMs', () => {
  it('doubles from about a second', () => {
    expect(reconnectDelayMs(0, 0)).toBe(500);
    expect(reconnectDelayMs(0, 0.999)).toBeLessThan(1000);
    expect(reconnectDelayMs(1, 0)).toBe(1000);
    expect(reconnectDelayMs(3, 0)).toBe(4000);
  });

  it('stays under 30 s however many attempts failed', () => {
    for (const retries of [5, 6, 10, 100, 10_000, Number.POSITIVE_INFINITY]) {
      expect(reconnectDelayMs(retries, 0.999_999)).toBeLessThan(RECONNECT_DELAY_MAX_MS);
      expect(reconnectDelayMs(retries, 0)).toBe(RECONNECT_DELAY_MAX_MS / 2);
    }
  });

  it('spreads attempts over the upper half of the window', () => {
    const delays = [0, 0.25, 0.5, 0.75].map((random) => reconnectDelayMs(4, random));
    expect(delays).toEqual([8000, 10000, 12000, 14000]);
  });
});
