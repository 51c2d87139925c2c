import { Role } from '../../server/domain/accounts/role.js';
import type { Principal } from '../../server/domain/accounts/principal.js';
import { startCall } from '../../server/domain/calls/call.service.js';
import type { TestApp } from './test-app.js';

/** A new account's running campaign at 0.60/min in 1-second increments; `start()` places one call on it. */
export interface CallCampaign {
  ownerKey: string;
  principal: Principal;
  campaignId: string;
  walletId: string;
  /** The calls started so far, in start order. */
  ids: string[];
  /** Starts one call through the call service (destination `<numberPrefix><index, 5 digits>`); its id. */
  start(): Promise<string>;
}

/**
 * A running campaign on a new account at 0.60/min in 1-second increments, its wallet funded with
 * `funding`. Destinations are `<numberPrefix><index, 5 digits>`: give each file its own prefix.
 */
export async function newCallCampaign(t: TestApp, funding: string, numberPrefix: string): Promise<CallCampaign> {
  const { accountId, walletId, ownerKey } = await t.createAccount();
  await t.fund(walletId, funding);
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 1, nextIncrementSeconds: 1 }]);
  const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
  const principal: Principal = { role: Role.OWNER, accountId, apiKeyId: null, actor: 'test' };
  const ids: string[] = [];
  return {
    ownerKey,
    principal,
    campaignId,
    walletId,
    ids,
    start: async () => {
      const call = await startCall(t.app.orm.em.fork(), t.app.spend.callDeps, {
        principal,
        campaignId,
        to: `${numberPrefix}${String(ids.length).padStart(5, '0')}`,
      });
      ids.push(call.id);
      return call.id;
    },
  };
}

/**
 * Starts `count` calls, one after another through the call service, on the running campaign of a new
 * account (see {@link newCallCampaign}). Returns the calls' ids in start order and the account's OWNER key.
 */
export async function startCallsOnNewAccount(
  t: TestApp,
  count: number,
  funding: string,
  numberPrefix: string,
): Promise<{ ids: string[]; ownerKey: string }> {
  const campaign = await newCallCampaign(t, funding, numberPrefix);
  for (let i = 0; i < count; i++) await campaign.start();
  return { ids: campaign.ids, ownerKey: campaign.ownerKey };
}
