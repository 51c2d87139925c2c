// Goal: the campaign-route cache startCall uses answers as findCampaign does (the campaign's account,
// wallet and rate plan; NOT_FOUND for an unknown id, a malformed id, or another tenant's campaign,
// cached or not), keeps at most its configured number of routes (N kept, the N+1th evicts the least
// recently used), caches nothing at 0 and never an unknown campaign, and that startCall through the
// running server still refuses a campaign not RUNNING (the batch reads the status, not the cache).
// Method: campaigns created through the real server's API, read from its PostgreSQL through the cache.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Role } from '../../../server/domain/accounts/role.js';
import { CampaignRouteCache } from '../../../server/domain/campaigns/campaign-route-cache.js';
import { findCampaign } from '../../../server/domain/campaigns/campaign.service.js';
import { NotFoundError } from '../../../server/errors.js';
import { JOBS_BY_HAND, startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
let planId: string;
beforeAll(async () => {
  t = await startTestApp(JOBS_BY_HAND);
  planId = await t.createRatePlan([{ prefix: '', perMinute: '0.01', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
});
afterAll(async () => {
  await t?.close();
});

const ownerOf = (accountId: string) => ({ role: Role.OWNER, accountId, apiKeyId: null, actor: 'test' });
const admin = { role: Role.PLATFORM_ADMIN, accountId: null, apiKeyId: null, actor: 'test' };

it('answers as findCampaign does, for its tenant and platform staff; NOT_FOUND for others, cached or not', async () => {
  const em = t.app.orm.em.fork();
  const a = await t.createAccount('A');
  const b = await t.createAccount('B');
  const campaignId = await t.runningCampaign(a.ownerKey, a.walletId, planId);
  const cache = new CampaignRouteCache(8);

  // Another tenant first: the route is cached (it is the same for everyone) but not shown to them.
  await expect(cache.find(em, ownerOf(b.accountId), campaignId)).rejects.toBeInstanceOf(NotFoundError);
  expect(cache.cached(campaignId)).toBe(true);
  for (const principal of [ownerOf(a.accountId), admin]) {
    const expected = await findCampaign(em, principal, campaignId);
    expect(await cache.find(em, principal, campaignId)).toEqual({
      id: expected.id,
      accountId: expected.accountId,
      walletId: expected.walletId,
      ratePlanId: expected.ratePlanId,
    });
  }
  // Ids are UUIDs in any case, as PostgreSQL reads them; the answer is the canonical id.
  expect((await cache.find(em, ownerOf(a.accountId), campaignId.toUpperCase())).id).toBe(campaignId);
  await expect(cache.find(em, ownerOf(b.accountId), campaignId)).rejects.toBeInstanceOf(NotFoundError);
  await expect(cache.find(em, admin, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
  const unknown = '00000000-0000-4000-8000-000000000000';
  await expect(cache.find(em, admin, unknown)).rejects.toBeInstanceOf(NotFoundError);
  expect(cache.cached(unknown)).toBe(false);
  expect(cache.size).toBe(1);
});

it('keeps at most entriesMax routes (the least recently used leaves), none at 0', async () => {
  const em = t.app.orm.em.fork();
  const a = await t.createAccount('C');
  const principal = ownerOf(a.accountId);
  const ids = [
    await t.runningCampaign(a.ownerKey, a.walletId, planId),
    await t.runningCampaign(a.ownerKey, a.walletId, planId),
    await t.runningCampaign(a.ownerKey, a.walletId, planId),
  ];
  const cache = new CampaignRouteCache(2);
  await cache.find(em, principal, ids[0]!);
  await cache.find(em, principal, ids[1]!);
  expect(cache.size).toBe(2);
  // Campaign 0 used again: campaign 1 is now the least recently used and leaves for campaign 2.
  await cache.find(em, principal, ids[0]!);
  await cache.find(em, principal, ids[2]!);
  expect(cache.size).toBe(2);
  expect(cache.cached(ids[0]!)).toBe(true);
  expect(cache.cached(ids[1]!)).toBe(false);
  expect(cache.cached(ids[2]!)).toBe(true);

  const off = new CampaignRouteCache(0);
  expect((await off.find(em, principal, ids[1]!)).walletId).toBe(a.walletId);
  expect(off.size).toBe(0);
});

it("startCall through a cached route still answers the campaign's current status and tenant", async () => {
  const a = await t.createAccount('D');
  const b = await t.createAccount('E');
  await t.fund(a.walletId, '10');
  const campaignId = await t.runningCampaign(a.ownerKey, a.walletId, planId);
  const START = 'mutation($input: StartCallInput!) { startCall(input: $input) { call { id status } } }';
  const END = 'mutation($input: EndCallInput!) { endCall(input: $input) { call { id status } } }';
  const started = await t.ok(a.ownerKey, START, { input: { campaignId, to: '+15551234567' } });
  expect(started.startCall.call.status).toBe('ACTIVE');
  expect(t.app.spend.callDeps.campaignRoutes?.cached(campaignId)).toBe(true);
  await t.ok(a.ownerKey, END, { input: { callId: started.startCall.call.id } });

  // Paused after its route was cached: the start batch reads the status and refuses.
  await t.ok(a.ownerKey, 'mutation($id: ID!) { pauseCampaign(id: $id) { campaign { id } } }', { id: campaignId });
  const paused = await t.graphql(a.ownerKey, START, { input: { campaignId, to: '+15551234567' } });
  expect(paused.errors?.[0]?.extensions?.code).toBe('CAMPAIGN_NOT_RUNNING');
  // Another tenant's key: NOT_FOUND, as before the cache.
  const other = await t.graphql(b.ownerKey, START, { input: { campaignId, to: '+15551234567' } });
  expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  await t.assertLedger();
});
