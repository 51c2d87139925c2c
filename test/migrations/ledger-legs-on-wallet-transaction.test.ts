// Goal: Migration20261208140000 turns books of four rows per posting (header, wallet leg, platform leg,
// wallet transaction) into one (the wallet transaction, holding both legs) and back, without losing or
// changing a leg, and refuses books of any other shape. Method: a real ledger written through the API (top-ups,
// charges, a usage batch) on its own PostgreSQL; the migration's down() and up() SQL run on it inside
// one transaction that is rolled back after, comparing every leg and verifyLedger's verdict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transaction, type SqlTransaction } from '../../server/database/sql.js';
import { verifyLedger } from '../../server/domain/wallets/verify-ledger.js';
import { Migration20261208140000LedgerLegsOnWalletTransaction } from '../../server/migrations/Migration20261208140000_ledger_legs_on_wallet_transaction.js';
import { downSqlOf, upSqlOf } from '../support/migration-sql.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  const tenant = await t.createAccount();
  await t.fund(tenant.walletId, '20');
  for (const amount of ['1', '2.5']) {
    await t.ok(tenant.ownerKey, `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }`, {
      input: { walletId: tenant.walletId, amount, idempotencyKey: `charge-${amount}` },
    });
  }
  const usage = await t.ok(tenant.ownerKey, `mutation($input: RecordUsageInput!) { recordUsage(input: $input) { postedCount } }`, {
    input: { events: Array.from({ length: 5 }, () => ({ walletId: tenant.walletId, amount: '0.25' })) },
  });
  expect(usage.recordUsage.postedCount).toBe(5);
});
afterAll(async () => {
  await t?.close();
});

const up = () => upSqlOf(Migration20261208140000LedgerLegsOnWalletTransaction);
const down = () => downSqlOf(Migration20261208140000LedgerLegsOnWalletTransaction);

/** Runs `body` in a transaction that is always rolled back; resolves with what it returned, or rejects with what it threw. */
async function rolledBack<T>(body: (tx: SqlTransaction) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await transaction(t.app.orm.em.fork(), async (tx) => {
    result = await body(tx);
    throw new Error('rollback');
  }).catch((error: Error) => {
    if (error.message !== 'rollback') throw error;
  });
  return result as T;
}

async function rows(tx: SqlTransaction, text: string): Promise<Record<string, unknown>[]> {
  return (await tx.connection.query(text)).rows;
}

/** Every leg of the journal, as rows (the view after up(), the table before): the comparison of both shapes. */
const LEGS = `select transaction_id, wallet_id, platform_account_id, amount_micros::text from ledger_entry
               order by transaction_id, wallet_id nulls last`;

