/**
 * Stripe.js, loaded lazily and only in STRIPE mode: the module and Stripe's script are fetched on
 * the first call, never at page load (machines running the sandbox are offline). Imports
 * `@stripe/stripe-js/pure`, whose import has no side effect; the plain entry point would insert
 * Stripe's script as soon as the bundle loads.
 */
import type { Stripe } from '@stripe/stripe-js';

let loaded: { publishableKey: string; stripe: Promise<Stripe | null> } | null = null;

/**
 * The Stripe object for a publishable key, loading Stripe.js on the first call; later calls with
 * the same key share it. A failed load is forgotten, so the next call tries again.
 * @throws (rejects) when Stripe.js cannot be loaded.
 */
export function loadStripeOnce(publishableKey: string): Promise<Stripe | null> {
  if (loaded !== null && loaded.publishableKey === publishableKey) return loaded.stripe;
  const stripe = import('@stripe/stripe-js/pure').then(({ loadStripe }) => loadStripe(publishableKey));
  const entry = { publishableKey, stripe };
  loaded = entry;
  stripe.catch(() => {
    if (loaded === entry) loaded = null;
  });
  return stripe;
}

/**
 * Runs Stripe's next action of a PaymentIntent (its 3-D Secure challenge, in Stripe's own modal).
 * Resolves to null when Stripe finished it (the caller then asks the server: refreshTopUp), or to
 * the sentence to show when Stripe reports an error.
 */
export async function handleStripeNextAction(publishableKey: string, clientSecret: string): Promise<string | null> {
  let stripe: Stripe | null;
  try {
    stripe = await loadStripeOnce(publishableKey);
  } catch (error) {
    return `Stripe.js could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (stripe === null) return 'Stripe.js is not available in this browser.';
  const result = await stripe.handleNextAction({ clientSecret });
  return result.error ? (result.error.message ?? 'Your bank could not confirm this payment.') : null;
}
