import type { EntityManager } from '@mikro-orm/postgresql';
import { pgTransaction } from '../../database/pg-transaction.js';
import { InvalidStateError } from '../../errors.js';
import type { Principal } from '../accounts/principal.js';
import type { ServiceDeps } from '../service-deps.js';
import { findVisibleDelivery, withAttempts, type WebhookDelivery } from './webhook-delivery-record.js';
import { findVisibleEndpoint, requireWebhookRole } from './webhook-endpoint-record.js';

/**
 * Puts one delivery (DELIVERED, FAILED or PENDING) back in the queue: it is attempted at once
 * with the same event id and body, signed afresh, and retried for a new retry window.
 * @throws ForbiddenError, NotFoundError (unknown or another tenant's), InvalidStateError (its endpoint is disabled).
 */
export async function replayWebhookDelivery(em: EntityManager, deps: ServiceDeps, options: { principal: Principal; id: string }): Promise<WebhookDelivery> {
  requireWebhookRole(options.principal, 'replay webhook deliveries');
  return pgTransaction(em, async (query) => {
    const found = await findVisibleDelivery(query, options.principal, options.id);
    const endpoint = await findVisibleEndpoint(query, options.principal, found.endpoint_id, true);
    if (!endpoint.enabled) throw new InvalidStateError(`Webhook endpoint "${endpoint.id}" is disabled: enable it before replaying`);
    const nowMs = deps.clock.now();
    await query(
      `update webhook_delivery set status = 'PENDING', next_attempt_at = to_timestamp($2::float8 / 1000),
              deliver_until = to_timestamp(($2::float8 + $3::float8) / 1000), updated_at = to_timestamp($2::float8 / 1000)
        where id = $1`,
      [found.id, nowMs, deps.config.webhookRetryWindowMs],
    );
    const row = await findVisibleDelivery(query, options.principal, found.id);
    const [delivery] = await withAttempts(query, [row], deps.config.webhookAttemptsShownMax);
    return delivery!;
  });
}
