import type { EntityManager } from '@mikro-orm/postgresql';
import { pgTransaction } from '../../database/pg-transaction.js';
import { BadUserInputError, InvalidStateError, LimitExceededError } from '../../errors.js';
import type { Principal } from '../accounts/principal.js';
import type { ServiceDeps } from '../service-deps.js';
import { findVisibleEndpoint, requireWebhookRole } from './webhook-endpoint-record.js';

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
  return pgTransaction(em, async (query) => {
    const endpoint = await findVisibleEndpoint(query, options.principal, options.endpointId, true);
    if (!endpoint.enabled) throw new InvalidStateError(`Webhook endpoint "${endpoint.id}" is disabled: enable it before replaying`);
    const matching = `from webhook_event e where e.account_id = $1 and e.type = any($2::text[]) and e.created_at >= $3 and ($4::timestamptz is null or e.created_at < $4)`;
    const values = [endpoint.account_id, endpoint.event_types, options.from.toISOString(), to?.toISOString() ?? null];
    const [{ count }] = (await query<{ count: number }>(`select count(*)::int as count from (select 1 ${matching} limit $5) m`, [...values, max + 1])) as [{ count: number }];
    if (count > max) {
      throw new LimitExceededError(`More than ${max} events match: replay a shorter period (from/to)`, 'webhookReplayEventsMax', max);
    }
    const nowMs = deps.clock.now();
    const queued = await query(
      `insert into webhook_delivery (id, endpoint_id, event_id, status, next_attempt_at, deliver_until, created_at, updated_at)
       select gen_random_uuid(), $5, e.id, 'PENDING', to_timestamp($6::float8 / 1000), to_timestamp(($6::float8 + $7::float8) / 1000),
              to_timestamp($6::float8 / 1000), to_timestamp($6::float8 / 1000)
         ${matching}
        order by e.created_at, e.id
       on conflict (endpoint_id, event_id) do update
          set status = 'PENDING', next_attempt_at = excluded.next_attempt_at, deliver_until = excluded.deliver_until, updated_at = excluded.updated_at
       returning id`,
      [...values, endpoint.id, nowMs, deps.config.webhookRetryWindowMs],
    );
    return queued.length;
  });
}
