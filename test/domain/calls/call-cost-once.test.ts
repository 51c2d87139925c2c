// Goal: each call's cost is posted exactly once whichever of its enders gets it (endCall, endCall again, the
// endCalls list, the billing clock's stop), with an idempotency record only where the posting happens after the
// end committed (the clock's stops), none where the end batch posts it under the call's row lock. Method: the real
// server and PostgreSQL with the clock stepped by hand; the same calls ended by all of them at once, and in each
// order one after another; the ledger, the calls and the idempotency records read after each, then verifyLedger.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../../../server/database/sql.js';
import { Role } from '../../../server/domain/accounts/role.js';
import type { CallRecord } from '../../../server/domain/calls/call-record.js';
import { endCall, postPendingCallCosts, startCall } from '../../../server/domain/calls/call.service.js';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { hangUpCalls, type HangUpOutcome } from '../../../server/domain/calls/hang-up-calls.service.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { lockTable, until } from '../../support/waiting.js';

/** Calls per wallet and round. */
const CALLS = 40;
/** Each call's cost: its first (and only funded) 60-second increment at 0.60/min. */
const COST_MICROS = 600_000n;

let t: TestApp;
const clock = new ManualClock(Date.UTC(2026, 3, 1, 9, 0, 0));
beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false, concurrentCallsPerAccountMax: 100, alertsEnabled: false }, { clock });
});
afterAll(async () => {
  await t?.close();
});

type Principal = { role: Role; accountId: string; apiKeyId: null; actor: string };

/**
 * `count` active calls of a new account whose wallet holds exactly their first increments: at the end of that
 * increment (where the clock is left) none can be extended, so the billing clock stops each (INSUFFICIENT_FUNDS)
 * and a hang-up then bills the same 60 s: the same cost whoever ends it.
 */
async function callsAtTheirFundedEnd(count: number): Promise<{ principal: Principal; walletId: string; callIds: string[] }> {
  const { accountId, walletId, ownerKey } = await t.createAccount();
  await t.fund(walletId, ((Number(COST_MICROS) * count) / 1_000_000).toFixed(2));
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
  const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
  const principal = { role: Role.OWNER, accountId, apiKeyId: null, actor: 'test' };
  const calls = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      startCall(t.app.orm.em.fork(), t.app.spend.callDeps, { principal, campaignId, to: `+4477009${String(i).padStart(5, '0')}` }),
    ),
  );
  clock.advance(60_000);
  return { principal, walletId, callIds: calls.map((call) => call.id) };
}

const enders = {
  clock: () => t.app.spend.billingClock.runDue(),
  endCall: (principal: Principal, callId: string) => endCall(t.app.orm.em.fork(), t.app.spend.callDeps, { principal, callId }),
  hangUp: (principal: Principal, callIds: string[]) =>
    hangUpCalls(t.app.orm.em.fork(), t.app.spend.callDeps, { principal, callIds, limits: t.config }),
};

/**
 * Checks that each of `callIds` ended once with its cost posted once: one CALL transaction per call on the wallet
 * (no other), the call's own, of its cost; the wallet holds nothing; an idempotency record exists exactly for the
 * calls the clock stopped (posted after their end committed), none for those the end batch posted. Then verifyLedger.
 * Returns how many each ender ended.
 */
