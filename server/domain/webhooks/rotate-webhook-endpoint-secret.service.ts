import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
import { transaction } from '../../database/sql.js';
import type { Principal } from '../accounts/principal.js';
import type { ServiceDeps } from '../service-deps.js';
import { findVisibleEndpoint, requireWebhookRole, toWebhookEndpoint } from './webhook-endpoint-record.js';
import type { CreatedWebhookEndpoint } from './create-webhook-endpoint.service.js';
import { generateWebhookSecret } from './webhook-signature.js';
import { updateEndpointSecret } from './webhooks.queries.js';

/**
 * Replaces an endpoint's signing secret at once: every attempt from now on (retries and replays of
 * older events included) is signed with the new one, which is returned this once.
 * @throws ForbiddenError, NotFoundError (unknown or another tenant's).
 */
export async function rotateWebhookEndpointSecret(
  em: EntityManager,
  deps: ServiceDeps,
  options: { principal: Principal; id: string },
): Promise<CreatedWebhookEndpoint> {
  requireWebhookRole(options.principal, 'manage webhook endpoints');
  const secret = generateWebhookSecret();
  const row = await transaction(em, async (tx) => {
    const endpoint = await findVisibleEndpoint(tx, options.principal, options.id, true);
    const rotated = await updateEndpointSecret.one(tx, { endpointId: endpoint.id, secret, nowMs: deps.clock.now() });
    // That the secret changed is recorded, never the secret.
    await recordAudit(tx, {
      principal: options.principal,
      accountId: endpoint.account_id,
      action: AuditAction.WEBHOOK_ENDPOINT_SECRET_ROTATED,
      targetType: 'WEBHOOK_ENDPOINT',
      targetId: endpoint.id,
      before: { url: endpoint.url },
      after: { url: rotated.url },
    });
    return rotated;
  });
  return { endpoint: toWebhookEndpoint(row), secret };
}
