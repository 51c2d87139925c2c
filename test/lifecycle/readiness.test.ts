// Goal: /healthz answers while the process runs; /readyz answers 200 only when the database answers, no migration is pending and the outbox tail runs, else 503 naming what is not ready, and back to 200 once fixed. Method: the real server; a migration made pending by removing its row from the migrations table (and put back), then the tail stopped.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runSql } from '../support/sql.js';
import { migrationsList } from '../../server/migrations/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function readyz(): Promise<{ status: number; body: any }> {
  const response = await fetch(`${t.url}/readyz`);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(response.headers.get('cache-control')).toBe('no-store');
  return { status: response.status, body: await response.json() };
}

const READY = { ready: true, checks: { database: { ok: true }, migrations: { ok: true }, outboxTail: { ok: true } } };

describe('/healthz and /readyz', () => {
  it('is ready once started', async () => {
    expect(await readyz()).toEqual({ status: 200, body: READY });
    expect(await (await fetch(`${t.url}/healthz`)).json()).toEqual({ ok: true });
  });

  it('answers 503 naming the migrations while one is pending, then 200 again', async () => {
    const last = migrationsList.at(-1)!.name;
    const em = t.app.orm.em.fork();
    const [row] = await runSql<{ id: number; executed_at: Date }>(
      em,
      'delete from mikro_orm_migrations where name = $1 returning id, executed_at',
      [last],
    );
    try {
      expect(await readyz()).toEqual({
        status: 503,
        body: {
          ready: false,
          checks: { database: { ok: true }, migrations: { ok: false, reason: '1 migration(s) pending' }, outboxTail: { ok: true } },
        },
      });
      // Liveness is not readiness: the process still runs.
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    } finally {
      await runSql(em, 'insert into mikro_orm_migrations (id, name, executed_at) values ($1, $2, $3)', [row!.id, last, row!.executed_at]);
    }
    expect(await readyz()).toEqual({ status: 200, body: READY });
  });

  it('answers 503 naming the database while it refuses connections, then 200 again', async () => {
    // Background jobs log their failed reads meanwhile; they retry on their own.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const name = new URL(t.databaseUrl).pathname.slice(1);
    const maintenance = new URL(t.databaseUrl);
    maintenance.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: maintenance.toString() });
    await admin.connect();
    try {
      await admin.query(`alter database "${name}" allow_connections false`);
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
      const down = await readyz();
      expect(down).toEqual({
        status: 503,
        body: {
          ready: false,
          checks: {
            database: { ok: false, reason: 'The database is unreachable' },
            migrations: { ok: false, reason: 'Unknown while the database is unreachable' },
            outboxTail: { ok: true },
          },
        },
      });
      expect(JSON.stringify(down.body)).not.toContain(name);
    } finally {
      await admin.query(`alter database "${name}" allow_connections true`);
      await admin.end();
      vi.restoreAllMocks();
    }
    await vi.waitFor(async () => expect(await readyz()).toEqual({ status: 200, body: READY }), { timeout: 10_000, interval: 200 });
  });

  it('answers 503 naming the outbox tail once it stopped', async () => {
    await t.app.events.tail.stop();
    expect(await readyz()).toEqual({
      status: 503,
      body: {
        ready: false,
        checks: { database: { ok: true }, migrations: { ok: true }, outboxTail: { ok: false, reason: 'The outbox tail is stopped' } },
      },
    });
  });
});
