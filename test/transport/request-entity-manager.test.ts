// Goal: a GraphQL request forks the ORM's EntityManager only when it uses one: call control
// (startCall, endCall, startCalls, endCalls, callGrants) with a cached API key forks none (it runs raw
// SQL on the process's own EntityManager, and so do its batches), nor does a charge that posts, while a
// charge refused or replayed (which reads the database to say why) and a query whose resolvers and
// loaders read entities fork exactly one each, and every answer is what it was (calls placed, hung up, and posted;
// the ledger clean). Method: the real server over HTTP, counting calls to the ORM's fork while each
// request runs (no mock: the spy passes every call through).
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { JOBS_BY_HAND, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(JOBS_BY_HAND);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await t?.close();
});

const START = 'mutation($input: StartCallInput!) { startCall(input: $input) { call { id status } } }';
const END = 'mutation($input: EndCallInput!) { endCall(input: $input) { call { id status cost transactionId } } }';

it('forks no EntityManager for call control, one for a query that reads entities', async () => {
  const owner = await t.createAccount('Forks');
  await t.fund(owner.walletId, '10');
  const planId = await t.createRatePlan([{ prefix: '', perMinute: '0.60', firstIncrementSeconds: 1, nextIncrementSeconds: 1 }]);
  const campaignId = await t.runningCampaign(owner.ownerKey, owner.walletId, planId);
  // Warm the caches a first call fills (the key's principal, the campaign's route, the rate plan).
  const first = await t.ok(owner.ownerKey, START, { input: { campaignId, to: '+15551234567' } });
  await t.ok(owner.ownerKey, END, { input: { callId: first.startCall.call.id } });

  const fork = vi.spyOn(t.app.orm.em, 'fork');
  const started = await t.ok(owner.ownerKey, START, { input: { campaignId, to: '+15551234567' } });
  expect(started.startCall.call.status).toBe('ACTIVE');
  const ended = await t.ok(owner.ownerKey, END, { input: { callId: started.startCall.call.id } });
  expect(ended.endCall.call.status).toBe('COMPLETED');
  expect(ended.endCall.call.transactionId).not.toBeNull();
  expect(fork).toHaveBeenCalledTimes(0);
  // The lists and the grants read of call control too.
  const listed = await t.ok(
    owner.ownerKey,
    'mutation($input: StartCallsInput!) { startCalls(input: $input) { results { call { id } } } }',
    {
      input: {
        calls: [
          { campaignId, to: '+15551234567' },
          { campaignId, to: '+15551234568' },
        ],
      },
    },
  );
  const ids = listed.startCalls.results.map((result: { call: { id: string } }) => result.call.id);
  const grants = await t.ok(owner.ownerKey, 'query($ids: [ID!]!) { callGrants(ids: $ids) { grants { status } } }', { ids });
  expect(grants.callGrants.grants.map((grant: { status: string }) => grant.status)).toEqual(['ACTIVE', 'ACTIVE']);
  const hungUp = await t.ok(
    owner.ownerKey,
    'mutation($input: EndCallsInput!) { endCalls(input: $input) { results { call { status } } } }',
    {
      input: { calls: ids.map((callId: string) => ({ callId })) },
    },
  );
  expect(hungUp.endCalls.results.map((result: { call: { status: string } }) => result.call.status)).toEqual(['COMPLETED', 'COMPLETED']);
  expect(fork).toHaveBeenCalledTimes(0);

  const read = await t.ok(owner.ownerKey, 'query($id: ID!) { campaign(id: $id) { id walletId } }', { id: campaignId });
  expect(read.campaign.walletId).toBe(owner.walletId);
  expect(fork).toHaveBeenCalledTimes(1);
  fork.mockRestore();
  await t.assertLedger();
});

const CHARGE = 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id amount } wallet { balance } replayed } }';

it('forks no EntityManager for a charge that posts, one for a charge refused or replayed', async () => {
  const owner = await t.createAccount('Charge forks');
  await t.fund(owner.walletId, '1');
  // Warm the key's principal in the credential cache.
  await t.ok(owner.ownerKey, CHARGE, { input: { walletId: owner.walletId, amount: '0.10' } });

  const fork = vi.spyOn(t.app.orm.em, 'fork');
  const posted = await t.ok(owner.ownerKey, CHARGE, { input: { walletId: owner.walletId, amount: '0.20', idempotencyKey: 'forks-1' } });
  expect(posted.charge).toMatchObject({ transaction: { amount: '0.2' }, wallet: { balance: '0.7' }, replayed: false });
  expect(fork).toHaveBeenCalledTimes(0);

  const replayed = await t.ok(owner.ownerKey, CHARGE, { input: { walletId: owner.walletId, amount: '0.20', idempotencyKey: 'forks-1' } });
  expect(replayed.charge).toMatchObject({ transaction: { id: posted.charge.transaction.id }, replayed: true });
  expect(fork).toHaveBeenCalledTimes(1);

  const refused = await t.graphql(owner.ownerKey, CHARGE, { input: { walletId: owner.walletId, amount: '5' } });
  expect(refused.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_FUNDS');
  expect(fork).toHaveBeenCalledTimes(2);
  fork.mockRestore();
  await t.assertLedger();
});
