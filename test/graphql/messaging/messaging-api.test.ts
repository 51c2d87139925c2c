// Goal: sendMessage prices every message exactly (segments × destination × recipients), holds it, charges it only when delivered and releases it when it fails or expires, receiveMessage charges inbound messages or refuses them, and every limit and error answers with its documented code while writing nothing. Method: the real server on its own PostgreSQL with an injected ManualClock, every check over HTTP against exact figures, expiry driven by hand, the ledger invariants (messages included) checked after each money test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { expireMessageHolds } from '../../../server/domain/messaging/expire-message-holds.service.js';
import { MESSAGE_BODY_LENGTH_MAX } from '../../../server/domain/messaging/segments.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import {
  campaign,
  createSmsRatePlan,
  ESTIMATE,
  expectError,
  holdNumber,
  message,
  messageCount,
  MESSAGES,
  RECEIVE,
  report,
  REPORT,
  send,
  SEND,
  smsTransactions,
  suspend,
  wallet,
  type SmsRate,
} from '../../domain/messaging/messaging-support.js';

/** The recipient cap this file runs with, low enough to test both sides of it. */
const RECIPIENTS_MAX = 3;
/** The hold lifetime this file runs with (the default: a day). */
const HOLD_TTL_MS = 86_400_000;

const UK_MOBILE = '+447700900001'; // prefix 447: 0.05 per segment
const UK_LONDON = '+442079460000'; // prefix 44: 0.04
const US = '+14155550100'; // prefix 1: 0.0075
const FRANCE = '+33612345678'; // prefix 33: SMS not offered
const GERMANY = '+4915112345678'; // prefix 49: free
const JAPAN = '+81312345678'; // no rate at all

const RATES: SmsRate[] = [
  { prefix: '44', smsPerSegment: '0.04', smsInboundPerSegment: '0.01' },
  { prefix: '447', smsPerSegment: '0.05', smsInboundPerSegment: '0.01' },
  { prefix: '1', smsPerSegment: '0.0075', smsInboundPerSegment: '0.002' },
  { prefix: '33', smsPerSegment: null },
  { prefix: '49', smsPerSegment: '0' },
];

const clock = new ManualClock();
let t: TestApp;
let ratePlanId: string;

beforeAll(async () => {
  t = await startTestApp(
    { billingClockEnabled: false, lifecycleEnabled: false, messageRecipientsMax: RECIPIENTS_MAX, messageHoldTtlMs: HOLD_TTL_MS },
    { clock },
  );
  ratePlanId = await createSmsRatePlan(t, RATES);
});
afterAll(async () => {
  await t?.close();
});

/** A fresh account whose wallet holds `balance` (nothing when "0"). */
async function tenant(balance: string): Promise<{ accountId: string; walletId: string; ownerKey: string }> {
  const account = await t.createAccount();
  if (balance !== '0') await t.fund(account.walletId, balance);
  return account;
}

/** A fresh funded account with a running campaign on the SMS plan. */
async function campaignTenant(balance: string, budget: string | null = null) {
  const account = await tenant(balance);
  const campaignId = await t.runningCampaign(account.ownerKey, account.walletId, ratePlanId, budget);
  return { ...account, campaignId };
}

const expireNow = () => expireMessageHolds(t.app.orm.em.fork(), t.app.spend.deps, clock.now());

