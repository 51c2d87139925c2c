// Goal: the one SQL helper binds named parameters (never inlining them), keeps `::` casts intact,
// refuses a missing parameter, prepares hot statements by name, and commits or rolls back a
// transaction as a whole (also one whose statements go in pipelined round trips), and never hands out a connection that died under a query. Method: a fresh database and the ORM's own pool.
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrm, migrate } from '../../server/database/orm.js';
import pg from 'pg';
import { isConnectionLost, pipelinedTransaction, sql, transaction } from '../../server/database/sql.js';
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

describe('generic plans', () => {
  it("genericPlans runs a transaction's prepared statements on their generic plan, planned once, and leaves the connection as it was", async () => {
    // An array parameter: PostgreSQL's own choice (plan_cache_mode auto) plans it for every array.
    const byIds = sql<{ id: number }, { ids: number[] }>('select id from sql_helper_probe where id = any(:ids::int[]) order by id', {
      prepareAs: 'sql_helper_probe_by_ids_generic',
    });
    const plans = sql<{ generic_plans: string; custom_plans: string }>(
      "select generic_plans::text, custom_plans::text from pg_prepared_statements where name = 'sql_helper_probe_by_ids_generic'",
    );
    const mode = sql<{ mode: string }>("select current_setting('plan_cache_mode') as mode");
    const single = await createOrm({ databaseUrl: orm.config.get('clientUrl'), poolSizeMax: 1 });
    try {
      const counts = await pipelinedTransaction(
        single.em.fork(),
        async (tx, roundTrip) => {
          const [setting] = await roundTrip(() => [mode.one(tx)]);
          expect(setting.mode).toBe('force_generic_plan');
          for (let i = 0; i < 8; i++) await roundTrip(() => [byIds.all(tx, { ids: [10, 11] })]);
          const [found] = await roundTrip(() => [byIds.all(tx, { ids: [10, 11] })]);
          expect(found.map((row) => row.id)).toEqual([10, 11]);
          const [counted] = await roundTrip(() => [plans.one(tx)]);
          return counted;
        },
        { genericPlans: true },
      );
      // Nine executions, no plan of their own: one generic plan reused.
      expect(counts).toEqual({ generic_plans: '9', custom_plans: '0' });
      // Set local: the next transaction on the same connection plans as PostgreSQL chooses again.
      expect((await mode.one(single.em.fork())).mode).toBe('auto');
      await pipelinedTransaction(single.em.fork(), async (tx, roundTrip) => {
        await roundTrip(() => [byIds.all(tx, { ids: [10] })]);
      });
      expect(await plans.one(single.em.fork())).toEqual({ generic_plans: '9', custom_plans: '1' });
    } finally {
      await single.close(true);
    }
  });
});

describe('pipelinedTransaction', () => {
  type SocketWrite = (...args: unknown[]) => unknown;
  /** Counts the socket writes (each one syscall) of the connection a transaction runs on, until stopped. */
  function countingWrites(tx: { connection: pg.Client }): { writes: () => number; stop: () => void } {
    const socket = (tx.connection as unknown as { connection: { stream: { _write: SocketWrite; _writev: SocketWrite } } }).connection
      .stream;
    const original = { write: socket._write, writev: socket._writev };
    let writes = 0;
    socket._write = function (this: unknown, ...args: unknown[]) {
      writes += 1;
      return original.write.apply(this, args);
    };
    socket._writev = function (this: unknown, ...args: unknown[]) {
      writes += 1;
      return original.writev.apply(this, args);
    };
    return {
      writes: () => writes,
      stop: () => {
        socket._write = original.write;
        socket._writev = original.writev;
      },
    };
  }

  it('sends the begin, a round trip of statements and the commit in one write each round trip, answering each in order', async () => {
    const em = orm.em.fork();
    const writesPerRoundTrip: number[] = [];
    const answers = await pipelinedTransaction(em, async (tx, roundTrip) => {
      const counter = countingWrites(tx);
      try {
        const first = await roundTrip(() => [
          insertProbe.run(tx, { id: 20, label: 'a', amountMicros: 1n }),
          insertProbe.run(tx, { id: 21, label: 'b', amountMicros: 2n }),
          selectProbe.all(tx, { id: 20 }),
        ]);
        writesPerRoundTrip.push(counter.writes());
        const second = await roundTrip(
          () => [selectProbe.one(tx, { id: 21 }), insertProbe.run(tx, { id: 22, label: 'c', amountMicros: 3n })],
          {
            commit: true,
          },
        );
        writesPerRoundTrip.push(counter.writes() - writesPerRoundTrip[0]!);
        return [first, second] as const;
      } finally {
        counter.stop();
      }
    });
    expect(writesPerRoundTrip).toEqual([1, 1]);
    expect(answers[0]).toEqual([1, 1, [{ id: 20, label: 'a', amount: '1', doubled: '2' }]]);
    expect(answers[1]).toEqual([{ id: 21, label: 'b', amount: '2', doubled: '4' }, 1]);
    const ids = await sql<{ id: number }>('select id from sql_helper_probe where id between 20 and 29 order by id').all(em);
    expect(ids.map((row) => row.id)).toEqual([20, 21, 22]);
  });

  it("throws the failing statement's own error, commits nothing of the transaction, and leaves the connection in its ordinary mode", async () => {
    const em = orm.em.fork();
    const failure = await pipelinedTransaction(em, async (tx, roundTrip) => {
      await roundTrip(() => [insertProbe.run(tx, { id: 30, label: 'undone', amountMicros: 1n })]);
      await roundTrip(
        () => [
          insertProbe.run(tx, { id: 31, label: 'undone', amountMicros: 1n }),
          insertProbe.run(tx, { id: 20, label: 'duplicate key', amountMicros: 1n }),
          insertProbe.run(tx, { id: 32, label: 'after the failure', amountMicros: 1n }),
        ],
        { commit: true },
      );
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(pg.DatabaseError);
    expect((failure as pg.DatabaseError).code).toBe('23505');
    const ids = await sql<{ id: number }>('select id from sql_helper_probe where id between 30 and 39').all(em);
    expect(ids).toEqual([]);
    // Every pooled connection (this test's pool has 4) still answers one statement at a time, in a transaction of its own.
    await Promise.all(
      [40, 41, 42, 43].map((id) =>
        transaction(em.fork(), async (tx) => {
          expect((tx.connection as unknown as { pipeline: boolean }).pipeline).toBe(false);
          await insertProbe.run(tx, { id, label: 'ordinary', amountMicros: 1n });
        }),
      ),
    );
    expect(await sql<{ n: number }>('select count(*)::int as n from sql_helper_probe where id between 40 and 49').one(em)).toEqual({
      n: 4,
    });
  });

  it('refuses a statement sent before the first round trip (it would run outside the transaction), and commits work that never sent one', async () => {
    const em = orm.em.fork();
    await expect(
      pipelinedTransaction(em, async (tx) => {
        await insertProbe.run(tx, { id: 50, label: 'outside', amountMicros: 1n });
      }),
    ).rejects.toThrow(/first statements in a round trip/);
    expect(await pipelinedTransaction(em, async () => 'nothing sent')).toBe('nothing sent');
    expect(await sql<{ n: number }>('select count(*)::int as n from sql_helper_probe where id = 50').one(em)).toEqual({ n: 0 });
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
