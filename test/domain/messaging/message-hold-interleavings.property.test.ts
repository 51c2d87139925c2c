// Goal: concurrent message holds on the same wallets, sharing transactions through the app's batcher, give exactly what holding them one by one in arrival order gives, for any mix of sizes, campaign budgets, daily spend caps, funds and idempotency keys (retries and reuses): the same outcome per request (with the same refusal texts), the same wallets and campaigns. Method: fast-check generates two wallets' funds, budgets and caps and an arrival order of priced requests; the requests are queued on the batcher all at once in that order and, on a mirror pair of wallets set up the same way, held one at a time; both are compared and the ledger invariants checked.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../../../server/database/sql.js';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { PLATFORM_ADMIN_TOKEN_PRINCIPAL } from '../../../server/domain/accounts/principal.js';
import { type HeldMessages, holdMessages, type MessageHold } from '../../../server/domain/messaging/hold-messages.js';
import { prepareSend } from '../../../server/domain/messaging/send-message.service.js';
import { formatMoney } from '../../../server/domain/wallets/money.js';
import { verifyLedger } from '../../../server/domain/wallets/verify-ledger.js';
import { DomainError } from '../../../server/errors.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { createSmsRatePlan } from './messaging-support.js';

const SET_CAPS = `mutation($input: SetSpendCapsInput!) { setSpendCaps(input: $input) { spendCap { scope } } }`;
const WALLETS = 2;
/** Runs of the property: each creates four accounts and holds up to 30 requests twice. */
const RUNS = 20;

let t: TestApp;
let ratePlanId: string;
const clock = new ManualClock(Date.UTC(2026, 2, 7, 12, 0, 0));

beforeAll(async () => {
  t = await startTestApp(
    { billingClockEnabled: false, lifecycleEnabled: false, messageHoldBatchSizeMax: 8, messageHoldBatchesInFlightMax: 2 },
    { clock },
  );
  // One segment to a UK mobile costs 0.05: a unit of this test.
  ratePlanId = await createSmsRatePlan(t, [{ prefix: '447', smsPerSegment: '0.05' }]);
});
afterAll(async () => {
  await t?.close();
});

const em = () => t.app.orm.em.fork();
const deps = () => t.app.spend.deps;
const units = (n: number) => formatMoney(BigInt(n) * 50_000n);

/** A wallet's set-up, in units of 0.05: its funds, its campaign's budget (null: none), its account's daily cap (null: none). */
interface WalletStart {
  fundsUnits: number;
  budgetUnits: number | null;
  dailyCapUnits: number | null;
}

const scenario = fc.record({
  wallets: fc.array(
    fc.record({
      fundsUnits: fc.integer({ min: 0, max: 30 }),
      budgetUnits: fc.option(fc.integer({ min: 1, max: 15 }), { freq: 2 }),
      dailyCapUnits: fc.option(fc.integer({ min: 1, max: 20 }), { freq: 2 }),
    }),
    { minLength: WALLETS, maxLength: WALLETS },
  ),
  requests: fc.array(
    fc.record({
      slot: fc.integer({ min: 0, max: WALLETS - 1 }),
      recipients: fc.integer({ min: 1, max: 3 }),
      segments: fc.integer({ min: 1, max: 2 }),
      onCampaign: fc.boolean(),
      key: fc.option(fc.integer({ min: 0, max: 3 }), { freq: 2 }),
    }),
    { minLength: 1, maxLength: 30 },
  ),
});

interface SetUpWallet {
  accountId: string;
  walletId: string;
  campaignId: string;
}

async function setUp(start: WalletStart): Promise<SetUpWallet> {
  const account = await t.createAccount();
  if (start.fundsUnits > 0) await t.fund(account.walletId, units(start.fundsUnits));
  const campaignId = await t.runningCampaign(
    account.ownerKey,
    account.walletId,
    ratePlanId,
    start.budgetUnits === null ? null : units(start.budgetUnits),
  );
  if (start.dailyCapUnits !== null)
    await t.ok(account.ownerKey, SET_CAPS, { input: { currency: 'USD', daily: units(start.dailyCapUnits) } });
  return { accountId: account.accountId, walletId: account.walletId, campaignId };
}