describe('pricing: segments of the body × the per-segment price of each destination', () => {
  const THREE = [UK_MOBILE, UK_LONDON, US]; // 0.05 + 0.04 + 0.0075 = 0.0975 per segment
  it.each([
    {
      name: '160 GSM-7 characters: 1 segment',
      body: 'a'.repeat(160),
      encoding: 'GSM7',
      segments: 1,
      prices: ['0.05', '0.04', '0.0075'],
      held: '0.0975',
      available: '9.9025',
    },
    {
      name: '161 GSM-7 characters: 2 segments',
      body: 'a'.repeat(161),
      encoding: 'GSM7',
      segments: 2,
      prices: ['0.1', '0.08', '0.015'],
      held: '0.195',
      available: '9.805',
    },
    {
      name: '306 GSM-7 characters: 2 segments',
      body: 'a'.repeat(306),
      encoding: 'GSM7',
      segments: 2,
      prices: ['0.1', '0.08', '0.015'],
      held: '0.195',
      available: '9.805',
    },
    {
      name: '307 GSM-7 characters: 3 segments',
      body: 'a'.repeat(307),
      encoding: 'GSM7',
      segments: 3,
      prices: ['0.15', '0.12', '0.0225'],
      held: '0.2925',
      available: '9.7075',
    },
    {
      name: '80 € (2 septets each): 1 segment',
      body: '€'.repeat(80),
      encoding: 'GSM7',
      segments: 1,
      prices: ['0.05', '0.04', '0.0075'],
      held: '0.0975',
      available: '9.9025',
    },
    {
      name: '80 € and a letter: 2 segments',
      body: `${'€'.repeat(80)}a`,
      encoding: 'GSM7',
      segments: 2,
      prices: ['0.1', '0.08', '0.015'],
      held: '0.195',
      available: '9.805',
    },
    {
      name: '70 UCS-2 characters: 1 segment',
      body: 'я'.repeat(70),
      encoding: 'UCS2',
      segments: 1,
      prices: ['0.05', '0.04', '0.0075'],
      held: '0.0975',
      available: '9.9025',
    },
    {
      name: '71 UCS-2 characters: 2 segments',
      body: 'я'.repeat(71),
      encoding: 'UCS2',
      segments: 2,
      prices: ['0.1', '0.08', '0.015'],
      held: '0.195',
      available: '9.805',
    },
    {
      name: '134 UCS-2 characters: 2 segments',
      body: 'я'.repeat(134),
      encoding: 'UCS2',
      segments: 2,
      prices: ['0.1', '0.08', '0.015'],
      held: '0.195',
      available: '9.805',
    },
    {
      name: '135 UCS-2 characters: 3 segments',
      body: 'я'.repeat(135),
      encoding: 'UCS2',
      segments: 3,
      prices: ['0.15', '0.12', '0.0225'],
      held: '0.2925',
      available: '9.7075',
    },
  ])('$name, to 3 destinations', async ({ body, encoding, segments, prices, held, available }) => {
    const account = await campaignTenant('10');
    const sent = await send(t, account.ownerKey, {
      walletId: account.walletId,
      campaignId: account.campaignId,
      from: '+15550100002',
      to: THREE,
      body,
    });
    expect(sent.held).toBe(held);
    expect(sent.replayed).toBe(false);
    expect(sent.messages.map((m) => m.to)).toEqual(THREE);
    expect(sent.messages.map((m) => m.price)).toEqual(prices);
    expect(sent.messages.map((m) => m.hold)).toEqual(prices);
    for (const m of sent.messages) {
      expect(m).toMatchObject({
        encoding,
        segments,
        status: 'PENDING',
        direction: 'OUTBOUND',
        from: '+15550100002',
        body,
        walletId: account.walletId,
        campaignId: account.campaignId,
      });
      expect(m.transactionId).toBeNull();
      expect(m.finalizedAt).toBeNull();
      expect(Date.parse(m.expiresAt)).toBe(clock.now() + HOLD_TTL_MS);
    }
    // Held, not charged: the balance is whole, the total is reserved and no longer available.
    expect(await wallet(t, account.walletId)).toEqual({ balance: '10', reserved: held, available });
    expect(await campaign(t, account.campaignId)).toMatchObject({ spent: '0', committed: held, status: 'RUNNING' });
    expect(await smsTransactions(t, account.walletId)).toEqual([]);
    await t.assertLedger();
  });

  it('estimateMessage prices a message exactly as sendMessage holds it, without sending', async () => {
    const estimate = (
      await t.ok(t.adminToken, ESTIMATE, { input: { ratePlanId, to: [UK_MOBILE, US, GERMANY], body: `${'€'.repeat(80)}a` } })
    ).estimateMessage;
    expect(estimate).toEqual({
      currency: 'USD',
      encoding: 'GSM7',
      characters: 81,
      units: 161,
      segments: 2,
      recipients: [
        { to: UK_MOBILE, prefix: '447', perSegment: '0.05', price: '0.1' },
        { to: US, prefix: '1', perSegment: '0.0075', price: '0.015' },
        { to: GERMANY, prefix: '49', perSegment: '0', price: '0' },
      ],
      total: '0.115',
    });
    expectError(await t.graphql(t.adminToken, ESTIMATE, { input: { ratePlanId, to: [FRANCE], body: 'hi' } }), 'BAD_USER_INPUT', {
      field: 'to.0',
    });
  });
});

