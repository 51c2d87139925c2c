import { Migration } from '@mikro-orm/migrations';

/**
 * Retention (issue 14): the jobs in server/lifecycle/retention-jobs.ts delete what is no longer
 * needed, in batches. The ledger (ledger_transaction, ledger_entry, wallet_transaction) is never
 * deleted; its append-only triggers stay as they are.
 *
 * - The outbox stays append-only for everyone but the retention job: a DELETE passes only for rows
 *   created before the cutoff the job sets for its own transaction (`set_config(…, true)`, i.e.
 *   `set local spendwire.outbox_retention_before`). A plain DELETE, an UPDATE or a TRUNCATE is still
 *   refused. This guards against mistakes (a stray DELETE in code or a console), not against a
 *   database user who can set the same setting: that user could drop the trigger as well.
 * - Alerts likewise: only an acknowledged alert, acknowledged before the job's cutoff
 *   (`spendwire.alert_retention_before`), may be deleted; an alert is otherwise unchanged except
 *   for its one acknowledgement.
 * - `retention_floor` remembers, per kind of resumable stream, how far deletion has gone: the
 *   newest cutoff used on the outbox (a wallet transaction created before it may have lost its
 *   outbox row: the ledger check allows that, a balanceChanged resume from there is refused) and
 *   the highest alert id deleted (an alertRaised resume from below it is refused).
 * - Indexes let each job find its oldest rows without a scan.
 */
export class Migration20261206050000Retention extends Migration {
  override up(): void {
    this.addSql(`
create table retention_floor (
  name text primary key check (name in ('outbox', 'alerts')),
  -- outbox: the newest cutoff used (rows created before it may be gone).
  before_at timestamptz,
  -- alerts: the highest alert id deleted.
  position bigint check (position >= 0)
);

create function spendwire_outbox_retention_delete() returns trigger language plpgsql as $fn$
declare
  before_at timestamptz := nullif(current_setting('spendwire.outbox_retention_before', true), '')::timestamptz;
begin
  if before_at is null or old.created_at >= before_at then
    raise exception 'outbox_event is append-only: only the retention job deletes, and only rows older than its cutoff';
  end if;
  return old;
end
$fn$;
drop trigger outbox_event_append_only on outbox_event;
create trigger outbox_event_append_only before update or truncate on outbox_event
  for each statement execute function spendwire_forbid_change();
create trigger outbox_event_retention_only before delete on outbox_event
  for each row execute function spendwire_outbox_retention_delete();

create or replace function spendwire_alert_guard() returns trigger language plpgsql as $fn$
begin
  if tg_op = 'DELETE' then
    if old.acknowledged_at is not null
       and old.acknowledged_at < nullif(current_setting('spendwire.alert_retention_before', true), '')::timestamptz then
      return old;
    end if;
    raise exception 'alert is append-only: only the retention job deletes, and only alerts acknowledged before its cutoff';
  end if;
  if old.acknowledged_at is not null
     or (to_jsonb(new) - 'acknowledged_at' - 'acknowledged_by') <> (to_jsonb(old) - 'acknowledged_at' - 'acknowledged_by') then
    raise exception 'an alert can only be acknowledged, once';
  end if;
  return new;
end
$fn$;

create index idempotency_key_created_idx on idempotency_key (created_at) where key not like 'spendwire:%';
create index webhook_delivery_delivered_idx on webhook_delivery (delivered_at) where status = 'DELIVERED';
create index webhook_delivery_event_idx on webhook_delivery (event_id);
create index webhook_event_created_idx on webhook_event (created_at);
create index email_message_sent_idx on email_message (sent_at) where status = 'SENT';
create index email_message_failed_idx on email_message (created_at) where status = 'FAILED';
create index email_message_alert_idx on email_message (alert_id) where alert_id is not null;
create index alert_acknowledged_idx on alert (acknowledged_at) where acknowledged_at is not null;
create index alert_stopped_call_alerted_idx on alert_stopped_call (seen_at) where alerted;
create index user_session_expires_idx on user_session (expires_at);
create index user_invitation_expires_idx on user_invitation (expires_at);
`);
  }
}
