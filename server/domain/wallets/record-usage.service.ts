import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { BadUserInputError, DomainError } from '../../errors.js';
import type { ServiceDeps } from '../service-deps.js';
import { requireRole, type Principal } from '../accounts/principal.js';
import { CHARGE_ROLES, chargePosting, type ChargeFields, type ChargeWalletOptions } from './charge-wallet.service.js';
import {
  postWalletTransactionsInOrder,
  type PostedWalletTransaction,
  type PostWalletTransactionOptions,
} from './post-wallet-transaction.js';

/** One usage event: a charge of `amountMicros` on `walletId`, with its own description, key and campaign. */
export type UsageEvent = ChargeFields;

/** Options of {@link recordUsage}. */
export interface RecordUsageOptions {
  principal: Principal;
  /** 1..`limits.usageEventsPerCallMax` events, answered in this order. */
  events: readonly UsageEvent[];
  limits: ChargeWalletOptions['limits'] & Pick<Config, 'usageEventsPerCallMax'>;
}

/** What became of one event: posted (new), replayed (its key and parameters were on record) or refused with a stable code. */
export type UsageEventOutcome =
  | { status: 'POSTED' | 'REPLAYED'; posted: PostedWalletTransaction; error?: undefined }
  | { status: 'REFUSED'; posted?: undefined; error: DomainError };

/**
 * Records a batch of usage: each event is a charge exactly as {@link chargeWallet} makes it (same
 * validation, the idempotency operation `charge`, the same refusals, spend caps and outbox events),
 * and all of them are posted in ONE statement and commit where possible, applied in input order
 * (events on one wallet each checked against its running balance: a refused one consumes nothing).
 * Each event is answered on its own, in input order; one event's refusal (a foreign or unknown
 * wallet: NOT_FOUND, funds, a malformed field, a reused key, a spend cap) touches no other.
 * @throws ForbiddenError for SUPPORT (no event is posted).
 * @throws BadUserInputError (`events`, `extensions.limit` usageEventsPerCallMax) for no event or more than the limit.
 * Signals `deps.committed()` once when anything new was posted.
 */
export async function recordUsage(
  em: EntityManager,
  deps: Pick<ServiceDeps, 'committed' | 'postings'> & Partial<Pick<ServiceDeps, 'clock'>>,
  options: RecordUsageOptions,
): Promise<UsageEventOutcome[]> {
  const { principal, events, limits } = options;
  requireRole(principal, CHARGE_ROLES, 'record usage');
  if (events.length < 1 || events.length > limits.usageEventsPerCallMax) {
    const error = new BadUserInputError('events', `events must list 1 to ${limits.usageEventsPerCallMax} usage events`);
    Object.assign(error.extensions, { limit: 'usageEventsPerCallMax', max: limits.usageEventsPerCallMax });
    throw error;
  }
  const atMs = deps.clock?.now() ?? null;
  const outcomes: UsageEventOutcome[] = new Array(events.length);
  const postings: PostWalletTransactionOptions[] = [];
  const postedIndexes: number[] = [];
  // The same caller for every event: nothing is copied per event.
  const caller = { principal, limits };
  for (let index = 0; index < events.length; index += 1) {
    try {
      postings.push(chargePosting(events[index]!, caller, atMs));
      postedIndexes.push(index);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcomes[index] = { status: 'REFUSED', error };
    }
  }
  const results = await postWalletTransactionsInOrder(em, deps.postings, postings);
  let anyNew = false;
  results.forEach((result, at) => {
    const index = postedIndexes[at]!;
    if (result.posted) {
      anyNew ||= !result.posted.replayed;
      outcomes[index] = { status: result.posted.replayed ? 'REPLAYED' : 'POSTED', posted: result.posted };
    } else {
      // Anything but an expected refusal is a bug or an outage: the whole call fails (and is masked).
      if (!(result.error instanceof DomainError)) throw result.error;
      outcomes[index] = { status: 'REFUSED', error: result.error };
    }
  });
  // Subscribers learn of the new transactions now; replays and refusals wrote nothing new.
  if (anyNew) deps.committed();
  return outcomes;
}