describe('delivery reports: charged when delivered, released when failed or expired', () => {
  it('DELIVERED charges exactly the price (one SMS debit for the campaign), FAILED and EXPIRED charge nothing; duplicate and late reports change nothing', async () => {
    const account = await campaignTenant('10');
    const sent = await send(t, account.ownerKey, {
      walletId: account.walletId,
      campaignId: account.campaignId,
      from: '+447700900999',
      to: [UK_MOBILE, UK_LONDON, US],
      body: 'a'.repeat(161),
    });
    const [toMobile, toLondon, toUs] = sent.messages as [any, any, any];
    expect(sent.held).toBe('0.195');

    clock.advance(1_000);
    const delivered = await report(t, account.ownerKey, toMobile.id, 'DELIVERED');
    expect(delivered).toMatchObject({ status: 'DELIVERED', price: '0.1', hold: '0' });
    expect(Date.parse(delivered.finalizedAt)).toBe(clock.now());
    expect(delivered.transactionId).not.toBeNull();
    expect(await wallet(t, account.walletId)).toEqual({ balance: '9.9', reserved: '0.095', available: '9.805' });
    const [debit] = await smsTransactions(t, account.walletId);
    expect(debit).toEqual({
      id: delivered.transactionId,
      type: 'DEBIT',
      kind: 'SMS',
      amount: '0.1',
      balanceBefore: '10',
      balanceAfter: '9.9',
      campaignId: account.campaignId,
      description: `SMS to ${UK_MOBILE}, 2 segments`,
    });
    expect(await campaign(t, account.campaignId)).toMatchObject({ spent: '0.1', committed: '0.195' });

    const failed = await report(t, account.ownerKey, toLondon.id, 'FAILED');
    expect(failed).toMatchObject({ status: 'FAILED', hold: '0', price: '0.08', transactionId: null });
    expect(await wallet(t, account.walletId)).toEqual({ balance: '9.9', reserved: '0.015', available: '9.885' });
    expect(await campaign(t, account.campaignId)).toMatchObject({ spent: '0.1', committed: '0.115' });

    const expired = await report(t, account.ownerKey, toUs.id, 'EXPIRED');
    expect(expired).toMatchObject({ status: 'EXPIRED', hold: '0', transactionId: null });
    expect(await wallet(t, account.walletId)).toEqual({ balance: '9.9', reserved: '0', available: '9.9' });
    expect(await campaign(t, account.campaignId)).toMatchObject({ spent: '0.1', committed: '0.1' });

    // Final is final: a duplicate DELIVERED, a DELIVERED after FAILED or EXPIRED, a FAILED after DELIVERED.
    clock.advance(1_000);
    expect(await report(t, account.ownerKey, toMobile.id, 'DELIVERED')).toEqual(delivered);
    expect(await report(t, account.ownerKey, toMobile.id, 'FAILED')).toEqual(delivered);
    expect(await report(t, account.ownerKey, toLondon.id, 'DELIVERED')).toEqual(failed);
    expect(await report(t, account.ownerKey, toUs.id, 'DELIVERED')).toEqual(expired);
    expect(await wallet(t, account.walletId)).toEqual({ balance: '9.9', reserved: '0', available: '9.9' });
    expect(await smsTransactions(t, account.walletId)).toHaveLength(1);
    await t.assertLedger();
  });

  it('a hold lives exactly messageHoldTtlMs: the expiry job releases it then, and a DELIVERED arriving afterwards is never charged', async () => {
    const account = await tenant('1');
    const sent = await send(t, account.ownerKey, {
      walletId: account.walletId,
      ratePlanId,
      from: '+15550100001',
      to: [UK_MOBILE, US],
      body: 'hello',
    });
    const [first, second] = sent.messages as [any, any];
    expect(await wallet(t, account.walletId)).toEqual({ balance: '1', reserved: '0.0575', available: '0.9425' });

    clock.advance(HOLD_TTL_MS - 1);
    await expireNow();
    expect((await message(t, first.id)).status).toBe('PENDING');
    // One millisecond before the deadline a report still counts.
    expect(await report(t, account.ownerKey, first.id, 'DELIVERED')).toMatchObject({ status: 'DELIVERED', price: '0.05' });

    clock.advance(1);
    expect(await expireNow()).toBeGreaterThanOrEqual(1);
    const expired = await message(t, second.id);
    expect(expired).toMatchObject({ status: 'EXPIRED', hold: '0', transactionId: null });
    expect(Date.parse(expired.finalizedAt)).toBe(clock.now());
    expect(await wallet(t, account.walletId)).toEqual({ balance: '0.95', reserved: '0', available: '0.95' });

    // The late report: nothing changes, nothing is charged; running the job again finds nothing of this wallet.
    expect(await report(t, account.ownerKey, second.id, 'DELIVERED')).toEqual(expired);
    await expireNow();
    expect(await wallet(t, account.walletId)).toEqual({ balance: '0.95', reserved: '0', available: '0.95' });
    expect(await smsTransactions(t, account.walletId)).toHaveLength(1);
    await t.assertLedger();
  });

  it('a report arriving after the deadline but before the expiry job ran is applied as EXPIRED', async () => {
    const account = await campaignTenant('1');
    const [pending] = (
      await send(t, account.ownerKey, {
        walletId: account.walletId,
        campaignId: account.campaignId,
        from: '+15550100001',
        to: [US],
        body: 'x',
      })
    ).messages;
    clock.advance(HOLD_TTL_MS);
    expect(await report(t, account.ownerKey, pending.id, 'DELIVERED')).toMatchObject({ status: 'EXPIRED', hold: '0', transactionId: null });
    expect(await wallet(t, account.walletId)).toEqual({ balance: '1', reserved: '0', available: '1' });
    expect(await campaign(t, account.campaignId)).toMatchObject({ spent: '0', committed: '0' });
    await t.assertLedger();
  });

  it('the expiry job releases every hold it finds, across wallets and campaigns, in batches', async () => {
    const accounts = await Promise.all([campaignTenant('5'), campaignTenant('5'), tenant('5')]);
    for (const account of accounts) {
      for (let i = 0; i < 4; i += 1) {
        await send(t, account.ownerKey, {
          walletId: account.walletId,
          ...('campaignId' in account ? { campaignId: account.campaignId } : { ratePlanId }),
          from: '+15550100001',
          to: [UK_MOBILE, UK_LONDON, US],
          body: `batch ${i}`,
        });
      }
      expect((await wallet(t, account.walletId)).reserved).toBe('0.39');
    }
    clock.advance(HOLD_TTL_MS);
    expect(await expireNow()).toBeGreaterThanOrEqual(36);
    expect(await expireNow()).toBe(0);
    for (const account of accounts) {
      expect(await wallet(t, account.walletId)).toEqual({ balance: '5', reserved: '0', available: '5' });
      if ('campaignId' in account) expect(await campaign(t, account.campaignId)).toMatchObject({ spent: '0', committed: '0' });
    }
    await t.assertLedger();
  });

  it('a free destination is sent with no hold and delivered without a transaction, even from an empty wallet', async () => {
    const account = await tenant('0');
    const sent = await send(t, account.ownerKey, {
      walletId: account.walletId,
      ratePlanId,
      from: '+15550100001',
      to: [GERMANY],
      body: 'free',
    });
    expect(sent.held).toBe('0');
    expect(sent.messages[0]).toMatchObject({ price: '0', hold: '0', status: 'PENDING' });
    expect(await report(t, account.ownerKey, sent.messages[0].id, 'DELIVERED')).toMatchObject({ status: 'DELIVERED', transactionId: null });
    expect(await wallet(t, account.walletId)).toEqual({ balance: '0', reserved: '0', available: '0' });
    expect(await smsTransactions(t, account.walletId)).toEqual([]);
    await t.assertLedger();
  });
});

