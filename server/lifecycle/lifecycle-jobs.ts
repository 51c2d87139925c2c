import { Periodic } from '../periodic.js';

/** One periodic job: renewals, expiries, suspensions… Each must be safe to run in several processes at once. */
export interface LifecycleJob {
  name: string;
  /** Does what is due at `nowMs`; resolves with a summary (for logs and tests). */
  run(nowMs: number): Promise<unknown>;
}

/**
 * Runs the lifecycle jobs one after the other every `intervalMs` on the injectable clock. A
 * failing job is reported and retried on the next pass; the others still run.
 */
export class LifecycleJobs {
  private readonly periodic: Periodic;

  constructor(
    private readonly options: {
      jobs: LifecycleJob[];
      now: () => number;
      intervalMs: number;
      onError?: (job: string, error: unknown) => void;
    },
  ) {
    this.periodic = new Periodic(() => this.runOnce(), options.intervalMs);
  }

  /** Runs every job once at the clock's current time; returns each job's summary by name. */
  async runOnce(): Promise<Record<string, unknown>> {
    const results: Record<string, unknown> = {};
    for (const job of this.options.jobs) {
      try {
        results[job.name] = await job.run(this.options.now());
      } catch (error) {
        this.options.onError?.(job.name, error);
        results[job.name] = error;
      }
    }
    return results;
  }

  /** Runs {@link runOnce} every `intervalMs` until {@link stop}. */
  start(): void {
    this.periodic.start();
  }

  /** Brings the next pass forward to within `withinMs` (something became due). */
  wake(withinMs = 0): void {
    this.periodic.wake(withinMs);
  }

  /** Stops; resolves once a run in progress has finished. */
  async stop(): Promise<void> {
    await this.periodic.stop();
  }
}
