import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import type { Db } from '../../database/sql.js';
import type { Principal } from '../accounts/principal.js';
import { liveCallFigures } from '../calls/call-record.js';
import { activeCallsOfCampaigns } from '../calls/call.service.js';
import type { CampaignRecord } from './campaign-record.js';
import { findCampaign, listCampaigns } from './campaign.service.js';
import { selectWalletsBurn } from './campaigns.queries.js';

/** A campaign's live figures at one moment. */
export interface CampaignFigures {
  /** Ended calls' cost plus active calls' cost so far, in micros. */
  spentMicros: bigint;
  /** Sum of the per-minute prices of its active calls, in micros. */
  spendPerMinuteMicros: bigint;
  /**
   * Seconds until the wallet's available balance is used up at the wallet's current burn (all
   * its active calls), or null when nothing burns. A lower bound: credit already reserved for
   * running increments is not counted again.
   */
  timeToEmptySeconds: number | null;
}

/** A campaign with its live figures at one moment: what the API shows of it. */
export interface CampaignView {
  campaign: CampaignRecord;
  figures: CampaignFigures;
}

/** Reads a campaign's live figures at `nowMs` (its active calls, and its wallet's burn). */
export async function campaignFigures(db: Db, campaign: CampaignRecord, nowMs: number): Promise<CampaignFigures> {
  return (await campaignsFigures(db, [campaign], nowMs)).get(campaign.id)!;
}

/** {@link CampaignView}s of `campaigns` at `nowMs`, in their order, read as {@link campaignsFigures} does. */
export async function viewCampaigns(db: Db, campaigns: readonly CampaignRecord[], nowMs: number): Promise<CampaignView[]> {
  const figures = await campaignsFigures(db, campaigns, nowMs);
  return campaigns.map((campaign) => ({ campaign, figures: figures.get(campaign.id)! }));
}

/** The {@link CampaignView} of one campaign at `nowMs`. */
export async function viewCampaign(db: Db, campaign: CampaignRecord, nowMs: number): Promise<CampaignView> {
  return (await viewCampaigns(db, [campaign], nowMs))[0]!;
}

/**
 * {@link campaignFigures} of each of `campaigns`, in at most two statements whatever their number:
 * the active calls of those that have any, and the burn of their wallets.
 */
export async function campaignsFigures(db: Db, campaigns: readonly CampaignRecord[], nowMs: number): Promise<Map<string, CampaignFigures>> {
  const calling = campaigns.filter((campaign) => campaign.activeCalls > 0).map((campaign) => campaign.id);
  const calls = calling.length > 0 ? await activeCallsOfCampaigns(db, calling) : [];
  const walletIds = [...new Set(campaigns.map((campaign) => campaign.walletId))];
  const wallets = await selectWalletsBurn.all(db, { walletIds });
  const walletById = new Map(wallets.map((wallet) => [wallet.id, wallet]));
  const figures = new Map<string, CampaignFigures>();
  for (const campaign of campaigns) {
    let spentMicros = campaign.spentMicros;
    let spendPerMinuteMicros = 0n;
    for (const call of calls) {
      if (call.campaignId !== campaign.id) continue;
      spentMicros += liveCallFigures(call, nowMs).costMicros;
      spendPerMinuteMicros += call.perMinuteMicros;
    }
    const wallet = walletById.get(campaign.walletId);
    const burn = BigInt(wallet?.burn_micros ?? '0');
    const timeToEmptySeconds = burn === 0n ? null : Number((BigInt(wallet!.available_micros) * 60n) / burn);
    figures.set(campaign.id, {
      spentMicros,
      spendPerMinuteMicros,
      timeToEmptySeconds: timeToEmptySeconds === null ? null : Math.min(timeToEmptySeconds, 2_147_483_647),
    });
  }
  return figures;
}

/** The {@link CampaignView} at `nowMs` of a campaign the caller may see. @throws NotFoundError (as {@link findCampaign}). */
export async function findCampaignView(db: Db, principal: Principal, campaignId: string, nowMs: number): Promise<CampaignView> {
  return viewCampaign(db, await findCampaign(db, principal, campaignId), nowMs);
}

/** {@link listCampaigns}' page as {@link CampaignView}s at `nowMs`. @throws as {@link listCampaigns}. */
export async function listCampaignViews(
  em: EntityManager,
  options: {
    principal: Principal;
    /** Only this account's campaigns (listCampaigns). */
    accountId?: string | null;
    first?: number | null;
    after?: string | null;
    limits: Pick<Config, 'callsPageSizeMax' | 'callsPageSizeDefault'>;
    nowMs: number;
  },
): Promise<{ views: CampaignView[]; hasNextPage: boolean }> {
  const page = await listCampaigns(em, options);
  return { views: await viewCampaigns(em, page.campaigns, options.nowMs), hasNextPage: page.hasNextPage };
}
