/** The Plan page's pure logic: who may change the plan, and how allowance figures read. */
import { describeError } from '../../apollo/describe-error.js';
import type { Role } from '../../gql/graphql.js';
import { enumLabel } from '../../utils/enum-label.js';
import { formatMoney } from '../../utils/money.js';

/** True when the role may subscribe and cancel (the account's owner). */
export function canChangePlan(role: Role): boolean {
  return role === 'OWNER';
}

/** Seconds of call time as people read them: 0 → "0 min", 90 → "1 min 30 s", 7200 → "120 min". */
export function formatCallTime(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  if (rest === 0) return `${minutes.toLocaleString('en-US')} min`;
  if (minutes === 0) return `${rest} s`;
  return `${minutes.toLocaleString('en-US')} min ${rest} s`;
}

/** The allowance's share used (ended calls and calls in progress), 0..100, for a progress bar. */
export function allowanceUsedPercent(subscription: { allowanceSeconds: number; usedSeconds: number; reservedSeconds: number }): number {
  if (subscription.allowanceSeconds <= 0) return 100;
  const used = subscription.usedSeconds + subscription.reservedSeconds;
  return Math.min(100, Math.round((used / subscription.allowanceSeconds) * 100));
}

/** What a minute beyond the allowance costs: the plan's own rate, or each destination's. */
export function overageText(overagePerMinute: string | null | undefined, currency: string): string {
  if (overagePerMinute === null || overagePerMinute === undefined) return "each destination's own per-minute rate";
  return `${formatMoney(overagePerMinute, currency, { precision: 'unit-price' })}/min`;
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
