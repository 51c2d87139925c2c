import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import type { MemberOutcome } from '../../database/transaction-batcher.js';
import { assert, BadUserInputError, DomainError, IdempotencyKeyReusedError, NotFoundError } from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { toCampaignRecord, type CampaignRecord } from '../campaigns/campaign-record.js';
import { selectCampaigns } from '../campaigns/campaigns.queries.js';
import { isUuid } from '../ids.js';
import { isE164 } from '../rating/rating.js';
import { validateIdempotencyKey } from '../wallets/validate-input.js';
import { CallDirection, toCallRecord, type CallRecord } from './call-record.js';
import { CALL_ROLES, callRate, type CallServiceDeps } from './call.service.js';
import { selectCallsByIdempotencyKeys } from './calls.queries.js';
import { openCalls, type CallOpening } from './open-call.js';

/** One call of a {@link startCalls} request: a startCall's input. */
export interface CallToStart {
  campaignId: string;
  /** E.164 destination. */
  to: string;
  idempotencyKey?: string | null;
}

/** Options of {@link startCalls}. */
export interface StartCallsOptions {
  principal: Principal;
  /** 1..`limits.callControlItemsMax` calls, answered in this order. */
  calls: readonly CallToStart[];
  limits: Pick<Config, 'callControlItemsMax'>;
}

/**
 * What became of one call of the list: STARTED (a new call: ACTIVE, or REFUSED with its endReason,
 * which stopped its campaign, as startCall answers), REPLAYED (its idempotency key had started this
 * call already) or FAILED with the error startCall would have thrown for it (nothing written for it).
 */
export type CallItemOutcome =
  | { status: 'STARTED' | 'REPLAYED'; call: CallRecord; error?: undefined }
  | { status: 'FAILED'; call?: undefined; error: DomainError };

/**
 * Starts many calls in one request, each exactly as {@link startCall} would (the same validation,
 * authorisation, idempotency and refusals), through the same batches as concurrent startCalls
 * ({@link openCalls}), decided in the order given: funds, budgets, spend caps, campaign stops and the
 * account's concurrent-call limit hold as if the calls had been started one at a time in that order.
 * One call's failure (a campaign of another account or unknown: NOT_FOUND; CAMPAIGN_NOT_RUNNING;
 * LIMIT_EXCEEDED; BAD_USER_INPUT; IDEMPOTENCY_KEY_REUSED; EMAIL_NOT_VERIFIED) touches no other; while the
 * billing clock runs late (deps.admitCall) every call sent to the batches fails with BillingClockBehindError.
 * A key used twice in the list starts one call: the later use is decided once the earlier one is
 * (a replay of its call, or a start of its own if the earlier one failed), after the rest of the list.
 * @throws ForbiddenError unless OWNER, INTEGRATOR or PLATFORM_ADMIN (nothing started).
 * @throws BadUserInputError (`calls`, `extensions.limit` callControlItemsMax) for none or more than the limit.
 * Throws what the batches throw for an outage (the request fails whole; retry with the keys).
 */
