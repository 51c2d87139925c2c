// Goal: concurrent sendMessage requests on one wallet that share hold transactions decide each request exactly as one at a time in arrival order would: the same outcome per request (held, replayed, INSUFFICIENT_FUNDS, BUDGET_REACHED, with the same texts), the same final wallet and campaign, the in-order prefix rule against the running balance and budget, and balanced books. Method: the real app on its own PostgreSQL; 200 priced requests of mixed sizes (some sharing an idempotency key) are queued on the app's batcher in a known order behind a lock on the spend-cap table (read inside a batch only), so they leave in full batches; the same requests then run alone one by one on a second wallet, and the two are compared.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../../../server/database/sql.js';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { DomainError } from '../../../server/errors.js';
import { PLATFORM_ADMIN_TOKEN_PRINCIPAL } from '../../../server/domain/accounts/principal.js';
import { holdMessages, type HeldMessages, type MessageHold } from '../../../server/domain/messaging/hold-messages.js';
import { prepareSend } from '../../../server/domain/messaging/send-message.service.js';
import { reportMessageDelivery } from '../../../server/domain/messaging/report-message-delivery.service.js';
import { MessageDeliveryStatus } from '../../../server/domain/messaging/message-record.js';
import { Role } from '../../../server/domain/accounts/role.js';
import { formatMoney } from '../../../server/domain/wallets/money.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { lockTable, until } from '../../support/waiting.js';
import { createSmsRatePlan } from './messaging-support.js';

const HOLD_BATCH_SIZE_MAX = 24;
const REQUESTS = 200;
let t: TestApp;
let ratePlanId: string;
const clock = new ManualClock(Date.UTC(2026, 2, 7, 12, 0, 0));

beforeAll(async () => {
  t = await startTestApp(
    { billingClockEnabled: false, lifecycleEnabled: false, messageHoldBatchSizeMax: HOLD_BATCH_SIZE_MAX, messageHoldBatchesInFlightMax: 2 },
    { clock },
  );
  // A UK mobile costs 0.05 a segment, a US number 0.0075.
  ratePlanId = await createSmsRatePlan(t, [
    { prefix: '447', smsPerSegment: '0.05' },
    { prefix: '1', smsPerSegment: '0.0075' },
  ]);
});
afterAll(async () => {
  await t?.close();
});

const em = () => t.app.orm.em.fork();
const deps = () => t.app.spend.deps;

const selectWallet = sql<{ balance_micros: string; reserved_micros: string }, { walletId: string }>(
  'select balance_micros::text, reserved_micros::text from wallet where id = :walletId',
);
const selectCampaign = sql<{ committed_micros: string; version: string; status: string }, { campaignId: string }>(
  'select committed_micros::text, version::text, status from campaign where id = :campaignId',
);
const countCampaignEvents = sql<{ n: number }, { campaignId: string }>(
  `select count(*)::int as n from outbox_event where type = 'CAMPAIGN_UPDATED' and campaign_id = :campaignId`,
);

/** The shape of request i: 1 to 3 recipients (UK or US), bodies of 1 to 3 segments, every 4th on the campaign. */
function shapeOf(i: number) {
  return {
    to: Array.from({ length: 1 + (i % 3) }, (_, r) =>
      (i + r) % 2 === 0 ? `+4477009${String(i * 10 + r).padStart(5, '0')}` : `+1555${String(i * 10 + r).padStart(7, '0')}`,
    ),
    // GSM-7: one segment up to 160 characters, 153 per segment beyond.
    body: 'x'.repeat([100, 306, 459][(i * 7) % 3]!),
    onCampaign: i % 4 === 0,
  };
}

/**
 * Request i of the mix. Requests 10, 20, … reuse the key of the one before: as the same request (a
 * replay) when i is a multiple of 20, as another one otherwise (sendMessage then says IDEMPOTENCY_KEY_REUSED).
 */
