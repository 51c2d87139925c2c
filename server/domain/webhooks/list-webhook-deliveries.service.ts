import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { BadUserInputError } from '../../errors.js';
import type { Principal } from '../accounts/principal.js';
import { findVisibleEndpoint, requireWebhookRole } from './webhook-endpoint-record.js';
import { decodeDeliveryCursor, findVisibleDelivery, withAttempts, type WebhookDelivery } from './webhook-delivery-record.js';
import type { WebhookDeliveryStatus } from './webhook-event-type.js';
import { selectDeliveriesPage } from './webhooks.queries.js';

/** Options of {@link listWebhookDeliveries}. */
export interface ListWebhookDeliveriesOptions {
  principal: Principal;
  endpointId: string;
  status?: WebhookDeliveryStatus | null;
  /** Page size, 1..webhookDeliveriesPageSizeMax. @default webhookDeliveriesPageSizeDefault */
  first?: number | null;
  /** Cursor of the last delivery of the previous page: the page continues with older ones. */
  after?: string | null;
  limits: Pick<Config, 'webhookDeliveriesPageSizeMax' | 'webhookDeliveriesPageSizeDefault' | 'webhookAttemptsShownMax'>;
}

/** One page of deliveries, newest first. */
export interface WebhookDeliveryPage {
  deliveries: WebhookDelivery[];
  hasNextPage: boolean;
}

/**
 * An endpoint's delivery log, newest first, optionally of one status, each with its newest attempts.
 * @throws ForbiddenError, NotFoundError (endpoint unknown or another tenant's), BadUserInputError (`first`, `after`).
 */
export async function listWebhookDeliveries(em: EntityManager, options: ListWebhookDeliveriesOptions): Promise<WebhookDeliveryPage> {
  requireWebhookRole(options.principal, 'see webhook deliveries');
  const { limits } = options;
  const first = options.first ?? limits.webhookDeliveriesPageSizeDefault;
  if (!Number.isInteger(first) || first < 1 || first > limits.webhookDeliveriesPageSizeMax) {
    throw new BadUserInputError('first', `first must be between 1 and ${limits.webhookDeliveriesPageSizeMax}`);
  }
  const before = options.after == null ? null : decodeDeliveryCursor(options.after);
  const endpoint = await findVisibleEndpoint(em, options.principal, options.endpointId);
  const rows = await selectDeliveriesPage.all(em, {
    endpointId: endpoint.id,
    status: options.status ?? null,
    beforePosition: before?.toString() ?? null,
    limit: first + 1,
  });
  return { deliveries: await withAttempts(em, rows.slice(0, first), limits.webhookAttemptsShownMax), hasNextPage: rows.length > first };
}

/**
 * One delivery the caller may see, with its newest attempts.
 * @throws ForbiddenError, NotFoundError (unknown or another tenant's).
 */
export async function findWebhookDelivery(
  em: EntityManager,
  options: { principal: Principal; id: string; limits: Pick<Config, 'webhookAttemptsShownMax'> },
): Promise<WebhookDelivery> {
  requireWebhookRole(options.principal, 'see webhook deliveries');
  const row = await findVisibleDelivery(em, options.principal, options.id);
  const [delivery] = await withAttempts(em, [row], options.limits.webhookAttemptsShownMax);
  return delivery!;
}
