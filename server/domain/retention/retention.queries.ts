/**
 * The retention jobs' statements: each deletes at most `limit` rows past their retention, oldest
 * first (a DELETE's row count is what was deleted).
 */
import { sql } from '../../database/sql.js';

/** Callers' idempotency keys before a cutoff; the server's own keys (`spendwire:…`) stay. */
export const deleteIdempotencyKeysBefore = sql<Record<string, never>, { before: string; limit: number }>(
  `delete from idempotency_key k using (
     select account_id, key from idempotency_key
      where key not like 'spendwire:%' and created_at < :before::timestamptz
      order by created_at limit :limit) d
    where k.account_id = d.account_id and k.key = d.key`,
);

/** DELIVERED webhook deliveries delivered before a cutoff, locked; rows a replay holds are skipped. */
export const lockDeliveredWebhookDeliveriesBefore = sql<{ id: string }, { before: string; limit: number }>(
  `select id from webhook_delivery where status = 'DELIVERED' and delivered_at < :before::timestamptz
    order by delivered_at limit :limit for update skip locked`,
);

export const deleteWebhookAttemptsOf = sql<Record<string, never>, { deliveryIds: string[] }>(
  `delete from webhook_attempt where delivery_id = any(:deliveryIds::uuid[])`,
);

export const deleteWebhookDeliveries = sql<Record<string, never>, { deliveryIds: string[] }>(
  `delete from webhook_delivery where id = any(:deliveryIds::uuid[])`,
);

/**
 * Webhook events created before a cutoff with no delivery left, locked: FOR UPDATE conflicts with
 * the key-share lock a new delivery of the event takes, so a replay queuing it now is either seen
 * (kept) or skipped.
 */
export const lockUndeliverableWebhookEventsBefore = sql<{ id: string }, { before: string; limit: number }>(
  `select e.id from webhook_event e
    where e.created_at < :before::timestamptz and not exists (select 1 from webhook_delivery d where d.event_id = e.id)
    order by e.created_at limit :limit for update skip locked`,
);

export const deleteWebhookEventsWithoutDelivery = sql<Record<string, never>, { eventIds: string[] }>(
  `delete from webhook_event e where e.id = any(:eventIds::text[]) and not exists (select 1 from webhook_delivery d where d.event_id = e.id)`,
);

/** SENT mails sent before a cutoff and FAILED mails created before it (both final); PENDING mails stay. */
export const deleteFinishedMailsBefore = sql<Record<string, never>, { before: string; limit: number }>(
  `delete from email_message where id in (
     select id from email_message
      where (status = 'SENT' and sent_at < :before::timestamptz) or (status = 'FAILED' and created_at < :before::timestamptz)
      order by id limit :limit)`,
);

/** Tells the append-only trigger of `alert` the cutoff of this transaction's deletes. */
export const setAlertRetentionCutoff = sql<{ set_config: string }, { before: string }>(
  `select set_config('spendwire.alert_retention_before', :before, true)`,
);

/**
 * Alerts acknowledged before a cutoff that every alert reader (the `alert_reader` rows, and this
 * process's feed at `livePosition`) has passed, whose acknowledgement this process's acknowledgement
 * feed has passed (`liveAcknowledgementPosition`; 0: not checked), and no mail refers to: how many,
 * the highest id and the highest acknowledgement position.
 */
export const deleteAcknowledgedAlertsBefore = sql<
  { count: number; position: string | null; acknowledgement_position: string | null },
  { before: string; limit: number; livePosition: bigint; liveAcknowledgementPosition: bigint }
>(
  `with readers as (select min(p) as position from (select alert_id as p from alert_reader union all select :livePosition::bigint) r),
   deleted as (
     delete from alert where id in (
       select a.id from alert a, readers r
        where a.acknowledged_at < :before::timestamptz and a.id <= r.position
          and (:liveAcknowledgementPosition::bigint = 0 or a.acknowledgement_position <= :liveAcknowledgementPosition)
          and not exists (select 1 from email_message m where m.alert_id = a.id)
        order by a.acknowledged_at limit :limit)
     returning id, acknowledgement_position)
   select count(*)::int as count, max(id)::text as position, max(acknowledgement_position)::text as acknowledgement_position from deleted`,
);

/** Raises an alert feed's retention floor ('alerts': the highest id deleted; 'alert_acknowledgements': the highest acknowledgement position) to `position`. */
export const raiseAlertRetentionFloor = sql<Record<string, never>, { name: 'alerts' | 'alert_acknowledgements'; position: string }>(
  `insert into retention_floor (name, position) values (:name, :position)
   on conflict (name) do update set position = greatest(retention_floor.position, excluded.position)`,
);

/** Stopped calls already gathered into a CALLS_STOPPED alert and seen before a cutoff. */
export const deleteAlertedStoppedCallsBefore = sql<Record<string, never>, { before: string; limit: number }>(
  `delete from alert_stopped_call where call_id in (
     select call_id from alert_stopped_call where alerted and seen_at < :before::timestamptz order by seen_at limit :limit)`,
);

export const deleteSessionsExpiredBefore = sql<Record<string, never>, { before: string; limit: number }>(
  `delete from user_session where id in (select id from user_session where expires_at < :before::timestamptz order by expires_at limit :limit)`,
);

export const deleteInvitationsExpiredBefore = sql<Record<string, never>, { before: string; limit: number }>(
  `delete from user_invitation where id in (select id from user_invitation where expires_at < :before::timestamptz order by expires_at limit :limit)`,
);

/** The lowest outbox position among the durable consumers and this process's tail (`txId`, `id`). */
export const selectLowestOutboxReader = sql<{ tx_id: string; id: string }, { txId: string; id: string }>(
  // Ordered by the xid8 and bigint columns themselves (p.…), not by their text output: '1000' < '999'.
  `select p.tx_id::text as tx_id, p.id::text as id from (
     select tx_id, event_id as id from outbox_consumer union all select :txId::xid8, :id::bigint) p
    order by p.tx_id, p.id limit 1`,
);

/** The oldest outbox rows up to a position, in position order, each saying whether it was created before a cutoff. */
export const selectOutboxPrefix = sql<
  { tx_id: string; id: string; expired: boolean },
  { before: string; txId: string; id: string; limit: number }
>(
  `select e.tx_id::text as tx_id, e.id::text as id, e.created_at < :before::timestamptz as expired from outbox_event e
    where (e.tx_id, e.id) <= (:txId::xid8, :id::bigint) order by e.tx_id, e.id limit :limit`,
);

/** Tells the append-only trigger of `outbox_event` the cutoff of this transaction's deletes. */
export const setOutboxRetentionCutoff = sql<{ set_config: string }, { before: string }>(
  `select set_config('spendwire.outbox_retention_before', :before, true)`,
);

export const deleteOutboxUpTo = sql<Record<string, never>, { txId: string; id: string }>(
  `delete from outbox_event where (tx_id, id) <= (:txId::xid8, :id::bigint)`,
);

/** Raises the outbox's retention floor (rows created before it may be gone) to `before`. */
export const raiseOutboxRetentionFloor = sql<Record<string, never>, { before: string }>(
  `insert into retention_floor (name, before_at) values ('outbox', :before::timestamptz)
   on conflict (name) do update set before_at = greatest(retention_floor.before_at, excluded.before_at)`,
);
