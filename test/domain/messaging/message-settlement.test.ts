// Goal: the simulated carrier reports on exactly the messages of simulated campaigns (about 85% delivered, 10% failed, the rest left to expire), and a crash at any step between marking a message charged and recording its posting is finished exactly once. Method: the real server on its own PostgreSQL with a ManualClock and a seeded random source; crashes are reproduced by writing the intermediate state by SQL, then the recovery is run and the figures and ledger invariants (messages included) checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../server/database/sql.js';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { expireMessageHolds } from '../../../server/domain/messaging/expire-message-holds.service.js';
import { postPendingMessageCharges } from '../../../server/domain/messaging/message-holds.js';
import {
  isLeftToExpire,
  reportSimulatedDeliveries,
  SIMULATED_DELIVERED_SHARE,
  SIMULATED_FAILED_SHARE,
  SIMULATED_REPORT_DELAY_MS,
} from '../../../server/domain/messaging/message-simulator.js';
import { formatMoney } from '../../../server/domain/wallets/money.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { campaign, createSmsRatePlan, message, report, send, smsTransactions, wallet } from './messaging-support.js';

const HOLD_TTL_MS = 600_000;
const clock = new ManualClock();
let t: TestApp;
let ratePlanId: string;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false, lifecycleEnabled: false, messageHoldTtlMs: HOLD_TTL_MS }, { clock });
  ratePlanId = await createSmsRatePlan(t, [{ prefix: '1', smsPerSegment: '0.01', smsInboundPerSegment: '0.01' }]);
});
afterAll(async () => {
  await t?.close();
});

/** A repeatable random source (a linear congruential generator) in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const recipients = (count: number, offset = 0) => Array.from({ length: count }, (_, i) => `+1415555${String(offset + i).padStart(4, '0')}`);

async function createCampaign(token: string, walletId: string, simulate: boolean): Promise<string> {
  const created = await t.ok(token, `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }`, {
    input: { walletId, ratePlanId, name: simulate ? 'Simulated' : 'Real', simulate },
  });
  const id = created.createCampaign.campaign.id;
  await t.ok(token, `mutation($id: ID!) { startCampaign(id: $id) { campaign { id } } }`, { id });
  return id;
}

const simulate = (random: () => number) => reportSimulatedDeliveries(t.app.orm.em.fork(), t.app.spend.deps, random, clock.now());

describe('the simulated carrier', () => {
  it('reports on simulated campaigns only, from 2 s after sending: delivered and failed by the random source, a fixed ~5% never', async () => {
    const account = await t.createAccount();
    await t.fund(account.walletId, '10');
    const simulated = await createCampaign(account.ownerKey, account.walletId, true);
    const real = await createCampaign(account.ownerKey, account.walletId, false);
    const sent = await send(t, account.ownerKey, {
      walletId: account.walletId,
      campaignId: simulated,
      from: '+15550100001',
      to: recipients(300),
      body: 'x',
    });
    const untouched = [
      ...(
        await send(t, account.ownerKey, {
          walletId: account.walletId,
          campaignId: real,
          from: '+15550100001',
          to: recipients(5),
          body: 'x',
        })
      ).messages,
      ...(await send(t, account.ownerKey, { walletId: account.walletId, ratePlanId, from: '+15550100001', to: recipients(5), body: 'x' }))
        .messages,
    ];
    expect(await wallet(t, account.walletId)).toEqual({ balance: '10', reserved: '3.1', available: '6.9' });

    clock.advance(SIMULATED_REPORT_DELAY_MS - 1);
    expect(await simulate(seeded(7))).toEqual({ delivered: 0, failed: 0 });
    clock.advance(1);
    const leftIds = new Set(sent.messages.filter((m) => isLeftToExpire(m.id)).map((m) => m.id));
    const reportedCount = 300 - leftIds.size;
    // The same draws, in order, decide delivered or failed: count the ones below the delivered share.
    const draws = seeded(7);
    const threshold = SIMULATED_DELIVERED_SHARE / (SIMULATED_DELIVERED_SHARE + SIMULATED_FAILED_SHARE);
    const expectedDelivered = Array.from({ length: reportedCount }, draws).filter((draw) => draw < threshold).length;
    expect(await simulate(seeded(7))).toEqual({ delivered: expectedDelivered, failed: reportedCount - expectedDelivered });
    // Roughly the advertised shares (ids are random; these bounds fail with negligible probability).
    expect(leftIds.size).toBeGreaterThan(0);
    expect(leftIds.size).toBeLessThan(45);
    expect(expectedDelivered).toBeGreaterThan(200);

    const statuses = new Map(
      (
        await sql<{ id: string; status: string }, { walletId: string }>('select id, status from message where wallet_id = :walletId').all(
          t.app.orm.em.fork(),
          {
            walletId: account.walletId,
          },
        )
      ).map((row) => [row.id, row.status]),
    );
    for (const m of sent.messages) {
      if (leftIds.has(m.id)) expect(statuses.get(m.id)).toBe('PENDING');
      else expect(['DELIVERED', 'FAILED']).toContain(statuses.get(m.id));
    }
    expect([...statuses.values()].filter((status) => status === 'DELIVERED')).toHaveLength(expectedDelivered);
    for (const m of untouched) expect(statuses.get(m.id)).toBe('PENDING');
    const chargedMicros = BigInt(expectedDelivered) * 10_000n;
    expect(await smsTransactions(t, account.walletId)).toHaveLength(Math.min(expectedDelivered, 100));
    expect(await campaign(t, simulated)).toMatchObject({ spent: formatMoney(chargedMicros) });
    // Nothing more to report: the silent ones stay silent on every later pass.
    clock.advance(60_000);
    expect(await simulate(seeded(8))).toEqual({ delivered: 0, failed: 0 });
    await t.assertLedger();

    clock.advance(HOLD_TTL_MS);
    await expireMessageHolds(t.app.orm.em.fork(), t.app.spend.deps, clock.now());
    const expired = await sql<{ id: string }, { walletId: string; campaignId: string }>(
      `select id from message where wallet_id = :walletId and campaign_id = :campaignId and status = 'EXPIRED'`,
    ).all(t.app.orm.em.fork(), { walletId: account.walletId, campaignId: simulated });
    expect(new Set(expired.map((row) => row.id))).toEqual(leftIds);
    const balance = formatMoney(10_000_000n - chargedMicros);
    expect(await wallet(t, account.walletId)).toEqual({ balance, reserved: '0', available: balance });
    await t.assertLedger();
  });
});

/** Forgets a message's recorded ledger transaction (a crash between the posting and recording it). */
const forgetTransaction = sql<never, { id: string }>(`update message set transaction_id = null where id = :id`);

