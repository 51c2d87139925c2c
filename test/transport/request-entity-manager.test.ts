// Goal: a GraphQL request forks the ORM's EntityManager only when it uses one: startCall and endCall
// with a cached API key fork none (call control runs raw SQL on the process's own EntityManager, and
// so do its batches), a query whose resolvers and loaders read entities forks exactly one, and every
// answer is what it was (the call placed, hung up, and posted; the ledger clean). Method: the real
// server over HTTP, counting calls to the ORM's fork while each request runs (no mock: the spy
// passes every call through).
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

it('forks no EntityManager for startCall and endCall, one for a query that reads entities', async () => {
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

  const read = await t.ok(owner.ownerKey, 'query($id: ID!) { campaign(id: $id) { id walletId } }', { id: campaignId });
  expect(read.campaign.walletId).toBe(owner.walletId);
  expect(fork).toHaveBeenCalledTimes(1);
  fork.mockRestore();
  await t.assertLedger();
});
