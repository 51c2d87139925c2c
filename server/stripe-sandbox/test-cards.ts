/**
 * Stripe's test PaymentMethod ids (https://docs.stripe.com/testing) and how the sandbox makes
 * each behave, so that a product flow meets the same outcomes it would meet in Stripe test mode.
 */

/** A decline as Stripe reports it: `code`, `decline_code` and the customer-facing message. */
export interface CardDecline {
  code: string;
  declineCode: string;
  message: string;
  /** The card field Stripe names in `error.param`, when it names one. */
  param?: string;
}

/**
 * When a card asks for 3-D Secure: never; on every payment and setup (`always`); or on every
 * payment and setup except off-session payments with a card that was set up earlier
 * (`unlessSetUp`, Stripe's "authenticationRequiredOnSetup").
 */
export type CardAuthentication = 'never' | 'always' | 'unlessSetUp';

/** Everything the sandbox knows about one test PaymentMethod id. */
export interface TestCardSpec {
  /** Stripe's test id, e.g. `pm_card_visa`. */
  id: string;
  label: string;
  brand: string;
  last4: string;
  funding: 'credit' | 'debit' | 'prepaid';
  /** ISO 3166-1 alpha-2 country of the issuer. */
  country: string;
  /** Declines attaching and setting up (Stripe verifies the card then); undefined = accepted. */
  setupDecline?: CardDecline;
  /** Declines every charge; undefined = charges succeed. */
  chargeDecline?: CardDecline;
  authentication: CardAuthentication;
  /** What a tester should expect, in one sentence, for a UI picker. */
  behaviour: string;
}

/** One entry of the UI picker list. */
export interface SandboxTestCard {
  id: string;
  label: string;
  brand: string;
  last4: string;
  behaviour: string;
}

const GENERIC_DECLINE: CardDecline = {
  code: 'card_declined',
  declineCode: 'generic_decline',
  message: 'Your card was declined.',
};
const INSUFFICIENT_FUNDS: CardDecline = {
  code: 'card_declined',
  declineCode: 'insufficient_funds',
  message: 'Your card has insufficient funds.',
};
const LOST_CARD: CardDecline = { code: 'card_declined', declineCode: 'lost_card', message: 'Your card was declined.' };
const STOLEN_CARD: CardDecline = { code: 'card_declined', declineCode: 'stolen_card', message: 'Your card was declined.' };
const EXPIRED_CARD: CardDecline = {
  code: 'expired_card',
  declineCode: 'expired_card',
  message: 'Your card has expired.',
  param: 'exp_month',
};
const INCORRECT_CVC: CardDecline = {
  code: 'incorrect_cvc',
  declineCode: 'incorrect_cvc',
  message: "Your card's security code is incorrect.",
  param: 'cvc',
};
const PROCESSING_ERROR: CardDecline = {
  code: 'processing_error',
  declineCode: 'processing_error',
  message: 'An error occurred while processing your card. Try again in a little bit.',
};

function succeeding(id: string, label: string, brand: string, last4: string, funding: TestCardSpec['funding']): TestCardSpec {
  return { id, label, brand, last4, funding, country: 'US', authentication: 'never', behaviour: 'Payments and setups succeed.' };
}

function declining(id: string, label: string, last4: string, decline: CardDecline): TestCardSpec {
  return {
    id,
    label,
    brand: 'visa',
    last4,
    funding: 'credit',
    country: 'US',
    setupDecline: decline,
    chargeDecline: decline,
    authentication: 'never',
    behaviour: `Attaching, setting up and paying are declined (${decline.code}${
      decline.code === decline.declineCode ? '' : `/${decline.declineCode}`
    }).`,
  };
}