function request(i: number, walletId: string, campaignId: string): Parameters<typeof prepareSend>[2] {
  const reusesKey = i > 0 && i % 10 === 0;
  const shape = shapeOf(reusesKey && i % 20 === 0 ? i - 1 : i);
  return {
    principal: PLATFORM_ADMIN_TOKEN_PRINCIPAL,
    walletId,
    campaignId: shape.onCampaign ? campaignId : null,
    ratePlanId,
    from: '+15550100001',
    to: shape.to,
    body: shape.body,
    idempotencyKey: `hold-${reusesKey ? i - 1 : i}`,
  };
}

/** One request's outcome, comparable across wallets: what it held, what its key had, or its refusal. */
function describeOutcome(outcome: { ok: true; value: HeldMessages } | { ok: false; error: unknown }): string {
  if (!outcome.ok) {
    if (!(outcome.error instanceof DomainError)) throw outcome.error;
    return `${outcome.error.code} ${outcome.error.extensions.reason ?? ''} ${outcome.error.message}`;
  }
  const messages = 'sent' in outcome.value ? outcome.value.sent : outcome.value.earlier;
  const total = messages.reduce((sum, message) => sum + message.priceMicros, 0n);
  return `${'sent' in outcome.value ? 'HELD' : 'EARLIER'} ${messages.length} ${formatMoney(total)}`;
}

async function settle<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

async function walletWithCampaign(): Promise<{ walletId: string; campaignId: string; holds: MessageHold[] }> {
  const account = await t.createAccount();
  await t.fund(account.walletId, '12');
  const campaignId = await t.runningCampaign(account.ownerKey, account.walletId, ratePlanId, '2.5');
  const holds: MessageHold[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const prepared = await prepareSend(em(), deps(), request(i, account.walletId, campaignId));
    if ('replayed' in prepared) throw new Error('nothing was sent before the test');
    holds.push(prepared.hold);
  }
  return { walletId: account.walletId, campaignId, holds };
}

