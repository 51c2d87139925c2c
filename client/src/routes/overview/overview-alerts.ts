/**
 * What the overview warns about, decided from a wallet's state and its campaigns: a low balance
 * (below the auto-recharge threshold, or below {@link LOW_BALANCE_DEFAULT}), and campaigns the
 * server stopped because the wallet could not pay. Pure; amounts compared exactly as micro-units.
 */
import type { CampaignStatus } from '../../gql/graphql.js';
import { moneyToMicros } from '../../utils/money.js';

/**
 * The low-balance line when the wallet has no auto-recharge settings: 5 in the wallet's currency
 * (the first low-balance warning a wallet gets), as a Money string.
 */
export const LOW_BALANCE_DEFAULT = '5';

/** The auto-recharge fields the low-balance warning reads (schema.graphql `AutoRecharge`). */
export interface AutoRechargeLine {
  enabled: boolean;
  threshold: string;
  target: string;
  pausedReason: string | null;
}

/** Why the balance counts as low, for the banner's words. */
export interface LowBalance {
  /** The line the available balance is below (Money). */
  threshold: string;
  /**
   * `'auto-recharge'`: the wallet's auto-recharge threshold (set, whether on or off);
   * `'default'`: {@link LOW_BALANCE_DEFAULT}, the wallet has no auto-recharge settings.
   */
  source: 'auto-recharge' | 'default';
  /** What auto-recharge will do about it: bring it back to `target`, nothing (off) or nothing (paused). */
  autoRecharge: { state: 'on'; target: string } | { state: 'off' } | { state: 'paused'; reason: string } | null;
}

/**
 * Whether the available balance is low: strictly below the auto-recharge threshold when the wallet
 * has auto-recharge settings (enabled or not: it is the line its owner chose), else strictly below
 * {@link LOW_BALANCE_DEFAULT}. Null when it is not low.
 * @throws MoneyFormatError when an amount is not a Money string.
 */
export function lowBalanceOf(wallet: { available: string; autoRecharge: AutoRechargeLine | null }): LowBalance | null {
  const recharge = wallet.autoRecharge;
  const threshold = recharge ? recharge.threshold : LOW_BALANCE_DEFAULT;
  if (moneyToMicros(wallet.available) >= moneyToMicros(threshold)) return null;
  if (!recharge) return { threshold, source: 'default', autoRecharge: null };
  const autoRecharge: LowBalance['autoRecharge'] = !recharge.enabled
    ? { state: 'off' }
    : recharge.pausedReason !== null
      ? { state: 'paused', reason: recharge.pausedReason }
      : { state: 'on', target: recharge.target };
  return { threshold, source: 'auto-recharge', autoRecharge };
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