describe('all or nothing: funds, budget and suspension', () => {
  it('available == total is enough; total − 0.000001 is INSUFFICIENT_FUNDS and writes nothing', async () => {
    const exact = await tenant('0.0975');
    const sent = await send(t, exact.ownerKey, {
      walletId: exact.walletId,
      ratePlanId,
      from: '+15550100001',
      to: [UK_MOBILE, UK_LONDON, US],
      body: 'x',
    });
    expect(sent.held).toBe('0.0975');
    expect(await wallet(t, exact.walletId)).toEqual({ balance: '0.0975', reserved: '0.0975', available: '0' });

    const short = await tenant('0.097499');
    const response = await t.graphql(short.ownerKey, SEND, {
      input: { walletId: short.walletId, ratePlanId, from: '+15550100001', to: [UK_MOBILE, UK_LONDON, US], body: 'x' },
    });
    expectError(response, 'INSUFFICIENT_FUNDS', { available: '0.097499', requested: '0.0975', currency: 'USD' });
    expect(await wallet(t, short.walletId)).toEqual({ balance: '0.097499', reserved: '0', available: '0.097499' });
    expect(await messageCount(t, short.walletId)).toBe(0);
    // Holds count: a wallet whose balance is all held cannot send more.
    expectError(
      await t.graphql(exact.ownerKey, SEND, { input: { walletId: exact.walletId, ratePlanId, from: '+15550100001', to: [US], body: 'x' } }),
      'INSUFFICIENT_FUNDS',
      {
        available: '0',
        requested: '0.0075',
      },
    );
    await t.assertLedger();
  });

  it('the campaign budget caps committed (holds included) at the exact boundary; refused with reason BUDGET_REACHED, the campaign keeps running; a release makes room again', async () => {
    const account = await campaignTenant('10', '0.105');
    const input = (to: string[]) => ({ walletId: account.walletId, campaignId: account.campaignId, from: '+15550100001', to, body: 'x' });
    await send(t, account.ownerKey, input([UK_MOBILE, UK_LONDON, US])); // 0.0975
    const [last] = (await send(t, account.ownerKey, input([US]))).messages; // 0.105 == budget
    expect(await campaign(t, account.campaignId)).toMatchObject({ committed: '0.105', spent: '0', status: 'RUNNING' });

    expectError(await t.graphql(account.ownerKey, SEND, { input: input([US]) }), 'INSUFFICIENT_FUNDS', {
      reason: 'BUDGET_REACHED',
      budget: '0.105',
      committed: '0.105',
      requested: '0.0075',
      currency: 'USD',
    });
    expect(await campaign(t, account.campaignId)).toMatchObject({ committed: '0.105', status: 'RUNNING' });
    expect(await messageCount(t, account.walletId)).toBe(4);
    expect((await wallet(t, account.walletId)).reserved).toBe('0.105');

    await report(t, account.ownerKey, last.id, 'FAILED');
    await send(t, account.ownerKey, input([US]));
    expect(await campaign(t, account.campaignId)).toMatchObject({ committed: '0.105' });
    await t.assertLedger();
  });

  it('a SUSPENDED wallet with nothing available is WALLET_SUSPENDED (free messages too); once funded it sends again', async () => {
    const account = await tenant('0');
    await suspend(t, account.walletId);
    for (const to of [[US], [GERMANY]]) {
      expectError(
        await t.graphql(account.ownerKey, SEND, { input: { walletId: account.walletId, ratePlanId, from: '+15550100001', to, body: 'x' } }),
        'WALLET_SUSPENDED',
        {
          walletId: account.walletId,
        },
      );
    }
    expect(await messageCount(t, account.walletId)).toBe(0);
    await t.fund(account.walletId, '0.01');
    const sent = await send(t, account.ownerKey, { walletId: account.walletId, ratePlanId, from: '+15550100001', to: [US], body: 'x' });
    expect(sent.held).toBe('0.0075');
    await t.assertLedger();
  });

  it('a campaign that is not RUNNING refuses with CAMPAIGN_NOT_RUNNING and writes nothing', async () => {
    const account = await campaignTenant('10');
    await t.ok(account.ownerKey, `mutation($id: ID!) { pauseCampaign(id: $id) { campaign { id } } }`, { id: account.campaignId });
    expectError(
      await t.graphql(account.ownerKey, SEND, {
        input: { walletId: account.walletId, campaignId: account.campaignId, from: '+15550100001', to: [US], body: 'x' },
      }),
      'CAMPAIGN_NOT_RUNNING',
      { status: 'PAUSED' },
    );
    expect(await messageCount(t, account.walletId)).toBe(0);
    expect(await wallet(t, account.walletId)).toEqual({ balance: '10', reserved: '0', available: '10' });
  });
});

