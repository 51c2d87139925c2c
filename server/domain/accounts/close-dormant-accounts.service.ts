import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction } from '../../database/sql.js';
import { closeAccountsSuspendedSince, completeCampaignsOfAccounts } from './dormant-accounts.queries.js';

/**
 * An account whose balance has not been replenished for `closeAfterDays` after it reached zero may
 * be closed, and its phone numbers go back to the pool. Closes every ACTIVE account whose wallets
 * have all been SUSPENDED for at least `closeAfterDays`, and completes its campaigns. Returns the
 * closed accounts' ids; the caller releases their numbers.
 */
export async function closeDormantAccounts(em: EntityManager, nowMs: number, closeAfterDays: number): Promise<string[]> {
  const now = new Date(nowMs).toISOString();
  return transaction(em, async (tx) => {
    const accountIds = (await closeAccountsSuspendedSince.all(tx, { now, closeAfterDays })).map((row) => row.id);
    if (accountIds.length > 0) await completeCampaignsOfAccounts.run(tx, { accountIds });
    return accountIds;
  });
}
