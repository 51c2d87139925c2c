import type { Config } from '../config.js';
import type { Clock } from './calls/clock.js';

/** What services that move money on a schedule or by usage need besides the database. */
export interface ServiceDeps {
  /** Injectable time: tests run months in milliseconds. */
  clock: Clock;
  config: Config;
  /** Tells subscribers (in every process) that something was committed. */
  committed(): void;
}
