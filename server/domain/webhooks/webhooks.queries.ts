/**
 * The webhooks area's SQL: endpoints, the events produced for them, their deliveries and the
 * attempt log, each statement with its row type. Statements whose shape varies (a `for update`
 * that some callers take) are built once per shape here too.
 */
import { sql } from '../../database/sql.js';
import type { WebhookErrorClass } from './post-webhook.js';
import type { WebhookDeliveryStatus, WebhookEventType } from './webhook-event-type.js';

// Endpoints.

/** Select list of {@link WebhookEndpointRow} from `webhook_endpoint` aliased `ep`. */
export const WEBHOOK_ENDPOINT_COLUMNS = `ep.id, ep.account_id, ep.url, ep.description, ep.event_types, ep.enabled,
  (extract(epoch from ep.created_at) * 1000)::float8 as created_at_ms, (extract(epoch from ep.updated_at) * 1000)::float8 as updated_at_ms`;

/** A `webhook_endpoint` row selected with {@link WEBHOOK_ENDPOINT_COLUMNS}. */
export interface WebhookEndpointRow {
  id: string;
  account_id: string;
  url: string;
  description: string;
  event_types: WebhookEventType[];
  enabled: boolean;
  created_at_ms: number;
  updated_at_ms: number;
}

const visibleEndpoint = `select ${WEBHOOK_ENDPOINT_COLUMNS} from webhook_endpoint ep
  where ep.id = :endpointId and (:accountId::uuid is null or ep.account_id = :accountId)`;

/** One endpoint within `accountId` (null: any account). */
export const selectVisibleEndpoint = sql<WebhookEndpointRow, { endpointId: string; accountId: string | null }>(visibleEndpoint);

/** {@link selectVisibleEndpoint}, locked until commit. */
export const lockVisibleEndpoint = sql<WebhookEndpointRow, { endpointId: string; accountId: string | null }>(
  `${visibleEndpoint} for update`,
);

/** An account's endpoints, oldest first. */
export const selectEndpointsOfAccount = sql<WebhookEndpointRow, { accountId: string }>(
  `select ${WEBHOOK_ENDPOINT_COLUMNS} from webhook_endpoint ep where ep.account_id = :accountId order by ep.created_at, ep.id`,
);

/** Locks an account row until commit (its endpoints are counted and created under it). */
export const lockAccount = sql<{ id: string }, { accountId: string }>('select id from account where id = :accountId for update');

/** How many endpoints an account has. */
export const countEndpointsOfAccount = sql<{ count: number }, { accountId: string }>(
  'select count(*)::int as count from webhook_endpoint where account_id = :accountId',
);

/** Inserts an enabled endpoint created at `nowMs`. */
export const insertEndpoint = sql<
  WebhookEndpointRow,
  { id: string; accountId: string; url: string; description: string; eventTypes: WebhookEventType[]; secret: string; nowMs: number }
>(
  `insert into webhook_endpoint as ep (id, account_id, url, description, event_types, secret, enabled, created_at, updated_at)
   values (:id, :accountId, :url, :description, :eventTypes, :secret, true, to_timestamp(:nowMs::float8 / 1000), to_timestamp(:nowMs::float8 / 1000))
   returning ${WEBHOOK_ENDPOINT_COLUMNS}`,
);

/** Changes the given (non-null) fields of an endpoint at `nowMs`. */
export const updateEndpoint = sql<
  WebhookEndpointRow,
  {
    endpointId: string;
    url: string | null;
    eventTypes: WebhookEventType[] | null;
    description: string | null;
    enabled: boolean | null;
    nowMs: number;
  }
>(
  `update webhook_endpoint ep set url = coalesce(:url, ep.url), event_types = coalesce(:eventTypes, ep.event_types),
          description = coalesce(:description, ep.description), enabled = coalesce(:enabled, ep.enabled), updated_at = to_timestamp(:nowMs::float8 / 1000)
    where ep.id = :endpointId
    returning ${WEBHOOK_ENDPOINT_COLUMNS}`,
);

