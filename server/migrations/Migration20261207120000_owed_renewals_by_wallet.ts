import { Migration } from '@mikro-orm/migrations';

/**
 * Funding a wallet pays its owed renewals right after the credit commits: these partial indexes
 * find a wallet's RENEWAL_OWED numbers and sender IDs, oldest first, without reading the account's
 * other ones (a funding pays nothing for a wallet that owes nothing, which is nearly every time).
 */
export class Migration20261207120000OwedRenewalsByWallet extends Migration {
  override up(): void {
    this.addSql(`
create index phone_number_owed_idx on phone_number (wallet_id, renews_at, id) where status = 'RENEWAL_OWED';
create index sender_id_owed_idx on sender_id (wallet_id, renews_at, id) where status = 'RENEWAL_OWED';
`);
  }

  override down(): void {
    this.addSql(`
drop index phone_number_owed_idx;
drop index sender_id_owed_idx;
`);
  }
}
