// Goal: callGrants answers each id with the call's status and grant exactly as the switch contract says (fundedUntil moves when the billing clock extends a call, null once it ended or for another account's call), in input order, and refuses a list over callGrantIdsMax whole; a grant the clock reaches only after it ran out is never extended (the call ends at it, as the switch hung it up). Method: the real server over HTTP on its own PostgreSQL with a ManualClock and the billing clock driven by hand; grants compared with Call.fundedUntil.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

/** The limit this file runs with, small enough to reach. */
const CALL_GRANT_IDS_MAX = 5;

const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { id status fundedUntil } } }`;
const END_CALL = `mutation($input: EndCallInput!) { endCall(input: $input) { call { id status endedAt fundedUntil billedSeconds } } }`;
const CALL_GRANTS = `query($ids: [ID!]!) { callGrants(ids: $ids) { at grants { callId status fundedUntil } } }`;

const clock = new ManualClock(Date.UTC(2026, 11, 7, 12, 0, 0));
let t: TestApp;
let ratePlanId: string;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false, callGrantIdsMax: CALL_GRANT_IDS_MAX }, { clock });
  // 0.60 a minute in 6-second increments: 0.06 an increment.
  ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.60', firstIncrementSeconds: 6, nextIncrementSeconds: 6 }]);
});
afterAll(async () => {
  await t?.close();
});

async function dialer(balance: string) {
  const account = await t.createAccount(`Switch ${randomUUID().slice(0, 8)}`);
  await t.fund(account.walletId, balance);
  const campaignId = await t.runningCampaign(account.ownerKey, account.walletId, ratePlanId);
  return { ...account, campaignId };
}

async function startCall(token: string, campaignId: string) {
  return (await t.ok(token, START_CALL, { input: { campaignId, to: '+447700900123' } })).startCall.call;
}

async function grants(token: string, ids: string[]) {
  return (await t.ok(token, CALL_GRANTS, { ids })).callGrants;
}

/** Advances the clock in 500 ms steps, letting the billing clock act after each. */
async function advance(totalMs: number): Promise<void> {
  for (let left = totalMs; left > 0; left -= 500) {
    clock.advance(Math.min(500, left));
    await t.app.spend.billingClock.runDue();
  }
}

describe('callGrants', () => {
  it("follows a call's grant: startCall's fundedUntil, extended by the clock one lead before it ends, null once the call ended", async () => {
    const owner = await dialer('1');
    const call = await startCall(owner.ownerKey, owner.campaignId);
    expect(call.status).toBe('ACTIVE');
    const startedAtMs = clock.now();
    expect(Date.parse(call.fundedUntil)).toBe(startedAtMs + 6_000);
    const first = await grants(owner.ownerKey, [call.id]);
    expect(first).toEqual({
      at: new Date(clock.now()).toISOString(),
      grants: [{ callId: call.id, status: 'ACTIVE', fundedUntil: call.fundedUntil }],
    });

    // billingClockLeadMs (1 s) before the grant ends the clock extends it by one increment; not before.
    await advance(4_500);
    expect((await grants(owner.ownerKey, [call.id])).grants[0].fundedUntil).toBe(new Date(startedAtMs + 6_000).toISOString());
    await advance(500);
    expect((await grants(owner.ownerKey, [call.id])).grants[0].fundedUntil).toBe(new Date(startedAtMs + 12_000).toISOString());

    const ended = (await t.ok(owner.ownerKey, END_CALL, { input: { callId: call.id } })).endCall.call;
    expect(ended.status).toBe('COMPLETED');
    expect((await grants(owner.ownerKey, [call.id])).grants).toEqual([{ callId: call.id, status: 'COMPLETED', fundedUntil: null }]);
    await t.assertLedger();
  });

  it("answers in input order; another account's call, an unknown id and a malformed one have a null status; the operator sees every account's", async () => {
    const a = await dialer('1');
    const b = await dialer('1');
    const callA = await startCall(a.ownerKey, a.campaignId);
    const callB = await startCall(b.ownerKey, b.campaignId);
    const unknown = randomUUID();
    const answer = await grants(a.ownerKey, [callB.id, 'not-a-uuid', callA.id, unknown, callA.id]);
    expect(answer.grants).toEqual([
      { callId: callB.id, status: null, fundedUntil: null },
      { callId: 'not-a-uuid', status: null, fundedUntil: null },
      { callId: callA.id, status: 'ACTIVE', fundedUntil: callA.fundedUntil },
      { callId: unknown, status: null, fundedUntil: null },
      { callId: callA.id, status: 'ACTIVE', fundedUntil: callA.fundedUntil },
    ]);
    const operator = await grants(t.adminToken, [callA.id, callB.id]);
    expect(operator.grants.map((grant: { status: string }) => grant.status)).toEqual(['ACTIVE', 'ACTIVE']);
    for (const [token, id] of [
      [a.ownerKey, callA.id],
      [b.ownerKey, callB.id],
    ]) {
      await t.ok(token!, END_CALL, { input: { callId: id } });
    }
  });

  it('a grant the clock reaches only after it ran out is not extended: the call ends at its fundedUntil as a hang-up; reached at fundedUntil exactly, it is still extended', async () => {
    const late = await dialer('1');
    const onTime = await dialer('1');
    const lateCall = await startCall(late.ownerKey, late.campaignId);
    clock.advance(1);
    const onTimeCall = await startCall(onTime.ownerKey, onTime.campaignId);
    const lateGrantMs = Date.parse(lateCall.fundedUntil);
    const onTimeGrantMs = Date.parse(onTimeCall.fundedUntil);
    expect(onTimeGrantMs).toBe(lateGrantMs + 1);
    // The clock does not run until 1 ms past the first grant (a stalled database, a starved process): exactly at the second.
    clock.advance(onTimeGrantMs - clock.now());
    await t.app.spend.billingClock.runDue();

    const CALL = `query($id: ID!) { call(id: $id) { status endReason endedAt fundedUntil billedSeconds cost reserved } }`;
    expect((await t.ok(late.ownerKey, CALL, { id: lateCall.id })).call).toEqual({
      status: 'COMPLETED',
      endReason: 'HANGUP',
      endedAt: new Date(lateGrantMs).toISOString(),
      fundedUntil: null,
      billedSeconds: 6,
      cost: '0.06',
      reserved: '0',
    });
    expect((await grants(onTime.ownerKey, [onTimeCall.id])).grants).toEqual([
      { callId: onTimeCall.id, status: 'ACTIVE', fundedUntil: new Date(onTimeGrantMs + 6_000).toISOString() },
    ]);
    // A lapsed grant is the switch's hang-up, not a refusal: the campaign runs on.
    const CAMPAIGN = `query($id: ID!) { campaign(id: $id) { status activeCalls } }`;
    expect((await t.ok(late.ownerKey, CAMPAIGN, { id: late.campaignId })).campaign).toEqual({ status: 'RUNNING', activeCalls: 0 });
    // The switch's endCall, arriving later, finds it ended and changes nothing.
    const ended = (await t.ok(late.ownerKey, END_CALL, { input: { callId: lateCall.id } })).endCall.call;
    expect(ended).toMatchObject({ status: 'COMPLETED', endedAt: new Date(lateGrantMs).toISOString(), billedSeconds: 6 });
    await t.ok(onTime.ownerKey, END_CALL, { input: { callId: onTimeCall.id } });
    await t.assertLedger();
  });

  it(`reads ${CALL_GRANT_IDS_MAX} ids (callGrantIdsMax); ${CALL_GRANT_IDS_MAX + 1} or none are BAD_USER_INPUT on ids`, async () => {
    const owner = await dialer('1');
    const call = await startCall(owner.ownerKey, owner.campaignId);
    const atLimit = await grants(
      owner.ownerKey,
      Array.from({ length: CALL_GRANT_IDS_MAX }, () => call.id),
    );
    expect(atLimit.grants).toHaveLength(CALL_GRANT_IDS_MAX);
    for (const count of [CALL_GRANT_IDS_MAX + 1, 0]) {
      const response = await t.graphql(owner.ownerKey, CALL_GRANTS, { ids: Array.from({ length: count }, () => call.id) });
      expect(response.errors, JSON.stringify(response)).toHaveLength(1);
      expect(response.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'ids',
        limit: 'callGrantIdsMax',
        max: CALL_GRANT_IDS_MAX,
      });
    }
    await t.ok(owner.ownerKey, END_CALL, { input: { callId: call.id } });
    await t.assertLedger();
  });
});
