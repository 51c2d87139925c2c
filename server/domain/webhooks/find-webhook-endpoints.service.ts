import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../accounts/principal.js';
import { accountFor } from '../payments/payment-methods.service.js';
import {
  findVisibleEndpoint,
  listEndpointsOfAccount,
  requireWebhookRole,
  toWebhookEndpoint,
  type WebhookEndpoint,
} from './webhook-endpoint-record.js';

/**
 * An account's webhook endpoints, oldest first.
 * @throws ForbiddenError (role), NotFoundError (unknown or foreign account).
 */
export async function listWebhookEndpoints(
  em: EntityManager,
  options: { principal: Principal; accountId: string | null },
): Promise<WebhookEndpoint[]> {
  requireWebhookRole(options.principal, 'see webhook endpoints');
  const accountId = await accountFor(em, options.principal, options.accountId);
  return listEndpointsOfAccount(em, accountId);
}

/**
 * One endpoint the caller may see.
 * @throws ForbiddenError (role), NotFoundError (unknown or another tenant's).
 */
export async function findWebhookEndpoint(em: EntityManager, options: { principal: Principal; id: string }): Promise<WebhookEndpoint> {
  requireWebhookRole(options.principal, 'see webhook endpoints');
  return toWebhookEndpoint(await findVisibleEndpoint(em, options.principal, options.id));
}
