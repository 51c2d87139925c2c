import type { BillingClock } from './billing-clock.js';
import type { CallServiceDeps } from './call.service.js';
import type { Clock } from './clock.js';
import type { ServiceDeps } from '../service-deps.js';

/** A process's spend-control machinery, as resolvers and the simulator see it. */
export interface SpendControl {
  clock: Clock;
  billingClock: BillingClock;
  /** What startCall and endCall need besides the database. */
  callDeps: CallServiceDeps;
  /** The same, with the whole configuration: for messages, numbers and lifecycle jobs. */
  deps: ServiceDeps;
}
