import { SqlTransaction, sql, transaction, type Db } from '../../database/sql.js';
import { availableMicrosSql } from './credit.js';
import { MESSAGING_LEDGER_INVARIANTS } from '../messaging/message-invariants.js';
import { PAYMENT_LEDGER_INVARIANTS } from '../payments/payment-invariants.js';
import { INVOICE_LEDGER_INVARIANTS } from '../invoices/invoice-invariants.js';

/** One broken ledger invariant, with up to 20 offending rows as evidence. */
export interface LedgerViolation {
  invariant: string;
  rows: Record<string, unknown>[];
}

/** A wallet transaction's wallet leg, in micros: its amount, signed (+ credit, − debit). Over a wallet_transaction aliased `t`. */
const SIGNED_AMOUNT_MICROS = `case t.type when 'CREDIT' then t.amount_micros else -t.amount_micros end`;

/** Each invariant as a query returning the rows that break it; an empty result means it holds. */
const INVARIANTS: { invariant: string; sql: string }[] = [
  {
    // Each ledger transaction is a wallet transaction, whose row holds both legs (Migration20261208140000):
    // the wallet's (its signed amount) and the platform account's. A CHECK refuses a row whose legs do
    // not sum to zero; this pairs it, and finds a leg on a platform account that does not exist.
    invariant: "every ledger transaction's two legs (on its wallet and on a platform account) sum to zero",
    sql: `select t.id as transaction_id, t.wallet_id, ${SIGNED_AMOUNT_MICROS} as wallet_micros, t.platform_account_id,
                 t.platform_amount_micros, pa.id is not null as platform_account_exists
            from wallet_transaction t left join platform_account pa on pa.id = t.platform_account_id
           where pa.id is null or t.platform_amount_micros + ${SIGNED_AMOUNT_MICROS} <> 0`,
  },
  {
    invariant: "each wallet's balance equals the sum of its wallet legs",
    sql: `select w.id as wallet_id, w.balance_micros, coalesce(s.sum_micros, 0) as legs_sum_micros
            from wallet w left join (select t.wallet_id, sum(${SIGNED_AMOUNT_MICROS}) as sum_micros from wallet_transaction t
                                      group by t.wallet_id) s on s.wallet_id = w.id
           where w.balance_micros <> coalesce(s.sum_micros, 0)`,
  },
  {
    invariant: 'no balance, reserved or available amount below zero',
    sql: `select id as wallet_id, balance_micros, reserved_micros from wallet
           where balance_micros < 0 or reserved_micros < 0 or ${availableMicrosSql('wallet')} < 0`,
  },
  {
    invariant: 'each transaction row: balance before + signed amount = balance after',
    sql: `select id, wallet_id, sequence from wallet_transaction
           where balance_after_micros <> balance_before_micros + case type when 'CREDIT' then amount_micros else -amount_micros end`,
  },
  {
    invariant: "each transaction row starts from the previous row's balance after (the first from zero)",
    sql: `select id, wallet_id, sequence from (
            select id, wallet_id, sequence, balance_before_micros,
                   coalesce(lag(balance_after_micros) over (partition by wallet_id order by sequence), 0) as previous_after
              from wallet_transaction where status = 'COMPLETED') r
           where balance_before_micros <> previous_after`,
  },
  {
    invariant: "the last transaction row's balance after is the wallet's balance",
    sql: `select w.id as wallet_id, w.balance_micros, t.balance_after_micros from wallet w
            join wallet_transaction t on t.wallet_id = w.id and t.sequence = w.last_sequence
           where t.balance_after_micros <> w.balance_micros`,
  },
  {
    invariant: "each wallet's sequences are exactly 1..n, n being the wallet's last sequence",
    sql: `select w.id as wallet_id, w.last_sequence, count(t.id) as rows, min(t.sequence) as min_sequence, max(t.sequence) as max_sequence
            from wallet w left join wallet_transaction t on t.wallet_id = w.id
           group by w.id, w.last_sequence
          having count(t.id) <> w.last_sequence or coalesce(max(t.sequence), 0) <> w.last_sequence
              or coalesce(min(t.sequence), 1) <> 1`,
  },
  {
    // Retention deletes outbox rows created before its cutoff (retention_floor 'outbox'); a
    // transaction row and its outbox row are written by one statement, so they share created_at:
    // a transaction created before the cutoff may have none left. A WALLET_TRANSACTION row stands
    // for the run of `transaction_count` sequences ending at its wallet_sequence
    // (Migration20261207235200), and each transaction must lie in exactly one run. The runs covering
    // a sequence are counted in one sorted pass per wallet: each run adds 1 where it starts and takes
    // it back after it ends, and a transaction reads the running sum at its sequence (the marks at a
    // sequence count before the transaction there). Expanding every run into its sequences and
    // joining them took 9 s for 16,000 transactions, and grew faster than the books.
    invariant: "each wallet transaction is covered by exactly one outbox row's run of sequences",
    sql: `select id, wallet_id, sequence, events from (
            select m.is_transaction, m.id, m.wallet_id, m.sequence, m.created_at,
                   sum(m.delta) over (partition by m.wallet_id order by m.sequence, m.is_transaction
                                      rows between unbounded preceding and current row) as events
              from (select false as is_transaction, null::uuid as id, wallet_id, wallet_sequence - transaction_count + 1 as sequence,
                           null::timestamptz as created_at, 1 as delta
                      from outbox_event where type = 'WALLET_TRANSACTION'
                    union all
                    select false, null, wallet_id, wallet_sequence + 1, null, -1 from outbox_event where type = 'WALLET_TRANSACTION'
                    union all
                    select true, id, wallet_id, sequence, created_at, 0 from wallet_transaction) m) c
           where c.is_transaction and c.events <> 1
             and not (c.events = 0
                      and c.created_at < coalesce((select before_at from retention_floor where name = 'outbox'), '-infinity'::timestamptz))`,
  },
  {
    // The row's last transaction is its own statement's: its id, its balance after, and every
    // transaction of the run, written by the same statement, shares the row's created_at. With the
    // sequences 1..n (checked above), that is: the run's first and last transactions carry the
    // row's created_at and lie in one island of consecutive sequences with that created_at
    // (sequence − its rank among the wallet's rows of that created_at is constant along an island).
    // Two hash joins instead of a range scan per row (2.8 s for 18,000 transactions on a loaded machine).
    invariant: "each outbox row of wallet transactions ends at its last transaction, with its balance, and covers only its statement's",
    sql: `with t as (
            select id, wallet_id, sequence, created_at, balance_after_micros,
                   sequence - row_number() over (partition by wallet_id, created_at order by sequence) as island
              from wallet_transaction)
          select e.id, e.wallet_id, e.wallet_sequence, e.transaction_count from outbox_event e
            left join t last on last.wallet_id = e.wallet_id and last.sequence = e.wallet_sequence
            left join t first on first.wallet_id = e.wallet_id and first.sequence = e.wallet_sequence - e.transaction_count + 1
           where e.type = 'WALLET_TRANSACTION'
             and (e.wallet_sequence is null or e.transaction_count < 1
                  or last.id is distinct from e.transaction_id or last.balance_after_micros <> e.balance_micros
                  or last.created_at <> e.created_at or first.id is null or first.created_at <> e.created_at
                  or first.island <> last.island)`,
  },

  {
    invariant: "each active call has exactly one meter, and each meter is an active call's",
    sql: `select c.id, c.status, m.call_id as meter_call_id from call c full join call_meter m on m.call_id = c.id
           where (c.status = 'ACTIVE') is distinct from (m.call_id is not null)`,
  },
  {
    invariant:
      "each active call's credit covers exactly its funded seconds beyond its allowance (on its meter), and an ended call's cost its billed seconds beyond the allowance used, rounded up from its rate",
    sql: `select c.id, c.status, m.funded_seconds, m.allowance_seconds, m.reserved_micros, c.billed_seconds, c.cost_micros
            from call c join call_meter m on m.call_id = c.id
           where m.reserved_micros <> c.connect_fee_micros + (c.per_minute_micros * (m.funded_seconds - m.allowance_seconds) + 59) / 60
          union all
          select id, status, funded_seconds, allowance_seconds, reserved_micros, billed_seconds, cost_micros from call
           where status in ('COMPLETED', 'STOPPED')
             and (allowance_seconds > billed_seconds or cost_micros > reserved_micros
                  or cost_micros <> connect_fee_micros + (per_minute_micros * (billed_seconds - allowance_seconds) + 59) / 60)`,
  },
  {
    invariant: "each subscription's reserved seconds are what its active calls hold of its allowance",
    sql: `select s.id, s.reserved_seconds, coalesce(sum(m.allowance_seconds), 0) as held from subscription s
            left join (call c join call_meter m on m.call_id = c.id) on c.subscription_id = s.id
           group by s.id, s.reserved_seconds having s.reserved_seconds <> coalesce(sum(m.allowance_seconds), 0)`,
  },
  {
    invariant: "each posted call's CALL transaction debits exactly its cost",
    sql: `select c.id, c.cost_micros, t.amount_micros, t.kind, t.type from call c join wallet_transaction t on t.id = c.transaction_id
           where t.amount_micros <> c.cost_micros or t.kind <> 'CALL' or t.type <> 'DEBIT' or t.wallet_id <> c.wallet_id`,
  },

  {
    invariant: "each account's active call count is its active calls",
    sql: `select a.id, a.active_calls, count(c.id) as active from account a left join call c on c.account_id = a.id and c.status = 'ACTIVE'
           group by a.id, a.active_calls having a.active_calls <> count(c.id)`,
  },
  // Reservations and campaign figures across calls and messages, and the messages' own.
  ...MESSAGING_LEDGER_INVARIANTS,
  // Card top-ups, refunds and bank transfers against the journal.
  ...PAYMENT_LEDGER_INVARIANTS,
  // Invoices and credit notes against the payments they document, and their gap-free series.
  ...INVOICE_LEDGER_INVARIANTS,
];

