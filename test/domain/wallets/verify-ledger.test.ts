// Goal: the invariant checker catches every kind of broken books, and the database itself refuses the
// writes that would break them. Method: a real ledger built through the API, then direct SQL tampering
// inside transactions that are rolled back, checking verifyLedger's verdict or PostgreSQL's refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql as statement, transaction, type SqlTransaction } from '../../../server/database/sql.js';
import { verifyLedger } from '../../../server/domain/wallets/verify-ledger.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
let walletId: string;

beforeAll(async () => {
  t = await startTestApp();
  const tenant = await t.createAccount();
  walletId = tenant.walletId;
  await t.fund(walletId, '20');
  for (const amount of ['1', '2.5', '0.0085']) {
    await t.ok(tenant.ownerKey, `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }`, {
      input: { walletId, amount },
    });
  }
});
afterAll(async () => {
  await t?.close();
});

/** Runs `tamper` then `check` in one transaction that is always rolled back. */
async function inRolledBackTransaction(tamper: string[], check: (tx: SqlTransaction) => Promise<unknown>): Promise<unknown> {
  let result: unknown;
  await transaction(t.app.orm.em.fork(), async (tx) => {
    for (const sql of tamper) await statement(sql).run(tx);
    result = await check(tx);
    throw new Error('rollback');
  }).catch((error: Error) => {
    if (error.message !== 'rollback') throw error;
  });
  return result;
}

/** verifyLedger's verdict on the database as `tamper` leaves it (the tampering is rolled back after). */
async function violationsAfter(...tamper: string[]): Promise<string[]> {
  // Triggers guard the journal; the superuser test connection may switch them off for its own session.
  const sql = ['set local session_replication_role = replica', ...tamper];
  const invariants = await inRolledBackTransaction(sql, async (tx) => (await verifyLedger(tx)).map((violation) => violation.invariant));
  return invariants as string[];
}

/** The double-entry invariant: a wallet transaction's wallet leg and platform leg sum to zero (Migration20261208140000). */
const LEGS = "every ledger transaction's two legs (on its wallet and on a platform account) sum to zero";

describe('verifyLedger', () => {
  it('finds nothing wrong with books written through the API', async () => {
    expect(await verifyLedger(t.app.orm.em.fork())).toEqual([]);
  });

  it("leaves a caller's transaction with its own join settings", async () => {
    const settings = statement<{ nested_loops: string; merge_joins: string }>(
      `select current_setting('enable_nestloop') as nested_loops, current_setting('enable_mergejoin') as merge_joins`,
    );
    const seen = await inRolledBackTransaction(['set local enable_mergejoin = off'], async (tx) => {
      expect(await verifyLedger(tx)).toEqual([]);
      return settings.one(tx);
    });
    expect(seen).toEqual({ nested_loops: 'on', merge_joins: 'off' });
  });

  it('catches a wallet balance that differs from its legs', async () => {
    expect(await violationsAfter(`update wallet set balance_micros = balance_micros + 1 where id = '${walletId}'`)).toEqual(
      expect.arrayContaining(["each wallet's balance equals the sum of its wallet legs"]),
    );
  });

  it('catches an unbalanced transaction, and a platform leg on an account that does not exist', async () => {
    expect(
      await violationsAfter(
        // A CHECK constraint refuses this row outright (tested below); drop it to see the checker catch it too.
        'alter table wallet_transaction drop constraint wallet_transaction_legs_balanced',
        `update wallet_transaction set platform_amount_micros = platform_amount_micros + 1 where wallet_id = '${walletId}' and sequence = 2`,
      ),
    ).toEqual([LEGS]);
    expect(
      await violationsAfter(
        `update wallet_transaction set platform_account_id = gen_random_uuid() where wallet_id = '${walletId}' and sequence = 2`,
      ),
    ).toEqual([LEGS]);
  });

  it('catches a row whose before + amount is not its after, and a broken chain of balances', async () => {
    expect(
      await violationsAfter(
        // A CHECK constraint refuses this row outright (tested below); drop it to see the checker catch it too.
        'alter table wallet_transaction drop constraint wallet_transaction_check',
        `update wallet_transaction set balance_after_micros = balance_after_micros + 1 where wallet_id = '${walletId}' and sequence = 2`,
      ),
    ).toEqual(
      expect.arrayContaining([
        'each transaction row: balance before + signed amount = balance after',
        "each transaction row starts from the previous row's balance after (the first from zero)",
      ]),
    );
  });

  it('catches a gap in the sequence', async () => {
    expect(await violationsAfter(`update wallet_transaction set sequence = 9 where wallet_id = '${walletId}' and sequence = 4`)).toEqual(
      expect.arrayContaining(["each wallet's sequences are exactly 1..n, n being the wallet's last sequence"]),
    );
  });

  it('catches a transaction row whose amount its platform leg does not balance', async () => {
    expect(
      await violationsAfter(
        'alter table wallet_transaction drop constraint wallet_transaction_legs_balanced',
        `update wallet_transaction set amount_micros = amount_micros + 1, balance_after_micros = balance_after_micros - 1 where wallet_id = '${walletId}' and sequence = 4`,
      ),
    ).toEqual(expect.arrayContaining([LEGS]));
  });
});