describe('Migration20261208140000_ledger_legs_on_wallet_transaction', () => {
  it("down() rebuilds each transaction's header and two entries; up() puts the legs back on its row, the same legs, sound books", async () => {
    const outcome = await rolledBack(async (tx) => {
      const legs = await rows(tx, LEGS);
      expect(legs).toHaveLength(2 * (1 + 2 + 5));
      const transactions = await rows(tx, `select count(*)::int as transactions from wallet_transaction`);

      await tx.connection.query(down());
      // Four rows per posting, as before: a header of the transaction's kind and time, its wallet leg, its platform leg.
      expect(await rows(tx, `select count(*)::int as transactions from ledger_transaction`)).toEqual(transactions);
      expect(
        await rows(
          tx,
          `select h.id from ledger_transaction h full join wallet_transaction t on t.id = h.id
                         where h.id is null or t.id is null or h.kind <> t.kind or h.created_at <> t.created_at`,
        ),
      ).toEqual([]);
      expect(await rows(tx, `select relkind from pg_class where relname = 'ledger_entry'`)).toEqual([{ relkind: 'r' }]);
      expect(await rows(tx, LEGS)).toEqual(legs);
      // verifyLedger's checks as they were: every transaction has two entries summing to zero; each wallet leg is its row's.
      expect(
        await rows(
          tx,
          `select h.id from ledger_transaction h left join ledger_entry e on e.transaction_id = h.id
                         group by h.id having count(e.id) <> 2 or sum(e.amount_micros) <> 0`,
        ),
      ).toEqual([]);
      expect(
        await rows(
          tx,
          `select t.id from wallet_transaction t left join ledger_entry e on e.transaction_id = t.id and e.wallet_id = t.wallet_id
                         where e.id is null or e.amount_micros <> case t.type when 'CREDIT' then t.amount_micros else -t.amount_micros end`,
        ),
      ).toEqual([]);
      expect(await rows(tx, `select indexname from pg_indexes where tablename = 'ledger_entry' order by 1`)).toEqual([
        { indexname: 'ledger_entry_pkey' },
        { indexname: 'ledger_entry_transaction_id_idx' },
        { indexname: 'ledger_entry_wallet_id_idx' },
      ]);
      expect(
        await rows(
          tx,
          `select column_name from information_schema.columns where table_name = 'wallet_transaction' and column_name like 'platform%'`,
        ),
      ).toEqual([]);
      // The checks are back: an unbalanced pair of entries is refused at the end of its statement.
      await tx.connection.query('savepoint unbalanced');
      await expect(
        tx.connection.query(`with header as (insert into ledger_transaction (id, kind) values (gen_random_uuid(), 'ADJUSTMENT') returning id)
          insert into ledger_entry (transaction_id, wallet_id, platform_account_id, amount_micros)
          select h.id, w.id, null, 5 from header h, (select id from wallet limit 1) w
          union all select h.id, null, p.id, -4 from header h, platform_account p where p.code = 'ADJUSTMENTS' and p.currency = 'USD'`),
      ).rejects.toThrow(/unbalanced: 2 entries summing to 1/);
      await tx.connection.query('rollback to savepoint unbalanced');

      await tx.connection.query(up());
      expect(await rows(tx, LEGS)).toEqual(legs);
      expect(await rows(tx, `select to_regclass('ledger_transaction') as header_table`)).toEqual([{ header_table: null }]);
      expect(await rows(tx, `select relkind from pg_class where relname = 'ledger_entry'`)).toEqual([{ relkind: 'v' }]);
      return verifyLedger(tx);
    });
    expect(outcome).toEqual([]);
  });

  it.each([
    [
      'a header without its wallet transaction',
      `with header as (insert into ledger_transaction (id, kind) values (gen_random_uuid(), 'ADJUSTMENT') returning id)
       insert into ledger_entry (transaction_id, wallet_id, platform_account_id, amount_micros)
       select h.id, w.id, null, 5 from header h, (select id from wallet limit 1) w
       union all select h.id, null, p.id, -5 from header h, platform_account p where p.code = 'ADJUSTMENTS' and p.currency = 'USD'`,
      /ledger transaction \S+ has no wallet transaction of its kind and time/,
    ],
    [
      'a wallet leg that is not its wallet transaction’s amount (with a platform leg balancing it)',
      `update ledger_entry set amount_micros = amount_micros + case when wallet_id is null then -1 else 1 end
        where transaction_id = (select min(id::text)::uuid from wallet_transaction)`,
      /ledger transaction \S+ does not have exactly its wallet leg and one platform leg/,
    ],
    [
      'a second pair of legs (balanced)',
      `insert into ledger_entry (transaction_id, wallet_id, platform_account_id, amount_micros)
       select e.transaction_id, null, e.platform_account_id, v.amount from (select * from ledger_entry where wallet_id is null limit 1) e,
         (values (1), (-1)) v(amount)`,
      /ledger transaction \S+ does not have exactly its wallet leg and one platform leg/,
    ],
  ])('up() refuses books of another shape, changing nothing: %s', async (_, tamper, refusal) => {
    await expect(
      rolledBack(async (tx) => {
        await tx.connection.query(down());
        // The journal's own triggers would refuse the tampering: off for this transaction only.
        await tx.connection.query(`set local session_replication_role = replica; ${tamper}; set local session_replication_role = origin`);
        await tx.connection.query(up());
      }),
    ).rejects.toThrow(refusal);
    // Rolled back: the books are as the API wrote them.
    await t.assertLedger();
  });
});
