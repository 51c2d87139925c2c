import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { BadUserInputError, NotFoundError } from '../../errors.js';
import { tenantScope, type Principal } from '../accounts/principal.js';
import { isUuid } from '../ids.js';
import { findRatePlan, type RateRecord } from '../rating/rate-plan.service.js';
import { findRate } from '../rating/rating.js';
import { selectHeldNumbersAmong, selectPurchaseWallet } from './numbers.queries.js';
import { offeredNumber, offeredNumbersMax, refundableUntilMs } from './number-offers.js';
import { renewalAtMs } from './renewal-date.js';

/** Candidates looked at per number asked for before a search gives up (most are free: few numbers are held). */
const CANDIDATES_PER_NUMBER = 4;

/** A number that may be bought now, with what buying it would cost. */
export interface AvailableNumber {
  /** E.164. */
  number: string;
  /** The rate prefix that prices it (digits without "+"; "" for every number). */
  ratePrefix: string;
  /** ISO 4217 code of the prices. */
  currency: string;
  /** One-time price, in micros. */
  purchaseMicros: bigint;
  /** Monthly rental, in micros. */
  monthlyMicros: bigint;
  /** What a purchase now debits: the one-time price plus the first month, in micros. */
  firstChargeMicros: bigint;
  /** When the second month would be due were it bought now, epoch ms. */
  firstRenewalAtMs: number;
  /** Until when it could be refunded were it bought now, epoch ms. */
  refundableUntilMs: number;
}

/** Options of {@link findAvailableNumbers}. */
export interface FindAvailableNumbersOptions {
  principal: Principal;
  /** The wallet that would pay: its currency must be the rate plan's. */
  walletId: string;
  ratePlanId: string;
  /** Digits the numbers start with ("+44 7700", "447700"); spaces, dashes and a leading "+" are ignored. Empty or null: any prefix the plan sells numbers under. */
  startsWith?: string | null;
  /** How many numbers, 1..`availableNumbersMax` (default `availableNumbersDefault`). */
  first?: number | null;
  nowMs: number;
  limits: Pick<Config, 'availableNumbersMax' | 'availableNumbersDefault' | 'numberRefundDays'>;
}

/**
 * Numbers the wallet could buy now under the rate plan, each with its one-time price, monthly
 * price, first charge (what purchaseNumber would debit), first renewal and refund deadline. A
 * number is proposed when the plan sells numbers under its longest selling prefix and no account
 * holds it; fewer than `first` come back when the search is narrow. Reads only.
 * @throws NotFoundError for a wallet the caller cannot see or an unknown rate plan.
 * @throws BadUserInputError (`first` outside 1..availableNumbersMax; `startsWith` not 1 to 12 digits
 * after the country code's first non-zero digit; `ratePlanId` in another currency than the wallet).
 */
export async function findAvailableNumbers(em: EntityManager, options: FindAvailableNumbersOptions): Promise<AvailableNumber[]> {
  const { limits } = options;
  const first = options.first ?? limits.availableNumbersDefault;
  if (!Number.isInteger(first) || first < 1 || first > limits.availableNumbersMax) {
    throw new BadUserInputError('first', `first must be between 1 and ${limits.availableNumbersMax}`);
  }
  const digits = normalizeStartsWith(options.startsWith);
  if (!isUuid(options.walletId)) throw new NotFoundError('Wallet', options.walletId);
  const wallet = await selectPurchaseWallet.maybeOne(em, { walletId: options.walletId, scope: tenantScope(options.principal) });
  if (!wallet) throw new NotFoundError('Wallet', options.walletId);
  const plan = await findRatePlan(em, options.ratePlanId);
  if (plan.currency !== wallet.currency.trim()) {
    throw new BadUserInputError('ratePlanId', `The rate plan is in ${plan.currency}, the wallet in ${wallet.currency.trim()}`);
  }
  const selling = plan.rates.filter(sellsNumbers);
  // Searched digits are used as they are; without any, each selling prefix in turn (a "" prefix, which sells everywhere, as "1").
  const bases = digits !== '' ? [digits] : [...new Set(selling.map((rate) => (rate.prefix === '' ? '1' : rate.prefix)))];
  const offers: AvailableNumber[] = [];
  for (const base of bases) {
    if (offers.length >= first) break;
    const wanted = first - offers.length;
    const count = Math.min(wanted * CANDIDATES_PER_NUMBER, offeredNumbersMax(base));
    const candidates: { number: string; rate: RateRecord }[] = [];
    for (let index = 0; index < count; index += 1) {
      const number = offeredNumber(base, index);
      const rate = findRate(selling, number);
      if (rate) candidates.push({ number, rate });
    }
    if (candidates.length === 0) continue;
    const held = new Set(
      (await selectHeldNumbersAmong.all(em, { numbers: candidates.map((candidate) => candidate.number) })).map((row) => row.number),
    );
    for (const { number, rate } of candidates) {
      if (offers.length >= first) break;
      if (held.has(number) || offers.some((offer) => offer.number === number)) continue;
      offers.push(toOffer(number, rate, plan.currency, options.nowMs, limits.numberRefundDays));
    }
  }
  return offers;
}

function sellsNumbers(rate: RateRecord): boolean {
  return rate.numberPurchaseMicros !== null && rate.numberMonthlyMicros !== null;
}

function toOffer(number: string, rate: RateRecord, currency: string, nowMs: number, refundDays: number): AvailableNumber {
  const purchaseMicros = rate.numberPurchaseMicros!;
  const monthlyMicros = rate.numberMonthlyMicros!;
  return {
    number,
    ratePrefix: rate.prefix,
    currency,
    purchaseMicros,
    monthlyMicros,
    firstChargeMicros: purchaseMicros + monthlyMicros,
    firstRenewalAtMs: renewalAtMs(nowMs, 1),
    refundableUntilMs: refundableUntilMs(nowMs, refundDays),
  };
}

/** "+44 7700-900" → "447700900"; null or blank → "". @throws BadUserInputError (`startsWith`). */
function normalizeStartsWith(startsWith: string | null | undefined): string {
  const digits = (startsWith ?? '').replace(/[\s-]/g, '').replace(/^\+/, '');
  if (digits !== '' && !/^[1-9][0-9]{0,11}$/.test(digits)) {
    throw new BadUserInputError('startsWith', 'startsWith must be 1 to 12 digits (a country code first, which does not start with 0)');
  }
  return digits;
}
