/**
 * Automatic funding (README "Auto-recharge", "Monthly recharge"): who may change it, the forms'
 * amounts checked as the server checks them (so the form answers at once; the server's
 * BAD_USER_INPUT wins), and how the settings read on screen. Works on decimal strings, never
 * through a JS number.
 */
import type { AutoRechargeFieldsFragment as AutoRecharge, Role } from '../../gql/graphql.js';
import { compareMoney, formatMoney, MONEY_FRACTION_DIGITS_MAX, subtractMoney } from '../../utils/money.js';
import { checkTopUpAmount, TOP_UP_AMOUNT_MAX } from '../../utils/top-up-amount.js';

/** Roles that may change a wallet's automatic funding (the server's FUNDING_SETTINGS_ROLES). */
export const FUNDING_SETTINGS_ROLES: readonly Role[] = ['OWNER'];

/** Whether a key or user of this role may change automatic funding; others see it read-only. */
export function canChangeFunding(role: Role): boolean {
  return FUNDING_SETTINGS_ROLES.includes(role);
}

/** Longest amount typed, in characters, before it is refused as not a number. */
const MONEY_INPUT_CHARACTERS_MAX = 30;

/** What {@link parseMoneyInput} found: a Money string, or the sentence to show under the field. */
export type MoneyInputCheck = { valid: true; amount: string } | { valid: false; message: string };

/**
 * Reads an amount typed into a form: spaces and thousands commas are ignored, at most 6 fraction
 * digits (the Money scalar's), never negative. "12.50" → "12.5", "1,000" → "1000", "0" → "0".
 */
export function parseMoneyInput(input: string, currency: string): MoneyInputCheck {
  const typed = input.replace(/[\s,]/g, '');
  if (typed === '') return { valid: false, message: 'Enter an amount.' };
  const match = typed.length <= MONEY_INPUT_CHARACTERS_MAX ? /^([0-9]+)(?:\.([0-9]*))?$/.exec(typed) : null;
  if (!match) return { valid: false, message: `Enter an amount of ${currency}, e.g. 20 or 12.50.` };
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > MONEY_FRACTION_DIGITS_MAX)
    return { valid: false, message: `Use at most ${MONEY_FRACTION_DIGITS_MAX} decimal places.` };
  const integer = match[1]!.replace(/^0+(?=[0-9])/, '');
  return { valid: true, amount: fraction === '' ? integer : `${integer}.${fraction}` };
}

/** The auto-recharge form as typed. */
export interface AutoRechargeFormInput {
  threshold: string;
  target: string;
}

/** Limits of the funding forms, as Money strings in major units. */
export interface FundingLimits {
  currency: string;
  /** The smallest top-up of the currency (`TopUpQuote.minimum`; 10 by default). */
  minimum: string;
  /** The largest top-up. @default {@link TOP_UP_AMOUNT_MAX} */
  maximum?: string;
}

/** What {@link checkAutoRechargeForm} found. */
export type AutoRechargeFormCheck =
  | { valid: true; threshold: string; target: string }
  | { valid: false; errors: { threshold?: string; target?: string } };

/**
 * Checks the auto-recharge form as `setAutoRecharge` will: a threshold from 0 to the top-up cap,
 * and a target at least the threshold plus the minimum top-up (one recharge is at least the
 * minimum) and at most the threshold plus the cap.
 */
export function checkAutoRechargeForm(input: AutoRechargeFormInput, limits: FundingLimits): AutoRechargeFormCheck {
  const maximum = limits.maximum ?? TOP_UP_AMOUNT_MAX;
  const threshold = parseMoneyInput(input.threshold, limits.currency);
  const target = parseMoneyInput(input.target, limits.currency);
  const errors: { threshold?: string; target?: string } = {};
  if (!threshold.valid) errors.threshold = threshold.message;
  else if (compareMoney(threshold.amount, maximum) > 0)
    errors.threshold = `The threshold may be at most ${formatMoney(maximum, limits.currency)}.`;
  if (!target.valid) errors.target = target.message;
  else if (threshold.valid && errors.threshold === undefined) {
    const headroom = subtractMoney(target.amount, threshold.amount);
    if (compareMoney(headroom, limits.minimum) < 0) {
      errors.target = `The target must be at least the threshold plus the minimum top-up of ${formatMoney(limits.minimum, limits.currency)}.`;
    } else if (compareMoney(headroom, maximum) > 0) {
      errors.target = `The target may be at most ${formatMoney(maximum, limits.currency)} above the threshold.`;
    }
  }
  if (!threshold.valid || !target.valid || errors.threshold !== undefined || errors.target !== undefined) return { valid: false, errors };
  return { valid: true, threshold: threshold.amount, target: target.amount };
}

/** First day of the month a monthly recharge may fall on (UTC). */
export const MONTHLY_RECHARGE_DAY_MIN = 1;

