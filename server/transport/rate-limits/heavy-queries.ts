/**
 * At most `inFlightMax` heavy queries of one key run at once in this process; the others wait in
 * arrival order (within their operation's deadline). A tenant's burst of its costliest allowed
 * queries then takes turns instead of filling the event loop at once, so another tenant's request
 * waits behind at most a few of them. Cheap queries and mutations never wait here.
 */
export class HeavyQueryTurns {
  private readonly keys = new Map<string, { running: number; waiting: (() => void)[] }>();

  constructor(private readonly inFlightMax: number) {
    if (!Number.isInteger(inFlightMax) || inFlightMax < 1)
      throw new Error(`heavy queries in flight per key must be a positive integer, got ${inFlightMax}`);
  }

  /** Waits for `key`'s turn; resolves with the function that ends it (call it exactly once). */
  async take(key: string): Promise<() => void> {
    let state = this.keys.get(key);
    if (!state) {
      state = { running: 0, waiting: [] };
      this.keys.set(key, state);
    }
    if (state.running >= this.inFlightMax) await new Promise<void>((resolve) => state!.waiting.push(resolve));
    else state.running++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      const next = state!.waiting.shift();
      // The turn passes straight to the next in line: `running` stays the same.
      if (next) next();
      else if (--state!.running === 0) this.keys.delete(key);
    };
  }

  /** Queries of `key` waiting for a turn (tests, metrics). */
  waitingFor(key: string): number {
    return this.keys.get(key)?.waiting.length ?? 0;
  }
}
