// Goal: the migration that adds the call meter gives every active call a meter row with its funded seconds,
// reserved credit, allowance held and due time, and none to an ended call; the meter refuses figures that break
// its checks. Method: the migration's own SQL run on a copy of the call table's columns it reads, in a schema of
// its own on a fresh database.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migration20261207160000CallMeter } from '../../server/migrations/Migration20261207160000_call_meter.js';
import { createTestDatabase } from '../support/database.js';
import { upSqlOf } from '../support/migration-sql.js';

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: await createTestDatabase() });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
});

const migrationSql = () => upSqlOf(Migration20261207160000CallMeter);

describe('Migration20261207160000_call_meter', () => {
  it("moves each active call's meter figures into call_meter and leaves ended calls without one", async () => {
    await client.query('create schema before_call_meter');
    await client.query('set search_path to before_call_meter');
    // The columns of call the migration reads, as the calls and subscriptions migrations made them.
    await client.query(`create table call (
      id uuid primary key,
      status text not null,
      funded_seconds integer not null default 0,
      reserved_micros bigint not null default 0,
      allowance_seconds integer not null default 0,
      next_check_at timestamptz)`);
    await client.query(`insert into call values
      ('00000000-0000-4000-8000-000000000001', 'ACTIVE', 7, 70000, 0, '2026-12-07T10:00:06Z'),
      ('00000000-0000-4000-8000-000000000002', 'ACTIVE', 60, 0, 60, '2026-12-07T10:00:59Z'),
      ('00000000-0000-4000-8000-000000000003', 'COMPLETED', 5, 50000, 0, null),
      ('00000000-0000-4000-8000-000000000004', 'STOPPED', 3, 30000, 0, null)`);
    await client.query(migrationSql());
    const { rows } = await client.query<{
      call_id: string;
      funded_seconds: number;
      reserved_micros: string;
      allowance_seconds: number;
      due: string;
    }>(
      `select call_id, funded_seconds, reserved_micros::text, allowance_seconds, to_char(next_check_at at time zone 'UTC', 'HH24:MI:SS') as due
         from call_meter order by call_id`,
    );
    expect(rows).toEqual([
      {
        call_id: '00000000-0000-4000-8000-000000000001',
        funded_seconds: 7,
        reserved_micros: '70000',
        allowance_seconds: 0,
        due: '10:00:06',
      },
      { call_id: '00000000-0000-4000-8000-000000000002', funded_seconds: 60, reserved_micros: '0', allowance_seconds: 60, due: '10:00:59' },
    ]);
    // The meter's own checks: no allowance beyond the funded seconds, no meter without its call.
    await expect(
      client.query(`update call_meter set allowance_seconds = 61 where call_id = '00000000-0000-4000-8000-000000000002'`),
    ).rejects.toThrow(/check constraint/);
    await expect(client.query(`insert into call_meter values ('00000000-0000-4000-8000-000000000009', 0, now(), 0, 0)`)).rejects.toThrow(
      /foreign key/,
    );
    // Its updates can be HOT: the primary key is its only index, and pages are left 70 % free.
    const { rows: table } = await client.query<{ indexes: number; options: string[] }>(
      `select (select count(*)::int from pg_index where indrelid = c.oid) as indexes, c.reloptions as options
         from pg_class c where c.oid = 'call_meter'::regclass`,
    );
    expect(table[0]!.indexes).toBe(1);
    expect(table[0]!.options).toContain('fillfactor=30');
    await client.query('set search_path to public');
  });
});
