// Goal: the migration that keys trial credits per person gives existing grants the key trialCreditKeyOf gives (its SQL restates the rule), keeps the earliest of grants that fold together and gives later ones a key no address folds to, and then refuses a second spelling. Method: the migration's own SQL run on a copy of the table as it stood before, in a schema of its own on a fresh database, compared with the TypeScript rule.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trialCreditKeyOf } from '../../server/domain/users/trial-credit-key.js';
import { Migration20261207100000TrialCreditKey } from '../../server/migrations/Migration20261207100000_trial_credit_key.js';
import { createTestDatabase } from '../support/database.js';
import { upSqlOf } from '../support/migration-sql.js';

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: await createTestDatabase() });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
});

const migrationSql = () => upSqlOf(Migration20261207100000TrialCreditKey);

describe('Migration20261207100000_trial_credit_key', () => {
  it('keys existing grants as trialCreditKeyOf does; the earliest of a folded pair keeps the key; a new spelling then conflicts', async () => {
    await client.query('create schema before_trial_key');
    await client.query('set search_path to before_trial_key');
    // The table as the sign-up migration made it (its references left out: this copy stands alone).
    await client.query(`create table trial_credit_grant (
      email text primary key check (email = lower(email)),
      account_id uuid not null,
      wallet_id uuid not null,
      wallet_transaction_id uuid,
      granted_at timestamptz not null)`);
    const grants = [
      'ann@example.com',
      'bob+news@example.com',
      'c.d.e+x@gmail.com',
      'f.g@googlemail.com',
      '+tag@example.com',
      'h.i@example.com',
      // Folds to ann@example.com, granted later than it: keeps a key of its own.
      'ann+2@example.com',
    ];
    for (const [index, email] of grants.entries()) {
      await client.query(
        `insert into trial_credit_grant (email, account_id, wallet_id, granted_at)
         values ($1, gen_random_uuid(), gen_random_uuid(), timestamptz '2026-12-01' + $2 * interval '1 minute')`,
        [email, index],
      );
    }
    await client.query(migrationSql());
    const { rows } = await client.query<{ email: string; email_key: string }>(
      'select email, email_key from trial_credit_grant order by granted_at',
    );
    expect(rows).toEqual(
      grants.map((email) => ({
        email,
        email_key: email === 'ann+2@example.com' ? 'duplicate:ann+2@example.com' : trialCreditKeyOf(email),
      })),
    );
    const again = await client.query(
      `insert into trial_credit_grant (email, email_key, account_id, wallet_id, granted_at)
       values ('cde@gmail.com', 'cde@gmail.com', gen_random_uuid(), gen_random_uuid(), now()) on conflict (email_key) do nothing`,
    );
    expect(again.rowCount).toBe(0);
    await expect(
      client.query(
        `insert into trial_credit_grant (email, email_key, account_id, wallet_id, granted_at) values ('x@y.com', 'X@y.com', gen_random_uuid(), gen_random_uuid(), now())`,
      ),
    ).rejects.toThrow(/trial_credit_grant_email_key_check/);
  });
});
