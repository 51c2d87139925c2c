import { Migration } from '@mikro-orm/migrations';

/**
 * Subscription plans: a monthly fee paid from the wallet buys an allowance of call
 * seconds; beyond it calls are charged to the wallet at the plan's overage rate (or the
 * destination's rate when the plan has none). Without a subscription everything is pay-as-you-go.
 *
 * Allowance is reserved like money: a call funds each increment from the allowance while enough
 * is free (`subscription.reserved_seconds`), otherwise from the wallet. `call.allowance_seconds` is
 * what the call holds from the allowance while active and what it used once ended; its money
 * covers the rest of its funded (then billed) seconds.
 */
export class Migration20261122040000Subscriptions extends Migration {
  override up(): void {
    this.addSql(`
alter table wallet_transaction drop constraint wallet_transaction_kind_check;
alter table wallet_transaction add constraint wallet_transaction_kind_check
  check (kind in ('TOP_UP', 'CHARGE', 'ADJUSTMENT', 'REFUND', 'GRANT', 'CALL', 'SMS', 'NUMBER', 'SUBSCRIPTION'));

create table subscription_plan (
  id uuid primary key,
  name text not null check (length(name) between 1 and 200),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  monthly_fee_micros bigint not null check (monthly_fee_micros >= 0),
  included_seconds integer not null check (included_seconds >= 0),
  -- Price per minute beyond the allowance; null: the destination's own rate.
  overage_per_minute_micros bigint check (overage_per_minute_micros >= 0),
  created_at timestamptz not null default now()
);

create table subscription (
  id uuid primary key,
  account_id uuid not null references account (id),
  wallet_id uuid not null references wallet (id),
  plan_id uuid not null references subscription_plan (id),
  status text not null check (status in ('ACTIVE', 'CANCELED', 'LAPSED')),
  anchor_day integer not null check (anchor_day between 1 and 31),
  periods_paid integer not null default 1 check (periods_paid >= 1),
  period_start timestamptz not null,
  period_end timestamptz not null,
  -- Allowance of the current period, and what ended calls used and active calls hold of it.
  allowance_seconds integer not null check (allowance_seconds >= 0),
  used_seconds integer not null default 0 check (used_seconds >= 0),
  reserved_seconds integer not null default 0 check (reserved_seconds >= 0),
  ended_at timestamptz,
  version bigint not null default 1,
  created_at timestamptz not null default now(),
  check (period_end > period_start),
  check (used_seconds + reserved_seconds <= allowance_seconds or status <> 'ACTIVE'),
  check ((status = 'ACTIVE') = (ended_at is null))
);
create unique index subscription_active_wallet_idx on subscription (wallet_id) where status = 'ACTIVE';
create index subscription_renewal_idx on subscription (period_end) where status = 'ACTIVE';

alter table call
  add column subscription_id uuid references subscription (id),
  add column allowance_seconds integer not null default 0 check (allowance_seconds >= 0),
  add check (allowance_seconds <= funded_seconds),
  add check (allowance_seconds = 0 or subscription_id is not null);
`);
  }
}