/** Last day of the month a monthly recharge may fall on (UTC): 28, which every month has. */
export const MONTHLY_RECHARGE_DAY_MAX = 28;

/** The days a monthly recharge may fall on, in order. */
export const MONTHLY_RECHARGE_DAYS: readonly number[] = Array.from(
  { length: MONTHLY_RECHARGE_DAY_MAX - MONTHLY_RECHARGE_DAY_MIN + 1 },
  (_, index) => MONTHLY_RECHARGE_DAY_MIN + index,
);

/** The monthly recharge form as typed. */
export interface MonthlyRechargeFormInput {
  dayOfMonth: string;
  amount: string;
}

/** What {@link checkMonthlyRechargeForm} found. */
export type MonthlyRechargeFormCheck =
  | { valid: true; dayOfMonth: number; amount: string }
  | { valid: false; errors: { dayOfMonth?: string; amount?: string } };

/** Checks the monthly recharge form as `setMonthlyRecharge` will: a day 1–28 and a whole amount from the minimum to the cap. */
export function checkMonthlyRechargeForm(input: MonthlyRechargeFormInput, limits: FundingLimits): MonthlyRechargeFormCheck {
  const errors: { dayOfMonth?: string; amount?: string } = {};
  const dayText = input.dayOfMonth.trim();
  const day = /^[0-9]{1,2}$/.test(dayText) ? Number(dayText) : Number.NaN;
  if (!(day >= MONTHLY_RECHARGE_DAY_MIN && day <= MONTHLY_RECHARGE_DAY_MAX)) {
    errors.dayOfMonth = `Pick a day from ${MONTHLY_RECHARGE_DAY_MIN} to ${MONTHLY_RECHARGE_DAY_MAX} (a day every month has).`;
  }
  const amount = checkTopUpAmount(input.amount, { currency: limits.currency, minimum: limits.minimum, maximum: limits.maximum });
  if (!amount.valid) errors.amount = amount.message;
  if (errors.dayOfMonth !== undefined || !amount.valid) return { valid: false, errors };
  return { valid: true, dayOfMonth: day, amount: amount.amount };
}

/** Why automatic funding paused, in words, for the server's `pausedReason` codes; other codes are shown as they come. */
const PAUSED_REASONS: Readonly<Record<string, string>> = {
  REPEATED_FAILURES: 'the default card was declined several times in a row',
  AUTHENTICATION_REQUIRED: 'the bank asked for 3-D Secure, which an automatic payment cannot answer',
  NO_PAYMENT_METHOD: 'the account has no default card to charge',
};

/** "REPEATED_FAILURES" → "the default card was declined several times in a row"; null → "for an unknown reason". */
export function pausedReasonText(reason: string | null): string {
  if (reason === null || reason.trim() === '') return 'for an unknown reason';
  return PAUSED_REASONS[reason] ?? reason.toLowerCase().replace(/_/g, ' ');
}

/** Where auto-recharge stands: never set up, off, on (watching the balance), or paused by the server. */
export type AutoRechargeState = 'not-set' | 'off' | 'on' | 'paused';

/** The state of a wallet's auto-recharge (null settings: never set). A pause wins over "on". */
export function autoRechargeState(settings: Pick<AutoRecharge, 'enabled' | 'pausedAt'> | null): AutoRechargeState {
  if (settings === null) return 'not-set';
  if (settings.pausedAt !== null) return 'paused';
  return settings.enabled ? 'on' : 'off';
}

/**
 * One sentence about the auto-recharge: "Below $10.00 available, the default card tops the wallet
 * up to $50.00." when on; "Off." otherwise.
 */
export function autoRechargeSummary(
  settings: Pick<AutoRecharge, 'enabled' | 'pausedAt' | 'threshold' | 'target'> | null,
  currency: string,
): string {
  switch (autoRechargeState(settings)) {
    case 'not-set':
      return 'Off: never set up.';
    case 'off':
      return 'Off.';
    case 'paused':
      return 'Paused.';
    case 'on':
      return `Below ${formatMoney(settings!.threshold, currency)} available, the default card tops the wallet up to ${formatMoney(settings!.target, currency)}.`;
  }
}

/** "Monthly: $100.00 on day 5 of each month (UTC)." or "Monthly recharge off." */
export function monthlyRechargeSummary(
  settings: Pick<AutoRecharge, 'monthlyEnabled' | 'monthlyDay' | 'monthlyAmount'> | null,
  currency: string,
): string {
  if (settings === null || !settings.monthlyEnabled || settings.monthlyDay === null || settings.monthlyAmount === null)
    return 'Monthly recharge off.';
  return `${formatMoney(settings.monthlyAmount, currency)} on day ${settings.monthlyDay} of each month (UTC).`;
}
