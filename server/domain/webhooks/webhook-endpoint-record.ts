import type { Db } from '../../database/sql.js';
import { BadUserInputError, NotFoundError } from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { isUuid } from '../ids.js';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-event-type.js';
import { lockVisibleEndpoint, selectEndpointsOfAccount, selectVisibleEndpoint, type WebhookEndpointRow } from './webhooks.queries.js';

/** Roles that manage and read an account's webhooks: its OWNER and INTEGRATOR keys, and the operator. Everyone else is FORBIDDEN. */
export const WEBHOOK_ROLES = [Role.OWNER, Role.INTEGRATOR, Role.PLATFORM_ADMIN] as const;

/** A webhook endpoint as services return it (never its secret). */
export interface WebhookEndpoint {
  id: string;
  accountId: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** The service view of a row. */
export function toWebhookEndpoint(row: WebhookEndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    accountId: row.account_id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types,
    enabled: row.enabled,
    createdAt: new Date(row.created_at_ms),
    updatedAt: new Date(row.updated_at_ms),
  };
}

/** @throws ForbiddenError unless the caller's role manages webhooks. */
export function requireWebhookRole(principal: Principal, action: string): void {
  requireRole(principal, WEBHOOK_ROLES, action);
}

/**
 * The endpoint `id` as the caller may see it, locked `for update` when `lock` (inside a
 * transaction). Unknown ids, malformed ids and other tenants' endpoints are all NOT_FOUND alike.
 * @throws NotFoundError
 */
export async function findVisibleEndpoint(db: Db, principal: Principal, id: string, lock = false): Promise<WebhookEndpointRow> {
  const params = { endpointId: id, accountId: tenantScope(principal) };
  const row = isUuid(id) ? await (lock ? lockVisibleEndpoint : selectVisibleEndpoint).maybeOne(db, params) : undefined;
  if (!row) throw new NotFoundError('Webhook endpoint', id);
  return row;
}

/** Names of hosts that plain http:// may be used with: the machine itself (tests, local development). */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  return /^127\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])$/.test(host);
}

/**
 * A webhook URL as stored: trimmed, at most `lengthMax` characters, absolute `https://`, or
 * `http://` to a loopback host (localhost, 127.0.0.0/8, [::1]) for tests and local development.
 * No user name or password in it (they would end up in logs). This checks the URL's form only:
 * where its host may point is checked by `assertWebhookTargetAllowed` (public addresses only
 * unless `webhookAllowPrivateTargets`), at registration and again on every attempt.
 * @throws BadUserInputError (`url`)
 */
export function validateWebhookUrl(text: string, lengthMax: number): string {
  const url = text.trim();
  if (url.length === 0) throw new BadUserInputError('url', 'url must not be empty');
  if (url.length > lengthMax) throw new BadUserInputError('url', `url must be at most ${lengthMax} characters`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BadUserInputError('url', 'url must be an absolute URL such as https://example.com/webhooks');
  }
  if (parsed.username !== '' || parsed.password !== '') throw new BadUserInputError('url', 'url must not carry a user name or password');
  if (parsed.protocol === 'https:') return url;
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) return url;
  throw new BadUserInputError('url', 'url must use https:// (plain http:// only to localhost, 127.0.0.0/8 or [::1])');
}

/**
 * The subscribed types, each once, in a fixed order.
 * @throws BadUserInputError (`eventTypes`) when empty or unknown.
 */
export function validateEventTypes(types: readonly string[]): WebhookEventType[] {
  if (types.length === 0) throw new BadUserInputError('eventTypes', 'eventTypes must name at least one event type');
  for (const type of types) {
    if (!(WEBHOOK_EVENT_TYPES as readonly string[]).includes(type))
      throw new BadUserInputError('eventTypes', `Unknown event type "${type}"`);
  }
  return WEBHOOK_EVENT_TYPES.filter((type) => types.includes(type));
}

/** @throws BadUserInputError (`description`) when longer than `lengthMax` after trimming. */
export function validateWebhookDescription(text: string | null | undefined, lengthMax: number): string {
  const description = (text ?? '').trim();
  if (description.length > lengthMax) throw new BadUserInputError('description', `description must be at most ${lengthMax} characters`);
  return description;
}

/** The endpoints of `accountId`, oldest first (the caller has checked it may see the account). */
export async function listEndpointsOfAccount(db: Db, accountId: string): Promise<WebhookEndpoint[]> {
  return (await selectEndpointsOfAccount.all(db, { accountId })).map(toWebhookEndpoint);
}