describe('validation: every field at its limit, nothing written', () => {
  let account: { accountId: string; walletId: string; ownerKey: string; campaignId: string };
  beforeAll(async () => {
    account = await campaignTenant('100');
  });
  const base = () => ({ walletId: account.walletId, campaignId: account.campaignId, from: '+15550100001', to: [US], body: 'x' });

  it.each([
    { name: 'empty body', change: { body: '' }, field: 'body' },
    { name: `body of ${MESSAGE_BODY_LENGTH_MAX + 1} characters`, change: { body: 'a'.repeat(MESSAGE_BODY_LENGTH_MAX + 1) }, field: 'body' },
    { name: 'body with a NUL', change: { body: 'a\u0000b' }, field: 'body' },
    { name: 'body with a lone surrogate', change: { body: 'a\uD83D' }, field: 'body' },
    { name: 'no recipients', change: { to: [] }, field: 'to' },
    {
      name: `${RECIPIENTS_MAX + 1} recipients`,
      change: { to: ['+14155550101', '+14155550102', '+14155550103', '+14155550104'] },
      field: 'to',
    },
    { name: 'a recipient twice', change: { to: [US, UK_MOBILE, US] }, field: 'to.2' },
    { name: 'a recipient without +', change: { to: [US, '447700900123'] }, field: 'to.1' },
    { name: 'a recipient with spaces', change: { to: ['+44 7700 900123'] }, field: 'to.0' },
    { name: 'a recipient where SMS is not offered', change: { to: [US, FRANCE] }, field: 'to.1' },
    { name: 'a recipient without any rate', change: { to: [JAPAN] }, field: 'to.0' },
    { name: 'a sender id of 12 characters', change: { from: 'ABCDEFGHIJKL' }, field: 'from' },
    { name: 'an empty sender', change: { from: '' }, field: 'from' },
    { name: 'a sender id of digits only', change: { from: '12345' }, field: 'from' },
    { name: 'a sender id with punctuation', change: { from: 'Spend-wire' }, field: 'from' },
    { name: 'a rate plan other than the campaign’s', change: { ratePlanId: '00000000-0000-4000-8000-000000000000' }, field: 'ratePlanId' },
    { name: 'neither campaign nor rate plan', change: { campaignId: null }, field: 'ratePlanId' },
    { name: 'a malformed campaign id', change: { campaignId: 'nope' }, field: 'campaignId' },
    { name: "an idempotency key in the server's namespace", change: { idempotencyKey: 'spendwire:sms:1' }, field: 'idempotencyKey' },
    { name: 'an idempotency key with a space', change: { idempotencyKey: 'a b' }, field: 'idempotencyKey' },
  ])('$name → BAD_USER_INPUT on $field', async ({ change, field }) => {
    expectError(await t.graphql(account.ownerKey, SEND, { input: { ...base(), ...change } }), 'BAD_USER_INPUT', { field });
    expect(await messageCount(t, account.walletId)).toBe(0);
    expect(await wallet(t, account.walletId)).toEqual({ balance: '100', reserved: '0', available: '100' });
  });

  it('a rate plan of another currency → BAD_USER_INPUT on ratePlanId', async () => {
    const eurPlan = await createSmsRatePlan(t, RATES, 'EUR');
    expectError(
      await t.graphql(account.ownerKey, SEND, { input: { ...base(), campaignId: null, ratePlanId: eurPlan } }),
      'BAD_USER_INPUT',
      { field: 'ratePlanId' },
    );
  });

  it(`the limits themselves pass: ${MESSAGE_BODY_LENGTH_MAX} characters, ${RECIPIENTS_MAX} recipients, an 11-character sender id`, async () => {
    const other = await campaignTenant('100');
    // An alphanumeric sender must be the account's approved sender ID (its first month is charged at approval).
    const registered = await t.ok(
      other.ownerKey,
      'mutation($input: RegisterSenderIdInput!) { registerSenderId(input: $input) { senderId { id } } }',
      { input: { walletId: other.walletId, sender: 'ABCDEFG 123' } },
    );
    await t.ok(t.adminToken, 'mutation($input: DecideSenderIdInput!) { approveSenderId(input: $input) { senderId { id } } }', {
      input: { id: registered.registerSenderId.senderId.id, reason: 'Brand verified' },
    });
    const sent = await send(t, other.ownerKey, {
      walletId: other.walletId,
      campaignId: other.campaignId,
      from: 'ABCDEFG 123',
      to: [UK_MOBILE, UK_LONDON, US],
      body: 'a'.repeat(MESSAGE_BODY_LENGTH_MAX),
    });
    expect(sent.messages.map((m) => m.segments)).toEqual([11, 11, 11]);
    expect(sent.held).toBe('1.0725'); // 11 × 0.0975
    await t.assertLedger();
  });
});

