/**
 * The Numbers page's pure logic: which roles may do what, which rate plans sell numbers to a
 * wallet, and how a number's state reads (renewal, grace, refund window).
 */
import { describeError } from '../../apollo/describe-error.js';
import type { PhoneNumberStatus, Role } from '../../gql/graphql.js';
import { enumLabel } from '../../utils/enum-label.js';

/** Roles the server lets buy and release numbers (besides the operator). */
const BUYER_ROLES: readonly Role[] = ['OWNER', 'INTEGRATOR'];

/** True when the role may buy and release numbers. */
export function canBuyNumbers(role: Role): boolean {
  return BUYER_ROLES.includes(role);
}

/** True when the role may refund a number (the account's owner only). */
export function canRefundNumbers(role: Role): boolean {
  return role === 'OWNER';
}

/** A rate plan as far as numbers go: whether any of its rates sells numbers. */
export interface NumberPlanOption {
  id: string;
  name: string;
  currency: string;
  rates: readonly { prefix: string; numberPurchase?: string | null; numberMonthly?: string | null }[];
}

/** The plans of the wallet's currency that sell numbers under at least one prefix, in the order given. */
export function numberPlansFor<Plan extends NumberPlanOption>(plans: readonly Plan[], currency: string): Plan[] {
  return plans.filter(
    (plan) =>
      plan.currency === currency &&
      plan.rates.some((rate) => rate.numberPurchase !== null && rate.numberPurchase !== undefined && rate.numberMonthly != null),
  );
}

/** The prefixes a plan sells numbers under, as "+44" (an empty prefix, which covers every number, is left out). */
export function sellingPrefixes(plan: NumberPlanOption): string[] {
  return plan.rates.filter((rate) => rate.numberPurchase != null && rate.prefix !== '').map((rate) => `+${rate.prefix}`);
}

/** What the search box may hold: a "+", digits, spaces and dashes, at most 12 digits, not starting with 0. */
export function checkStartsWith(text: string): { valid: true; digits: string } | { valid: false; message: string } {
  const digits = text.replace(/[\s-]/g, '').replace(/^\+/, '');
  if (digits === '') return { valid: true, digits };
  if (!/^[0-9]+$/.test(digits)) return { valid: false, message: 'Use digits only, country code first (e.g. +44 20).' };
  if (digits.startsWith('0')) return { valid: false, message: 'Start with the country code (e.g. +44), not a 0.' };
  if (digits.length > 12) return { valid: false, message: 'At most 12 digits.' };
  return { valid: true, digits };
}

/** A held number as the list shows it. */
export interface NumberState {
  status: PhoneNumberStatus;
  renewsAt?: string | null;
  graceUntil?: string | null;
  releasedAt?: string | null;
  refundable: boolean;
  refundableUntil?: string | null;
}

/** True while the number is held by the account (ACTIVE, GRACE or RENEWAL_OWED): it renews and may be released. */
export function isHeldNumber(number: Pick<NumberState, 'status'>): boolean {
  return number.status === 'ACTIVE' || number.status === 'GRACE' || number.status === 'RENEWAL_OWED';
}

/** Which actions a role sees on a number now. */
export function numberActions(number: NumberState, role: Role): { release: boolean; refund: boolean } {
  const held = isHeldNumber(number);
  return { release: held && canBuyNumbers(role), refund: held && number.refundable && canRefundNumbers(role) };
}

/** A failed action as one sentence for its dialog: the summary, then the server's own words when they add something. */
export function actionErrorText(error: unknown): string {
  const { summary, detail } = describeError(error);
  return detail === null ? summary : `${summary} ${detail}`;
}

/** The role with its article, for sentences: "an integrator", "a campaign manager". */
export function roleWithArticle(role: Role): string {
  const words = enumLabel(role).toLowerCase();
  return `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words}`;
}
