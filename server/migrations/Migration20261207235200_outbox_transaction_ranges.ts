import { Migration } from '@mikro-orm/migrations';

/**
 * One outbox row per posting statement and wallet, instead of one per wallet transaction.
 *
 * A `WALLET_TRANSACTION` row now stands for a run of `transaction_count` consecutive transactions of
 * its wallet: sequences `wallet_sequence - transaction_count + 1` through `wallet_sequence`, all
 * written by the row's own statement. `balance_micros` and `transaction_id` are the last
 * transaction's (each transaction's own balance after is on its wallet_transaction row), and
 * `reserved_micros` is the reserved credit after EVERY transaction of the run: the posting
 * statement starts a new row where a posting changes the wallet's reserved credit (a call's cost
 * releasing its hold), so balanceChanged's per-transaction state stays exact.
 *
 * Readers expand a row into its transactions by (wallet_id, sequence between first and last), on
 * wallet_transaction's unique (wallet_id, sequence) index. Rows written before this migration, and
 * every other type, have the default 1: a row is a run of one, exactly as before. The default makes
 * the new column a change of the catalog only (no rewrite of the table, no UPDATE, which the
 * outbox's append-only trigger would refuse).
 *
 * What it saves: a 500-event `recordUsage` statement on one wallet wrote 500 outbox rows, about a
 * fifth of PostgreSQL's time per event, and the live tail and the durable consumers read each back.
 */
export class Migration20261207235200OutboxTransactionRanges extends Migration {
  override up(): void {
    this.addSql(`
alter table outbox_event add column transaction_count integer not null default 1
  constraint outbox_event_transaction_count_check check (transaction_count >= 1);
comment on column outbox_event.transaction_count is
  'WALLET_TRANSACTION: the run of consecutive wallet transactions this row stands for, ending at wallet_sequence (1 for every other type).';
`);
  }

  override down(): void {
    this.addSql('alter table outbox_event drop column transaction_count;');
  }
}
