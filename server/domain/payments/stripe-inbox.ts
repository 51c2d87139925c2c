import type { EntityManager } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import { pgQuery } from '../../database/pg-transaction.js';
import { callStripe } from './call-stripe.js';
import { queryOf } from './create-top-up.service.js';
import type { PaymentsDeps } from './payments-deps.js';
import { cardDetailsOf, storeCard, type CardDetails } from './saved-card.js';
import { settleTopUp } from './settle-top-up.service.js';
import { pgTransaction } from '../../database/pg-transaction.js';

/**
 * Records a verified Stripe event before it is answered. Returns false for a duplicate delivery
 * (Stripe delivers at least once): already recorded, it is acknowledged and not applied again.
 */
export async function recordStripeEvent(em: EntityManager, event: Stripe.Event): Promise<boolean> {
  const rows = await pgQuery(
    em,
    `insert into stripe_event (id, type, created, payload) values ($1, $2, $3, $4::jsonb) on conflict (id) do nothing returning id`,
    [event.id, event.type, event.created, JSON.stringify(event)],
  );
  return rows.length === 1;
}

/** What one pass of {@link processStripeEvents} did. */
export interface InboxPass {
  applied: number;
  failed: number;
}

/**
 * Applies recorded events not yet applied, oldest first. Applying is idempotent (a top-up is
 * credited once whatever arrives twice), so two processes that race on one event do no harm. An
 * event that fails is retried on later passes, up to `stripeEventAttemptsMax` times.
 */
export async function processStripeEvents(em: EntityManager, deps: PaymentsDeps): Promise<InboxPass> {
  const pending = await pgQuery<{ id: string; payload: Stripe.Event }>(
    em,
    `select id, payload from stripe_event where processed_at is null and attempts < $1 order by received_at, id limit $2`,
    [deps.config.stripeEventAttemptsMax, deps.config.stripeEventBatchSize],
  );
  const pass: InboxPass = { applied: 0, failed: 0 };
  for (const { id, payload } of pending) {
    try {
      await applyStripeEvent(em, deps, payload);
      await pgQuery(em, `update stripe_event set processed_at = now(), attempts = attempts + 1, last_error = null where id = $1`, [id]);
      pass.applied += 1;
    } catch (error) {
      console.error(`Applying Stripe event ${id} failed (retried on the next pass):`, error);
      await pgQuery(em, `update stripe_event set attempts = attempts + 1, last_error = $2 where id = $1`, [id, String(error).slice(0, 1000)]);
      pass.failed += 1;
    }
  }
  return pass;
}

/** Applies one event. Types the product does not use are acknowledged and ignored. */
async function applyStripeEvent(em: EntityManager, deps: PaymentsDeps, event: Stripe.Event): Promise<void> {
  switch (event.type) {
    case 'payment_intent.succeeded':
    case 'payment_intent.payment_failed':
    case 'payment_intent.requires_action':
    case 'payment_intent.processing':
    case 'payment_intent.canceled': {
      const paymentIntent = event.data.object as Stripe.PaymentIntent;
      await settleTopUp(em, deps, { paymentIntent, eventCreated: event.created, card: await paymentCard(deps, paymentIntent) });
      return;
    }
    case 'setup_intent.succeeded': {
      const setupIntent = event.data.object as Stripe.SetupIntent;
      await storeSetupCard(em, deps, setupIntent);
      return;
    }
    case 'payment_method.detached': {
      const paymentMethod = event.data.object as Stripe.PaymentMethod;
      await pgQuery(em, `update payment_method set removed_at = coalesce(removed_at, now()), is_default = false where id = $1`, [paymentMethod.id]);
      return;
    }
    default:
      return;
  }
}

/** The card that paid a succeeded PaymentIntent (retrieved: the event names it only by id). */
export async function paymentCard(deps: PaymentsDeps, paymentIntent: Stripe.PaymentIntent): Promise<CardDetails | null> {
  if (paymentIntent.status !== 'succeeded' || !paymentIntent.payment_method) return null;
  const paymentMethod =
    typeof paymentIntent.payment_method === 'string'
      ? await callStripe(() => deps.stripe.paymentMethods.retrieve(paymentIntent.payment_method as string))
      : paymentIntent.payment_method;
  return cardDetailsOf(paymentMethod);
}

/** A card set up through a SetupIntent (Elements' "add a card", or one that needed 3-D Secure) joins the account's cards. */
export async function storeSetupCard(em: EntityManager, deps: PaymentsDeps, setupIntent: Stripe.SetupIntent): Promise<boolean> {
  if (setupIntent.status !== 'succeeded' || !setupIntent.payment_method || !setupIntent.customer) return false;
  const customerId = typeof setupIntent.customer === 'string' ? setupIntent.customer : setupIntent.customer.id;
  const [account] = await queryOf(em)<{ id: string }>('select id from account where stripe_customer_id = $1', [customerId]);
  if (!account) return false;
  const paymentMethod =
    typeof setupIntent.payment_method === 'string'
      ? await callStripe(() => deps.stripe.paymentMethods.retrieve(setupIntent.payment_method as string))
      : setupIntent.payment_method;
  const card = cardDetailsOf(paymentMethod);
  if (!card) return false;
  const makeDefault = setupIntent.metadata?.spendwire_make_default === 'true';
  await pgTransaction(em, (query) => storeCard(query, account.id, card, makeDefault, deps.clock.now()));
  return true;
}
