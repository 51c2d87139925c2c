import type { MikroORM } from '@mikro-orm/postgresql';
import { pendingMigrations } from '../database/orm.js';
import { sql } from '../database/sql.js';

/** Whether the database answers at all: the cheapest statement on a pooled connection. */
const selectOne = sql<{ answer: number }>('select 1 as answer');

/** One dependency the server needs before it should take traffic. */
export interface ReadinessCheck {
  ok: boolean;
  /** Why it is not ready (absent when ok). */
  reason?: string;
}

/** What `/readyz` reports: ready only when every check is. */
export interface Readiness {
  ready: boolean;
  checks: { database: ReadinessCheck; migrations: ReadinessCheck; outboxTail: ReadinessCheck };
}

/** Options of {@link checkReadiness}. */
export interface CheckReadinessOptions {
  orm: MikroORM;
  /** Whether this process's outbox tail is following the outbox (subscriptions depend on it). */
  outboxTailRunning(): boolean;
  /** Longest a check may take before it counts as failed, in milliseconds. */
  timeoutMs: number;
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether this process can serve: the database answers, every migration this build knows is
 * applied (a database migrated by an older build, or a row missing from the migrations table, is
 * not ready), and the outbox tail runs. Never throws: a failed check is reported with its reason
 * (a generic one: no connection strings or SQL in a public answer).
 */
export async function checkReadiness(options: CheckReadinessOptions): Promise<Readiness> {
  const failed = (reason: string): ReadinessCheck => ({ ok: false, reason });
  const database = await withTimeout(selectOne.one(options.orm.em), options.timeoutMs, 'The database').then(
    (): ReadinessCheck => ({ ok: true }),
    () => failed('The database is unreachable'),
  );
  const migrations = !database.ok
    ? failed('Unknown while the database is unreachable')
    : await withTimeout(pendingMigrations(options.orm), options.timeoutMs, 'The migrations table').then(
        (pending): ReadinessCheck => (pending.length === 0 ? { ok: true } : failed(`${pending.length} migration(s) pending`)),
        () => failed('The migrations table could not be read'),
      );
  const outboxTail: ReadinessCheck = options.outboxTailRunning() ? { ok: true } : failed('The outbox tail is stopped');
  return { ready: database.ok && migrations.ok && outboxTail.ok, checks: { database, migrations, outboxTail } };
}
