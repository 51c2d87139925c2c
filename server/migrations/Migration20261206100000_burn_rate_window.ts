import { Migration } from '@mikro-orm/migrations';

/**
 * The burn rate (server/domain/wallets/burn-rate.ts) reads, on every wallet and campaign update,
 * the calls of a wallet or a campaign that ended inside its window: an index on each by end time
 * answers it without reading their older calls. Ended calls never change again, so the index
 * costs one entry per call, written when it ends.
 */
export class Migration20261206100000BurnRateWindow extends Migration {
  override up(): void {
    this.addSql(`create index call_wallet_ended_idx on call (wallet_id, ended_at) where ended_at is not null;`);
    this.addSql(`create index call_campaign_ended_idx on call (campaign_id, ended_at) where ended_at is not null;`);
  }
}
