/**
 * The amount of a card top-up as the user types it: whole units of the wallet's currency, at
 * least the currency's minimum and at most the server's cap. Checked here so the form can answer
 * at once; the server checks again (quoteTopUp, topUp) and its BAD_USER_INPUT message wins.
 * Works on the digits of the string, never through a JS number.
 */
import { compareMoney, formatMoney } from './money.js';

/** Amounts offered as one-click choices, in major units of the wallet's currency. */
export const TOP_UP_QUICK_PICKS: readonly string[] = ['10', '25', '50', '100'];

/** The amount the form starts with, in major units. @default "25" */
export const TOP_UP_AMOUNT_INITIAL = '25';

/**
 * The smallest top-up assumed until the server names the currency's own (`TopUpQuote.minimum`):
 * the server's default for USD, GBP, EUR and unlisted currencies, in major units.
 */
export const TOP_UP_MINIMUM_DEFAULT = '10';

/** The server's sanity cap on one top-up (`topUpAmountMicrosMax`), in major units. */
export const TOP_UP_AMOUNT_MAX = '100000';

/** Longest amount typed, in characters, before it is refused as not a number (well above the cap's 6 digits). */
const TOP_UP_AMOUNT_CHARACTERS_MAX = 30;

/** What {@link checkTopUpAmount} found: the amount as a Money string, or why it cannot be sent. */
export type TopUpAmountCheck = { valid: true; amount: string } | { valid: false; message: string };

/** Limits of {@link checkTopUpAmount}, as Money strings in major units. */
export interface TopUpAmountLimits {
  /** ISO 4217 code, for the messages. */
  currency: string;
  /** @default {@link TOP_UP_MINIMUM_DEFAULT} */
  minimum?: string;
  /** @default {@link TOP_UP_AMOUNT_MAX} */
  maximum?: string;
}

/**
 * Reads a typed amount: spaces and thousands commas are ignored, a zero fraction ("25.00") is
 * allowed and dropped. Returns the amount as a Money string of whole units ("25", "1500") or the
 * sentence to show under the field.
 */
export function checkTopUpAmount(input: string, limits: TopUpAmountLimits): TopUpAmountCheck {
  const currency = limits.currency;
  const minimum = limits.minimum ?? TOP_UP_MINIMUM_DEFAULT;
  const maximum = limits.maximum ?? TOP_UP_AMOUNT_MAX;
  const typed = input.replace(/[\s,]/g, '');
  if (typed === '') return { valid: false, message: 'Enter an amount.' };
  const match = typed.length <= TOP_UP_AMOUNT_CHARACTERS_MAX ? /^([0-9]+)(?:\.([0-9]*))?$/.exec(typed) : null;
  if (!match) return { valid: false, message: `Enter the amount as a whole number of ${currency}, e.g. ${TOP_UP_AMOUNT_INITIAL}.` };
  if (/[^0]/.test(match[2] ?? '')) return { valid: false, message: `Top-ups are whole amounts of ${currency}: leave out the cents.` };
  const amount = match[1]!.replace(/^0+(?=[0-9])/, '');
  if (compareMoney(amount, minimum) < 0) return { valid: false, message: `The minimum top-up is ${formatMoney(minimum, currency)}.` };
  if (compareMoney(amount, maximum) > 0) return { valid: false, message: `The largest top-up is ${formatMoney(maximum, currency)}.` };
  return { valid: true, amount };
}

/**
 * The one-click amounts for a currency's minimum: the {@link TOP_UP_QUICK_PICKS} it allows, led
 * by the minimum itself when it is above the smallest pick (a minimum of 20 offers 20, 25, 50, 100).
 */
export function topUpQuickPicks(minimum: string = TOP_UP_MINIMUM_DEFAULT, maximum: string = TOP_UP_AMOUNT_MAX): string[] {
  const allowed = TOP_UP_QUICK_PICKS.filter((pick) => compareMoney(pick, minimum) >= 0 && compareMoney(pick, maximum) <= 0);
  const smallest = TOP_UP_QUICK_PICKS[0];
  const leadWithMinimum =
    smallest !== undefined &&
    compareMoney(minimum, smallest) > 0 &&
    compareMoney(minimum, maximum) <= 0 &&
    !allowed.some((pick) => compareMoney(pick, minimum) === 0);
  return leadWithMinimum ? [minimum, ...allowed] : allowed;
}

/** Whether a typed amount is the quick pick `pick` ("25", "25.00" and "0025" all are "25"). */
export function isQuickPick(input: string, pick: string): boolean {
  const check = checkTopUpAmount(input, { currency: '', minimum: '0' });
  return check.valid && compareMoney(check.amount, pick) === 0;
}