describe('crash recovery', () => {
  it('a message marked DELIVERED whose posting never ran is posted once by postPendingMessageCharges (or by a repeated report)', async () => {
    const account = await t.createAccount();
    await t.fund(account.walletId, '1');
    const campaignId = await createCampaign(account.ownerKey, account.walletId, false);
    const [first, second] = (
      await send(t, account.ownerKey, { walletId: account.walletId, campaignId, from: '+15550100001', to: recipients(2, 9000), body: 'x' })
    ).messages;
    const em = t.app.orm.em.fork();
    // The state right after the DELIVERED transaction commits and before its posting: the wallet still holds the price.
    const crashAfterMarking = async (id: string) => {
      await sql<never, { id: string }>(`update message set status = 'DELIVERED', hold_micros = 0, finalized_at = now() where id = :id`).run(
        em,
        {
          id,
        },
      );
      await sql<never, { campaignId: string }>(`update campaign set spent_micros = spent_micros + 10000 where id = :campaignId`).run(em, {
        campaignId,
      });
    };
    await crashAfterMarking(first.id);
    await crashAfterMarking(second.id);
    await t.assertLedger();
    expect(await wallet(t, account.walletId)).toEqual({ balance: '1', reserved: '0.02', available: '0.98' });

    expect(await postPendingMessageCharges(t.app.orm.em.fork(), t.app.spend.deps)).toBeGreaterThanOrEqual(2);
    const posted = await message(t, first.id);
    expect(posted.transactionId).not.toBeNull();
    expect(await wallet(t, account.walletId)).toEqual({ balance: '0.98', reserved: '0', available: '0.98' });
    await t.assertLedger();

    // Crash after the posting but before recording it: the ledger already shows it; recovery replays it, charging nothing more.
    await forgetTransaction.run(em, { id: first.id });
    await t.assertLedger();
    expect(await postPendingMessageCharges(t.app.orm.em.fork(), t.app.spend.deps)).toBe(1);
    expect((await message(t, first.id)).transactionId).toBe(posted.transactionId);
    // A repeated report finishes it too.
    await forgetTransaction.run(em, { id: second.id });
    expect((await report(t, account.ownerKey, second.id, 'DELIVERED')).transactionId).not.toBeNull();
    expect(await wallet(t, account.walletId)).toEqual({ balance: '0.98', reserved: '0', available: '0.98' });
    expect(await smsTransactions(t, account.walletId)).toHaveLength(2);
    expect(await campaign(t, campaignId)).toMatchObject({ spent: '0.02', committed: '0.02' });
    await t.assertLedger();
  });

  it('an inbound message recorded whose posting never ran is posted once', async () => {
    const account = await t.createAccount();
    await t.fund(account.walletId, '1');
    const number = '+14155559999';
    await sql<never, { accountId: string; walletId: string; ratePlanId: string; number: string }>(
      `insert into phone_number (id, account_id, wallet_id, rate_plan_id, number, status, purchase_micros, monthly_micros, purchased_at, anchor_day, renews_at)
       values (gen_random_uuid(), :accountId, :walletId, :ratePlanId, :number, 'ACTIVE', 0, 0, now(), 1, now() + interval '30 days')`,
    ).run(t.app.orm.em.fork(), { accountId: account.accountId, walletId: account.walletId, ratePlanId, number });
    const received = (
      await t.ok(
        t.adminToken,
        `mutation($input: ReceiveMessageInput!) { receiveMessage(input: $input) { message { id transactionId price } } }`,
        {
          input: { from: '+14155550000', to: number, body: 'hi' },
        },
      )
    ).receiveMessage.message;
    expect(received.price).toBe('0.01');
    // Rewind to the state between the accepting transaction and the posting: hold back on, posting gone.
    const em = t.app.orm.em.fork();
    const [other] = (
      await send(t, account.ownerKey, { walletId: account.walletId, ratePlanId, from: '+15550100001', to: [number], body: 'x' })
    ).messages;
    await sql<never, { id: string }>(
      `update message set status = 'RECEIVED', hold_micros = 0, finalized_at = now(), direction = 'INBOUND', expires_at = null where id = :id`,
    ).run(em, { id: other.id });
    await t.assertLedger();
    expect(await wallet(t, account.walletId)).toEqual({ balance: '0.99', reserved: '0.01', available: '0.98' });
    expect(await postPendingMessageCharges(t.app.orm.em.fork(), t.app.spend.deps)).toBe(1);
    expect(await wallet(t, account.walletId)).toEqual({ balance: '0.98', reserved: '0', available: '0.98' });
    expect((await smsTransactions(t, account.walletId)).map((d) => d.description)).toContain(
      `SMS from +15550100001 to ${number}, 1 segment`,
    );
    await t.assertLedger();
  });
});
