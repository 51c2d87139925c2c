// What a migration's up() hands MikroORM, as one SQL text: the migration tests run it on a copy of
// the tables as they stood before, in a schema of their own.
import type { Migration } from '@mikro-orm/migrations';

/** A migration class (its constructor's driver and config are not used to collect the SQL). */
type MigrationClass = new (driver: never, config: never) => Migration;

/** The statements `migrationClass`'s up() adds, joined into one text. */
export function upSqlOf(migrationClass: MigrationClass): string {
  const migration = new migrationClass(null as never, null as never);
  void migration.up();
  return migration.getQueries().join(';\n');
}

/** The statements `migrationClass`'s down() adds, joined into one text. */
export function downSqlOf(migrationClass: MigrationClass): string {
  const migration = new migrationClass(null as never, null as never);
  void migration.down();
  return migration.getQueries().join(';\n');
}
