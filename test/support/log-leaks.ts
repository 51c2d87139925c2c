/**
 * What must never appear in a server log: credentials (API keys, session, e-mail and invitation
 * tokens, the operator's token), Stripe and webhook secrets, passwords, and the card numbers of
 * Stripe's test cards the sandbox stands for. Used on the logs of a whole test run (by the summary
 * reporter) and by the tests of the logger.
 */

/** The card numbers of Stripe's test cards (https://docs.stripe.com/testing) behind the sandbox's `pm_card_*` ids. */
export const SANDBOX_CARD_NUMBERS: readonly string[] = [
  '4242424242424242', // pm_card_visa
  '4000056655665556', // pm_card_visa_debit
  '5555555555554444', // pm_card_mastercard
  '378282246310005', // pm_card_amex
  '4000000000000002', // pm_card_chargeDeclined
  '4000000000009995', // pm_card_chargeDeclinedInsufficientFunds
  '4000000000009987', // pm_card_chargeDeclinedLostCard
  '4000000000009979', // pm_card_chargeDeclinedStolenCard
  '4000000000000069', // pm_card_chargeDeclinedExpiredCard
  '4000000000000127', // pm_card_chargeDeclinedIncorrectCvc
  '4000000000000119', // pm_card_chargeDeclinedProcessingError
  '4000000000000341', // pm_card_chargeCustomerFail
  '4000002760003184', // pm_card_authenticationRequired
  '4000002500003155', // pm_card_authenticationRequiredOnSetup
  '4000000000003220', // pm_card_threeDSecure2Required
];

/** Each kind of secret, by the shape every value of it has. */
export const SECRET_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  // sw_ (API keys), sws_ (sessions), swv_ (e-mail verification), swi_ (invitations): 43 base64url characters.
  { name: 'API key or session/verification/invitation token', pattern: /sw[svi]?_[A-Za-z0-9_-]{43}/ },
  { name: "operator's token", pattern: /sw_admin_[A-Za-z0-9_-]{43}|test_admin_[0-9a-f]{32}/ },
  { name: 'Stripe secret key', pattern: /[sr]k_(?:test|live)_[A-Za-z0-9_]{8,}/ },
  { name: 'webhook signing secret', pattern: /whsec_[A-Za-z0-9_]{16,}/ },
  { name: 'password', pattern: /"(?:password|newPassword|currentPassword|userPassword)"\s*:\s*"(?!\[REDACTED\])/ },
  { name: 'sandbox card number', pattern: new RegExp(SANDBOX_CARD_NUMBERS.join('|')) },
];

/** One secret found in a log. */
export interface LogLeak {
  name: string;
  /** The line it is on (cut to 300 characters). */
  line: string;
}

/** The secrets in `text` (one per offending line, at most `max`), plus any `extra` literal values (e.g. a known password). */
export function findLogLeaks(text: string, extra: readonly string[] = [], max = 20): LogLeak[] {
  const leaks: LogLeak[] = [];
  for (const line of text.split('\n')) {
    const found =
      SECRET_PATTERNS.find(({ pattern }) => pattern.test(line))?.name ??
      (extra.some((value) => value !== '' && line.includes(value)) ? 'a given secret' : undefined);
    if (found) leaks.push({ name: found, line: line.slice(0, 300) });
    if (leaks.length >= max) break;
  }
  return leaks;
}

/** Where the summary reporter (the process of the global setup) finds the run's log file. */
export const TEST_LOG_FILE_ENV = 'SPENDWIRE_TEST_LOG_FILE';

/** Set by the reporter when the run failed or its log holds a secret: the global teardown then keeps the log file. */
export const KEEP_TEST_LOG_ENV = 'SPENDWIRE_TEST_LOG_KEEP';