async function expectPostedOnce(walletId: string, callIds: string[]): Promise<{ stopped: number; hungUp: number }> {
  const em = t.app.orm.em.fork();
  // Nothing is left for the recovery at start: every posting is on record.
  expect(await postPendingCallCosts(t.app.orm.em.fork(), t.app.spend.callDeps)).toBe(0);
  const calls = await sql<
    {
      id: string;
      status: string;
      end_reason: string;
      cost_micros: string;
      transaction_id: string | null;
      actor: string | null;
      record: boolean;
    },
    { callIds: string[] }
  >(
    `select c.id, c.status, c.end_reason, c.cost_micros::text, c.transaction_id, t.actor,
            exists (select 1 from idempotency_key k where k.account_id = c.account_id and k.key = 'spendwire:call:' || c.id::text) as record
       from call c left join wallet_transaction t on t.id = c.transaction_id where c.id = any(:callIds::uuid[])`,
  ).all(em, { callIds });
  expect(calls).toHaveLength(callIds.length);
  for (const call of calls) {
    expect(call.transaction_id).not.toBeNull();
    expect(BigInt(call.cost_micros)).toBe(COST_MICROS);
    if (call.status === 'STOPPED') {
      expect(call).toMatchObject({ end_reason: 'INSUFFICIENT_FUNDS', actor: 'billing_clock', record: true });
    } else {
      expect(call).toMatchObject({ status: 'COMPLETED', end_reason: 'HANGUP', actor: 'test', record: false });
    }
  }
  expect(new Set(calls.map((call) => call.transaction_id)).size).toBe(callIds.length);
  const ledger = await sql<{ n: number; sum: string }, { walletId: string }>(
    `select count(*)::int as n, coalesce(sum(amount_micros), 0)::text as sum from wallet_transaction where wallet_id = :walletId and kind = 'CALL'`,
  ).one(em, { walletId });
  expect(ledger).toEqual({ n: callIds.length, sum: (COST_MICROS * BigInt(callIds.length)).toString() });
  const wallet = await sql<{ balance_micros: string; reserved_micros: string }, { walletId: string }>(
    'select balance_micros::text, reserved_micros::text from wallet where id = :walletId',
  ).one(em, { walletId });
  expect(wallet).toEqual({ balance_micros: '0', reserved_micros: '0' });
  await t.assertLedger();
  const stopped = calls.filter((call) => call.status === 'STOPPED').length;
  return { stopped, hungUp: calls.length - stopped };
}

/** Every answer names the call's one transaction, or none yet for a call the clock stopped and is still posting. */
function expectAnswersAgree(answers: CallRecord[], final: Map<string, string>): void {
  for (const call of answers) {
    if (call.transactionId === null) expect(call.status).toBe('STOPPED');
    else expect(call.transactionId).toBe(final.get(call.id));
  }
}

async function transactionsOf(callIds: string[]): Promise<Map<string, string>> {
  const rows = await sql<{ id: string; transaction_id: string }, { callIds: string[] }>(
    'select id, transaction_id from call where id = any(:callIds::uuid[])',
  ).all(t.app.orm.em.fork(), { callIds });
  return new Map(rows.map((row) => [row.id, row.transaction_id]));
}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

it('posts each call once when endCall (twice), the endCalls list and the clock race to end the same calls', async () => {
  for (let round = 0; round < 4; round++) {
    const { principal, walletId, callIds } = await callsAtTheirFundedEnd(CALLS);
    const ends: Promise<CallRecord>[] = [];
    let list: Promise<HangUpOutcome[]> | undefined;
    let clockPass: Promise<unknown> | undefined;
    // Every ender sent before any is awaited, in an order of its own each round: the clock first in some, last in others.
    for (const task of shuffled(['clock', 'list', ...callIds.map((id) => `end ${id}`), ...callIds.map((id) => `again ${id}`)])) {
      if (task === 'clock') clockPass = enders.clock();
      else if (task === 'list') list = enders.hangUp(principal, shuffled(callIds));
      else ends.push(enders.endCall(principal, task.split(' ')[1]!));
    }
    const [answers, listed] = await Promise.all([Promise.all(ends), list!, clockPass]);
    // The clock's claim skips calls a hang-up holds; a call it skipped and no hang-up ended is none: all ended.
    const final = await transactionsOf(callIds);
    expectAnswersAgree(answers, final);
    expectAnswersAgree(
      listed.map((outcome) => {
        expect(outcome.status).not.toBe('FAILED');
        return outcome.call!;
      }),
      final,
    );
    const { stopped, hungUp } = await expectPostedOnce(walletId, callIds);
    expect(stopped + hungUp).toBe(CALLS);
  }
});

