// Goal: postings that share one statement and one commit (the posting batcher) each get exactly
// the answer they would have had alone (postings on one wallet: as posted one after another, in
// arrival order), and a batch the
// database refuses whole costs nobody their posting. Method: the real server and PostgreSQL;
// postings submitted in one tick so the batches they form are known, then the ledger invariants.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.js';
import type { StatementBatcherStats } from '../../../server/database/statement-batcher.js';
import { parseMoney } from '../../../server/domain/wallets/money.js';
import {
  POST_WALLET_TRANSACTIONS,
  postWalletTransaction,
  postWalletTransactionsIn,
  postWalletTransactionsInOrder,
  postWalletTransactionWith,
  type PostedWalletTransaction,
  type PostWalletTransactionOptions,
} from '../../../server/domain/wallets/post-wallet-transaction.js';
import { sql, transaction } from '../../../server/database/sql.js';
import { toWalletRecord } from '../../../server/domain/wallets/wallet-record.js';
import { toWalletTransactionRecord } from '../../../server/domain/wallets/wallet-transaction-record.js';
import { selectWallet, selectWalletTransaction } from '../../../server/domain/wallets/wallets.queries.js';
import { PlatformAccountCode, TransactionKind } from '../../../server/domain/wallets/transaction-enums.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { until } from '../../support/waiting.js';

let t: TestApp;
beforeAll(async () => {
  // One batch at a time: of postings submitted together, the first runs alone and the rest wait for it and go as one batch.
  t = await startTestApp({ postingBatchSizeMax: 32, postingBatchesInFlightMax: 1 });
});
afterAll(async () => {
  await t?.close();
});

function charge(walletId: string, accountScope: string | null, amount: string, extra: Partial<PostWalletTransactionOptions> = {}) {
  return {
    walletId,
    accountScope,
    deltaMicros: -parseMoney(amount),
    kind: TransactionKind.CHARGE,
    counterparty: PlatformAccountCode.REVENUE,
    description: 'Charge',
    campaignId: null,
    actor: 'test',
    idempotencyKey: null,
    operation: 'charge',
    walletBalanceMicrosMax: t.config.walletBalanceMicrosMax,
    ...extra,
  } satisfies PostWalletTransactionOptions;
}

/** Submits every posting in the same tick; settles each like Promise.allSettled, with the batcher's stats before and after. */
async function postTogether(postings: PostWalletTransactionOptions[], on: TestApp = t) {
  // Let an earlier posting's batch finish its bookkeeping (a microtask after its caller resumes), so this one starts idle.
  await new Promise((resolve) => setImmediate(resolve));
  const batcher = on.app.postings;
  const before: StatementBatcherStats = { ...batcher.stats };
  const results = await Promise.allSettled(postings.map((posting) => postWalletTransaction(on.app.orm.em.fork(), batcher, posting)));
  const after = batcher.stats;
  const delta = {
    singles: after.singles - before.singles,
    batches: after.batches - before.batches,
    batchedMembers: after.batchedMembers - before.batchedMembers,
    fallbacks: after.fallbacks - before.fallbacks,
  };
  return { results, delta };
}

function fulfilledValue<T>(result: PromiseSettledResult<T> | undefined): T {
  if (result?.status !== 'fulfilled') throw new Error(`expected a posting, got ${String(result?.reason)}`);
  return result.value;
}

/**
 * Waits until a batched posting statement waits for a lock, then runs `action` (an expression
 * over its `pid`) on it from `session` and returns its value; null when none came within ~5 s.
 */
