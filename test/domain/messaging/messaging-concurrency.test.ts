// Goal: holds, captures, releases and expiries stay exact when they race: a wallet never holds more than it has, a campaign never commits past its budget, a message is charged at most once and only when delivered. Method: the real server on its own PostgreSQL with a ManualClock; bursts of concurrent HTTP requests (and expiry passes) against one wallet, then exact figures and the ledger invariants (messages included).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { sql } from '../../../server/database/sql.js';
import { formatMoney } from '../../../server/domain/wallets/money.js';
import { expireMessageHolds } from '../../../server/domain/messaging/expire-message-holds.service.js';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app.js';
import { campaign, createSmsRatePlan, messageCount, REPORT, send, SEND, smsTransactions, wallet } from './messaging-support.js';

const HOLD_TTL_MS = 60_000;
const clock = new ManualClock();
let t: TestApp;
let ratePlanId: string;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false, lifecycleEnabled: false, messageHoldTtlMs: HOLD_TTL_MS }, { clock });
  // One segment to a UK mobile costs 0.05.
  ratePlanId = await createSmsRatePlan(t, [{ prefix: '447', smsPerSegment: '0.05' }]);
});
afterAll(async () => {
  await t?.close();
});

const recipient = (i: number) => `+4477009${String(i).padStart(5, '0')}`;

