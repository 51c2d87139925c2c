import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit, webhookEndpointAudit } from '../audit/record-audit.js';
import { transaction } from '../../database/sql.js';
import type { Principal } from '../accounts/principal.js';
import { findVisibleEndpoint, requireWebhookRole, toWebhookEndpoint, type WebhookEndpoint } from './webhook-endpoint-record.js';
import { deleteEndpoint } from './webhooks.queries.js';

/**
 * Deletes an endpoint with its deliveries and their attempt log; nothing more is sent to it (an
 * attempt already in flight finishes but is not recorded). Returns the endpoint as it was.
 * @throws ForbiddenError, NotFoundError (unknown, already deleted, or another tenant's).
 */
export async function deleteWebhookEndpoint(em: EntityManager, options: { principal: Principal; id: string }): Promise<WebhookEndpoint> {
  requireWebhookRole(options.principal, 'manage webhook endpoints');
  return transaction(em, async (tx) => {
    const endpoint = await findVisibleEndpoint(tx, options.principal, options.id, true);
    await deleteEndpoint.run(tx, { endpointId: endpoint.id });
    await recordAudit(tx, {
      principal: options.principal,
      accountId: endpoint.account_id,
      action: AuditAction.WEBHOOK_ENDPOINT_DELETED,
      targetType: 'WEBHOOK_ENDPOINT',
      targetId: endpoint.id,
      before: webhookEndpointAudit(endpoint),
    });
    return toWebhookEndpoint(endpoint);
  });
}
