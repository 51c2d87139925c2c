/** The statements of the Stripe inbox (table `stripe_event`): verified events recorded before they are answered, applied after. */
import type Stripe from 'stripe';
import { sql } from '../../database/sql.js';

/** Records an event; no row for a duplicate delivery. */
export const insertStripeEvent = sql<{ id: string }, { id: string; type: string; created: number; payload: string }>(
  'insert into stripe_event (id, type, created, payload) values (:id, :type, :created, :payload::jsonb) on conflict (id) do nothing returning id',
);

/** Events not applied yet and not out of attempts, oldest first. */
export const selectPendingStripeEvents = sql<{ id: string; payload: Stripe.Event }, { attemptsMax: number; limit: number }>(
  'select id, payload from stripe_event where processed_at is null and attempts < :attemptsMax order by received_at, id limit :limit',
);

export const markStripeEventApplied = sql<never, { id: string }>(
  'update stripe_event set processed_at = now(), attempts = attempts + 1, last_error = null where id = :id',
);

export const markStripeEventFailed = sql<never, { id: string; error: string }>(
  'update stripe_event set attempts = attempts + 1, last_error = :error where id = :id',
);