/** Replaces an endpoint's signing secret at `nowMs`. */
export const updateEndpointSecret = sql<WebhookEndpointRow, { endpointId: string; secret: string; nowMs: number }>(
  `update webhook_endpoint ep set secret = :secret, updated_at = to_timestamp(:nowMs::float8 / 1000)
    where ep.id = :endpointId returning ${WEBHOOK_ENDPOINT_COLUMNS}`,
);

/** Deletes an endpoint (its deliveries and attempts go with it). */
export const deleteEndpoint = sql<never, { endpointId: string }>('delete from webhook_endpoint where id = :endpointId');

/** The event types of the enabled endpoints of `accountIds`. */
export const selectSubscriptionsOfAccounts = sql<{ account_id: string; event_types: WebhookEventType[] }, { accountIds: string[] }>(
  'select account_id, event_types from webhook_endpoint where enabled and account_id = any(:accountIds::uuid[])',
);

// Deliveries and attempts.

/** Select list of {@link WebhookDeliveryRow} from `webhook_delivery d` joined with `webhook_event e` and `webhook_endpoint ep`. */
export const WEBHOOK_DELIVERY_COLUMNS = `d.id, d.position::text, d.endpoint_id, ep.account_id, d.event_id, e.type as event_type, d.status, d.attempt_count,
  (extract(epoch from d.next_attempt_at) * 1000)::float8 as next_attempt_at_ms, (extract(epoch from d.deliver_until) * 1000)::float8 as deliver_until_ms,
  (extract(epoch from d.delivered_at) * 1000)::float8 as delivered_at_ms, (extract(epoch from d.created_at) * 1000)::float8 as created_at_ms, e.body`;

/** The joins {@link WEBHOOK_DELIVERY_COLUMNS} needs after `from webhook_delivery d`. */
const WEBHOOK_DELIVERY_JOINS = 'join webhook_event e on e.id = d.event_id join webhook_endpoint ep on ep.id = d.endpoint_id';

/** A delivery row selected with {@link WEBHOOK_DELIVERY_COLUMNS}. */
export interface WebhookDeliveryRow {
  id: string;
  position: string;
  endpoint_id: string;
  account_id: string;
  event_id: string;
  event_type: WebhookEventType;
  status: WebhookDeliveryStatus;
  attempt_count: number;
  next_attempt_at_ms: number | null;
  deliver_until_ms: number;
  delivered_at_ms: number | null;
  created_at_ms: number;
  body: string;
}

/** One delivery within `accountId` (null: any account). */
export const selectVisibleDelivery = sql<WebhookDeliveryRow, { deliveryId: string; accountId: string | null }>(
  `select ${WEBHOOK_DELIVERY_COLUMNS} from webhook_delivery d ${WEBHOOK_DELIVERY_JOINS}
    where d.id = :deliveryId and (:accountId::uuid is null or ep.account_id = :accountId)`,
);

/** A page of an endpoint's deliveries, newest first, before position `beforePosition` (null: from the newest). */
export const selectDeliveriesPage = sql<
  WebhookDeliveryRow,
  { endpointId: string; status: string | null; beforePosition: string | null; limit: number }
>(
  `select ${WEBHOOK_DELIVERY_COLUMNS} from webhook_delivery d ${WEBHOOK_DELIVERY_JOINS}
    where d.endpoint_id = :endpointId and (:status::text is null or d.status = :status) and (:beforePosition::bigint is null or d.position < :beforePosition)
    order by d.position desc limit :limit`,
);

/** An attempt of the log. */
export interface WebhookAttemptRow {
  id: string;
  delivery_id: string;
  attempted_at_ms: number;
  status_code: number | null;
  error: WebhookErrorClass | null;
  duration_ms: number;
  succeeded: boolean;
}

/** The newest `attemptsMax` attempts of each of `deliveryIds`, newest first per delivery. */
export const selectNewestAttempts = sql<WebhookAttemptRow, { deliveryIds: string[]; attemptsMax: number }>(
  `select id::text, delivery_id, attempted_at_ms, status_code, error, duration_ms, succeeded from (
     select a.*, (extract(epoch from a.attempted_at) * 1000)::float8 as attempted_at_ms,
            row_number() over (partition by a.delivery_id order by a.id desc) as rank
       from webhook_attempt a where a.delivery_id = any(:deliveryIds::uuid[])) ranked
    where rank <= :attemptsMax order by delivery_id, rank`,
);

