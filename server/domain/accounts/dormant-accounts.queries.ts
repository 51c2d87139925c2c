/** The dormant-account job's statements: close accounts whose wallets stayed suspended, complete their campaigns. */
import { sql } from '../../database/sql.js';

/** Closes every ACTIVE account with wallets, all SUSPENDED since before `now − closeAfterDays`. */
export const closeAccountsSuspendedSince = sql<{ id: string }, { now: string; closeAfterDays: number }>(
  `update account a set status = 'CLOSED', closed_at = :now
    where a.status = 'ACTIVE'
      and exists (select 1 from wallet w where w.account_id = a.id)
      and not exists (select 1 from wallet w where w.account_id = a.id
                       and (w.status <> 'SUSPENDED' or w.suspended_at > :now::timestamptz - :closeAfterDays * interval '1 day'))
    returning a.id`,
);

export const completeCampaignsOfAccounts = sql<Record<string, never>, { accountIds: string[] }>(
  `update campaign set status = 'COMPLETED', version = version + 1, updated_at = now()
    where account_id = any(:accountIds::uuid[]) and status <> 'COMPLETED'`,
);
