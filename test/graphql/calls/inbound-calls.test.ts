// Goal: calls received on a number are rated by the number's inbound per-minute price, metered and stopped by the same billing clock as outbound calls, refused at zero balance, at a daily or monthly spend cap, when the wallet is suspended or the number is not ACTIVE, and keep the ledger exact under concurrent starts and ends, are streamed by inboundCallUpdated and, when stopped for money, reported as CALLS_STOPPED. Method: the real server on its own PostgreSQL with an injected ManualClock and the billing clock driven by hand, every call made over HTTP (the feed over a real graphql-ws socket), exact figures checked, the ledger invariants checked after each money test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { runSql } from '../../support/sql.js';
import { subscribe } from '../../support/subscriber.js';
import { until } from '../../support/waiting.js';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app.js';
import { drainAlerts } from '../../support/consumers.js';

const CALL_FIELDS =
  'id direction campaignId numberId from to status endReason startedAt endedAt billedSeconds cost reserved perMinute transactionId';
const START_INBOUND = `mutation($input: StartInboundCallInput!) { startInboundCall(input: $input) { call { ${CALL_FIELDS} } } }`;
const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { ${CALL_FIELDS} } } }`;
const END_CALL = `mutation($input: EndCallInput!) { endCall(input: $input) { call { ${CALL_FIELDS} } } }`;
const CALL = `query($id: ID!) { call(id: $id) { ${CALL_FIELDS} } }`;
const INBOUND_CALLS = `query($numberId: ID, $walletId: ID) { inboundCalls(numberId: $numberId, walletId: $walletId) { edges { node { ${CALL_FIELDS} } } } }`;
const WALLET = `query($id: ID!) { wallet(id: $id) { balance reserved available
  transactions(first: 20) { edges { node { kind amount description } } } } }`;
const SET_CAPS = `mutation($input: SetSpendCapsInput!) { setSpendCaps(input: $input) { spendCap { scope } } }`;
const CAPS = `query { spendCaps { caps { scope walletId daily { cap spent } monthly { cap spent } } } }`;
const PURCHASE = `mutation($input: PurchaseNumberInput!) { purchaseNumber(input: $input) { phoneNumber { id number status } } }`;

const clock = new ManualClock();
let t: TestApp;
let ratePlanId: string;
let numberSeq = 0;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false }, { clock });
  // Numbers under +44 cost 1 + 1 a month; receiving a call on one costs 0.60 a minute in 6-second steps.
  const data = await t.ok(t.adminToken, `mutation($input: CreateRatePlanInput!) { createRatePlan(input: $input) { ratePlan { id } } }`, {
    input: {
      name: 'Inbound plan',
      currency: 'USD',
      rates: [
        {
          prefix: '44',
          perMinute: '1',
          firstIncrementSeconds: 6,
          nextIncrementSeconds: 6,
          numberPurchase: '1',
          numberMonthly: '1',
          inboundPerMinute: '0.6',
        },
        { prefix: '', perMinute: '0.6', firstIncrementSeconds: 6, nextIncrementSeconds: 6 },
      ],
    },
  });
  ratePlanId = data.createRatePlan.ratePlan.id;
});
afterAll(async () => {
  await t?.close();
});

function expectError(response: GraphQLResponse, code: string): void {
  expect(response.errors, JSON.stringify(response)).toHaveLength(1);
  expect(response.errors![0]!.extensions).toMatchObject({ code });
}

/** A fresh account funded with `balance`, holding one ACTIVE +44 number bought for 2 (so `balance − 2` is left). */
async function numberOwner(balance: string) {
  const account = await t.createAccount('Inbound tenant');
  await t.fund(account.walletId, balance);
  numberSeq++;
  const number = `+44770090${String(numberSeq).padStart(4, '0')}`;
  const bought = (await t.ok(account.ownerKey, PURCHASE, { input: { walletId: account.walletId, ratePlanId, number } })).purchaseNumber
    .phoneNumber;
  return { ...account, numberId: bought.id as string, number };
}

async function startInbound(token: string, numberId: string, from = '+12025550123', idempotencyKey?: string): Promise<any> {
  return (await t.ok(token, START_INBOUND, { input: { numberId, from, idempotencyKey } })).startInboundCall.call;
}

async function wallet(token: string, walletId: string) {
  const data = (await t.ok(token, WALLET, { id: walletId })).wallet;
  return { ...data, transactions: data.transactions.edges.map((e: any) => e.node) };
}

/** Advances the clock by `totalMs` in 1-second steps, letting the billing clock act after each. */
async function advance(totalMs: number): Promise<void> {
  for (let left = totalMs; left > 0; left -= 1_000) {
    clock.advance(Math.min(1_000, left));
    await t.app.spend.billingClock.runDue();
  }
}

describe('startInboundCall', () => {
  it("meters a call at the number's inbound rate and bills it as an inbound CALL transaction on endCall", async () => {
    const owner = await numberOwner('10');
    const call = await startInbound(owner.ownerKey, owner.numberId);
    expect(call).toMatchObject({
      direction: 'INBOUND',
      campaignId: null,
      numberId: owner.numberId,
      from: '+12025550123',
      to: owner.number,
      status: 'ACTIVE',
      perMinute: '0.6',
      reserved: '0.06',
    });
    await advance(30_000);
    const ended = (await t.ok(owner.ownerKey, END_CALL, { input: { callId: call.id } })).endCall.call;
    expect(ended).toMatchObject({ status: 'COMPLETED', endReason: 'HANGUP', billedSeconds: 30, cost: '0.3', reserved: '0' });
    const after = await wallet(owner.ownerKey, owner.walletId);
    expect(after).toMatchObject({ balance: '7.7', reserved: '0', available: '7.7' });
    expect(after.transactions[0]).toEqual({
      kind: 'CALL',
      amount: '0.3',
      description: `Inbound call from +12025550123 to ${owner.number}, 0 min 30 s`,
    });
    const listed = (await t.ok(owner.ownerKey, INBOUND_CALLS, { numberId: owner.numberId })).inboundCalls.edges;
    expect(listed.map((e: any) => e.node.id)).toEqual([call.id]);
    expect((await t.ok(owner.ownerKey, INBOUND_CALLS, {})).inboundCalls.edges).toHaveLength(1);
    expect((await t.ok(owner.ownerKey, INBOUND_CALLS, { walletId: owner.walletId })).inboundCalls.edges).toHaveLength(1);
    // Another tenant's wallet or number shows none of them.
    const other = await t.createAccount('Other tenant');
    expect((await t.ok(other.ownerKey, INBOUND_CALLS, { walletId: owner.walletId })).inboundCalls.edges).toEqual([]);
    expect((await t.graphql(other.ownerKey, INBOUND_CALLS, { numberId: owner.numberId })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await t.assertLedger();
  });

  it('refuses the call at zero balance (INSUFFICIENT_FUNDS) and when the wallet is suspended (WALLET_SUSPENDED); nothing is held', async () => {
    const owner = await numberOwner('2'); // the number takes all of it
    const refused = await startInbound(owner.ownerKey, owner.numberId);
    expect(refused).toMatchObject({ status: 'REFUSED', endReason: 'INSUFFICIENT_FUNDS', reserved: '0', cost: '0', direction: 'INBOUND' });
    await runSql(t.app.orm.em.fork(), `update wallet set status = 'SUSPENDED', suspended_at = now() where id = $1`, [owner.walletId]);
    expect(await startInbound(owner.ownerKey, owner.numberId)).toMatchObject({ status: 'REFUSED', endReason: 'WALLET_SUSPENDED' });
    expect(await wallet(owner.ownerKey, owner.walletId)).toMatchObject({ balance: '0', reserved: '0' });
    // Funded again, the number answers calls again.
    await t.fund(owner.walletId, '1');
    expect(await startInbound(owner.ownerKey, owner.numberId)).toMatchObject({ status: 'ACTIVE', reserved: '0.06' });
    await t.assertLedger();
  });

  it('funds exactly the first increment: a wallet holding 0.06 answers, one holding 0.059999 refuses', async () => {
    const exact = await numberOwner('2.06');
    expect(await startInbound(exact.ownerKey, exact.numberId)).toMatchObject({ status: 'ACTIVE', reserved: '0.06' });
    const short = await numberOwner('2.059999');
    expect(await startInbound(short.ownerKey, short.numberId)).toMatchObject({ status: 'REFUSED', endReason: 'INSUFFICIENT_FUNDS' });
  });

  it('stops the call where the money runs out, within one increment (billing clock on an injected clock)', async () => {
    const owner = await numberOwner('2.2'); // 0.20 left: three 6-second steps of 0.06, not a fourth
    const call = await startInbound(owner.ownerKey, owner.numberId);
    await advance(60_000);
    const stopped = (await t.ok(owner.ownerKey, CALL, { id: call.id })).call;
    expect(stopped).toMatchObject({ status: 'STOPPED', endReason: 'INSUFFICIENT_FUNDS', billedSeconds: 18, cost: '0.18', reserved: '0' });
    expect(Date.parse(stopped.endedAt) - Date.parse(stopped.startedAt)).toBe(18_000);
    expect(stopped.transactionId).not.toBeNull();
    const after = await wallet(owner.ownerKey, owner.walletId);
    expect(after).toMatchObject({ balance: '0.02', reserved: '0' });
    expect(after.transactions[0].description).toBe(
      `Inbound call from +12025550123 to ${owner.number}, 0 min 18 s (stopped: INSUFFICIENT_FUNDS)`,
    );
    // The stop is reported as a CALLS_STOPPED alert (and webhook) naming the number, as a campaign's stopped calls are.
    await drainAlerts(t);
    const alerts = await runSql(
      t.app.orm.em.fork(),
      `select kind, calls_stopped, message, campaign_id from alert where account_id = $1 and kind = 'CALLS_STOPPED'`,
      [owner.accountId],
    );
    expect(alerts).toEqual([
      {
        kind: 'CALLS_STOPPED',
        calls_stopped: 1,
        message: `1 call received on ${owner.number} was stopped because the wallet ran out of funds.`,
        campaign_id: null,
      },
    ]);
    // endCall on a call the server stopped answers it as it is.
    expect((await t.ok(owner.ownerKey, END_CALL, { input: { callId: call.id } })).endCall.call).toMatchObject({ status: 'STOPPED' });
    await t.assertLedger();
  });

  it('answers a number that is not ACTIVE with INVALID_STATE, another tenant’s number with NOT_FOUND, and a bad caller with BAD_USER_INPUT', async () => {
    const owner = await numberOwner('10');
    const other = await t.createAccount('Someone else');
    expectError(await t.graphql(other.ownerKey, START_INBOUND, { input: { numberId: owner.numberId, from: '+12025550123' } }), 'NOT_FOUND');
    expectError(await t.graphql(owner.ownerKey, START_INBOUND, { input: { numberId: owner.numberId, from: '' } }), 'BAD_USER_INPUT');
    expect(await startInbound(owner.ownerKey, owner.numberId, 'anonymous')).toMatchObject({ from: 'anonymous', status: 'ACTIVE' });
    // callerIdLengthMax (32): 32 characters are kept, 33 refused.
    const longest = 'x'.repeat(t.config.callerIdLengthMax);
    expect(await startInbound(owner.ownerKey, owner.numberId, longest)).toMatchObject({ from: longest });
    expectError(
      await t.graphql(owner.ownerKey, START_INBOUND, { input: { numberId: owner.numberId, from: `${longest}x` } }),
      'BAD_USER_INPUT',
    );
    const manager = await t.createKey(owner.accountId, 'CAMPAIGN_MANAGER');
    expectError(await t.graphql(manager.secret, START_INBOUND, { input: { numberId: owner.numberId, from: '+12025550123' } }), 'FORBIDDEN');
    await runSql(t.app.orm.em.fork(), `update phone_number set status = 'GRACE', grace_until = now() + interval '7 days' where id = $1`, [
      owner.numberId,
    ]);
    const before = await runSql(t.app.orm.em.fork(), 'select count(*)::int as n from call where number_id = $1', [owner.numberId]);
    expectError(
      await t.graphql(owner.ownerKey, START_INBOUND, { input: { numberId: owner.numberId, from: '+12025550123' } }),
      'INVALID_STATE',
    );
    const after = await runSql(t.app.orm.em.fork(), 'select count(*)::int as n from call where number_id = $1', [owner.numberId]);
    expect(after).toEqual(before);
  });

  it('returns the same call for the same idempotency key, and refuses the key from another caller', async () => {
    const owner = await numberOwner('10');
    const first = await startInbound(owner.ownerKey, owner.numberId, '+12025550123', 'switch-call-1');
    expect((await startInbound(owner.ownerKey, owner.numberId, '+12025550123', 'switch-call-1')).id).toBe(first.id);
    expectError(
      await t.graphql(owner.ownerKey, START_INBOUND, {
        input: { numberId: owner.numberId, from: '+12025550999', idempotencyKey: 'switch-call-1' },
      }),
      'IDEMPOTENCY_KEY_REUSED',
    );
    expect(await wallet(owner.ownerKey, owner.walletId)).toMatchObject({ reserved: '0.06' });
  });
});

describe('spend caps on inbound calls', () => {
  /** What the wallet's own cap has committed today and this month. */
  async function walletCapSpent(token: string, walletId: string): Promise<{ daily: string; monthly: string }> {
    const caps = (await t.ok(token, CAPS)).spendCaps.caps as any[];
    const cap = caps.find((c) => c.walletId === walletId);
    return { daily: cap.daily.spent, monthly: cap.monthly.spent };
  }

  it('a daily cap leaving exactly the first increment (0.06) answers the call; 0.059999 refuses it SPEND_CAP_REACHED, holding nothing', async () => {
    const exact = await numberOwner('10');
    await t.ok(exact.ownerKey, SET_CAPS, { input: { walletId: exact.walletId, daily: '0.06' } });
    expect(await startInbound(exact.ownerKey, exact.numberId)).toMatchObject({ status: 'ACTIVE', reserved: '0.06' });
    expect(await walletCapSpent(exact.ownerKey, exact.walletId)).toMatchObject({ daily: '0.06' });
    // The cap is used up now: the next call is refused by it, not by the wallet (7.94 available).
    expect(await startInbound(exact.ownerKey, exact.numberId, '+12025550124')).toMatchObject({
      status: 'REFUSED',
      endReason: 'SPEND_CAP_REACHED',
    });

    const short = await numberOwner('10');
    await t.ok(short.ownerKey, SET_CAPS, { input: { walletId: short.walletId, daily: '0.059999' } });
    const refused = await startInbound(short.ownerKey, short.numberId);
    expect(refused).toMatchObject({ status: 'REFUSED', endReason: 'SPEND_CAP_REACHED', reserved: '0', cost: '0', direction: 'INBOUND' });
    expect(await wallet(short.ownerKey, short.walletId)).toMatchObject({ balance: '8', reserved: '0' });
    expect(await walletCapSpent(short.ownerKey, short.walletId)).toMatchObject({ daily: '0' });
    // The account's monthly cap counts inbound calls the same way.
    const account = await numberOwner('10');
    await t.ok(account.ownerKey, SET_CAPS, { input: { currency: 'USD', monthly: '0.059999' } });
    expect(await startInbound(account.ownerKey, account.numberId)).toMatchObject({ status: 'REFUSED', endReason: 'SPEND_CAP_REACHED' });
    // A refusal by a cap raises the cap's alert, as for outbound calls and charges.
    await until(
      'the cap alert',
      async () =>
        (await runSql(t.app.orm.em.fork(), `select 1 from alert where account_id = $1 and kind = 'SPEND_CAP_REACHED'`, [short.accountId]))
          .length === 1,
      10_000,
      50,
    );
    await t.assertLedger();
  });

  it('the billing clock stops an inbound call at the cap within one increment; ending gives back nothing it did not hold', async () => {
    const owner = await numberOwner('10'); // 8 available: the cap binds, not the money
    // 0.60 a minute in 6-second steps: a daily cap of 0.20 funds three steps (0.18), not a fourth.
    await t.ok(owner.ownerKey, SET_CAPS, { input: { walletId: owner.walletId, daily: '0.2' } });
    const call = await startInbound(owner.ownerKey, owner.numberId);
    await advance(60_000);
    const stopped = (await t.ok(owner.ownerKey, CALL, { id: call.id })).call;
    expect(stopped).toMatchObject({ status: 'STOPPED', endReason: 'SPEND_CAP_REACHED', billedSeconds: 18, cost: '0.18', reserved: '0' });
    expect(Date.parse(stopped.endedAt) - Date.parse(stopped.startedAt)).toBe(18_000);
    expect(await walletCapSpent(owner.ownerKey, owner.walletId)).toEqual({ daily: '0.18', monthly: '0.18' });
    const after = await wallet(owner.ownerKey, owner.walletId);
    expect(after).toMatchObject({ balance: '7.82', reserved: '0' });
    expect(after.transactions[0].description).toBe(
      `Inbound call from +12025550123 to ${owner.number}, 0 min 18 s (stopped: SPEND_CAP_REACHED)`,
    );
    // A call hung up early counts only its cost on the cap (its first increment's reservation came back).
    const other = await numberOwner('10');
    await t.ok(other.ownerKey, SET_CAPS, { input: { walletId: other.walletId, monthly: '1' } });
    const short = await startInbound(other.ownerKey, other.numberId);
    await advance(4_000);
    expect((await t.ok(other.ownerKey, END_CALL, { input: { callId: short.id } })).endCall.call).toMatchObject({ cost: '0.06' });
    expect(await walletCapSpent(other.ownerKey, other.walletId)).toEqual({ daily: '0.06', monthly: '0.06' });
    await t.assertLedger();
  });
});

describe('inboundCallUpdated', () => {
  it("streams a number's inbound calls as they start and are stopped, and nothing of the account's other numbers", async () => {
    const owner = await numberOwner('4.18'); // a second number (2), then 0.18: three 6-second steps in all
    const subscription = `subscription($numberId: ID!) { inboundCallUpdated(numberId: $numberId) { id direction status endReason version } }`;
    const calls = subscribe(t.url, owner.ownerKey, subscription, { numberId: owner.numberId }, (d) => d.inboundCallUpdated);
    // A second number of the same account: its calls are not this feed's.
    numberSeq++;
    const otherNumber = (
      await t.ok(owner.ownerKey, PURCHASE, {
        input: { walletId: owner.walletId, ratePlanId, number: `+44770090${String(numberSeq).padStart(4, '0')}` },
      })
    ).purchaseNumber.phoneNumber;
    expect(otherNumber.status).toBe('ACTIVE');
    const stranger = await t.createAccount('Stranger');
    const refused = subscribe(t.url, stranger.ownerKey, subscription, { numberId: owner.numberId }, (d) => d);
    await until('the stranger to be refused', () => refused.errors.length > 0, 10_000, 10);
    expect(JSON.stringify(refused.errors)).toContain('NOT_FOUND');
    await refused.close();

    const call = await startInbound(owner.ownerKey, owner.numberId);
    const elsewhere = await startInbound(owner.ownerKey, otherNumber.id);
    await t.ok(owner.ownerKey, END_CALL, { input: { callId: elsewhere.id } });
    await until(
      'the call to be streamed ACTIVE',
      () => calls.received.some((c: any) => c.id === call.id && c.status === 'ACTIVE'),
      10_000,
      10,
    );
    await advance(20_000);
    await until('the call to be streamed STOPPED', () => calls.received.some((c: any) => c.status === 'STOPPED'), 10_000, 10);
    expect(calls.received.at(-1)).toMatchObject({ id: call.id, direction: 'INBOUND', status: 'STOPPED', endReason: 'INSUFFICIENT_FUNDS' });
    expect(calls.received.every((c: any) => c.id === call.id)).toBe(true);
    expect(calls.errors).toEqual([]);
    await calls.close();
    await t.assertLedger();
  });
});

describe('inbound and outbound calls sharing one wallet, concurrently', () => {
  it('never holds more than the wallet has, bills every call exactly and keeps the ledger invariants', async () => {
    // 0.60 left after the number: ten first increments of 0.06 at most, asked for by 16 inbound and 8 outbound calls at once.
    const owner = await numberOwner('2.6');
    const campaignId = await t.runningCampaign(owner.ownerKey, owner.walletId, ratePlanId);
    const starts = await Promise.all([
      ...Array.from({ length: 16 }, (_, i) =>
        t.graphql(owner.ownerKey, START_INBOUND, { input: { numberId: owner.numberId, from: `+1202555${String(i).padStart(4, '0')}` } }),
      ),
      ...Array.from({ length: 8 }, (_, i) =>
        t.graphql(owner.ownerKey, START_CALL, { input: { campaignId, to: `+3361234${String(i).padStart(4, '0')}` } }),
      ),
    ]);
    // An outbound refusal stops the campaign: its later starts are CAMPAIGN_NOT_RUNNING (nothing written).
    const calls = starts.flatMap((response) => {
      if (response.errors) {
        expect(response.errors[0]!.extensions?.code).toBe('CAMPAIGN_NOT_RUNNING');
        return [];
      }
      return [(response.data as any).startInboundCall?.call ?? (response.data as any).startCall.call];
    });
    const active = calls.filter((c) => c.status === 'ACTIVE');
    expect(active.length).toBe(10);
    expect(calls.filter((c) => c.status === 'REFUSED').every((c) => c.endReason === 'INSUFFICIENT_FUNDS')).toBe(true);
    expect((await wallet(owner.ownerKey, owner.walletId)).available).toBe('0');
    // Half hang up while the billing clock runs; the rest are stopped by it.
    clock.advance(3_000);
    await Promise.all([
      ...active.slice(0, 5).map((c) => t.graphql(owner.ownerKey, END_CALL, { input: { callId: c.id } })),
      t.app.spend.billingClock.runDue(),
    ]);
    await advance(20_000);
    const ended = await Promise.all(active.map(async (c) => (await t.ok(owner.ownerKey, CALL, { id: c.id })).call));
    expect(ended.every((c) => c.status !== 'ACTIVE' && c.reserved === '0')).toBe(true);
    const spent = ended.reduce((sum, c) => sum + Math.round(Number(c.cost) * 1e6), 0);
    const after = await wallet(owner.ownerKey, owner.walletId);
    expect(Math.round(Number(after.balance) * 1e6)).toBe(600_000 - spent);
    expect(after.reserved).toBe('0');
    await t.assertLedger();
  });
});
