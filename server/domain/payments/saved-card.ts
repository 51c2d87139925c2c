import type Stripe from 'stripe';
import type { Db } from '../../database/sql.js';
import { clearDefaultCard, lockDefaultCard, selectCard, selectDefaultCard, upsertCard, type SavedCardRow } from './cards.queries.js';

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

/** Converts a `payment_method` row. */
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
export async function storeCard(db: Db, accountId: string, card: CardDetails, makeDefault: boolean, nowMs: number): Promise<void> {
  // One default per account: the partial unique index would refuse a second, so clear first.
  const existingDefault = await lockDefaultCard.maybeOne(db, { accountId });
  const becomesDefault = makeDefault || !existingDefault;
  if (becomesDefault && existingDefault && existingDefault.id !== card.paymentMethodId)
    await clearDefaultCard.run(db, { id: existingDefault.id });
  await upsertCard.run(db, {
    id: card.paymentMethodId,
    accountId,
    brand: card.brand,
    last4: card.last4,
    expMonth: card.expMonth,
    expYear: card.expYear,
    isDefault: becomesDefault,
    nowMs,
  });
}

/** The account's default card, or null. */
export async function findDefaultCard(db: Db, accountId: string): Promise<SavedCard | null> {
  const row = await selectDefaultCard.maybeOne(db, { accountId });
  return row ? toSavedCard(row) : null;
}

/** A saved card of any account by id (removed ones included), or null. */
export async function findSavedCard(db: Db, id: string): Promise<(SavedCard & { removed: boolean }) | null> {
  const row = await selectCard.maybeOne(db, { id });
  return row ? { ...toSavedCard(row), removed: row.removed } : null;
}