describe('idempotency', () => {
  it('the same key and request returns the same messages (recipients in any order); another request with the key is IDEMPOTENCY_KEY_REUSED', async () => {
    const account = await campaignTenant('10');
    const input = {
      walletId: account.walletId,
      campaignId: account.campaignId,
      from: '+15550100001',
      to: [UK_MOBILE, US],
      body: 'once',
      idempotencyKey: 'batch-42',
    };
    const first = await send(t, account.ownerKey, input);
    const again = await send(t, account.ownerKey, input);
    expect(again).toEqual({ ...first, replayed: true });
    const reordered = await send(t, account.ownerKey, { ...input, to: [US, UK_MOBILE] });
    expect(reordered.messages.map((m) => m.id)).toEqual([first.messages[1].id, first.messages[0].id]);
    expect(await wallet(t, account.walletId)).toEqual({ balance: '10', reserved: '0.0575', available: '9.9425' });

    // A replay after delivery shows the messages as they are now.
    await report(t, account.ownerKey, first.messages[0].id, 'DELIVERED');
    const later = await send(t, account.ownerKey, input);
    expect(later.messages[0]).toMatchObject({ id: first.messages[0].id, status: 'DELIVERED' });
    expect(later.held).toBe('0.0575');

    for (const change of [
      { body: 'twice' },
      { to: [UK_MOBILE] },
      { to: [UK_MOBILE, UK_LONDON] },
      { from: '+15550100009' },
      { campaignId: null, ratePlanId },
    ]) {
      expectError(await t.graphql(account.ownerKey, SEND, { input: { ...input, ...change } }), 'IDEMPOTENCY_KEY_REUSED', {
        field: 'idempotencyKey',
      });
    }
    expect(await messageCount(t, account.walletId)).toBe(2);
    await t.assertLedger();
  });

  it('concurrent requests with the same key send once', async () => {
    const account = await tenant('10');
    const input = {
      walletId: account.walletId,
      ratePlanId,
      from: '+15550100001',
      to: [UK_MOBILE, US],
      body: 'race',
      idempotencyKey: 'race-1',
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => send(t, account.ownerKey, input)));
    expect(new Set(results.flatMap((r) => r.messages.map((m) => m.id))).size).toBe(2);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await wallet(t, account.walletId)).toEqual({ balance: '10', reserved: '0.0575', available: '9.9425' });
    await t.assertLedger();
  });

  it('concurrent different requests with the same key, no recipient in common: one sends, every other is IDEMPOTENCY_KEY_REUSED', async () => {
    const account = await tenant('10');
    const numbers = ['+14155550201', '+14155550202', '+14155550203', '+14155550204', '+14155550205', '+14155550206'];
    const responses = await Promise.all(
      numbers.map((to) =>
        t.graphql(account.ownerKey, SEND, {
          input: { walletId: account.walletId, ratePlanId, from: '+15550100001', to: [to], body: 'x', idempotencyKey: 'shared' },
        }),
      ),
    );
    expect(responses.filter((r) => !r.errors)).toHaveLength(1);
    expect(responses.filter((r) => r.errors?.[0]?.extensions?.code === 'IDEMPOTENCY_KEY_REUSED')).toHaveLength(numbers.length - 1);
    expect(await messageCount(t, account.walletId)).toBe(1);
    expect(await wallet(t, account.walletId)).toEqual({ balance: '10', reserved: '0.0075', available: '9.9925' });
    await t.assertLedger();
  });
});

