import { Migration } from '@mikro-orm/migrations';
import { allowValuesSql } from './allowed-values.js';

/**
 * A campaign stopped because a daily or monthly spend cap could not fund its next call gets its own
 * status, `STOPPED_SPEND_CAP`, instead of sharing `STOPPED_INSUFFICIENT_FUNDS` with a wallet that ran
 * dry: the cure differs (wait for the cap to reset, or raise it; a top-up does not help). Like the
 * other stops it may be resumed with startCampaign. Existing rows keep their status.
 */
export class Migration20261207080000CampaignStoppedSpendCap extends Migration {
  override up(): void {
    this.addSql(
      allowValuesSql({ table: 'campaign', column: 'status', constraintName: 'campaign_status_check', values: ['STOPPED_SPEND_CAP'] }),
    );
  }
}
