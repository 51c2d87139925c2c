import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { pgQuery, pgTransaction } from '../../database/pg-transaction.js';
import type { Clock } from '../calls/clock.js';
import { postWebhook, type WebhookPostResult } from './post-webhook.js';
import { WEBHOOK_EVENT_ID_HEADER, WEBHOOK_SIGNATURE_HEADER, webhookSignatureHeader } from './webhook-signature.js';

/** What {@link sendWebhookDeliveries} needs besides the database. */
export interface SendWebhookDeliveriesDeps {
  clock: Clock;
  config: Pick<
    Config,
    | 'webhookSendBatchSize'
    | 'webhookSendConcurrencyMax'
    | 'webhookAttemptTimeoutMs'
    | 'webhookRetryDelayInitialMs'
    | 'webhookRetryDelayMaxMs'
    | 'webhookResponseBodyCharsMax'
  >;
  /** Aborts attempts in flight (the process is stopping): they are put back, due at once, unlogged. */
  signal?: AbortSignal;
}

/** What one pass did. */
export interface SendWebhookDeliveriesSummary {
  claimed: number;
  delivered: number;
  retrying: number;
  failed: number;
}

/** User-Agent of every POST. */
export const WEBHOOK_USER_AGENT = 'Spendwire-Webhooks/1.0';

/**
 * The wait before attempt `attemptsMade + 1`, in milliseconds: the initial delay doubled after
 * each failure, capped.
 */
export function webhookRetryDelayMs(attemptsMade: number, config: Pick<Config, 'webhookRetryDelayInitialMs' | 'webhookRetryDelayMaxMs'>): number {
  const doublings = Math.min(Math.max(attemptsMade - 1, 0), 40);
  return Math.min(config.webhookRetryDelayInitialMs * 2 ** doublings, config.webhookRetryDelayMaxMs);
}

interface ClaimedDelivery {
  id: string;
  attempt_count: number;
  deliver_until_ms: number;
  url: string;
  secret: string;
  event_id: string;
  body: string;
}

/**
 * One pass of the sender: claims up to `webhookSendBatchSize` due deliveries of enabled endpoints
 * (`FOR UPDATE SKIP LOCKED`, so processes never take the same one) by moving their next attempt
 * past the end of the batch's lease, then POSTs them, at most `webhookSendConcurrencyMax` at
 * once, each signed now. No lock is held across the network: a process that dies mid-attempt
 * leaves the delivery to be taken again when the lease ends (at least once). Each attempt is logged
 * with its result: 2xx → DELIVERED; anything else → retried after {@link webhookRetryDelayMs}, never
 * later than its `deliver_until`, and FAILED when an attempt at or after `deliver_until` fails.
 */
export async function sendWebhookDeliveries(em: EntityManager, deps: SendWebhookDeliveriesDeps): Promise<SendWebhookDeliveriesSummary> {
  const { config } = deps;
  const summary: SendWebhookDeliveriesSummary = { claimed: 0, delivered: 0, retrying: 0, failed: 0 };
  if (deps.signal?.aborted) return summary;
  const nowMs = deps.clock.now();
  // The last delivery of the batch starts after at most ceil(batch / concurrency) attempts of
  // webhookAttemptTimeoutMs each; one more leaves room to record the results. Until then no other
  // process takes the batch's deliveries.
  const leaseMs = (Math.ceil(config.webhookSendBatchSize / Math.max(1, config.webhookSendConcurrencyMax)) + 1) * config.webhookAttemptTimeoutMs;
  const claimed = await pgQuery<ClaimedDelivery>(
    em,
    `with due as (
       select d.id from webhook_delivery d join webhook_endpoint ep on ep.id = d.endpoint_id
        where d.status = 'PENDING' and d.next_attempt_at <= to_timestamp($1::float8 / 1000) and ep.enabled
        order by d.next_attempt_at, d.position
        limit $3
        for update of d skip locked)
     update webhook_delivery d set next_attempt_at = to_timestamp(($1::float8 + $2::float8) / 1000)
       from due, webhook_endpoint ep, webhook_event e
      where d.id = due.id and ep.id = d.endpoint_id and e.id = d.event_id
     returning d.id, d.attempt_count, (extract(epoch from d.deliver_until) * 1000)::float8 as deliver_until_ms, ep.url, ep.secret, e.id as event_id, e.body`,
    [nowMs, leaseMs, config.webhookSendBatchSize],
  );
  summary.claimed = claimed.length;
  let next = 0;
  const worker = async () => {
    while (next < claimed.length) {
      const delivery = claimed[next++]!;
      const outcome = await attempt(em, deps, delivery);
      if (outcome !== 'released') summary[outcome] += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(config.webhookSendConcurrencyMax, claimed.length) }, worker));
  return summary;
}

