import { Migration } from '@mikro-orm/migrations';

/**
 * Which transaction placed each active call's meter, so the billing clock can learn of the calls
 * placed since its last read without reading every meter (issue 18 item 4: at 25,000 calls its
 * rescan read 25,000 rows every second, on the clock's own loop between two batches).
 *
 * `placed_xid` is the inserting transaction's id (`pg_current_xact_id()`, the default: no writer
 * names it). A reader keeps the snapshot its last read ran with (`pg_current_snapshot()`, in the
 * same statement) and next reads the meters whose `placed_xid` that snapshot did not see as
 * committed: the transactions running then or begun since, whatever order they commit in. An id
 * below the snapshot's xmin was finished when it was taken, so the index range starts there.
 * A transaction that commits late is still read, at the first read whose snapshot sees it: a
 * watermark of times or ids would miss it.
 *
 * The meter's updates never change `placed_xid`, so they stay HOT (an index is touched only when a
 * column it holds changes); a call's start writes one more index entry.
 */
export class Migration20261209100000CallMeterPlacedXid extends Migration {
  override up(): void {
    this.addSql(`
alter table call_meter add column placed_xid xid8 not null default pg_current_xact_id();
create index call_meter_placed_xid_idx on call_meter (placed_xid);
comment on column call_meter.placed_xid is
  'The transaction that inserted this meter (the call''s start): the billing clock reads the meters placed since its last read''s snapshot by it.';
`);
  }

  override down(): void {
    this.addSql(`
drop index call_meter_placed_xid_idx;
alter table call_meter drop column placed_xid;
`);
  }
}
