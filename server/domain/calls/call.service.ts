import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import type { Db } from '../../database/sql.js';
import { type MemberOutcome, onlyOutcome } from '../../database/transaction-batcher.js';
import { assert, BadUserInputError, IdempotencyKeyReusedError, NotFoundError } from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { findCampaign } from '../campaigns/campaign.service.js';
import { afterCursorParams, validatePageSize } from '../campaigns/created-cursor.js';
import { isUuid } from '../ids.js';
import { findRatePlan, type RatePlanRecord } from '../rating/rate-plan.service.js';
import type { RatePlanCache } from '../rating/rate-plan-cache.js';
import type { CampaignRouteCache, CampaignRoute } from '../campaigns/campaign-route-cache.js';
import { findRate, isE164 } from '../rating/rating.js';
import { postWalletTransaction, postWalletTransactionsInOrder, type PostingBatcher } from '../wallets/post-wallet-transaction.js';
import { validateIdempotencyKey } from '../wallets/validate-input.js';
import { callCostPosting } from './call-cost-posting.js';
import { CallDirection, type CallStatus, toCallRecord, type CallRecord } from './call-record.js';
import {
  markCallPosted,
  selectActiveCallsOfCampaign,
  selectActiveCallsOfCampaigns,
  selectCall,
  selectCallByIdempotencyKey,
  selectCallsOfCampaign,
  selectCallsPage,
  selectCallStatuses,
  selectUnpostedCalls,
} from './calls.queries.js';
import type { Clock } from './clock.js';
import { openCall } from './open-call.js';
import { markCallsPosted } from './call-batches.queries.js';
import type { CallBatches } from './call-batches.js';
import { endCalls, type CallEnding, type EndedCall } from './end-calls.js';

export { callSubject } from './call-cost-posting.js';

/** Roles that place and end calls: an integrator's switch, or the owner (and the operator). */
export const CALL_ROLES = [Role.OWNER, Role.INTEGRATOR, Role.PLATFORM_ADMIN] as const;

/** What call services need besides the database. */
export interface CallServiceDeps {
  clock: Clock;
  config: Pick<
    Config,
    'concurrentCallsPerAccountMax' | 'billingClockLeadMs' | 'walletBalanceMicrosMax' | 'idempotencyKeyLengthMax' | 'callerIdLengthMax'
  >;
  /** Tells subscribers (in every process) that something was committed. */
  committed(): void;
  /** The app's posting batcher: an ended call's cost is posted through it. */
  postings: PostingBatcher;
  /**
   * Refuses `calls` new calls (default 1) while this process's billing clock runs late
   * (`billingClockAdmissionBehindMs`): throws BillingClockBehindError, before anything is written. Without it every call is admitted.
   */
  admitCall?: (calls?: number) => void;
  /** Hands a call just started here to this process's billing clock (others find it by rescanning). */
  callStarted?: (callId: string, dueAtMs: number) => void;
  /** Tells this process's billing clock that a call it may have on its schedule was ended here. */
  callEnded?: (callId: string) => void;
  /** The process's group commit of call starts and ends; without it each call runs in a transaction of its own. */
  callBatches?: CallBatches;
  /** The process's rate plans (never changed once created); without it each call reads its plan. */
  ratePlans?: RatePlanCache;
  /** The process's campaign routes (never changed once created); without it each startCall reads its campaign. */
  campaignRoutes?: CampaignRouteCache;
}

/** The plan `ratePlanId` and its rate for the E.164 number `e164` (undefined when no prefix matches). @throws NotFoundError. */
export async function callRate(
  em: EntityManager,
  deps: Pick<CallServiceDeps, 'ratePlans'>,
  ratePlanId: string,
  e164: string,
): Promise<{ plan: RatePlanRecord; rate: RatePlanRecord['rates'][number] | undefined }> {
  if (deps.ratePlans) return deps.ratePlans.rateFor(em, ratePlanId, e164);
  const plan = await findRatePlan(em, ratePlanId);
  return { plan, rate: findRate(plan.rates, e164) };
}

/** Options of {@link startCall}. */
export interface StartCallOptions {
  principal: Principal;
  campaignId: string;
  /** E.164 destination. */
  to: string;
  idempotencyKey?: string | null;
}

/**
 * Starts a call of a RUNNING campaign: reserves its first increment plus connect fee on the
 * wallet, or records it REFUSED (INSUFFICIENT_FUNDS, BUDGET_REACHED, SPEND_CAP_REACHED: a daily or
 * monthly cap of the account or wallet) and stops the campaign. A
 * refusal is data, not an error (WALLET_SUSPENDED for a suspended wallet not funded since, or a
 * closed account). The same idempotency key returns the same call.
 * @throws ForbiddenError unless OWNER, INTEGRATOR or PLATFORM_ADMIN. @throws NotFoundError.
 * @throws BadUserInputError (`to`: not E.164 or no rate for it; `idempotencyKey`).
 * @throws CampaignNotRunningError. @throws LimitExceededError at the account's concurrent-call cap.
 * @throws IdempotencyKeyReusedError when the key started a call to another number.
 * @throws BillingClockBehindError while the billing clock runs late (deps.admitCall; a replay is still answered).
 */
