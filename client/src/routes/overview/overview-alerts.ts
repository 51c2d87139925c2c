/**
 * What the overview warns about, decided from a wallet's state and its campaigns: a low balance
 * (at or below one of the wallet's own low-balance alert thresholds, set on Settings → balance
 * alerts), and campaigns the server stopped because the wallet could not pay. Pure; amounts compared
 * exactly as micro-units.
 */
import type { CampaignStatus } from '../../gql/graphql.js';
import { moneyToMicros } from '../../utils/money.js';

/** The auto-recharge fields the low-balance warning reads (schema.graphql `AutoRecharge`). */
export interface AutoRechargeLine {
  enabled: boolean;
  threshold: string;
  target: string;
  pausedReason: string | null;
}

/** Why the balance counts as low, for the banner's words. */
export interface LowBalance {
  /** The wallet's threshold the available balance is at or below: the lowest such one above 0 (Money). */
  threshold: string;
  /** True when the available balance is exactly at the threshold, false when below it. */
  atThreshold: boolean;
  /**
   * What auto-recharge will do about it: bring it back to `target` (on), nothing (off, paused), or
   * null when the wallet has no auto-recharge settings.
   */
  autoRecharge: { state: 'on'; target: string } | { state: 'off' } | { state: 'paused'; reason: string } | null;
}

/**
 * Whether the available balance is low: at or below one of the wallet's low-balance thresholds
 * above 0 (the server raises LOW_BALANCE when the balance falls to one; 0 is the "depleted" alert,
 * which the suspended banner covers). The banner names the nearest threshold crossed: the lowest
 * one the available balance is at or below. Null when it is not low, or when the wallet has no
 * threshold above 0 (its owner turned balance alerts off). The auto-recharge threshold plays no
 * part: it says when money is added, not when people want to be told.
 * @throws MoneyFormatError when an amount is not a Money string.
 */
export function lowBalanceOf(wallet: {
  available: string;
  lowBalanceThresholds: readonly string[];
  autoRecharge: AutoRechargeLine | null;
}): LowBalance | null {
  const availableMicros = moneyToMicros(wallet.available);
  let crossed: { threshold: string; micros: bigint } | null = null;
  for (const threshold of wallet.lowBalanceThresholds) {
    const micros = moneyToMicros(threshold);
    if (micros > 0n && availableMicros <= micros && (crossed === null || micros < crossed.micros)) crossed = { threshold, micros };
  }
  if (crossed === null) return null;
  const recharge = wallet.autoRecharge;
  const autoRecharge: LowBalance['autoRecharge'] =
    recharge === null
      ? null
      : !recharge.enabled
        ? { state: 'off' }
        : recharge.pausedReason !== null
          ? { state: 'paused', reason: recharge.pausedReason }
          : { state: 'on', target: recharge.target };
  return { threshold: crossed.threshold, atThreshold: availableMicros === crossed.micros, autoRecharge };
}

/** The campaign fields the overview follows (schema.graphql `Campaign`). */
export interface CampaignLine {
  id: string;
  walletId: string;
  name: string;
  status: CampaignStatus;
  activeCalls: number;
  /** Grows with every change: a state with a higher version is newer (decimal string). */
  version: string;
}

/** The status a campaign gets when its wallet could not fund a call. */
export const STOPPED_FOR_FUNDS: CampaignStatus = 'STOPPED_INSUFFICIENT_FUNDS';

/**
 * The newer of two states of one campaign, by `version` (compared as integers); on a tie the
 * first. Missing states are skipped.
 */
export function newestCampaignState<C extends Pick<CampaignLine, 'version'>>(
  first: C | null | undefined,
  second: C | null | undefined,
): C | undefined {
  if (!first) return second ?? undefined;
  if (!second) return first;
  return BigInt(second.version) > BigInt(first.version) ? second : first;
}

/**
 * The campaigns as listed, each replaced by a newer live state when one arrived (`live`, by id).
 * The list's order is kept.
 */
export function withLiveStates<C extends CampaignLine>(listed: readonly C[], live: ReadonlyMap<string, C>): C[] {
  return listed.map((campaign) => newestCampaignState(campaign, live.get(campaign.id)) ?? campaign);
}

/** The wallet's campaigns that the server stopped because the wallet could not fund a call, in list order. */
export function campaignsStoppedForFunds<C extends CampaignLine>(campaigns: readonly C[], walletId: string): C[] {
  return campaigns.filter((campaign) => campaign.walletId === walletId && campaign.status === STOPPED_FOR_FUNDS);
}

/** Statuses from which a campaign can still come to, or leave, {@link STOPPED_FOR_FUNDS}: all but COMPLETED. */
function canChangeFundsStop(status: CampaignStatus): boolean {
  return status !== 'COMPLETED';
}

/**
 * The wallet's campaigns worth following live, at most `max`: first those stopped for funds (the
 * banner names them; a restart elsewhere should clear it), then RUNNING ones (they may stop), then
 * the rest that can still start (DRAFT, PAUSED, stopped for budget); COMPLETED ones never change.
 * Ties keep the list's order (newest first, as the server lists them).
 * @throws RangeError when max < 0.
 */
export function campaignsToFollow<C extends CampaignLine>(campaigns: readonly C[], walletId: string, max: number): C[] {
  if (!(max >= 0)) throw new RangeError(`max must be at least 0, got ${max}`);
  const rank = (campaign: C) => (campaign.status === STOPPED_FOR_FUNDS ? 0 : campaign.status === 'RUNNING' ? 1 : 2);
  return campaigns
    .filter((campaign) => campaign.walletId === walletId && canChangeFundsStop(campaign.status))
    .map((campaign, index) => ({ campaign, index }))
    .sort((a, b) => rank(a.campaign) - rank(b.campaign) || a.index - b.index)
    .slice(0, max)
    .map(({ campaign }) => campaign);
}

/**
 * True when the wallet has more active calls than the listed campaigns account for: a campaign
 * the page does not know (created since it loaded) is dialing on it, so the list is worth
 * fetching again. Momentary mismatches happen (the wallet's and the campaigns' feeds are separate
 * streams), so act on it only when it lasts.
 */
export function hasUnlistedActiveCalls(walletActiveCalls: number, campaigns: readonly CampaignLine[], walletId: string): boolean {
  const listed = campaigns.reduce((sum, campaign) => (campaign.walletId === walletId ? sum + campaign.activeCalls : sum), 0);
  return walletActiveCalls > listed;
}