export async function startCalls(em: EntityManager, deps: CallServiceDeps, options: StartCallsOptions): Promise<CallItemOutcome[]> {
  const { principal, calls, limits } = options;
  requireRole(principal, CALL_ROLES, 'start a call');
  assertListSize(calls.length, limits.callControlItemsMax);
  const outcomes: (CallItemOutcome | undefined)[] = new Array(calls.length);
  const fail = (index: number, error: unknown) => {
    if (!(error instanceof DomainError)) throw error;
    outcomes[index] = { status: 'FAILED', error };
  };

  // What startCall checks before the batch, read for the whole list at once: the campaigns (within the
  // caller's tenant) in one statement, the keys on record in another, the rates from the plan cache.
  const valid: { index: number; key: string | null }[] = [];
  calls.forEach((call, index) => {
    try {
      const key = validateIdempotencyKey(call.idempotencyKey, deps.config.idempotencyKeyLengthMax);
      if (!isE164(call.to)) throw new BadUserInputError('to', 'to must be an E.164 number such as "+447700900123"');
      if (!isUuid(call.campaignId)) throw new NotFoundError('Campaign', call.campaignId);
      valid.push({ index, key });
    } catch (error) {
      fail(index, error);
    }
  });
  const campaignIds = [...new Set(valid.map(({ index }) => calls[index]!.campaignId.toLowerCase()))];
  const campaigns = new Map<string, CampaignRecord>();
  if (campaignIds.length > 0) {
    for (const row of await selectCampaigns.all(em, { campaignIds, accountScope: tenantScope(principal) }))
      campaigns.set(row.id, toCampaignRecord(row));
  }
  const keyed = valid.filter(({ index, key }) => key !== null && campaigns.has(calls[index]!.campaignId.toLowerCase()));
  const onRecord = await callsByKey(
    em,
    keyed.map(({ index, key }) => ({ campaignId: calls[index]!.campaignId.toLowerCase(), key: key! })),
  );

  /** A call of the list ready for the batch, with where its answer goes. */
  let pending: { index: number; campaign: CampaignRecord; key: string | null }[] = [];
  for (const { index, key } of valid) {
    const call = calls[index]!;
    const campaign = campaigns.get(call.campaignId.toLowerCase());
    if (!campaign) {
      fail(index, new NotFoundError('Campaign', call.campaignId));
      continue;
    }
    pending.push({ index, campaign, key });
  }

  // Rounds: each sends every pending call whose key no earlier pending call holds, in list order; a
  // later use of a key waits for the round after, when the first use's outcome is known.
  while (pending.length > 0) {
    const round: typeof pending = [];
    const later: typeof pending = [];
    const keysInRound = new Set<string>();
    for (const item of pending) {
      const recordKey = item.key === null ? null : `${item.campaign.id} ${item.key}`;
      const earlier = recordKey === null ? undefined : onRecord.get(recordKey);
      if (earlier) {
        replay(item.index, earlier, calls[item.index]!.to, item.key!);
        continue;
      }
      if (recordKey !== null && keysInRound.has(recordKey)) {
        later.push(item);
        continue;
      }
      if (recordKey !== null) keysInRound.add(recordKey);
      round.push(item);
    }
    const openings: { item: (typeof pending)[number]; opening: CallOpening }[] = [];
    for (const item of round) {
      const call = calls[item.index]!;
      try {
        const { plan, rate } = await callRate(em, deps, item.campaign.ratePlanId, call.to);
        if (!rate) throw new BadUserInputError('to', `No rate for ${call.to} in rate plan "${plan.name}"`);
        openings.push({
          item,
          opening: {
            direction: CallDirection.OUTBOUND,
            accountId: item.campaign.accountId,
            walletId: item.campaign.walletId,
            campaignId: item.campaign.id,
            numberId: null,
            from: null,
            to: call.to,
            rate,
            subscriptionPays: true,
            idempotencyKey: item.key,
            startedAtMs: deps.clock.now(),
          },
        });
      } catch (error) {
        fail(item.index, error);
      }
    }
    const opened = await openAll(
      em,
      deps,
      openings.map(({ opening }) => opening),
    );
    const raced: { item: (typeof pending)[number]; campaignId: string; key: string }[] = [];
    opened.forEach((outcome, at) => {
      const { item } = openings[at]!;
      if (outcome.ok) {
        outcomes[item.index] = { status: 'STARTED', call: outcome.value };
        if (item.key !== null) onRecord.set(`${item.campaign.id} ${item.key}`, outcome.value);
      } else if (item.key !== null && isKeyConflict(outcome.error)) {
        // A concurrent request started a call with this key first: its call, as startCall answers.
        raced.push({ item, campaignId: item.campaign.id, key: item.key });
      } else {
        fail(item.index, outcome.error);
      }
    });
    if (raced.length > 0) {
      const found = await callsByKey(
        em,
        raced.map(({ campaignId, key }) => ({ campaignId, key })),
      );
      for (const { item, campaignId, key } of raced) {
        const earlier = found.get(`${campaignId} ${key}`);
        assert(earlier, 'a conflicting call is visible once its writer has committed');
        onRecord.set(`${campaignId} ${key}`, earlier);
        replay(item.index, earlier, calls[item.index]!.to, key);
      }
    }
    pending = later;
  }
  return outcomes.map((outcome) => {
    assert(outcome, 'every call of the list has an outcome');
    return outcome;
  });
  function replay(at: number, earlier: CallRecord, to: string, key: string): void {
    outcomes[at] =
      earlier.to === to ? { status: 'REPLAYED', call: earlier } : { status: 'FAILED', error: new IdempotencyKeyReusedError(key) };
  }
}

/** @throws BadUserInputError (`calls`) unless 1 ≤ `count` ≤ `max`, naming the setting in `extensions.limit`. */
export function assertListSize(count: number, max: number): void {
  if (count >= 1 && count <= max) return;
  const error = new BadUserInputError('calls', `calls must list 1 to ${max} calls`);
  Object.assign(error.extensions, { limit: 'callControlItemsMax', max });
  throw error;
}

/** The calls these (campaign, key) pairs started, by "campaignId key"; one statement. */
async function callsByKey(em: EntityManager, pairs: readonly { campaignId: string; key: string }[]): Promise<Map<string, CallRecord>> {
  const found = new Map<string, CallRecord>();
  if (pairs.length === 0) return found;
  const rows = await selectCallsByIdempotencyKeys.all(em, {
    campaignIds: pairs.map((pair) => pair.campaignId),
    idempotencyKeys: pairs.map((pair) => pair.key),
  });
  for (const row of rows) found.set(`${row.campaign_id} ${row.idempotency_key}`, toCallRecord(row));
  return found;
}

/**
 * Through the process's call batches when it has them, else in one transaction of their own; every
 * one refused (nothing written) while the billing clock runs late (deps.admitCall).
 */
async function openAll(em: EntityManager, deps: CallServiceDeps, openings: readonly CallOpening[]): Promise<MemberOutcome<CallRecord>[]> {
  if (openings.length === 0) return [];
  try {
    deps.admitCall?.(openings.length);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return openings.map(() => ({ ok: false, error }));
  }
  if (deps.callBatches) return deps.callBatches.openAll(openings);
  return openCalls(em, deps, openings);
}

function isKeyConflict(error: unknown): boolean {
  const candidate = error as { code?: string; constraint?: string } | null;
  return candidate?.code === '23505' && candidate.constraint === 'call_campaign_id_idempotency_key_key';
}
