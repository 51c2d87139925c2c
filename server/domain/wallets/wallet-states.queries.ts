/** The wallet-state job's statements: suspend wallets that reached zero, reactivate funded ones. */
import { sql } from '../../database/sql.js';

/** Used wallets (they have transactions) with nothing left and nothing held become SUSPENDED. */
export const suspendEmptyWallets = sql<{ id: string }, { now: string }>(
  `update wallet set status = 'SUSPENDED', suspended_at = :now
    where status = 'ACTIVE' and balance_micros = 0 and reserved_micros = 0 and last_sequence > 0
    returning id`,
);

/** SUSPENDED wallets with money on them again become ACTIVE, unless their account is closed. */
export const reactivateFundedWallets = sql<{ id: string }>(
  `update wallet w set status = 'ACTIVE', suspended_at = null
     from account a
    where a.id = w.account_id and a.status = 'ACTIVE' and w.status = 'SUSPENDED' and w.balance_micros > 0
    returning w.id`,
);
