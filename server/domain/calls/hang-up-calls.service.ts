import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import type { MemberOutcome } from '../../database/transaction-batcher.js';
import { assert, DomainError, NotFoundError } from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { isUuid } from '../ids.js';
import type { CallRecord } from './call-record.js';
import { CALL_ROLES, postCallCosts, type CallServiceDeps } from './call.service.js';
import { endCalls, type CallEnding, type EndedCall } from './end-calls.js';
import { assertListSize } from './start-calls.service.js';

/** Options of {@link hangUpCalls}. */
export interface HangUpCallsOptions {
  principal: Principal;
  /** 1..`limits.callControlItemsMax` call ids, answered in this order. */
  callIds: readonly string[];
  /** When the switch hung up each call (epoch ms), at the index of its id; absent or null: at the arrival (see endCall). */
  endedAtsMs?: readonly (number | null)[];
  limits: Pick<Config, 'callControlItemsMax'>;
}

/**
 * What became of one hang-up of the list: ENDED (this request ended the call: billed, its cost
 * posted), UNCHANGED (it had already ended: the server stopped it, an earlier hang-up, or the same id
 * earlier in the list; returned as it is, as endCall does) or FAILED with endCall's error for it.
 */
export type HangUpOutcome =
  | { status: 'ENDED' | 'UNCHANGED'; call: CallRecord; error?: undefined }
  | { status: 'FAILED'; call?: undefined; error: DomainError };

/**
 * Ends many calls in one request (the `endCalls` mutation), each exactly as {@link endCall} would,
 * through the same batches as concurrent endCalls ({@link endCalls}, which post the costs of the calls
 * they end in their own transaction); a cost a wallet refused there is posted again after it
 * ({@link postCallCosts}), failing that item with the refusal's error. A call
 * of another account or unknown is NOT_FOUND for that item only.
 * @throws ForbiddenError unless OWNER, INTEGRATOR or PLATFORM_ADMIN (nothing ended).
 * @throws BadUserInputError (`calls`, `extensions.limit` callControlItemsMax) for none or more than the limit.
 * Throws what the batches throw for an outage (the request fails whole; ending again is harmless).
 */
export async function hangUpCalls(em: EntityManager, deps: CallServiceDeps, options: HangUpCallsOptions): Promise<HangUpOutcome[]> {
  const { principal, callIds, endedAtsMs, limits } = options;
  requireRole(principal, CALL_ROLES, 'end a call');
  assertListSize(callIds.length, limits.callControlItemsMax);
  const outcomes: (HangUpOutcome | undefined)[] = new Array(callIds.length);
  const fail = (index: number, error: unknown) => {
    if (!(error instanceof DomainError)) throw error;
    outcomes[index] = { status: 'FAILED', error };
  };
  const accountScope = tenantScope(principal);
  const endings: { index: number; ending: CallEnding }[] = [];
  callIds.forEach((callId, index) => {
    if (isUuid(callId))
      endings.push({
        index,
        ending: {
          callId: callId.toLowerCase(),
          accountScope,
          actor: principal.actor,
          reportedEndedAtMs: endedAtsMs?.[index] ?? null,
        },
      });
    else fail(index, new NotFoundError('Call', callId));
  });
  const ended = await endAll(
    em,
    deps,
    endings.map(({ ending }) => ending),
  );
  const changed: { index: number; call: CallRecord }[] = [];
  ended.forEach((outcome, at) => {
    const { index } = endings[at]!;
    if (!outcome.ok) fail(index, outcome.error);
    else if (outcome.value.changed) changed.push({ index, call: outcome.value.call });
    else outcomes[index] = { status: 'UNCHANGED', call: outcome.value.call };
  });
  if (changed.length > 0) {
    deps.committed();
    const posted = await postCallCosts(
      em,
      deps,
      changed.map(({ call }) => call),
      principal.actor,
    );
    posted.forEach((outcome, at) => {
      const { index } = changed[at]!;
      if (outcome.ok) outcomes[index] = { status: 'ENDED', call: outcome.value };
      else fail(index, outcome.error);
    });
  }
  return outcomes.map((outcome) => {
    assert(outcome, 'every hang-up of the list has an outcome');
    return outcome;
  });
}

/** Through the process's call batches when it has them, else in one transaction of their own. */
async function endAll(em: EntityManager, deps: CallServiceDeps, endings: readonly CallEnding[]): Promise<MemberOutcome<EndedCall>[]> {
  if (endings.length === 0) return [];
  if (deps.callBatches) return deps.callBatches.endAll(endings);
  return endCalls(em, deps, endings);
}
