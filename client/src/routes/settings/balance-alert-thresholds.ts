/**
 * Low-balance alert thresholds (README "Alerts"): who may change a wallet's, the rules
 * `setLowBalanceThresholds` applies (checked here so the Settings form answers at once; the
 * server's BAD_USER_INPUT wins), and how a list reads on screen. Thresholds stay decimal strings,
 * compared and normalised through integer micro-units (utils/money.ts), never through a JS number.
 */
import type { Role } from '../../gql/graphql.js';
import { parseMoneyInput } from './auto-recharge.js';
import { compareMoney, formatMoney, microsToMoney, moneyToMicros } from '../../utils/money.js';

/** Roles that may set a wallet's thresholds (the server's ALERT_THRESHOLD_ROLES); INTEGRATOR keys only read them. */
export const BALANCE_ALERT_ROLES: readonly Role[] = ['OWNER', 'CAMPAIGN_MANAGER', 'SUPPORT', 'PLATFORM_ADMIN'];

/** Whether a key or user of this role may change the wallet's balance alerts; others see them read-only. */
export function canSetBalanceAlerts(role: Role): boolean {
  return BALANCE_ALERT_ROLES.includes(role);
}

/** Most thresholds a wallet may have (the server's `lowBalanceThresholdsMax`). */
export const BALANCE_ALERT_THRESHOLDS_MAX = 10;

/** Largest threshold, in major units: the largest balance a wallet may hold (the server's `walletBalanceMicrosMax`, 1e16 micros). */
export const BALANCE_ALERT_THRESHOLD_AMOUNT_MAX = '10000000000';

/** The thresholds a wallet has until someone sets them (the server's DEFAULT_LOW_BALANCE_THRESHOLDS_MICROS), highest first. */
export const BALANCE_ALERT_THRESHOLDS_DEFAULT: readonly string[] = ['5', '0'];

/** What {@link checkThreshold} found: the threshold as a canonical Money string, or the sentence to show. */
export type ThresholdCheck = { valid: true; amount: string } | { valid: false; message: string };

/**
 * Reads one threshold as typed: an amount ≥ 0 with at most 6 decimal places and at most
 * {@link BALANCE_ALERT_THRESHOLD_AMOUNT_MAX}. Spaces and thousands commas are ignored, as in the
 * other money fields. "5.00" → "5", "-0" → "0", "-1" → refused as negative.
 */
export function checkThreshold(input: string, currency: string): ThresholdCheck {
  const typed = input.trim();
  // A minus sign gets its own sentence: "Enter an amount" would not say what is wrong with "-5".
  const negative = typed.startsWith('-');
  const parsed = parseMoneyInput(negative ? typed.slice(1) : typed, currency);
  if (!parsed.valid) return parsed;
  if (negative && compareMoney(parsed.amount, '0') !== 0) return { valid: false, message: 'A threshold must not be negative.' };
  if (compareMoney(parsed.amount, BALANCE_ALERT_THRESHOLD_AMOUNT_MAX) > 0) {
    return { valid: false, message: `A threshold must be at most ${formatMoney(BALANCE_ALERT_THRESHOLD_AMOUNT_MAX, currency)}.` };
  }
  return { valid: true, amount: parsed.amount };
}

/** What {@link checkThresholds}, {@link addThreshold} found: the list to send, or the sentence to show. */
export type ThresholdListCheck = { valid: true; thresholds: string[] } | { valid: false; message: string };

/**
 * Checks a whole list as `setLowBalanceThresholds` will: each threshold as {@link checkThreshold}
 * reads it, at most {@link BALANCE_ALERT_THRESHOLDS_MAX}, no two equal in value ("5" and "5.00"
 * are the same threshold). Returns the list normalised and sorted highest first, as the server
 * answers it; `[]` is valid (balance alerts off).
 */
export function checkThresholds(thresholds: readonly string[], currency: string): ThresholdListCheck {
  if (thresholds.length > BALANCE_ALERT_THRESHOLDS_MAX)
    return { valid: false, message: `At most ${BALANCE_ALERT_THRESHOLDS_MAX} thresholds.` };
  const amounts: string[] = [];
  for (const threshold of thresholds) {
    const check = checkThreshold(threshold, currency);
    if (!check.valid)
      return { valid: false, message: `${threshold.trim() === '' ? 'An empty threshold' : `“${threshold.trim()}”`}: ${check.message}` };
    if (amounts.some((amount) => compareMoney(amount, check.amount) === 0)) {
      return {
        valid: false,
        message: `Thresholds must be different from each other: ${formatMoney(check.amount, currency)} is there twice.`,
      };
    }
    amounts.push(check.amount);
  }
  return { valid: true, thresholds: sortThresholds(amounts) };
}

/**
 * Money strings in canonical form ("5.00" → "5"), highest first, exactly.
 * @throws MoneyFormatError when one is not a Money string.
 */
export function sortThresholds(thresholds: readonly string[]): string[] {
  return thresholds.map((threshold) => microsToMoney(moneyToMicros(threshold))).sort((left, right) => compareMoney(right, left));
}

/**
 * Adds a typed threshold to a valid list (canonical, highest first): refused when it is not a
 * threshold, is already in the list (by value), or the list is full.
 */
export function addThreshold(thresholds: readonly string[], input: string, currency: string): ThresholdListCheck {
  const check = checkThreshold(input, currency);
  if (!check.valid) return check;
  if (thresholds.some((threshold) => compareMoney(threshold, check.amount) === 0)) {
    return { valid: false, message: `${formatMoney(check.amount, currency)} is already a threshold.` };
  }
  if (thresholds.length >= BALANCE_ALERT_THRESHOLDS_MAX) {
    return { valid: false, message: `A wallet has at most ${BALANCE_ALERT_THRESHOLDS_MAX} thresholds: remove one first.` };
  }
  return { valid: true, thresholds: sortThresholds([...thresholds, check.amount]) };
}

/** The list without the threshold equal in value to `amount` (unchanged when there is none). */
export function removeThreshold(thresholds: readonly string[], amount: string): string[] {
  return thresholds.filter((threshold) => compareMoney(threshold, amount) !== 0);
}

/** Whether two lists hold the same thresholds by value, whatever their order and notation. */
export function sameThresholds(left: readonly string[], right: readonly string[]): boolean {
  if (left.length !== right.length) return false;
  const sortedLeft = sortThresholds(left);
  const sortedRight = sortThresholds(right);
  return sortedLeft.every((threshold, index) => threshold === sortedRight[index]);
}

/** Whether a threshold is the "depleted" one (0): it raises BALANCE_DEPLETED rather than LOW_BALANCE. */
export function isDepletedThreshold(amount: string): boolean {
  return compareMoney(amount, '0') === 0;
}

/** How a threshold reads in its list: "$20.00", and "$0.00 — when the balance runs out" for 0. */
export function thresholdLabel(amount: string, currency: string): string {
  const formatted = formatMoney(amount, currency);
  return isDepletedThreshold(amount) ? `${formatted} — when the balance runs out` : formatted;
}