/** Puts a delivery back in the queue at `nowMs` with a retry window of `retryWindowMs`. */
export const requeueDelivery = sql<never, { deliveryId: string; nowMs: number; retryWindowMs: number }>(
  `update webhook_delivery set status = 'PENDING', next_attempt_at = to_timestamp(:nowMs::float8 / 1000),
          deliver_until = to_timestamp((:nowMs::float8 + :retryWindowMs::float8) / 1000), updated_at = to_timestamp(:nowMs::float8 / 1000)
    where id = :deliveryId`,
);

/** The events of an account of the given types whose cause happened in [from, to) (to null: no upper bound). */
const MATCHING_EVENTS = `from webhook_event e where e.account_id = :accountId and e.type = any(:eventTypes::text[]) and e.created_at >= :from
  and (:to::timestamptz is null or e.created_at < :to)`;

type MatchingEventsParams = {
  accountId: string;
  eventTypes: WebhookEventType[];
  from: string;
  to: string | null;
};

/** How many events match, counting no further than `limit`. */
export const countMatchingEvents = sql<{ count: number }, MatchingEventsParams & { limit: number }>(
  `select count(*)::int as count from (select 1 ${MATCHING_EVENTS} limit :limit) m`,
);

/** Queues every matching event for one endpoint at `nowMs`: new deliveries, or existing ones back to PENDING; returns their ids. */
export const requeueMatchingEvents = sql<
  { id: string },
  MatchingEventsParams & { endpointId: string; nowMs: number; retryWindowMs: number }
>(
  `insert into webhook_delivery (id, endpoint_id, event_id, status, next_attempt_at, deliver_until, created_at, updated_at)
   select gen_random_uuid(), :endpointId, e.id, 'PENDING', to_timestamp(:nowMs::float8 / 1000), to_timestamp((:nowMs::float8 + :retryWindowMs::float8) / 1000),
          to_timestamp(:nowMs::float8 / 1000), to_timestamp(:nowMs::float8 / 1000)
     ${MATCHING_EVENTS}
    order by e.created_at, e.id
   on conflict (endpoint_id, event_id) do update
      set status = 'PENDING', next_attempt_at = excluded.next_attempt_at, deliver_until = excluded.deliver_until, updated_at = excluded.updated_at
   returning id`,
);

// The sender.

/** Serializes the processes claiming deliveries, until commit. */
export const lockDeliveryClaims = sql<never>(`select pg_advisory_xact_lock(hashtextextended('spendwire:webhook-claim', 0))`);

/** A delivery claimed for one attempt, with its endpoint. */
export interface ClaimedDeliveryRow {
  id: string;
  endpoint_id: string;
  attempt_count: number;
  deliver_until_ms: number;
  url: string;
  secret: string;
  event_id: string;
  body: string;
}

/** Claims up to `slots` due deliveries fairly (see claimWebhookDeliveries), leasing them for `leaseMs` from `nowMs`. */
export const claimDueDeliveries = sql<
  ClaimedDeliveryRow,
  { nowMs: number; leaseMs: number; slots: number; inFlightPerEndpointMax: number; inFlightPerAccountMax: number }
