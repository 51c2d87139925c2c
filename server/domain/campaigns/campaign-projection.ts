/**
 * When a running campaign ends, from the one burn definition (server/domain/wallets/burn-rate.ts):
 * its budget is reached at the campaign's own rate, a daily or monthly spend cap of its wallet or
 * account is reached at the wallet's rate (before the cap's period resets), its wallet runs dry at
 * the wallet's rate (all its campaigns, messages and plan fees), whichever comes first. Pure.
 */
import { firstCapReached, type CapHeadroom, type CapReach } from '../spend-caps/cap-outlook.js';
import { secondsUntilUsedUp, type Burn, type WalletBurn } from '../wallets/burn-rate.js';
import { CampaignStatus, type CampaignRecord } from './campaign-record.js';

/** What ends a campaign first. */
export enum CampaignEnd {
  BUDGET = 'BUDGET',
  /** A daily or monthly spend cap of the wallet or its account. */
  SPEND_CAP = 'SPEND_CAP',
  WALLET = 'WALLET',
}

export type { CapHeadroom };

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
  /**
   * Seconds until a spend cap of the wallet or its account is reached at the wallet's rate; null
   * without caps, or when every cap's period resets first.
   */
  spendCapReachedInSeconds: number | null;
  /** The cap reached then (daily or monthly, the account's or the wallet's); null with {@link spendCapReachedInSeconds}. */
  spendCap: CapReach | null;
  /** Which comes first (on a tie: the budget, then a cap); null when none is known. */
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
export function campaignProjection(
  campaign: CampaignRecord,
  burn: Burn,
  wallet: WalletBurn | undefined,
  caps: { headrooms: readonly CapHeadroom[]; nowMs: number } = { headrooms: [], nowMs: 0 },
): CampaignProjection | null {
  if (campaign.status !== CampaignStatus.RUNNING || burn.ratePerMinuteMicros === null || burn.ratePerMinuteMicros === 0n) return null;
  const budgetReachedInSeconds =
    campaign.budgetMicros === null ? null : secondsUntilUsedUp(campaign.budgetMicros - campaign.committedMicros, burn.ratePerMinuteMicros);
  const walletRunsDryInSeconds = wallet?.timeToEmptySeconds ?? null;
  // Caps count the whole wallet's spend (and an account cap its sibling wallets' too): the wallet's rate, at least the campaign's.
  const capRate = wallet?.ratePerMinuteMicros ?? burn.ratePerMinuteMicros;
  const spendCap = firstCapReached(caps.headrooms, capRate, caps.nowMs);
  const spendCapReachedInSeconds = spendCap?.reachedInSeconds ?? null;
  let endsBy: CampaignEnd | null = null;
  let endsInSeconds: number | null = null;
  for (const [end, seconds] of [
    [CampaignEnd.BUDGET, budgetReachedInSeconds],
    [CampaignEnd.SPEND_CAP, spendCapReachedInSeconds],
    [CampaignEnd.WALLET, walletRunsDryInSeconds],
  ] as const) {
    if (seconds !== null && (endsInSeconds === null || seconds < endsInSeconds)) {
      endsBy = end;
      endsInSeconds = seconds;
    }
  }
  return {
    ratePerMinuteMicros: burn.ratePerMinuteMicros,
    walletRatePerMinuteMicros: wallet?.ratePerMinuteMicros ?? null,
    budgetReachedInSeconds,
    walletRunsDryInSeconds,
    spendCapReachedInSeconds,
    spendCap,
    endsBy,
    endsInSeconds,
    windowSeconds: burn.windowSeconds,
  };
}
