import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MemberOutcome } from '../../database/transaction-batcher.js';
import { assert, NotFoundError } from '../../errors.js';
import { allowanceSplit, billedSeconds, callCostMicros } from '../rating/rating.js';
import { SpendCapBook } from '../spend-caps/spend-cap-book.js';
import { postWalletTransactionsIn, type PostWalletTransactionOptions } from '../wallets/post-wallet-transaction.js';
import { completeCalls, lockEndingCalls, selectEndedCalls } from './call-batches.queries.js';
import { callCostPosting } from './call-cost-posting.js';
import { CallEndReason, CallStatus, hangUpEndedAtMs, toCallRecord, type CallRecord } from './call-record.js';
import { callBatchTransaction } from './open-call.js';
import type { CallServiceDeps } from './call.service.js';
import { updateBatchSubscriptions, updateCallCountersWithEvents } from './calls.queries.js';

/** One caller's hang-up: the call, seen within the tenant `accountScope` (null: any account). */
export interface CallEnding {
  callId: string;
  accountScope: string | null;
  /** Who hangs up, recorded on the posting of the call's cost. */
  actor: string;
  /**
   * When the switch hung up, as it reports it (epoch ms); absent or null: at this hang-up's arrival.
   * It can give back only the call's latest reserved increment ({@link hangUpEndedAtMs}).
   */
  reportedEndedAtMs?: number | null;
}

