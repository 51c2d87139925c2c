import { Migration } from '@mikro-orm/migrations';

/**
 * Self-service sign-up with e-mail verification and a trial credit, and named wallets (issue 17).
 *
 * - `account.email_verified_at` and `app_user.email_verified_at`: null while a signed-up account's
 *   owner has not opened the link mailed to them. Rows made before (by the operator, or by
 *   accepting an invitation, which proves the address) are verified: the column defaults to now().
 *   An unverified account may sign in and look, but not top up, dial, text, buy numbers or invite.
 * - `email_verification`: one row per signed-up user, the hash of the link's token (never the
 *   token), its expiry, how many mails were sent and when the link was used (single use).
 * - `trial_credit_grant`: one row per verified e-mail address that received the trial credit, so
 *   an address gets it once even if its account is closed and it signs up again; the primary key
 *   is what makes two concurrent clicks on the link grant it once.
 * - `email_message` takes a fourth source, `verification_user_id` with `verification_send`
 *   (which mail of that user), kind EMAIL_VERIFICATION.
 * - `wallet.name`: what the wallet picker shows; null for wallets made before names (shown as
 *   "<currency> wallet").
 */
export class Migration20261207020000SignUp extends Migration {
  override up(): void {
    this.addSql(`
alter table account add column email_verified_at timestamptz default now();
alter table app_user add column email_verified_at timestamptz default now();

create table email_verification (
  user_id uuid primary key references app_user (id),
  token_hash text not null unique,
  sends integer not null default 1 check (sends >= 1),
  last_sent_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null
);

create table trial_credit_grant (
  email text primary key check (email = lower(email)),
  account_id uuid not null references account (id),
  wallet_id uuid not null references wallet (id),
  -- Set in the same transaction, once the grant is posted (the row is claimed first so a second claim posts nothing).
  wallet_transaction_id uuid references wallet_transaction (id),
  granted_at timestamptz not null
);

alter table wallet add column name text check (char_length(name) between 1 and 100);

alter table email_message
  add column verification_user_id uuid,
  add column verification_send integer check (verification_send >= 1);
do $do$
declare constraint_name text;
begin
  for constraint_name in
    select c.conname from pg_constraint c
     where c.conrelid = 'email_message'::regclass and c.contype = 'c'
       and c.conname in ('email_message_kind_check', 'email_message_one_source_check')
  loop
    execute format('alter table email_message drop constraint %I', constraint_name);
  end loop;
end
$do$;
alter table email_message
  add constraint email_message_kind_check check (kind in ('LOW_BALANCE', 'BALANCE_DEPLETED', 'PAYMENT_FAILED', 'AUTO_RECHARGE_FAILED',
    'AUTO_RECHARGE_PAUSED', 'ACCOUNT_CLOSING', 'TOP_UP_RECEIPT', 'INVITATION', 'EMAIL_VERIFICATION')),
  add constraint email_message_one_source_check check (num_nonnulls(alert_id, top_up_id, invitation_id, verification_user_id) = 1),
  add constraint email_message_verification_pair_check check ((verification_user_id is null) = (verification_send is null)),
  add constraint email_message_verification_kind_check check ((verification_user_id is not null) = (kind = 'EMAIL_VERIFICATION'));
alter table email_message drop constraint email_message_source_recipient_key;
alter table email_message drop column source;
alter table email_message add column source text generated always as (
  coalesce('alert:' || alert_id::text, 'top_up:' || top_up_id::text, 'invitation:' || invitation_id::text || ':' || invitation_send::text,
           'verification:' || verification_user_id::text || ':' || verification_send::text)
) stored;
alter table email_message add constraint email_message_source_recipient_key unique (source, recipient);
create index email_message_verification_idx on email_message (verification_user_id, created_at) where verification_user_id is not null;
`);
  }
}
