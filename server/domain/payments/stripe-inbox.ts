import type { EntityManager } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import { transaction } from '../../database/sql.js';
import { selectAccountOfStripeCustomer } from './billing.queries.js';
import { callStripe } from './call-stripe.js';
import { markCardDetached } from './cards.queries.js';
import type { PaymentsDeps } from './payments-deps.js';
import { cardDetailsOf, storeCard, type CardDetails } from './saved-card.js';
import { settleTopUp } from './settle-top-up.service.js';
import { insertStripeEvent, markStripeEventApplied, markStripeEventFailed, selectPendingStripeEvents } from './stripe-inbox.queries.js';
import { log } from '../../logging/logger.js';

/**
 * Records a verified Stripe event before it is answered. Returns false for a duplicate delivery
 * (Stripe delivers at least once): already recorded, it is acknowledged and not applied again.
 */
export async function recordStripeEvent(em: EntityManager, event: Stripe.Event): Promise<boolean> {
  const rows = await insertStripeEvent.all(em, { id: event.id, type: event.type, created: event.created, payload: JSON.stringify(event) });
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
  const pending = await selectPendingStripeEvents.all(em, {
    attemptsMax: deps.config.stripeEventAttemptsMax,
    limit: deps.config.stripeEventBatchSize,
  });
  const pass: InboxPass = { applied: 0, failed: 0 };
  for (const { id, payload } of pending) {
    try {
      await applyStripeEvent(em, deps, payload);
      await markStripeEventApplied.run(em, { id });
      pass.applied += 1;
    } catch (error) {
      log.error({ err: error, stripeEventId: id }, `Applying Stripe event ${id} failed (retried on the next pass)`);
      await markStripeEventFailed.run(em, { id, error: String(error).slice(0, 1000) });
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
      await markCardDetached.run(em, { id: paymentMethod.id });
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
  const account = await selectAccountOfStripeCustomer.maybeOne(em, { customerId });
  if (!account) return false;
  const paymentMethod =
    typeof setupIntent.payment_method === 'string'
      ? await callStripe(() => deps.stripe.paymentMethods.retrieve(setupIntent.payment_method as string))
      : setupIntent.payment_method;
  const card = cardDetailsOf(paymentMethod);
  if (!card) return false;
  const makeDefault = setupIntent.metadata?.spendwire_make_default === 'true';
  await transaction(em, (tx) => storeCard(tx, account.id, card, makeDefault, deps.clock.now()));
  return true;
}
