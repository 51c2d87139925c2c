import { Migration } from '@mikro-orm/migrations';

/**
 * Notification e-mails (issue 7): a mail outbox filled by one producer from the alerts
 * (`alert_reader` 'mail') and from top-up receipts (`outbox_consumer` 'mail'), and emptied by
 * senders over SMTP with retries.
 *
 * - `email_message` holds one row per mail and recipient, written in the same transaction as the
 *   producer's position. `source` (the alert or the top-up) and `recipient` are unique together: a
 *   replayed alert or outbox row can never mail anyone twice.
 * - A sender claims PENDING rows due now with `FOR UPDATE SKIP LOCKED`, counts the attempt and
 *   pushes `next_attempt_at` past a lease before it talks SMTP, so no lock is held across the
 *   network and two processes never send the same mail at once.
 * - `notification_preference` holds a user's choice per kind; no row means e-mail is on.
 * - Both positions start at the current end: existing alerts and top-ups are not mailed.
 */
export class Migration20261204010000Mail extends Migration {
  override up(): void {
    this.addSql(`
create table notification_preference (
  user_id uuid not null references app_user (id),
  kind text not null check (kind in ('LOW_BALANCE', 'BALANCE_DEPLETED', 'PAYMENT_FAILED', 'AUTO_RECHARGE_FAILED',
    'AUTO_RECHARGE_PAUSED', 'ACCOUNT_CLOSING', 'TOP_UP_RECEIPT')),
  email boolean not null,
  updated_at timestamptz not null,
  primary key (user_id, kind)
);

create table email_message (
  id bigint generated always as identity primary key,
  account_id uuid not null references account (id),
  -- The user it is for; null when it went to the account's billing e-mail (an account without users).
  user_id uuid references app_user (id),
  recipient text not null check (recipient = lower(recipient) and length(recipient) between 3 and 254),
  kind text not null check (kind in ('LOW_BALANCE', 'BALANCE_DEPLETED', 'PAYMENT_FAILED', 'AUTO_RECHARGE_FAILED',
    'AUTO_RECHARGE_PAUSED', 'ACCOUNT_CLOSING', 'TOP_UP_RECEIPT')),
  subject text not null check (length(subject) between 1 and 300),
  body_text text not null check (length(body_text) between 1 and 20000),
  body_html text check (length(body_html) <= 100000),
  alert_id bigint references alert (id),
  top_up_id uuid references top_up (id),
  source text generated always as (coalesce('alert:' || alert_id::text, 'top_up:' || top_up_id::text)) stored,
  status text not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null,
  last_error text check (length(last_error) <= 1000),
  created_at timestamptz not null,
  sent_at timestamptz,
  check ((alert_id is null) <> (top_up_id is null)),
  check ((status = 'SENT') = (sent_at is not null)),
  check (status <> 'FAILED' or last_error is not null),
  unique (source, recipient)
);
create index email_message_due_idx on email_message (next_attempt_at, id) where status = 'PENDING';
create index email_message_account_idx on email_message (account_id, id);

insert into alert_reader (name, alert_id) select 'mail', coalesce(max(id), 0) from alert;
insert into outbox_consumer (name, tx_id, event_id)
select 'mail', coalesce(max(tx_id), '0'::xid8), coalesce(max(id), 0) from outbox_event;
`);
  }
}