function describeOutcome(outcome: { ok: true; value: HeldMessages } | { ok: false; error: unknown }): string {
  if (!outcome.ok) {
    if (!(outcome.error instanceof DomainError)) throw outcome.error;
    return `${outcome.error.code} ${outcome.error.message}`;
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

const selectWallet = sql<{ balance_micros: string; reserved_micros: string }, { walletId: string }>(
  'select balance_micros::text, reserved_micros::text from wallet where id = :walletId',
);
const selectCampaign = sql<{ committed_micros: string; status: string }, { campaignId: string }>(
  'select committed_micros::text, status from campaign where id = :campaignId',
);
const selectCapUse = sql<{ committed: string }, { accountId: string }>(
  `select coalesce(sum(day_committed_micros), 0)::text as committed from spend_cap where account_id = :accountId`,
);

it('holding concurrent requests in shared transactions is holding them one by one in arrival order', async () => {
  let run = 0;
  const { batchedMembers: batchedBefore, fallbacks: fallbacksBefore } = deps().messageHolds!.stats;
  await fc.assert(
    fc.asyncProperty(scenario, async ({ wallets: starts, requests }) => {
      run += 1;
      const batched = await Promise.all(starts.map(setUp));
      const alone = await Promise.all(starts.map(setUp));
      // Priced on the first set (nothing is sent yet, so no key replays), mirrored onto the second.
      const holds: MessageHold[] = [];
      for (const [index, request] of requests.entries()) {
        const wallet = batched[request.slot]!;
        const prepared = await prepareSend(em(), deps(), {
          principal: PLATFORM_ADMIN_TOKEN_PRINCIPAL,
          walletId: wallet.walletId,
          campaignId: request.onCampaign ? wallet.campaignId : null,
          ratePlanId,
          from: '+15550100001',
          to: Array.from(
            { length: request.recipients },
            (_, r) => `+4477${String(run).padStart(3, '0')}${String(index * 10 + r).padStart(5, '0')}`,
          ),
          body: 'x'.repeat(request.segments === 1 ? 100 : 306),
          idempotencyKey: request.key === null ? null : `key-${request.key}`,
        });
        if ('replayed' in prepared) throw new Error('nothing was sent before');
        holds.push(prepared.hold);
      }
      const mirrored = holds.map((hold, index) => {
        const wallet = alone[requests[index]!.slot]!;
        return {
          ...hold,
          accountId: wallet.accountId,
          walletId: wallet.walletId,
          campaignId: hold.campaignId === null ? null : wallet.campaignId,
        };
      });

      const batcher = deps().messageHolds!;
      const batchedOutcomes = (await Promise.all(holds.map((hold) => settle(batcher.execute(hold))))).map(describeOutcome);
      const aloneOutcomes: string[] = [];
      for (const hold of mirrored) {
        const [outcome] = await holdMessages(em(), deps(), [hold]);
        aloneOutcomes.push(describeOutcome(outcome!));
      }
      expect(batchedOutcomes).toEqual(aloneOutcomes);
      for (let slot = 0; slot < WALLETS; slot++) {
        const [a, b] = [batched[slot]!, alone[slot]!];
        expect(await selectWallet.one(em(), { walletId: a.walletId })).toEqual(await selectWallet.one(em(), { walletId: b.walletId }));
        expect(await selectCampaign.one(em(), { campaignId: a.campaignId })).toEqual(
          await selectCampaign.one(em(), { campaignId: b.campaignId }),
        );
        expect(await selectCapUse.one(em(), { accountId: a.accountId })).toEqual(await selectCapUse.one(em(), { accountId: b.accountId }));
      }
      expect(await verifyLedger(em())).toEqual([]);
    }),
    { numRuns: RUNS },
  );
  // The requests did share transactions (a wallet's first goes alone, the rest wait for it and leave together).
  // PostgreSQL never had to refuse a batch (whose members would then have run alone, hiding a wrong decision).
  expect(deps().messageHolds!.stats.batchedMembers).toBeGreaterThan(batchedBefore);
  expect(deps().messageHolds!.stats.fallbacks).toBe(fallbacksBefore);
});
