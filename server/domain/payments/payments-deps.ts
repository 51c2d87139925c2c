import type Stripe from 'stripe';
import type { ServiceDeps } from '../service-deps.js';

/** What payment services need: the time, the settings, Stripe (or the loopback sandbox) and the commit signal. */
export interface PaymentsDeps extends ServiceDeps {
  /** The real SDK, pointed at api.stripe.com or at the loopback sandbox. */
  stripe: Stripe;
  /** Asks the payment jobs to run soon (an event arrived, a wallet crossed its threshold). */
  wakePayments(): void;
}
