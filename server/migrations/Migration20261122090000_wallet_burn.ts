import { Migration } from '@mikro-orm/migrations';

/**
 * The dashboard's burn rate sums a wallet's active calls' per-minute prices on every wallet update
 * (each billing increment): an index over the active calls by wallet, carrying the price, answers it
 * without reading the call table. Extensions stay HOT: neither column changes while a call is active.
 */
export class Migration20261122090000WalletBurn extends Migration {
  override up(): void {
    this.addSql(`create index call_wallet_active_idx on call (wallet_id) include (per_minute_micros) where status = 'ACTIVE';`);
  }
}
