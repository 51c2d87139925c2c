// Goal: a call's cost posted after its end committed (the clock's stops, a posting refused at the hang-up and
// retried, the recovery at start) is posted once, however many times and however concurrently that posting runs:
// later runs find the first posting by its idempotency record instead of failing on the reservation it already
// released. Method: the real server; the posting service called again, 5 at once, with the call as it was before
// its first posting. A hang-up posts its cost in the end batch's own transaction (the same write that completes
// the call records it, so it needs no record); one its wallet refuses there ends unposted, for the recovery.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../../../server/database/sql.js';
import { toCallRecord } from '../../../server/domain/calls/call-record.js';
import { selectCall } from '../../../server/domain/calls/calls.queries.js';
import { endCall, postCallCost, postPendingCallCosts, startCall } from '../../../server/domain/calls/call.service.js';
import { Role } from '../../../server/domain/accounts/role.js';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { until } from '../../support/waiting.js';

let t: TestApp;
const clock = new ManualClock();
beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false }, { clock });
});
afterAll(async () => {
  await t?.close();
});

it('posts an ended call once when the posting after its end is repeated concurrently', async () => {
  const { walletId, ownerKey, accountId } = await t.createAccount();
  await t.fund(walletId, '1');
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
  const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
  const started = await t.ok(ownerKey, `mutation($input: StartCallInput!) { startCall(input: $input) { call { id } } }`, {
    input: { campaignId, to: '+447700900123' },
  });
  const callId = started.startCall.call.id;
  const em = t.app.orm.em.fork();
  // Ended with its posting refused (a balance cap below the balance, as below): the call as a crashed process
  // would have left it after the clock stopped it, ended and its cost not yet posted.
  const { callDeps } = t.app.spend;
  const refusing = { ...callDeps, callBatches: undefined, config: { ...callDeps.config, walletBalanceMicrosMax: 1n } };
  const principal = { role: Role.OWNER, accountId, apiKeyId: null, actor: 'test' };
  await expect(endCall(t.app.orm.em.fork(), refusing, { principal, callId })).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
  const stale = toCallRecord(await selectCall.one(em, { callId, accountScope: null }));
  expect(stale).toMatchObject({ status: 'COMPLETED', transactionId: null, costMicros: 600_000n });

  const again = await Promise.all(Array.from({ length: 5 }, () => postCallCost(t.app.orm.em.fork(), callDeps, stale, 'test')));
  const transactionIds = new Set(again.map((call) => call.transactionId));
  expect(transactionIds.size).toBe(1);
  const [transactionId] = transactionIds;
  expect(transactionId).not.toBeNull();

  await sql<never, { callId: string }>('update call set transaction_id = null where id = :callId').run(em, { callId });
  expect(await postPendingCallCosts(t.app.orm.em.fork(), callDeps)).toBe(1);
  const after = await sql<{ transaction_id: string }, { callId: string }>('select transaction_id from call where id = :callId').one(em, {
    callId,
  });
  expect(after.transaction_id).toBe(transactionId);

  const wallet = await t.ok(ownerKey, `query($id: ID!) { wallet(id: $id) { balance reserved } }`, { id: walletId });
  expect(wallet.wallet).toEqual({ balance: '0.4', reserved: '0' });
  const { n } = await sql<{ n: number }, { walletId: string }>(
    `select count(*)::int as n from wallet_transaction where wallet_id = :walletId and kind = 'CALL'`,
  ).one(em, { walletId });
  expect(n).toBe(1);
  await t.assertLedger();
});

it("posts a hang-up's cost in the transaction that ends the call, recorded by the same write of the call row", async () => {
  const { walletId, ownerKey } = await t.createAccount();
  await t.fund(walletId, '1');
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
  const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
  const started = await t.ok(ownerKey, `mutation($input: StartCallInput!) { startCall(input: $input) { call { id } } }`, {
    input: { campaignId, to: '+447700900123' },
  });
  const callId = started.startCall.call.id;
  const ended = await t.ok(ownerKey, `mutation($input: EndCallInput!) { endCall(input: $input) { call { transactionId cost } } }`, {
    input: { callId },
  });
  expect(ended.endCall.call.transactionId).not.toBeNull();
  // xmin is the transaction that last wrote a row: the call row was written last by the transaction that
  // posted its cost (no second write records the posting), and that posting released the reservation.
  const written = await sql<{ same: boolean; actor: string; amount_micros: string }, { callId: string }>(
    `select c.xmin::text = t.xmin::text as same, t.actor, t.amount_micros::text
       from call c join wallet_transaction t on t.id = c.transaction_id where c.id = :callId`,
  ).one(t.app.orm.em.fork(), { callId });
  expect(written.same).toBe(true);
  expect(written.amount_micros).toBe('600000');
  // The call row's lock and status made the posting happen once: its key is on the transaction, and no
  // idempotency record was written (test/domain/calls/call-cost-once.test.ts races every way to end it).
  const keys = await sql<{ transaction_key: string; records: number }, { callId: string }>(
    `select t.idempotency_key as transaction_key, (select count(*)::int from idempotency_key k where k.wallet_transaction_id = t.id) as records
       from call c join wallet_transaction t on t.id = c.transaction_id where c.id = :callId`,
  ).one(t.app.orm.em.fork(), { callId });
  expect(keys).toEqual({ transaction_key: `spendwire:call:${callId}`, records: 0 });
  const wallet = await t.ok(ownerKey, `query($id: ID!) { wallet(id: $id) { balance reserved } }`, { id: walletId });
  expect(wallet.wallet).toEqual({ balance: '0.4', reserved: '0' });
  await t.assertLedger();
});

