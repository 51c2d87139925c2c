import { outsideOperation } from './database/operation-budget.js';

/**
 * Runs `work` at once and then again a delay after each run has ended (runs never overlap) until
 * {@link Periodic.stop}: a fixed `intervalMs`, or what a function returns after each run (e.g.
 * until the next thing is due). {@link Periodic.wake} brings the next run forward. A failing run
 * is reported and the next one still comes. Timers are unref'd: a periodic task never keeps the
 * process alive on its own.
 */
export class Periodic {
  private timer: NodeJS.Timeout | undefined;
  private coalesceTimer: NodeJS.Timeout | undefined;
  private timerAtMs = Number.POSITIVE_INFINITY;
  /** When the last run started (Date.now()); -Infinity before the first. */
  private lastRunStartedAtMs = Number.NEGATIVE_INFINITY;
  private running: Promise<unknown> | undefined;
  private runAgain = false;
  private stopped = true;

  constructor(
    private readonly work: () => Promise<unknown>,
    private readonly intervalMs: number | (() => number),
    private readonly onError?: (error: unknown) => void,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /**
   * Runs `delayMs` after the first of a burst of calls, however many follow meanwhile (during a run
   * too): under load a run handles many commits instead of one run per commit. With
   * `intervalMinMs`, the run also starts no sooner than that after the previous run started, so
   * under sustained load runs come at most every `intervalMinMs` (each handling what gathered
   * meanwhile), while a wake-up after a quiet spell still runs `delayMs` after it.
   */
  wakeCoalesced(delayMs: number, intervalMinMs = 0): void {
    if (this.coalesceTimer || this.stopped) return;
    const waitMs = Math.max(delayMs, this.lastRunStartedAtMs + intervalMinMs - Date.now());
    this.coalesceTimer = outsideOperation(() =>
      setTimeout(() => {
        this.coalesceTimer = undefined;
        this.wake(0);
      }, waitMs),
    );
    this.coalesceTimer.unref();
  }

  /** Runs within `withinMs` (at once by default), unless a run is already due sooner. */
  wake(withinMs = 0): void {
    if (this.stopped) return;
    if (this.running) {
      if (withinMs === 0) this.runAgain = true;
      return;
    }
    if (Date.now() + withinMs < this.timerAtMs) this.schedule(withinMs);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timerAtMs = Date.now() + delayMs;
    // A run woken by a client operation (a call started, a top-up recorded) is background work:
    // a timer keeps the context it was created in, so create it outside the operation.
    this.timer = outsideOperation(() => setTimeout(() => void this.loop(), delayMs));
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    this.timerAtMs = Number.POSITIVE_INFINITY;
    this.runAgain = false;
    this.lastRunStartedAtMs = Date.now();
    try {
      this.running = this.work();
      await this.running;
    } catch (error) {
      this.onError?.(error);
    } finally {
      this.running = undefined;
      if (!this.stopped) {
        const delay = this.runAgain ? 0 : typeof this.intervalMs === 'number' ? this.intervalMs : this.intervalMs();
        this.schedule(Math.max(0, delay));
      }
    }
  }

  /**
   * What is pending: when the next run is due (epoch milliseconds; Infinity while a run is in
   * progress, and once stopped), and whether a coalesced wake-up is waiting. For tests and monitoring.
   */
  get pending(): { nextRunAtMs: number; coalescing: boolean } {
    return { nextRunAtMs: this.stopped ? Number.POSITIVE_INFINITY : this.timerAtMs, coalescing: this.coalesceTimer !== undefined };
  }

  /** Stops; resolves once a run in progress has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.coalesceTimer);
    this.coalesceTimer = undefined;
    await this.running?.catch(() => {});
  }
}
