/** The statements of saved cards (table `payment_method`): only what Stripe tells us is safe to keep. */
import { sql } from '../../database/sql.js';

/** Columns of `payment_method p` that make a {@link SavedCardRow}. */
export const SAVED_CARD_COLUMNS = `p.id, p.account_id, p.brand, p.last4, p.exp_month, p.exp_year, p.is_default,
  (extract(epoch from p.created_at) * 1000)::float8 as created_at_ms`;

/** A `payment_method` row selected with {@link SAVED_CARD_COLUMNS}. */
export interface SavedCardRow {
  id: string;
  account_id: string;
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  is_default: boolean;
  created_at_ms: number;
}

/** Locks the account's default card, if any. */
export const lockDefaultCard = sql<{ id: string }, { accountId: string }>(
  'select id from payment_method where account_id = :accountId and is_default for update',
);

export const clearDefaultCard = sql<never, { id: string }>('update payment_method set is_default = false where id = :id');

/** Records a card (visible again if it had been removed); an existing default stays one. */
export const upsertCard = sql<
  never,
  { id: string; accountId: string; brand: string; last4: string; expMonth: number; expYear: number; isDefault: boolean; nowMs: number }
>(
  `insert into payment_method (id, account_id, brand, last4, exp_month, exp_year, is_default, created_at)
   values (:id, :accountId, :brand, :last4, :expMonth, :expYear, :isDefault, to_timestamp(:nowMs / 1000.0))
   on conflict (id) do update set removed_at = null,
     is_default = payment_method.is_default or excluded.is_default
   where payment_method.account_id = excluded.account_id`,
);

export const selectDefaultCard = sql<SavedCardRow, { accountId: string }>(
  `select ${SAVED_CARD_COLUMNS} from payment_method p where p.account_id = :accountId and p.is_default and p.removed_at is null`,
);

/** A card of any account by id, removed ones included. */
export const selectCard = sql<SavedCardRow & { removed: boolean }, { id: string }>(
  `select ${SAVED_CARD_COLUMNS}, p.removed_at is not null as removed from payment_method p where p.id = :id`,
);

/** A card not removed, within `scope` (an account id; null for every tenant). */
export const selectCardInScope = sql<SavedCardRow, { id: string; scope: string | null }>(
  `select ${SAVED_CARD_COLUMNS} from payment_method p
    where p.id = :id and p.removed_at is null and (:scope::uuid is null or p.account_id = :scope::uuid)`,
);

/** The account's cards, default first, then newest. */
export const selectAccountCards = sql<SavedCardRow, { accountId: string }>(
  `select ${SAVED_CARD_COLUMNS} from payment_method p where p.account_id = :accountId and p.removed_at is null
    order by p.is_default desc, p.created_at desc, p.id`,
);

export const countAccountCards = sql<{ count: number }, { accountId: string }>(
  'select count(*)::int as count from payment_method where account_id = :accountId and removed_at is null',
);

/** Removed by the customer at `nowMs`. */
export const removeCard = sql<never, { id: string; nowMs: number }>(
  'update payment_method set removed_at = to_timestamp(:nowMs / 1000.0), is_default = false where id = :id',
);

/** Detached at Stripe: removed, keeping the first removal time. */
export const markCardDetached = sql<never, { id: string }>(
  'update payment_method set removed_at = coalesce(removed_at, now()), is_default = false where id = :id',
);