/** A call after its hang-up, and whether this hang-up ended it (false: it had already ended). */
export interface EndedCall {
  call: CallRecord;
  changed: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Ends many active calls at their callers' hang-up in ONE transaction, with one statement per table
 * (calls, wallets, spend caps, subscriptions, outbox; campaigns and accounts share one) sent in three round trips
 * (the calls locked with the begin, their caps read, the writes with the commit): bills
 * each the time used (to its hang-up's arrival, or to the switch's reported hang-up time within its
 * latest reserved increment: {@link hangUpEndedAtMs}), rounded up by its rate's increments (never more than it had funded), posts that
 * cost on its wallet releasing its whole reservation in the same step (one in-order posting statement
 * for the batch, the ledger transaction recorded on the call by the write that completes it), and
 * gives back to the caps, the subscription, the campaign and the account's concurrent calls what it
 * held beyond that. A call whose posting its wallet refused (none was made) ends unposted: the
 * caller posts it (postCallCost, which explains the refusal; postPendingCallCosts after a crash). A
 * call that has already ended (the server may have stopped it, or an earlier hang-up of the batch)
 * comes back as it is, unchanged.
 * Outcomes in the order given; NotFoundError for an unknown call or one outside the tenant scope.
 * Throws what PostgreSQL throws (the whole batch rolled back).
 */
export async function endCalls(
  em: EntityManager,
  deps: CallServiceDeps,
  endings: readonly CallEnding[],
): Promise<MemberOutcome<EndedCall>[]> {
  const outcomes = await callBatchTransaction(em, async (tx, roundTrip) => {
    const callIds = [...new Set(endings.map((ending) => ending.callId))].sort();
    // Three round trips: the calls locked (with the begin), their wallets' caps read, every write (with the commit).
    const [locked] = await roundTrip(() => [lockEndingCalls.all(tx, { callIds })]);
    const calls = new Map(locked.map((row) => [row.id, toCallRecord(row)]));
    // Calls already ended (no meter left to lock) come back as they are.
    const notActive = callIds.filter((id) => !calls.has(id));
    if (notActive.length > 0)
      for (const row of await selectEndedCalls.all(tx, { callIds: notActive })) calls.set(row.id, toCallRecord(row));
    // The hang-up time is read once the calls are locked (the billing clock may have held them meanwhile).
    const nowMs = deps.clock.now();
    const ending = new Map<
      string,
      { call: CallRecord; endedAtMs: number; billed: number; cost: bigint; allowanceUsed: number; actor: string }
    >();
    const decided: MemberOutcome<{ callId: string; changed: boolean }>[] = endings.map((request) => {
      const call = calls.get(request.callId);
      if (!call || (request.accountScope !== null && call.accountId !== request.accountScope)) {
        return { ok: false, error: new NotFoundError('Call', request.callId) };
      }
      if (call.status !== CallStatus.ACTIVE || ending.has(call.id)) return { ok: true, value: { callId: call.id, changed: false } };
      const endedAtMs = hangUpEndedAtMs(call, nowMs, request.reportedEndedAtMs ?? null);
      const billed = Math.min(
        billedSeconds(Math.max(0, endedAtMs - call.startedAtMs) / 1000, call.firstIncrementSeconds, call.nextIncrementSeconds),
        call.fundedSeconds,
      );
      // The allowance covers the first seconds; what it held beyond them goes back to it.
      const { coveredSeconds: allowanceUsed, overageSeconds } = allowanceSplit(billed, call.allowanceSeconds);
      ending.set(call.id, { call, endedAtMs, billed, cost: callCostMicros(call, overageSeconds), allowanceUsed, actor: request.actor });
      return { ok: true, value: { callId: call.id, changed: true } };
    });
    const answer = () =>
      decided.map(
        (outcome): MemberOutcome<EndedCall> =>
          outcome.ok ? { ok: true, value: { call: calls.get(outcome.value.callId)!, changed: outcome.value.changed } } : outcome,
      );
    if (ending.size === 0) return answer();

    const ended = [...ending.values()];
    // Nothing but the calls is locked before the last round trip: a hot wallet a start batch needs is
    // never held across a round trip to this process. The caps are read unlocked (an end only gives
    // back, which decides nothing; the write adds its change to the row as it is then, in the period
    // read). The posting statement then locks the wallets in id order and the caps' write locks the
    // caps after them: the house's order (calls, wallets, spend caps, subscriptions, campaigns,
    // accounts; the billing clock's and the start batch's).
    const walletIds = [...new Set(ended.map((end) => end.call.walletId))].sort();
    const [caps] = await roundTrip(() => [SpendCapBook.read(tx, walletIds, Math.max(...ended.map((end) => end.endedAtMs)))]);
    // What a call held beyond its cost no longer counts toward the spend caps (as for the campaign's committed).
    for (const end of ended) caps.add(end.call.walletId, end.cost - end.call.reservedMicros);
    // One row per subscription, campaign and account: an UPDATE … FROM applies one change per row.
    const subscriptions = new Map<string, { reservedDelta: number; usedDelta: number }>();
    const campaigns = new Map<string, { committedDelta: bigint; spentDelta: bigint; activeDelta: number }>();
    const accounts = new Map<string, number>();
    for (const end of ended) {
      const { call } = end;
      if (call.subscriptionId !== null && call.allowanceSeconds > 0) {
        const change = subscriptions.get(call.subscriptionId) ?? { reservedDelta: 0, usedDelta: 0 };
        change.reservedDelta -= call.allowanceSeconds;
        change.usedDelta += end.allowanceUsed;
        subscriptions.set(call.subscriptionId, change);
      }
      // An inbound call has no campaign: only the wallet and the account count it.
      if (call.campaignId !== null) {
        const change = campaigns.get(call.campaignId) ?? { committedDelta: 0n, spentDelta: 0n, activeDelta: 0 };
        change.committedDelta += end.cost - call.reservedMicros;
        change.spentDelta += end.cost;
        change.activeDelta -= 1;
        campaigns.set(call.campaignId, change);
      }
      accounts.set(call.accountId, (accounts.get(call.accountId) ?? 0) + 1);
    }
    const subscriptionIds = [...subscriptions.keys()].sort();
    const campaignIds = [...campaigns.keys()].sort();
    const accountIds = [...accounts.keys()].sort();
    // Each call's cost, posted with the release of its whole reservation (the statement postCallCost
    // would run). Its key is written on the transaction but no idempotency record is made: this batch
    // holds the call's row and meter locked from its first statement, posts only a call it saw ACTIVE,
    // and records the transaction by the write that ends it, in this transaction. Every other
    // posting of a call's cost (the clock's stops, a refused posting retried, the recovery at start)
    // is of a call already ended, whose transaction_id is still null: they post after the end has
    // committed and need the record (test/domain/calls/call-cost-once.test.ts). The record was 2 of a
    // call's ~31 WAL records, ~12 µs of PostgreSQL CPU per posting, and a row kept for ever (internal
    // keys are never expired).
    const postings: { callId: string; transactionId: string; options: PostWalletTransactionOptions }[] = [];
    for (const end of ended) {
      const options = callCostPosting(
        deps,
        {
          ...end.call,
          status: CallStatus.COMPLETED,
          endReason: CallEndReason.HANGUP,
          endedAtMs: end.endedAtMs,
          billedSeconds: end.billed,
          costMicros: end.cost,
          transactionId: null,
        },
        end.actor,
      );
      if (options) postings.push({ callId: end.call.id, transactionId: randomUUID(), options: { ...options, idempotencyRecord: false } });
    }
    const transactionOf = new Map(postings.map((posting) => [posting.callId, posting.transactionId]));
    // The outbox events (each call's and each campaign's, with its new version) are written by the
    // calls' and the counters' statements themselves, so nothing waits for an answer before the commit.
    // The postings go first: the calls' statement records the transactions they made.
    const [, rows] = await roundTrip(
      () => [
        postWalletTransactionsIn(
          tx,
          postings.map((posting) => posting.options),
          postings.map((posting) => posting.transactionId),
        ),
        completeCalls.all(tx, {
          ids: ended.map((end) => end.call.id),
          endedAts: ended.map((end) => iso(end.endedAtMs)),
          billedSeconds: ended.map((end) => end.billed),
          costMicros: ended.map((end) => end.cost.toString()),
          allowanceSeconds: ended.map((end) => end.allowanceUsed),
          transactionIds: ended.map((end) => transactionOf.get(end.call.id) ?? null),
        }),
        caps.write(tx),
        subscriptionIds.length === 0
          ? Promise.resolve(0)
          : updateBatchSubscriptions.run(tx, {
              ids: subscriptionIds,
              reservedDeltas: subscriptionIds.map((id) => subscriptions.get(id)!.reservedDelta),
              usedDeltas: subscriptionIds.map((id) => subscriptions.get(id)!.usedDelta),
            }),
        // Campaigns, then accounts (the house's lock order), in one statement.
        updateCallCountersWithEvents.run(tx, {
          campaignIds,
          committedDeltas: campaignIds.map((id) => campaigns.get(id)!.committedDelta.toString()),
          spentDeltas: campaignIds.map((id) => campaigns.get(id)!.spentDelta.toString()),
          activeDeltas: campaignIds.map((id) => campaigns.get(id)!.activeDelta),
          stopStatuses: campaignIds.map(() => null),
          accountIds,
          accountDeltas: accountIds.map((id) => -accounts.get(id)!),
        }),
      ],
      { commit: true },
    );
    // Each ended call's record is what the batch locked and decided, with what the statement set.
    assert(rows.length === ending.size, 'every call the batch ends was locked with its meter, and is completed');
    for (const row of rows) {
      const end = ending.get(row.id)!;
      calls.set(row.id, {
        ...end.call,
        status: CallStatus.COMPLETED,
        endReason: CallEndReason.HANGUP,
        endedAtMs: end.endedAtMs,
        billedSeconds: end.billed,
        costMicros: end.cost,
        allowanceSeconds: end.allowanceUsed,
        nextCheckAtMs: null,
        transactionId: row.transaction_id,
        version: BigInt(row.version),
      });
    }
    return answer();
  });
  let changed = false;
  for (const outcome of outcomes) {
    if (!outcome.ok || !outcome.value.changed) continue;
    changed = true;
    deps.callEnded?.(outcome.value.call.id);
  }
  if (changed) deps.committed();
  return outcomes;
}
