import pg from 'pg';

/**
 * Runs `work` while this process holds the PostgreSQL advisory lock named `name` (a session lock
 * on a connection of its own, so it is released when `work` ends, and by the server if the process
 * dies). Other processes calling this with the same name wait for it: one at a time across every
 * process on the database. `onWait` is told once when another process holds the lock.
 */
export async function withAdvisoryLock<T>(databaseUrl: string, name: string, work: () => Promise<T>, onWait?: () => void): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // hashtextextended: a stable 64-bit key from the name, so each use names its lock in words.
    const [tried] = (await client.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtextextended($1, 0)) as locked', [name]))
      .rows;
    if (!tried?.locked) {
      onWait?.();
      await client.query('select pg_advisory_lock(hashtextextended($1, 0))', [name]);
    }
    try {
      return await work();
    } finally {
      await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [name]);
    }
  } finally {
    await client.end();
  }
}
