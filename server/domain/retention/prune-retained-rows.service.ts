/**
 * The retention jobs' operations: each deletes, in bounded batches, what is past its retention.
 * The lifecycle runs them on a timer (lifecycle/retention-jobs.ts).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { transaction } from '../../database/sql.js';
import type { OutboxPosition } from '../outbox/outbox.queries.js';
import {
  deleteAcknowledgedAlertsBefore,
  deleteAlertedStoppedCallsBefore,
  deleteFinishedMailsBefore,
  deleteIdempotencyKeysBefore,
  deleteInvitationsExpiredBefore,
  deleteOutboxUpTo,
  deleteSessionsExpiredBefore,
  deleteWebhookAttemptsOf,
  deleteWebhookDeliveries,
  deleteWebhookEventsWithoutDelivery,
  lockDeliveredWebhookDeliveriesBefore,
  lockUndeliverableWebhookEventsBefore,
  raiseAlertRetentionFloor,
  raiseOutboxRetentionFloor,
  selectLowestOutboxReader,
  selectOutboxPrefix,
  setAlertRetentionCutoff,
  setOutboxRetentionCutoff,
} from './retention.queries.js';

/** The settings the retention jobs read. */
export type RetentionSettings = Pick<
  Config,
  | 'retentionBatchSize'
  | 'idempotencyKeyRetentionMs'
  | 'webhookDeliveryRetentionMs'
  | 'mailRetentionMs'
  | 'alertRetentionMs'
  | 'expiredCredentialRetentionMs'
  | 'outboxResumeWindowMs'
>;

