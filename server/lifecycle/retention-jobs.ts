import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import { pgQuery, pgTransaction, type PgQuery } from '../database/pg-transaction.js';
import type { OutboxPosition } from '../events/outbox-tail.js';
import type { LifecycleJob } from './lifecycle-jobs.js';

/** The shortest idempotency-key retention the server accepts, in milliseconds (Stripe's 24 h). */
export const IDEMPOTENCY_KEY_RETENTION_MS_MIN = 86_400_000;

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
  for (const name of ['webhookDeliveryRetentionMs', 'mailRetentionMs', 'alertRetentionMs', 'expiredCredentialRetentionMs', 'outboxResumeWindowMs'] as const) {
    if (!(Number.isInteger(config[name]) && config[name] >= 0)) throw new Error(`${name} must be a non-negative integer, got ${config[name]}`);
  }
}

/** What this process reads that the database does not record: its live readers' positions. */
export interface LiveReaders {
  /** The outbox tail's position (everything at or before it has been handed out here). */
  outboxPosition(): OutboxPosition;
  /** The alert feed's position (the last alert id handed out here). */
  alertPosition(): bigint;
}

const iso = (ms: number) => new Date(ms).toISOString();

async function count(query: PgQuery, text: string, values: unknown[]): Promise<number> {
  const [row] = await query<{ count: number }>(`with deleted as (${text} returning 1) select count(*)::int as count from deleted`, values);
  return row!.count;
}

/**
 * Deletes callers' idempotency keys recorded before `nowMs − idempotencyKeyRetentionMs`, oldest
 * first, at most `retentionBatchSize`. The server's own keys (`spendwire:…`) stay: they mark its
 * own postings (a call's cost, an SMS, a number's period) as done, and recovery paths read them.
 * The ledger rows a key points at stay. After the window a reused key is a new request.
 */
export async function pruneIdempotencyKeys(em: EntityManager, settings: RetentionSettings, nowMs: number): Promise<{ idempotencyKeys: number }> {
  const idempotencyKeys = await count(
    (text, values) => pgQuery(em, text, values),
    `delete from idempotency_key k using (
       select account_id, key from idempotency_key
        where key not like 'spendwire:%' and created_at < $1::timestamptz
        order by created_at limit $2) d
      where k.account_id = d.account_id and k.key = d.key`,
    [iso(nowMs - settings.idempotencyKeyRetentionMs), settings.retentionBatchSize],
  );
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
  const cutoff = iso(nowMs - settings.webhookDeliveryRetentionMs);
  const { deliveries, attempts } = await pgTransaction(em, async (query) => {
    const doomed = await query<{ id: string }>(
      `select id from webhook_delivery where status = 'DELIVERED' and delivered_at < $1::timestamptz
        order by delivered_at limit $2 for update skip locked`,
      [cutoff, settings.retentionBatchSize],
    );
    if (doomed.length === 0) return { deliveries: 0, attempts: 0 };
    const ids = doomed.map((row) => row.id);
    const attempts = await count(query, `delete from webhook_attempt where delivery_id = any($1::uuid[])`, [ids]);
    const deliveries = await count(query, `delete from webhook_delivery where id = any($1::uuid[])`, [ids]);
    return { deliveries, attempts };
  });
  const events = await pgTransaction(em, async (query) => {
    // FOR UPDATE conflicts with the key-share lock a new delivery of the event takes: a replay
    // queuing it at this moment is either seen (kept) or skipped.
    const doomed = await query<{ id: string }>(
      `select e.id from webhook_event e
        where e.created_at < $1::timestamptz and not exists (select 1 from webhook_delivery d where d.event_id = e.id)
        order by e.created_at limit $2 for update skip locked`,
      [cutoff, settings.retentionBatchSize],
    );
    if (doomed.length === 0) return 0;
    return count(
      query,
      `delete from webhook_event e where e.id = any($1::text[]) and not exists (select 1 from webhook_delivery d where d.event_id = e.id)`,
      [doomed.map((row) => row.id)],
    );
  });
  return { deliveries, attempts, events };
}

/**
 * Deletes mails SENT before `nowMs − mailRetentionMs`, and FAILED mails created before it (both
 * final), at most `retentionBatchSize`. PENDING mails stay.
 */
export async function pruneMails(em: EntityManager, settings: RetentionSettings, nowMs: number): Promise<{ mails: number }> {
  const mails = await count(
    (text, values) => pgQuery(em, text, values),
    `delete from email_message where id in (
       select id from email_message
        where (status = 'SENT' and sent_at < $1::timestamptz) or (status = 'FAILED' and created_at < $1::timestamptz)
        order by id limit $2)`,
    [iso(nowMs - settings.mailRetentionMs), settings.retentionBatchSize],
  );
  return { mails };
}

