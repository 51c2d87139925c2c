import { Migration } from '@mikro-orm/migrations';
import { allowValuesSql } from './allowed-values.js';

/** Every alert kind (domain/alerts/alert-kinds.ts) as of this migration. */
const ALERT_KINDS = [
  'LOW_BALANCE',
  'BALANCE_DEPLETED',
  'BALANCE_RECOVERED',
  'CALLS_STOPPED',
  'WALLET_SUSPENDED',
  'ACCOUNT_CLOSING',
  'PAYMENT_FAILED',
  'AUTO_RECHARGE_FAILED',
  'AUTO_RECHARGE_PAUSED',
  'NUMBER_RENEWAL_FAILED',
  'BUDGET_REACHED',
  'REFUND_REQUESTED',
  'REFUND_REQUEST_CLOSED',
  'NUMBER_RELEASED',
  'SENDER_ID_APPROVED',
  'SENDER_ID_REJECTED',
  'SENDER_ID_RENEWAL_FAILED',
  'SENDER_ID_CANCELLED',
  'SPEND_CAP_WARNING',
  'SPEND_CAP_REACHED',
];
/** Every notification kind (domain/notifications/notification-kind.ts) as of this migration. */
const NOTIFICATION_KINDS = [
  'LOW_BALANCE',
  'BALANCE_DEPLETED',
  'PAYMENT_FAILED',
  'AUTO_RECHARGE_FAILED',
  'AUTO_RECHARGE_PAUSED',
  'ACCOUNT_CLOSING',
  'TOP_UP_RECEIPT',
  'NUMBER_RENEWAL_FAILED',
  'NUMBER_RELEASED',
  'SENDER_ID_APPROVED',
  'SENDER_ID_REJECTED',
  'SENDER_ID_RENEWAL_FAILED',
  'SENDER_ID_CANCELLED',
  'DAILY_USAGE_REPORT',
  'MONTHLY_USAGE_REPORT',
  'SPEND_CAP_WARNING',
  'SPEND_CAP_REACHED',
];
/** Every kind of mail: the notification kinds and the mails nobody can turn off. */
const MAIL_KINDS = [...NOTIFICATION_KINDS, 'INVITATION', 'EMAIL_VERIFICATION', 'REFUND_REQUEST'];
/** Every webhook event type (domain/webhooks/webhook-event-type.ts) as of this migration. */
const WEBHOOK_EVENT_TYPES = [
  'TRANSACTION_CREATED',
  'ALERT_RAISED',
  'CALLS_STOPPED',
  'TOP_UP_SUCCEEDED',
  'TOP_UP_FAILED',
  'REFUND_REQUEST_UPDATED',
  'NUMBER_RENEWAL_FAILED',
  'NUMBER_RELEASED',
  'SENDER_ID_APPROVED',
  'SENDER_ID_REJECTED',
  'SENDER_ID_RENEWAL_FAILED',
  'SENDER_ID_CANCELLED',
];
/** Every reason a call ends. */
const CALL_END_REASONS = ['HANGUP', 'INSUFFICIENT_FUNDS', 'BUDGET_REACHED', 'WALLET_SUSPENDED', 'SPEND_CAP_REACHED'];

/**
 * Puts back together the lists of allowed values that migrations written at the same time (sign-up,
 * invoices, the audit log and refund requests, numbers kept while suspended and sender IDs, inbound calls
 * and usage reports, spend caps) each restated: whichever of them ran last would otherwise have dropped the
 * others' kinds. Each CHECK becomes the union of what it holds and every value the code uses
 * ({@link allowValuesSql}); the mail's "one source" rule and its `source` key take every source column
 * (alert, top-up, invitation, e-mail verification, refund request, usage report).
 */
export class Migration20261207235900ReconcileAllowedValues extends Migration {
  override up(): void {
    this.addSql(`
${allowValuesSql({ table: 'alert', column: 'kind', constraintName: 'alert_kind_check', values: ALERT_KINDS })}
${allowValuesSql({ table: 'notification_preference', column: 'kind', constraintName: 'notification_preference_kind_check', values: NOTIFICATION_KINDS })}
${allowValuesSql({ table: 'email_message', column: 'kind', constraintName: 'email_message_kind_check', values: MAIL_KINDS })}
${allowValuesSql({ table: 'webhook_event', column: 'type', constraintName: 'webhook_event_type_check', values: WEBHOOK_EVENT_TYPES })}
${allowValuesSql({
  table: 'webhook_endpoint',
  column: 'event_types',
  constraintName: 'webhook_endpoint_event_types_check',
  values: WEBHOOK_EVENT_TYPES,
  array: true,
  extraSql: 'cardinality(event_types) >= 1',
})}
${allowValuesSql({ table: 'call', column: 'end_reason', constraintName: 'call_end_reason_check', values: CALL_END_REASONS })}
alter table email_message drop constraint email_message_one_source_check;
alter table email_message add constraint email_message_one_source_check
  check (num_nonnulls(alert_id, top_up_id, invitation_id, verification_user_id, refund_request_id, usage_report_mail_id) = 1);
alter table email_message drop column source;
alter table email_message add column source text generated always as (
  coalesce('alert:' || alert_id::text, 'top_up:' || top_up_id::text, 'invitation:' || invitation_id::text || ':' || invitation_send::text,
           'verification:' || verification_user_id::text || ':' || verification_send::text,
           'refund_request:' || refund_request_id::text || ':' || refund_request_status,
           'usage_report:' || usage_report_mail_id::text)
) stored;
alter table email_message add constraint email_message_source_recipient_key unique (source, recipient);
`);
  }
}
