import type Stripe from 'stripe';
import type { PgQuery } from '../../database/pg-transaction.js';

/** A saved card: only what Stripe tells us is safe to keep (brand, last 4 digits, expiry). */
export interface SavedCard {
  id: string;
  accountId: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  isDefault: boolean;
  createdAt: Date;
}

/** Brand, last4 and expiry of a card PaymentMethod. */
export interface CardDetails {
  paymentMethodId: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

export const SAVED_CARD_COLUMNS = `p.id, p.account_id, p.brand, p.last4, p.exp_month, p.exp_year, p.is_default,
  (extract(epoch from p.created_at) * 1000)::float8 as created_at_ms`;

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

export function toSavedCard(row: SavedCardRow): SavedCard {
  return {
    id: row.id,
    accountId: row.account_id,
    brand: row.brand,
    last4: row.last4,
    expMonth: row.exp_month,
    expYear: row.exp_year,
    isDefault: row.is_default,
    createdAt: new Date(row.created_at_ms),
  };
}

/** The card details of a Stripe PaymentMethod, or null when it is not a card. */
export function cardDetailsOf(paymentMethod: Stripe.PaymentMethod): CardDetails | null {
  const card = paymentMethod.card;
  if (!card) return null;
  return { paymentMethodId: paymentMethod.id, brand: card.brand, last4: card.last4, expMonth: card.exp_month, expYear: card.exp_year };
}

/**
 * Records a card attached to the account's Stripe Customer (again visible if it had been removed).
 * It becomes the default when asked or when the account has no default card yet.
 */
export async function storeCard(query: PgQuery, accountId: string, card: CardDetails, makeDefault: boolean, nowMs: number): Promise<void> {
  // One default per account: the partial unique index would refuse a second, so clear first.
  const [existingDefault] = await query<{ id: string }>(
    'select id from payment_method where account_id = $1 and is_default for update',
    [accountId],
  );
  const becomesDefault = makeDefault || !existingDefault;
  if (becomesDefault && existingDefault && existingDefault.id !== card.paymentMethodId) {
    await query('update payment_method set is_default = false where id = $1', [existingDefault.id]);
  }
  await query(
    `insert into payment_method (id, account_id, brand, last4, exp_month, exp_year, is_default, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, to_timestamp($8 / 1000.0))
     on conflict (id) do update set removed_at = null,
       is_default = payment_method.is_default or excluded.is_default
     where payment_method.account_id = excluded.account_id`,
    [card.paymentMethodId, accountId, card.brand, card.last4, card.expMonth, card.expYear, becomesDefault, nowMs],
  );
}

/** The account's default card, or null. */
export async function findDefaultCard(query: PgQuery, accountId: string): Promise<SavedCard | null> {
  const [row] = await query<SavedCardRow>(
    `select ${SAVED_CARD_COLUMNS} from payment_method p where p.account_id = $1 and p.is_default and p.removed_at is null`,
    [accountId],
  );
  return row ? toSavedCard(row) : null;
}

/** A saved card of any account by id (removed ones included), or null. */
export async function findSavedCard(query: PgQuery, id: string): Promise<(SavedCard & { removed: boolean }) | null> {
  const [row] = await query<SavedCardRow & { removed: boolean }>(
    `select ${SAVED_CARD_COLUMNS}, p.removed_at is not null as removed from payment_method p where p.id = $1`,
    [id],
  );
  return row ? { ...toSavedCard(row), removed: row.removed } : null;
}
