import { Migration } from '@mikro-orm/migrations';

/**
 * The billing clock updates every active call once per increment (10,000 calls at 1-second
 * increments: 10,000 updates a second). Measured: with `next_check_at` indexed, every such update
 * wrote a new entry into each of the call table's indexes and left as many dead ones, and the
 * clock's claim query, planned on stale statistics, sorted every due row. The clock now keeps the
 * due times in memory and claims calls by primary key, so `next_check_at` needs no index; the
 * active calls are found (at start, and to learn of other processes' calls) through a partial
 * index on `id`, which an extension never changes. With free space left in each page, extensions
 * are HOT updates: no index is touched.
 */
export class Migration20261122060000CallMeterHot extends Migration {
  override up(): void {
    this.addSql(`
drop index call_due_idx;
create index call_active_idx on call (id) where status = 'ACTIVE';
alter table call set (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
`);
  }
}
