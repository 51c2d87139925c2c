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
drop table spend_cap;
alter table account drop column timezone;
`);
  }
}
