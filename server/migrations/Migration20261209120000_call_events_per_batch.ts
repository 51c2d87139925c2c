import { Migration } from '@mikro-orm/migrations';

/**
 * One CALL_UPDATED outbox row per campaign and call batch, not one per call (issue 18 item 3: call
 * set-up at 1,500 calls/s on 2 cores). A start or end batch of many calls of one campaign wrote an
 * outbox row per call: a heap tuple and two index entries each, twice per call (start and end),
 * about 6 of the 37 WAL records of a call placed and hung up on one campaign, and a row that the
 * live tail and every durable consumer read back. The batch now writes one row per campaign (per
 * account for inbound calls) listing its calls and their versions:
 *
 * - `call_ids`, `call_versions`: the calls the row stands for, in id order, each at its version
 *   after the change. Set only when the row stands for two or more calls; a lone call's row keeps
 *   `call_id` and `version` as before.
 * - A row with `call_ids` has no `call_id`, and its `version` is the highest of `call_versions`,
 *   so a reader that knows nothing of the arrays (the build before) finds a row it skips harmlessly
 *   (no call to re-read; the alert processor looks for stopped calls only in rows with a `call_id`,
 *   and the billing clock, which stops calls, still writes a row per call).
 */
export class Migration20261209120000CallEventsPerBatch extends Migration {
  override up(): void {
    this.addSql(`
alter table outbox_event add column call_ids uuid[], add column call_versions bigint[];
alter table outbox_event add constraint outbox_event_call_ids_check check (
  (call_ids is null) = (call_versions is null)
  and (call_ids is null
       or (type = 'CALL_UPDATED' and call_id is null and version is not null
           and cardinality(call_ids) > 1 and cardinality(call_versions) = cardinality(call_ids))));
`);
  }

  /**
   * Every row that stands for several calls is written again as one row per call (after every row
   * there is: readers past them read the copies, and a call's state feed drops a version it has
   * already delivered), then the arrays go. The outbox is append-only, so the batch rows stay, as
   * rows the build before skips (see above).
   */
  override down(): void {
    this.addSql(`
insert into outbox_event (type, account_id, campaign_id, call_id, version, created_at)
select 'CALL_UPDATED', e.account_id, e.campaign_id, u.call_id, u.version, e.created_at
  from outbox_event e cross join lateral unnest(e.call_ids, e.call_versions) as u(call_id, version)
 where e.call_ids is not null
 order by e.tx_id, e.id, u.call_id;
alter table outbox_event drop constraint outbox_event_call_ids_check;
alter table outbox_event drop column call_ids, drop column call_versions;
`);
  }
}
