import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction } from '../../database/sql.js';
import { BadUserInputError, InvalidStateError, LimitExceededError } from '../../errors.js';
import type { Principal } from '../accounts/principal.js';
import type { ServiceDeps } from '../service-deps.js';
import { findVisibleEndpoint, requireWebhookRole } from './webhook-endpoint-record.js';
import { countMatchingEvents, requeueMatchingEvents } from './webhooks.queries.js';

/** Options of {@link replayWebhookEvents}. */
export interface ReplayWebhookEventsOptions {
  principal: Principal;
  endpointId: string;
  /** Events whose cause happened at or after this time… */
  from: Date;
  /** …and before this one (exclusive). @default no upper bound */
  to?: Date | null;
}

/**
 * Re-queues, for one endpoint, every stored event of its account of a type it subscribes to whose
 * cause happened in [from, to): deliveries it already had go back to PENDING, and events it never
 * had (sent to another endpoint of the account, or produced before it subscribed) get a new
 * delivery. Each is attempted at once with a fresh retry window. Returns how many were queued.
 * @throws ForbiddenError, NotFoundError (unknown or another tenant's), InvalidStateError (endpoint
 * disabled), BadUserInputError (`to` before `from`), LimitExceededError (more than
 * `webhookReplayEventsMax` events: narrow from/to).
 */
export async function replayWebhookEvents(em: EntityManager, deps: ServiceDeps, options: ReplayWebhookEventsOptions): Promise<number> {
  requireWebhookRole(options.principal, 'replay webhook deliveries');
  const to = options.to ?? null;
  if (to !== null && to.getTime() < options.from.getTime()) throw new BadUserInputError('to', 'to must not be before from');
  const max = deps.config.webhookReplayEventsMax;
  return transaction(em, async (tx) => {
    const endpoint = await findVisibleEndpoint(tx, options.principal, options.endpointId, true);
    if (!endpoint.enabled) throw new InvalidStateError(`Webhook endpoint "${endpoint.id}" is disabled: enable it before replaying`);
    const matching = {
      accountId: endpoint.account_id,
      eventTypes: endpoint.event_types,
      from: options.from.toISOString(),
      to: to?.toISOString() ?? null,
    };
    const { count } = await countMatchingEvents.one(tx, { ...matching, limit: max + 1 });
    if (count > max) {
      throw new LimitExceededError(`More than ${max} events match: replay a shorter period (from/to)`, 'webhookReplayEventsMax', max);
    }
    const nowMs = deps.clock.now();
    const queued = await requeueMatchingEvents.all(tx, {
      ...matching,
      endpointId: endpoint.id,
      nowMs,
      retryWindowMs: deps.config.webhookRetryWindowMs,
    });
    return queued.length;
  });
}
