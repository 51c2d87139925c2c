import { Migration } from '@mikro-orm/migrations';

/**
 * The posting statement's integrity checks, once per statement instead of once per row (issue 18,
 * usage at 30,000 events/s). Measured before this migration on 500-event postings
 * (bench/usage-statement.ts): PostgreSQL spent ~87 µs of CPU per event, of which ~12 µs went to the
 * deferred balance trigger (one call and one query per ledger entry, two per event) and ~35 µs to
 * the eleven foreign keys of the four tables every posting writes (each checked per row by its own
 * SPI query that also takes a KEY SHARE lock on the referenced row: ten checks per event).
 *
 * Nothing is given up; each check is the same set of rows checked at once:
 * - Balance. Every INSERT into ledger_entry must leave each ledger transaction it touches balanced:
 *   its new entries sum to zero and are at least two. The posting statement is the only writer
 *   and writes both legs of a transaction in one statement; entries are never updated or deleted
 *   (append-only triggers), so "every statement balanced" implies "every transaction balanced".
 *   It is checked at the end of the statement (not at commit), which is stricter.
 * - References. ledger_entry, wallet_transaction, outbox_event and idempotency_key lose their
 *   foreign keys to ledger_transaction, wallet_transaction, wallet, account, platform_account and
 *   invoice; one statement-level trigger per table checks every new row's references at once, in
 *   one query (a primary-key probe per distinct value: a handful of wallets, one platform account;
 *   ledger_entry's trigger checks the balance in the same query). A missing row raises SQLSTATE
 *   23503 (foreign_key_violation), as the foreign key did.
 * - What the foreign keys also did: forbid deleting a referenced row (or changing its id). The
 *   journal (ledger_transaction, wallet_transaction) is append-only already. Accounts, wallets and
 *   platform accounts are never deleted (an account is closed, not removed): deleting or
 *   truncating one, or changing its id, is now refused by a trigger. The per-row KEY SHARE lock
 *   the foreign key took only guarded against such a delete, so it is not needed.
 *
 * Other tables' foreign keys to these rows stay as they are (they are not on the posting path).
 */
