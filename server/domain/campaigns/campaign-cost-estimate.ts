/**
 * What a campaign of so many calls of an average duration would cost at one rate, and how much of
 * it a wallet's available credit covers. Pure: no I/O; money in `bigint` micros, computed exactly.
 */
import { billedSeconds, callCostMicros, estimateCampaignCostMicros, type Rate } from '../rating/rating.js';

/** The figures of an estimate; the coverage ones are null when neither a wallet nor a budget was given. */
export interface CampaignCostFigures {
  /** Billed seconds of an average call (first increment and rounding applied). */
  billedSecondsPerCall: number;
  costPerCallMicros: bigint;
  totalMicros: bigint;
  /** The wallet's available credit, in micros. */
  availableMicros: bigint | null;
  /** The campaign's budget, in micros; null for none. */
  budgetMicros: bigint | null;
  /** What is missing to cover the total within the wallet's credit and the budget (0 when covered), in micros. */
  shortfallMicros: bigint | null;
  /** How many of the calls the lesser of the available credit and the budget pays for in full (all when a call is free). */
  coveredCalls: number | null;
  /** What stops the campaign before all its calls when they are not all covered: the budget or the wallet; null when covered. */
  limitedBy: 'BUDGET' | 'WALLET' | null;
}

/**
 * Prices `calls` (a non-negative integer) calls of `averageDurationSeconds` each at `rate`, and
 * compares the total with the lesser of `availableMicros` and `budgetMicros` (each when not null):
 * the campaign stops at whichever runs out first, so a $20 budget never "covers" $150 of calls.
 * @throws Error (assertion) for a negative or fractional number of calls, or a negative duration.
 */
export function campaignCostFigures(
  rate: Pick<Rate, 'perMinuteMicros' | 'connectFeeMicros' | 'firstIncrementSeconds' | 'nextIncrementSeconds'>,
  calls: number,
  averageDurationSeconds: number,
  availableMicros: bigint | null,
  budgetMicros: bigint | null = null,
): CampaignCostFigures {
  const totalMicros = estimateCampaignCostMicros(rate, calls, averageDurationSeconds);
  const billed = billedSeconds(averageDurationSeconds, rate.firstIncrementSeconds, rate.nextIncrementSeconds);
  const costPerCallMicros = callCostMicros(rate, billed);
  const base = { billedSecondsPerCall: billed, costPerCallMicros, totalMicros, availableMicros, budgetMicros };
  if (availableMicros === null && budgetMicros === null) return { ...base, shortfallMicros: null, coveredCalls: null, limitedBy: null };
  // The budget binds on a tie: it is the campaign's own stop.
  const byBudget = budgetMicros !== null && (availableMicros === null || budgetMicros <= availableMicros);
  const limitMicros = byBudget ? budgetMicros! : availableMicros!;
  const shortfallMicros = totalMicros > limitMicros ? totalMicros - limitMicros : 0n;
  const affordable = costPerCallMicros === 0n ? BigInt(calls) : (limitMicros < 0n ? 0n : limitMicros) / costPerCallMicros;
  const coveredCalls = Number(affordable > BigInt(calls) ? BigInt(calls) : affordable);
  return { ...base, shortfallMicros, coveredCalls, limitedBy: shortfallMicros === 0n ? null : byBudget ? 'BUDGET' : 'WALLET' };
}
