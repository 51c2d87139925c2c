import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { transaction, type Db } from '../../database/sql.js';
import { BadUserInputError, NotFoundError } from '../../errors.js';
import { requireRole, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { isUuid } from '../ids.js';
import { formatMoney, isSupportedCurrency, SUPPORTED_CURRENCIES } from '../wallets/money.js';
import { validateText } from '../wallets/validate-input.js';
import { insertRatePlan, insertRates, selectRatePlan, selectRatePlans, selectRatesOfPlans, type RatePlanRow } from './rating.queries.js';
import { validateIncrementSeconds, validatePrefix, type Rate } from './rating.js';

/** A rate with the prefix's SMS and number prices besides its call price. */
export interface RateRecord extends Rate {
  /** Per segment of an outbound message; null when SMS to the prefix is not offered. */
  smsPerSegmentMicros: bigint | null;
  /** Per segment of an inbound message from the prefix. */
  smsInboundPerSegmentMicros: bigint;
  /**
   * Per minute of a call received on a number under the prefix (the number's country and type),
   * billed with this rate's increments and no connect fee; 0: free.
   */
  inboundPerMinuteMicros: bigint;
  /** One-time price of a number under the prefix; null when numbers are not sold there. */
  numberPurchaseMicros: bigint | null;
  /** Monthly rental of a number under the prefix (set exactly when the purchase price is). */
  numberMonthlyMicros: bigint | null;
}

/** A platform-managed price list: per destination prefix, longest prefix wins. */
export interface RatePlanRecord {
  id: string;
  name: string;
  currency: string;
  createdAt: Date;
  /** Longest prefix first. */
  rates: RateRecord[];
}

/** Options of {@link createRatePlan}. */
export interface CreateRatePlanOptions {
  principal: Principal;
  name: string;
  currency: string;
  /** Omitted or null SMS and number prices: not offered (inbound SMS and calls: free). */
  rates: (Rate & { [K in Exclude<keyof RateRecord, keyof Rate>]?: bigint | null })[];
  limits: Pick<Config, 'nameLengthMax' | 'operationAmountMicrosMax' | 'ratesPerPlanMax'>;
}

/**
 * Creates a rate plan. Prices may be zero (free destinations) and sub-cent (micro-units).
 * @throws ForbiddenError unless PLATFORM_ADMIN.
 * @throws BadUserInputError (`name`, `currency`, `rates`, `rates.N.prefix`, `rates.N.perMinute`,
 * `rates.N.firstIncrementSeconds`, `rates.N.nextIncrementSeconds`, `rates.N.connectFee`).
 */
export async function createRatePlan(em: EntityManager, options: CreateRatePlanOptions): Promise<RatePlanRecord> {
  requireRole(options.principal, [Role.PLATFORM_ADMIN], 'create a rate plan');
  const { limits } = options;
  const name = validateText('name', options.name, limits.nameLengthMax);
  if (!isSupportedCurrency(options.currency)) {
    throw new BadUserInputError('currency', `currency must be one of ${SUPPORTED_CURRENCIES.join(', ')}`);
  }
  if (options.rates.length < 1 || options.rates.length > limits.ratesPerPlanMax) {
    throw new BadUserInputError('rates', `A rate plan has 1 to ${limits.ratesPerPlanMax} rates`);
  }
  const seen = new Set<string>();
  const rates = options.rates.map((rate, index): RateRecord => {
    const field = `rates.${index}`;
    const prefix = validatePrefix(`${field}.prefix`, rate.prefix);
    if (seen.has(prefix)) throw new BadUserInputError(`${field}.prefix`, `Prefix "${prefix}" appears twice`);
    seen.add(prefix);
    validatePrice(`${field}.perMinute`, rate.perMinuteMicros, limits.operationAmountMicrosMax);
    validatePrice(`${field}.connectFee`, rate.connectFeeMicros, limits.operationAmountMicrosMax);
    const optional = (name: string, micros: bigint | null | undefined) => {
      if (micros === null || micros === undefined) return null;
      validatePrice(`${field}.${name}`, micros, limits.operationAmountMicrosMax);
      return micros;
    };
    const numberPurchaseMicros = optional('numberPurchase', rate.numberPurchaseMicros);
    const numberMonthlyMicros = optional('numberMonthly', rate.numberMonthlyMicros);
    if ((numberPurchaseMicros === null) !== (numberMonthlyMicros === null)) {
      throw new BadUserInputError(`${field}.numberMonthly`, 'numberPurchase and numberMonthly are given together or not at all');
    }
    return {
      smsPerSegmentMicros: optional('smsPerSegment', rate.smsPerSegmentMicros),
      smsInboundPerSegmentMicros: optional('smsInboundPerSegment', rate.smsInboundPerSegmentMicros) ?? 0n,
      inboundPerMinuteMicros: optional('inboundPerMinute', rate.inboundPerMinuteMicros) ?? 0n,
      numberPurchaseMicros,
      numberMonthlyMicros,
      prefix,
      perMinuteMicros: rate.perMinuteMicros,
      firstIncrementSeconds: validateIncrementSeconds(`${field}.firstIncrementSeconds`, rate.firstIncrementSeconds),
      nextIncrementSeconds: validateIncrementSeconds(`${field}.nextIncrementSeconds`, rate.nextIncrementSeconds),
      connectFeeMicros: rate.connectFeeMicros,
    };
  });
  const id = randomUUID();
  const createdAt = await transaction(em, async (tx) => {
    const plan = await insertRatePlan.one(tx, { id, name, currency: options.currency });
    await insertRates.run(tx, {
      ratePlanId: id,
      prefixes: rates.map((r) => r.prefix),
      perMinuteMicros: rates.map((r) => r.perMinuteMicros.toString()),
      firstIncrementSeconds: rates.map((r) => r.firstIncrementSeconds),
      nextIncrementSeconds: rates.map((r) => r.nextIncrementSeconds),
      connectFeeMicros: rates.map((r) => r.connectFeeMicros.toString()),
      smsPerSegmentMicros: rates.map((r) => r.smsPerSegmentMicros?.toString() ?? null),
      smsInboundPerSegmentMicros: rates.map((r) => r.smsInboundPerSegmentMicros.toString()),
      inboundPerMinuteMicros: rates.map((r) => r.inboundPerMinuteMicros.toString()),
      numberPurchaseMicros: rates.map((r) => r.numberPurchaseMicros?.toString() ?? null),
      numberMonthlyMicros: rates.map((r) => r.numberMonthlyMicros?.toString() ?? null),
    });
    return new Date(plan.created_at_ms);
  });
  return { id, name, currency: options.currency, createdAt, rates: sortRates(rates) };
}

function validatePrice(field: string, micros: bigint, maxMicros: bigint): void {
  if (micros < 0n) throw new BadUserInputError(field, `${field} must not be negative`);
  if (micros > maxMicros) throw new BadUserInputError(field, `${field} must be at most ${formatMoney(maxMicros)}`);
}

function sortRates(rates: RateRecord[]): RateRecord[] {
  return [...rates].sort((a, b) => b.prefix.length - a.prefix.length || a.prefix.localeCompare(b.prefix));
}

async function withRates(db: Db, plans: RatePlanRow[]): Promise<RatePlanRecord[]> {
  if (plans.length === 0) return [];
  const rows = await selectRatesOfPlans.all(db, { ratePlanIds: plans.map((p) => p.id) });
  return plans.map((plan) => ({
    id: plan.id,
    name: plan.name,
    currency: plan.currency.trim(),
    createdAt: new Date(plan.created_at_ms),
    rates: sortRates(
      rows
        .filter((row) => row.rate_plan_id === plan.id)
        .map((row) => ({
          prefix: row.prefix,
          perMinuteMicros: BigInt(row.per_minute_micros),
          firstIncrementSeconds: row.first_increment_seconds,
          nextIncrementSeconds: row.next_increment_seconds,
          connectFeeMicros: BigInt(row.connect_fee_micros),
          smsPerSegmentMicros: row.sms_per_segment_micros === null ? null : BigInt(row.sms_per_segment_micros),
          smsInboundPerSegmentMicros: BigInt(row.sms_inbound_per_segment_micros),
          inboundPerMinuteMicros: BigInt(row.inbound_per_minute_micros),
          numberPurchaseMicros: row.number_purchase_micros === null ? null : BigInt(row.number_purchase_micros),
          numberMonthlyMicros: row.number_monthly_micros === null ? null : BigInt(row.number_monthly_micros),
        })),
    ),
  }));
}

/** Every rate plan, newest first: prices are public to every authenticated caller. */
export async function listRatePlans(em: EntityManager): Promise<RatePlanRecord[]> {
  return withRates(em, await selectRatePlans.all(em));
}

/** @throws NotFoundError (reported on `field`'s id) for an unknown rate plan. */
export async function findRatePlan(db: Db, id: string): Promise<RatePlanRecord> {
  if (!isUuid(id)) throw new NotFoundError('Rate plan', id);
  const [plan] = await withRates(db, await selectRatePlan.all(db, { ratePlanId: id }));
  if (!plan) throw new NotFoundError('Rate plan', id);
  return plan;
}