/** What this process reads that the database does not record: its live readers' positions. */
export interface LiveReaders {
  /** The outbox tail's position (everything at or before it has been handed out here). */
  outboxPosition(): OutboxPosition;
  /** The alert feed's position (the last alert id handed out here). */
  alertPosition(): bigint;
  /** The acknowledgement feed's position (the last acknowledgement position handed out here); 0 when not told. */
  acknowledgementPosition?(): bigint;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Deletes callers' idempotency keys recorded before `nowMs − idempotencyKeyRetentionMs`, oldest
 * first, at most `retentionBatchSize`. The server's own keys (`spendwire:…`) stay: they mark its
 * own postings (a call's cost, an SMS, a number's period) as done, and recovery paths read them.
 * The ledger rows a key points at stay. After the window a reused key is a new request.
 */
export async function pruneIdempotencyKeys(
  em: EntityManager,
  settings: RetentionSettings,
  nowMs: number,
): Promise<{ idempotencyKeys: number }> {
  const before = iso(nowMs - settings.idempotencyKeyRetentionMs);
  const idempotencyKeys = await deleteIdempotencyKeysBefore.run(em, { before, limit: settings.retentionBatchSize });
  return { idempotencyKeys };
}

/**
 * Deletes DELIVERED webhook deliveries delivered before `nowMs − webhookDeliveryRetentionMs` with
 * their attempts (at most `retentionBatchSize` deliveries), then events created before that with
 * no delivery left (at most `retentionBatchSize`). PENDING and FAILED deliveries, and their events,
 * stay (a FAILED one may still be replayed). Rows a replay is changing at that moment are skipped.
 */
export async function pruneWebhookDeliveries(
  em: EntityManager,
  settings: RetentionSettings,
  nowMs: number,
): Promise<{ deliveries: number; attempts: number; events: number }> {
  const window = { before: iso(nowMs - settings.webhookDeliveryRetentionMs), limit: settings.retentionBatchSize };
  const { deliveries, attempts } = await transaction(em, async (tx) => {
    const deliveryIds = (await lockDeliveredWebhookDeliveriesBefore.all(tx, window)).map((row) => row.id);
    if (deliveryIds.length === 0) return { deliveries: 0, attempts: 0 };
    const attempts = await deleteWebhookAttemptsOf.run(tx, { deliveryIds });
    return { deliveries: await deleteWebhookDeliveries.run(tx, { deliveryIds }), attempts };
  });
  const events = await transaction(em, async (tx) => {
    const eventIds = (await lockUndeliverableWebhookEventsBefore.all(tx, window)).map((row) => row.id);
    return eventIds.length === 0 ? 0 : deleteWebhookEventsWithoutDelivery.run(tx, { eventIds });
  });
  return { deliveries, attempts, events };
}

/**
 * Deletes mails SENT before `nowMs − mailRetentionMs`, and FAILED mails created before it (both
 * final), at most `retentionBatchSize`. PENDING mails stay.
 */
export async function pruneMails(em: EntityManager, settings: RetentionSettings, nowMs: number): Promise<{ mails: number }> {
  const mails = await deleteFinishedMailsBefore.run(em, {
    before: iso(nowMs - settings.mailRetentionMs),
    limit: settings.retentionBatchSize,
  });
  return { mails };
}

/**
 * Deletes alerts acknowledged before `nowMs − alertRetentionMs` (at most `retentionBatchSize`) that
 * every alert reader has passed (the `alert_reader` rows: mail, webhooks; and this process's
 * alert feed, and this process's acknowledgement feed) and that no mail refers to; records the
 * highest id deleted in `retention_floor` 'alerts' and the highest acknowledgement position deleted
 * in 'alert_acknowledgements', so that an alertRaised or alertAcknowledged resume from below it
 * answers RESUME_WINDOW_EXCEEDED. Unacknowledged alerts
 * stay. Then deletes the stopped calls already gathered into a CALLS_STOPPED alert and seen before
 * the same cutoff (at most `retentionBatchSize`). Webhook events of an alert keep their own copy.
 */
export async function pruneAlerts(
  em: EntityManager,
  settings: RetentionSettings,
  nowMs: number,
  live: Pick<LiveReaders, 'alertPosition' | 'acknowledgementPosition'>,
): Promise<{ alerts: number; stoppedCalls: number }> {
  const before = iso(nowMs - settings.alertRetentionMs);
  const alerts = await transaction(em, async (tx) => {
    await setAlertRetentionCutoff.one(tx, { before });
    const deleted = await deleteAcknowledgedAlertsBefore.one(tx, {
      before,
      limit: settings.retentionBatchSize,
      livePosition: live.alertPosition(),
      liveAcknowledgementPosition: live.acknowledgementPosition?.() ?? 0n,
    });
    if (deleted.position !== null) await raiseAlertRetentionFloor.run(tx, { name: 'alerts', position: deleted.position });
    if (deleted.acknowledgement_position !== null)
      await raiseAlertRetentionFloor.run(tx, { name: 'alert_acknowledgements', position: deleted.acknowledgement_position });
    return deleted.count;
  });
  const stoppedCalls = await deleteAlertedStoppedCallsBefore.run(em, { before, limit: settings.retentionBatchSize });
  return { alerts, stoppedCalls };
}

/**
 * Deletes sessions and invitations that expired before `nowMs − expiredCredentialRetentionMs`
 * (at most `retentionBatchSize` of each), whether used, revoked or not: the user row records a
 * membership, not its invitation.
 */
export async function pruneExpiredCredentials(
  em: EntityManager,
  settings: RetentionSettings,
  nowMs: number,
): Promise<{ sessions: number; invitations: number }> {
  const window = { before: iso(nowMs - settings.expiredCredentialRetentionMs), limit: settings.retentionBatchSize };
  const sessions = await deleteSessionsExpiredBefore.run(em, window);
  const invitations = await deleteInvitationsExpiredBefore.run(em, window);
  return { sessions, invitations };
}

/**
 * Deletes the oldest outbox rows, at most `retentionBatchSize`, that every reader has passed and
 * that are older than the resume window: a prefix in position order, up to the lowest of the
 * durable consumers' positions (`outbox_consumer`: alerts, mail, webhooks) and this process's tail
 * position, and only while each row was created before `nowMs − outboxResumeWindowMs`. No row can
 * later appear below a reader's position (readers stop below the oldest running transaction), so
 * the prefix is final. The job's transaction sets the cutoff the append-only trigger checks, and
 * records it in `retention_floor` (wallet transactions created before it may have lost their
 * outbox row; their own rows stay). Another process's live tail is not known here: it is assumed
 * to be within the window (a tail follows the head within a poll interval).
 */
export async function pruneOutbox(
  em: EntityManager,
  settings: RetentionSettings,
  nowMs: number,
  live: Pick<LiveReaders, 'outboxPosition'>,
): Promise<{ outboxEvents: number }> {
  const before = iso(nowMs - settings.outboxResumeWindowMs);
  const position = live.outboxPosition();
  const outboxEvents = await transaction(em, async (tx) => {
    const lowest = await selectLowestOutboxReader.one(tx, { txId: position.txId, id: position.id });
    const prefix = await selectOutboxPrefix.all(tx, { before, txId: lowest.tx_id, id: lowest.id, limit: settings.retentionBatchSize });
    let last: { tx_id: string; id: string } | undefined;
    for (const row of prefix) {
      if (!row.expired) break;
      last = row;
    }
    if (!last) return 0;
    await setOutboxRetentionCutoff.one(tx, { before });
    const deleted = await deleteOutboxUpTo.run(tx, { txId: last.tx_id, id: last.id });
    await raiseOutboxRetentionFloor.run(tx, { before });
    return deleted;
  });
  return { outboxEvents };
}