>(
  `with now as (select to_timestamp(:nowMs::float8 / 1000) as at),
   busy as (
     select d.endpoint_id, count(*)::int as n from webhook_delivery d, now
      where d.status = 'PENDING' and d.leased_until > now.at
      group by d.endpoint_id),
   endpoints as (
     -- Every endpoint, disabled ones too: an attempt still in flight to one counts for its account.
     select ep.id, ep.account_id, ep.enabled, ep.last_claimed_at, coalesce(b.n, 0) as endpoint_busy,
            coalesce(sum(b.n) over (partition by ep.account_id), 0)::int as account_busy,
            max(ep.last_claimed_at) over (partition by ep.account_id) as account_last_claimed_at
       from webhook_endpoint ep left join busy b on b.endpoint_id = ep.id),
   candidates as (
     select d.id, d.next_attempt_at, d.position, e.account_id, e.account_busy, e.account_last_claimed_at, e.last_claimed_at,
            e.endpoint_busy + row_number() over (partition by e.id order by d.next_attempt_at, d.position) as endpoint_load
       from endpoints e, now
       cross join lateral (
         select d.id, d.next_attempt_at, d.position from webhook_delivery d
          where d.endpoint_id = e.id and d.status = 'PENDING' and d.next_attempt_at <= now.at
            and (d.leased_until is null or d.leased_until <= now.at)
          order by d.next_attempt_at, d.position
          limit greatest(:inFlightPerEndpointMax::int - e.endpoint_busy, 0)) d
      where e.enabled and e.endpoint_busy < :inFlightPerEndpointMax and e.account_busy < :inFlightPerAccountMax),
   ranked as (
     select c.*, c.account_busy + row_number() over (
              partition by c.account_id order by c.endpoint_load, c.last_claimed_at nulls first, c.next_attempt_at, c.position) as account_load
       from candidates c),
   picked as (
     select id from ranked where account_load <= :inFlightPerAccountMax
      order by account_load, account_last_claimed_at nulls first, next_attempt_at, position
      limit :slots)
   update webhook_delivery d set next_attempt_at = to_timestamp((:nowMs::float8 + :leaseMs::float8) / 1000),
          leased_until = to_timestamp((:nowMs::float8 + :leaseMs::float8) / 1000)
     from picked, webhook_endpoint ep, webhook_event e
    where d.id = picked.id and ep.id = d.endpoint_id and e.id = d.event_id
   returning d.id, d.endpoint_id, d.attempt_count, (extract(epoch from d.deliver_until) * 1000)::float8 as deliver_until_ms, ep.url, ep.secret,
             e.id as event_id, e.body`,
);

/** Records when endpoints last had a delivery claimed. */
export const markEndpointsClaimed = sql<never, { endpointIds: string[]; nowMs: number }>(
  `update webhook_endpoint set last_claimed_at = to_timestamp(:nowMs::float8 / 1000) where id = any(:endpointIds::uuid[])`,
);

/** Gives a claimed delivery back, due at `nowMs` (the process is stopping). */
export const releaseDelivery = sql<never, { deliveryId: string; nowMs: number }>(
  `update webhook_delivery set next_attempt_at = to_timestamp(:nowMs::float8 / 1000), leased_until = null where id = :deliveryId and status = 'PENDING'`,
);

/** Records an attempt's outcome on its delivery; no row when the delivery is gone. */
export const recordDeliveryOutcome = sql<
  { id: string },
  { deliveryId: string; status: 'DELIVERED' | 'FAILED' | 'PENDING'; nextAttemptMs: number | null; nowMs: number }
>(
  `update webhook_delivery set status = :status, attempt_count = attempt_count + 1, leased_until = null,
          next_attempt_at = case when :nextAttemptMs::float8 is null then null else to_timestamp(:nextAttemptMs::float8 / 1000) end,
          delivered_at = case when :status = 'DELIVERED' then to_timestamp(:nowMs::float8 / 1000) else delivered_at end,
          updated_at = to_timestamp(:nowMs::float8 / 1000)
    where id = :deliveryId
    returning id`,
);

/** Logs one attempt. */
export const insertAttempt = sql<
  never,
  {
    deliveryId: string;
    attemptedAtMs: number;
    statusCode: number | null;
    error: WebhookErrorClass | null;
    durationMs: number;
    succeeded: boolean;
  }
>(
  `insert into webhook_attempt (delivery_id, attempted_at, status_code, error, duration_ms, succeeded)
   values (:deliveryId, to_timestamp(:attemptedAtMs::float8 / 1000), :statusCode, :error, :durationMs, :succeeded)`,
);

// The producer.

/** Stores events (parallel arrays), skipping causes already stored; returns the new ids. */
export const insertEvents = sql<
  { id: string },
  { ids: string[]; accountIds: string[]; types: string[]; sourceKeys: string[]; bodies: string[]; createdAtsMs: number[] }