describe('the database refuses what would break the books', () => {
  async function refusal(sql: string): Promise<string> {
    const error = await transaction(t.app.orm.em.fork(), async (tx) => {
      await statement(sql).run(tx);
    }).then(
      () => null,
      (caught: Error) => caught,
    );
    expect(error, `expected PostgreSQL to refuse: ${sql}`).not.toBeNull();
    return error!.message;
  }

  it('a negative balance (CHECK balance_micros >= 0)', async () => {
    expect(await refusal(`update wallet set balance_micros = -1 where id = '${walletId}'`)).toMatch(/wallet_balance_micros_check/);
  });

  it('reserved above balance (available below zero)', async () => {
    expect(await refusal(`update wallet set reserved_micros = balance_micros + 1 where id = '${walletId}'`)).toMatch(/check/);
  });

  it('UPDATE or DELETE on the append-only wallet_transaction (the journal), and any write through its view ledger_entry', async () => {
    expect(await refusal(`delete from wallet_transaction`)).toMatch(/append-only/);
    expect(await refusal(`update wallet_transaction set created_at = created_at`)).toMatch(/append-only/);
    expect(await refusal(`delete from ledger_entry`)).toMatch(/cannot delete from view "ledger_entry"/);
    expect(
      await refusal(`insert into ledger_entry (transaction_id, wallet_id, platform_account_id, amount_micros)
        select id, wallet_id, null, 1 from wallet_transaction limit 1`),
    ).toMatch(/cannot insert into view "ledger_entry"/);
  });

  /**
   * Inserts ledger transactions in ONE statement: wallet transactions on the wallet, each with its wallet
   * leg (a credit, or a debit when negative, of the wallet amount given) and its platform leg (REVENUE,
   * USD) of the platform amount given. `broken` gives the last one a wallet or a platform account that
   * does not exist.
   */
  function journalStatement(legs: [walletMicros: number, platformMicros: number][], broken?: 'wallet' | 'platform_account'): string {
    const values = legs.map(([walletMicros, platformMicros], index) => `(${index + 1}, ${walletMicros}, ${platformMicros})`).join(', ');
    const last = (reference: string, present: string) =>
      broken === reference ? `case when l.n = ${legs.length} then gen_random_uuid() else ${present} end` : present;
    return `
      with legs (n, wallet_micros, platform_micros) as (values ${values})
      insert into wallet_transaction (id, wallet_id, account_id, sequence, type, kind, status, amount_micros,
        balance_before_micros, balance_after_micros, description, actor, platform_account_id, platform_amount_micros)
      select gen_random_uuid(), ${last('wallet', 'w.id')}, w.account_id, 200000 + l.n, case when l.wallet_micros > 0 then 'CREDIT' else 'DEBIT' end,
             'ADJUSTMENT', 'COMPLETED', abs(l.wallet_micros), 1000000, 1000000 + l.wallet_micros, 'journal', 'test',
             ${last('platform_account', 'p.id')}, l.platform_micros
        from legs l, wallet w, platform_account p where w.id = '${walletId}' and p.code = 'REVENUE' and p.currency = 'USD'`;
  }

  it('an unbalanced ledger transaction (CHECK on its row): a wrong platform leg, or none', async () => {
    expect(await refusal(journalStatement([[5, -4]]))).toMatch(/wallet_transaction_legs_balanced/);
    expect(
      await refusal(`insert into wallet_transaction (id, wallet_id, account_id, sequence, type, kind, status, amount_micros,
        balance_before_micros, balance_after_micros, description, actor)
        select gen_random_uuid(), id, account_id, 1000, 'CREDIT', 'GRANT', 'COMPLETED', 1, 0, 1, 'alone', 'test' from wallet where id = '${walletId}'`),
    ).toMatch(/null value in column "platform_account_id"/);
  });

  it('one unbalanced transaction among balanced ones written by the same statement', async () => {
    // Balanced legs pass (the statement's other checks hold too); one unbalanced pair refuses the whole statement.
    await transaction(t.app.orm.em.fork(), async (tx) => {
      await statement(
        journalStatement([
          [5, -5],
          [7, -7],
        ]),
      ).run(tx);
      throw new Error('rollback');
    }).catch((error: Error) => expect(error.message).toBe('rollback'));
    expect(
      await refusal(
        journalStatement([
          [5, -5],
          [7, -6],
          [3, -3],
        ]),
      ),
    ).toMatch(/wallet_transaction_legs_balanced/);
  });

  // The statements are built per test: the wallet exists only once beforeAll ran.
  it.each([
    ['wallet_transaction → platform_account', (_wallet: string) => journalStatement([[5, -5]], 'platform_account')],
    ['wallet_transaction → wallet', (_wallet: string) => journalStatement([[5, -5]], 'wallet')],
    [
      'outbox_event → wallet_transaction',
      (wallet: string) => `insert into outbox_event (type, account_id, wallet_id, transaction_id)
       select 'WALLET_TRANSACTION', account_id, id, gen_random_uuid() from wallet where id = '${wallet}'`,
    ],
    [
      'outbox_event → account',
      (_wallet: string) => `insert into outbox_event (type, account_id, wallet_id) values ('WALLET_TRANSACTION', gen_random_uuid(), null)`,
    ],
    [
      'idempotency_key → wallet_transaction',
      (wallet: string) => `insert into idempotency_key (account_id, key, operation, request_hash, wallet_transaction_id)
       select account_id, 'orphan', 'charge', 'hash', gen_random_uuid() from wallet where id = '${wallet}'`,
    ],
  ])('a reference to a row that does not exist: %s (checked once per statement)', async (_, sqlFor) => {
    expect(await refusal(sqlFor(walletId))).toMatch(/violates the reference .* does not exist/);
  });

  /** PostgreSQL's SQLSTATE of a refusal (the driver's error, or the one it wraps). */
  async function refusalCode(sql: string): Promise<{ code: unknown; message: string }> {
    const error = await transaction(t.app.orm.em.fork(), async (tx) => {
      await statement(sql).run(tx);
    }).then(
      () => null,
      (caught: Error & { code?: unknown; cause?: { code?: unknown } }) => caught,
    );
    expect(error, `expected PostgreSQL to refuse: ${sql}`).not.toBeNull();
    return { code: error!.code ?? error!.cause?.code, message: error!.message };
  }

  /** Runs `sql` in a transaction rolled back after: it must be accepted. */
  async function accepted(sql: string): Promise<void> {
    await transaction(t.app.orm.em.fork(), async (tx) => {
      await statement(sql).run(tx);
      throw new Error('rollback');
    }).catch((error: Error) => expect(error.message).toBe('rollback'));
  }

  /** `rows` outbox events of the wallet in ONE statement, the last naming a wallet transaction that does not exist when `lastOrphan`. */
  function outboxStatement(rows: number, lastOrphan: boolean): string {
    return `
      insert into outbox_event (type, account_id, wallet_id, transaction_id)
      select 'WALLET_TRANSACTION', w.account_id, w.id,
             case when ${lastOrphan ? 'true' : 'false'} and g = ${rows} then gen_random_uuid()
                  else (select id from wallet_transaction where wallet_id = w.id order by sequence limit 1) end
        from wallet w, generate_series(1, ${rows}) g where w.id = '${walletId}'`;
  }

  // Migration20261207174000: a table's checks take a probe-per-row path for statements of at most 16
  // rows in it, and the per-distinct-value query above that. Either side of the switch accepts sound
  // statements and refuses the same wrongs with the same errors.
  it.each([
    [16, 'the probe-per-row path'],
    [17, 'the per-distinct-value path'],
  ])('statements of %i rows per table (%s): sound ones pass, one wrong row refuses them', async (rows) => {
    // One wallet transaction (with both legs) per ledger transaction: `rows` of them.
    const balanced = Array.from({ length: rows }, (_, index): [number, number] => [index + 1, -(index + 1)]);
    await accepted(journalStatement(balanced));
    await accepted(outboxStatement(rows, false));

    const unbalanced = balanced.map(([wallet, platform], index): [number, number] => [
      wallet,
      index === rows - 1 ? platform + 1 : platform,
    ]);
    expect(await refusal(journalStatement(unbalanced))).toMatch(/wallet_transaction_legs_balanced/);
    expect(await refusalCode(journalStatement(balanced, 'platform_account'))).toMatchObject({
      code: '23503',
      message: expect.stringMatching(/"wallet_transaction".*platform_account_id → platform_account/),
    });
    expect(await refusalCode(journalStatement(balanced, 'wallet'))).toMatchObject({
      code: '23503',
      message: expect.stringMatching(/"wallet_transaction".*wallet_id → wallet/),
    });
    expect(await refusalCode(outboxStatement(rows, true))).toMatchObject({
      code: '23503',
      message: expect.stringMatching(/"outbox_event".*transaction_id → wallet_transaction/),
    });
  });

  // The references that come one per posting (a 500-event statement names 500 of each): one missing
  // among present ones still refuses the whole statement, naming it.
  it.each([
    [
      'wallet_transaction → platform_account',
      (_wallet: string) =>
        journalStatement(
          [
            [1, -1],
            [2, -2],
            [3, -3],
          ],
          'platform_account',
        ),
    ],
    [
      'wallet_transaction → wallet',
      (_wallet: string) =>
        journalStatement(
          [
            [1, -1],
            [2, -2],
            [3, -3],
          ],
          'wallet',
        ),
    ],
    [
      'outbox_event → wallet_transaction',
      (wallet: string) => `insert into outbox_event (type, account_id, wallet_id, transaction_id)
       select 'WALLET_TRANSACTION', w.account_id, w.id, x.id from wallet w,
         (select id from (select id from wallet_transaction where wallet_id = '${wallet}' limit 2) present
          union all select gen_random_uuid()) x
        where w.id = '${wallet}'`,
    ],
  ])('a reference to a row that does not exist among references that do, in one statement: %s', async (reference, sqlFor) => {
    const target = reference.split(' → ')[1]!;
    expect(await refusal(sqlFor(walletId))).toMatch(
      new RegExp(`violates the reference \\S+ → ${target}: [0-9a-f-]{36}, which does not exist`),
    );
  });

  it.each([
    ['account', (_wallet: string) => `delete from account`],
    ['wallet', (wallet: string) => `delete from wallet where id = '${wallet}'`],
    ['platform_account', (_wallet: string) => `delete from platform_account`],
    ['account', (_wallet: string) => `update account set id = gen_random_uuid()`],
    ['wallet', (wallet: string) => `update wallet set id = gen_random_uuid() where id = '${wallet}'`],
    ['platform_account', (_wallet: string) => `update platform_account set id = gen_random_uuid()`],
  ])('removing or renumbering a row the ledger refers to: %s', async (table, sqlFor) => {
    expect(await refusal(sqlFor(walletId))).toMatch(new RegExp(`${table} rows are never deleted or renumbered`));
  });

  it('a duplicate sequence on one wallet', async () => {
    expect(
      await refusal(`insert into wallet_transaction (id, wallet_id, account_id, sequence, type, kind, status, amount_micros,
        balance_before_micros, balance_after_micros, description, actor, platform_account_id, platform_amount_micros)
        select gen_random_uuid(), w.id, w.account_id, 1, 'CREDIT', 'GRANT', 'COMPLETED', 1, 0, 1, 'dup', 'test', p.id, -1
          from wallet w, platform_account p where w.id = '${walletId}' and p.code = 'PROMOTIONAL_CREDIT' and p.currency = 'USD'`),
    ).toMatch(/wallet_transaction_wallet_id_sequence_key/);
  });

  it('a transaction row whose before + amount is not its after', async () => {
    expect(
      await refusal(`update wallet_transaction set balance_after_micros = balance_after_micros + 1 where wallet_id = '${walletId}'`),
    ).toMatch(/append-only/);
    // The append-only trigger fires first; with triggers off the CHECK constraint still refuses it.
    expect(
      await refusal(`set local session_replication_role = replica;
        update wallet_transaction set balance_after_micros = balance_after_micros + 1 where wallet_id = '${walletId}'`),
    ).toMatch(/wallet_transaction_check/);
  });

  it('leaves the books sound after all those refusals', async () => {
    await t.assertLedger();
  });
});

