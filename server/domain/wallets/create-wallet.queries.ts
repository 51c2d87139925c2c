/** The statements of opening a further wallet in an account. */
import { sql } from '../../database/sql.js';
import { WALLET_COLUMNS, type WalletRow } from './wallets.queries.js';

/** Locks an account for a change to its wallets (one createWallet at a time per account): its status. */
export const lockAccountForWallets = sql<{ status: string }, { accountId: string }>(
  'select status from account where id = :accountId for update',
);

/** The account's wallets' names as shown (a wallet without a name shows as "<currency> wallet"), lower-cased, and their count. */
export const selectWalletNames = sql<{ name: string }, { accountId: string }>(
  `select lower(coalesce(name, trim(currency) || ' wallet')) as name from wallet where account_id = :accountId`,
);

/** Opens an empty named wallet. */
export const insertNamedWallet = sql<WalletRow, { id: string; accountId: string; currency: string; name: string; nowMs: number }>(
  `insert into wallet as w (id, account_id, currency, name, balance_micros, reserved_micros, last_sequence, created_at, updated_at)
   values (:id, :accountId, :currency, :name, 0, 0, 0, to_timestamp(:nowMs / 1000.0), to_timestamp(:nowMs / 1000.0)) returning ${WALLET_COLUMNS}`,
);
