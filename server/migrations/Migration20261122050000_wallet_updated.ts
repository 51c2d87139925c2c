import { Migration } from '@mikro-orm/migrations';

/**
 * Reservations and lifecycle changes of a wallet reach subscribers too: calls reserving
 * increments, message holds, releases and suspensions change what is available without a
 * transaction, so they leave no WALLET_TRANSACTION event. A trigger writes a WALLET_UPDATED
 * outbox row whenever a wallet's reserved credit or status changes, in the writer's transaction,
 * so no writer can forget it (postings that also release credit write both rows: readers load the
 * wallet's state once per read and drop repeats).
 */
export class Migration20261122050000WalletUpdated extends Migration {
  override up(): void {
    this.addSql(`
alter table outbox_event drop constraint outbox_event_type_check;
alter table outbox_event add constraint outbox_event_type_check
  check (type in ('WALLET_TRANSACTION', 'CAMPAIGN_UPDATED', 'CALL_UPDATED', 'WALLET_UPDATED'));

create function spendwire_wallet_updated() returns trigger language plpgsql as $$
begin
  insert into outbox_event (type, account_id, wallet_id) values ('WALLET_UPDATED', new.account_id, new.id);
  return null;
end $$;

create trigger wallet_updated after update on wallet
  for each row when (old.reserved_micros is distinct from new.reserved_micros or old.status is distinct from new.status)
  execute function spendwire_wallet_updated();
`);
  }
}
