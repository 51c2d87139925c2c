import { RateLimiterRes, type RateLimiterPostgres } from 'rate-limiter-flexible';

/** A refusal: how long until the caller may try again, in milliseconds, and which setting refused. */
export class RateLimited {
  constructor(
    readonly retryAfterMs: number,
    readonly limit: string,
  ) {}

  /** `Retry-After` in whole seconds, at least 1. */
  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.retryAfterMs / 1000));
  }
}

/** What this process knows of one key's window. */
interface KeyState {
  /** Points this process may still admit before it asks PostgreSQL again. */
  allowance: number;
  /** Points admitted here and not yet reported to PostgreSQL. */
  pending: number;
  /** Refuse until then (epoch ms): PostgreSQL said the window is spent. */
  blockedUntilMs: number;
  /** End of the window PostgreSQL reported (epoch ms); past it the allowance is void. */
  windowEndsAtMs: number;
  /** The report in flight, if any. */
  report: Promise<void> | undefined;
}

/** Options of {@link SharedBudget}. */
export interface SharedBudgetOptions {
  /** The shared counter: rate-limiter-flexible's PostgreSQL store, `points` and `duration` set to the budget. */
  store: RateLimiterPostgres;
  /** The setting named in refusals, e.g. `graphqlMutationsPerWindowMax`. */
  limit: string;
  /**
   * Most points a process admits for a key before it reports them and learns the others' count; an
   * operation costing more than what is left of it is admitted only by a report.
   */
  syncPointsMax: number;
  /** How often points admitted since the last report are reported, in milliseconds. */
  syncIntervalMs: number;
  /** A report failed (PostgreSQL unreachable): the key is then admitted locally until the next report. */
  onError(error: unknown): void;
}

/**
 * A per-key budget of points per fixed window, counted across every server process in one
 * PostgreSQL row per key (rate-limiter-flexible's store), with the per-request cost in memory.
 *
 * Each process keeps, per key, an allowance of points it may admit without asking: at most
 * `syncPointsMax`, and never more than the window had left when it last asked. An operation takes
 * a point from the allowance (no I/O). The points admitted are reported to PostgreSQL in one
 * upsert when the allowance runs low (ahead of time, so requests rarely wait), when it is spent
 * (that request waits for the answer), and every `syncIntervalMs`. The answer is the total of
 * every process in the window: the new allowance, or a refusal until the window ends.
 *
 * Error bound: a process admits at most `syncPointsMax` points the others have not yet seen, so a
 * window admits at most `pointsMax + P × syncPointsMax` across P processes; on one process it admits
 * exactly `pointsMax` (the first operation of a key waits for PostgreSQL). One key at 1,500
 * operations/s costs ~15 upserts/s per process instead of 1,500.
 */
export class SharedBudget {
  private readonly states = new Map<string, KeyState>();
  private readonly timer: NodeJS.Timeout;
  private readonly pointsMax: number;
  /** Below this allowance a report is started without waiting for it. */
  private readonly refillBelow: number;

  constructor(private readonly options: SharedBudgetOptions) {
    this.pointsMax = options.store.points;
    this.refillBelow = Math.floor(options.syncPointsMax / 2);
    this.timer = setInterval(() => this.reportAll(), options.syncIntervalMs);
    this.timer.unref();
  }

  /**
   * Spends `points` (a positive integer, 1 for a plain count) of `key`. Returns undefined when
   * admitted, a {@link RateLimited} when the window has not that many left; synchronously on the
   * common path, a promise when PostgreSQL must be asked.
   */
  charge(key: string, points = 1): RateLimited | undefined | Promise<RateLimited | undefined> {
    const state = this.states.get(key);
    if (state) {
      const now = Date.now();
      if (now < state.blockedUntilMs) return new RateLimited(state.blockedUntilMs - now, this.options.limit);
      if (state.allowance >= points && now < state.windowEndsAtMs) {
        state.allowance -= points;
        state.pending += points;
        if (state.allowance < this.refillBelow && state.report === undefined) void this.report(key, state, 0);
        return undefined;
      }
    }
    return this.chargeAfterReport(key, state, points);
  }

  /** The refusal `key` is under right now, known without asking PostgreSQL; undefined when it is not blocked. */
  blockedFor(key: string): RateLimited | undefined {
    const state = this.states.get(key);
    const now = Date.now();
    return state && now < state.blockedUntilMs ? new RateLimited(state.blockedUntilMs - now, this.options.limit) : undefined;
  }

  /** Reports what is pending now (tests, shutdown). */
  async flush(): Promise<void> {
    await Promise.all([...this.states].map(([key, state]) => state.report ?? (state.pending > 0 ? this.report(key, state, 0) : undefined)));
  }

  /** Stops the periodic reports. */
  close(): void {
    clearInterval(this.timer);
  }

  private async chargeAfterReport(key: string, known: KeyState | undefined, points: number): Promise<RateLimited | undefined> {
    let state = known;
    if (!state) {
      state = { allowance: 0, pending: 0, blockedUntilMs: 0, windowEndsAtMs: 0, report: undefined };
      this.states.set(key, state);
    }
    for (;;) {
      if (state.report) {
        await state.report;
        continue;
      }
      const now = Date.now();
      if (now < state.blockedUntilMs) return new RateLimited(state.blockedUntilMs - now, this.options.limit);
      if (state.allowance >= points && now < state.windowEndsAtMs) {
        state.allowance -= points;
        state.pending += points;
        return undefined;
      }
      // This operation's points go with the report: it is admitted if the window still had them.
      let admitted = false;
      await this.report(key, state, points, (total) => (admitted = total <= this.pointsMax));
      if (admitted) return undefined;
      if (Date.now() < state.blockedUntilMs) return new RateLimited(state.blockedUntilMs - Date.now(), this.options.limit);
    }
  }

  /** Sends the pending points plus `extra`, and learns the window's total. */
  private report(key: string, state: KeyState, extra: number, onTotal?: (total: number) => void): Promise<void> {
    const points = state.pending + extra;
    state.pending = 0;
    const work = async () => {
      let res: RateLimiterRes;
      try {
        res = await this.options.store.consume(key, points);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) {
          // Fail open: limits must not take the money paths down with the database's hiccup.
          this.options.onError(rejection);
          state.allowance = this.options.syncPointsMax;
          state.windowEndsAtMs = Date.now() + this.options.syncIntervalMs;
          onTotal?.(0);
          return;
        }
        res = rejection;
      }
      const now = Date.now();
      const total = res.consumedPoints;
      state.windowEndsAtMs = now + res.msBeforeNext;
      // Points admitted while the report was in flight are already spent from the new allowance.
      const left = Math.min(this.pointsMax - total, this.options.syncPointsMax) - state.pending;
      state.allowance = Math.max(0, left);
      // Nothing left in the window: refuse here, without asking again, until it ends.
      state.blockedUntilMs = total >= this.pointsMax ? now + res.msBeforeNext : 0;
      onTotal?.(total);
    };
    const report = work().finally(() => {
      state.report = undefined;
    });
    state.report = report;
    return report;
  }

  /** The periodic report of every key with pending points; forgets keys whose window has ended. */
  private reportAll(): void {
    const now = Date.now();
    for (const [key, state] of this.states) {
      if (state.report) continue;
      if (state.pending > 0) void this.report(key, state, 0);
      else if (now >= state.windowEndsAtMs && now >= state.blockedUntilMs) this.states.delete(key);
    }
  }
}
