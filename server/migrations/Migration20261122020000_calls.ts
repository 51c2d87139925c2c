import { Migration } from '@mikro-orm/migrations';

/**
 * Real-time spend control: rate plans, campaigns and calls metered on reservations.
 *
 * Money of an active call is RESERVED on its wallet (`wallet.reserved_micros`), increment by
 * increment ahead of use; when the call ends its cost is posted to the ledger as one CALL
 * transaction that also releases the call's reservation. So available = balance - reserved is
 * what new calls and charges may use, and `balance >= reserved` (a CHECK since the ledger
 * migration) is the "never below zero" rule for calls as well.
 *
 * A campaign's `committed_micros` is what it has spent plus what its active calls hold, and the
 * budget CHECK makes a campaign's budget as hard a limit as the wallet's balance.
 */
export class Migration20261122020000Calls extends Migration {
  override up(): void {
    this.addSql(`
alter table wallet_transaction drop constraint wallet_transaction_kind_check;
alter table wallet_transaction add constraint wallet_transaction_kind_check
  check (kind in ('TOP_UP', 'CHARGE', 'ADJUSTMENT', 'REFUND', 'GRANT', 'CALL', 'SMS', 'NUMBER'));

alter table account add column active_calls integer not null default 0 check (active_calls >= 0);

create table rate_plan (
  id uuid primary key,
  name text not null check (length(name) between 1 and 200),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  created_at timestamptz not null default now()
);

create table rate (
  rate_plan_id uuid not null references rate_plan (id),
  -- Destination digits without '+'; '' matches every number.
  prefix text not null check (prefix ~ '^[0-9]{0,15}$'),
  per_minute_micros bigint not null check (per_minute_micros >= 0),
  first_increment_seconds integer not null check (first_increment_seconds between 1 and 3600),
  next_increment_seconds integer not null check (next_increment_seconds between 1 and 3600),
  connect_fee_micros bigint not null default 0 check (connect_fee_micros >= 0),
  primary key (rate_plan_id, prefix)
);

create table campaign (
  id uuid primary key,
  account_id uuid not null references account (id),
  wallet_id uuid not null references wallet (id),
  rate_plan_id uuid not null references rate_plan (id),
  name text not null check (length(name) between 1 and 200),
  status text not null check (status in ('DRAFT', 'RUNNING', 'PAUSED', 'STOPPED_INSUFFICIENT_FUNDS', 'STOPPED_BUDGET_REACHED', 'COMPLETED')),
  budget_micros bigint check (budget_micros > 0),
  -- Cost of ended calls plus the reservations of active ones.
  committed_micros bigint not null default 0 check (committed_micros >= 0),
  -- Cost of ended calls.
  spent_micros bigint not null default 0 check (spent_micros >= 0),
  active_calls integer not null default 0 check (active_calls >= 0),
  simulate boolean not null default false,
  version bigint not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (spent_micros <= committed_micros),
  check (budget_micros is null or committed_micros <= budget_micros)
);
create index campaign_account_idx on campaign (account_id, created_at desc, id desc);
create index campaign_simulate_idx on campaign (id) where simulate and status = 'RUNNING';

create table call (
  id uuid primary key,
  account_id uuid not null references account (id),
  campaign_id uuid not null references campaign (id),
  wallet_id uuid not null references wallet (id),
  to_number text not null,
  status text not null check (status in ('ACTIVE', 'COMPLETED', 'STOPPED', 'REFUSED')),
  end_reason text check (end_reason in ('HANGUP', 'INSUFFICIENT_FUNDS', 'BUDGET_REACHED', 'WALLET_SUSPENDED')),
  -- The rate the call was started on, copied: a later rate plan change never reprices it.
  rate_prefix text not null,
  per_minute_micros bigint not null check (per_minute_micros >= 0),
  first_increment_seconds integer not null check (first_increment_seconds >= 1),
  next_increment_seconds integer not null check (next_increment_seconds >= 1),
  connect_fee_micros bigint not null check (connect_fee_micros >= 0),
  started_at timestamptz not null,
  ended_at timestamptz,
  -- Seconds paid for ahead (reserved) and the money reserved for them, connect fee included.
  funded_seconds integer not null default 0 check (funded_seconds >= 0),
  reserved_micros bigint not null default 0 check (reserved_micros >= 0),
  -- Final figures, set when the call ends.
  billed_seconds integer not null default 0 check (billed_seconds >= 0),
  cost_micros bigint not null default 0 check (cost_micros >= 0),
  -- When the billing clock acts on the call next (extend, or stop); null once it has ended.
  next_check_at timestamptz,
  -- The CALL ledger transaction of its cost, once posted.
  transaction_id uuid references wallet_transaction (id),
  idempotency_key text,
  version bigint not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (cost_micros <= reserved_micros),
  check (billed_seconds <= funded_seconds),
  check ((status = 'ACTIVE') = (next_check_at is not null)),
  check ((status = 'ACTIVE') = (end_reason is null and ended_at is null)),
  unique (campaign_id, idempotency_key)
);
create index call_due_idx on call (next_check_at) where status = 'ACTIVE';
create index call_campaign_idx on call (campaign_id, created_at desc, id desc);
create index call_unposted_idx on call (id) where status in ('COMPLETED', 'STOPPED') and transaction_id is null and cost_micros > 0;

alter table outbox_event drop constraint outbox_event_type_check;
alter table outbox_event add constraint outbox_event_type_check
  check (type in ('WALLET_TRANSACTION', 'CAMPAIGN_UPDATED', 'CALL_UPDATED'));
alter table outbox_event add column campaign_id uuid, add column call_id uuid, add column version bigint;
create index outbox_event_campaign_idx on outbox_event (campaign_id, id) where campaign_id is not null;
`);
  }
}
