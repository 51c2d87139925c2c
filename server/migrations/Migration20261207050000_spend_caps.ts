import { Migration } from '@mikro-orm/migrations';

/**
 * Daily and monthly spend caps per account and per wallet (issue 17, item 6), and the account's
 * timezone that says where a day and a month begin.
 *
 * - `account.timezone`: an IANA name PostgreSQL knows (`pg_timezone_names`), checked by the service;
 *   `UTC` by default.
 * - `spend_cap`: one row per capped scope: the account in one currency (`wallet_id` null: it sums
 *   the account's wallets of that currency, since amounts of two currencies do not add) or one wallet. Each holds
 *   the caps (null = none) and what was committed in the current day and month (reserved for calls
 *   and messages in flight, or charged), with the local date each period started on. A row whose
 *   period start is not the current local day or month counts as 0 committed: the reset costs no job.
 *   Rows are locked after the wallets, before subscriptions and campaigns (the house's lock order),
 *   and only when a spend that counts touches a capped scope: uncapped accounts never lock them.
 * - Calls stopped or refused at a cap end `SPEND_CAP_REACHED`; the alerts `SPEND_CAP_WARNING` (80 %)
 *   and `SPEND_CAP_REACHED` are raised once per cap and period, and mailed like the other alerts.
 */
export class Migration20261207050000SpendCaps extends Migration {
  override up(): void {
    this.addSql(`
alter table account add column timezone text not null default 'UTC' check (char_length(timezone) between 1 and 100);

create table spend_cap (
  id uuid primary key,
  account_id uuid not null references account (id),
  wallet_id uuid unique references wallet (id),
  -- The cap's currency: the wallet's, or for an account cap the currency of the wallets it sums.
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  daily_cap_micros bigint check (daily_cap_micros >= 0),
  monthly_cap_micros bigint check (monthly_cap_micros >= 0),
  day_start date,
  day_committed_micros bigint not null default 0 check (day_committed_micros >= 0),
  month_start date,
  month_committed_micros bigint not null default 0 check (month_committed_micros >= 0),
  updated_at timestamptz not null default now()
);
create unique index spend_cap_account_key on spend_cap (account_id, currency) where wallet_id is null;
create index spend_cap_account_idx on spend_cap (account_id);

-- Whether a cap applies to the wallet (its own, or its account's in its currency), kept by the
-- service that sets caps under the wallets' row locks: the posting statement reads it on the row it
-- updates, so a charge on an uncapped wallet costs nothing more.
alter table wallet add column spend_capped boolean not null default false;
create function spendwire_wallet_spend_capped() returns trigger language plpgsql as $fn$
begin
  new.spend_capped := exists (select 1 from spend_cap c
    where c.wallet_id is null and c.account_id = new.account_id and c.currency = new.currency
      and (c.daily_cap_micros is not null or c.monthly_cap_micros is not null));
  return new;
end
$fn$;
create trigger wallet_spend_capped before insert on wallet for each row execute function spendwire_wallet_spend_capped();

-- Counts charges on their wallets' caps, after the posting statement debited them: locks the caps in
-- id order (after the wallets), adds each charge in the current local day and month of \`at\`, and
-- raises SQLSTATE SW001 when a cap would be passed, which undoes the whole statement (the posting
-- batcher then runs each member alone, so only the refused charge fails).
create function spendwire_count_spend(wallet_ids uuid[], amounts bigint[], at timestamptz) returns void
language plpgsql as $fn$
declare
  cap_ids uuid[];
  over_id uuid;
begin
  select array_agg(distinct c.id) into cap_ids
    from unnest(wallet_ids) as u(wallet_id)
    join wallet w on w.id = u.wallet_id
    join spend_cap c on c.wallet_id = w.id or (c.wallet_id is null and c.account_id = w.account_id and c.currency = w.currency)
   where c.daily_cap_micros is not null or c.monthly_cap_micros is not null;
  if cap_ids is null then
    return;
  end if;
  perform 1 from spend_cap where id = any(cap_ids) order by id for update;
  with added as (
    select c.id, sum(u.amount) as amount
      from unnest(wallet_ids, amounts) as u(wallet_id, amount)
      join wallet w on w.id = u.wallet_id
      join spend_cap c on c.wallet_id = w.id or (c.wallet_id is null and c.account_id = w.account_id and c.currency = w.currency)
     where c.id = any(cap_ids)
     group by c.id
  ),
  counted as (
    update spend_cap c
       set day_committed_micros = (case when c.day_start = p.local_day then c.day_committed_micros else 0 end) + d.amount,
           day_start = p.local_day,
           month_committed_micros = (case when c.month_start = p.local_month then c.month_committed_micros else 0 end) + d.amount,
           month_start = p.local_month,
           updated_at = now()
      from added d, account a,
           lateral (select (at at time zone a.timezone)::date as local_day, date_trunc('month', at at time zone a.timezone)::date as local_month) p
     where c.id = d.id and a.id = c.account_id
    returning c.id, c.daily_cap_micros, c.monthly_cap_micros, c.day_committed_micros, c.month_committed_micros
  )
  select id into over_id from counted
   where day_committed_micros > daily_cap_micros or month_committed_micros > monthly_cap_micros
   limit 1;
  if over_id is not null then
    raise exception 'spend cap % would be passed', over_id using errcode = 'SW001';
  end if;
end
$fn$;

alter table call drop constraint call_end_reason_check;
alter table call add constraint call_end_reason_check
  check (end_reason in ('HANGUP', 'INSUFFICIENT_FUNDS', 'BUDGET_REACHED', 'WALLET_SUSPENDED', 'SPEND_CAP_REACHED'));

alter table alert drop constraint alert_kind_check;
alter table alert add constraint alert_kind_check check (kind in ('LOW_BALANCE', 'BALANCE_DEPLETED', 'BALANCE_RECOVERED', 'CALLS_STOPPED',
  'WALLET_SUSPENDED', 'ACCOUNT_CLOSING', 'PAYMENT_FAILED', 'AUTO_RECHARGE_FAILED', 'AUTO_RECHARGE_PAUSED',
  'NUMBER_RENEWAL_FAILED', 'BUDGET_REACHED', 'SPEND_CAP_WARNING', 'SPEND_CAP_REACHED'));

-- The two alerts are mailed like the others, and each user may turn them off.
alter table notification_preference drop constraint notification_preference_kind_check;
alter table notification_preference add constraint notification_preference_kind_check check (kind in ('LOW_BALANCE', 'BALANCE_DEPLETED',
  'PAYMENT_FAILED', 'AUTO_RECHARGE_FAILED', 'AUTO_RECHARGE_PAUSED', 'ACCOUNT_CLOSING', 'TOP_UP_RECEIPT', 'SPEND_CAP_WARNING', 'SPEND_CAP_REACHED'));
alter table email_message drop constraint email_message_kind_check;
alter table email_message add constraint email_message_kind_check check (kind in ('LOW_BALANCE', 'BALANCE_DEPLETED', 'PAYMENT_FAILED',
  'AUTO_RECHARGE_FAILED', 'AUTO_RECHARGE_PAUSED', 'ACCOUNT_CLOSING', 'TOP_UP_RECEIPT', 'INVITATION', 'SPEND_CAP_WARNING', 'SPEND_CAP_REACHED'));
`);
  }

