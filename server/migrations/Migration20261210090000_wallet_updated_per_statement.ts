import { Migration } from '@mikro-orm/migrations';

/**
 * The WALLET_UPDATED outbox rows (a wallet's reserved credit or status changed) are written once per
 * statement, not once per wallet row (issue 18 item 3: call set-up at 1,500 calls/s on 2 cores).
 *
 * The row trigger of {@link Migration20261122050000WalletUpdated} ran its function once per changed
 * wallet, and each run was an INSERT of its own, each firing the outbox's reference checks
 * (`outbox_event_references`) once more. A statement that reserved credit on 25 wallets (a call
 * start batch over 25 accounts) cost 1.75 ms, against 0.29 ms for the same statement changing only
 * balances (which fires nothing); with this trigger it costs 0.70 ms. A statement that changes no
 * reserved credit or status now runs the function once and inserts nothing: 0.03 ms more for a
 * one-wallet posting (pgbench, one client, PostgreSQL 18, synchronous_commit off).
 *
 * A row per wallet whose reserved credit or status the statement changed, in the writer's
 * transaction (so no writer can forget it), in wallet id order; but none for a wallet the statement
 * also posted on (its `last_sequence` moved: only the posting statement moves it, and it writes that
 * wallet's WALLET_TRANSACTION row, with the reserved credit after, in the same statement). Every
 * reader takes either kind of row as "this wallet changed" (the live tail's wallet listeners, the
 * alert processor), so the second row was read back by each of them for nothing: it was one of the
 * seven outbox rows of a call placed and hung up (the end posts the cost and releases the
 * reservation in one statement), and of a message's capture.
 */
export class Migration20261210090000WalletUpdatedPerStatement extends Migration {
  override up(): void {
    this.addSql(`
create function spendwire_wallet_updated_rows() returns trigger language plpgsql as $$
begin
  insert into outbox_event (type, account_id, wallet_id)
  select 'WALLET_UPDATED', n.account_id, n.id
    from new_rows n join old_rows o on o.id = n.id
   where (o.reserved_micros is distinct from n.reserved_micros and o.last_sequence = n.last_sequence)
      or o.status is distinct from n.status
   order by n.id;
  return null;
end $$;
drop trigger wallet_updated on wallet;
drop function spendwire_wallet_updated();
create trigger wallet_updated after update on wallet
  referencing old table as old_rows new table as new_rows
  for each statement execute function spendwire_wallet_updated_rows();
`);
  }

  override down(): void {
    this.addSql(`
drop trigger wallet_updated on wallet;
drop function spendwire_wallet_updated_rows();
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
