import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import type { Principal } from './domain/accounts/principal.js';

/** What every resolver gets: a request-scoped EntityManager, the authenticated caller, the limits. */
export interface Context {
  em: EntityManager;
  principal: Principal;
  config: Config;
}