it(`${REQUESTS} concurrent holds of mixed sizes on one wallet that runs out mid-way leave in batches of at most ${HOLD_BATCH_SIZE_MAX} and end exactly as the same requests one by one`, async () => {
  const batched = await walletWithCampaign();
  const alone = await walletWithCampaign();
  const batcher = deps().messageHolds!;
  const statsBefore = { ...batcher.stats };

  // The first request's transaction waits on the spend caps; every other one queues behind its wallet meanwhile.
  const lock = await lockTable(t.databaseUrl, 'spend_cap');
  const answers = batched.holds.map((hold) => settle(batcher.execute(hold)));
  await until('the first hold transaction to wait on the spend caps', async () => (await lock.waiting()) >= 1);
  expect(batcher.waitingMembers).toBe(REQUESTS - 1);
  await lock.release();
  const batchedOutcomes = (await Promise.all(answers)).map(describeOutcome);

  const aloneOutcomes: string[] = [];
  for (const hold of alone.holds) {
    const [outcome] = await holdMessages(em(), deps(), [hold]);
    aloneOutcomes.push(describeOutcome(outcome!));
  }
  expect(batchedOutcomes).toEqual(aloneOutcomes);

  // The prefix rule, in arrival order against the running available balance (12) and budget (2.5).
  let available = 12_000_000n;
  let committed = 0n;
  const sentKeys = new Map<string, number>();
  const expected = batched.holds.map((hold) => {
    const earlier = sentKeys.get(hold.idempotencyKey!);
    if (earlier !== undefined) return 'EARLIER';
    if (hold.totalMicros > available) return 'INSUFFICIENT_FUNDS';
    if (hold.campaignId !== null && committed + hold.totalMicros > 2_500_000n) return 'INSUFFICIENT_FUNDS BUDGET_REACHED';
    available -= hold.totalMicros;
    if (hold.campaignId !== null) committed += hold.totalMicros;
    sentKeys.set(hold.idempotencyKey!, hold.priced.length);
    return 'HELD';
  });
  expect(
    batchedOutcomes.map((outcome) =>
      outcome
        .split(' ')
        .slice(0, outcome.startsWith('INSUFFICIENT_FUNDS BUDGET') ? 2 : 1)
        .join(' '),
    ),
  ).toEqual(expected);
  // The mix covers every case: held, replays of a key sent in the same batch or before, both refusals, and later smaller ones passing.
  const counts = (kind: string) => expected.filter((outcome) => outcome === kind).length;
  expect(counts('HELD')).toBeGreaterThan(50);
  expect(counts('EARLIER')).toBeGreaterThan(5);
  expect(counts('INSUFFICIENT_FUNDS')).toBeGreaterThan(20);
  expect(counts('INSUFFICIENT_FUNDS BUDGET_REACHED')).toBeGreaterThan(5);
  const lastHeld = expected.lastIndexOf('HELD');
  expect(expected.indexOf('INSUFFICIENT_FUNDS')).toBeLessThan(lastHeld);

  // Same wallet, same campaign (committed, version, status), as one by one; one CAMPAIGN_UPDATED per batch that held on it.
  const [walletA, walletB] = await Promise.all([batched, alone].map((side) => selectWallet.one(em(), { walletId: side.walletId })));
  expect(walletA).toEqual(walletB);
  expect(walletA!.balance_micros).toBe('12000000');
  expect(BigInt(walletA!.reserved_micros)).toBe(12_000_000n - available);
  const [campaignA, campaignB] = await Promise.all(
    [batched, alone].map((side) => selectCampaign.one(em(), { campaignId: side.campaignId })),
  );
  expect(campaignA).toEqual(campaignB);
  expect(campaignA).toMatchObject({ committed_micros: committed.toString(), status: 'RUNNING' });
  const eventsA = (await countCampaignEvents.one(em(), { campaignId: batched.campaignId })).n;
  const eventsB = (await countCampaignEvents.one(em(), { campaignId: alone.campaignId })).n;
  expect(eventsA).toBeLessThan(eventsB);
  expect(eventsA).toBeGreaterThan(0);

  // The batches: the first alone, then full ones of exactly the limit (and never more).
  const batches = batcher.stats.batches - statsBefore.batches;
  expect(batcher.stats.batchedMembers - statsBefore.batchedMembers + batcher.stats.singles - statsBefore.singles).toBe(REQUESTS);
  expect(batcher.stats.largestBatch).toBe(HOLD_BATCH_SIZE_MAX);
  expect(batches).toBe(Math.ceil((REQUESTS - 1) / HOLD_BATCH_SIZE_MAX));
  expect(batcher.stats.fallbacks).toBe(statsBefore.fallbacks);
  await t.assertLedger();
});

const selectCampaignMoney = sql<{ committed_micros: string; spent_micros: string; status: string }, { campaignId: string }>(
  'select committed_micros::text, spent_micros::text, status from campaign where id = :campaignId',
);
const countSmsDebits = sql<{ n: number; total: string }, { walletId: string }>(
  `select count(*)::int as n, coalesce(sum(amount_micros), 0)::text as total from wallet_transaction where wallet_id = :walletId and kind = 'SMS'`,
);

const MESSAGES = 90;

