import { Migration } from '@mikro-orm/migrations';

/**
 * Webhooks for integrators (issue 7): endpoints per account, the events sent to them, one delivery
 * per (endpoint, event) and a log of every attempt.
 *
 * - Events are produced from the outbox and the alerts by one producer at a time (it holds the
 *   `outbox_consumer` / `alert_reader` row named 'webhooks'), in the same transaction that moves
 *   its positions: a crash or restart neither loses nor duplicates one. An event is stored only
 *   when an enabled endpoint of its account is subscribed to its type; its `body` is the exact JSON
 *   every attempt POSTs, so retries and replays send the same bytes and the same `id`.
 * - A delivery is PENDING until a 2xx (DELIVERED) or until `deliver_until` has passed after a
 *   failed attempt (FAILED). A replay puts it back to PENDING with a fresh window.
 * - Deleting an endpoint deletes its deliveries and their attempts; events stay (other endpoints
 *   of the account may replay them).
 */
export class Migration20261204020000Webhooks extends Migration {
  override up(): void {
    this.addSql(`
create table webhook_endpoint (
  id uuid primary key,
  account_id uuid not null references account (id),
  url text not null check (url ~ '^https?://' and length(url) <= 8192),
  description text not null check (length(description) <= 2000),
  event_types text[] not null check (cardinality(event_types) >= 1
    and event_types <@ array['TRANSACTION_CREATED', 'ALERT_RAISED', 'CALLS_STOPPED', 'TOP_UP_SUCCEEDED', 'TOP_UP_FAILED']::text[]),
  -- The signing secret (whsec_…). Kept in clear: every attempt signs with it.
  secret text not null check (secret ~ '^whsec_[0-9a-f]{64}$'),
  enabled boolean not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index webhook_endpoint_account_idx on webhook_endpoint (account_id, created_at);

create table webhook_event (
  id text primary key check (id ~ '^evt_[0-9a-f]{32}$'),
  account_id uuid not null references account (id),
  type text not null check (type in ('TRANSACTION_CREATED', 'ALERT_RAISED', 'CALLS_STOPPED', 'TOP_UP_SUCCEEDED', 'TOP_UP_FAILED')),
  -- What caused it ('outbox:<id>', 'alert:<id>'): one event per cause and type, even if a cause were read twice.
  source_key text not null,
  body text not null,
  -- When its cause happened (the body's createdAt).
  created_at timestamptz not null,
  unique (source_key, type)
);
create index webhook_event_account_idx on webhook_event (account_id, created_at);

create table webhook_delivery (
  id uuid primary key,
  -- Creation order, for the newest-first delivery log.
  position bigint generated always as identity unique,
  endpoint_id uuid not null references webhook_endpoint (id) on delete cascade,
  event_id text not null references webhook_event (id),
  status text not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
  attempt_count integer not null default 0 check (attempt_count >= 0),
  -- When the sender takes it next (while an attempt is in flight: when that attempt's lease ends).
  next_attempt_at timestamptz,
  -- Failed attempts after this make it FAILED.
  deliver_until timestamptz not null,
  -- The last 2xx.
  delivered_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (endpoint_id, event_id),
  check ((status = 'PENDING') = (next_attempt_at is not null)),
  check (status <> 'DELIVERED' or delivered_at is not null)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, position);
create index webhook_delivery_endpoint_status_idx on webhook_delivery (endpoint_id, status, position);

create table webhook_attempt (
  id bigint generated always as identity primary key,
  delivery_id uuid not null references webhook_delivery (id) on delete cascade,
  attempted_at timestamptz not null,
  -- The receiver's HTTP status, or null when there was none (refused, timed out, reset).
  status_code integer check (status_code between 100 and 599),
  error text check (length(error) between 1 and 1000),
  response_body text,
  duration_ms integer not null check (duration_ms >= 0),
  succeeded boolean not null,
  check (succeeded = (status_code between 200 and 299)),
  check (status_code is not null or error is not null)
);
create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, id);

-- The producer starts where the outbox and the alerts are now: no endpoint can have existed before.
insert into outbox_consumer (name, tx_id, event_id)
select 'webhooks', coalesce(max(tx_id), '0'::xid8), coalesce(max(id), 0) from outbox_event
on conflict (name) do nothing;
insert into alert_reader (name, alert_id)
select 'webhooks', coalesce(max(id), 0) from alert
on conflict (name) do nothing;
`);
  }
}
