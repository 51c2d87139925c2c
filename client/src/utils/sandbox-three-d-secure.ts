/**
 * The offline Stripe sandbox's simulated 3-D Secure challenge (SANDBOX mode): the browser answers
 * it with `POST {sandboxUrl}/v1/payment_intents/{id}/sandbox_authenticate`, authorised by the
 * PaymentIntent's client secret (the endpoint allows CORS). Building the request and reading its
 * error are here; the fetch is the component's.
 */

/** How the payer answers the bank: confirm, or refuse (the top-up then fails). */
export type SandboxAuthenticationOutcome = 'succeed' | 'fail';

/** Options of {@link sandboxAuthenticationRequest}. */
export interface SandboxAuthenticationRequestOptions {
  /** `PaymentsConfig.sandboxUrl`, e.g. "http://127.0.0.1:41234". */
  sandboxUrl: string;
  /** `TopUp.paymentIntentId`, e.g. "pi_…". */
  paymentIntentId: string;
  /** `TopUp.clientSecret`. */
  clientSecret: string;
  outcome: SandboxAuthenticationOutcome;
}

/** A fetch call: URL and init. */
export interface SandboxAuthenticationRequest {
  url: string;
  init: { method: 'POST'; headers: Record<string, string>; body: string };
}

/** The request that answers the sandbox's 3-D Secure challenge of a PaymentIntent. */
export function sandboxAuthenticationRequest(options: SandboxAuthenticationRequestOptions): SandboxAuthenticationRequest {
  const base = options.sandboxUrl.trim().replace(/\/+$/, '');
  return {
    url: `${base}/v1/payment_intents/${encodeURIComponent(options.paymentIntentId)}/sandbox_authenticate`,
    init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_secret: options.clientSecret, outcome: options.outcome }),
    },
  };
}

/** A refused sandbox answer: Stripe's error code (when given) and the sentence to show. */
export interface SandboxError {
  code: string | null;
  message: string;
}

/**
 * Reads a refused sandbox answer: Stripe's `{ error: { code, message } }`, else the HTTP status.
 * Code `payment_intent_unexpected_state` means the challenge was already answered (another tab,
 * a lost response): the payment moved on and the server should be asked for its state.
 */
export function sandboxErrorOf(statusCode: number, bodyText: string): SandboxError {
  try {
    const body: unknown = JSON.parse(bodyText);
    const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    const message = typeof error?.message === 'string' && error.message.trim() !== '' ? error.message : null;
    const code = typeof error?.code === 'string' ? error.code : null;
    if (message !== null || code !== null) return { code, message: message ?? `The card sandbox refused the answer (${code}).` };
  } catch {
    // Not JSON: the status says enough.
  }
  return { code: null, message: `The card sandbox answered HTTP ${statusCode}.` };
}

/** Whether a refused answer means the challenge is no longer open, so the outcome is the server's to tell. */
export function isChallengeAlreadyAnswered(error: SandboxError): boolean {
  return error.code === 'payment_intent_unexpected_state';
}
