// Goal: a durable outbox consumer, and the retention job's view of the readers, order positions by
// the writer's transaction id as a number, also across a power of ten ('9' < '10', which text order
// reverses), so no row is skipped and none is deleted before every reader has passed it. Method: the
// real server; outbox rows inserted with chosen transaction ids below every running transaction.
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
});