async function waitForWaitingBatch(session: pg.Client, action: string): Promise<unknown> {
  let result: unknown = null;
  const found = async () => {
    // Inside a transaction the activity view is a snapshot taken once: take a fresh one each time.
    await session.query('select pg_stat_clear_snapshot()');
    // The batched posting statement, told by its opening (pg_stat_activity keeps the first 1 kB).
    const { rows } = await session.query<{ result: unknown }>(
      `select ${action} as result from pg_stat_activity
        where wait_event_type = 'Lock' and left(query, 300) = left($1, 300) and datname = current_database()`,
      [POST_WALLET_TRANSACTIONS.text],
    );
    if (rows[0]) result = rows[0].result;
    return rows[0] !== undefined;
  };
  // None within the time is an answer here (null), not a failure.
  await until('a batched posting waiting on a lock', found, 5_000, 25).catch(() => {});
  return result;
}

async function connected(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

function errorCode(result: PromiseSettledResult<unknown> | undefined): string | undefined {
  return result?.status === 'rejected' ? (result.reason as { code?: string }).code : undefined;
}

async function fundedWallet(amount: string, name = 'Batch tenant') {
  const account = await t.createAccount(name);
  if (amount !== '0') await t.fund(account.walletId, amount);
  return account;
}

describe('posting batches', () => {
  it('postings of one tick share one statement, and refusals in it are each their own', async () => {
    const [paying, short, foreign, capped, quoted, lead] = await Promise.all([
      fundedWallet('10'),
      fundedWallet('0.5'),
      fundedWallet('10'),
      fundedWallet('0'),
      fundedWallet('10'),
      fundedWallet('10'),
    ]);
    const { results, delta } = await postTogether([
      charge(lead.walletId, lead.accountId, '1'), // runs alone; the others queue behind it
      charge(paying.walletId, paying.accountId, '2.5', { idempotencyKey: 'batch-key-1' }),
      charge(short.walletId, short.accountId, '1'),
      charge(foreign.walletId, paying.accountId, '1'), // another tenant's wallet
      charge(randomUUID(), null, '1'), // no such wallet
      {
        ...charge(capped.walletId, null, '0'),
        deltaMicros: t.config.walletBalanceMicrosMax + 1n,
        kind: TransactionKind.ADJUSTMENT,
        counterparty: PlatformAccountCode.ADJUSTMENTS,
      },
      charge(quoted.walletId, quoted.accountId, '0.000001', { description: 'a "quoted", {braced} \\ back\\slash NULL ünïcode' }),
    ]);

    expect(delta).toEqual({ singles: 1, batches: 1, batchedMembers: 6, fallbacks: 0 });
    const [leadResult, paid, refused, foreignResult, absent, overCap, quotedResult] = results;
    expect(fulfilledValue(leadResult).transaction.sequence).toBe(2n);
    expect(fulfilledValue(paid)).toMatchObject({
      replayed: false,
      transaction: {
        walletId: paying.walletId,
        sequence: 2n,
        amountMicros: 2_500_000n,
        balanceAfterMicros: 7_500_000n,
        idempotencyKey: 'batch-key-1',
      },
      wallet: { balanceMicros: 7_500_000n },
    });
    expect(errorCode(refused)).toBe('INSUFFICIENT_FUNDS');
    expect(errorCode(foreignResult)).toBe('NOT_FOUND');
    expect(errorCode(absent)).toBe('NOT_FOUND');
    expect(errorCode(overCap)).toBe('BAD_USER_INPUT');
    expect(fulfilledValue(quotedResult).transaction.description).toBe('a "quoted", {braced} \\ back\\slash NULL ünïcode');

    // Refused postings wrote nothing: those wallets hold what they held.
    const balances = await Promise.all(
      [short, foreign, capped].map(
        async (account) =>
          (await t.ok(t.adminToken, `query($id: ID!) { wallet(id: $id) { balance sequence } }`, { id: account.walletId })).wallet,
      ),
    );
    expect(balances).toEqual([
      { balance: '0.5', sequence: '1' },
      { balance: '10', sequence: '1' },
      { balance: '0', sequence: '0' },
    ]);
    await t.assertLedger();
  });

  it('postings on one wallet wait for its running statement and then leave together, applied in arrival order', async () => {
    const [lead, twice, other] = await Promise.all([fundedWallet('10'), fundedWallet('2.5'), fundedWallet('10')]);
    const { results, delta } = await postTogether([
      charge(lead.walletId, lead.accountId, '1'),
      charge(twice.walletId, twice.accountId, '1'),
      charge(twice.walletId, twice.accountId, '1'),
      charge(twice.walletId, twice.accountId, '1'), // 2.5 covers two of the three: the first two, in order
      charge(other.walletId, other.accountId, '1'),
    ]);
    // The lead alone; then `twice`'s three charges and `other`'s in one statement (hot-wallet coalescing).
    expect(delta).toEqual({ singles: 1, batches: 1, batchedMembers: 4, fallbacks: 0 });
    expect(fulfilledValue(results[1]).transaction.sequence).toBe(2n);
    expect(fulfilledValue(results[2]).transaction.sequence).toBe(3n);
    expect(fulfilledValue(results[2]).transaction.balanceBeforeMicros).toBe(parseMoney('1.5'));
    expect(errorCode(results[3])).toBe('INSUFFICIENT_FUNDS');
    expect(fulfilledValue(results[4]).transaction.sequence).toBe(2n);
    await t.assertLedger();
  });

  it('a batch refused whole for a reused idempotency key is run member by member: a replay, a reuse error and a new posting', async () => {
    const [lead, replayed, reused, fresh] = await Promise.all([
      fundedWallet('10'),
      fundedWallet('10'),
      fundedWallet('10'),
      fundedWallet('10'),
    ]);
    const first = await postWalletTransaction(
      t.app.orm.em.fork(),
      t.app.postings,
      charge(replayed.walletId, replayed.accountId, '1', { idempotencyKey: 'same' }),
    );
    await postWalletTransaction(
      t.app.orm.em.fork(),
      t.app.postings,
      charge(reused.walletId, reused.accountId, '1', { idempotencyKey: 'other' }),
    );

    const { results, delta } = await postTogether([
      charge(lead.walletId, lead.accountId, '1'),
      charge(replayed.walletId, replayed.accountId, '1', { idempotencyKey: 'same' }),
      charge(reused.walletId, reused.accountId, '2', { idempotencyKey: 'other' }),
      charge(fresh.walletId, fresh.accountId, '1', { idempotencyKey: 'new' }),
    ]);

    expect(delta).toEqual({ singles: 1 + 3, batches: 1, batchedMembers: 3, fallbacks: 1 });
    const [, replay, reuse, posted] = results;
    expect(fulfilledValue(replay)).toMatchObject({ replayed: true, transaction: { id: first.transaction.id } });
    expect(errorCode(reuse!)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(fulfilledValue(posted)).toMatchObject({ replayed: false, transaction: { sequence: 2n, idempotencyKey: 'new' } });
    const sequences = await Promise.all(
      [replayed, reused].map(
        async (account) =>
          (await t.ok(t.adminToken, `query($id: ID!) { wallet(id: $id) { sequence } }`, { id: account.walletId })).wallet.sequence,
      ),
    );
    expect(sequences).toEqual(['2', '2']); // funding + the first posting: nothing more
    await t.assertLedger();
  });

  it('a batch whose connection is ended is not run again: its members fail as they would alone and nothing is posted', async () => {
    const [lead, locked, other] = await Promise.all([fundedWallet('10'), fundedWallet('10'), fundedWallet('10')]);
    // Another session holds `locked`'s row, so the batch naming it waits where it can be seen.
    const holder = new pg.Client({ connectionString: t.databaseUrl });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select 1 from wallet where id = $1 for update', [locked.walletId]);
      const together = postTogether([
        charge(lead.walletId, lead.accountId, '1'),
        charge(locked.walletId, locked.accountId, '1'),
        charge(other.walletId, other.accountId, '1'),
      ]);
      const terminated = (await waitForWaitingBatch(holder, 'pg_terminate_backend(pid)')) === true;
      expect(terminated).toBe(true);
      await holder.query('rollback');
      const { results, delta } = await together;

      expect(delta).toEqual({ singles: 1, batches: 1, batchedMembers: 2, fallbacks: 0 });
      expect(fulfilledValue(results[0]).transaction.sequence).toBe(2n);
      for (const result of results.slice(1)) {
        expect(result.status).toBe('rejected');
        expect((result as PromiseRejectedResult).reason).toMatchObject({ code: '57P01', severity: 'FATAL' });
      }
    } finally {
      await holder.end();
    }
    const sequences = await Promise.all(
      [locked, other].map(
        async (account) =>
          (await t.ok(t.adminToken, `query($id: ID!) { wallet(id: $id) { balance sequence } }`, { id: account.walletId })).wallet,
      ),
    );
    expect(sequences).toEqual([
      { balance: '10', sequence: '1' },
      { balance: '10', sequence: '1' },
    ]);
    await t.assertLedger();
  });

  it('a batch locks its wallets in id order whatever plan PostgreSQL picks, as the billing clock does, so the two never deadlock', async () => {
    const accounts = await Promise.all(Array.from({ length: 10 }, (_, index) => fundedWallet('10', `Lock order ${index}`)));
    const lead = accounts[0]!;
    const holder = await connected(t.databaseUrl);
    // Two wallets whose order in the table is not their id order: a plan that walks the table meets `high` first.
    const { rows: inTableOrder } = await holder.query<{ id: string }>(
      'select id::text from wallet where id = any($1::uuid[]) order by ctid',
      [accounts.slice(1).map((account) => account.walletId)],
    );
    const pair = inTableOrder.findIndex((row, index) => index > 0 && inTableOrder[index - 1]!.id > row.id);
    expect(pair).toBeGreaterThan(0); // 9 random ids in table order: sorted by id only 1 time in 362,880 (5 ids: 1 in 120, seen failing)
    const byId = new Map(accounts.map((account) => [account.walletId, account]));
    const high = byId.get(inTableOrder[pair - 1]!.id)!;
    const low = byId.get(inTableOrder[pair]!.id)!;

    // A server process whose sessions may not use indexes, so the update meets wallets in the table's order.
    await holder.query(`alter database "${new URL(t.databaseUrl).pathname.slice(1)}" set enable_indexscan = off`);
    await holder.query(`alter database "${new URL(t.databaseUrl).pathname.slice(1)}" set enable_bitmapscan = off`);
    const walking = await startTestApp({ postingBatchesInFlightMax: 1 }, { databaseUrl: t.databaseUrl, adminToken: t.adminToken });
    try {
      await holder.query('begin');
      await holder.query('select 1 from wallet where id = $1 for update', [low.walletId]);
      const together = postTogether(
        [charge(lead.walletId, lead.accountId, '1'), charge(low.walletId, low.accountId, '1'), charge(high.walletId, high.accountId, '1')],
        walking,
      );
      expect(await waitForWaitingBatch(holder, 'pid')).not.toBeNull();
      // The batch waits for `low` without holding `high`: a session locking in id order gets `high` at once.
      await expect(holder.query('select 1 from wallet where id = $1 for update nowait', [high.walletId])).resolves.toMatchObject({
        rowCount: 1,
      });
      await holder.query('rollback');
      const { results, delta } = await together;
      expect(delta).toEqual({ singles: 1, batches: 1, batchedMembers: 2, fallbacks: 0 });
      expect(results.map((result) => fulfilledValue(result).transaction.sequence)).toEqual([2n, 2n, 2n]);
    } finally {
      await holder.query('rollback').catch(() => undefined);
      await holder.query(`alter database "${new URL(t.databaseUrl).pathname.slice(1)}" reset all`);
      await holder.end();
      await walking.close();
    }
    await t.assertLedger();
  });

  it('two server processes batching on the same wallets keep every wallet exact', async () => {
    const second = await startTestApp({}, { databaseUrl: t.databaseUrl, adminToken: t.adminToken });
    try {
      const wallets = await Promise.all(Array.from({ length: 20 }, (_, index) => fundedWallet('5', `Two processes ${index}`)));
      // Each process: 5 charges of 1.00 per wallet, interleaved across wallets; 10 per wallet against 5.00 in all.
      const postings = () =>
        Array.from({ length: 5 }, () => wallets.map((wallet) => charge(wallet.walletId, wallet.accountId, '1'))).flat();
      const statsBefore = [t.app.postings.stats.batches, second.app.postings.stats.batches];
      const settled = (
        await Promise.all(
          [t, second].map((app) =>
            Promise.allSettled(postings().map((posting) => postWalletTransaction(app.app.orm.em.fork(), app.app.postings, posting))),
          ),
        )
      ).flat();

      expect(settled.filter((result) => result.status === 'fulfilled')).toHaveLength(100);
      expect(settled.filter((result) => errorCode(result) === 'INSUFFICIENT_FUNDS')).toHaveLength(100);
      for (const wallet of wallets) {
        const data = await t.ok(t.adminToken, `query($id: ID!) { wallet(id: $id) { balance sequence } }`, { id: wallet.walletId });
        expect(data.wallet).toEqual({ balance: '0', sequence: '6' });
      }
      // Both processes really batched.
      expect(t.app.postings.stats.batches).toBeGreaterThan(statsBefore[0]!);
      expect(second.app.postings.stats.batches).toBeGreaterThan(statsBefore[1]!);
      await t.assertLedger();
    } finally {
      await second.close();
    }
  });
});

describe('what a posting answers', () => {
  /**
   * The statement returns only what the caller did not give (sequence, balance after, the wallet's
   * account and state, the time); the rest of the answer is made from the posting's options. Each
   * answer must equal what was written: the transaction row read back, and the wallet as it stood
   * right after (the wallet row itself for a wallet's last posting).
   */
  async function expectAnswersAsWritten(answers: PostedWalletTransaction[]) {
    const em = t.app.orm.em.fork();
    const lastOfWallet = new Map<string, PostedWalletTransaction>();
    for (const answer of answers) {
      const written = toWalletTransactionRecord(await selectWalletTransaction.one(em, { transactionId: answer.transaction.id }));
      expect(answer.transaction).toEqual(written);
      const wallet = toWalletRecord(await selectWallet.one(em, { walletId: written.walletId, accountScope: null }));
      expect(answer.wallet).toMatchObject({
        id: wallet.id,
        accountId: wallet.accountId,
        currency: wallet.currency,
        balanceMicros: written.balanceAfterMicros,
        lastSequence: written.sequence,
        createdAt: wallet.createdAt,
        updatedAt: written.createdAt,
      });
      lastOfWallet.set(wallet.id, answer);
    }
    for (const answer of lastOfWallet.values()) {
      expect(answer.wallet).toEqual(toWalletRecord(await selectWallet.one(em, { walletId: answer.wallet.id, accountScope: null })));
    }
  }

  it('alone, batched, several on one wallet in one statement, and in a transaction of its own: each answer is the row it wrote', async () => {
    const [a, b] = await Promise.all([fundedWallet('10'), fundedWallet('10')]);
    const campaignId = randomUUID().toUpperCase();
    const credit = {
      ...charge(b.walletId, null, '0'),
      deltaMicros: 1_250_000n,
      kind: TransactionKind.ADJUSTMENT,
      counterparty: PlatformAccountCode.ADJUSTMENTS,
    };
    // Through the batcher: the first alone, the rest in one batch (ids given in upper case are stored in lower case).
    const { results } = await postTogether([
      charge(a.walletId, a.accountId, '1'),
      charge(a.walletId.toUpperCase(), a.accountId, '0.25', { idempotencyKey: 'answer-key-1', campaignId }),
      credit,
      charge(b.walletId, b.accountId, '0.5', { description: 'a "quoted", {braced} \\ back\\slash NULL ünïcode' }),
    ]);
    const batched = results.map((result) => fulfilledValue(result));
    // Several on one wallet in one statement, applied in order (recordUsage's path).
    const inOrder = await postWalletTransactionsInOrder(t.app.orm.em.fork(), t.app.postings, [
      charge(a.walletId, a.accountId, '0.1'),
      charge(b.walletId, null, '0.2', { idempotencyKey: 'answer-key-2' }),
      charge(a.walletId, a.accountId, '0.3', { campaignId }),
      { ...credit, deltaMicros: 10_000n },
    ]);
    // In a transaction of its own (the hand-written statement on the caller's connection).
    const withAudit = await postWalletTransactionWith(
      t.app.orm.em.fork(),
      t.app.postings,
      charge(b.walletId, null, '0.01'),
      async () => {},
    );
    await expectAnswersAsWritten([
      ...batched,
      ...inOrder.map((outcome) => {
        if (!outcome.posted) throw new Error(`expected a posting, got ${String(outcome.error)}`);
        return outcome.posted;
      }),
      withAudit,
    ]);
    expect(batched[1]!.transaction).toMatchObject({ walletId: a.walletId.toLowerCase(), campaignId: campaignId.toLowerCase() });
    expect(batched[2]!.transaction).toMatchObject({ type: 'CREDIT', amountMicros: 1_250_000n, balanceBeforeMicros: 10_000_000n });
    await t.assertLedger();
  });
});

describe('postings without an idempotency record', () => {
  it("writes a key that the caller's transaction makes happen once on the transaction only; the replaying postings refuse it", async () => {
    const { walletId } = await fundedWallet('10', 'Unrecorded key tenant');
    const key = `spendwire:call:${randomUUID()}`;
    const [posted] = await transaction(t.app.orm.em.fork(), (tx) =>
      postWalletTransactionsIn(tx, [charge(walletId, null, '1', { idempotencyKey: key, idempotencyRecord: false })]),
    );
    expect(posted?.transaction.idempotencyKey).toBe(key);
    const written = await sql<{ key: string | null; records: number }, { id: string }>(
      `select t.idempotency_key as key, (select count(*)::int from idempotency_key k where k.wallet_transaction_id = t.id) as records
         from wallet_transaction t where t.id = :id`,
    ).one(t.app.orm.em.fork(), { id: posted!.transaction.id });
    expect(written).toEqual({ key, records: 0 });
    // Without the record a replay could not find the first posting: these entry points replay by it.
    const unrecorded = charge(walletId, null, '1', { idempotencyKey: randomUUID(), idempotencyRecord: false });
    await expect(postWalletTransaction(t.app.orm.em.fork(), t.app.postings, unrecorded)).rejects.toThrow(/records it/);
    await expect(postWalletTransactionsInOrder(t.app.orm.em.fork(), t.app.postings, [unrecorded])).rejects.toThrow(/records it/);
    await t.assertLedger();
  });
});

describe('posting batch limits', () => {
  it('POSTING_BATCH_SIZE_MAX and POSTING_BATCHES_IN_FLIGHT_MAX must be at least 1', () => {
    expect(loadConfig({ POSTING_BATCH_SIZE_MAX: '1', POSTING_BATCHES_IN_FLIGHT_MAX: '1' })).toMatchObject({
      postingBatchSizeMax: 1,
      postingBatchesInFlightMax: 1,
    });
    expect(() => loadConfig({ POSTING_BATCH_SIZE_MAX: '0' })).toThrow('POSTING_BATCH_SIZE_MAX must be at least 1, got "0"');
    expect(() => loadConfig({ POSTING_BATCHES_IN_FLIGHT_MAX: '0' })).toThrow('POSTING_BATCHES_IN_FLIGHT_MAX must be at least 1, got "0"');
  });
});
