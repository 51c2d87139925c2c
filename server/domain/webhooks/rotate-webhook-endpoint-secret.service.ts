import type { EntityManager } from '@mikro-orm/postgresql';
import { pgTransaction } from '../../database/pg-transaction.js';
import type { Principal } from '../accounts/principal.js';
import type { ServiceDeps } from '../service-deps.js';
import { findVisibleEndpoint, requireWebhookRole, toWebhookEndpoint, WEBHOOK_ENDPOINT_COLUMNS, type WebhookEndpointRow } from './webhook-endpoint-record.js';
import type { CreatedWebhookEndpoint } from './create-webhook-endpoint.service.js';
import { generateWebhookSecret } from './webhook-signature.js';

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
  const row = await pgTransaction(em, async (query) => {
    const endpoint = await findVisibleEndpoint(query, options.principal, options.id, true);
    const [updated] = await query<WebhookEndpointRow>(
      `update webhook_endpoint ep set secret = $2, updated_at = to_timestamp($3::float8 / 1000) where ep.id = $1 returning ${WEBHOOK_ENDPOINT_COLUMNS}`,
      [endpoint.id, secret, deps.clock.now()],
    );
    return updated!;
  });
  return { endpoint: toWebhookEndpoint(row), secret };
}
