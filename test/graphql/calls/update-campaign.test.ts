// Goal: updateCampaign changes a campaign's name and budget (its cap on spend) for the roles that manage campaigns only; the budget never goes below what the campaign has committed (exactly that passes, one micro less is BUDGET_BELOW_SPENT and nothing changes); a campaign stopped at its budget is raised and resumed and calls again; and estimateCampaignCost covers calls only up to the budget (a $20 budget does not "cover all 500 calls"). Method: the real server on the injected clock with the billing clock off, everything through the GraphQL API, the ledger checked at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
const clock = new ManualClock();
beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false }, { clock });
});
afterAll(async () => {
  await t?.close();
});

const FIELDS = 'id name status budget committed version';
const UPDATE = `mutation($input: UpdateCampaignInput!) { updateCampaign(input: $input) { campaign { ${FIELDS} } } }`;
const CAMPAIGN = `query($id: ID!) { campaign(id: $id) { ${FIELDS} } }`;
const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { id status endReason } } }`;
const END_CALL = `mutation($input: EndCallInput!) { endCall(input: $input) { call { cost } } }`;
const START = `mutation($id: ID!) { startCampaign(id: $id) { campaign { status } } }`;
const ESTIMATE = `query($input: EstimateCampaignCostInput!) { estimateCampaignCost(input: $input) { total available budget shortfall coveredCalls limitedBy } }`;

async function setUp(budget: string | null) {
  const { accountId, walletId, ownerKey } = await t.createAccount();
  await t.fund(walletId, '150');
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '1', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
  const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId, budget);
  return { accountId, walletId, ownerKey, ratePlanId, campaignId };
}

describe('updateCampaign', () => {
  it('raises the budget of a campaign stopped at it, never below what it committed, and it resumes and calls again', async () => {
    const { ownerKey, campaignId } = await setUp('1');
    // The first call holds its first minute, $1: the whole budget. The next is refused and stops the campaign.
    const first = (await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900001' } })).startCall.call;
    expect(first.status).toBe('ACTIVE');
    const refused = (await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900002' } })).startCall.call;
    expect(refused).toMatchObject({ status: 'REFUSED', endReason: 'BUDGET_REACHED' });
    clock.advance(30_000);
    expect((await t.ok(ownerKey, END_CALL, { input: { callId: first.id } })).endCall.call.cost).toBe('1');
    const stopped = (await t.ok(ownerKey, CAMPAIGN, { id: campaignId })).campaign;
    expect(stopped).toMatchObject({ status: 'STOPPED_BUDGET_REACHED', budget: '1', committed: '1' });

    // One micro under what is committed: refused with its code, and nothing changed.
    const below = await t.graphql(ownerKey, UPDATE, { input: { id: campaignId, budget: '0.999999', name: 'Renamed' } });
    expect(below.errors?.[0]?.extensions).toMatchObject({ code: 'BUDGET_BELOW_SPENT', field: 'budget', committed: '1' });
    expect((await t.ok(ownerKey, CAMPAIGN, { id: campaignId })).campaign).toEqual(stopped);
    // Exactly what is committed passes.
    const exact = (await t.ok(ownerKey, UPDATE, { input: { id: campaignId, budget: '1' } })).updateCampaign.campaign;
    expect(exact).toEqual(stopped);

    // Raised: still stopped until resumed, then it calls again.
    const raised = (await t.ok(ownerKey, UPDATE, { input: { id: campaignId, budget: '5', name: 'Spring promo, extended' } })).updateCampaign
      .campaign;
    expect(raised).toMatchObject({ status: 'STOPPED_BUDGET_REACHED', budget: '5', name: 'Spring promo, extended' });
    expect(BigInt(raised.version)).toBeGreaterThan(BigInt(stopped.version));
    expect((await t.ok(ownerKey, START, { id: campaignId })).startCampaign.campaign.status).toBe('RUNNING');
    const again = (await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900003' } })).startCall.call;
    expect(again.status).toBe('ACTIVE');
    await t.ok(ownerKey, END_CALL, { input: { callId: again.id } });

    // Explicit null removes the cap; a name alone leaves the budget.
    expect((await t.ok(ownerKey, UPDATE, { input: { id: campaignId, budget: null } })).updateCampaign.campaign.budget).toBeNull();
    expect((await t.ok(ownerKey, UPDATE, { input: { id: campaignId, name: 'Final' } })).updateCampaign.campaign).toMatchObject({
      name: 'Final',
      budget: null,
    });
    await t.assertLedger();
  });

  it('refuses a bad name or budget, other roles and other tenants', async () => {
    const { accountId, ownerKey, campaignId } = await setUp('10');
    for (const [input, field] of [
      [{ name: '  ' }, 'name'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ budget: '0' }, 'budget'],
      [{ budget: '-5' }, 'budget'],
    ] as const) {
      const response = await t.graphql(ownerKey, UPDATE, { input: { id: campaignId, ...input } });
      expect(response.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await t.ok(ownerKey, UPDATE, { input: { id: campaignId, name: 'x'.repeat(200) } })).updateCampaign.campaign.name).toHaveLength(
      200,
    );
    const manager = await t.createKey(accountId, 'CAMPAIGN_MANAGER');
    expect((await t.ok(manager.secret, UPDATE, { input: { id: campaignId, budget: '12' } })).updateCampaign.campaign.budget).toBe('12');
    const support = await t.createKey(null, 'SUPPORT');
    expect((await t.graphql(support.secret, UPDATE, { input: { id: campaignId, budget: '99' } })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const other = await t.createAccount();
    expect((await t.graphql(other.ownerKey, UPDATE, { input: { id: campaignId, budget: '99' } })).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await t.ok(ownerKey, CAMPAIGN, { id: campaignId })).campaign.budget).toBe('12');
  });
});

describe('estimateCampaignCost with a budget', () => {
  it('covers calls only up to the lesser of the budget and the wallet: a $20 budget covers 20 of 500 one-minute calls', async () => {
    const { walletId, ownerKey, ratePlanId } = await setUp(null);
    const input = { ratePlanId, to: '+447700900123', calls: 500, averageDurationSeconds: 60, walletId };
    expect((await t.ok(ownerKey, ESTIMATE, { input: { ...input, budget: '20' } })).estimateCampaignCost).toEqual({
      total: '500',
      available: '150',
      budget: '20',
      shortfall: '480',
      coveredCalls: 20,
      limitedBy: 'BUDGET',
    });
    // Without the budget the wallet limits; with a budget above what the wallet holds, the wallet still does.
    expect((await t.ok(ownerKey, ESTIMATE, { input })).estimateCampaignCost).toMatchObject({ coveredCalls: 150, limitedBy: 'WALLET' });
    expect((await t.ok(ownerKey, ESTIMATE, { input: { ...input, budget: '1000' } })).estimateCampaignCost).toMatchObject({
      coveredCalls: 150,
      limitedBy: 'WALLET',
    });
    // A budget that covers everything: nothing limits.
    expect((await t.ok(ownerKey, ESTIMATE, { input: { ...input, calls: 10, budget: '20' } })).estimateCampaignCost).toMatchObject({
      shortfall: '0',
      coveredCalls: 10,
      limitedBy: null,
    });
    // No wallet, only a budget.
    const { walletId: _, ...noWallet } = input;
    expect((await t.ok(ownerKey, ESTIMATE, { input: { ...noWallet, budget: '20' } })).estimateCampaignCost).toMatchObject({
      available: null,
      coveredCalls: 20,
      limitedBy: 'BUDGET',
    });
    const bad = await t.graphql(ownerKey, ESTIMATE, { input: { ...input, budget: '0' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'budget' });
  });
});
