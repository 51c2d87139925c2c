import { Migration } from '@mikro-orm/migrations';

/**
 * Fewer index entries written per call (issue 18 item 3: call set-up at 1,500 calls/s on 2 cores).
 * A call's start inserts its row and two outbox rows' worth of index entries, and its end (a
 * non-HOT update: status, ended_at and transaction_id are indexed) writes a new entry into every
 * index of `call` whose predicate the ended row meets. Four of those entries served no query:
 *
 * - `call_active_idx` (id) where ACTIVE: made for the billing clock's rescan of active calls, which
 *   now reads `call_meter` (Migration20261207160000_call_meter). What else counts active calls
 *   (monitoring, the ledger check) reads `call_wallet_active_idx`, which has the same predicate.
 * - The unique (campaign_id, idempotency_key) constraint indexed every call, keyless ones too (a
 *   NULL key is never equal to another, so those entries guard nothing): it becomes a unique index
 *   of the calls that have a key, under the constraint's name, which the services match a
 *   duplicate start by (the error names the index). Lookups by key give a key, so they use it.
 * - `outbox_event_campaign_idx`: no statement reads the outbox by campaign (the live tail and the
 *   consumers read it in position order); every call writes two rows with a campaign.
 * - `outbox_event_wallet_idx` indexed every outbox row, and only wallet events have a wallet:
 *   it becomes partial. Its readers (a wallet's events) ask for one wallet, so they use it.
 *
 * Measured per outbound call without a key: 4 index entries fewer at its start and 3 at its end.
 */
export class Migration20261208130000CallSetUpIndexes extends Migration {
  override up(): void {
    this.addSql(`
drop index call_active_idx;

alter table call drop constraint call_campaign_id_idempotency_key_key;
create unique index call_campaign_id_idempotency_key_key on call (campaign_id, idempotency_key) where idempotency_key is not null;

drop index outbox_event_campaign_idx;

drop index outbox_event_wallet_idx;
create index outbox_event_wallet_idx on outbox_event (wallet_id, wallet_sequence) where wallet_id is not null;
`);
  }

  /** The four indexes as they were: every call in the key's unique constraint, the active calls, the outbox by campaign and by wallet. */
  override down(): void {
    this.addSql(`
drop index outbox_event_wallet_idx;
create index outbox_event_wallet_idx on outbox_event (wallet_id, wallet_sequence);

create index outbox_event_campaign_idx on outbox_event (campaign_id, id) where campaign_id is not null;

drop index call_campaign_id_idempotency_key_key;
alter table call add constraint call_campaign_id_idempotency_key_key unique (campaign_id, idempotency_key);

create index call_active_idx on call (id) where status = 'ACTIVE';
`);
  }
}
