import type { EntityManager } from '@mikro-orm/postgresql';
import { pgQuery, pgTransaction } from '../database/pg-transaction.js';

/** What {@link updateWalletStates} changed. */
export interface WalletStateChanges {
  suspended: string[];
  reactivated: string[];
}

/**
 * Seed 000: "When your account reaches $0, your account will be suspended" and funding it brings
 * it back. A wallet that has been used (it has transactions), has nothing left and holds nothing
 * for calls or messages in flight becomes SUSPENDED; a SUSPENDED wallet with money on it again
 * becomes ACTIVE, unless its account is CLOSED. A new, never-funded wallet is not suspended: it
 * never reached zero, it started there.
 */
export async function updateWalletStates(em: EntityManager, nowMs: number): Promise<WalletStateChanges> {
  const now = new Date(nowMs).toISOString();
  const suspended = await pgQuery<{ id: string }>(
    em,
    `update wallet set status = 'SUSPENDED', suspended_at = $1
      where status = 'ACTIVE' and balance_micros = 0 and reserved_micros = 0 and last_sequence > 0
      returning id`,
    [now],
  );
  const reactivated = await pgQuery<{ id: string }>(
    em,
    `update wallet w set status = 'ACTIVE', suspended_at = null
       from account a
      where a.id = w.account_id and a.status = 'ACTIVE' and w.status = 'SUSPENDED' and w.balance_micros > 0
      returning w.id`,
  );
  return { suspended: suspended.map((r) => r.id), reactivated: reactivated.map((r) => r.id) };
}

/**
 * Seed 000: "After 30 days, if you haven't replenished your account balance, we may close your
 * account and return your phone numbers to our pool." Closes every ACTIVE account whose wallets
 * have all been SUSPENDED for at least `closeAfterDays`, and completes its campaigns. Returns the
 * closed accounts' ids; the caller releases their numbers.
 */
export async function closeDormantAccounts(em: EntityManager, nowMs: number, closeAfterDays: number): Promise<string[]> {
  const now = new Date(nowMs).toISOString();
  return pgTransaction(em, async (query) => {
    const closed = await query<{ id: string }>(
      `update account a set status = 'CLOSED', closed_at = $1
        where a.status = 'ACTIVE'
          and exists (select 1 from wallet w where w.account_id = a.id)
          and not exists (select 1 from wallet w where w.account_id = a.id
                           and (w.status <> 'SUSPENDED' or w.suspended_at > $1::timestamptz - $2 * interval '1 day'))
        returning a.id`,
      [now, closeAfterDays],
    );
    if (closed.length > 0) {
      await query(
        `update campaign set status = 'COMPLETED', version = version + 1, updated_at = now()
          where account_id = any($1::uuid[]) and status <> 'COMPLETED'`,
        [closed.map((r) => r.id)],
      );
    }
    return closed.map((r) => r.id);
  });
}