it('posts each call once when an end batch holds half the calls while the clock, endCall (twice) and a list take on all of them', async () => {
  // Left to themselves the clock wins almost every call (a lone hang-up goes first, alone). Here an endCalls list of
  // half the calls holds them locked, waiting on the spend-cap table, while the clock claims the rest (its claim
  // skips locked calls) and every other hang-up queues behind the list's batch (one end batch per account).
  const { principal, walletId, callIds } = await callsAtTheirFundedEnd(CALLS);
  const half = shuffled(callIds).slice(0, CALLS / 2);
  const lock = await lockTable(t.databaseUrl, 'spend_cap');
  let settled: Promise<[CallRecord[], HangUpOutcome[], HangUpOutcome[], unknown]>;
  try {
    const first = enders.hangUp(principal, half);
    await until('the list to hold its calls, waiting on the spend caps', async () => (await lock.waiting()) >= 1);
    let clockDone = false;
    const clockPass = enders.clock().finally(() => {
      clockDone = true;
    });
    const ends = Promise.all(shuffled([...callIds, ...callIds]).map((id) => enders.endCall(principal, id)));
    const list = enders.hangUp(principal, shuffled(callIds));
    settled = Promise.all([ends, first, list, clockPass]);
    await until('the clock to claim the other calls', async () => clockDone || (await lock.waiting()) >= 2);
  } finally {
    await lock.release();
  }
  const [answers, firstListed, listed] = await settled;
  expect(firstListed.map((outcome) => outcome.status)).toEqual(half.map(() => 'ENDED'));
  const final = await transactionsOf(callIds);
  expectAnswersAgree([...answers, ...[...firstListed, ...listed].map((outcome) => outcome.call!)], final);
  expect(await expectPostedOnce(walletId, callIds)).toEqual({ stopped: CALLS / 2, hungUp: CALLS / 2 });
});

it('posts once, with a record, a call the clock stopped and hang-ups then find ended', async () => {
  const { principal, walletId, callIds } = await callsAtTheirFundedEnd(3);
  expect(await enders.clock()).toMatchObject({ stopped: 3 });
  const final = await transactionsOf(callIds);
  const answers = [
    ...(await Promise.all(callIds.map((id) => enders.endCall(principal, id)))),
    ...(await enders.hangUp(principal, callIds)).map((outcome) => {
      expect(outcome.status).toBe('UNCHANGED');
      return outcome.call!;
    }),
  ];
  for (const call of answers) expect(call.transactionId).toBe(final.get(call.id));
  expect(await expectPostedOnce(walletId, callIds)).toEqual({ stopped: 3, hungUp: 0 });
});

it('posts once, without a record, a call endCall ended that endCall again, the list and the clock then find ended', async () => {
  const { principal, walletId, callIds } = await callsAtTheirFundedEnd(3);
  const first = await Promise.all(callIds.map((id) => enders.endCall(principal, id)));
  const again = await Promise.all(callIds.map((id) => enders.endCall(principal, id)));
  const listed = await enders.hangUp(principal, callIds);
  expect(listed.map((outcome) => outcome.status)).toEqual(['UNCHANGED', 'UNCHANGED', 'UNCHANGED']);
  expect(await enders.clock()).toMatchObject({ stopped: 0 });
  const final = await transactionsOf(callIds);
  for (const call of [...first, ...again, ...listed.map((outcome) => outcome.call!)]) expect(call.transactionId).toBe(final.get(call.id));
  expect(await expectPostedOnce(walletId, callIds)).toEqual({ stopped: 0, hungUp: 3 });
});

it('posts once, without a record, calls the endCalls list ended that endCall and the clock then find ended', async () => {
  const { principal, walletId, callIds } = await callsAtTheirFundedEnd(3);
  const listed = await enders.hangUp(principal, callIds);
  expect(listed.map((outcome) => outcome.status)).toEqual(['ENDED', 'ENDED', 'ENDED']);
  const again = await Promise.all(callIds.map((id) => enders.endCall(principal, id)));
  expect(await enders.clock()).toMatchObject({ stopped: 0 });
  const final = await transactionsOf(callIds);
  for (const call of [...again, ...listed.map((outcome) => outcome.call!)]) expect(call.transactionId).toBe(final.get(call.id));
  expect(await expectPostedOnce(walletId, callIds)).toEqual({ stopped: 0, hungUp: 3 });
});
