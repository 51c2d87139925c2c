import { Migration } from '@mikro-orm/migrations';

/**
 * SMS on holds, phone numbers with monthly renewal, and the account lifecycle.
 *
 * A message's price is HELD on its wallet (`wallet.reserved_micros`, like a call's increments)
 * from send until its delivery report: captured (posted as one SMS transaction) when delivered,
 * released when it failed or expired. Numbers are paid from the wallet at purchase and on the same
 * day each month; a renewal the wallet cannot pay puts the number in GRACE, then releases it.
 * A wallet with nothing left and nothing held is SUSPENDED; an account whose wallets stay
 * suspended for the configured period is CLOSED and its numbers released.
 */
export class Migration20261122030000MessagesNumbers extends Migration {
  override up(): void {
    this.addSql(`
alter table rate
  -- Per segment of an outbound message to the prefix; null: SMS not offered there.
  add column sms_per_segment_micros bigint check (sms_per_segment_micros >= 0),
  -- Per segment of an inbound message from the prefix.
  add column sms_inbound_per_segment_micros bigint not null default 0 check (sms_inbound_per_segment_micros >= 0),
  -- Numbers under the prefix: one-time price and monthly rental; null: numbers not sold there.
  add column number_purchase_micros bigint check (number_purchase_micros >= 0),
  add column number_monthly_micros bigint check (number_monthly_micros >= 0),
  add check ((number_purchase_micros is null) = (number_monthly_micros is null));

alter table wallet
  add column status text not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
  add column suspended_at timestamptz,
  add check ((status = 'SUSPENDED') = (suspended_at is not null));
create index wallet_suspended_idx on wallet (suspended_at) where status = 'SUSPENDED';

alter table account
  add column status text not null default 'ACTIVE' check (status in ('ACTIVE', 'CLOSED')),
  add column closed_at timestamptz,
  add check ((status = 'CLOSED') = (closed_at is not null));

create table message (
  id uuid primary key,
  account_id uuid not null references account (id),
  wallet_id uuid not null references wallet (id),
  campaign_id uuid references campaign (id),
  -- The sendMessage call (one per recipient) or inbound delivery it came from.
  batch_id uuid not null,
  direction text not null check (direction in ('OUTBOUND', 'INBOUND')),
  from_number text not null,
  to_number text not null,
  body text not null,
  encoding text not null check (encoding in ('GSM7', 'UCS2')),
  segments integer not null check (segments >= 1),
  rate_prefix text not null,
  price_micros bigint not null check (price_micros >= 0),
  status text not null check (status in ('PENDING', 'DELIVERED', 'FAILED', 'EXPIRED', 'RECEIVED')),
  -- Held on the wallet while PENDING; 0 once final (captured or released).
  hold_micros bigint not null default 0 check (hold_micros >= 0),
  expires_at timestamptz,
  finalized_at timestamptz,
  transaction_id uuid references wallet_transaction (id),
  idempotency_key text,
  version bigint not null default 1,
  created_at timestamptz not null default now(),
  check (status <> 'PENDING' or (hold_micros = price_micros and expires_at is not null and finalized_at is null)),
  check (status = 'PENDING' or (hold_micros = 0 and finalized_at is not null)),
  check (direction = 'OUTBOUND' or status = 'RECEIVED')
);
create unique index message_idempotency_idx on message (account_id, idempotency_key, to_number) where idempotency_key is not null;
create index message_pending_idx on message (expires_at) where status = 'PENDING';
create index message_wallet_idx on message (wallet_id, created_at desc, id desc);
create index message_campaign_idx on message (campaign_id, created_at desc, id desc) where campaign_id is not null;
create index message_unposted_idx on message (id) where status in ('DELIVERED', 'RECEIVED') and transaction_id is null and price_micros > 0;

create table phone_number (
  id uuid primary key,
  account_id uuid not null references account (id),
  wallet_id uuid not null references wallet (id),
  rate_plan_id uuid not null references rate_plan (id),
  number text not null,
  status text not null check (status in ('ACTIVE', 'GRACE', 'RELEASED', 'REFUNDED')),
  purchase_micros bigint not null check (purchase_micros >= 0),
  monthly_micros bigint not null check (monthly_micros >= 0),
  purchased_at timestamptz not null,
  -- Renewals fall on this day of the month (the purchase day; the month's last day when shorter).
  anchor_day integer not null check (anchor_day between 1 and 31),
  -- Months paid, the first with the purchase; the next renewal is for month periods_paid + 1.
  periods_paid integer not null default 1 check (periods_paid >= 1),
  renews_at timestamptz not null,
  grace_until timestamptz,
  released_at timestamptz,
  release_reason text check (release_reason in ('RELEASED_BY_CUSTOMER', 'RENEWAL_FAILED', 'ACCOUNT_CLOSED', 'REFUNDED')),
  transaction_id uuid references wallet_transaction (id),
  refund_transaction_id uuid references wallet_transaction (id),
  idempotency_key text,
  version bigint not null default 1,
  created_at timestamptz not null default now(),
  check ((status = 'GRACE') = (grace_until is not null)),
  check ((status in ('RELEASED', 'REFUNDED')) = (released_at is not null and release_reason is not null))
);
create unique index phone_number_held_idx on phone_number (number) where status in ('ACTIVE', 'GRACE');
create unique index phone_number_idempotency_idx on phone_number (account_id, idempotency_key) where idempotency_key is not null;
create index phone_number_renewal_idx on phone_number (renews_at) where status in ('ACTIVE', 'GRACE');
create index phone_number_account_idx on phone_number (account_id, created_at desc, id desc);
`);
  }
}
