import type { EntityManager } from '@mikro-orm/postgresql';
import {
  pruneAlerts,
  pruneExpiredCredentials,
  pruneIdempotencyKeys,
  pruneMails,
  pruneOutbox,
  pruneWebhookDeliveries,
  type LiveReaders,
  type RetentionSettings,
} from '../domain/retention/prune-retained-rows.service.js';
import type { LifecycleJob } from './lifecycle-jobs.js';

export {
  pruneAlerts,
  pruneExpiredCredentials,
  pruneIdempotencyKeys,
  pruneMails,
  pruneOutbox,
  pruneWebhookDeliveries,
  type LiveReaders,
  type RetentionSettings,
} from '../domain/retention/prune-retained-rows.service.js';

/** The shortest idempotency-key retention the server accepts, in milliseconds (Stripe's 24 h). */
export const IDEMPOTENCY_KEY_RETENTION_MS_MIN = 86_400_000;

/**
 * Refuses settings that would break a promise: idempotency keys kept less than 24 h, a batch
 * below one row, a negative period.
 * @throws Error naming the setting; called at start, before anything runs.
 */
export function checkRetentionSettings(config: RetentionSettings): void {
  if (!(config.idempotencyKeyRetentionMs >= IDEMPOTENCY_KEY_RETENTION_MS_MIN)) {
    throw new Error(
      `idempotencyKeyRetentionMs (IDEMPOTENCY_KEY_RETENTION_MS) must be at least ${IDEMPOTENCY_KEY_RETENTION_MS_MIN} (24 h), got ${config.idempotencyKeyRetentionMs}`,
    );
  }
  if (!(Number.isInteger(config.retentionBatchSize) && config.retentionBatchSize >= 1)) {
    throw new Error(`retentionBatchSize must be a positive integer, got ${config.retentionBatchSize}`);
  }
  for (const name of [
    'webhookDeliveryRetentionMs',
    'mailRetentionMs',
    'alertRetentionMs',
    'expiredCredentialRetentionMs',
    'outboxResumeWindowMs',
  ] as const) {
    if (!(Number.isInteger(config[name]) && config[name] >= 0))
      throw new Error(`${name} must be a non-negative integer, got ${config[name]}`);
  }
}

/** The retention jobs, in the order a pass runs them; each on its own fork. */
export function retentionJobsOf(em: EntityManager, settings: RetentionSettings, live: LiveReaders): LifecycleJob[] {
  return [
    { name: 'idempotencyKeys', run: (nowMs) => pruneIdempotencyKeys(em.fork(), settings, nowMs) },
    { name: 'webhookDeliveries', run: (nowMs) => pruneWebhookDeliveries(em.fork(), settings, nowMs) },
    { name: 'mails', run: (nowMs) => pruneMails(em.fork(), settings, nowMs) },
    { name: 'alerts', run: (nowMs) => pruneAlerts(em.fork(), settings, nowMs, live) },
    { name: 'expiredCredentials', run: (nowMs) => pruneExpiredCredentials(em.fork(), settings, nowMs) },
    { name: 'outbox', run: (nowMs) => pruneOutbox(em.fork(), settings, nowMs, live) },
  ];
}
