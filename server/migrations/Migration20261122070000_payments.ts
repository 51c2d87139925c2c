import { Migration } from '@mikro-orm/migrations';

/**
 * Card top-ups through Stripe (seeds 000–004): the account's billing profile (for tax) and Stripe
 * customer, saved cards (brand, last4 and expiry only: never a card number), top-ups with their
 * PaymentIntent, the inbox of verified Stripe events, automatic and monthly recharges, refunds of
 * unused paid credit, and bank transfers awaiting support's confirmation.
 *
 * Money is credited to a wallet only when a top-up turns SUCCEEDED, in the same transaction, and a
 * top-up turns SUCCEEDED once: the pair of CHECKs below (status SUCCEEDED ⇔ a wallet transaction)
 * and the unique wallet transaction per top-up make a second credit impossible, whatever order
 * Stripe's events arrive in.
 */
export class Migration20261122070000Payments extends Migration {
  override up(): void {
    this.addSql(`
alter table account
  add column billing_country char(2) check (billing_country ~ '^[A-Z]{2}$'),
  add column billing_state text check (billing_state ~ '^[A-Z]{2}$'),
  add column vat_number text check (length(vat_number) between 4 and 20),
  add column billing_email text check (length(billing_email) between 3 and 254),
  add column stripe_customer_id text unique;

create table payment_method (
  id text primary key,
  account_id uuid not null references account (id),
  brand text not null,
  last4 char(4) not null check (last4 ~ '^[0-9]{4}$'),
  exp_month integer not null check (exp_month between 1 and 12),
  exp_year integer not null check (exp_year between 2000 and 2200),
  is_default boolean not null default false,
  created_at timestamptz not null,
  removed_at timestamptz,
  check (not (is_default and removed_at is not null))
);
create index payment_method_account_idx on payment_method (account_id) where removed_at is null;
create unique index payment_method_default_idx on payment_method (account_id) where is_default;

create sequence receipt_number_seq;

create table top_up (
  id uuid primary key,
  account_id uuid not null references account (id),
  wallet_id uuid not null references wallet (id),
  currency char(3) not null,
  origin text not null check (origin in ('MANUAL', 'AUTO_RECHARGE', 'MONTHLY_RECHARGE')),
  status text not null check (status in ('REQUIRES_PAYMENT_METHOD', 'REQUIRES_ACTION', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELED')),
  amount_micros bigint not null check (amount_micros > 0),
  tax_micros bigint not null check (tax_micros >= 0),
  tax_rate_ppm bigint not null check (tax_rate_ppm between 0 and 1000000),
  tax_label text not null,
  total_micros bigint not null,
  payment_intent_id text unique,
  client_secret text,
  payment_method_id text,
  card_brand text,
  card_last4 char(4),
  save_payment_method boolean not null default false,
  idempotency_key text,
  request_hash text,
  failure_code text,
  failure_reason text,
  -- Unix seconds of the newest Stripe event applied: an older one arriving later changes nothing.
  last_event_created bigint not null default 0,
  receipt_number text unique,
  wallet_transaction_id uuid unique references wallet_transaction (id),
  refunded_micros bigint not null default 0,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  succeeded_at timestamptz,
  unique (account_id, idempotency_key),
  check (total_micros = amount_micros + tax_micros),
  check (refunded_micros between 0 and amount_micros),
  check ((status = 'SUCCEEDED') = (wallet_transaction_id is not null)),
  check ((status = 'SUCCEEDED') = (receipt_number is not null)),
  check (refunded_micros = 0 or status = 'SUCCEEDED')
);
create index top_up_wallet_created_idx on top_up (wallet_id, created_at);
create index top_up_unsettled_idx on top_up (updated_at) where status in ('REQUIRES_PAYMENT_METHOD', 'REQUIRES_ACTION', 'PROCESSING');
-- wallet.refundable sums a wallet's grants and support credits: only those rows, not its whole history.
create index wallet_transaction_non_paid_credit_idx on wallet_transaction (wallet_id)
  include (amount_micros) where type = 'CREDIT' and kind in ('GRANT', 'ADJUSTMENT');
-- A top-up is credited once: by construction (the status CHECKs) and here by the ledger itself.
create unique index wallet_transaction_top_up_idx on wallet_transaction (payment_intent_id)
  where payment_intent_id is not null and kind = 'TOP_UP';

-- Verified Stripe events, recorded before they are answered and applied afterwards (an inbox):
-- a duplicate delivery finds its id here and is acknowledged without being applied again.
create table stripe_event (
  id text primary key,
  type text not null,
  created bigint not null,
  payload jsonb not null,
  received_at timestamptz not null default now(),
  processed_at timestamptz,
  attempts integer not null default 0,
  last_error text
);
create index stripe_event_unprocessed_idx on stripe_event (received_at) where processed_at is null;

create table auto_recharge (
  wallet_id uuid primary key references wallet (id),
  account_id uuid not null references account (id),
  enabled boolean not null default false,
  threshold_micros bigint not null check (threshold_micros >= 0),
  target_micros bigint not null,
  in_flight_top_up_id uuid references top_up (id),
  last_attempt_at timestamptz,
  consecutive_failures integer not null default 0 check (consecutive_failures >= 0),
  paused_at timestamptz,
  paused_reason text,
  monthly_enabled boolean not null default false,
  monthly_day integer check (monthly_day between 1 and 28),
  monthly_amount_micros bigint check (monthly_amount_micros > 0),
  -- 'YYYY-MM' of the last month whose monthly recharge was started.
  monthly_last_period text,
  updated_at timestamptz not null,
  check (target_micros > threshold_micros),
  check ((paused_at is null) = (paused_reason is null)),
  check (not monthly_enabled or (monthly_day is not null and monthly_amount_micros is not null))
);
create index auto_recharge_armed_idx on auto_recharge (wallet_id) where enabled and paused_at is null and in_flight_top_up_id is null;

create table top_up_refund (
  id uuid primary key,
  top_up_id uuid not null references top_up (id),
  wallet_id uuid not null references wallet (id),
  -- Credit taken back from the wallet, and what goes back to the card (the credit plus its share of tax).
  amount_micros bigint not null check (amount_micros > 0),
  card_amount_micros bigint not null check (card_amount_micros >= amount_micros),
  status text not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
  stripe_refund_id text unique,
  failure_reason text,
  wallet_transaction_id uuid not null references wallet_transaction (id),
  reversal_transaction_id uuid references wallet_transaction (id),
  reason text not null,
  actor text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((status = 'FAILED') = (reversal_transaction_id is not null))
);
create index top_up_refund_pending_idx on top_up_refund (created_at) where status = 'PENDING';

create table bank_transfer (
  id uuid primary key,
  account_id uuid not null references account (id),
  wallet_id uuid not null references wallet (id),
  amount_micros bigint not null check (amount_micros > 0),
  reference text not null check (length(reference) between 1 and 200),
  status text not null check (status in ('PENDING', 'COMPLETED', 'CANCELED')),
  expected_by timestamptz not null,
  created_by text not null,
  settled_by text,
  wallet_transaction_id uuid unique references wallet_transaction (id),
  created_at timestamptz not null,
  settled_at timestamptz,
  check ((status = 'COMPLETED') = (wallet_transaction_id is not null)),
  check ((status = 'PENDING') = (settled_at is null))
);
create index bank_transfer_wallet_idx on bank_transfer (wallet_id, created_at);

alter table outbox_event drop constraint outbox_event_type_check;
alter table outbox_event add constraint outbox_event_type_check
  check (type in ('WALLET_TRANSACTION', 'CAMPAIGN_UPDATED', 'CALL_UPDATED', 'WALLET_UPDATED', 'PAYMENT_EVENT'));
alter table outbox_event add column payment_event text, add column top_up_id uuid;
`);
  }
}