describe('tenants and roles', () => {
  it("another tenant's wallet, campaign and messages are NOT_FOUND", async () => {
    const a = await campaignTenant('10');
    const b = await campaignTenant('10');
    const [sent] = (
      await send(t, a.ownerKey, { walletId: a.walletId, campaignId: a.campaignId, from: '+15550100001', to: [US], body: 'x' })
    ).messages;
    expectError(
      await t.graphql(b.ownerKey, SEND, { input: { walletId: a.walletId, ratePlanId, from: '+15550100001', to: [US], body: 'x' } }),
      'NOT_FOUND',
    );
    expectError(
      await t.graphql(b.ownerKey, SEND, {
        input: { walletId: b.walletId, campaignId: a.campaignId, from: '+15550100001', to: [US], body: 'x' },
      }),
      'NOT_FOUND',
    );
    expectError(await t.graphql(b.ownerKey, REPORT, { input: { messageId: sent.id, status: 'DELIVERED' } }), 'NOT_FOUND');
    expectError(await t.graphql(b.ownerKey, `query($id: ID!) { message(id: $id) { id } }`, { id: sent.id }), 'NOT_FOUND');
    expectError(await t.graphql(b.ownerKey, MESSAGES, { walletId: a.walletId }), 'NOT_FOUND');
    expectError(await t.graphql(b.ownerKey, MESSAGES, { walletId: b.walletId, campaignId: a.campaignId }), 'NOT_FOUND');
    expectError(await t.graphql(a.ownerKey, REPORT, { input: { messageId: 'not-a-uuid', status: 'DELIVERED' } }), 'NOT_FOUND');
    expect((await message(t, sent.id)).status).toBe('PENDING');
    expect(await wallet(t, a.walletId)).toEqual({ balance: '10', reserved: '0.0075', available: '9.9925' });
    expect(await messageCount(t, b.walletId)).toBe(0);
  });

  it('INTEGRATOR and PLATFORM_ADMIN send and report; CAMPAIGN_MANAGER and SUPPORT are FORBIDDEN but may read', async () => {
    const account = await campaignTenant('10');
    const integrator = await t.createKey(account.accountId, 'INTEGRATOR');
    const manager = await t.createKey(account.accountId, 'CAMPAIGN_MANAGER');
    const support = await t.createKey(null, 'SUPPORT');
    const input = { walletId: account.walletId, campaignId: account.campaignId, from: '+15550100001', to: [US], body: 'x' };
    const [byIntegrator] = (await send(t, integrator.secret, input)).messages;
    const [byAdmin] = (await send(t, t.adminToken, input)).messages;
    for (const token of [manager.secret, support.secret]) {
      expectError(await t.graphql(token, SEND, { input }), 'FORBIDDEN');
      expectError(await t.graphql(token, REPORT, { input: { messageId: byIntegrator.id, status: 'DELIVERED' } }), 'FORBIDDEN');
      expectError(await t.graphql(token, RECEIVE, { input: { from: US, to: '+447700900555', body: 'x' } }), 'FORBIDDEN');
      const page = (await t.ok(token, MESSAGES, { walletId: account.walletId })).messages;
      expect(page.edges.map((edge: any) => edge.node.id).sort()).toEqual([byIntegrator.id, byAdmin.id].sort());
    }
    await report(t, integrator.secret, byIntegrator.id, 'DELIVERED');
    await report(t, t.adminToken, byAdmin.id, 'FAILED');
    expect(await wallet(t, account.walletId)).toEqual({ balance: '9.9925', reserved: '0', available: '9.9925' });
    await t.assertLedger();
  });
});

