import { Migration } from '@mikro-orm/migrations';

/**
 * The outbox: every committed change subscribers care about leaves a row here, written by the
 * same statement (so the same transaction) as the change. Delivery reads this table; NOTIFY is
 * only a wake-up.
 *
 * Ordering across wallets: `id` (bigserial) is NOT commit order — a transaction can take id 10,
 * another id 11 and commit first. Each row also records its writer's transaction id (`tx_id`),
 * and readers take only rows whose `tx_id` is below the oldest transaction still running
 * (`pg_snapshot_xmin(pg_current_snapshot())`): no row can ever appear below that line again. The
 * position (tx_id, id) is therefore safe to resume from.
 */
export class Migration20261122010000Outbox extends Migration {
  override up(): void {
    this.addSql(`
create table outbox_event (
  id bigserial primary key,
  tx_id xid8 not null default pg_current_xact_id(),
  type text not null check (type in ('WALLET_TRANSACTION')),
  account_id uuid not null references account (id),
  wallet_id uuid references wallet (id),
  -- The wallet's sequence and state right after the change.
  wallet_sequence bigint,
  balance_micros bigint,
  reserved_micros bigint,
  transaction_id uuid references wallet_transaction (id),
  created_at timestamptz not null default now()
);
create index outbox_event_position_idx on outbox_event (tx_id, id);
create index outbox_event_wallet_idx on outbox_event (wallet_id, wallet_sequence);
create trigger outbox_event_append_only before update or delete or truncate on outbox_event
  for each statement execute function spendwire_forbid_change();
`);
  }
}