it('concurrent delivery reports of one tenant (DELIVERED, FAILED, and a second, conflicting report for every 5th message) share transactions and end exactly as one by one', async () => {
  // Two mirror wallets, each with the same 90 one-recipient messages held (every 4th on a campaign).
  const sides = await Promise.all(
    [0, 1].map(async () => {
      const account = await t.createAccount();
      await t.fund(account.walletId, '20');
      const campaignId = await t.runningCampaign(account.ownerKey, account.walletId, ratePlanId);
      const messageIds: string[] = [];
      for (let i = 0; i < MESSAGES; i++) {
        const prepared = await prepareSend(em(), deps(), { ...request(i, account.walletId, campaignId), idempotencyKey: null });
        if ('replayed' in prepared) throw new Error('no key, no replay');
        const [held] = await holdMessages(em(), deps(), [prepared.hold]);
        if (!held!.ok || !('sent' in held!.value)) throw new Error('every message is held: the wallet has enough');
        messageIds.push(...held!.value.sent.map((message) => message.id));
      }
      const principal = { role: Role.OWNER, accountId: account.accountId, apiKeyId: null, actor: 'carrier' };
      return { ...account, campaignId, messageIds, principal };
    }),
  );
  // The reports in one order: each message once (every 3rd FAILED), and every 5th once more with the other status, later on.
  const reports: { index: number; status: MessageDeliveryStatus }[] = [];
  const count = sides[0]!.messageIds.length;
  for (let index = 0; index < count; index++) {
    const status = index % 3 === 0 ? MessageDeliveryStatus.FAILED : MessageDeliveryStatus.DELIVERED;
    reports.push({ index, status });
    if (index % 5 === 0) {
      const other = status === MessageDeliveryStatus.FAILED ? MessageDeliveryStatus.DELIVERED : MessageDeliveryStatus.FAILED;
      reports.splice(Math.floor(reports.length / 2), 0, { index, status: other });
    }
  }
  const [batched, alone] = sides as [(typeof sides)[0], (typeof sides)[0]];
  const reportOn = (side: typeof batched, report: (typeof reports)[0]) =>
    reportMessageDelivery(em(), deps(), { principal: side.principal, messageId: side.messageIds[report.index]!, status: report.status });
  const describeReport = (message: { status: string; version: bigint; transactionId: string | null; priceMicros: bigint }) =>
    `${message.status} v${message.version} ${message.status === 'DELIVERED' ? (message.transactionId === null ? 'unposted' : 'posted') : ''}`;

  const batcher = deps().messageReports!;
  const statsBefore = { ...batcher.stats };
  // The first report's transaction waits on the message table; every other one queues behind the tenant meanwhile.
  const lock = await lockTable(t.databaseUrl, 'message');
  const answers = reports.map((report) => reportOn(batched, report));
  await until('the first report transaction to wait on the messages', async () => (await lock.waiting()) >= 1);
  expect(batcher.waitingMembers).toBe(reports.length - 1);
  await lock.release();
  const batchedOutcomes = (await Promise.all(answers)).map(describeReport);
  const aloneOutcomes: string[] = [];
  for (const report of reports) aloneOutcomes.push(describeReport(await reportOn(alone, report)));
  expect(batchedOutcomes).toEqual(aloneOutcomes);
  // Every message was settled by its first report; the conflicting second report changed nothing.
  const first = new Map<number, MessageDeliveryStatus>();
  for (const report of reports) if (!first.has(report.index)) first.set(report.index, report.status);
  for (const [position, report] of reports.entries()) expect(batchedOutcomes[position]!.split(' ')[0]).toBe(first.get(report.index));

  const [walletA, walletB] = await Promise.all([batched, alone].map((side) => selectWallet.one(em(), { walletId: side.walletId })));
  expect(walletA).toEqual(walletB);
  expect(walletA!.reserved_micros).toBe('0');
  const [campaignA, campaignB] = await Promise.all(
    [batched, alone].map((side) => selectCampaignMoney.one(em(), { campaignId: side.campaignId })),
  );
  expect(campaignA).toEqual(campaignB);
  expect(campaignA!.committed_micros).toBe(campaignA!.spent_micros);
  const [debitsA, debitsB] = await Promise.all([batched, alone].map((side) => countSmsDebits.one(em(), { walletId: side.walletId })));
  expect(debitsA).toEqual(debitsB);
  expect(debitsA!.n).toBe([...first.values()].filter((status) => status === MessageDeliveryStatus.DELIVERED).length);

  expect(batcher.stats.largestBatch).toBe(HOLD_BATCH_SIZE_MAX);
  expect(batcher.stats.batches - statsBefore.batches).toBe(Math.ceil((reports.length - 1) / HOLD_BATCH_SIZE_MAX));
  expect(batcher.stats.fallbacks).toBe(statsBefore.fallbacks);
  await t.assertLedger();
});