  override down(): void {
    this.addSql(`
alter table email_message drop constraint email_message_kind_check;
alter table email_message add constraint email_message_kind_check check (kind in ('LOW_BALANCE', 'BALANCE_DEPLETED', 'PAYMENT_FAILED',
  'AUTO_RECHARGE_FAILED', 'AUTO_RECHARGE_PAUSED', 'ACCOUNT_CLOSING', 'TOP_UP_RECEIPT', 'INVITATION'));
alter table notification_preference drop constraint notification_preference_kind_check;
alter table notification_preference add constraint notification_preference_kind_check check (kind in ('LOW_BALANCE', 'BALANCE_DEPLETED',
  'PAYMENT_FAILED', 'AUTO_RECHARGE_FAILED', 'AUTO_RECHARGE_PAUSED', 'ACCOUNT_CLOSING', 'TOP_UP_RECEIPT'));
alter table alert drop constraint alert_kind_check;
alter table alert add constraint alert_kind_check check (kind in ('LOW_BALANCE', 'BALANCE_DEPLETED', 'BALANCE_RECOVERED', 'CALLS_STOPPED',
  'WALLET_SUSPENDED', 'ACCOUNT_CLOSING', 'PAYMENT_FAILED', 'AUTO_RECHARGE_FAILED', 'AUTO_RECHARGE_PAUSED',
  'NUMBER_RENEWAL_FAILED', 'BUDGET_REACHED'));
alter table call drop constraint call_end_reason_check;
alter table call add constraint call_end_reason_check
  check (end_reason in ('HANGUP', 'INSUFFICIENT_FUNDS', 'BUDGET_REACHED', 'WALLET_SUSPENDED'));
drop function spendwire_count_spend(uuid[], bigint[], timestamptz);
drop trigger wallet_spend_capped on wallet;
drop function spendwire_wallet_spend_capped();
alter table wallet drop column spend_capped;
drop table spend_cap;
alter table account drop column timezone;
`);
  }
}
