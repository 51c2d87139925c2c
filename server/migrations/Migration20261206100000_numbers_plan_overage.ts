import { Migration } from '@mikro-orm/migrations';

/**
 * The Plan page shows what a subscription's calls paid from the wallet this period (beyond the
 * allowance): the ended calls of one subscription since its period began are found by this index
 * rather than a scan of every call.
 */
export class Migration20261206100000NumbersPlanOverage extends Migration {
  override up(): void {
    this.addSql(
      `create index call_subscription_ended_idx on call (subscription_id, ended_at) where subscription_id is not null and ended_at is not null;`,
    );
  }
}
