/**
 * What a campaign of so many calls of an average duration would cost at one rate, and how much of
 * it a wallet's available credit covers. Pure: no I/O; money in `bigint` micros, computed exactly.
 */
import { billedSeconds, callCostMicros, estimateCampaignCostMicros, type Rate } from '../rating/rating.js';

/** The figures of an estimate; the coverage ones are null when no wallet was given. */
export interface CampaignCostFigures {
  /** Billed seconds of an average call (first increment and rounding applied). */
  billedSecondsPerCall: number;
  costPerCallMicros: bigint;
  totalMicros: bigint;
  /** The wallet's available credit, in micros. */
  availableMicros: bigint | null;
  /** What is missing to cover the total (0 when covered), in micros. */
  shortfallMicros: bigint | null;
  /** How many of the calls the available credit pays for in full (all of them when a call is free). */
  coveredCalls: number | null;
}

/**
 * Prices `calls` (a non-negative integer) calls of `averageDurationSeconds` each at `rate`, and
 * compares the total with `availableMicros` when it is not null.
 * @throws Error (assertion) for a negative or fractional number of calls, or a negative duration.
 */
export function campaignCostFigures(
  rate: Pick<Rate, 'perMinuteMicros' | 'connectFeeMicros' | 'firstIncrementSeconds' | 'nextIncrementSeconds'>,
  calls: number,
  averageDurationSeconds: number,
  availableMicros: bigint | null,
): CampaignCostFigures {
  const totalMicros = estimateCampaignCostMicros(rate, calls, averageDurationSeconds);
  const billed = billedSeconds(averageDurationSeconds, rate.firstIncrementSeconds, rate.nextIncrementSeconds);
  const costPerCallMicros = callCostMicros(rate, billed);
  if (availableMicros === null) {
    return { billedSecondsPerCall: billed, costPerCallMicros, totalMicros, availableMicros, shortfallMicros: null, coveredCalls: null };
  }
  const shortfallMicros = totalMicros > availableMicros ? totalMicros - availableMicros : 0n;
  const affordable = costPerCallMicros === 0n ? BigInt(calls) : availableMicros / costPerCallMicros;
  const coveredCalls = Number(affordable > BigInt(calls) ? BigInt(calls) : affordable);
  return { billedSecondsPerCall: billed, costPerCallMicros, totalMicros, availableMicros, shortfallMicros, coveredCalls };
}
