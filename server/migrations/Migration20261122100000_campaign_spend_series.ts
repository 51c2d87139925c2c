import { Migration } from '@mikro-orm/migrations';

/** The campaign page's per-minute spend chart reads a campaign's debits by time: index them so. */
export class Migration20261122100000CampaignSpendSeries extends Migration {
  override up(): void {
    this.addSql(
      `create index wallet_transaction_campaign_created_idx on wallet_transaction (campaign_id, created_at) include (amount_micros, type) where campaign_id is not null;`,
    );
  }
}
