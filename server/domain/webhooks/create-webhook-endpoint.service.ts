import { randomUUID } from 'node:crypto';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit, webhookEndpointAudit } from '../audit/record-audit.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction } from '../../database/sql.js';
import { LimitExceededError } from '../../errors.js';
import type { Principal } from '../accounts/principal.js';
import { accountFor } from '../payments/payment-methods.service.js';
import type { ServiceDeps } from '../service-deps.js';
import { assertWebhookTargetAllowed, type WebhookTargetDeps } from './webhook-target.js';
import {
  requireWebhookRole,
  toWebhookEndpoint,
  validateEventTypes,
  validateWebhookDescription,
  validateWebhookUrl,
  type WebhookEndpoint,
} from './webhook-endpoint-record.js';
import { generateWebhookSecret } from './webhook-signature.js';
import { countEndpointsOfAccount, insertEndpoint, lockAccount } from './webhooks.queries.js';

/** Options of {@link createWebhookEndpoint}. */
export interface CreateWebhookEndpointOptions {
  principal: Principal;
  /** The account; the caller's own when absent (required for PLATFORM_ADMIN). */
  accountId: string | null;
  url: string;
  eventTypes: readonly string[];
  description: string | null;
}

/** A new endpoint and its signing secret, which is shown this once. */
export interface CreatedWebhookEndpoint {
  endpoint: WebhookEndpoint;
  secret: string;
}

/**
 * Registers an enabled webhook endpoint on an account with a fresh signing secret. Events from
 * now on (not earlier ones) are delivered to it.
 * Unless `webhookAllowPrivateTargets`, the URL's host must resolve to public addresses only
 * ({@link assertWebhookTargetAllowed}); each attempt checks it again.
 * @throws ForbiddenError (role), NotFoundError (unknown or foreign account), BadUserInputError
 * (`url`: malformed, or a non-public or unresolvable host; `eventTypes`, `description`),
 * LimitExceededError (`webhookEndpointsPerAccountMax`).
 */
export async function createWebhookEndpoint(
  em: EntityManager,
  deps: ServiceDeps & WebhookTargetDeps,
  options: CreateWebhookEndpointOptions,
): Promise<CreatedWebhookEndpoint> {
  requireWebhookRole(options.principal, 'manage webhook endpoints');
  const url = validateWebhookUrl(options.url, deps.config.webhookUrlLengthMax);
  // Resolved before the transaction: no connection is held across a DNS lookup.
  await assertWebhookTargetAllowed(url, { allowPrivate: deps.config.webhookAllowPrivateTargets, resolveHost: deps.resolveHost });
  const eventTypes = validateEventTypes(options.eventTypes);
  const description = validateWebhookDescription(options.description, deps.config.descriptionLengthMax);
  const accountId = await accountFor(em, options.principal, options.accountId);
  const secret = generateWebhookSecret();
  const row = await transaction(em, async (tx) => {
    // The account row's lock makes the count and the insert one step for concurrent creations.
    await lockAccount.all(tx, { accountId });
    const { count } = await countEndpointsOfAccount.one(tx, { accountId });
    const max = deps.config.webhookEndpointsPerAccountMax;
    if (count >= max) {
      throw new LimitExceededError(
        `An account may have at most ${max} webhook endpoints: delete one first`,
        'webhookEndpointsPerAccountMax',
        max,
      );
    }
    const nowMs = deps.clock.now();
    const inserted = await insertEndpoint.one(tx, { id: randomUUID(), accountId, url, description, eventTypes, secret, nowMs });
    await recordAudit(tx, {
      principal: options.principal,
      accountId,
      action: AuditAction.WEBHOOK_ENDPOINT_CREATED,
      targetType: 'WEBHOOK_ENDPOINT',
      targetId: inserted.id,
      after: webhookEndpointAudit(inserted),
    });
    return inserted;
  });
  return { endpoint: toWebhookEndpoint(row), secret };
}
