import { Migration } from '@mikro-orm/migrations';
import { CHECKS, checkFunction } from './Migration20261207174000_posting_checks_small_statements.js';

/** Statements of at most this many rows in a table check its references with a probe per row (as Migration20261207174000). */
const SMALL_STATEMENT_ROWS_MAX = 16;

/**
 * The ledger in two rows per posting instead of four (issue 18, usage at 30,000 events/s).
 *
 * Every ledger transaction is one wallet transaction: the posting statement is the only writer of the
 * journal, and it wrote for each posting a `ledger_transaction` header (its id, kind and time: the
 * wallet transaction's own), a wallet leg in `ledger_entry` (its wallet and signed amount: the wallet
 * transaction's own) and a platform leg. Measured on 500-event usage statements (bench/usage-statement.ts
 * and EXPLAIN (ANALYZE, BUFFERS, WAL)), the header and the wallet leg with their index entries were
 * about 60 % of the statement's WAL bytes per event and most of the rest of its work outside the
 * wallet transaction itself; no statement read them but verifyLedger.
 *
 * Now:
 * - The wallet transaction IS the transaction's header and its wallet leg (signed amount: + for a
 *   CREDIT, − for a DEBIT). `ledger_transaction` is gone.
 * - `ledger_entry` holds the platform leg: one per wallet transaction (its primary key), on a
 *   platform account, with its own amount, written by the same statement. Its serial id, its
 *   wallet column and its two secondary indexes (no reader: verifyLedger hashes whole tables) are gone.
 * - Double entry is still checked by PostgreSQL at the end of every statement, from both sides: each
 *   new wallet transaction must have its platform leg, summing with it to zero (SQLSTATE P0001
 *   "unbalanced" otherwise, as before); each new platform leg must name an existing wallet
 *   transaction and platform account (SQLSTATE 23503); a second leg is refused by the primary key.
 *   verifyLedger checks every transaction's legs and every wallet's balance against its legs.
 *
 * up() refuses to run (and changes nothing) when the books do not have that shape already: a header
 * without its wallet transaction, or with another kind or time, or a transaction whose legs are not
 * exactly its wallet transaction's wallet leg and one platform leg. down() rebuilds the header and the
 * wallet leg of every wallet transaction, the serial ids, the indexes and the checks as they were.
 */
export class Migration20261208140000LedgerTwoRowsPerPosting extends Migration {
  override up(): void {
    this.addSql(`
do $check$
declare
  broken text;
begin
  select coalesce(
    (select 'ledger transaction ' || h.id || ' has no wallet transaction of its kind and time' from ledger_transaction h
       left join wallet_transaction t on t.id = h.id
      where t.id is null or t.kind <> h.kind or t.created_at <> h.created_at limit 1),
    (select 'wallet transaction ' || t.id || ' has no ledger transaction' from wallet_transaction t
      where not exists (select from ledger_transaction h where h.id = t.id) limit 1),
    (select 'ledger transaction ' || l.transaction_id || ' does not have exactly its wallet leg and one platform leg' from (
       select e.transaction_id,
              count(*) filter (where e.wallet_id is not null) as wallet_legs,
              count(*) filter (where e.wallet_id = t.wallet_id
                                 and e.amount_micros = case t.type when 'CREDIT' then t.amount_micros else -t.amount_micros end) as matching_wallet_legs,
              count(*) filter (where e.platform_account_id is not null) as platform_legs
         from ledger_entry e left join wallet_transaction t on t.id = e.transaction_id
        group by e.transaction_id) l
      where l.wallet_legs <> 1 or l.matching_wallet_legs <> 1 or l.platform_legs <> 1 limit 1),
    (select 'wallet transaction ' || t.id || ' has no ledger entries' from wallet_transaction t
      where not exists (select from ledger_entry e where e.transaction_id = t.id) limit 1))
    into broken;
  if broken is not null then
    raise exception 'Migration20261208140000_ledger_two_rows_per_posting: the books are not one wallet transaction per ledger transaction: %', broken;
  end if;
end
$check$;

alter table ledger_entry disable trigger ledger_entry_append_only;
delete from ledger_entry where wallet_id is not null;
alter table ledger_entry enable trigger ledger_entry_append_only;

-- The wallet column goes with its index and the one-of-two check; the serial id with its sequence.
alter table ledger_entry drop column wallet_id;
alter table ledger_entry drop column id;
drop index ledger_entry_transaction_id_idx;
alter table ledger_entry alter column platform_account_id set not null;
alter table ledger_entry add constraint ledger_entry_pkey primary key (transaction_id);

drop table ledger_transaction;

${LEDGER_ENTRY_CHECK}

${WALLET_TRANSACTION_CHECK}
`);
  }