export class Migration20261207170000PostingChecksPerStatement extends Migration {
  override up(): void {
    this.addSql(`
drop trigger ledger_entry_balanced on ledger_entry;

-- Each check below is ONE query per statement (a statement of one posting pays a few trigger calls,
-- not one per reference), and probes the referenced table's primary key once per distinct value:
-- the lookup is a scalar subquery on purpose, so that it stays an index probe per value (a NOT EXISTS
-- becomes an anti-join, and with the transition table's unknown size the planner may hash the whole
-- referenced table on every statement: measured, the cost then grew with the journal).

-- A reference to a row that does not exist: the foreign key's own error (SQLSTATE 23503).
create function spendwire_missing_reference(child text, missing text) returns void language plpgsql as $fn$
begin
  raise exception 'insert or update on table "%" violates the reference %, which does not exist', child, missing
    using errcode = 'foreign_key_violation';
end
$fn$;

-- Double entry, per statement: each ledger transaction the statement wrote entries for got at
-- least two, summing to zero (entries are append-only, so each transaction's whole set balances);
-- and every entry's transaction, wallet and platform account exist.
create function spendwire_check_ledger_entries() returns trigger language plpgsql as $fn$
declare
  unbalanced text;
  missing text;
begin
  select (select format('ledger transaction %s is unbalanced: %s entries summing to %s', g.transaction_id, g.entries, g.total)
            from (select n.transaction_id, count(*) as entries, sum(n.amount_micros) as total from new_rows n group by n.transaction_id) g
           where g.entries < 2 or g.total <> 0 limit 1),
         coalesce(
           (select 'transaction_id → ledger_transaction: ' || d.id from (select distinct n.transaction_id as id from new_rows n) d
             where (select t.id from ledger_transaction t where t.id = d.id) is null limit 1),
           (select 'wallet_id → wallet: ' || d.id from (select distinct n.wallet_id as id from new_rows n where n.wallet_id is not null) d
             where (select w.id from wallet w where w.id = d.id) is null limit 1),
           (select 'platform_account_id → platform_account: ' || d.id from (select distinct n.platform_account_id as id from new_rows n where n.platform_account_id is not null) d
             where (select p.id from platform_account p where p.id = d.id) is null limit 1))
    into unbalanced, missing;
  if unbalanced is not null then
    raise exception '%', unbalanced;
  end if;
  if missing is not null then perform spendwire_missing_reference('ledger_entry', missing); end if;
  return null;
end
$fn$;

create function spendwire_check_wallet_transaction_references() returns trigger language plpgsql as $fn$
declare
  missing text;
begin
  select coalesce(
    (select 'id → ledger_transaction: ' || d.id from (select distinct n.id as id from new_rows n) d
      where (select t.id from ledger_transaction t where t.id = d.id) is null limit 1),
    (select 'wallet_id → wallet: ' || d.id from (select distinct n.wallet_id as id from new_rows n) d
      where (select w.id from wallet w where w.id = d.id) is null limit 1),
    (select 'account_id → account: ' || d.id from (select distinct n.account_id as id from new_rows n) d
      where (select a.id from account a where a.id = d.id) is null limit 1)) into missing;
  if missing is not null then perform spendwire_missing_reference('wallet_transaction', missing); end if;
  return null;
end
$fn$;

create function spendwire_check_outbox_event_references() returns trigger language plpgsql as $fn$
declare
  missing text;
begin
  select coalesce(
    (select 'account_id → account: ' || d.id from (select distinct n.account_id as id from new_rows n) d
      where (select a.id from account a where a.id = d.id) is null limit 1),
    (select 'wallet_id → wallet: ' || d.id from (select distinct n.wallet_id as id from new_rows n where n.wallet_id is not null) d
      where (select w.id from wallet w where w.id = d.id) is null limit 1),
    (select 'transaction_id → wallet_transaction: ' || d.id from (select distinct n.transaction_id as id from new_rows n where n.transaction_id is not null) d
      where (select t.id from wallet_transaction t where t.id = d.id) is null limit 1),
    (select 'invoice_id → invoice: ' || d.id from (select distinct n.invoice_id as id from new_rows n where n.invoice_id is not null) d
      where (select i.id from invoice i where i.id = d.id) is null limit 1)) into missing;
  if missing is not null then perform spendwire_missing_reference('outbox_event', missing); end if;
  return null;
end
$fn$;

create function spendwire_check_idempotency_key_references() returns trigger language plpgsql as $fn$
declare
  missing text;
begin
  select coalesce(
    (select 'account_id → account: ' || d.id from (select distinct n.account_id as id from new_rows n) d
      where (select a.id from account a where a.id = d.id) is null limit 1),
    (select 'wallet_transaction_id → wallet_transaction: ' || d.id from (select distinct n.wallet_transaction_id as id from new_rows n) d
      where (select t.id from wallet_transaction t where t.id = d.id) is null limit 1)) into missing;
  if missing is not null then perform spendwire_missing_reference('idempotency_key', missing); end if;
  return null;
end
$fn$;

alter table ledger_entry drop constraint ledger_entry_transaction_id_fkey,
  drop constraint ledger_entry_wallet_id_fkey, drop constraint ledger_entry_platform_account_id_fkey;
alter table wallet_transaction drop constraint wallet_transaction_id_fkey,
  drop constraint wallet_transaction_wallet_id_fkey, drop constraint wallet_transaction_account_id_fkey;
alter table outbox_event drop constraint outbox_event_account_id_fkey, drop constraint outbox_event_wallet_id_fkey,
  drop constraint outbox_event_transaction_id_fkey, drop constraint outbox_event_invoice_id_fkey;
alter table idempotency_key drop constraint idempotency_key_account_id_fkey,
  drop constraint idempotency_key_wallet_transaction_id_fkey;

-- The journal and outbox tables are append-only (no UPDATE): only inserts can bring a reference.
create trigger ledger_entry_checked after insert on ledger_entry referencing new table as new_rows
  for each statement execute function spendwire_check_ledger_entries();
create trigger wallet_transaction_references after insert on wallet_transaction referencing new table as new_rows
  for each statement execute function spendwire_check_wallet_transaction_references();
create trigger outbox_event_references after insert on outbox_event referencing new table as new_rows
  for each statement execute function spendwire_check_outbox_event_references();
-- An idempotency record's request hash may be rewritten (a refund's): its references are checked again.
create trigger idempotency_key_references after insert on idempotency_key referencing new table as new_rows
  for each statement execute function spendwire_check_idempotency_key_references();
create trigger idempotency_key_references_updated after update on idempotency_key referencing new table as new_rows
  for each statement execute function spendwire_check_idempotency_key_references();

-- What the foreign keys also guarded: a referenced account, wallet or platform account never goes away.
create function spendwire_forbid_removal() returns trigger language plpgsql as $fn$
begin
  raise exception '% rows are never deleted or renumbered: the ledger refers to them', tg_table_name;
end
$fn$;
create trigger account_kept before delete or truncate on account
  for each statement execute function spendwire_forbid_removal();
create trigger account_id_kept before update of id on account
  for each row when (old.id is distinct from new.id) execute function spendwire_forbid_removal();
create trigger wallet_kept before delete or truncate on wallet
  for each statement execute function spendwire_forbid_removal();
create trigger wallet_id_kept before update of id on wallet
  for each row when (old.id is distinct from new.id) execute function spendwire_forbid_removal();
create trigger platform_account_kept before delete or truncate on platform_account
  for each statement execute function spendwire_forbid_removal();
create trigger platform_account_id_kept before update of id on platform_account
  for each row when (old.id is distinct from new.id) execute function spendwire_forbid_removal();
`);
  }