function codes(responses: GraphQLResponse[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const response of responses) {
    const code = response.errors?.[0]?.extensions?.code ?? 'OK';
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

describe('racing sends against one wallet', () => {
  it('100 concurrent sendMessage on a wallet that affords exactly 60: 60 held, 40 INSUFFICIENT_FUNDS; delivering all (each reported twice at once) charges each once', async () => {
    const account = await t.createAccount();
    await t.fund(account.walletId, '3');
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t.graphql(account.ownerKey, SEND, {
          input: { walletId: account.walletId, ratePlanId, from: '+15550100001', to: [recipient(i)], body: 'x' },
        }),
      ),
    );
    expect(codes(responses)).toEqual({ OK: 60, INSUFFICIENT_FUNDS: 40 });
    expect(await wallet(t, account.walletId)).toEqual({ balance: '3', reserved: '3', available: '0' });
    expect(await messageCount(t, account.walletId)).toBe(60);
    await t.assertLedger();

    const ids = responses.filter((r) => !r.errors).map((r) => r.data.sendMessage.messages[0].id as string);
    const reports = await Promise.all(
      ids.flatMap((messageId) => [1, 2].map(() => t.graphql(account.ownerKey, REPORT, { input: { messageId, status: 'DELIVERED' } }))),
    );
    expect(codes(reports)).toEqual({ OK: 120 });
    expect(await wallet(t, account.walletId)).toEqual({ balance: '0', reserved: '0', available: '0' });
    const debits = await smsTransactions(t, account.walletId);
    expect(debits).toHaveLength(60);
    expect(debits.every((d) => d.amount === '0.05' && d.type === 'DEBIT')).toBe(true);
    await t.assertLedger();
  });

  it('100 concurrent sends on a campaign whose budget covers 30: 30 committed, 70 BUDGET_REACHED, the campaign keeps running; FAILED reports free budget for racing sends', async () => {
    const account = await t.createAccount();
    await t.fund(account.walletId, '100');
    const campaignId = await t.runningCampaign(account.ownerKey, account.walletId, ratePlanId, '1.5');
    const sendOne = (i: number) =>
      t.graphql(account.ownerKey, SEND, {
        input: { walletId: account.walletId, campaignId, from: '+15550100001', to: [recipient(i)], body: 'x' },
      });
    const responses = await Promise.all(Array.from({ length: 100 }, (_, i) => sendOne(i)));
    expect(codes(responses)).toEqual({ OK: 30, INSUFFICIENT_FUNDS: 70 });
    expect(responses.filter((r) => r.errors).every((r) => r.errors![0]!.extensions!.reason === 'BUDGET_REACHED')).toBe(true);
    expect(await campaign(t, campaignId)).toMatchObject({ committed: '1.5', spent: '0', status: 'RUNNING' });

    // 15 delivered and 15 failed, while 30 more sends race for the 15 slots the failures free.
    const ids = responses.filter((r) => !r.errors).map((r) => r.data.sendMessage.messages[0].id as string);
    const raced = await Promise.all([
      ...ids.map((messageId, i) => t.graphql(account.ownerKey, REPORT, { input: { messageId, status: i < 15 ? 'DELIVERED' : 'FAILED' } })),
      ...Array.from({ length: 30 }, (_, i) => sendOne(100 + i)),
    ]);
    const reports = raced.slice(0, 30);
    const sends = raced.slice(30);
    expect(codes(reports)).toEqual({ OK: 30 });
    const sent = codes(sends).OK ?? 0;
    expect(sent).toBeLessThanOrEqual(15);
    // Committed: the 15 delivered (0.75, now spent) plus the holds of the sends that won a slot.
    expect(await campaign(t, campaignId)).toMatchObject({ spent: '0.75', committed: formatMoney(750_000n + 50_000n * BigInt(sent)) });
    expect(await wallet(t, account.walletId)).toMatchObject({ balance: '99.25' });
    // Fill the budget to the brim, then one more is refused.
    for (let i = 0; i < 15 - sent; i += 1) expect((await sendOne(200 + i)).errors).toBeUndefined();
    expect((await sendOne(300)).errors?.[0]?.extensions?.reason).toBe('BUDGET_REACHED');
    expect(await campaign(t, campaignId)).toMatchObject({ committed: '1.5', spent: '0.75' });
    await t.assertLedger();
  });

  it('expiry passes racing each other, delivery reports and new sends: due holds expire once, the rest are charged once, nothing leaks', async () => {
    const account = await t.createAccount();
    await t.fund(account.walletId, '10');
    const sendOne = (i: number) =>
      send(t, account.ownerKey, { walletId: account.walletId, ratePlanId, from: '+15550100001', to: [recipient(i)], body: 'x' });
    const old: string[] = [];
    for (let i = 0; i < 40; i += 1) old.push((await sendOne(i)).messages[0].id);
    clock.advance(HOLD_TTL_MS / 2);
    const young: string[] = [];
    for (let i = 40; i < 80; i += 1) young.push((await sendOne(i)).messages[0].id);
    expect(await wallet(t, account.walletId)).toEqual({ balance: '10', reserved: '4', available: '6' });

    clock.advance(HOLD_TTL_MS / 2); // the old ones are due now, the young ones half-way
    const [expiries, reports, sends] = await Promise.all([
      Promise.all([1, 2, 3].map(() => expireMessageHolds(t.app.orm.em.fork(), t.app.spend.deps, clock.now()))),
      Promise.all(young.map((messageId) => t.graphql(account.ownerKey, REPORT, { input: { messageId, status: 'DELIVERED' } }))),
      Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.graphql(account.ownerKey, SEND, {
            input: { walletId: account.walletId, ratePlanId, from: '+15550100001', to: [recipient(100 + i)], body: 'x' },
          }),
        ),
      ),
    ]);
    // Each pass may also expire other tests' holds; this wallet's old messages expired exactly once each.
    expect(expiries.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(40);
    const statuses = await sql<{ status: string; count: number }, { walletId: string }>(
      'select status, count(*)::int as count from message where wallet_id = :walletId group by status order by status',
    ).all(t.app.orm.em.fork(), { walletId: account.walletId });
    expect(statuses).toEqual([
      { status: 'DELIVERED', count: 40 },
      { status: 'EXPIRED', count: 40 },
      { status: 'PENDING', count: 20 },
    ]);
    expect(codes(reports)).toEqual({ OK: 40 });
    expect(codes(sends)).toEqual({ OK: 20 });
    expect(await wallet(t, account.walletId)).toEqual({ balance: '8', reserved: '1', available: '7' });
    expect(await smsTransactions(t, account.walletId)).toHaveLength(40);
    await t.assertLedger();
  });
});