  override down(): void {
    this.addSql(`
create table ledger_transaction (
  id uuid primary key,
  kind text not null,
  created_at timestamptz not null default now()
);
insert into ledger_transaction (id, kind, created_at) select id, kind, created_at from wallet_transaction;
create trigger ledger_transaction_append_only before update or delete or truncate on ledger_transaction
  for each statement execute function spendwire_forbid_change();

alter table ledger_entry drop constraint ledger_entry_pkey;
alter table ledger_entry alter column platform_account_id drop not null;
alter table ledger_entry add column id bigserial primary key;
alter table ledger_entry add column wallet_id uuid;
alter table ledger_entry add constraint ledger_entry_check check (num_nonnulls(wallet_id, platform_account_id) = 1);

${CHECKS.map((check) => checkFunction(check, true)).join('\n')}

-- Each wallet leg alone does not balance its transaction within the statement that adds it (its
-- platform leg is already there): the check is off for this one statement.
alter table ledger_entry disable trigger ledger_entry_checked;
insert into ledger_entry (transaction_id, wallet_id, amount_micros)
select id, wallet_id, case type when 'CREDIT' then amount_micros else -amount_micros end from wallet_transaction;
alter table ledger_entry enable trigger ledger_entry_checked;

create index ledger_entry_transaction_id_idx on ledger_entry (transaction_id);
create index ledger_entry_wallet_id_idx on ledger_entry (wallet_id) where wallet_id is not null;
`);
  }
}

/**
 * Platform legs, per statement: each names a wallet transaction and a platform account that exist
 * (the balance is checked from the wallet transaction's side, which also catches a missing leg). A
 * probe per row for the transactions (one leg per transaction: a row is a distinct value), per
 * distinct value for the platform accounts above {@link SMALL_STATEMENT_ROWS_MAX} rows.
 */
const LEDGER_ENTRY_CHECK = `create or replace function spendwire_check_ledger_entries() returns trigger language plpgsql as $fn$
declare
  missing text;
begin
  select coalesce(
    (select 'transaction_id → wallet_transaction: ' || n.transaction_id from new_rows n
      where (select t.id from wallet_transaction t where t.id = n.transaction_id) is null limit 1),
    case when (select count(*) from new_rows) <= ${SMALL_STATEMENT_ROWS_MAX}
      then (select 'platform_account_id → platform_account: ' || n.platform_account_id from new_rows n
             where (select p.id from platform_account p where p.id = n.platform_account_id) is null limit 1)
      else (select 'platform_account_id → platform_account: ' || d.id from (select distinct n.platform_account_id as id from new_rows n) d
             where (select p.id from platform_account p where p.id = d.id) is null limit 1)
    end)
    into missing;
  if missing is not null then perform spendwire_missing_reference('ledger_entry', missing); end if;
  return null;
end
$fn$;`;

/**
 * Wallet transactions, per statement: each is balanced by its platform leg (written by the same
 * statement: the leg's check above refuses a leg whose transaction is not there yet), and names a
 * wallet and an account that exist (a probe per row up to {@link SMALL_STATEMENT_ROWS_MAX} rows, per
 * distinct value above, as Migration20261207174000).
 */
const WALLET_TRANSACTION_CHECK = `create or replace function spendwire_check_wallet_transaction_references() returns trigger language plpgsql as $fn$
declare
  unbalanced text;
  missing text;
begin
  select (select format('ledger transaction %s is unbalanced: its wallet leg of %s has %s', l.id, l.wallet_micros,
                        coalesce('a platform leg of ' || l.platform_micros || ' (sum ' || (l.wallet_micros + l.platform_micros) || ')', 'no platform leg'))
            from (select n.id, case n.type when 'CREDIT' then n.amount_micros else -n.amount_micros end as wallet_micros,
                         (select e.amount_micros from ledger_entry e where e.transaction_id = n.id) as platform_micros
                    from new_rows n) l
           where l.platform_micros is null or l.wallet_micros + l.platform_micros <> 0 limit 1),
         case when (select count(*) from new_rows) <= ${SMALL_STATEMENT_ROWS_MAX}
           then coalesce(
             (select 'wallet_id → wallet: ' || n.wallet_id from new_rows n where (select w.id from wallet w where w.id = n.wallet_id) is null limit 1),
             (select 'account_id → account: ' || n.account_id from new_rows n where (select a.id from account a where a.id = n.account_id) is null limit 1))
           else coalesce(
             (select 'wallet_id → wallet: ' || d.id from (select distinct n.wallet_id as id from new_rows n) d
               where (select w.id from wallet w where w.id = d.id) is null limit 1),
             (select 'account_id → account: ' || d.id from (select distinct n.account_id as id from new_rows n) d
               where (select a.id from account a where a.id = d.id) is null limit 1))
         end
    into unbalanced, missing;
  if missing is not null then perform spendwire_missing_reference('wallet_transaction', missing); end if;
  if unbalanced is not null then
    raise exception '%', unbalanced;
  end if;
  return null;
end
$fn$;`;
