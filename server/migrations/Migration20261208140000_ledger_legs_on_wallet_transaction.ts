import { Migration } from '@mikro-orm/migrations';
import { CHECKS, checkFunction } from './Migration20261207174000_posting_checks_small_statements.js';

/** Statements of at most this many rows check their references with a probe per row (as Migration20261207174000). */
const SMALL_STATEMENT_ROWS_MAX = 16;

/**
 * Both legs of each ledger transaction on its wallet transaction's row, instead of three more rows
 * (issue 18, usage at 30,000 events/s).
 *
 * Every ledger transaction is one wallet transaction: the posting statement is the only writer of the
 * journal, and it wrote for each posting a `ledger_transaction` header (the wallet transaction's own
 * id, kind and time), a wallet leg in `ledger_entry` (the wallet transaction's own wallet and signed
 * amount) and a platform leg (the counterparty platform account and the opposite amount). Measured on
 * 500-event usage statements (EXPLAIN (ANALYZE, BUFFERS, WAL), bench/usage-statement.ts), those three
 * rows and their six index entries were ~9 of 13.3 WAL records and ~60 % of the WAL bytes per event,
 * and two statement-level checks probed them again; nothing read them but verifyLedger.
 *
 * Now a wallet transaction holds its double entry: its wallet leg (`wallet_id` and the signed amount:
 * + for a CREDIT, − for a DEBIT) and its platform leg (`platform_account_id`, `platform_amount_micros`),
 * and a CHECK pairs them: they sum to zero, on every row, always (as `balance_micros >= 0` pairs the
 * service's assertion). The platform account must exist (23503, checked per statement with the
 * transaction's other references); verifyLedger checks the sum and every wallet's balance against its
 * legs. `ledger_transaction` is gone; `ledger_entry` is a view that shows the legs as rows, for people
 * and reports that read the journal that way.
 *
 * up() refuses to run (and changes nothing) when the books do not have that shape already: a header
 * without its wallet transaction, or with another kind or time, or a transaction whose entries are not
 * exactly its wallet transaction's wallet leg and one platform leg. down() rebuilds the header and
 * entries of every wallet transaction, their indexes and checks, as they were.
 */
export class Migration20261208140000LedgerLegsOnWalletTransaction extends Migration {
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
              count(*) filter (where e.platform_account_id is not null) as platform_legs,
              sum(e.amount_micros) as total
         from ledger_entry e left join wallet_transaction t on t.id = e.transaction_id
        group by e.transaction_id) l
      where l.wallet_legs <> 1 or l.matching_wallet_legs <> 1 or l.platform_legs <> 1 or l.total <> 0 limit 1),
    (select 'wallet transaction ' || t.id || ' has no ledger entries' from wallet_transaction t
      where not exists (select from ledger_entry e where e.transaction_id = t.id) limit 1))
    into broken;
  if broken is not null then
    raise exception 'Migration20261208140000_ledger_legs_on_wallet_transaction: the books are not one wallet transaction per ledger transaction: %', broken;
  end if;
end
$check$;

alter table wallet_transaction add column platform_account_id uuid, add column platform_amount_micros bigint;
-- The journal is append-only: this one update moves the platform legs onto their transactions' rows.
alter table wallet_transaction disable trigger wallet_transaction_append_only;
update wallet_transaction t set platform_account_id = e.platform_account_id, platform_amount_micros = e.amount_micros
  from ledger_entry e where e.transaction_id = t.id and e.platform_account_id is not null;
alter table wallet_transaction enable trigger wallet_transaction_append_only;
alter table wallet_transaction
  alter column platform_account_id set not null,
  alter column platform_amount_micros set not null,
  add constraint wallet_transaction_legs_balanced
    check (platform_amount_micros + case type when 'CREDIT' then amount_micros else -amount_micros end = 0);

drop table ledger_entry;
drop table ledger_transaction;
drop function spendwire_check_ledger_entries();

