/**
 * What a customer reads when a card payment fails, by Stripe's decline or error code, with
 * what to do about it: declined, insufficient funds, expired card, incorrect details, authentication).
 */
const REASONS: Record<string, string> = {
  generic_decline: 'Your card was declined. Try a different card or contact your bank.',
  card_declined: 'Your card was declined. Try a different card or contact your bank.',
  insufficient_funds: 'Insufficient funds: check that your card has enough funds or credit limit, or try a different card.',
  expired_card: 'Card expired: check the expiration date, or update the card in Payment Methods.',
  incorrect_cvc: 'Card details incorrect: check the card number, CVC and expiration date.',
  incorrect_number: 'Card details incorrect: check the card number, CVC and expiration date.',
  processing_error: 'The card issuer could not process the payment. Try again in a moment.',
  authentication_required: 'Your bank requires 3-D Secure authentication for this payment: pay on-session to authenticate it.',
  payment_intent_authentication_failure: '3-D Secure authentication failed. Try again or use a different card.',
  setup_intent_authentication_failure: '3-D Secure authentication failed. Try again or use a different card.',
  lost_card: 'Your card was declined. Try a different card or contact your bank.',
  stolen_card: 'Your card was declined. Try a different card or contact your bank.',
};

/** A Stripe failure, reduced to what we store: the most specific code and the customer's message. */
export interface PaymentFailure {
  code: string;
  reason: string;
}

/** Builds a {@link PaymentFailure} from Stripe's `last_payment_error` (or a card error's raw body). */
export function paymentFailureOf(
  error: { code?: string | null; decline_code?: string | null; message?: string | null } | null | undefined,
): PaymentFailure | null {
  if (!error) return null;
  const code = error.decline_code || error.code || 'card_declined';
  const reason = REASONS[code] ?? REASONS[error.code ?? ''] ?? error.message ?? 'The payment failed.';
  return { code, reason };
}