export async function startCall(em: EntityManager, deps: CallServiceDeps, options: StartCallOptions): Promise<CallRecord> {
  requireRole(options.principal, CALL_ROLES, 'start a call');
  const idempotencyKey = validateIdempotencyKey(options.idempotencyKey, deps.config.idempotencyKeyLengthMax);
  if (!isE164(options.to)) throw new BadUserInputError('to', 'to must be an E.164 number such as "+447700900123"');
  // The campaign's status, budget and counters are read and locked by the start batch: only its route is needed here.
  const campaign: CampaignRoute = deps.campaignRoutes
    ? await deps.campaignRoutes.find(em, options.principal, options.campaignId)
    : await findCampaign(em, options.principal, options.campaignId);
  if (idempotencyKey !== null) {
    const earlier = await findCallByKey(em, campaign.id, idempotencyKey);
    if (earlier) return replayStart(earlier, options.to, idempotencyKey);
  }
  const { plan: ratePlan, rate } = await callRate(em, deps, campaign.ratePlanId, options.to);
  if (!rate) throw new BadUserInputError('to', `No rate for ${options.to} in rate plan "${ratePlan.name}"`);
  try {
    return await openCall(em, deps, {
      direction: CallDirection.OUTBOUND,
      accountId: campaign.accountId,
      walletId: campaign.walletId,
      campaignId: campaign.id,
      numberId: null,
      from: null,
      to: options.to,
      rate,
      subscriptionPays: true,
      idempotencyKey,
      startedAtMs: deps.clock.now(),
    });
  } catch (error) {
    if (idempotencyKey !== null && isUniqueViolation(error, 'call_campaign_id_idempotency_key_key')) {
      const earlier = await findCallByKey(em, campaign.id, idempotencyKey);
      assert(earlier, 'a conflicting call is visible once its writer has committed');
      return replayStart(earlier, options.to, idempotencyKey);
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const candidate = error as { code?: string; constraint?: string } | null;
  return candidate?.code === '23505' && candidate.constraint === constraint;
}

async function findCallByKey(em: EntityManager, campaignId: string, key: string): Promise<CallRecord | undefined> {
  const row = await selectCallByIdempotencyKey.maybeOne(em, { campaignId, idempotencyKey: key });
  return row ? toCallRecord(row) : undefined;
}

function replayStart(earlier: CallRecord, to: string, key: string): CallRecord {
  if (earlier.to !== to) throw new IdempotencyKeyReusedError(key);
  return earlier;
}

/**
 * Ends an active call at the caller's hang-up: bills the time used (to `endedAtMs`, the switch's
 * hang-up time, when given, within the call's latest reserved increment: hangUpEndedAtMs), rounded up by the rate's
 * increments (never more than it had funded), posts that cost and releases the rest of its
 * reservation, all in the end batch's transaction ({@link endCalls}); a posting its wallet refused
 * there is tried again after it ({@link postCallCost}, which throws the refusal's error).
 * A call that has already ended (the server may have stopped it) comes back as it is.
 * @throws ForbiddenError, NotFoundError.
 */
export async function endCall(
  em: EntityManager,
  deps: CallServiceDeps,
  options: { principal: Principal; callId: string; endedAtMs?: number | null },
): Promise<CallRecord> {
  requireRole(options.principal, CALL_ROLES, 'end a call');
  if (!isUuid(options.callId)) throw new NotFoundError('Call', options.callId);
  const ending: CallEnding = {
    callId: options.callId,
    accountScope: tenantScope(options.principal),
    actor: options.principal.actor,
    reportedEndedAtMs: options.endedAtMs ?? null,
  };
  const ended = deps.callBatches ? await deps.callBatches.end(ending) : onlyOutcome(await endCalls(em, deps, [ending]));
  if (!ended.changed) return ended.call;
  // endCalls signalled its commit; postCallCost signals its own, when the batch's posting was refused.
  return postCallCost(em, deps, ended.call, options.principal.actor);
}

/** What posting a call's cost needs: the balance cap and the after-commit wake-up. */
export interface PostingDeps {
  config: Pick<Config, 'walletBalanceMicrosMax'>;
  committed(): void;
  /** The app's posting batcher. */
  postings: PostingBatcher;
  /** The process's call batches: the posted transaction is then recorded on the call with concurrent ones. */
  callBatches?: CallBatches;
}

/**
 * Posts an ended call's cost to the ledger (kind CALL, to revenue) and releases its whole
 * reservation in the same statement; records the transaction on the call. Idempotent: the
 * posting's key is derived from the call, so running it again (after a crash between the two
 * steps) finds the same transaction and releases nothing twice.
 */
export async function postCallCost(em: EntityManager, deps: PostingDeps, call: CallRecord, actor: string): Promise<CallRecord> {
  const posting = callCostPosting(deps, call, actor);
  if (!posting) return call;
  const posted = await postWalletTransaction(em, deps.postings, posting);
  if (deps.callBatches) await deps.callBatches.markPosted(call.id, posted.transaction.id);
  else await markCallPosted.run(em, { callId: call.id, transactionId: posted.transaction.id });
  deps.committed();
  return { ...call, transactionId: posted.transaction.id };
}

/**
 * Posts many ended calls' costs as {@link postCallCost} does each, in one posting statement and
 * commit where possible (postWalletTransactionsInOrder), and records them on their calls together.
 * Each call's outcome in the order given: the call with its transaction, or the error its posting
 * alone would get (it then stays unposted, for postPendingCallCosts).
 */
export async function postCallCosts(
  em: EntityManager,
  deps: PostingDeps,
  calls: readonly CallRecord[],
  actor: string,
): Promise<MemberOutcome<CallRecord>[]> {
  const outcomes: MemberOutcome<CallRecord>[] = calls.map((call) => ({ ok: true, value: call }));
  const postings = calls.flatMap((call, index) => {
    const posting = callCostPosting(deps, call, actor);
    return posting ? [{ index, posting }] : [];
  });
  if (postings.length === 0) return outcomes;
  const results = await postWalletTransactionsInOrder(
    em,
    deps.postings,
    postings.map(({ posting }) => posting),
  );
  const marks: { callId: string; transactionId: string }[] = [];
  results.forEach((result, at) => {
    const { index } = postings[at]!;
    if (!result.posted) {
      outcomes[index] = { ok: false, error: result.error };
      return;
    }
    const transactionId = result.posted.transaction.id;
    marks.push({ callId: calls[index]!.id, transactionId });
    outcomes[index] = { ok: true, value: { ...calls[index]!, transactionId } };
  });
  if (marks.length > 0) {
    if (deps.callBatches) await deps.callBatches.markAllPosted(marks);
    else
      await markCallsPosted.run(em, {
        callIds: marks.map((mark) => mark.callId),
        transactionIds: marks.map((mark) => mark.transactionId),
      });
    deps.committed();
  }
  return outcomes;
}

/** Posts every ended call whose cost is not on the ledger yet (after a crash); returns how many. */
export async function postPendingCallCosts(em: EntityManager, deps: PostingDeps): Promise<number> {
  const rows = await selectUnpostedCalls.all(em);
  for (const row of rows) await postCallCost(em, deps, toCallRecord(row), 'recovery');
  return rows.length;
}

/** @throws NotFoundError for an unknown call or one outside the caller's account. */
export async function findCall(em: EntityManager, principal: Principal, callId: string): Promise<CallRecord> {
  if (!isUuid(callId)) throw new NotFoundError('Call', callId);
  const row = await selectCall.maybeOne(em, { callId, accountScope: tenantScope(principal) });
  if (!row) throw new NotFoundError('Call', callId);
  return toCallRecord(row);
}

/** A campaign's calls, newest first, optionally of one status; one page. */
export async function listCalls(
  em: EntityManager,
  options: {
    principal: Principal;
    campaignId: string;
    status?: CallStatus | null;
    first?: number | null;
    after?: string | null;
    limits: Pick<Config, 'callsPageSizeMax' | 'callsPageSizeDefault'>;
  },
): Promise<{ calls: CallRecord[]; hasNextPage: boolean }> {
  const campaign = await findCampaign(em, options.principal, options.campaignId);
  const first = validatePageSize(options.first, options.limits);
  const rows = await selectCallsPage.all(em, {
    campaignId: campaign.id,
    status: options.status ?? null,
    ...afterCursorParams(options.after),
    limit: first + 1,
  });
  return { calls: rows.slice(0, first).map(toCallRecord), hasNextPage: rows.length > first };
}

/** Active calls of the campaigns `campaignIds`, in one statement (for their live figures). */
export async function activeCallsOfCampaigns(db: Db, campaignIds: readonly string[]): Promise<CallRecord[]> {
  return (await selectActiveCallsOfCampaigns.all(db, { campaignIds })).map(toCallRecord);
}

/**
 * Calls of one campaign (already checked visible to the caller) for a feed of its calls, oldest
 * first: its active calls when `callIds` is null (where the feed starts), else those of `callIds`.
 */
export async function callsOfCampaign(db: Db, campaignId: string, callIds: readonly string[] | null): Promise<CallRecord[]> {
  const rows =
    callIds === null
      ? await selectActiveCallsOfCampaign.all(db, { campaignId })
      : await selectCallsOfCampaign.all(db, { campaignId, callIds });
  return rows.map(toCallRecord);
}

/** The status of each of `callIds` (unknown ids are absent). */
export async function callStatuses(db: Db, callIds: readonly string[]): Promise<Map<string, CallStatus>> {
  return new Map((await selectCallStatuses.all(db, { callIds })).map((row) => [row.id, row.status]));
}
