/** Where the billing clock and call services read the time: injectable so tests run an hour in milliseconds. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to: for tests and simulations. */
export class ManualClock implements Clock {
  constructor(private current: number = Date.UTC(2026, 0, 1)) {}

  now(): number {
    return this.current;
  }

  /** Moves the time forward by `milliseconds` (never backward). */
  advance(milliseconds: number): void {
    if (!(milliseconds >= 0)) throw new Error(`ManualClock moves forward only, got ${milliseconds}`);
    this.current += milliseconds;
  }
}
