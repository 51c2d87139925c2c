import { Migration } from '@mikro-orm/migrations';

/**
 * Alerts (issue 7): low balance, depletion, stopped calls, suspension, payment failures… raised
 * from the outbox by one alert processor at a time, so that an alert's `id` is also its commit
 * order: every alert row is inserted while its writer holds the alerts consumer's lock (an advisory lock), and that
 * lock is released only at commit. A reader that has seen every alert up to id N can therefore
 * resume with `id > N` and never miss one committed later, across all accounts (the feed's
 * position).
 *
 * - `wallet_alert_state` holds a wallet's low-balance thresholds (the customer's setting) and the
 *   processor's state: which thresholds are armed (a threshold fires once when the posted balance
 *   crosses it downwards and re-arms only when the balance is back above it), and the last wallet
 *   transaction the processor has looked at, so each ledger row is judged exactly once.
 * - Causes that are not a change of a ledger, wallet or campaign row (an account about to close,
 *   a number renewal that failed) are written to the outbox as `ALERT_CAUSE` rows with a JSON body
 *   in the same transaction as the change that causes them.
 */
export class Migration20261204000000Alerts extends Migration {
  override up(): void {
    this.addSql(`
alter table outbox_event drop constraint outbox_event_type_check;
alter table outbox_event add constraint outbox_event_type_check
  check (type in ('WALLET_TRANSACTION', 'CAMPAIGN_UPDATED', 'CALL_UPDATED', 'WALLET_UPDATED', 'PAYMENT_EVENT', 'ALERT_CAUSE'));
alter table outbox_event add column alert_cause jsonb;
alter table outbox_event add check ((type = 'ALERT_CAUSE') = (alert_cause is not null));

create table alert (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('LOW_BALANCE', 'BALANCE_DEPLETED', 'BALANCE_RECOVERED', 'CALLS_STOPPED',
    'WALLET_SUSPENDED', 'ACCOUNT_CLOSING', 'PAYMENT_FAILED', 'AUTO_RECHARGE_FAILED', 'AUTO_RECHARGE_PAUSED',
    'NUMBER_RENEWAL_FAILED', 'BUDGET_REACHED')),
  severity text not null check (severity in ('INFO', 'WARNING', 'CRITICAL')),
  account_id uuid not null references account (id),
  wallet_id uuid references wallet (id),
  campaign_id uuid references campaign (id),
  currency char(3) check (currency ~ '^[A-Z]{3}$'),
  -- The threshold crossed (LOW_BALANCE), the posted balance after the cause, and the amount at
  -- stake (a failed payment's amount), each in micro-units where it applies.
  threshold_micros bigint check (threshold_micros >= 0),
  balance_micros bigint check (balance_micros >= 0),
  amount_micros bigint check (amount_micros >= 0),
  calls_stopped integer check (calls_stopped >= 0),
  message text not null check (length(message) between 1 and 1000),
  -- What makes two alerts the same cause: a replayed outbox row can never raise a second alert.
  dedupe_key text not null unique,
  raised_at timestamptz not null,
  acknowledged_at timestamptz,
  acknowledged_by text check (length(acknowledged_by) between 1 and 200),
  check ((acknowledged_at is null) = (acknowledged_by is null))
);
create index alert_account_idx on alert (account_id, id);

-- Alerts are a record: only the acknowledgement may be set, once.
create function spendwire_alert_guard() returns trigger language plpgsql as $fn$
begin
  if tg_op <> 'UPDATE' then
    raise exception 'alert is append-only';
  end if;
  if old.acknowledged_at is not null
     or (to_jsonb(new) - 'acknowledged_at' - 'acknowledged_by') <> (to_jsonb(old) - 'acknowledged_at' - 'acknowledged_by') then
    raise exception 'an alert can only be acknowledged, once';
  end if;
  return new;
end
$fn$;
create trigger alert_guard before update or delete on alert
  for each row execute function spendwire_alert_guard();
create trigger alert_no_truncate before truncate on alert
  for each statement execute function spendwire_forbid_change();

create table wallet_alert_state (
  wallet_id uuid primary key references wallet (id),
  -- Low-balance thresholds in micro-units, highest first; 0 is the "depleted" alert.
  thresholds_micros bigint[] not null default '{5000000,0}',
  -- The thresholds that fire on the next downward crossing.
  armed_micros bigint[] not null default '{}',
  -- The last wallet transaction (its sequence) the processor has judged, and the balance after it.
  sequence bigint not null default 0 check (sequence >= 0),
  balance_micros bigint not null default 0 check (balance_micros >= 0),
  -- True from BALANCE_DEPLETED until the balance is above zero again (BALANCE_RECOVERED).
  depleted boolean not null default false,
  -- The wallet status the processor last saw (to raise WALLET_SUSPENDED once per suspension).
  status text not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
  check (cardinality(thresholds_micros) <= 10),
  check (0 <= all (thresholds_micros))
);

-- Every existing wallet starts where it is: its history is not replayed into alerts.
insert into wallet_alert_state (wallet_id, sequence, balance_micros, status, depleted, armed_micros)
select w.id, w.last_sequence, w.balance_micros, w.status, w.balance_micros = 0 and w.last_sequence > 0,
       array(select t from unnest('{5000000,0}'::bigint[]) t where w.balance_micros > t)
  from wallet w;

create table campaign_alert_state (
  campaign_id uuid primary key references campaign (id),
  -- The campaign status the processor last saw (BUDGET_REACHED once per stop).
  status text not null
);
insert into campaign_alert_state (campaign_id, status) select id, status from campaign;

-- Calls the server stopped for money, gathered into one CALLS_STOPPED alert per campaign and stop:
-- raised once the campaign has no call left up, or a while after the first stop was seen.
create table alert_stopped_call (
  call_id uuid primary key references call (id),
  campaign_id uuid not null references campaign (id),
  end_reason text not null,
  seen_at timestamptz not null default now(),
  alerted boolean not null default false
);
create index alert_stopped_call_pending_idx on alert_stopped_call (campaign_id) where not alerted;

-- Durable readers of the outbox (the alert processor, mail, webhooks): each its position. An advisory
-- lock per name, held to commit, serializes the processes that run one (see outbox-consumer.ts).
create table outbox_consumer (
  name text primary key,
  tx_id xid8 not null,
  event_id bigint not null
);
insert into outbox_consumer (name, tx_id, event_id)
select 'alerts', coalesce(max(tx_id), '0'::xid8), coalesce(max(id), 0) from outbox_event;

-- Durable readers of the alerts (mail, webhooks): the last alert id each has handled. Alert ids are
-- commit order (above), so \`id > alert_id\` never skips one.
create table alert_reader (
  name text primary key,
  alert_id bigint not null check (alert_id >= 0)
);
`);
  }
}
