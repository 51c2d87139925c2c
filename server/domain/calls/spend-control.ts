import type { EntityManager } from '@mikro-orm/postgresql';
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
  /**
   * One EntityManager of the process for call control's statements, which are all raw SQL
   * (database/sql.ts: each takes a pooled connection of its own; nothing enters an identity map):
   * call control (startCall, endCall, startCalls, endCalls, callGrants) needs no fork of its request's own, whose making cost ~60 µs of server
   * CPU per request (issue 18). Never for entity operations (find, persist, flush).
   */
  sqlEm: EntityManager;
}
