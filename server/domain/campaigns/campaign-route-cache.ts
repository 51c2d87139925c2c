import type { Db } from '../../database/sql.js';
import { NotFoundError } from '../../errors.js';
import { canSee, type Principal } from '../accounts/principal.js';
import { isUuid } from '../ids.js';
import { LruMap } from '../../lru-map.js';
import { selectCampaignRoute } from './campaigns.queries.js';

/** What a call placed through a campaign needs of it that never changes: who pays, from which wallet, at which prices. */
export interface CampaignRoute {
  id: string;
  accountId: string;
  walletId: string;
  ratePlanId: string;
}

/**
 * Campaigns' routes by id, kept in this process: a campaign's account, wallet and rate plan are
 * set when it is created and never changed (nothing updates those columns, and campaigns are never
 * deleted), so a cached route is never stale. Saves startCall its one statement outside the start
 * batch (the campaign read on a pooled connection of its own, parsed and planned every time) on
 * every call: the campaign's status, budget and counters, which do change, are read and locked by
 * the batch itself. Holds at most `entriesMax` routes (the least recently used leaves); an unknown
 * campaign is never cached.
 */
export class CampaignRouteCache {
  private readonly routes: LruMap<string, CampaignRoute>;

  constructor(entriesMax: number) {
    this.routes = new LruMap(entriesMax);
  }

  /**
   * The route of campaign `campaignId` as `principal` may see it (its tenant's campaigns, any for platform staff).
   * @throws NotFoundError for an unknown campaign or one of another tenant, as findCampaign does.
   */
  async find(db: Db, principal: Principal, campaignId: string): Promise<CampaignRoute> {
    if (!isUuid(campaignId)) throw new NotFoundError('Campaign', campaignId);
    const id = campaignId.toLowerCase();
    let route = this.routes.get(id);
    if (!route) {
      const row = await selectCampaignRoute.maybeOne(db, { campaignId: id });
      if (!row) throw new NotFoundError('Campaign', campaignId);
      route = { id: row.id, accountId: row.account_id, walletId: row.wallet_id, ratePlanId: row.rate_plan_id };
      this.routes.set(id, route);
    }
    if (!canSee(principal, route.accountId)) throw new NotFoundError('Campaign', campaignId);
    return route;
  }

  /** Whether campaign `campaignId`'s route is held now (for tests). */
  cached(campaignId: string): boolean {
    return this.routes.has(campaignId.toLowerCase());
  }

  /** Routes held now. */
  get size(): number {
    return this.routes.size;
  }
}
