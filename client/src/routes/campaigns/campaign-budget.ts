/**
 * How much of a campaign's budget is used: spent (what calls have cost) and committed (spent
 * plus what active calls hold reserved, which the server checks the budget against), as shares
 * of the budget for the budget bar. Exact: bigint micro-units, percentages in basis points.
 */
import type { CampaignFieldsFragment as CampaignFigures } from '../../gql/graphql.js';
import { microsToMoney, moneyToMicros } from '../../utils/money.js';

/** Basis points in 100%. */
const BASIS_POINTS_PER_WHOLE = 10_000n;

/** A campaign's budget use. */
export interface BudgetUse {
  /** Spent as a share of the budget, 0..100 (clamped), to 2 decimals: the bar's solid part. */
  spentPercent: number;
  /** Committed as a share of the budget, 0..100 (clamped), to 2 decimals: the bar's lighter part ends here. */
  committedPercent: number;
  /** Committed share for people, rounded down to whole percent unless below 1: "42%", "0.5%", "100%". */
  label: string;
  /** Budget minus committed (never below zero): what new calls may still reserve. */
  remaining: string;
  /** Whether committed has reached the budget: the next call will be refused. */
  reached: boolean;
}

/** `part / whole` in basis points, rounded down and clamped to 0..10,000. */
function basisPoints(partMicros: bigint, wholeMicros: bigint): bigint {
  if (partMicros <= 0n) return 0n;
  const points = (partMicros * BASIS_POINTS_PER_WHOLE) / wholeMicros;
  return points > BASIS_POINTS_PER_WHOLE ? BASIS_POINTS_PER_WHOLE : points;
}

/** Basis points as a percentage number with 2 decimals: 4250n → 42.5. */
function percentOf(points: bigint): number {
  return Number(points) / 100;
}

/** Basis points for people: whole percent rounded down from 1% up, one decimal below it ("0.5%"), "0%" for none. */
function percentLabel(points: bigint): string {
  if (points >= 100n) return `${points / 100n}%`;
  if (points === 0n) return '0%';
  const tenths = points / 10n;
  return tenths === 0n ? '<0.1%' : `0.${tenths}%`;
}

/**
 * The budget use of a campaign, or null when it has no budget (or a budget of zero or less, which
 * the server refuses).
 * @throws MoneyFormatError when an amount is not a Money string.
 */
export function budgetUse(campaign: Pick<CampaignFigures, 'spent' | 'committed' | 'budget'>): BudgetUse | null {
  if (campaign.budget === null) return null;
  const budgetMicros = moneyToMicros(campaign.budget);
  if (budgetMicros <= 0n) return null;
  const spentMicros = moneyToMicros(campaign.spent);
  const committedMicros = moneyToMicros(campaign.committed);
  const committedPoints = basisPoints(committedMicros, budgetMicros);
  const remainingMicros = budgetMicros - committedMicros;
  return {
    spentPercent: percentOf(basisPoints(spentMicros, budgetMicros)),
    committedPercent: percentOf(committedPoints),
    label: percentLabel(committedPoints),
    remaining: microsToMoney(remainingMicros > 0n ? remainingMicros : 0n),
    reached: committedMicros >= budgetMicros,
  };
}