/**
 * The transaction's join methods, read and then set for the checks (and set back after). Every check reads whole
 * tables, so hash joins are the right plan for all of them; freshly written or restored tables
 * have no statistics yet, and the planner then guessed a few dozen rows and chose nested loops and
 * merge joins on the wallet alone that read the books once per row (30 s for 19,000 calls' books).
 */
const plannerJoins = sql<{ nested_loops: string; merge_joins: string }>(
  `select current_setting('enable_nestloop') as nested_loops, current_setting('enable_mergejoin') as merge_joins`,
);
const setPlannerJoins = sql<Record<string, unknown>, { nestedLoops: string; mergeJoins: string }>(
  `select set_config('enable_nestloop', :nestedLoops, true), set_config('enable_mergejoin', :mergeJoins, true)`,
);

/**
 * Checks every ledger invariant over the whole database, each in one query (its text run through
 * `sql`: the checks are a list of SQL texts, with no parameters), in one read-only REPEATABLE READ
 * snapshot so that concurrent writers cannot produce false alarms. Given an open transaction, it
 * checks what that transaction sees instead.
 * Returns the broken ones; an empty array means the books are sound.
 */
export async function verifyLedger(db: Db): Promise<LedgerViolation[]> {
  const check = async (tx: SqlTransaction) => {
    const planner = await plannerJoins.one(tx);
    await setPlannerJoins.run(tx, { nestedLoops: 'off', mergeJoins: 'off' });
    const violations: LedgerViolation[] = [];
    for (const { invariant, sql: text } of INVARIANTS) {
      const rows = await sql<Record<string, unknown>>(`${text} limit 20`).all(tx);
      if (rows.length > 0) violations.push({ invariant, rows });
    }
    await setPlannerJoins.run(tx, { nestedLoops: planner.nested_loops, mergeJoins: planner.merge_joins });
    return violations;
  };
  if (db instanceof SqlTransaction) return check(db);
  return transaction(db, check, { isolationLevel: 'repeatable read', readOnly: true });
}

/** @throws Error listing every broken invariant; for tests and `npm run ledger:verify`. */
export async function assertLedgerInvariants(db: Db): Promise<void> {
  const violations = await verifyLedger(db);
  if (violations.length > 0) {
    throw new Error(`Ledger invariants broken:\n${JSON.stringify(violations, (_, v) => (typeof v === 'bigint' ? v.toString() : v), 2)}`);
  }
}
