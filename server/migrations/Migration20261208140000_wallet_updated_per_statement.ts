import { Migration } from '@mikro-orm/migrations';

/**
 * The WALLET_UPDATED outbox events of a statement that changes many wallets' reserved credit or
 * status go in as ONE insert (Migration20261122050000_wallet_updated made one per wallet). The row
 * trigger ran a PL/pgSQL insert per wallet, and each insert ran the outbox's reference check
 * (Migration20261207170000_posting_checks_per_statement, a statement trigger): a billing clock batch
 * that reserves on 25 wallets spent 3.8 ms of PostgreSQL in its one wallet statement (issue 18 item
 * 4: 25,000 calls on the slower host). A statement trigger with transition tables writes the same
 * events (one per wallet whose reserved credit or status changed, in the writer's transaction, at the
 * end of its statement, as before) in one insert, in wallet id order.
 */
export class Migration20261208140000WalletUpdatedPerStatement extends Migration {
  override up(): void {
    this.addSql(`
drop trigger wallet_updated on wallet;

create or replace function spendwire_wallet_updated() returns trigger language plpgsql as $$
begin
  -- A wallet's id never changes (wallet_id_kept): its old and new rows pair by id.
  insert into outbox_event (type, account_id, wallet_id)
  select 'WALLET_UPDATED', n.account_id, n.id
    from new_rows n join old_rows o on o.id = n.id
   where o.reserved_micros is distinct from n.reserved_micros or o.status is distinct from n.status
   order by n.id;
  return null;
end $$;

create trigger wallet_updated after update on wallet referencing old table as old_rows new table as new_rows
  for each statement execute function spendwire_wallet_updated();
`);
  }
}
