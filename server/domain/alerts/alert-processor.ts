import type { EntityManager } from '@mikro-orm/postgresql';
import { Periodic } from '../../periodic.js';
import { raiseAlerts, type RaiseAlertsDeps } from './raise-alerts.service.js';

/** Options of {@link AlertProcessor}. */
export interface AlertProcessorOptions extends RaiseAlertsDeps {
  /** The ORM's root manager: each pass runs on a fork of it. */
  em: EntityManager;
  /** A pass without any wake-up this often, in milliseconds (a lost wake-up delays, never loses). */
  intervalMs: number;
  /**
   * How long a wake-up waits for more commits before the pass, in milliseconds: under load one
   * pass judges many commits instead of one pass per commit.
   */
  coalesceMs: number;
  /**
   * Least time between the starts of two passes woken by commits, in milliseconds (see
   * `outboxConsumerPassIntervalMinMs`): under sustained load one pass at most this often. @default 0
   */
  passIntervalMinMs?: number;
  /** Called after a pass that raised alerts (to wake the feeds of every process). */
  raised(count: number): void;
  /**
   * Whether the scheduled passes (the poll and wake-ups) run in this process now; in a fleet only
   * where the outbox is read (see `app.ts`). {@link AlertProcessor.pass} always runs. @default always
   */
  runsHere?: () => boolean;
  onError(error: unknown): void;
}

/**
 * Runs {@link raiseAlerts} after commits (coalesced) and on a slow poll. Several processes may run
 * one each: their passes take turns on the alert consumer's lock.
 */
export class AlertProcessor {
  private readonly periodic: Periodic;
  /** Scheduled passes left out because they run elsewhere (see {@link AlertProcessorOptions.runsHere}). */
  passesSkipped = 0;
  /** Scheduled passes run. */
  passesRun = 0;

  constructor(private readonly options: AlertProcessorOptions) {
    this.periodic = new Periodic(() => this.scheduledPass(), options.intervalMs, options.onError);
  }

  private async scheduledPass(): Promise<number> {
    if (this.options.runsHere && !this.options.runsHere()) {
      this.passesSkipped++;
      return 0;
    }
    this.passesRun++;
    return this.pass();
  }

  start(): void {
    this.periodic.start();
  }

  /** Something was committed: run a pass within `coalesceMs`, and no sooner than `passIntervalMinMs` after the last one started. */
  wake(): void {
    this.periodic.wakeCoalesced(this.options.coalesceMs, this.options.passIntervalMinMs ?? 0);
  }

  /** One pass now, whether started or not (tests, shutdown); returns the alerts it raised. */
  async pass(): Promise<number> {
    const raised = await raiseAlerts(this.options.em.fork(), this.options);
    if (raised > 0) this.options.raised(raised);
    return raised;
  }

  async stop(): Promise<void> {
    await this.periodic.stop();
  }
}
