/**
 * When a running campaign ends, from the one burn definition (server/domain/wallets/burn-rate.ts):
 * its budget is reached at the campaign's own rate, its wallet runs dry at the wallet's rate (all
 * its campaigns, messages and plan fees), whichever comes first. Pure.
 */
import { secondsUntilUsedUp, type Burn, type WalletBurn } from '../wallets/burn-rate.js';
import { CampaignStatus, type CampaignRecord } from './campaign-record.js';

/** What ends a campaign first. */
export enum CampaignEnd {
  BUDGET = 'BUDGET',
  WALLET = 'WALLET',
}

/** A running campaign's projection. Seconds are whole, rounded down. */
export interface CampaignProjection {
  /** The campaign's own burn rate per minute, in micros. */
  ratePerMinuteMicros: bigint;
  /** The wallet's burn rate per minute (every use of the wallet), in micros; null when the wallet reads nothing running. */
  walletRatePerMinuteMicros: bigint | null;
  /** Seconds until committed spend reaches the budget at the campaign's rate; null without a budget. */
  budgetReachedInSeconds: number | null;
  /** Seconds until the wallet's available balance is used up at the wallet's rate (the wallet's timeToEmptySeconds). */
  walletRunsDryInSeconds: number | null;
  /** Which comes first (the budget on a tie: it is the campaign's own stop); null when neither is known. */
  endsBy: CampaignEnd | null;
  /** The earlier of the two; null when neither is known. */
  endsInSeconds: number | null;
  /** The window the rates look back over, in seconds. */
  windowSeconds: number;
}

/**
 * The projection of `campaign`: null unless it is RUNNING and something of it is running (its
 * own burn has a rate). A paused or stopped campaign projects nothing, even while calls it started
 * before the pause run on.
 */
export function campaignProjection(campaign: CampaignRecord, burn: Burn, wallet: WalletBurn | undefined): CampaignProjection | null {
  if (campaign.status !== CampaignStatus.RUNNING || burn.ratePerMinuteMicros === null || burn.ratePerMinuteMicros === 0n) return null;
  const budgetReachedInSeconds =
    campaign.budgetMicros === null ? null : secondsUntilUsedUp(campaign.budgetMicros - campaign.committedMicros, burn.ratePerMinuteMicros);
  const walletRunsDryInSeconds = wallet?.timeToEmptySeconds ?? null;
  let endsBy: CampaignEnd | null = null;
  let endsInSeconds: number | null = null;
  if (budgetReachedInSeconds !== null && (walletRunsDryInSeconds === null || budgetReachedInSeconds <= walletRunsDryInSeconds)) {
    endsBy = CampaignEnd.BUDGET;
    endsInSeconds = budgetReachedInSeconds;
  } else if (walletRunsDryInSeconds !== null) {
    endsBy = CampaignEnd.WALLET;
    endsInSeconds = walletRunsDryInSeconds;
  }
  return {
    ratePerMinuteMicros: burn.ratePerMinuteMicros,
    walletRatePerMinuteMicros: wallet?.ratePerMinuteMicros ?? null,
    budgetReachedInSeconds,
    walletRunsDryInSeconds,
    endsBy,
    endsInSeconds,
    windowSeconds: burn.windowSeconds,
  };
}