const SPECS: readonly TestCardSpec[] = [
  succeeding('pm_card_visa', 'Visa', 'visa', '4242', 'credit'),
  succeeding('pm_card_visa_debit', 'Visa (debit)', 'visa', '5556', 'debit'),
  succeeding('pm_card_mastercard', 'Mastercard', 'mastercard', '4444', 'credit'),
  succeeding('pm_card_amex', 'American Express', 'amex', '0005', 'credit'),
  declining('pm_card_chargeDeclined', 'Declined (generic)', '0002', GENERIC_DECLINE),
  declining('pm_card_chargeDeclinedInsufficientFunds', 'Declined (insufficient funds)', '9995', INSUFFICIENT_FUNDS),
  declining('pm_card_chargeDeclinedLostCard', 'Declined (lost card)', '9987', LOST_CARD),
  declining('pm_card_chargeDeclinedStolenCard', 'Declined (stolen card)', '9979', STOLEN_CARD),
  declining('pm_card_chargeDeclinedExpiredCard', 'Declined (expired card)', '0069', EXPIRED_CARD),
  declining('pm_card_chargeDeclinedIncorrectCvc', 'Declined (incorrect CVC)', '0127', INCORRECT_CVC),
  declining('pm_card_chargeDeclinedProcessingError', 'Declined (processing error)', '0119', PROCESSING_ERROR),
  {
    id: 'pm_card_chargeCustomerFail',
    label: 'Saves, then every charge declines',
    brand: 'visa',
    last4: '0341',
    funding: 'credit',
    country: 'US',
    chargeDecline: GENERIC_DECLINE,
    authentication: 'never',
    behaviour: 'Attaching and setting up succeed; every payment is declined (card_declined/generic_decline).',
  },
  {
    id: 'pm_card_authenticationRequired',
    label: '3-D Secure on every payment',
    brand: 'visa',
    last4: '3184',
    funding: 'credit',
    country: 'US',
    authentication: 'always',
    behaviour: 'Every setup and payment asks for 3-D Secure, even after setup; off-session payments fail with authentication_required.',
  },
  {
    id: 'pm_card_authenticationRequiredOnSetup',
    label: '3-D Secure once at setup',
    brand: 'visa',
    last4: '3155',
    funding: 'credit',
    country: 'US',
    authentication: 'unlessSetUp',
    behaviour:
      'Setup and on-session payments ask for 3-D Secure; once set up, off-session payments succeed without it (before: authentication_required).',
  },
  {
    id: 'pm_card_threeDSecure2Required',
    label: '3-D Secure 2 required',
    brand: 'visa',
    last4: '3220',
    funding: 'credit',
    country: 'US',
    authentication: 'always',
    behaviour: 'Every setup and payment asks for 3-D Secure 2; off-session payments fail with authentication_required.',
  },
];

/** Stripe's `pm_card_visa_chargeDeclined…` spellings of the same declining cards. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['pm_card_visa_chargeDeclined', 'pm_card_chargeDeclined'],
  ['pm_card_visa_chargeDeclinedInsufficientFunds', 'pm_card_chargeDeclinedInsufficientFunds'],
  ['pm_card_visa_chargeDeclinedLostCard', 'pm_card_chargeDeclinedLostCard'],
  ['pm_card_visa_chargeDeclinedStolenCard', 'pm_card_chargeDeclinedStolenCard'],
  ['pm_card_visa_chargeDeclinedExpiredCard', 'pm_card_chargeDeclinedExpiredCard'],
  ['pm_card_visa_chargeDeclinedIncorrectCvc', 'pm_card_chargeDeclinedIncorrectCvc'],
  ['pm_card_visa_chargeDeclinedProcessingError', 'pm_card_chargeDeclinedProcessingError'],
]);

const SPECS_BY_ID: ReadonlyMap<string, TestCardSpec> = new Map(SPECS.map((spec) => [spec.id, spec]));

/**
 * The test payment methods the sandbox understands, for a UI picker: pass `id` as
 * `payment_method` to a PaymentIntent or SetupIntent, or attach it to a customer.
 */
export const SANDBOX_TEST_CARDS: SandboxTestCard[] = SPECS.map(({ id, label, brand, last4, behaviour }) => ({
  id,
  label,
  brand,
  last4,
  behaviour,
}));

/** The spec of a Stripe test PaymentMethod id (aliases included); undefined when `id` is not one. */
export function findTestCard(id: string): TestCardSpec | undefined {
  return SPECS_BY_ID.get(ALIASES.get(id) ?? id);
}
