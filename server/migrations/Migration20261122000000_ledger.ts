import { Migration } from '@mikro-orm/migrations';

/**
 * The ledger's first floor: accounts, API keys, wallets and the double-entry journal.
 * Every invariant the services assert is paired here with a constraint or trigger, so that a bug
 * in the application (or a hand-written UPDATE) cannot silently break the books.
 */
export class Migration20261122000000Ledger extends Migration {
  override up(): void {
    this.addSql(`
create table account (
  id uuid primary key,
  name text not null check (length(name) between 1 and 200),
  created_at timestamptz not null default now()
);

create table api_key (
  id uuid primary key,
  account_id uuid references account (id),
  role text not null check (role in ('OWNER', 'CAMPAIGN_MANAGER', 'INTEGRATOR', 'SUPPORT', 'PLATFORM_ADMIN')),
  name text not null check (length(name) between 1 and 200),
  key_hash text not null unique,
  key_prefix text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  -- Platform staff keys belong to no tenant; every tenant key belongs to exactly one.
  check ((role in ('SUPPORT', 'PLATFORM_ADMIN')) = (account_id is null))
);
create index api_key_account_id_idx on api_key (account_id);

create table wallet (
  id uuid primary key,
  account_id uuid not null references account (id),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  balance_micros bigint not null default 0 check (balance_micros >= 0),
  reserved_micros bigint not null default 0 check (reserved_micros >= 0),
  last_sequence bigint not null default 0 check (last_sequence >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- available = balance - reserved never goes below zero.
  check (balance_micros >= reserved_micros)
);
create index wallet_account_id_idx on wallet (account_id);

-- The platform's side of every movement. No stored balance: a balance column here would be one
-- row every charge of every tenant updates, serialising the whole platform on its lock. Its
-- balance is the sum of its entries.
create table platform_account (
  id uuid primary key default gen_random_uuid(),
  code text not null check (code in ('REVENUE', 'PAYMENT_CLEARING', 'PROMOTIONAL_CREDIT', 'ADJUSTMENTS')),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  unique (code, currency)
);

create table ledger_transaction (
  id uuid primary key,
  kind text not null,
  created_at timestamptz not null default now()
);

create table ledger_entry (
  id bigserial primary key,
  transaction_id uuid not null references ledger_transaction (id),
  wallet_id uuid references wallet (id),
  platform_account_id uuid references platform_account (id),
  amount_micros bigint not null check (amount_micros <> 0),
  check (num_nonnulls(wallet_id, platform_account_id) = 1)
);
create index ledger_entry_transaction_id_idx on ledger_entry (transaction_id);
create index ledger_entry_wallet_id_idx on ledger_entry (wallet_id) where wallet_id is not null;

-- The customer's view of a ledger transaction that touches their wallet (amount, balance after, kind, description, time).
create table wallet_transaction (
  id uuid primary key references ledger_transaction (id),
  wallet_id uuid not null references wallet (id),
  account_id uuid not null references account (id),
  sequence bigint not null check (sequence >= 1),
  type text not null check (type in ('CREDIT', 'DEBIT')),
  kind text not null check (kind in ('TOP_UP', 'CHARGE', 'ADJUSTMENT', 'REFUND', 'GRANT')),
  status text not null check (status in ('PENDING', 'COMPLETED', 'FAILED')),
  amount_micros bigint not null check (amount_micros > 0),
  balance_before_micros bigint not null check (balance_before_micros >= 0),
  balance_after_micros bigint not null check (balance_after_micros >= 0),
  description text not null,
  payment_intent_id text,
  idempotency_key text,
  campaign_id uuid,
  actor text not null,
  created_at timestamptz not null default now(),
  unique (wallet_id, sequence),
  check (balance_after_micros = balance_before_micros + case type when 'CREDIT' then amount_micros else -amount_micros end)
);
create index wallet_transaction_wallet_created_idx on wallet_transaction (wallet_id, created_at);

-- Stripe-style idempotency: one key per account, remembering what it was used for.
create table idempotency_key (
  account_id uuid not null references account (id),
  key text not null,
  operation text not null,
  request_hash text not null,
  wallet_transaction_id uuid not null references wallet_transaction (id),
  created_at timestamptz not null default now(),
  primary key (account_id, key)
);

insert into platform_account (code, currency)
select code, currency
from unnest(array['REVENUE', 'PAYMENT_CLEARING', 'PROMOTIONAL_CREDIT', 'ADJUSTMENTS']) as code,
     unnest(array['USD', 'EUR', 'GBP', 'CAD', 'AUD']) as currency;

-- The journal is append-only: a correction is a new transaction.
create function spendwire_forbid_change() returns trigger language plpgsql as $fn$
begin
  raise exception '% is append-only: corrections are new transactions', tg_table_name;
end
$fn$;
create trigger ledger_transaction_append_only before update or delete or truncate on ledger_transaction
  for each statement execute function spendwire_forbid_change();
create trigger ledger_entry_append_only before update or delete or truncate on ledger_entry
  for each statement execute function spendwire_forbid_change();
create trigger wallet_transaction_append_only before update or delete or truncate on wallet_transaction
  for each statement execute function spendwire_forbid_change();

-- Double entry, checked at commit: a transaction's entries are at least two and sum to zero.
create function spendwire_assert_transaction_balanced() returns trigger language plpgsql as $fn$
declare
  entry_sum numeric;
  entry_count bigint;
begin
  select coalesce(sum(amount_micros), 0), count(*) into entry_sum, entry_count
    from ledger_entry where transaction_id = new.transaction_id;
  if entry_sum <> 0 or entry_count < 2 then
    raise exception 'ledger transaction % is unbalanced: % entries summing to %', new.transaction_id, entry_count, entry_sum;
  end if;
  return null;
end
$fn$;
create constraint trigger ledger_entry_balanced after insert on ledger_entry
  deferrable initially deferred for each row execute function spendwire_assert_transaction_balanced();
`);
  }
}
