/**
 * Runs `work` at once and then `intervalMs` after each run has ended (runs never overlap) until
 * {@link Periodic.stop}. A failing run is reported and the next one still comes. Timers are
 * unref'd: a periodic task never keeps the process alive on its own.
 */
export class Periodic {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly work: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError?: (error: unknown) => void,
  ) {}

  start(): void {
    const loop = async () => {
      try {
        this.running = this.work();
        await this.running;
      } catch (error) {
        this.onError?.(error);
      } finally {
        this.running = undefined;
        if (!this.stopped) {
          this.timer = setTimeout(loop, this.intervalMs);
          this.timer.unref();
        }
      }
    };
    this.timer = setTimeout(loop, 0);
    this.timer.unref();
  }

  /** Stops; resolves once a run in progress has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => {});
  }
}
