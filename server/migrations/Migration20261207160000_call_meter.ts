import { Migration } from '@mikro-orm/migrations';

/**
 * A narrow meter for the billing clock (issue 18 item 4). The clock rewrites an active call's
 * funded seconds, reserved credit, allowance held and due time once per increment: 25,000 calls
 * at 1-second increments are 25,000 updates a second. On `call` each of those wrote a new version
 * of the whole wide row (rate, numbers, timestamps, key, ~300 bytes); here it writes ~64 bytes.
 *
 * `call_meter` holds those four figures while the call is ACTIVE, one row per active call; its only
 * index is the primary key, which an update never changes, so an update is HOT (no index touched)
 * whenever the new version fits on the row's page. Calls placed together sit on the same page and
 * fall due together, so one batch rewrites a whole page in one transaction, before the versions it
 * replaces can be pruned: the page needs room for every row twice, plus a redirect line pointer per
 * row once pruned (a version is 64 bytes of tuple and 4 of line pointer). At fillfactor 50 that is
 * just short (measured: 97 % HOT); at 30 a page holds ~35 rows and room for a third version of each
 * (a batch that comes before the previous versions could be pruned). 25,000 active calls take ~6 MB. When the call ends its final figures
 * are written onto `call` and its meter row is deleted, in the same statement: `call`'s copies of
 * the four columns are the final figures of an ended call and the figures at start of an active
 * one (readers of an active call read the meter: `CALL_COLUMNS`).
 *
 * Existing active calls get their meter from their row.
 */
export class Migration20261207160000CallMeter extends Migration {
  override up(): void {
    this.addSql(`
create table call_meter (
  call_id uuid primary key references call (id) on delete cascade,
  reserved_micros bigint not null check (reserved_micros >= 0),
  next_check_at timestamptz not null,
  funded_seconds integer not null check (funded_seconds >= 0),
  allowance_seconds integer not null check (allowance_seconds >= 0),
  check (allowance_seconds <= funded_seconds)
) with (fillfactor = 30, autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);

insert into call_meter (call_id, reserved_micros, next_check_at, funded_seconds, allowance_seconds)
select id, reserved_micros, next_check_at, funded_seconds, allowance_seconds from call where status = 'ACTIVE';
`);
  }
}
