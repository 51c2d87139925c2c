/** A part of the running app: what `start` makes is what `stop` is given. */
export interface Service<T> {
  /** Names the service in errors of its stop. */
  name: string;
  start(): Promise<T> | T;
  stop(started: T): Promise<void> | void;
}

/**
 * The running app as a list of services, started one after another and stopped in reverse order
 * by one path, {@link ServiceList.stopAll}: the app's close, and the clean-up of a start-up that
 * failed halfway (only what had started is stopped).
 */
export class ServiceList {
  private readonly running: { name: string; stop: () => Promise<void> | void }[] = [];
  private stopping: Promise<void> | undefined;

  /** Starts `service` after every service started before; resolves to what its start made. */
  async start<T>(service: Service<T>): Promise<T> {
    if (this.stopping) throw new Error(`${service.name} cannot start: the app is stopping`);
    const started = await service.start();
    this.running.push({ name: service.name, stop: () => service.stop(started) });
    return started;
  }

  /** Names of the running services, in start order (for tests and diagnostics). */
  get names(): string[] {
    return this.running.map((service) => service.name);
  }

  /**
   * Stops every started service, the last started first. A stop that fails does not keep the
   * others running: all are stopped, then the first failure is thrown. Calling it again returns
   * the same promise.
   */
  stopAll(): Promise<void> {
    this.stopping ??= this.stopInReverse();
    return this.stopping;
  }

  private async stopInReverse(): Promise<void> {
    const failures: unknown[] = [];
    for (const service of this.running.splice(0).reverse()) {
      try {
        await service.stop();
      } catch (error) {
        failures.push(new Error(`Stopping ${service.name} failed`, { cause: error }));
      }
    }
    if (failures.length > 0) throw failures[0];
  }
}
