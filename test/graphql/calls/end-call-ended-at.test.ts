// Goal: endCall's and endCalls' endedAt (the switch's hang-up time) bills a call the billing clock extended, but whose
// switch hung up at the old grant, exactly to that grant: the last reserved increment released, nothing billed the
// switch did not carry; a time before the last grant start is clamped to it, one in the future counts as the arrival,
// no endedAt bills as before, and a second endCall changes nothing. Method: the real server over HTTP on its own
// PostgreSQL with a ManualClock and the billing clock driven by hand; the wallet read back and the ledger verified.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const CALL_FIELDS = 'id status endReason endedAt fundedUntil billedSeconds cost reserved';
const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { id status fundedUntil } } }`;
const END_CALL = `mutation($input: EndCallInput!) { endCall(input: $input) { call { ${CALL_FIELDS} } } }`;
const END_CALLS = `mutation($input: EndCallsInput!) { endCalls(input: $input) { results { index status call { ${CALL_FIELDS} } } } }`;
const WALLET = `query($id: ID!) { wallet(id: $id) { balance reserved available } }`;

const clock = new ManualClock(Date.UTC(2026, 11, 7, 12, 0, 0));
let t: TestApp;
let ratePlanId: string;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false }, { clock });
  // 0.60 a minute, 30/6: 0.30 the first 30 s, then 0.06 each 6 s.
  ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.60', firstIncrementSeconds: 30, nextIncrementSeconds: 6 }]);
});
afterAll(async () => {
  await t?.close();
});

const iso = (ms: number) => new Date(ms).toISOString();

async function dialer(balance: string) {
  const account = await t.createAccount(`EndedAt ${randomUUID().slice(0, 8)}`);
  await t.fund(account.walletId, balance);
  const campaignId = await t.runningCampaign(account.ownerKey, account.walletId, ratePlanId);
  return { ...account, campaignId };
}

async function startCall(token: string, campaignId: string): Promise<{ id: string; fundedUntil: string }> {
  const call = (await t.ok(token, START_CALL, { input: { campaignId, to: '+447700900123' } })).startCall.call;
  expect(call.status).toBe('ACTIVE');
  return call;
}

/** Advances the clock in 500 ms steps, letting the billing clock act after each. */
async function advance(totalMs: number): Promise<void> {
  for (let left = totalMs; left > 0; left -= 500) {
    clock.advance(Math.min(500, left));
    await t.app.spend.billingClock.runDue();
  }
}

async function wallet(token: string, walletId: string) {
  return (await t.ok(token, WALLET, { id: walletId })).wallet;
}

/**
 * A call started now and extended twice by the billing clock (funded 42 s, its last increment reserved from 36 s), the
 * clock then left 2 s past the old grant of 36 s, where a switch that missed the last extension hung up.
 */
async function extendedTwice(owner: { ownerKey: string; campaignId: string }) {
  const startedAtMs = clock.now();
  const call = await startCall(owner.ownerKey, owner.campaignId);
  expect(Date.parse(call.fundedUntil)).toBe(startedAtMs + 30_000);
  await advance(38_000);
  const CALL = `query($id: ID!) { call(id: $id) { fundedUntil reserved } }`;
  // Reserved: the first increment (0.30) and two more (0.06 each).
  expect((await t.ok(owner.ownerKey, CALL, { id: call.id })).call).toEqual({ fundedUntil: iso(startedAtMs + 42_000), reserved: '0.42' });
  return { id: call.id, startedAtMs, oldGrantMs: startedAtMs + 36_000 };
}

describe('endCall with endedAt', () => {
  it("bills a call the switch hung up at its old grant exactly to that grant; the last increment's reservation is released", async () => {
    const owner = await dialer('1');
    const call = await extendedTwice(owner);
    const ended = (await t.ok(owner.ownerKey, END_CALL, { input: { callId: call.id, endedAt: iso(call.oldGrantMs) } })).endCall.call;
    expect(ended).toEqual({
      id: call.id,
      status: 'COMPLETED',
      endReason: 'HANGUP',
      endedAt: iso(call.oldGrantMs),
      fundedUntil: null,
      billedSeconds: 36,
      cost: '0.36',
      reserved: '0',
    });
    expect(await wallet(owner.ownerKey, owner.walletId)).toEqual({ balance: '0.64', reserved: '0', available: '0.64' });
    // A second endCall (another endedAt, or none) changes nothing.
    expect(
      (await t.ok(owner.ownerKey, END_CALL, { input: { callId: call.id, endedAt: iso(call.startedAtMs + 31_000) } })).endCall.call,
    ).toEqual(ended);
    expect((await t.ok(owner.ownerKey, END_CALL, { input: { callId: call.id } })).endCall.call).toEqual(ended);
    await t.assertLedger();
  });

  it('clamps an endedAt before the last grant start to it: time granted before the last extension is billed', async () => {
    const owner = await dialer('1');
    const call = await extendedTwice(owner);
    const ended = (await t.ok(owner.ownerKey, END_CALL, { input: { callId: call.id, endedAt: iso(call.startedAtMs + 10_000) } })).endCall
      .call;
    expect(ended).toMatchObject({ status: 'COMPLETED', endedAt: iso(call.oldGrantMs), billedSeconds: 36, cost: '0.36', reserved: '0' });
    await t.assertLedger();
  });

  it('bills an endedAt in the future, or none, as the arrival (within the last increment: its whole increment)', async () => {
    const owner = await dialer('1');
    const future = await extendedTwice(owner);
    const arrivalMs = clock.now();
    const endedFuture = (await t.ok(owner.ownerKey, END_CALL, { input: { callId: future.id, endedAt: iso(arrivalMs + 3_600_000) } }))
      .endCall.call;
    expect(endedFuture).toMatchObject({ endedAt: iso(arrivalMs), billedSeconds: 42, cost: '0.42' });
    const none = await extendedTwice(owner);
    const endedNone = (await t.ok(owner.ownerKey, END_CALL, { input: { callId: none.id } })).endCall.call;
    expect(endedNone).toMatchObject({ endedAt: iso(clock.now()), billedSeconds: 42, cost: '0.42' });
    expect(await wallet(owner.ownerKey, owner.walletId)).toEqual({ balance: '0.16', reserved: '0', available: '0.16' });
    await t.assertLedger();
  });

  it('endCalls takes endedAt per item: each call billed to its own', async () => {
    const owner = await dialer('2');
    // Three calls started together: all extended twice; the switch reports the old grant, a time inside the last increment, none.
    const startedAtMs = clock.now();
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await startCall(owner.ownerKey, owner.campaignId)).id);
    await advance(38_000);
    const arrivalMs = clock.now();
    const { results } = (
      await t.ok(owner.ownerKey, END_CALLS, {
        input: {
          calls: [
            { callId: ids[0], endedAt: iso(startedAtMs + 36_000) },
            { callId: ids[1], endedAt: iso(startedAtMs + 37_000) },
            { callId: ids[2], endedAt: null },
          ],
        },
      })
    ).endCalls;
    expect(
      results.map((result: { index: number; status: string; call: Record<string, unknown> }) => [result.index, result.status, result.call]),
    ).toEqual([
      [0, 'ENDED', expect.objectContaining({ endedAt: iso(startedAtMs + 36_000), billedSeconds: 36, cost: '0.36', reserved: '0' })],
      [1, 'ENDED', expect.objectContaining({ endedAt: iso(startedAtMs + 37_000), billedSeconds: 42, cost: '0.42', reserved: '0' })],
      [2, 'ENDED', expect.objectContaining({ endedAt: iso(arrivalMs), billedSeconds: 42, cost: '0.42', reserved: '0' })],
    ]);
    expect(await wallet(owner.ownerKey, owner.walletId)).toEqual({ balance: '0.8', reserved: '0', available: '0.8' });
    await t.assertLedger();
  });
});
