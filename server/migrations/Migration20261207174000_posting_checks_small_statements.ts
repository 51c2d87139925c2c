import { Migration } from '@mikro-orm/migrations';

/**
 * Rows of one table a statement may insert for its posting checks to take the small path: a probe
 * per row in one query, without grouping the rows by value first. At most 8 postings' ledger entries,
 * 16 postings' wallet transactions or outbox events (a lone `charge`, a posting batch of a few
 * members). Above it the checks run as {@link Migration20261207170000PostingChecksPerStatement} made
 * them: one probe per distinct value, which is what keeps a 500-event usage statement cheap.
 */
const SMALL_STATEMENT_ROWS_MAX = 16;

/** One posting-check function: its table, what its small path asks (true: something is wrong), and its original body. */
export interface PostingCheck {
  name: string;
  /** A boolean SQL expression over `new_rows`, true when a row breaks a check: a probe per row. */
  anythingWrong: string;
  /** Declarations and statements of the function as Migration20261207170000 wrote it (the per-distinct path). */
  declarations: string;
  body: string;
}

/** The four posting checks as this migration left them (Migration20261208140000's down() puts them back). */
export const CHECKS: PostingCheck[] = [
  {
    name: 'spendwire_check_ledger_entries',
    anythingWrong: `exists (select from new_rows n group by n.transaction_id
                   having count(*) < 2 or sum(n.amount_micros) <> 0
                       or (select t.id from ledger_transaction t where t.id = n.transaction_id) is null)
     or exists (select from new_rows n
                 where (n.wallet_id is not null and (select w.id from wallet w where w.id = n.wallet_id) is null)
                    or (n.platform_account_id is not null
                        and (select p.id from platform_account p where p.id = n.platform_account_id) is null))`,
    declarations: `
  unbalanced text;
  missing text;`,
    body: `
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
  return null;`,
  },
  {
    name: 'spendwire_check_wallet_transaction_references',
    anythingWrong: `exists (select from new_rows n
                 where (select t.id from ledger_transaction t where t.id = n.id) is null
                    or (select w.id from wallet w where w.id = n.wallet_id) is null
                    or (select a.id from account a where a.id = n.account_id) is null)`,
    declarations: `
  missing text;`,
    body: `
  select coalesce(
    (select 'id → ledger_transaction: ' || d.id from (select distinct n.id as id from new_rows n) d
      where (select t.id from ledger_transaction t where t.id = d.id) is null limit 1),
    (select 'wallet_id → wallet: ' || d.id from (select distinct n.wallet_id as id from new_rows n) d
      where (select w.id from wallet w where w.id = d.id) is null limit 1),
    (select 'account_id → account: ' || d.id from (select distinct n.account_id as id from new_rows n) d
      where (select a.id from account a where a.id = d.id) is null limit 1)) into missing;
  if missing is not null then perform spendwire_missing_reference('wallet_transaction', missing); end if;
  return null;`,
  },
  {
    name: 'spendwire_check_outbox_event_references',
    anythingWrong: `exists (select from new_rows n
                 where (select a.id from account a where a.id = n.account_id) is null
                    or (n.wallet_id is not null and (select w.id from wallet w where w.id = n.wallet_id) is null)
                    or (n.transaction_id is not null and (select t.id from wallet_transaction t where t.id = n.transaction_id) is null)
                    or (n.invoice_id is not null and (select i.id from invoice i where i.id = n.invoice_id) is null))`,
    declarations: `
  missing text;`,
    body: `
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
  return null;`,
  },
  {
    name: 'spendwire_check_idempotency_key_references',
    anythingWrong: `exists (select from new_rows n
                 where (select a.id from account a where a.id = n.account_id) is null
                    or (select t.id from wallet_transaction t where t.id = n.wallet_transaction_id) is null)`,
    declarations: `
  missing text;`,
    body: `
  select coalesce(
    (select 'account_id → account: ' || d.id from (select distinct n.account_id as id from new_rows n) d
      where (select a.id from account a where a.id = d.id) is null limit 1),
    (select 'wallet_transaction_id → wallet_transaction: ' || d.id from (select distinct n.wallet_transaction_id as id from new_rows n) d
      where (select t.id from wallet_transaction t where t.id = d.id) is null limit 1)) into missing;
  if missing is not null then perform spendwire_missing_reference('idempotency_key', missing); end if;
  return null;`,
  },
];

/** The `create or replace function` text of `check`, with the small path for small statements when `smallPath`. */
export function checkFunction(check: PostingCheck, smallPath: boolean): string {
  // One query decides the small path: the row count first, and (AND stops at the first false) the
  // probes only when the statement is small. When they find something wrong, the per-distinct query
  // below finds it too and raises the same error as before, with its message.
  const guard = smallPath
    ? `
  if (select count(*) from new_rows) <= ${SMALL_STATEMENT_ROWS_MAX}
     and not (${check.anythingWrong}) then
    return null;
  end if;`
    : '';
  return `create or replace function ${check.name}() returns trigger language plpgsql as $fn$
declare${check.declarations}
begin${guard}${check.body}
end
$fn$;`;
}

/**
 * The posting checks (Migration20261207170000) with a small path for small statements (issue 18: a
 * single `charge` got slower). A statement-level check pays a fixed cost per statement: the plan of
 * its query, a grouping of the new rows per referenced column, each group's node set up and torn
 * down. A statement of one posting pays all of it for two ledger entries and one row elsewhere,
 * where a probe per row is all the work there is. Statements of at most
 * {@link SMALL_STATEMENT_ROWS_MAX} rows in a table now check that table's rows with one query of a
 * probe per row; larger ones (recordUsage's 500 events) keep the per-distinct-value query. Both paths
 * check the same things (balance, every reference) and raise the same errors (SQLSTATE 23503 for a
 * missing row): the small path only decides that nothing is wrong, and hands anything wrong to the
 * original query, which names it.
 */
export class Migration20261207174000PostingChecksSmallStatements extends Migration {
  override up(): void {
    this.addSql(CHECKS.map((check) => checkFunction(check, true)).join('\n'));
  }

  override down(): void {
    this.addSql(CHECKS.map((check) => checkFunction(check, false)).join('\n'));
  }
}
