/**
 * Idempotency of top-up submissions. Each attempt gets a fresh idempotency key, except a retry of
 * the very same submission after it got no answer (network error, 5xx, or the server saying the
 * outcome is unknown): that retry sends the same key, so the server returns the top-up the lost
 * request may have created instead of charging the card twice. Once the server has answered
 * (a top-up of any status, or a refusal), the next submission is a new payment with a new key:
 * paying again with the same card after a decline must not get the declined top-up back.
 */
import type { TopUpInput } from '../gql/graphql.js';
import { compareMoney } from './money.js';
import { isNewCard, samePaymentChoice, type PaymentChoice } from './payment-choice.js';

/** What the payer asked for. */
export interface TopUpSubmission {
  walletId: string;
  /** Money string of whole units. */
  amount: string;
  choice: PaymentChoice;
  /** Keep a new card for later; ignored for a saved or the default card. */
  savePaymentMethod: boolean;
}

/**
 * Where an attempt's request stands: in flight (`pending`), lost without an answer whose outcome
 * is unknown (`unanswered`), or answered by the server (`answered`).
 */
export type TopUpAttemptOutcome = 'pending' | 'unanswered' | 'answered';

/** One submission and the idempotency key it is sent with. */
export interface TopUpAttempt {
  submission: TopUpSubmission;
  idempotencyKey: string;
  /**
   * The PaymentMethod Stripe Elements created for this attempt (choice `elements`), null before:
   * a retry sends the same one rather than creating another, so the request stays the same.
   */
  elementsPaymentMethodId: string | null;
  outcome: TopUpAttemptOutcome;
}

/** Whether two submissions are the same request: same wallet, amount (by value), card and save flag. */
export function sameSubmission(left: TopUpSubmission, right: TopUpSubmission): boolean {
  return (
    left.walletId === right.walletId &&
    compareMoney(left.amount, right.amount) === 0 &&
    samePaymentChoice(left.choice, right.choice) &&
    (isNewCard(left.choice) ? left.savePaymentMethod === right.savePaymentMethod : true)
  );
}

/**
 * The attempt for a submission: the previous one again (its key and its Elements PaymentMethod)
 * when it has not been answered and asks for the same thing, else a new one with `newKey()`.
 */
export function nextTopUpAttempt(previous: TopUpAttempt | null, submission: TopUpSubmission, newKey: () => string): TopUpAttempt {
  if (previous !== null && previous.outcome !== 'answered' && sameSubmission(previous.submission, submission)) {
    return { ...previous, outcome: 'pending' };
  }
  return { submission, idempotencyKey: newKey(), elementsPaymentMethodId: null, outcome: 'pending' };
}

/**
 * The `paymentMethodId` to send: the saved or test card's id, null for the default card, or the
 * Elements PaymentMethod; undefined when Elements has not created it yet (create it, then
 * {@link withElementsPaymentMethod}).
 */
export function paymentMethodIdToSend(attempt: TopUpAttempt): string | null | undefined {
  const choice = attempt.submission.choice;
  switch (choice.kind) {
    case 'saved':
    case 'test-card':
      return choice.paymentMethodId;
    case 'default':
      return null;
    case 'elements':
      return attempt.elementsPaymentMethodId ?? undefined;
  }
}

/** The attempt with the PaymentMethod Elements created for it. */
export function withElementsPaymentMethod(attempt: TopUpAttempt, paymentMethodId: string): TopUpAttempt {
  return { ...attempt, elementsPaymentMethodId: paymentMethodId };
}

/**
 * The `topUp` mutation's input for an attempt.
 * @throws Error when an Elements attempt has no PaymentMethod yet (a programmer error).
 */
export function topUpInputOf(attempt: TopUpAttempt): TopUpInput {
  const paymentMethodId = paymentMethodIdToSend(attempt);
  if (paymentMethodId === undefined) throw new Error('topUpInputOf: create the Elements PaymentMethod of this attempt first');
  const { walletId, amount, choice, savePaymentMethod } = attempt.submission;
  return {
    walletId,
    amount,
    paymentMethodId,
    savePaymentMethod: isNewCard(choice) && savePaymentMethod,
    idempotencyKey: attempt.idempotencyKey,
  };
}

/** How a request failed, as far as the idempotency rule cares. */
export type RequestFailure =
  /** No HTTP answer at all (offline, connection reset, CORS). */
  | { kind: 'network' }
  /** An HTTP error status without GraphQL errors the client could read. */
  | { kind: 'http'; statusCode: number }
  /** GraphQL errors, with the first one's `extensions.code`. */
  | { kind: 'graphql'; code: string | null };

/**
 * GraphQL codes after which the top-up may or may not exist: an internal error (masked, so
 * unknown), or Stripe unreachable (the server says a retry with the same key is safe).
 */
const OUTCOME_UNKNOWN_CODES: ReadonlySet<string> = new Set(['INTERNAL_SERVER_ERROR', 'PAYMENT_PROVIDER_ERROR']);

/**
 * The outcome of an attempt whose request failed: `unanswered` when the server may have acted
 * on it (so a retry must reuse the key), `answered` when it refused it.
 */
export function attemptOutcomeOf(failure: RequestFailure): Exclude<TopUpAttemptOutcome, 'pending'> {
  switch (failure.kind) {
    case 'network':
      return 'unanswered';
    case 'http':
      return failure.statusCode >= 500 || failure.statusCode === 408 || failure.statusCode === 429 ? 'unanswered' : 'answered';
    case 'graphql':
      return failure.code !== null && OUTCOME_UNKNOWN_CODES.has(failure.code) ? 'unanswered' : 'answered';
  }
}

/** The parts of the Web Crypto API {@link newIdempotencyKey} uses. */
export interface RandomSource {
  randomUUID?: () => string;
  /** Fills `array` with random bytes. */
  getRandomValues(array: Uint8Array<ArrayBuffer>): unknown;
}

/**
 * A new idempotency key: a random UUID v4. `crypto.randomUUID` exists only in secure contexts
 * (HTTPS or localhost); on plain HTTP the same UUID is built from `getRandomValues`.
 */
export function newIdempotencyKey(random: RandomSource = globalThis.crypto): string {
  if (typeof random.randomUUID === 'function') return random.randomUUID();
  const bytes = new Uint8Array(16);
  random.getRandomValues(bytes);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
