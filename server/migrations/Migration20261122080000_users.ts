import { Migration } from '@mikro-orm/migrations';

/**
 * People who sign in to the dashboard (issue 6): users with a memory-hard password hash, roles as
 * for API keys, invitations by an account's OWNER, and sessions carried by an httpOnly cookie.
 * Session and invitation tokens are 256 random bits, stored as SHA-256 (like API keys); passwords
 * are low-entropy, so they get scrypt.
 */
export class Migration20261122080000Users extends Migration {
  override up(): void {
    this.addSql(`
create table app_user (
  id uuid primary key,
  account_id uuid references account (id),
  email text not null check (email = lower(email) and length(email) between 3 and 254),
  name text not null check (length(name) between 1 and 200),
  role text not null check (role in ('OWNER', 'CAMPAIGN_MANAGER', 'INTEGRATOR', 'SUPPORT', 'PLATFORM_ADMIN')),
  password_hash text not null,
  created_at timestamptz not null default now(),
  created_by text not null,
  disabled_at timestamptz,
  check ((role in ('SUPPORT', 'PLATFORM_ADMIN')) = (account_id is null))
);
create unique index app_user_email_idx on app_user (email);
create index app_user_account_idx on app_user (account_id);

create table user_invitation (
  id uuid primary key,
  account_id uuid not null references account (id),
  email text not null check (email = lower(email) and length(email) between 3 and 254),
  role text not null check (role in ('OWNER', 'CAMPAIGN_MANAGER', 'INTEGRATOR')),
  token_hash text not null unique,
  invited_by text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_user_id uuid references app_user (id),
  revoked_at timestamptz,
  check ((accepted_at is null) = (accepted_user_id is null))
);
create index user_invitation_account_idx on user_invitation (account_id);

create table user_session (
  id uuid primary key,
  user_id uuid not null references app_user (id),
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index user_session_user_idx on user_session (user_id) where revoked_at is null;
`);
  }
}
