import Stripe from 'stripe';
import { PaymentProviderError } from '../../errors.js';
import { log } from '../../logging/logger.js';

/**
 * Runs a Stripe request, turning outages and API errors into {@link PaymentProviderError}. Card
 * errors (and, when asked, invalid-request errors) are rethrown as they are: callers treat a decline as data (a FAILED top-up), not an error.
 */
export async function callStripe<T>(request: () => Promise<T>, options: { passInvalidRequest?: boolean } = {}): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError) throw error;
    // The caller explains an invalid request itself (e.g. an unknown payment method is the user's input).
    if (options.passInvalidRequest && error instanceof Stripe.errors.StripeInvalidRequestError) throw error;
    if (error instanceof Stripe.errors.StripeError && !(error instanceof Stripe.errors.StripeConnectionError)) {
      log.error(
        { stripeErrorType: error.type, stripeErrorCode: error.code, stripeRequestId: error.requestId },
        `Stripe request failed: ${error.message}`,
      );
      throw new PaymentProviderError(`The payment provider refused the request: ${error.message}`, {
        providerCode: error.code ?? error.type,
      });
    }
    log.error({ err: error }, 'Stripe request failed: the provider could not be reached');
    throw new PaymentProviderError('The payment provider could not be reached; try again (the same idempotency key is safe)');
  }
}

/** The PaymentIntent a card error carries (Stripe puts the declined intent in the error body). */
export function paymentIntentOfCardError(error: unknown): Stripe.PaymentIntent | null {
  if (!(error instanceof Stripe.errors.StripeCardError)) return null;
  return (error.raw as { payment_intent?: Stripe.PaymentIntent }).payment_intent ?? null;
}

/** The SetupIntent a card error carries. */
export function setupIntentOfCardError(error: unknown): Stripe.SetupIntent | null {
  if (!(error instanceof Stripe.errors.StripeCardError)) return null;
  return (error.raw as { setup_intent?: Stripe.SetupIntent }).setup_intent ?? null;
}
