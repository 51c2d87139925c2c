import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { transaction } from '../../database/sql.js';
import type { Clock } from '../calls/clock.js';
import { postWebhook, type WebhookPostResult } from './post-webhook.js';
import { WEBHOOK_EVENT_ID_HEADER, WEBHOOK_SIGNATURE_HEADER, webhookSignatureHeader } from './webhook-signature.js';
import type { WebhookTargetDeps } from './webhook-target.js';
import {
  claimDueDeliveries,
  insertAttempt,
  lockDeliveryClaims,
  markEndpointsClaimed,
  recordDeliveryOutcome,
  releaseDelivery,
} from './webhooks.queries.js';

/** What {@link sendWebhookDeliveries} and its parts need besides the database. */
export interface SendWebhookDeliveriesDeps extends WebhookTargetDeps {
  clock: Clock;
  config: Pick<
    Config,
    | 'webhookSendConcurrencyMax'
    | 'webhookAttemptTimeoutMs'
    | 'webhookRetryDelayInitialMs'
    | 'webhookRetryDelayMaxMs'
    | 'webhookAllowPrivateTargets'
    | 'webhookInFlightPerEndpointMax'
    | 'webhookInFlightPerAccountMax'
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
export function webhookRetryDelayMs(
  attemptsMade: number,
  config: Pick<Config, 'webhookRetryDelayInitialMs' | 'webhookRetryDelayMaxMs'>,
): number {
  const doublings = Math.min(Math.max(attemptsMade - 1, 0), 40);
  return Math.min(config.webhookRetryDelayInitialMs * 2 ** doublings, config.webhookRetryDelayMaxMs);
}

/** A delivery taken by one process for one attempt, with what the attempt needs. */
export interface ClaimedDelivery {
  id: string;
  attempt_count: number;
  deliver_until_ms: number;
  url: string;
  secret: string;
  event_id: string;
  body: string;
}

/** How one attempt ended for the delivery: `released` when the process stopped mid-attempt (not logged). */
export type WebhookAttemptOutcome = 'delivered' | 'retrying' | 'failed' | 'released';

/**
 * How long a claimed delivery stays reserved to the process that claimed it, in milliseconds: the
 * attempt's own timeout plus as much again to record its result. A process that dies mid-attempt
 * leaves the delivery to be taken again when the lease ends (at least once).
 */
export function webhookLeaseMs(config: Pick<Config, 'webhookAttemptTimeoutMs'>): number {
  return 2 * config.webhookAttemptTimeoutMs;
}

/**
 * Claims up to `slots` due deliveries of enabled endpoints for this process, fairly:
 *
 * - never more than `webhookInFlightPerEndpointMax` attempts in flight per endpoint, nor
 *   `webhookInFlightPerAccountMax` per account, counting every process's leases;
 * - round-robin: an account's n-th delivery in flight (counting those already in flight) is taken
 *   only after every other account with work has had its n-th, and among equals the account served
 *   least recently goes first; within an account the same between its endpoints; within an endpoint
 *   the oldest due first.
 *
 * So a tenant whose endpoints hang holds at most its per-account share of the slots, and when
 * every slot is busy the next one that frees up goes to the tenant with the fewest in flight: a
 * new tenant's due delivery starts within one attempt timeout (`webhookAttemptTimeoutMs`, the
 * longest an attempt can hold its slot) plus one sender wake-up.
 *
 * One transaction under an advisory lock, so concurrent processes count each other's claims
 * exactly; the lock is held for this statement only, never across the network. Each claimed
 * delivery gets a lease ({@link webhookLeaseMs}) in `leased_until` and `next_attempt_at`.
 */
export async function claimWebhookDeliveries(
  em: EntityManager,
  deps: Pick<SendWebhookDeliveriesDeps, 'clock' | 'config'>,
  slots: number,
): Promise<ClaimedDelivery[]> {
  const { config } = deps;
  if (slots <= 0) return [];
  const nowMs = deps.clock.now();
  return transaction(em, async (tx) => {
    await lockDeliveryClaims.all(tx);
    const claimed = await claimDueDeliveries.all(tx, {
      nowMs,
      leaseMs: webhookLeaseMs(config),
      slots,
      inFlightPerEndpointMax: config.webhookInFlightPerEndpointMax,
      inFlightPerAccountMax: config.webhookInFlightPerAccountMax,
    });
    if (claimed.length > 0) {
      await markEndpointsClaimed.run(tx, { endpointIds: [...new Set(claimed.map((row) => row.endpoint_id))], nowMs });
    }
    return claimed.map(({ endpoint_id: _endpointId, ...delivery }) => delivery);
  });
}

/**
 * One pass of the sender: claims up to `webhookSendConcurrencyMax` due deliveries fairly
 * ({@link claimWebhookDeliveries}) and attempts them all at once ({@link attemptWebhookDelivery}).
 * The running server does not use passes: its sender refills each slot as it frees up
 * (`WebhookJobs`); this is the same work driven by hand (tests, tools).
 */
export async function sendWebhookDeliveries(em: EntityManager, deps: SendWebhookDeliveriesDeps): Promise<SendWebhookDeliveriesSummary> {
  const summary: SendWebhookDeliveriesSummary = { claimed: 0, delivered: 0, retrying: 0, failed: 0 };
  if (deps.signal?.aborted) return summary;
  const claimed = await claimWebhookDeliveries(em, deps, deps.config.webhookSendConcurrencyMax);
  summary.claimed = claimed.length;
  const outcomes = await Promise.all(claimed.map((delivery) => attemptWebhookDelivery(em, deps, delivery)));
  for (const outcome of outcomes) if (outcome !== 'released') summary[outcome] += 1;
  return summary;
}

/**
 * POSTs one claimed delivery, signed now, and records the attempt and the delivery's new state:
 * 2xx → DELIVERED; anything else (3xx included: redirects are not followed) → retried after
 * {@link webhookRetryDelayMs}, never later than its `deliver_until`, and FAILED when an attempt at or
 * after `deliver_until` fails. The host is resolved and checked again on every attempt, so a URL
 * that now resolves to a non-public address fails with FORBIDDEN_TARGET without a byte sent. The
 * log keeps the status, the duration and the error's class, never the answer's body.
 */
export async function attemptWebhookDelivery(
  em: EntityManager,
  deps: SendWebhookDeliveriesDeps,
  delivery: ClaimedDelivery,
): Promise<WebhookAttemptOutcome> {
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
    allowPrivateTargets: config.webhookAllowPrivateTargets,
    resolveHost: deps.resolveHost,
    signal: deps.signal,
  });
  const nowMs = deps.clock.now();
  if (result.aborted) {
    // Stopping: the attempt did not finish, so it is not logged; the delivery is due again at once.
    await releaseDelivery.run(em, { deliveryId: delivery.id, nowMs });
    return 'released';
  }
  const succeeded = result.error === null;
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
  await transaction(em, async (tx) => {
    // A delivery deleted with its endpoint meanwhile is gone: nothing to record.
    const updated = await recordDeliveryOutcome.maybeOne(tx, { deliveryId: delivery.id, status, nextAttemptMs, nowMs });
    if (!updated) return;
    await insertAttempt.run(tx, {
      deliveryId: delivery.id,
      attemptedAtMs,
      statusCode: result.statusCode,
      error: result.error,
      durationMs: result.durationMs,
      succeeded,
    });
  });
  return outcome;
}