>(
  `insert into webhook_event (id, account_id, type, source_key, body, created_at)
   select u.id, u.account_id, u.type, u.source_key, u.body, to_timestamp(u.created_at_ms / 1000)
     from unnest(:ids::text[], :accountIds::uuid[], :types::text[], :sourceKeys::text[], :bodies::text[], :createdAtsMs::float8[])
          as u(id, account_id, type, source_key, body, created_at_ms)
   on conflict (source_key, type) do nothing
   returning id`,
);

/** A PENDING delivery, due at `nowMs`, of each event (parallel arrays) for every enabled endpoint of its account subscribed to its type. */
export const insertDeliveriesOfEvents = sql<
  { id: string },
  { eventIds: string[]; accountIds: string[]; types: string[]; nowMs: number; retryWindowMs: number }
>(
  `insert into webhook_delivery (id, endpoint_id, event_id, status, next_attempt_at, deliver_until, created_at, updated_at)
   select gen_random_uuid(), ep.id, e.id, 'PENDING', to_timestamp(:nowMs::float8 / 1000), to_timestamp((:nowMs::float8 + :retryWindowMs::float8) / 1000),
          to_timestamp(:nowMs::float8 / 1000), to_timestamp(:nowMs::float8 / 1000)
     from unnest(:eventIds::text[], :accountIds::uuid[], :types::text[]) with ordinality as e(id, account_id, type, n)
     join webhook_endpoint ep on ep.account_id = e.account_id and ep.enabled and e.type = any(ep.event_types)
    order by e.n, ep.created_at, ep.id
   returning id`,
);

/** A wallet transaction as a TRANSACTION_CREATED event carries it. */
export interface TransactionEventRow {
  id: string;
  wallet_id: string;
  sequence: string;
  type: string;
  kind: string;
  status: string;
  amount_micros: string;
  balance_before_micros: string;
  balance_after_micros: string;
  currency: string;
  campaign_id: string | null;
  description: string;
  created_at_ms: number;
}

/**
 * The wallet transactions of runs of outbox rows (the i-th run: wallet `walletIds[i]`, sequences
 * `firstSequences[i]` through `lastSequences[i]`) with their wallet's currency, in no order.
 */
export const selectTransactionsOfRuns = sql<
  TransactionEventRow,
  { walletIds: string[]; firstSequences: string[]; lastSequences: string[] }
>(
  `select t.id, t.wallet_id, t.sequence::text, t.type, t.kind, t.status, t.amount_micros::text, t.balance_before_micros::text,
          t.balance_after_micros::text, w.currency, t.campaign_id, t.description, (extract(epoch from t.created_at) * 1000)::float8 as created_at_ms
     from unnest(:walletIds::uuid[], :firstSequences::bigint[], :lastSequences::bigint[]) r(wallet_id, first_sequence, last_sequence)
     join wallet_transaction t on t.wallet_id = r.wallet_id and t.sequence between r.first_sequence and r.last_sequence
     join wallet w on w.id = t.wallet_id`,
);

/** A top-up as TOP_UP_SUCCEEDED and TOP_UP_FAILED events carry it, with the outbox row that told of it. */
export interface TopUpEventRow {
  outbox_id: string;
  id: string;
  wallet_id: string;
  origin: string;
  status: string;
  currency: string;
  amount_micros: string;
  tax_micros: string;
  total_micros: string;
  failure_code: string | null;
  failure_reason: string | null;
  wallet_transaction_id: string | null;
  created_at_ms: number;
}

/** The top-ups of the outbox rows `outboxIds`, as they stand now, at their rows' time. */
export const selectTopUpsForEvents = sql<TopUpEventRow, { outboxIds: string[] }>(
  `select o.id::text as outbox_id, t.id, t.wallet_id, t.origin, t.status, t.currency, t.amount_micros::text, t.tax_micros::text, t.total_micros::text,
          t.failure_code, t.failure_reason, t.wallet_transaction_id, (extract(epoch from o.created_at) * 1000)::float8 as created_at_ms
     from outbox_event o join top_up t on t.id = o.top_up_id where o.id = any(:outboxIds::bigint[])`,
);