/**
 * Deletes alerts acknowledged before `nowMs − alertRetentionMs` (at most `retentionBatchSize`) that
 * every alert reader has passed (the `alert_reader` rows: mail, webhooks; and this process's
 * alert feed) and that no mail refers to; records the highest id deleted in `retention_floor`, so
 * that an alertRaised resume from below it answers RESUME_WINDOW_EXCEEDED. Unacknowledged alerts
 * stay. Then deletes the stopped calls already gathered into a CALLS_STOPPED alert and seen before
 * the same cutoff (at most `retentionBatchSize`). Webhook events of an alert keep their own copy.
 */
export async function pruneAlerts(
  em: EntityManager,
  settings: RetentionSettings,
  nowMs: number,
  live: Pick<LiveReaders, 'alertPosition'>,
): Promise<{ alerts: number; stoppedCalls: number }> {
  const cutoff = iso(nowMs - settings.alertRetentionMs);
  const alerts = await pgTransaction(em, async (query) => {
    await query(`select set_config('spendwire.alert_retention_before', $1, true)`, [cutoff]);
    const [deleted] = await query<{ count: number; position: string | null }>(
      `with readers as (select min(p) as position from (select alert_id as p from alert_reader union all select $3::bigint) r),
       deleted as (
         delete from alert where id in (
           select a.id from alert a, readers r
            where a.acknowledged_at < $1::timestamptz and a.id <= r.position
              and not exists (select 1 from email_message m where m.alert_id = a.id)
            order by a.acknowledged_at limit $2)
         returning id)
       select count(*)::int as count, max(id)::text as position from deleted`,
      [cutoff, settings.retentionBatchSize, live.alertPosition().toString()],
    );
    if (deleted!.position !== null) {
      await query(
        `insert into retention_floor (name, position) values ('alerts', $1)
         on conflict (name) do update set position = greatest(retention_floor.position, excluded.position)`,
        [deleted!.position],
      );
    }
    return deleted!.count;
  });
  const stoppedCalls = await count(
    (text, values) => pgQuery(em, text, values),
    `delete from alert_stopped_call where call_id in (
       select call_id from alert_stopped_call where alerted and seen_at < $1::timestamptz order by seen_at limit $2)`,
    [cutoff, settings.retentionBatchSize],
  );
  return { alerts, stoppedCalls };
}

/**
 * Deletes sessions and invitations that expired before `nowMs − expiredCredentialRetentionMs`
 * (at most `retentionBatchSize` of each), whether used, revoked or not: the user row records a
 * membership, not its invitation.
 */
export async function pruneExpiredCredentials(em: EntityManager, settings: RetentionSettings, nowMs: number): Promise<{ sessions: number; invitations: number }> {
  const values = [iso(nowMs - settings.expiredCredentialRetentionMs), settings.retentionBatchSize];
  const query: PgQuery = (text, params) => pgQuery(em, text, params);
  const sessions = await count(
    query,
    `delete from user_session where id in (select id from user_session where expires_at < $1::timestamptz order by expires_at limit $2)`,
    values,
  );
  const invitations = await count(
    query,
    `delete from user_invitation where id in (select id from user_invitation where expires_at < $1::timestamptz order by expires_at limit $2)`,
    values,
  );
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
  const cutoff = iso(nowMs - settings.outboxResumeWindowMs);
  const position = live.outboxPosition();
  const outboxEvents = await pgTransaction(em, async (query) => {
    // Ordered by the xid8 and bigint columns themselves (p.…), not by their text output: '1000' < '999'.
    const [lowest] = await query<{ tx_id: string; id: string }>(
      `select p.tx_id::text as tx_id, p.id::text as id from (
         select tx_id, event_id as id from outbox_consumer union all select $1::xid8, $2::bigint) p
        order by p.tx_id, p.id limit 1`,
      [position.txId, position.id],
    );
    const head = await query<{ tx_id: string; id: string; expired: boolean }>(
      `select e.tx_id::text as tx_id, e.id::text as id, e.created_at < $1::timestamptz as expired from outbox_event e
        where (e.tx_id, e.id) <= ($2::xid8, $3::bigint) order by e.tx_id, e.id limit $4`,
      [cutoff, lowest!.tx_id, lowest!.id, settings.retentionBatchSize],
    );
    let last: { tx_id: string; id: string } | undefined;
    for (const row of head) {
      if (!row.expired) break;
      last = row;
    }
    if (!last) return 0;
    await query(`select set_config('spendwire.outbox_retention_before', $1, true)`, [cutoff]);
    const deleted = await count(query, `delete from outbox_event where (tx_id, id) <= ($1::xid8, $2::bigint)`, [last.tx_id, last.id]);
    await query(
      `insert into retention_floor (name, before_at) values ('outbox', $1::timestamptz)
       on conflict (name) do update set before_at = greatest(retention_floor.before_at, excluded.before_at)`,
      [cutoff],
    );
    return deleted;
  });
  return { outboxEvents };
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
