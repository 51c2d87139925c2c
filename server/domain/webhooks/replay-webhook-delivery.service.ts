import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction } from '../../database/sql.js';
import { InvalidStateError } from '../../errors.js';
import type { Principal } from '../accounts/principal.js';
import type { ServiceDeps } from '../service-deps.js';
import { findVisibleDelivery, withAttempts, type WebhookDelivery } from './webhook-delivery-record.js';
import { findVisibleEndpoint, requireWebhookRole } from './webhook-endpoint-record.js';
import { requeueDelivery } from './webhooks.queries.js';

/**
 * Puts one delivery (DELIVERED, FAILED or PENDING) back in the queue: it is attempted at once
 * with the same event id and body, signed afresh, and retried for a new retry window.
 * @throws ForbiddenError, NotFoundError (unknown or another tenant's), InvalidStateError (its endpoint is disabled).
 */
export async function replayWebhookDelivery(
  em: EntityManager,
  deps: ServiceDeps,
  options: { principal: Principal; id: string },
): Promise<WebhookDelivery> {
  requireWebhookRole(options.principal, 'replay webhook deliveries');
  return transaction(em, async (tx) => {
    const found = await findVisibleDelivery(tx, options.principal, options.id);
    const endpoint = await findVisibleEndpoint(tx, options.principal, found.endpoint_id, true);
    if (!endpoint.enabled) throw new InvalidStateError(`Webhook endpoint "${endpoint.id}" is disabled: enable it before replaying`);
    const nowMs = deps.clock.now();
    await requeueDelivery.run(tx, { deliveryId: found.id, nowMs, retryWindowMs: deps.config.webhookRetryWindowMs });
    const row = await findVisibleDelivery(tx, options.principal, found.id);
    const [delivery] = await withAttempts(tx, [row], deps.config.webhookAttemptsShownMax);
    return delivery!;
  });
}