it('ends a call whose posting its wallet refuses unposted, still holding its reservation, and the recovery posts it once', async () => {
  const { walletId, ownerKey, accountId } = await t.createAccount();
  await t.fund(walletId, '1');
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
  const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
  const started = await t.ok(ownerKey, `mutation($input: StartCallInput!) { startCall(input: $input) { call { id } } }`, {
    input: { campaignId, to: '+447700900123' },
  });
  const callId = started.startCall.call.id;
  // A balance cap below the wallet's balance makes the posting statement refuse the debit (its cap check),
  // in the end transaction and again in postCallCost after it. Unbatched, so these deps are the ones used.
  const { callDeps } = t.app.spend;
  const refusing = { ...callDeps, callBatches: undefined, config: { ...callDeps.config, walletBalanceMicrosMax: 1n } };
  const principal = { role: Role.OWNER, accountId, apiKeyId: null, actor: 'test' };
  // postCallCost explains a refused debit as a refused debit is explained anywhere (INSUFFICIENT_FUNDS).
  await expect(endCall(t.app.orm.em.fork(), refusing, { principal, callId })).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
  const em = t.app.orm.em.fork();
  const call = toCallRecord(await selectCall.one(em, { callId, accountScope: null }));
  expect(call).toMatchObject({ status: 'COMPLETED', transactionId: null, costMicros: 600_000n });
  const held = await t.ok(ownerKey, `query($id: ID!) { wallet(id: $id) { balance reserved } }`, { id: walletId });
  expect(held.wallet).toEqual({ balance: '1', reserved: '0.6' });

  expect(await postPendingCallCosts(t.app.orm.em.fork(), callDeps)).toBe(1);
  const wallet = await t.ok(ownerKey, `query($id: ID!) { wallet(id: $id) { balance reserved } }`, { id: walletId });
  expect(wallet.wallet).toEqual({ balance: '0.4', reserved: '0' });
  const { n } = await sql<{ n: number }, { walletId: string }>(
    `select count(*)::int as n from wallet_transaction where wallet_id = :walletId and kind = 'CALL'`,
  ).one(em, { walletId });
  expect(n).toBe(1);
  await t.assertLedger();
});

it("meters calls this process did not start (another process's, or from before a restart) once its rescan finds them", async () => {
  const { walletId, ownerKey, accountId } = await t.createAccount();
  await t.fund(walletId, '1');
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 1, nextIncrementSeconds: 1 }]);
  const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
  // As another process would: the same service, but nothing tells this process's clock.
  const elsewhere = { ...t.app.spend.callDeps, callStarted: undefined };
  const call = await startCall(t.app.orm.em.fork(), elsewhere, {
    principal: { role: Role.OWNER, accountId, apiKeyId: null, actor: 'other-process' },
    campaignId,
    to: '+447700900123',
  });
  const selectFunded = sql<{ funded_seconds: number }, { callId: string }>('select funded_seconds from call_meter where call_id = :callId');
  const funded = async () => (await selectFunded.one(t.app.orm.em.fork(), { callId: call.id })).funded_seconds;
  expect(await funded()).toBe(1);
  clock.advance(1_000);
  // The clock's rescan runs at most every billingClockRescanMs (1 s) of machine time: pass after
  // pass, until one has rescanned, found the call and reserved its next second.
  await until(
    'the rescan to find and extend the call',
    async () => {
      await t.app.spend.billingClock.runDue();
      return (await funded()) > 1;
    },
    20_000,
    20,
  );
  await t.ok(ownerKey, `mutation($input: EndCallInput!) { endCall(input: $input) { call { id } } }`, { input: { callId: call.id } });
  await t.assertLedger();
});
