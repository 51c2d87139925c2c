import pg from 'pg';

/**
 * Resolves once `condition()` holds, checking it again every `intervalMs`; throws naming `what`
 * after `timeoutMs`. The way tests wait for a state instead of sleeping.
 */
export async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000, intervalMs = 5): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A table held locked by a connection of the test's own (outside the server's pool). */
export interface TableLock {
  /**
   * Server connections whose statement waits for this lock; with `statementLike` (a LIKE pattern),
   * only those whose statement matches it: the server's own background readers (the outbox tail
   * reads `wallet_transaction` after every commit) wait on the lock too.
   */
  waiting(statementLike?: string): Promise<number>;
  /**
   * Commits, letting the waiting statements run, and closes the connection. When PostgreSQL has
   * already ended the connection (a server under test stopped its own PostgreSQL), the lock went
   * with it and there is nothing left to release.
   */
  release(): Promise<void>;
}

/** Locks `table` in ACCESS EXCLUSIVE mode on its own connection to `databaseUrl` until released. */
export async function lockTable(databaseUrl: string, table: string): Promise<TableLock> {
  const client = new pg.Client({ connectionString: databaseUrl });
  // Without a listener, PostgreSQL ending this idle connection (57P01 when a server process under
  // test stops its embedded PostgreSQL first) was an uncaught exception that failed the whole run.
  let ended = false;
  client.on('error', () => {
    ended = true;
  });
  client.on('end', () => {
    ended = true;
  });
  await client.connect();
  await client.query('begin');
  await client.query(`lock table ${table} in access exclusive mode`);
  return {
    waiting: async (statementLike?: string) => {
      // This connection's transaction keeps the first activity snapshot it read: read a fresh one.
      if (statementLike !== undefined) await client.query('select pg_stat_clear_snapshot()');
      const { rows } = await client.query<{ count: string }>(
        `select count(*) from pg_locks l join pg_class c on c.oid = l.relation
           left join pg_stat_activity a on a.pid = l.pid
          where c.relname = $1 and not l.granted and ($2::text is null or a.query like $2::text)`,
        [table, statementLike ?? null],
      );
      return Number(rows[0]!.count);
    },
    release: async () => {
      if (ended) return;
      try {
        await client.query('commit');
        await client.end();
      } catch (error) {
        if (!ended) throw error;
      }
    },
  };
}

/**
 * Runs `pass` (one pass of an outbox consumer such as the alert processor) until the consumer `name`
 * has read every outbox event there is. One pass may stop short of what was just committed: it reads
 * only below the oldest transaction still running anywhere, and another process's pass may hold the
 * consumer meanwhile.
 */
export async function drainOutboxConsumer(
  // biome-ignore lint/suspicious/noExplicitAny: the test harness's SQL runner, as in test/support/sql.ts.
  runSql: (text: string, values?: unknown[]) => Promise<any[]>,
  name: string,
  pass: () => Promise<unknown>,
  timeoutMs = 20_000,
): Promise<void> {
  await until(
    `the outbox consumer "${name}" to read every event`,
    async () => {
      await pass();
      const [row] = await runSql(
        `select not exists (select 1 from outbox_event e, outbox_consumer c
                           where c.name = $1 and (e.tx_id, e.id) > (c.tx_id, c.event_id)) as drained`,
        [name],
      );
      return row?.drained === true;
    },
    timeoutMs,
  );
}
