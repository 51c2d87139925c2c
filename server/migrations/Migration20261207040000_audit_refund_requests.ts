import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log and customers' refund requests (issue 17, items 4 and 5).
 *
 * - `audit_log` records who changed what: one row per audited change, written in the transaction
 *   of the change itself, so a change without its entry (or an entry without its change) cannot
 *   commit. `actor` is the ledger's actor text (`user:<id>`, `api_key:<id>`, `platform_admin_token`),
 *   `actor_name` the user's or key's name at the time (kept when the user or key goes). `before` and
 *   `after` are JSON of the changed fields; secrets are never written (the service leaves them out).
 *   `account_id` is null for a change of no tenant (a platform key). Append-only, like the journal.
 * - `refund_request` is an owner's request of a refund of unused paid credit: at most one PENDING per
 *   wallet (a partial unique index), decided once by platform staff (APPROVED with the refund's wallet
 *   transaction, DECLINED with a reason) or CANCELLED by the owner.
 * - New alert kinds (REFUND_REQUESTED, REFUND_REQUEST_CLOSED), a webhook event type
 *   (REFUND_REQUEST_UPDATED) and a mail source (`refund_request_id` with its status) widen the
 *   existing CHECKs.
 */
export class Migration20261207040000AuditRefundRequests extends Migration {
  override up(): void {
    this.addSql(`
create table audit_log (
  id bigint generated always as identity primary key,
  account_id uuid references account (id),
  action text not null check (action ~ '^[A-Z_]{1,60}$'),
  target_type text not null check (length(target_type) between 1 and 60),
  target_id text check (length(target_id) between 1 and 200),
  actor text not null check (length(actor) between 1 and 200),
  actor_name text check (length(actor_name) between 1 and 200),
  client_ip text check (length(client_ip) between 1 and 100),
  before jsonb,
  after jsonb,
  created_at timestamptz not null default now()
);
create index audit_log_account_idx on audit_log (account_id, id);
create index audit_log_account_action_idx on audit_log (account_id, action, id);

create function spendwire_audit_log_guard() returns trigger language plpgsql as $fn$
begin
  raise exception 'audit_log is append-only';
end
$fn$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function spendwire_audit_log_guard();

create table refund_request (
  id uuid primary key,
  account_id uuid not null references account (id),
  wallet_id uuid not null references wallet (id),
  amount_micros bigint not null check (amount_micros > 0),
  reason text check (length(reason) between 1 and 2000),
  status text not null check (status in ('PENDING', 'APPROVED', 'DECLINED', 'CANCELLED')),
  requested_by text not null,
  decided_by text,
  decline_reason text check (length(decline_reason) between 1 and 2000),
  wallet_transaction_id uuid references wallet_transaction (id),
  created_at timestamptz not null,
  decided_at timestamptz,
  check ((status = 'PENDING') = (decided_at is null)),
  check ((status = 'PENDING') = (decided_by is null)),
  check ((status = 'APPROVED') = (wallet_transaction_id is not null)),
  check ((status = 'DECLINED') = (decline_reason is not null))
);
create unique index refund_request_one_pending on refund_request (wallet_id) where status = 'PENDING';
create index refund_request_account_idx on refund_request (account_id, created_at);
create index refund_request_pending_idx on refund_request (created_at, id) where status = 'PENDING';

alter table alert drop constraint alert_kind_check;
alter table alert add constraint alert_kind_check check (kind in ('LOW_BALANCE', 'BALANCE_DEPLETED', 'BALANCE_RECOVERED', 'CALLS_STOPPED',
    'WALLET_SUSPENDED', 'ACCOUNT_CLOSING', 'PAYMENT_FAILED', 'AUTO_RECHARGE_FAILED', 'AUTO_RECHARGE_PAUSED',
    'NUMBER_RENEWAL_FAILED', 'BUDGET_REACHED', 'REFUND_REQUESTED', 'REFUND_REQUEST_CLOSED'));

alter table webhook_endpoint drop constraint webhook_endpoint_event_types_check;
alter table webhook_endpoint add constraint webhook_endpoint_event_types_check check (cardinality(event_types) >= 1
    and event_types <@ array['TRANSACTION_CREATED', 'ALERT_RAISED', 'CALLS_STOPPED', 'TOP_UP_SUCCEEDED', 'TOP_UP_FAILED',
      'REFUND_REQUEST_UPDATED']::text[]);
alter table webhook_event drop constraint webhook_event_type_check;
alter table webhook_event add constraint webhook_event_type_check check (type in ('TRANSACTION_CREATED', 'ALERT_RAISED', 'CALLS_STOPPED',
    'TOP_UP_SUCCEEDED', 'TOP_UP_FAILED', 'REFUND_REQUEST_UPDATED'));

alter table email_message
  add column refund_request_id uuid references refund_request (id),
  add column refund_request_status text check (refund_request_status in ('APPROVED', 'DECLINED', 'CANCELLED'));
alter table email_message drop constraint email_message_kind_check;
alter table email_message drop constraint email_message_one_source_check;
alter table email_message drop constraint email_message_source_recipient_key;
alter table email_message
  add constraint email_message_kind_check check (kind in ('LOW_BALANCE', 'BALANCE_DEPLETED', 'PAYMENT_FAILED', 'AUTO_RECHARGE_FAILED',
    'AUTO_RECHARGE_PAUSED', 'ACCOUNT_CLOSING', 'TOP_UP_RECEIPT', 'INVITATION', 'REFUND_REQUEST')),
  add constraint email_message_one_source_check check (num_nonnulls(alert_id, top_up_id, invitation_id, refund_request_id) = 1),
  add constraint email_message_refund_request_pair_check check ((refund_request_id is null) = (refund_request_status is null)),
  add constraint email_message_refund_request_kind_check check ((refund_request_id is not null) = (kind = 'REFUND_REQUEST'));
alter table email_message drop column source;
alter table email_message add column source text generated always as (
  coalesce('alert:' || alert_id::text, 'top_up:' || top_up_id::text, 'invitation:' || invitation_id::text || ':' || invitation_send::text,
    'refund_request:' || refund_request_id::text || ':' || refund_request_status)
) stored;
alter table email_message add constraint email_message_source_recipient_key unique (source, recipient);
`);
  }
}
