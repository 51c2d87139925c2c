import { Migration } from '@mikro-orm/migrations';

/**
 * Sender IDs (issue 17): an account registers an alphanumeric sender ID (1..11 letters, digits and
 * spaces, at least one letter), support approves or rejects it with a reason, and once approved it
 * is a monthly subscription paid from a wallet like a phone number: month 1 is debited at approval,
 * then renewed on the approval's day of the month, with the same suspension (RENEWAL_OWED) and
 * grace (GRACE) rules, until the owner cancels it or it is cancelled when it cannot be renewed.
 * Only one live registration (PENDING, APPROVED, GRACE, RENEWAL_OWED) of a text per account.
 */
export class Migration20261207010100SenderIds extends Migration {
  override up(): void {
    this.addSql(`
create table sender_id (
  id uuid primary key,
  account_id uuid not null references account (id),
  wallet_id uuid not null references wallet (id),
  sender text not null check (sender ~ '^[A-Za-z0-9 ]{1,11}$' and sender ~ '[A-Za-z]'),
  status text not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'GRACE', 'RENEWAL_OWED', 'CANCELLED')),
  -- The monthly fee fixed at approval (config senderIdMonthlyMicros of the wallet's currency).
  monthly_micros bigint check (monthly_micros >= 0),
  decision_reason text check (char_length(decision_reason) between 1 and 2000),
  decided_by text,
  decided_at timestamptz,
  -- Months paid, the first at approval; the next renewal is for month periods_paid + 1 at renews_at.
  periods_paid integer not null default 0 check (periods_paid >= 0),
  renews_at timestamptz,
  grace_until timestamptz,
  cancelled_at timestamptz,
  cancel_reason text check (cancel_reason in ('CANCELLED_BY_CUSTOMER', 'RENEWAL_FAILED', 'ACCOUNT_CLOSED', 'CANCELLED_WHILE_PENDING')),
  version bigint not null default 1,
  created_at timestamptz not null,
  check ((status = 'GRACE') = (grace_until is not null)),
  check ((status = 'CANCELLED') = (cancelled_at is not null and cancel_reason is not null)),
  check ((status in ('APPROVED', 'GRACE', 'RENEWAL_OWED')) = (renews_at is not null and periods_paid >= 1) or status = 'CANCELLED'),
  check (status = 'PENDING' or status = 'CANCELLED' or decided_at is not null)
);
create unique index sender_id_live_idx on sender_id (account_id, sender) where status in ('PENDING', 'APPROVED', 'GRACE', 'RENEWAL_OWED');
create index sender_id_account_idx on sender_id (account_id, created_at desc, id desc);
create index sender_id_pending_idx on sender_id (created_at, id) where status = 'PENDING';
create index sender_id_renewal_idx on sender_id (renews_at) where status in ('APPROVED', 'GRACE', 'RENEWAL_OWED');
`);
  }

  override down(): void {
    this.addSql('drop table sender_id;');
  }
}
