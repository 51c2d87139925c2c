// Goal: the one SQL helper binds named parameters (never inlining them), keeps `::` casts intact,
// refuses a missing parameter, prepares hot statements by name, and commits or rolls back a
// transaction as a whole, and never hands out a connection that died under a query. Method: a fresh database and the ORM's own pool.
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrm, migrate } from '../../server/database/orm.js';
import pg from 'pg';
import { isConnectionLost, sql, transaction } from '../../server/database/sql.js';
import { until } from '../support/waiting.js';
import { createTestDatabase } from '../support/database.js';

let orm: MikroORM;
beforeAll(async () => {
  orm = await createOrm({ databaseUrl: await createTestDatabase(), poolSizeMax: 4 });
  await migrate(orm);
  await sql('create table sql_helper_probe (id int primary key, label text not null, amount_micros bigint not null)').run(orm.em.fork());
});
afterAll(async () => {
  await orm?.close(true);
});

const insertProbe = sql<never, { id: number; label: string; amountMicros: bigint }>(
  'insert into sql_helper_probe (id, label, amount_micros) values (:id, :label, :amountMicros)',
);
const selectProbe = sql<{ id: number; label: string; amount: string; doubled: string }, { id: number }>(
  'select id, label, amount_micros::text as amount, (amount_micros * 2)::text as doubled from sql_helper_probe where id = :id and :id > 0',
);

describe('sql', () => {
  it('numbers each named parameter once, in order of first use, and leaves casts alone', () => {
    expect(selectProbe.names).toEqual(['id']);
    expect(selectProbe.text).toContain('amount_micros::text');
    expect(selectProbe.text).toContain('where id = $1 and $1 > 0');
    expect(insertProbe.names).toEqual(['id', 'label', 'amountMicros']);
  });

  it('binds values (a quote in a value is data, not SQL) and sends bigint as its decimal string', async () => {
    const em = orm.em.fork();
    expect(await insertProbe.run(em, { id: 1, label: "it's; drop table wallet", amountMicros: 9_007_199_254_740_993n })).toBe(1);
    expect(await selectProbe.one(em, { id: 1 })).toEqual({
      id: 1,
      label: "it's; drop table wallet",
      amount: '9007199254740993',
      doubled: '18014398509481986',
    });
    expect(await selectProbe.maybeOne(em, { id: 2 })).toBeUndefined();
    expect(await selectProbe.all(em, { id: 2 })).toEqual([]);
  });

  it('refuses a missing parameter before sending anything, and one() refuses zero rows', async () => {
    const em = orm.em.fork();
    await expect(insertProbe.run(em, { id: 3, label: 'x' } as never)).rejects.toThrow(/:amountMicros is missing/);
    expect(await selectProbe.maybeOne(em, { id: 3 })).toBeUndefined();
    await expect(selectProbe.one(em, { id: 3 })).rejects.toThrow(/exactly one row, got 0/);
  });

  it('commits a transaction when its work resolves and rolls all of it back when it throws', async () => {
    const em = orm.em.fork();
    await transaction(em, async (tx) => {
      await insertProbe.run(tx, { id: 10, label: 'kept', amountMicros: 1n });
      await insertProbe.run(tx, { id: 11, label: 'kept too', amountMicros: 2n });
    });
    await expect(
      transaction(em, async (tx) => {
        await insertProbe.run(tx, { id: 12, label: 'undone', amountMicros: 3n });
        expect((await selectProbe.one(tx, { id: 12 })).label).toBe('undone');
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    const labels = await sql<{ id: number }>('select id from sql_helper_probe where id >= 10 order by id').all(em);
    expect(labels.map((row) => row.id)).toEqual([10, 11]);
  });

  it('prepares a statement by name once per connection and reuses it', async () => {
    const prepared = sql<{ label: string }, { id: number }>('select label from sql_helper_probe where id = :id', {
      prepareAs: 'sql_helper_probe_label',
    });
    const em = orm.em.fork();
    await transaction(em, async (tx) => {
      expect(await prepared.one(tx, { id: 10 })).toEqual({ label: 'kept' });
      expect(await prepared.one(tx, { id: 11 })).toEqual({ label: 'kept too' });
      const statements = await sql<{ name: string }>("select name from pg_prepared_statements where name = 'sql_helper_probe_label'").all(
        tx,
      );
      expect(statements).toEqual([{ name: 'sql_helper_probe_label' }]);
    });
  });
});

describe('a connection that dies under a query', () => {
  it('is not handed to the next request: with one pooled connection, the query after a terminated one runs on a new connection', async () => {
    const single = await createOrm({ databaseUrl: await createTestDatabase(), poolSizeMax: 1 });
    const admin = new pg.Client({ connectionString: single.config.getClientUrl() });
    await admin.connect();
    try {
      const em = single.em.fork();
      const first = await sql<{ pid: number }>('select pg_backend_pid() as pid').one(em);
      const sleeping = sql<{ slept: string }>('select pg_sleep(30)::text as slept').one(em);
      const failure = sleeping.then(
        () => null,
        (error: unknown) => error,
      );
      await until(
        'the query to sleep on its connection',
        async () =>
          (await admin.query('select 1 from pg_stat_activity where pid = $1 and wait_event = $2', [first.pid, 'PgSleep'])).rowCount === 1,
      );
      await admin.query('select pg_terminate_backend($1)', [first.pid]);
      const error = await failure;
      expect(error).toMatchObject({ code: '57P01', severity: 'FATAL' });
      expect(isConnectionLost(error)).toBe(true);
      // At once, before the dead socket's 'end' event can mark it: the pool must not give it out again.
      const next = await sql<{ pid: number }>('select pg_backend_pid() as pid').one(single.em.fork());
      expect(next.pid).not.toBe(first.pid);
    } finally {
      await admin.end();
      await single.close(true);
    }
  });

  it('tells a lost connection from an ordinary error', () => {
    expect(
      isConnectionLost(
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01', severity: 'FATAL' }),
      ),
    ).toBe(true);
    expect(isConnectionLost(Object.assign(new Error('connection failure'), { code: '08006', severity: 'ERROR' }))).toBe(true);
    expect(isConnectionLost(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionLost(Object.assign(new Error('duplicate key'), { code: '23505', severity: 'ERROR' }))).toBe(false);
    expect(isConnectionLost('not an error')).toBe(false);
  });
});
