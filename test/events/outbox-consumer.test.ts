// Goal: a durable outbox consumer, and the retention job's view of the readers, order positions by
// the writer's transaction id as a number, also across a power of ten ('9' < '10', which text order
// reverses), so no row is skipped and none is deleted before every reader has passed it; a consumer
// cuts its batches at `batchSize` transactions too unless it does not read them (`countsTransactions`).
// Method: the real server; outbox rows inserted with chosen transaction ids below every running
// transaction, and rows written by recordUsage and charges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSql } from '../support/sql.js';
import { consumeOutbox } from '../../server/domain/outbox/outbox-consumer.js';
import { pruneOutbox } from '../../server/lifecycle/retention-jobs.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { drainAlerts } from '../support/consumers.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const sql = (text: string, values: unknown[] = []) => runSql(t.app.orm.em.fork(), text, values);

describe('outbox positions', () => {
  it('a consumer reads rows of transactions 9, 10 and 11 in that order, one per batch, none skipped', async () => {
    const { accountId, walletId } = await t.createAccount('Order');
    const ids: string[] = [];
    for (const txId of ['10', '9', '11']) {
      const [row] = await sql(
        `insert into outbox_event (tx_id, type, account_id, wallet_id) values ($1::xid8, 'WALLET_UPDATED', $2, $3) returning id::text`,
        [txId, accountId, walletId],
      );
      ids.push(row.id);
    }
    const [ten, nine, eleven] = ids;
    await sql(`insert into outbox_consumer (name, tx_id, event_id) values ('order-test', '0', 0)`);
    const handled: string[] = [];
    await consumeOutbox(t.app.orm.em.fork(), {
      name: 'order-test',
      batchSize: 1,
      handle: async (rows) => {
        for (const row of rows) if (ids.includes(row.id)) handled.push(row.id);
      },
    });
    expect(handled).toEqual([nine, ten, eleven]);

    // The retention job takes the lowest reader as a number too: a reader at transaction 9 keeps rows 10 and 11.
    // The mail and webhook producers are not running here; the alert processor is: bring it to the head.
    await drainAlerts(t);
    // This process's live tail is a reader too: until it has read them, nothing goes.
    await pruneOutbox(t.app.orm.em.fork(), t.config, Date.now() + 30 * 86_400_000, { outboxPosition: () => ({ txId: '0', id: '0' }) });
    expect(await sql(`select 1 from outbox_event where id = any($1::bigint[])`, [ids])).toHaveLength(3);
    await t.app.events.tail.caughtUp();
    await sql(`update outbox_consumer set tx_id = '9', event_id = $1 where name <> 'alerts'`, [nine]);
    await pruneOutbox(t.app.orm.em.fork(), t.config, Date.now() + 30 * 86_400_000, {
      outboxPosition: () => t.app.events.tail.readPosition,
    });
    expect((await sql(`select id::text from outbox_event where id = any($1::bigint[])`, [ids])).map((r) => r.id).sort()).toEqual(
      [ten, eleven].sort(),
    );
    await t.assertLedger();
  });

  it('cuts batches at batchSize transactions, or at batchSize rows alone when the consumer does not read transactions', async () => {
    const { walletId, ownerKey } = await t.createAccount('Batches');
    await t.fund(walletId, '100');
    for (const name of ['by-transactions', 'by-rows'])
      await sql(
        `insert into outbox_consumer (name, tx_id, event_id) select $1, coalesce(max(tx_id), '0'::xid8), coalesce(max(id), 0) from outbox_event`,
        [name],
      );
    // A run of 5 transactions in one row, then two rows of one charge each.
    const events = Array.from({ length: 5 }, (_, index) => ({ walletId, amount: '1', description: `b${index}` }));
    await t.ok(ownerKey, 'mutation($input: RecordUsageInput!) { recordUsage(input: $input) { postedCount } }', { input: { events } });
    for (let i = 0; i < 2; i++)
      await t.ok(ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
        input: { walletId, amount: '1' },
      });
    const batchesOf = async (name: string, countsTransactions?: boolean) => {
      const batches: number[][] = [];
      await consumeOutbox(t.app.orm.em.fork(), {
        name,
        batchSize: 2,
        countsTransactions,
        handle: async (rows) => {
          batches.push(rows.filter((row) => row.wallet_id === walletId).map((row) => row.transaction_count));
        },
      });
      return batches;
    };
    // The run alone (a first row is never split), then the two charges: 1 + 1 transactions.
    expect(await batchesOf('by-transactions')).toEqual([[5], [1, 1]]);
    // Two rows, then one: the run's 5 transactions do not cut the batch.
    expect(await batchesOf('by-rows', false)).toEqual([[5, 1], [1]]);
    await t.assertLedger();
  });

  it('moves past only the rows a handler says it handled; the rest come first in the next batch', async () => {
    const { walletId, ownerKey } = await t.createAccount('Partial');
    await t.fund(walletId, '100');
    await sql(
      `insert into outbox_consumer (name, tx_id, event_id) select 'partial', coalesce(max(tx_id), '0'::xid8), coalesce(max(id), 0) from outbox_event`,
    );
    for (let i = 0; i < 4; i++)
      await t.ok(ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
        input: { walletId, amount: '1' },
      });
    const seen: string[][] = [];
    const handled = await consumeOutbox(t.app.orm.em.fork(), {
      name: 'partial',
      batchSize: 3,
      handle: async (rows) => {
        seen.push(rows.filter((row) => row.wallet_id === walletId).map((row) => row.wallet_sequence!));
        return 1;
      },
    });
    // Each batch handles its first row only: every row once as the first, in order, none skipped.
    expect(seen.map((batch) => batch[0])).toEqual(['2', '3', '4', '5']);
    expect(seen.slice(0, 2)).toEqual([
      ['2', '3', '4'],
      ['3', '4', '5'],
    ]);
    expect(handled).toBe(4);
    // A handler that claims none (or more than it got) is a programmer error, and moves nothing.
    await t.ok(ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
      input: { walletId, amount: '1' },
    });
    await expect(consumeOutbox(t.app.orm.em.fork(), { name: 'partial', batchSize: 3, handle: async () => 0 })).rejects.toThrow(
      /handled 0 of 1/,
    );
    expect(await consumeOutbox(t.app.orm.em.fork(), { name: 'partial', batchSize: 3, handle: async () => undefined })).toBe(1);
  });
});