describe('inbound messages: charged to the number’s wallet on arrival', () => {
  it('charges segments × the inbound price of the sender’s prefix at once; a sender id uses the catch-all rate; NOT_FOUND for numbers nobody holds', async () => {
    const account = await tenant('1');
    const plan = await createSmsRatePlan(t, [
      { prefix: '', smsPerSegment: '0.01', smsInboundPerSegment: '0.005' },
      { prefix: '44', smsPerSegment: '0.04', smsInboundPerSegment: '0.01' },
    ]);
    const number = '+447700900500';
    await holdNumber(t, { accountId: account.accountId, walletId: account.walletId, ratePlanId: plan, number });

    const received = (await t.ok(t.adminToken, RECEIVE, { input: { from: '+447700900111', to: number, body: 'a'.repeat(161) } }))
      .receiveMessage;
    expect(received.replayed).toBe(false);
    expect(received.message).toMatchObject({
      direction: 'INBOUND',
      status: 'RECEIVED',
      from: '+447700900111',
      to: number,
      segments: 2,
      price: '0.02',
      hold: '0',
      campaignId: null,
      expiresAt: null,
      walletId: account.walletId,
    });
    expect(Date.parse(received.message.finalizedAt)).toBe(clock.now());
    expect(await wallet(t, account.walletId)).toEqual({ balance: '0.98', reserved: '0', available: '0.98' });
    const [debit] = await smsTransactions(t, account.walletId);
    expect(debit).toMatchObject({
      id: received.message.transactionId,
      type: 'DEBIT',
      kind: 'SMS',
      amount: '0.02',
      description: `SMS from +447700900111 to ${number}, 2 segments`,
    });

    const fromBrand = (await t.ok(account.ownerKey, RECEIVE, { input: { from: 'AMAZON', to: number, body: 'Your code is 1234' } }))
      .receiveMessage.message;
    expect(fromBrand).toMatchObject({ price: '0.005', status: 'RECEIVED' });
    expect(await wallet(t, account.walletId)).toEqual({ balance: '0.975', reserved: '0', available: '0.975' });

    expectError(await t.graphql(t.adminToken, RECEIVE, { input: { from: US, to: '+447700900501', body: 'x' } }), 'NOT_FOUND');
    const released = '+447700900502';
    await holdNumber(t, {
      accountId: account.accountId,
      walletId: account.walletId,
      ratePlanId: plan,
      number: released,
      status: 'RELEASED',
    });
    expectError(await t.graphql(t.adminToken, RECEIVE, { input: { from: US, to: released, body: 'x' } }), 'NOT_FOUND');
    const grace = '+447700900503';
    await holdNumber(t, { accountId: account.accountId, walletId: account.walletId, ratePlanId: plan, number: grace, status: 'GRACE' });
    expect((await t.ok(t.adminToken, RECEIVE, { input: { from: US, to: grace, body: 'x' } })).receiveMessage.message.price).toBe('0.005');

    const other = await tenant('1');
    expectError(await t.graphql(other.ownerKey, RECEIVE, { input: { from: US, to: number, body: 'x' } }), 'NOT_FOUND');
    for (const [input, field] of [
      [{ from: US, to: '447700900500', body: 'x' }, 'to'],
      [{ from: 'TOO LONG SENDER', to: number, body: 'x' }, 'from'],
      [{ from: US, to: number, body: '' }, 'body'],
    ] as const) {
      expectError(await t.graphql(t.adminToken, RECEIVE, { input }), 'BAD_USER_INPUT', { field });
    }
    const page = (await t.ok(account.ownerKey, MESSAGES, { walletId: account.walletId, direction: 'INBOUND' })).messages;
    expect(page.edges).toHaveLength(3);
    await t.assertLedger();
  });

  it('is refused, and nothing written, when the wallet cannot pay or is suspended and empty; the same key returns the same message', async () => {
    const account = await tenant('0.02');
    const plan = await createSmsRatePlan(t, [
      { prefix: '44', smsPerSegment: '0.04', smsInboundPerSegment: '0.01' },
      { prefix: '1', smsPerSegment: '0.01', smsInboundPerSegment: '0' },
    ]);
    const number = '+447700900600';
    await holdNumber(t, { accountId: account.accountId, walletId: account.walletId, ratePlanId: plan, number });
    const input = { from: '+447700900111', to: number, body: 'a'.repeat(161), idempotencyKey: 'carrier-1' };

    const first = (await t.ok(t.adminToken, RECEIVE, { input })).receiveMessage;
    expect(first.message.price).toBe('0.02'); // available == price: accepted
    expect(await wallet(t, account.walletId)).toEqual({ balance: '0', reserved: '0', available: '0' });
    expect((await t.ok(t.adminToken, RECEIVE, { input })).receiveMessage).toEqual({ ...first, replayed: true });
    expectError(await t.graphql(t.adminToken, RECEIVE, { input: { ...input, body: 'other' } }), 'IDEMPOTENCY_KEY_REUSED');

    expectError(await t.graphql(t.adminToken, RECEIVE, { input: { ...input, idempotencyKey: null, body: 'x' } }), 'INSUFFICIENT_FUNDS', {
      available: '0',
      requested: '0.01',
      currency: 'USD',
    });
    // A free inbound message still arrives at an empty but active wallet…
    expect((await t.ok(t.adminToken, RECEIVE, { input: { from: US, to: number, body: 'free' } })).receiveMessage.message.price).toBe('0');
    // …but not at a suspended one: at zero balance a number no longer receives.
    await suspend(t, account.walletId);
    expectError(await t.graphql(t.adminToken, RECEIVE, { input: { from: US, to: number, body: 'free' } }), 'WALLET_SUSPENDED');
    expect(await messageCount(t, account.walletId)).toBe(2);
    expect(await wallet(t, account.walletId)).toEqual({ balance: '0', reserved: '0', available: '0' });
    expect(await smsTransactions(t, account.walletId)).toHaveLength(1);
    await t.assertLedger();
  });
});

describe('messages query', () => {
  it('pages newest first with cursors, filtered by campaign, status and direction', async () => {
    const account = await campaignTenant('10');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const input = i < 3 ? { campaignId: account.campaignId } : { ratePlanId };
      const [m] = (await send(t, account.ownerKey, { walletId: account.walletId, ...input, from: '+15550100001', to: [US], body: `m${i}` }))
        .messages;
      ids.push(m.id);
    }
    await report(t, account.ownerKey, ids[1]!, 'DELIVERED');
    const newestFirst = [...ids].reverse();
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await t.ok(account.ownerKey, MESSAGES, { walletId: account.walletId, first: 2, after })).messages;
      seen.push(...page.edges.map((edge: any) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(newestFirst);
    const ofCampaign = (await t.ok(account.ownerKey, MESSAGES, { walletId: account.walletId, campaignId: account.campaignId })).messages;
    expect(ofCampaign.edges.map((edge: any) => edge.node.id)).toEqual([ids[2], ids[1], ids[0]]);
    const delivered = (await t.ok(account.ownerKey, MESSAGES, { walletId: account.walletId, status: 'DELIVERED' })).messages;
    expect(delivered.edges.map((edge: any) => edge.node.id)).toEqual([ids[1]]);
    expectError(await t.graphql(account.ownerKey, MESSAGES, { walletId: account.walletId, first: 0 }), 'BAD_USER_INPUT', {
      field: 'first',
    });
    expectError(await t.graphql(account.ownerKey, MESSAGES, { walletId: account.walletId, first: 101 }), 'BAD_USER_INPUT', {
      field: 'first',
    });
    expectError(await t.graphql(account.ownerKey, MESSAGES, { walletId: account.walletId, after: 'bogus' }), 'BAD_USER_INPUT', {
      field: 'after',
    });
  });
});
