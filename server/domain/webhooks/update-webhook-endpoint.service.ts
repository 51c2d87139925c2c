import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit, webhookEndpointAudit } from '../audit/record-audit.js';
import { transaction } from '../../database/sql.js';
import type { Principal } from '../accounts/principal.js';
import type { ServiceDeps } from '../service-deps.js';
import { assertWebhookTargetAllowed, type WebhookTargetDeps } from './webhook-target.js';
import {
  findVisibleEndpoint,
  requireWebhookRole,
  toWebhookEndpoint,
  validateEventTypes,
  validateWebhookDescription,
  validateWebhookUrl,
  type WebhookEndpoint,
} from './webhook-endpoint-record.js';
import { updateEndpoint } from './webhooks.queries.js';

/** Options of {@link updateWebhookEndpoint}: absent (or null) fields stay as they are. */
export interface UpdateWebhookEndpointOptions {
  principal: Principal;
  id: string;
  url?: string | null;
  eventTypes?: readonly string[] | null;
  description?: string | null;
  /** A disabled endpoint gets no new deliveries and its pending ones wait (their window still runs) until it is enabled again. */
  enabled?: boolean | null;
}

/**
 * Changes an endpoint's URL, event types, description or enabled flag. A new URL or type list
 * applies to events produced from now on; pending deliveries go to the new URL.
 * A new URL is checked like at creation (public addresses only unless `webhookAllowPrivateTargets`).
 * @throws ForbiddenError, NotFoundError (unknown or another tenant's), BadUserInputError (`url`:
 * malformed, or a non-public or unresolvable host; `eventTypes`, `description`).
 */
export async function updateWebhookEndpoint(
  em: EntityManager,
  deps: ServiceDeps & WebhookTargetDeps,
  options: UpdateWebhookEndpointOptions,
): Promise<WebhookEndpoint> {
  requireWebhookRole(options.principal, 'manage webhook endpoints');
  const url = options.url == null ? null : validateWebhookUrl(options.url, deps.config.webhookUrlLengthMax);
  // Resolved before the transaction: no connection is held across a DNS lookup.
  if (url !== null)
    await assertWebhookTargetAllowed(url, { allowPrivate: deps.config.webhookAllowPrivateTargets, resolveHost: deps.resolveHost });
  const eventTypes = options.eventTypes == null ? null : validateEventTypes(options.eventTypes);
  const description =
    options.description == null ? null : validateWebhookDescription(options.description, deps.config.descriptionLengthMax);
  const row = await transaction(em, async (tx) => {
    const endpoint = await findVisibleEndpoint(tx, options.principal, options.id, true);
    const updated = await updateEndpoint.one(tx, {
      endpointId: endpoint.id,
      url,
      eventTypes,
      description,
      enabled: options.enabled ?? null,
      nowMs: deps.clock.now(),
    });
    await recordAudit(tx, {
      principal: options.principal,
      accountId: endpoint.account_id,
      action: AuditAction.WEBHOOK_ENDPOINT_UPDATED,
      targetType: 'WEBHOOK_ENDPOINT',
      targetId: endpoint.id,
      before: webhookEndpointAudit(endpoint),
      after: webhookEndpointAudit(updated),
    });
    return updated;
  });
  return toWebhookEndpoint(row);
}
