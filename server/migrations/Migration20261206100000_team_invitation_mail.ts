import { Migration } from '@mikro-orm/migrations';

/**
 * The Team page (issue 16): invitations are e-mailed through the mail outbox, resent and revoked.
 *
 * - `user_invitation.sends` counts the mails of an invitation (1 when it is made, +1 per resend) and
 *   `last_sent_at` says when the last went out. A resend gives the invitation a new token (only its
 *   hash is kept, so the old link cannot be mailed again): the previous link stops working.
 *   `revoked_by` records who revoked it.
 * - `email_message` takes a third source: `invitation_id` with `invitation_send` (which send of it).
 *   No foreign key on purpose: the retention job deletes invitations a day after they expire while
 *   their mails are kept for the mail retention window. The generated `source` gains
 *   `invitation:<id>:<send>`, so one send mails its recipient once.
 * - The per-account rate limit on invitation mails counts these rows in a window, hence the index.
 */
export class Migration20261206100000TeamInvitationMail extends Migration {
  override up(): void {
    this.addSql(`
alter table user_invitation
  add column sends integer not null default 1 check (sends >= 1),
  add column last_sent_at timestamptz not null default now(),
  add column revoked_by text;
update user_invitation set last_sent_at = created_at;

alter table email_message
  add column invitation_id uuid,
  add column invitation_send integer check (invitation_send >= 1);
do $do$
declare constraint_name text;
begin
  for constraint_name in
    select c.conname from pg_constraint c
     where c.conrelid = 'email_message'::regclass and c.contype = 'c'
       and (pg_get_constraintdef(c.oid) like '%alert_id IS NULL%top_up_id IS NULL%' or c.conname = 'email_message_kind_check')
  loop
    execute format('alter table email_message drop constraint %I', constraint_name);
  end loop;
end
$do$;
alter table email_message
  add constraint email_message_kind_check check (kind in ('LOW_BALANCE', 'BALANCE_DEPLETED', 'PAYMENT_FAILED', 'AUTO_RECHARGE_FAILED',
    'AUTO_RECHARGE_PAUSED', 'ACCOUNT_CLOSING', 'TOP_UP_RECEIPT', 'INVITATION')),
  add constraint email_message_one_source_check check (num_nonnulls(alert_id, top_up_id, invitation_id) = 1),
  add constraint email_message_invitation_pair_check check ((invitation_id is null) = (invitation_send is null)),
  add constraint email_message_invitation_kind_check check ((invitation_id is not null) = (kind = 'INVITATION'));
alter table email_message drop column source;
alter table email_message add column source text generated always as (
  coalesce('alert:' || alert_id::text, 'top_up:' || top_up_id::text, 'invitation:' || invitation_id::text || ':' || invitation_send::text)
) stored;
alter table email_message add constraint email_message_source_recipient_key unique (source, recipient);
create index email_message_invitation_idx on email_message (account_id, created_at) where invitation_id is not null;
`);
  }
}
