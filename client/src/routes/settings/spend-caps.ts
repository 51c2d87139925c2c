/**
 * Spend caps on the Settings page (README "Spend caps"): who may set them, how a cap typed into the
 * form is read (checked here so the form answers at once; the server's BAD_USER_INPUT wins), and how
 * far a period has gone toward its cap. Amounts stay decimal strings, compared through integer
 * micro-units (utils/money.ts), never through a JS number.
 */
import type { Role } from '../../gql/graphql.js';
import { compareMoney, formatMoney, moneyToMicros } from '../../utils/money.js';
import { parseMoneyInput } from './auto-recharge.js';

/** Roles that set caps and the account's timezone (the server's SPEND_CAP_SET_ROLES); the others read them. */
export const SPEND_CAP_SET_ROLES: readonly Role[] = ['OWNER', 'PLATFORM_ADMIN'];

/** Whether this role may change spend caps; others see them read-only. */
export function canSetSpendCaps(role: Role): boolean {
  return SPEND_CAP_SET_ROLES.includes(role);
}

/** Largest cap, in major units (the server's `spendCapMicrosMax`, 1e15 micros). */
export const SPEND_CAP_AMOUNT_MAX = '1000000000';

/** What {@link checkCapInput} found: the cap to send (null: none), or the sentence to show. */
export type CapInputCheck = { valid: true; cap: string | null } | { valid: false; message: string };

/** Reads a cap as typed: empty means no cap; otherwise an amount ≥ 0 with at most 6 decimals, at most {@link SPEND_CAP_AMOUNT_MAX}. */
export function checkCapInput(input: string, currency: string): CapInputCheck {
  const typed = input.trim();
  if (typed === '') return { valid: true, cap: null };
  if (typed.startsWith('-')) return { valid: false, message: 'A cap must not be negative.' };
  const parsed = parseMoneyInput(typed, currency);
  if (!parsed.valid) return parsed;
  if (compareMoney(parsed.amount, SPEND_CAP_AMOUNT_MAX) > 0) {
    return { valid: false, message: `A cap must be at most ${formatMoney(SPEND_CAP_AMOUNT_MAX, currency)}.` };
  }
  return { valid: true, cap: parsed.amount };
}

/** How much of a cap a period has used, in whole percent from 0 to 100 (100 once at or over it; a cap of 0 is full). */
export function capUsedPercent(spent: string, cap: string): number {
  const capMicros = moneyToMicros(cap);
  const spentMicros = moneyToMicros(spent);
  if (capMicros <= 0n || spentMicros >= capMicros) return 100;
  if (spentMicros <= 0n) return 0;
  return Number((spentMicros * 100n) / capMicros);
}

/** The tone of a period's bar: warning from 80 %, reached at the cap. */
export function capTone(percent: number): 'ok' | 'warning' | 'reached' {
  return percent >= 100 ? 'reached' : percent >= 80 ? 'warning' : 'ok';
}

/** "$4.20 of $10.00" or "$4.20 (no cap)". */
export function capUseText(spent: string, cap: string | null, currency: string): string {
  return cap === null ? `${formatMoney(spent, currency)} (no cap)` : `${formatMoney(spent, currency)} of ${formatMoney(cap, currency)}`;
}

/** The IANA zones the browser knows, for the timezone picker, with UTC first; falls back to a short list. */
export function timeZoneChoices(current: string): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? ['Europe/London', 'America/New_York', 'Asia/Tokyo'];
  return [...new Set(['UTC', current, ...zones])];
}
