import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { BadUserInputError } from '../../errors.js';
import { tenantScope, type Principal } from '../accounts/principal.js';
import { isUuid } from '../ids.js';
import type { CallStatus } from './call-record.js';
import { selectCallGrants } from './calls.queries.js';

/** Options of {@link readCallGrants}. */
export interface ReadCallGrantsOptions {
  principal: Principal;
  /** 1..`limits.callGrantIdsMax` call ids, answered in this order. */
  callIds: readonly string[];
  limits: Pick<Config, 'callGrantIdsMax'>;
}

/**
 * One call's grant as a switch follows it: `fundedUntilMs` is the end of its funded time (epoch
 * ms) while it is ACTIVE, null once it has ended; `status` is null when the id is no call of the
 * caller (unknown, malformed, or another account's).
 */
export interface CallGrant {
  callId: string;
  status: CallStatus | null;
  fundedUntilMs: number | null;
}

/**
 * The grants of many calls in one read (the `callGrants` query): what a switch polls to learn that
 * the billing clock extended a call before hanging it up at its last grant. One statement by
 * primary key over the calls and their narrow meter rows; nothing is written, no event is made.
 * @throws BadUserInputError (`ids`, `extensions.limit` callGrantIdsMax) for none or more than the limit.
 */
export async function readCallGrants(em: EntityManager, options: ReadCallGrantsOptions): Promise<CallGrant[]> {
  const { principal, callIds, limits } = options;
  if (callIds.length < 1 || callIds.length > limits.callGrantIdsMax) {
    const error = new BadUserInputError('ids', `ids must list 1 to ${limits.callGrantIdsMax} calls`);
    Object.assign(error.extensions, { limit: 'callGrantIdsMax', max: limits.callGrantIdsMax });
    throw error;
  }
  const ids = callIds.filter(isUuid).map((id) => id.toLowerCase());
  const rows = ids.length === 0 ? [] : await selectCallGrants.all(em, { callIds: ids, accountScope: tenantScope(principal) });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return callIds.map((callId) => {
    const row = isUuid(callId) ? byId.get(callId.toLowerCase()) : undefined;
    return { callId, status: row?.status ?? null, fundedUntilMs: row?.funded_until_ms ?? null };
  });
}
