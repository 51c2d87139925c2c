import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import type { Db } from '../../database/sql.js';
import type { Principal } from '../accounts/principal.js';
import { liveCallFigures } from '../calls/call-record.js';
import { activeCallsOfCampaigns } from '../calls/call.service.js';
import { campaignBurns, walletBurns, type Burn, type BurnSettings } from '../wallets/burn-rate.js';
import { campaignProjection, type CampaignProjection } from './campaign-projection.js';
import { SpendCapBook } from '../spend-caps/spend-cap-book.js';
import { CampaignStatus, type CampaignRecord } from './campaign-record.js';
import { findCampaign, listCampaigns } from './campaign.service.js';

/** A campaign's live figures at one moment. */
export interface CampaignFigures {
  /** Ended calls' cost plus active calls' cost so far, in micros. */
  spentMicros: bigint;
  /** The campaign's own burn (its calls and messages), by the one definition of burn-rate.ts. */
  burn: Burn;
  /** When it ends (budget or wallet, whichever first); null unless RUNNING with something running. */
  projection: CampaignProjection | null;
}

/** A campaign with its live figures at one moment: what the API shows of it. */
export interface CampaignView {
  campaign: CampaignRecord;
  figures: CampaignFigures;
}

/** {@link CampaignView}s of `campaigns` at `settings.nowMs`, in their order, read as {@link campaignsFigures} does. */
export async function viewCampaigns(db: Db, campaigns: readonly CampaignRecord[], settings: BurnSettings): Promise<CampaignView[]> {
  const figures = await campaignsFigures(db, campaigns, settings);
  return campaigns.map((campaign) => ({ campaign, figures: figures.get(campaign.id)! }));
}

/** The {@link CampaignView} of one campaign at `settings.nowMs`. */
export async function viewCampaign(db: Db, campaign: CampaignRecord, settings: BurnSettings): Promise<CampaignView> {
  return (await viewCampaigns(db, [campaign], settings))[0]!;
}

/**
 * The live figures of each of `campaigns`, in a fixed number of statements whatever their number:
 * the active calls of those that have any, the campaigns' burns, their wallets' burns and spend caps.
 */
export async function campaignsFigures(
  db: Db,
  campaigns: readonly CampaignRecord[],
  settings: BurnSettings,
): Promise<Map<string, CampaignFigures>> {
  const calling = campaigns.filter((campaign) => campaign.activeCalls > 0).map((campaign) => campaign.id);
  const calls = calling.length > 0 ? await activeCallsOfCampaigns(db, calling) : [];
  const burns = await campaignBurns(
    db,
    campaigns.map((campaign) => campaign.id),
    settings,
  );
  // Only running campaigns project; their wallets' burns are read for them alone.
  const projecting = campaigns.filter((campaign) => campaign.status === CampaignStatus.RUNNING);
  const projectingWallets = [...new Set(projecting.map((campaign) => campaign.walletId))];
  const wallets = await walletBurns(db, projectingWallets, settings);
  const caps = await SpendCapBook.read(db, projectingWallets, settings.nowMs);
  const figures = new Map<string, CampaignFigures>();
  for (const campaign of campaigns) {
    let spentMicros = campaign.spentMicros;
    for (const call of calls) {
      if (call.campaignId === campaign.id) spentMicros += liveCallFigures(call, settings.nowMs).costMicros;
    }
    const burn = burns.get(campaign.id)!;
    const projection = campaignProjection(campaign, burn, wallets.get(campaign.walletId), {
      headrooms: caps.headrooms(campaign.walletId),
      nowMs: settings.nowMs,
    });
    figures.set(campaign.id, { spentMicros, burn, projection });
  }
  return figures;
}

/** The {@link CampaignView} now of a campaign the caller may see. @throws NotFoundError (as {@link findCampaign}). */
export async function findCampaignView(db: Db, principal: Principal, campaignId: string, settings: BurnSettings): Promise<CampaignView> {
  return viewCampaign(db, await findCampaign(db, principal, campaignId), settings);
}

/** {@link listCampaigns}' page as {@link CampaignView}s now. @throws as {@link listCampaigns}. */
export async function listCampaignViews(
  em: EntityManager,
  options: {
    principal: Principal;
    /** Only this account's campaigns (listCampaigns). */
    accountId?: string | null;
    first?: number | null;
    after?: string | null;
    limits: Pick<Config, 'callsPageSizeMax' | 'callsPageSizeDefault'>;
    settings: BurnSettings;
  },
): Promise<{ views: CampaignView[]; hasNextPage: boolean }> {
  const page = await listCampaigns(em, options);
  return { views: await viewCampaigns(em, page.campaigns, options.settings), hasNextPage: page.hasNextPage };
}