-- The journal as rows of legs, as it was stored before: two per wallet transaction.
create view ledger_entry as
  select t.id as transaction_id, t.wallet_id, null::uuid as platform_account_id,
         case t.type when 'CREDIT' then t.amount_micros else -t.amount_micros end as amount_micros
    from wallet_transaction t
  union all
  select t.id, null, t.platform_account_id, t.platform_amount_micros from wallet_transaction t;

${WALLET_TRANSACTION_CHECK}
`);
  }

  override down(): void {
    const checks = CHECKS.filter((check) =>
      ['spendwire_check_ledger_entries', 'spendwire_check_wallet_transaction_references'].includes(check.name),
    );
    this.addSql(`
drop view ledger_entry;

create table ledger_transaction (
  id uuid primary key,
  kind text not null,
  created_at timestamptz not null default now()
);
create trigger ledger_transaction_append_only before update or delete or truncate on ledger_transaction
  for each statement execute function spendwire_forbid_change();
insert into ledger_transaction (id, kind, created_at) select id, kind, created_at from wallet_transaction;

${checks.map((check) => checkFunction(check, true)).join('\n')}

create table ledger_entry (
  id bigserial primary key,
  transaction_id uuid not null,
  wallet_id uuid,
  platform_account_id uuid,
  amount_micros bigint not null check (amount_micros <> 0),
  check (num_nonnulls(wallet_id, platform_account_id) = 1)
);
create index ledger_entry_transaction_id_idx on ledger_entry (transaction_id);
create index ledger_entry_wallet_id_idx on ledger_entry (wallet_id) where wallet_id is not null;
create trigger ledger_entry_append_only before update or delete or truncate on ledger_entry
  for each statement execute function spendwire_forbid_change();
create trigger ledger_entry_checked after insert on ledger_entry referencing new table as new_rows
  for each statement execute function spendwire_check_ledger_entries();
-- Both legs of every transaction in one statement: the check above passes on them as on a posting's.
insert into ledger_entry (transaction_id, wallet_id, platform_account_id, amount_micros)
select id, wallet_id, null, case type when 'CREDIT' then amount_micros else -amount_micros end from wallet_transaction
union all
select id, null, platform_account_id, platform_amount_micros from wallet_transaction;

alter table wallet_transaction drop column platform_account_id, drop column platform_amount_micros;
`);
  }
}

/**
 * Wallet transactions, per statement: each names a wallet, an account and a platform account that
 * exist (a probe per row up to {@link SMALL_STATEMENT_ROWS_MAX} rows, per distinct value above, as
 * Migration20261207174000). Its legs' balance is the row's own CHECK.
 */
const WALLET_TRANSACTION_CHECK = `create or replace function spendwire_check_wallet_transaction_references() returns trigger language plpgsql as $fn$
declare
  missing text;
begin
  if (select count(*) from new_rows) <= ${SMALL_STATEMENT_ROWS_MAX} then
    select coalesce(
      (select 'wallet_id → wallet: ' || n.wallet_id from new_rows n
        where (select w.id from wallet w where w.id = n.wallet_id) is null limit 1),
      (select 'account_id → account: ' || n.account_id from new_rows n
        where (select a.id from account a where a.id = n.account_id) is null limit 1),
      (select 'platform_account_id → platform_account: ' || n.platform_account_id from new_rows n
        where (select p.id from platform_account p where p.id = n.platform_account_id) is null limit 1))
      into missing;
  else
    select coalesce(
      (select 'wallet_id → wallet: ' || d.id from (select distinct n.wallet_id as id from new_rows n) d
        where (select w.id from wallet w where w.id = d.id) is null limit 1),
      (select 'account_id → account: ' || d.id from (select distinct n.account_id as id from new_rows n) d
        where (select a.id from account a where a.id = d.id) is null limit 1),
      (select 'platform_account_id → platform_account: ' || d.id from (select distinct n.platform_account_id as id from new_rows n) d
        where (select p.id from platform_account p where p.id = d.id) is null limit 1))
      into missing;
  end if;
  if missing is not null then perform spendwire_missing_reference('wallet_transaction', missing); end if;
  return null;
end
$fn$;`;
