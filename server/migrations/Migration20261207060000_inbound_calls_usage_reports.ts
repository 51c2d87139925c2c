import { Migration } from '@mikro-orm/migrations';

/**
 * Inbound calls and usage report e-mails (issue 17, items 7 and 9).
 *
 * - `rate.inbound_per_minute_micros`: the price of a minute of a call received on a number under the
 *   rate's prefix (the number's country and type), billed with the rate's increments and no connect
 *   fee. Existing rates get 0 (free, as inbound SMS were by default).
 * - `call.direction`: OUTBOUND calls belong to a campaign (as before); INBOUND calls to the number
 *   called (`number_id`) and carry the caller (`from_number`); `to_number` is then the number
 *   called. The pairs are CHECKed, and an inbound call's idempotency key is unique per number.
 * - Two notification kinds, DAILY_USAGE_REPORT and MONTHLY_USAGE_REPORT, off unless chosen.
 * - `usage_report_mail` is the sent-marker of a usage report: one row per account, period and
 *   recipient, inserted in the transaction that queues its mail (a fourth `email_message` source), so a
 *   report is queued once per period and recipient however many passes or processes run the job.
 * - Indexes from a transaction to its call, message or number: a report's spend by destination country.
 */
export class Migration20261207060000InboundCallsUsageReports extends Migration {
  override up(): void {
    this.addSql(`
alter table rate add column inbound_per_minute_micros bigint not null default 0 check (inbound_per_minute_micros >= 0);

alter table call
  add column direction text not null default 'OUTBOUND' check (direction in ('OUTBOUND', 'INBOUND')),
  add column number_id uuid references phone_number (id),
  add column from_number text,
  alter column campaign_id drop not null,
  add constraint call_direction_campaign_check check ((direction = 'OUTBOUND') = (campaign_id is not null)),
  add constraint call_direction_number_check check ((direction = 'INBOUND') = (number_id is not null and from_number is not null));
create unique index call_number_idempotency_idx on call (number_id, idempotency_key) where number_id is not null and idempotency_key is not null;
create index call_number_idx on call (number_id, created_at desc, id desc) where number_id is not null;

alter table notification_preference drop constraint notification_preference_kind_check;
alter table notification_preference add constraint notification_preference_kind_check check (kind in ('LOW_BALANCE', 'BALANCE_DEPLETED',
  'PAYMENT_FAILED', 'AUTO_RECHARGE_FAILED', 'AUTO_RECHARGE_PAUSED', 'ACCOUNT_CLOSING', 'TOP_UP_RECEIPT', 'DAILY_USAGE_REPORT', 'MONTHLY_USAGE_REPORT'));

create table usage_report_mail (
  id bigint generated always as identity primary key,
  account_id uuid not null references account (id),
  period text not null check (period in ('DAILY', 'MONTHLY')),
  -- The first instant of the reported day or month (UTC midnight).
  period_start timestamptz not null,
  recipient text not null check (recipient = lower(recipient) and length(recipient) between 3 and 254),
  created_at timestamptz not null,
  unique (account_id, period, period_start, recipient)
);

alter table email_message add column usage_report_mail_id bigint references usage_report_mail (id);
alter table email_message drop constraint email_message_kind_check;
alter table email_message drop constraint email_message_one_source_check;
alter table email_message
  add constraint email_message_kind_check check (kind in ('LOW_BALANCE', 'BALANCE_DEPLETED', 'PAYMENT_FAILED', 'AUTO_RECHARGE_FAILED',
    'AUTO_RECHARGE_PAUSED', 'ACCOUNT_CLOSING', 'TOP_UP_RECEIPT', 'INVITATION', 'DAILY_USAGE_REPORT', 'MONTHLY_USAGE_REPORT')),
  add constraint email_message_one_source_check check (num_nonnulls(alert_id, top_up_id, invitation_id, usage_report_mail_id) = 1);
alter table email_message drop column source;
alter table email_message add column source text generated always as (
  coalesce('alert:' || alert_id::text, 'top_up:' || top_up_id::text, 'invitation:' || invitation_id::text || ':' || invitation_send::text,
           'usage_report:' || usage_report_mail_id::text)
) stored;
alter table email_message add constraint email_message_source_recipient_key unique (source, recipient);

-- The reports find the call, message or number a transaction was for (its destination country).
create index call_transaction_idx on call (transaction_id) where transaction_id is not null;
create index message_transaction_idx on message (transaction_id) where transaction_id is not null;
create index phone_number_transaction_idx on phone_number (transaction_id) where transaction_id is not null;
`);
  }
}
