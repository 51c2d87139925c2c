import { Migration } from '@mikro-orm/migrations';

/**
 * Acknowledgements become a resumable feed of their own (the `alertAcknowledged` subscription), so
 * every open console and the owner's overview see an alert leave the unacknowledged list live:
 * - `alert.acknowledgement_position`: where the acknowledgement stands in the feed, set with the
 *   acknowledgement and never changed. Positions are commit order: every acknowledging transaction
 *   first locks the one row of `alert_acknowledgement_head` and holds it to commit, so reading
 *   `acknowledgement_position > last` never skips one. Alerts acknowledged before this migration get
 *   positions in the order of their acknowledgement.
 * - `alert_acknowledgement_head.position`: the newest position committed (transactional, never
 *   lower, also after retention deleted the alert that had it): what a list read in the same
 *   snapshot tells a client to resume after.
 * - The alert guard lets an alert change only by its one acknowledgement and its position.
 * - `retention_floor` 'alert_acknowledgements': the highest acknowledgement position retention has
 *   deleted (an alertAcknowledged resume from below it is refused).
 */
export class Migration20261207070000AlertAcknowledgementFeed extends Migration {
  override up(): void {
    this.addSql(`
create or replace function spendwire_alert_guard() returns trigger language plpgsql as $fn$
begin
  if tg_op = 'DELETE' then
    if old.acknowledged_at is not null
       and old.acknowledged_at < nullif(current_setting('spendwire.alert_retention_before', true), '')::timestamptz then
      return old;
    end if;
    raise exception 'alert is append-only: only the retention job deletes, and only alerts acknowledged before its cutoff';
  end if;
  if (to_jsonb(new) - 'acknowledged_at' - 'acknowledged_by' - 'acknowledgement_position')
       <> (to_jsonb(old) - 'acknowledged_at' - 'acknowledged_by' - 'acknowledgement_position')
     or old.acknowledgement_position is not null
     or (old.acknowledged_at is not null
         and (new.acknowledged_at is distinct from old.acknowledged_at or new.acknowledged_by is distinct from old.acknowledged_by)) then
    raise exception 'an alert can only be acknowledged, once';
  end if;
  return new;
end
$fn$;

alter table alert add column acknowledgement_position bigint check (acknowledgement_position > 0);
create sequence alert_acknowledgement_position_seq as bigint minvalue 1;
create table alert_acknowledgement_head (
  id boolean primary key default true check (id),
  position bigint not null check (position >= 0)
);

update alert a set acknowledgement_position = o.position
  from (select id, row_number() over (order by acknowledged_at, id) as position from alert where acknowledged_at is not null) o
 where a.id = o.id;
select setval('alert_acknowledgement_position_seq', max(acknowledgement_position)) from alert having max(acknowledgement_position) is not null;
insert into alert_acknowledgement_head (position) select coalesce(max(acknowledgement_position), 0) from alert;

alter table alert add constraint alert_acknowledged_has_position
  check ((acknowledgement_position is null) = (acknowledged_at is null));
create unique index alert_acknowledgement_position_idx on alert (acknowledgement_position) where acknowledgement_position is not null;

alter table retention_floor drop constraint retention_floor_name_check;
alter table retention_floor add constraint retention_floor_name_check check (name in ('outbox', 'alerts', 'alert_acknowledgements'));
`);
  }
}
