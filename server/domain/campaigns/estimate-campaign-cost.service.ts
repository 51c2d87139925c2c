import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { BadUserInputError } from '../../errors.js';
import type { Principal } from '../accounts/principal.js';
import { findRatePlan, type RateRecord } from '../rating/rate-plan.service.js';
import { findRate, isE164 } from '../rating/rating.js';
import { availableMicros } from '../wallets/credit.js';
import { findWallet } from '../wallets/find-wallet.service.js';
import { validateAmount } from '../wallets/validate-input.js';
import { campaignCostFigures, type CampaignCostFigures } from './campaign-cost-estimate.js';

/** Largest `calls` of an estimate. */
export const ESTIMATE_CALLS_MAX = 10_000_000;
/** Longest average duration of an estimate, in seconds (a day). */
export const ESTIMATE_DURATION_SECONDS_MAX = 86_400;

/** Options of {@link estimateCampaignCost}. */
export interface EstimateCampaignCostOptions {
  principal: Principal;
  ratePlanId: string;
  /** A typical destination (E.164): its rate prices the estimate. */
  to: string;
  /** 1..{@link ESTIMATE_CALLS_MAX}. */
  calls: number;
  /** 0..{@link ESTIMATE_DURATION_SECONDS_MAX}. */
  averageDurationSeconds: number;
  /** Compare with this wallet's available credit (a wallet of the caller's account). */
  walletId?: string | null;
  /** The campaign's budget in micros: the calls are covered only up to it. */
  budgetMicros?: bigint | null;
  limits: Pick<Config, 'operationAmountMicrosMax'>;
}

/** An estimate: the plan's currency, the rate that priced it, and its figures. */
export interface CampaignCostEstimateRecord extends CampaignCostFigures {
  currency: string;
  rate: RateRecord;
}

/**
 * What a campaign of `calls` calls of `averageDurationSeconds` to numbers like `to` would cost
 * under a rate plan, and (given a wallet, a budget or both) how much of it the lesser of the
 * wallet's available credit and the budget covers. Reads only.
 * @throws BadUserInputError (`calls`, `averageDurationSeconds`, `to`: not E.164 or no rate for it,
 * `walletId`: in another currency, `budget`: zero, negative or too large). @throws NotFoundError (rate plan, wallet).
 */
export async function estimateCampaignCost(em: EntityManager, options: EstimateCampaignCostOptions): Promise<CampaignCostEstimateRecord> {
  if (!Number.isInteger(options.calls) || options.calls < 1 || options.calls > ESTIMATE_CALLS_MAX) {
    throw new BadUserInputError('calls', `calls must be between 1 and ${ESTIMATE_CALLS_MAX}`);
  }
  const duration = options.averageDurationSeconds;
  if (!Number.isInteger(duration) || duration < 0 || duration > ESTIMATE_DURATION_SECONDS_MAX) {
    throw new BadUserInputError('averageDurationSeconds', `averageDurationSeconds must be between 0 and ${ESTIMATE_DURATION_SECONDS_MAX}`);
  }
  if (!isE164(options.to)) throw new BadUserInputError('to', 'to must be an E.164 number such as "+447700900123"');
  const plan = await findRatePlan(em, options.ratePlanId);
  const rate = findRate(plan.rates, options.to);
  if (!rate) throw new BadUserInputError('to', `No rate for ${options.to} in rate plan "${plan.name}"`);
  const budget = options.budgetMicros ?? null;
  if (budget !== null) validateAmount('budget', budget, options.limits.operationAmountMicrosMax, false);
  let available: bigint | null = null;
  if (options.walletId !== null && options.walletId !== undefined) {
    const wallet = await findWallet(em, { principal: options.principal, walletId: options.walletId });
    if (wallet.currency.trim() !== plan.currency) {
      throw new BadUserInputError('walletId', `The wallet is in ${wallet.currency.trim()}, the rate plan in ${plan.currency}`);
    }
    available = availableMicros(wallet);
  }
  return { currency: plan.currency, rate, ...campaignCostFigures(rate, options.calls, duration, available, budget) };
}
