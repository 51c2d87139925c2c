import { Migration } from '@mikro-orm/migrations';
import { allowValuesSql } from './allowed-values.js';

/** Kinds of alert, mail and webhook this migration adds (numbers kept while suspended; sender IDs). */
const NEW_ALERT_KINDS = ['NUMBER_RELEASED', 'SENDER_ID_APPROVED', 'SENDER_ID_REJECTED', 'SENDER_ID_RENEWAL_FAILED', 'SENDER_ID_CANCELLED'];
const NEW_NOTIFICATION_KINDS = ['NUMBER_RENEWAL_FAILED', ...NEW_ALERT_KINDS];

/**
 * Numbers kept while their wallet is suspended (issue 17): a renewal that falls while the wallet
 * is SUSPENDED is deferred and owed (status RENEWAL_OWED; `renews_at` stays the first unpaid
 * month, i.e. "owed since") instead of entering GRACE. An owed number is held like an ACTIVE one:
 * nobody else may buy it, and it is in the renewals' index. Also adds the alert, notification,
 * mail and webhook kinds of number renewals and releases and of sender IDs, through
 * {@link allowValuesSql} so that kinds other migrations add are kept.
 */
export class Migration20261207010000NumbersRenewalOwed extends Migration {
  override up(): void {
    this.addSql(`
${allowValuesSql({ table: 'phone_number', column: 'status', constraintName: 'phone_number_status_check', values: ['RENEWAL_OWED'] })}
drop index phone_number_held_idx;
create unique index phone_number_held_idx on phone_number (number) where status in ('ACTIVE', 'GRACE', 'RENEWAL_OWED');
drop index phone_number_renewal_idx;
create index phone_number_renewal_idx on phone_number (renews_at) where status in ('ACTIVE', 'GRACE', 'RENEWAL_OWED');
${allowValuesSql({ table: 'alert', column: 'kind', constraintName: 'alert_kind_check', values: NEW_ALERT_KINDS })}
${allowValuesSql({ table: 'notification_preference', column: 'kind', constraintName: 'notification_preference_kind_check', values: NEW_NOTIFICATION_KINDS })}
${allowValuesSql({ table: 'email_message', column: 'kind', constraintName: 'email_message_kind_check', values: NEW_NOTIFICATION_KINDS })}
${allowValuesSql({ table: 'webhook_event', column: 'type', constraintName: 'webhook_event_type_check', values: NEW_NOTIFICATION_KINDS })}
${allowValuesSql({
  table: 'webhook_endpoint',
  column: 'event_types',
  constraintName: 'webhook_endpoint_event_types_check',
  values: NEW_NOTIFICATION_KINDS,
  array: true,
  extraSql: 'cardinality(event_types) >= 1',
})}
`);
  }

  override down(): void {
    this.addSql(`
update phone_number set status = 'GRACE', grace_until = renews_at where status = 'RENEWAL_OWED';
drop index phone_number_held_idx;
create unique index phone_number_held_idx on phone_number (number) where status in ('ACTIVE', 'GRACE');
drop index phone_number_renewal_idx;
create index phone_number_renewal_idx on phone_number (renews_at) where status in ('ACTIVE', 'GRACE');
`);
  }
}