const COVERED = "each wallet transaction is covered by exactly one outbox row's run of sequences";
const RUN_ENDS = "each outbox row of wallet transactions ends at its last transaction, with its balance, and covers only its statement's";

describe('verifyLedger and the outbox', () => {
  it('catches a wallet transaction whose outbox event is missing', async () => {
    expect(await violationsAfter(`delete from outbox_event where wallet_id = '${walletId}' and wallet_sequence = 3`)).toEqual([COVERED]);
  });

  describe('a run: one outbox row for a statement of several postings on one wallet', () => {
    let usageWalletId: string;
    beforeAll(async () => {
      const tenant = await t.createAccount();
      usageWalletId = tenant.walletId;
      await t.fund(usageWalletId, '10');
      const usage = await t.ok(tenant.ownerKey, `mutation($input: RecordUsageInput!) { recordUsage(input: $input) { postedCount } }`, {
        input: { events: Array.from({ length: 4 }, () => ({ walletId: usageWalletId, amount: '1' })) },
      });
      expect(usage.recordUsage.postedCount).toBe(4);
    });
    const run = () => `wallet_id = '${usageWalletId}' and wallet_sequence = 5`;

    it('is sound as written: sequences 2..5 in one row', async () => {
      const rows = await statement<{ sequence: string; transaction_count: number }>(
        `select wallet_sequence::text as sequence, transaction_count from outbox_event where wallet_id = '${usageWalletId}' order by id`,
      ).all(t.app.orm.em.fork());
      expect(rows).toEqual([
        { sequence: '1', transaction_count: 1 },
        { sequence: '5', transaction_count: 4 },
      ]);
      expect(await verifyLedger(t.app.orm.em.fork())).toEqual([]);
    });

    it('catches a transaction that no run covers', async () => {
      expect(await violationsAfter(`update outbox_event set transaction_count = 3 where ${run()}`)).toEqual([COVERED]);
    });

    it('catches a transaction covered by two runs', async () => {
      // The run reaching back over the funding credit's own row: sequence 1 is in two runs, and the
      // run claims a transaction of another statement.
      expect(await violationsAfter(`update outbox_event set transaction_count = 5 where ${run()}`)).toEqual([COVERED, RUN_ENDS]);
    });

    it("catches a run with a transaction of another statement inside it, though its ends are the row's", async () => {
      expect(
        await violationsAfter(
          `update wallet_transaction set created_at = created_at - interval '1 second' where wallet_id = '${usageWalletId}' and sequence = 3`,
        ),
      ).toEqual([RUN_ENDS]);
    });

    it("catches a run whose last transaction or balance is not its row's", async () => {
      expect(await violationsAfter(`update outbox_event set balance_micros = balance_micros + 1 where ${run()}`)).toEqual([RUN_ENDS]);
    });
  });
});
