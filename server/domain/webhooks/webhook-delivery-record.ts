import type { Db } from '../../database/sql.js';
import { BadUserInputError, NotFoundError } from '../../errors.js';
import { tenantScope, type Principal } from '../accounts/principal.js';
import { isUuid } from '../ids.js';
import type { WebhookErrorClass } from './post-webhook.js';
import type { WebhookDeliveryStatus, WebhookEventType } from './webhook-event-type.js';
import { selectNewestAttempts, selectVisibleDelivery, type WebhookDeliveryRow } from './webhooks.queries.js';

/** One POST of a delivery, as logged. */
export interface WebhookAttempt {
  id: string;
  attemptedAt: Date;
  /** The receiver's HTTP status; null when it gave none (refused, timed out, reset). */
  statusCode: number | null;
  /** Null when it succeeded; otherwise the class of the failure (never the receiver's answer nor raw socket text). */
  error: WebhookErrorClass | null;
  durationMs: number;
  succeeded: boolean;
}

/** One event for one endpoint, with its newest attempts. */
export interface WebhookDelivery {
  id: string;
  /** Creation order (the log's cursor). */
  position: bigint;
  endpointId: string;
  accountId: string;
  eventId: string;
  eventType: WebhookEventType;
  status: WebhookDeliveryStatus;
  attemptCount: number;
  nextAttemptAt: Date | null;
  deliverUntil: Date;
  deliveredAt: Date | null;
  createdAt: Date;
  /** The exact JSON body POSTed. */
  body: string;
  /** Newest first, at most `webhookAttemptsShownMax`. */
  attempts: WebhookAttempt[];
}

/** The deliveries of `rows` with their newest `attemptsMax` attempts each, in one query. */
export async function withAttempts(db: Db, rows: WebhookDeliveryRow[], attemptsMax: number): Promise<WebhookDelivery[]> {
  const attempts = rows.length === 0 ? [] : await selectNewestAttempts.all(db, { deliveryIds: rows.map((row) => row.id), attemptsMax });
  const byDelivery = new Map<string, WebhookAttempt[]>();
  for (const attempt of attempts) {
    const list = byDelivery.get(attempt.delivery_id) ?? [];
    list.push({
      id: attempt.id,
      attemptedAt: new Date(attempt.attempted_at_ms),
      statusCode: attempt.status_code,
      error: attempt.error,
      durationMs: attempt.duration_ms,
      succeeded: attempt.succeeded,
    });
    byDelivery.set(attempt.delivery_id, list);
  }
  return rows.map((row) => ({
    id: row.id,
    position: BigInt(row.position),
    endpointId: row.endpoint_id,
    accountId: row.account_id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attemptCount: row.attempt_count,
    nextAttemptAt: row.next_attempt_at_ms === null ? null : new Date(row.next_attempt_at_ms),
    deliverUntil: new Date(row.deliver_until_ms),
    deliveredAt: row.delivered_at_ms === null ? null : new Date(row.delivered_at_ms),
    createdAt: new Date(row.created_at_ms),
    body: row.body,
    attempts: byDelivery.get(row.id) ?? [],
  }));
}

/**
 * The delivery `id` as the caller may see it. Unknown, malformed and other tenants' ids are all
 * NOT_FOUND alike.
 * @throws NotFoundError
 */
export async function findVisibleDelivery(db: Db, principal: Principal, id: string): Promise<WebhookDeliveryRow> {
  const row = isUuid(id) ? await selectVisibleDelivery.maybeOne(db, { deliveryId: id, accountId: tenantScope(principal) }) : undefined;
  if (!row) throw new NotFoundError('Webhook delivery', id);
  return row;
}

const CURSOR_PREFIX = 'whd:';

/** Largest PostgreSQL bigint. */
const BIGINT_MAX = 9_223_372_036_854_775_807n;

/** The opaque cursor of a delivery: its position, base64url-encoded. */
export function encodeDeliveryCursor(position: bigint): string {
  return Buffer.from(`${CURSOR_PREFIX}${position}`).toString('base64url');
}

/** @throws BadUserInputError (`after`) for a cursor this server did not issue. */
export function decodeDeliveryCursor(cursor: string): bigint {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const digits = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : '';
  // 19 digits may exceed PostgreSQL's bigint (the query then failed as a 500): such a cursor was never issued.
  if (!/^[1-9][0-9]{0,18}$/.test(digits) || BigInt(digits) > BIGINT_MAX || encodeDeliveryCursor(BigInt(digits)) !== cursor) {
    throw new BadUserInputError('after', 'after is not a cursor returned by this API');
  }
  return BigInt(digits);
}
