import { Migration } from '@mikro-orm/migrations';

/**
 * Rate limits shared by every server process (issue 14): the table of rate-limiter-flexible's
 * PostgreSQL store, made here so the library never runs DDL at start-up (`tableCreated: true`).
 *
 * - `key` is the limiter's prefix and its key (`gql_mutation:<api key id>`, `auth_fail:<sha-256>`):
 *   e-mails and invitation tokens are stored hashed.
 * - `points` counts what was spent in the window that ends at `expire` (epoch milliseconds; null
 *   never expires). The library resets a row whose window has passed on its next upsert, and
 *   deletes rows expired for an hour every five minutes (hence the index).
 * - UNLOGGED: counters are worth no WAL flush; after a PostgreSQL crash they restart from zero,
 *   which only forgives what was counted so far.
 */
export class Migration20261206030000RateLimits extends Migration {
  override up(): void {
    this.addSql(`
create unlogged table rate_limit (
  key varchar(255) primary key,
  points integer not null default 0,
  expire bigint
);
create index rate_limit_expire_idx on rate_limit (expire);
`);
  }

  override down(): void {
    this.addSql('drop table rate_limit;');
  }
}
