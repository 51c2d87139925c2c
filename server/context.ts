import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import type { CredentialCache } from './domain/accounts/credential-cache.js';
import type { Principal } from './domain/accounts/principal.js';
import type { Events } from './events/events.js';
import type { SpendControl } from './domain/calls/spend-control.js';
import type { PaymentsRuntime } from './domain/payments/payments-runtime.js';
import type { Loaders } from './graphql/loaders.js';

/** What every resolver gets: a request-scoped EntityManager, the authenticated caller, the limits. */
export interface Context {
  em: EntityManager;
  principal: Principal;
  config: Config;
  /** This process's cache of resolved API keys; revocation must forget the key in it. */
  credentialCache: CredentialCache;
  /** Live events: the outbox tail for subscriptions, and the after-commit wake-up for writers. */
  events: Events;
  /** The billing clock, the clock it reads, and what call services need. */
  spend: SpendControl;
  /** Stripe (or the sandbox) and the payment services' dependencies. */
  payments: PaymentsRuntime;
  /** This operation's batched per-parent reads (DataLoaders on `em`, no cache). */
  loaders: Loaders;
  /** On a WebSocket: hangs up with a graphql-ws close code. Absent on HTTP. */
  closeSocket?: (code: number, reason: string) => void;
}