  override down(): void {
    this.addSql(`
drop trigger account_kept on account;
drop trigger account_id_kept on account;
drop trigger wallet_kept on wallet;
drop trigger wallet_id_kept on wallet;
drop trigger platform_account_kept on platform_account;
drop trigger platform_account_id_kept on platform_account;
drop function spendwire_forbid_removal();

drop trigger ledger_entry_checked on ledger_entry;
drop trigger wallet_transaction_references on wallet_transaction;
drop trigger outbox_event_references on outbox_event;
drop trigger idempotency_key_references on idempotency_key;
drop trigger idempotency_key_references_updated on idempotency_key;
drop function spendwire_check_ledger_entries();
drop function spendwire_check_wallet_transaction_references();
drop function spendwire_check_outbox_event_references();
drop function spendwire_check_idempotency_key_references();
drop function spendwire_missing_reference(text, text);

alter table ledger_entry add constraint ledger_entry_transaction_id_fkey foreign key (transaction_id) references ledger_transaction (id),
  add constraint ledger_entry_wallet_id_fkey foreign key (wallet_id) references wallet (id),
  add constraint ledger_entry_platform_account_id_fkey foreign key (platform_account_id) references platform_account (id);
alter table wallet_transaction add constraint wallet_transaction_id_fkey foreign key (id) references ledger_transaction (id),
  add constraint wallet_transaction_wallet_id_fkey foreign key (wallet_id) references wallet (id),
  add constraint wallet_transaction_account_id_fkey foreign key (account_id) references account (id);
alter table outbox_event add constraint outbox_event_account_id_fkey foreign key (account_id) references account (id),
  add constraint outbox_event_wallet_id_fkey foreign key (wallet_id) references wallet (id),
  add constraint outbox_event_transaction_id_fkey foreign key (transaction_id) references wallet_transaction (id),
  add constraint outbox_event_invoice_id_fkey foreign key (invoice_id) references invoice (id);
alter table idempotency_key add constraint idempotency_key_account_id_fkey foreign key (account_id) references account (id),
  add constraint idempotency_key_wallet_transaction_id_fkey foreign key (wallet_transaction_id) references wallet_transaction (id);

create constraint trigger ledger_entry_balanced after insert on ledger_entry
  deferrable initially deferred for each row execute function spendwire_assert_transaction_balanced();
`);
  }
}
