import type { EntityManager } from '@mikro-orm/postgresql';
import { reactivateFundedWallets, suspendEmptyWallets } from './wallet-states.queries.js';

/** What {@link updateWalletStates} changed. */
export interface WalletStateChanges {
  suspended: string[];
  reactivated: string[];
}

/**
 * An account that reaches zero is suspended, and funding it brings it back. A wallet that has been
 * used (it has transactions), has nothing left and holds nothing for calls or messages in flight
 * becomes SUSPENDED; a SUSPENDED wallet with money on it again becomes ACTIVE, unless its account
 * is CLOSED. A new, never-funded wallet is not suspended: it never reached zero, it started there.
 */
export async function updateWalletStates(em: EntityManager, nowMs: number): Promise<WalletStateChanges> {
  const suspended = await suspendEmptyWallets.all(em, { now: new Date(nowMs).toISOString() });
  const reactivated = await reactivateFundedWallets.all(em);
  return { suspended: suspended.map((row) => row.id), reactivated: reactivated.map((row) => row.id) };
}
