import { Role } from '../../server/domain/accounts/role.js';
import { startCall } from '../../server/domain/calls/call.service.js';
import type { TestApp } from './test-app.js';

/**
 * Starts `count` calls, one after another through the call service, on the running campaign of a new
 * account at 0.60/min in 1-second increments, its wallet funded with `funding`. Destinations are
 * `<numberPrefix><index, 5 digits>`: give each file its own prefix. Returns the calls' ids in start
 * order and the account's OWNER key.
 */
export async function startCallsOnNewAccount(
  t: TestApp,
  count: number,
  funding: string,
  numberPrefix: string,
): Promise<{ ids: string[]; ownerKey: string }> {
  const { accountId, walletId, ownerKey } = await t.createAccount();
  await t.fund(walletId, funding);
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 1, nextIncrementSeconds: 1 }]);
  const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
  const principal = { role: Role.OWNER, accountId, apiKeyId: null, actor: 'test' };
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const call = await startCall(t.app.orm.em.fork(), t.app.spend.callDeps, {
      principal,
      campaignId,
      to: `${numberPrefix}${String(i).padStart(5, '0')}`,
    });
    ids.push(call.id);
  }
  return { ids, ownerKey };
}
