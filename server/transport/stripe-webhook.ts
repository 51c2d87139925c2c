import express from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import { recordStripeEvent } from '../domain/payments/stripe-inbox.js';
import { log } from '../logging/logger.js';

/** Options of {@link stripeWebhookRoute}. */
export interface StripeWebhookOptions {
  orm: MikroORM;
  stripe: Stripe;
  /** `whsec_…`: the endpoint's signing secret. */
  webhookSecret: string;
  /** Oldest signature accepted, in seconds. */
  toleranceSeconds: number;
  bodyBytesMax: number;
  /** Called after a new event is recorded: the payment jobs apply it. */
  onEventRecorded(): void;
}

/**
 * POST /webhooks/stripe. The signature is checked on the raw body (re-serialized JSON would not
 * match) with Stripe's tolerance; a forged or stale event gets 400 and changes nothing. A valid
 * one is recorded in the inbox and answered 200 at once (Stripe wants a fast answer and retries
 * otherwise); applying it happens after, from the inbox. A duplicate is acknowledged too.
 */
export function stripeWebhookRoute(options: StripeWebhookOptions): express.Router {
  const router = express.Router();
  router.post('/webhooks/stripe', express.raw({ type: () => true, limit: options.bodyBytesMax }), async (request, response) => {
    const signature = request.headers['stripe-signature'];
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    let event: Stripe.Event;
    try {
      if (typeof signature !== 'string') throw new Error('no Stripe-Signature header');
      event = options.stripe.webhooks.constructEvent(body, signature, options.webhookSecret, options.toleranceSeconds);
    } catch (error) {
      response.status(400).json({ error: `Webhook signature verification failed: ${(error as Error).message}` });
      return;
    }
    try {
      const recorded = await recordStripeEvent(options.orm.em.fork(), event);
      if (recorded) options.onEventRecorded();
      response.status(200).json({ received: true, duplicate: !recorded });
    } catch (error) {
      log.error({ err: error, stripeEventId: event.id }, `Recording Stripe event ${event.id} failed (Stripe retries it)`);
      response.status(500).json({ error: 'Internal server error' });
    }
  });
  return router;
}