/** POSTs one claimed delivery and records the attempt and the delivery's new state. */
async function attempt(em: EntityManager, deps: SendWebhookDeliveriesDeps, delivery: ClaimedDelivery): Promise<'delivered' | 'retrying' | 'failed' | 'released'> {
  const { config } = deps;
  const attemptedAtMs = deps.clock.now();
  const result: WebhookPostResult = await postWebhook({
    url: delivery.url,
    body: delivery.body,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'User-Agent': WEBHOOK_USER_AGENT,
      [WEBHOOK_SIGNATURE_HEADER]: webhookSignatureHeader(delivery.body, delivery.secret, Math.floor(attemptedAtMs / 1000)),
      [WEBHOOK_EVENT_ID_HEADER]: delivery.event_id,
    },
    timeoutMs: config.webhookAttemptTimeoutMs,
    responseBodyCharsMax: config.webhookResponseBodyCharsMax,
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  const nowMs = deps.clock.now();
  if (result.aborted) {
    // Stopping: the attempt did not finish, so it is not logged; the delivery is due again at once.
    await pgQuery(em, `update webhook_delivery set next_attempt_at = to_timestamp($2::float8 / 1000) where id = $1 and status = 'PENDING'`, [delivery.id, nowMs]);
    return 'released';
  }
  const succeeded = result.statusCode !== null && result.statusCode >= 200 && result.statusCode <= 299;
  const attemptsMade = delivery.attempt_count + 1;
  const deliverUntilMs = Math.round(delivery.deliver_until_ms);
  let outcome: 'delivered' | 'retrying' | 'failed';
  let nextAttemptMs: number | null = null;
  if (succeeded) outcome = 'delivered';
  else if (nowMs >= deliverUntilMs) outcome = 'failed';
  else {
    outcome = 'retrying';
    nextAttemptMs = Math.min(nowMs + webhookRetryDelayMs(attemptsMade, config), deliverUntilMs);
  }
  const status = outcome === 'delivered' ? 'DELIVERED' : outcome === 'failed' ? 'FAILED' : 'PENDING';
  await pgTransaction(em, async (query) => {
    // A delivery deleted with its endpoint meanwhile is gone: nothing to record.
    const [updated] = await query<{ id: string }>(
      `update webhook_delivery set status = $2, attempt_count = attempt_count + 1,
              next_attempt_at = case when $3::float8 is null then null else to_timestamp($3::float8 / 1000) end,
              delivered_at = case when $2 = 'DELIVERED' then to_timestamp($4::float8 / 1000) else delivered_at end,
              updated_at = to_timestamp($4::float8 / 1000)
        where id = $1
        returning id`,
      [delivery.id, status, nextAttemptMs, nowMs],
    );
    if (!updated) return;
    await query(
      `insert into webhook_attempt (delivery_id, attempted_at, status_code, error, response_body, duration_ms, succeeded)
       values ($1, to_timestamp($2::float8 / 1000), $3, $4, $5, $6, $7)`,
      [delivery.id, attemptedAtMs, result.statusCode, result.error, result.responseBody, result.durationMs, succeeded],
    );
  });
  return outcome;
}
